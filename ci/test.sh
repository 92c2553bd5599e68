#!/usr/bin/env bash
# The project's test command (README): builds every module and runs every test suite.
# Extra arguments go to Maven, e.g. ci/test.sh -Dgmmvi.kernels.backend=scalar -pl kernels
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/java-env.sh
# Every forked test JVM prints the Vector API's "WARNING: Using incubator modules" line (no flag
# turns it off, docs/TOOLCHAIN.md); drop exactly that line, keep everything else and the exit code.
./mvnw -B -ntp verify "$@" 2>&1 \
  | { grep -v -x --line-buffered 'WARNING: Using incubator modules: jdk.incubator.vector' || true; }
