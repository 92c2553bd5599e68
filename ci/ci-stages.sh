#!/usr/bin/env bash
# CI stages run by .ci/run after the main test command (which used backend "auto"):
#   1. the whole test suite (every module) once per forced backend (scalar, panama, openblas), so
#      that targets, metrics and runs are tested on each backend, not just the kernels; the
#      BackendSelectionTest marker asserts that the forced backend is the one that ran;
#   2. the benchmarks' shaded jar and a one-iteration smoke run of every kernel benchmark on a
#      small parameter subset, so that benchmarks (and their result checks) cannot rot;
#   3. the library example (examples/library-quickstart/run.sh: install into an isolated local
#      repository, build the standalone project, run it);
#   4. the launcher's stderr is empty for a successful command.
# CI timings are never results. Fails loudly on any error. Budget: about 5-6 minutes on 2 cores
# (the whole suite takes ~70 s per backend).
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/java-env.sh

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

for backend in scalar panama openblas; do
  echo "== ci-stages: all tests with -Dgmmvi.kernels.backend=$backend"
  ./mvnw -B -ntp test -Dgmmvi.kernels.backend="$backend" 2>&1 | tee "$logs/$backend.log"
  marker="GMMVI_KERNELS_BACKEND_RAN=$backend requested=$backend"
  if ! grep -rqF "$marker" "$logs/$backend.log" kernels/target/surefire-reports/; then
    echo "error: the test suite did not report running backend '$backend' (marker '$marker' missing)" >&2
    exit 1
  fi
  echo "== ci-stages: backend $backend ran and passed"
done

echo "== ci-stages: building the benchmarks jar"
./mvnw -B -ntp -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || { echo "error: $jar was not built" >&2; exit 1; }

# One short iteration per benchmark and parameter point; -foe makes a failing result check fatal.
# ignoreLock: on a shared machine another JMH may hold /tmp/jmh.lock; smoke timings are not results.
smoke() {
  echo "== ci-stages: benchmark smoke $*"
  java "${GMMVI_JVM_FLAGS[@]}" -Djmh.ignoreLock=true -jar "$jar" "$@" \
    -f 1 -wi 0 -i 1 -r 100ms -foe true
}
smoke 'kernels\.MixtureBenchmark' -p n=200 -p k=3 -p d=7
smoke 'kernels\.CholeskyBenchmark' -p n=5,33
smoke 'kernels\.TriangularSolveBenchmark' -p m=100 -p n=7
smoke 'kernels\.NgBenchmark' -p n=100 -p d=7,21

# 3. The library route of README.md: mvn install of the modules into an isolated local repository,
#    the standalone example project built against them and run (it checks the fitted moments).
echo "== ci-stages: library example (examples/library-quickstart)"
examples/library-quickstart/run.sh

# 4. The launcher is quiet: a successful command prints nothing on stderr (no JVM incubator
#    warning, no INFO log lines; build output only when the build fails).
echo "== ci-stages: launcher stderr of 'gmmvi list codewords'"
./gmmvi list codewords >/dev/null 2>&1 || true # builds the jar if stale ("building ..." line)
noise="$(./gmmvi list codewords 2>&1 >/dev/null)"
if [ -n "$noise" ]; then
  echo "error: './gmmvi list codewords' wrote to stderr:" >&2
  printf '%s\n' "$noise" >&2
  exit 1
fi
echo "== ci-stages: all stages passed"
