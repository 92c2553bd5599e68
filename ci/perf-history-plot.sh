#!/usr/bin/env bash
# Redraws docs/perf-history.png from ci/perf-history.csv (rows appended by ci/perf-check.sh --record).
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/java-env.sh
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || ./mvnw -B -ntp -q -DskipTests package -pl benchmarks -am
java -Djava.awt.headless=true -cp "$jar" org.gmmvi.benchmarks.perf.PerfHistoryPlot \
  --history ci/perf-history.csv --out docs/perf-history.png
