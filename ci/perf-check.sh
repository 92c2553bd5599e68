#!/usr/bin/env bash
# Performance-regression check: runs a fixed, short JMH subset (ci/perf-subset.txt) together with the
# calibration benchmark in one JVM session, normalises every score by the calibration score, and
# compares with the committed baseline ci/perf-baseline.json.
#
#   ci/perf-check.sh                    compare; exit 1 on a normalised slowdown beyond the threshold
#   ci/perf-check.sh --record           also append one line per benchmark to ci/perf-history.csv
#   ci/perf-check.sh --update-baseline  measure and rewrite ci/perf-baseline.json (commit it deliberately)
#   ci/perf-check.sh --markdown         print the table as Markdown (for README's performance section)
# Environment: PERF_THRESHOLD (default 1.5), PERF_JMH_ARGS (default "-f 1 -wi 2 -i 3 -w 1s -r 1s -bm sample":
# sample mode, so that PerfCheck compares the fastest sampled operation, which a busy machine disturbs
# far less than the mean).
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/java-env.sh

mode=check
extra=()
for a in "$@"; do
  case "$a" in
    --record) extra+=(--history ci/perf-history.csv) ;;
    --update-baseline) mode=baseline ;;
    --markdown) extra+=(--markdown) ;;
    *) echo "perf-check: unknown option '$a' (use --record, --update-baseline, --markdown)" >&2; exit 2 ;;
  esac
done

jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  ./mvnw -B -ntp -q -DskipTests package -pl benchmarks -am
fi

includes=()
while IFS= read -r line; do
  line="${line%%#*}"
  line="$(echo "$line" | xargs)"
  [ -n "$line" ] && includes+=("$line")
done < ci/perf-subset.txt

out=target/perf
mkdir -p "$out"
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
jvm_flags=("${GMMVI_JVM_FLAGS[@]}") # from .mvn/maven.config, via ci/java-env.sh

# shellcheck disable=SC2086
java "${jvm_flags[@]}" -jar "$jar" ${PERF_JMH_ARGS:--f 1 -wi 2 -i 3 -w 1s -r 1s -bm sample} \
  -rf json -rff "$out/jmh.json" "org.gmmvi.benchmarks.calibration.CalibrationBenchmark" "${includes[@]}" \
  > "$out/jmh.log" 2>&1 || { tail -n 60 "$out/jmh.log"; echo "perf-check: JMH run failed" >&2; exit 1; }

check=(java "${jvm_flags[@]}" -cp "$jar" org.gmmvi.benchmarks.perf.PerfCheck
  --results "$out/jmh.json" --baseline ci/perf-baseline.json
  --threshold "${PERF_THRESHOLD:-1.5}" --revision "$rev")
if [ "$mode" = baseline ]; then
  "${check[@]}" --write-baseline
else
  "${check[@]}" "${extra[@]}"
fi
