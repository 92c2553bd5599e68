#!/usr/bin/env bash
# The project's test command (README): builds every module and runs every test suite.
# Extra arguments go to Maven, e.g. ci/test.sh -Dgmmvi.kernels.backend=scalar -pl kernels
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/java-env.sh
exec ./mvnw -B -ntp verify "$@"
