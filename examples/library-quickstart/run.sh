#!/usr/bin/env bash
# Builds and runs the library example exactly as a library user would, in an isolated local Maven
# repository (never the shared ~/.m2): 1. `mvn install` of the gmmvi modules the example needs
# (parent, kernels, core), 2. `mvn package` of this standalone project against them, 3. `java` with
# the flags the kernels need. Third-party artifacts are read from ~/.m2 (read-only tail
# repository, Maven >= 3.9) when present, else downloaded into the isolated repository.
#   examples/library-quickstart/run.sh            (CI stage: ci/ci-stages.sh)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/ci/java-env.sh"
repo="$here/target/m2"
mkdir -p "$repo"
mvn_args=(-B -ntp -q "-Dmaven.repo.local=$repo")
if [ -d "$HOME/.m2/repository" ]; then
  mvn_args+=("-Dmaven.repo.local.tail=$HOME/.m2/repository")
fi

echo "== library example: mvn install of gmmvi-parent, gmmvi-kernels, gmmvi-core into $repo"
(cd "$root" && ./mvnw "${mvn_args[@]}" install -DskipTests -pl java-core -am)
echo "== library example: mvn package of examples/library-quickstart"
"$root/mvnw" "${mvn_args[@]}" -f "$here/pom.xml" package
echo "== library example: run"
java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "$here/target/gmmvi-library-quickstart-1.0.jar:$here/target/lib/*" com.example.Quickstart \
  2> >(grep -v '^WARNING: Using incubator modules' >&2)
