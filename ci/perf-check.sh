#!/usr/bin/env bash
# Performance-regression check: runs a fixed, short JMH subset (ci/perf-subset.txt) together with the
# calibration benchmark in one JVM session, normalises every score by the calibration score, and
# compares with the committed baseline ci/perf-baseline.json.
#
#   ci/perf-check.sh                    compare; exit 1 on a normalised slowdown beyond the threshold
#   ci/perf-check.sh --record           also append one line per benchmark to ci/perf-history.csv
#   ci/perf-check.sh --update-baseline  measure and rewrite ci/perf-baseline.json (commit it deliberately)
#   ci/perf-check.sh --markdown         print the table as Markdown (for README's performance section)
#   ci/perf-history-plot.sh             redraw docs/perf-history.png from ci/perf-history.csv
# Rounds: round 1 runs the whole subset; a benchmark beyond the threshold is only a suspect, and the
# following rounds (up to PERF_ROUNDS, each with its own calibration) rerun just the suspects. A
# benchmark fails the check only if it is beyond the threshold in every round (PerfCheck takes the
# best round per benchmark), so a burst of load on a shared machine does not fail CI, while a real
# slowdown, which repeats, does. --update-baseline measures PERF_ROUNDS full rounds and keeps the
# median round of each benchmark (a typical value; the check compares the best of its rounds with it).
# Environment: PERF_THRESHOLD (default 1.3), PERF_ROUNDS (default 3), PERF_JMH_ARGS (default
# "-f 1 -wi 2 -i 3 -w 1s -r 1s -bm sample": sample mode, so that PerfCheck compares the fastest
# sampled operation, which a busy machine disturbs far less than the mean).
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

rounds=${PERF_ROUNDS:-3}
case "$rounds" in ''|*[!0-9]*|0) echo "perf-check: PERF_ROUNDS must be a positive integer, got '$rounds'" >&2; exit 2 ;; esac
rm -f "$out"/round-*.json "$out"/round-*.log

# jmh_round N INCLUDE...: one JMH session of the calibration benchmark and the given includes.
jmh_round() {
  local n="$1"; shift
  echo "perf-check: round $n: $*"
  # shellcheck disable=SC2086
  java "${jvm_flags[@]}" -jar "$jar" ${PERF_JMH_ARGS:--f 1 -wi 2 -i 3 -w 1s -r 1s -bm sample} \
    -rf json -rff "$out/round-$n.json" "org.gmmvi.benchmarks.calibration.CalibrationBenchmark" "$@" \
    > "$out/round-$n.log" 2>&1 || { tail -n 60 "$out/round-$n.log"; echo "perf-check: JMH round $n failed" >&2; exit 1; }
}

check=(java "${jvm_flags[@]}" -cp "$jar" org.gmmvi.benchmarks.perf.PerfCheck
  --baseline ci/perf-baseline.json --threshold "${PERF_THRESHOLD:-1.3}" --revision "$rev")
results=()

if [ "$mode" = baseline ]; then
  for n in $(seq 1 "$rounds"); do
    jmh_round "$n" "${includes[@]}"
    results+=(--results "$out/round-$n.json")
  done
  "${check[@]}" "${results[@]}" --write-baseline
  exit 0
fi

suspects=("${includes[@]}")
for n in $(seq 1 "$rounds"); do
  jmh_round "$n" "${suspects[@]}"
  results+=(--results "$out/round-$n.json")
  if [ "$n" -lt "$rounds" ]; then
    rc=0
    "${check[@]}" "${results[@]}" --suspects "$out/suspects.txt" > "$out/check-$n.txt" || rc=$?
    [ "$rc" -eq 0 ] && break
    [ "$rc" -eq 1 ] || { cat "$out/check-$n.txt"; exit "$rc"; }
    suspects=()
    while IFS= read -r name; do suspects+=("${name}\$"); done < "$out/suspects.txt"
    echo "perf-check: round $n: ${#suspects[@]} suspect(s) beyond the threshold; measuring them again"
    cat "$out/check-$n.txt"
  fi
done
"${check[@]}" "${results[@]}" "${extra[@]}"
