#!/usr/bin/env bash
# Sourced by every script of the project: selects a JDK >= 25 and exports JAVA_HOME and PATH.
# Order: an existing JAVA_HOME of version >= 25, else /usr/lib/jvm/temurin-25-jdk-amd64, else a clear error.

gmmvi_java_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing if it is not a JDK.
  local home="$1" v
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  [ -n "$v" ] || return 1
  echo "${v%%.*}"
}

gmmvi_select_jdk() {
  local major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(gmmvi_java_major "$JAVA_HOME" || true)
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  fi
  local fallback=/usr/lib/jvm/temurin-25-jdk-amd64
  major=$(gmmvi_java_major "$fallback" || true)
  if [ -n "$major" ] && [ "$major" -ge 25 ]; then
    export JAVA_HOME="$fallback"
    export PATH="$JAVA_HOME/bin:$PATH"
    return 0
  fi
  echo "error: gmmvi-java needs a JDK 25 or newer (it uses the Vector API and the FFM API)." >&2
  echo "       JAVA_HOME='${JAVA_HOME:-}' is not one, and $fallback does not exist." >&2
  echo "       Install Temurin 25 (e.g. the temurin-25-jdk package) or set JAVA_HOME to a JDK >= 25." >&2
  return 1
}

gmmvi_select_jdk || exit 1

# GMMVI_JVM_FLAGS: the JVM flags every gmmvi JVM needs (Vector API, native access), as an array.
# Their one source is the -Dgmmvi.jvm.flags line of .mvn/maven.config, which Maven reads too
# (surefire's argLine, the cli jar's jvm-flags.txt for child JVMs).
gmmvi_read_jvm_flags() {
  local config line
  config="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.mvn/maven.config"
  line=$(sed -n 's/^-Dgmmvi\.jvm\.flags=//p' "$config")
  if [ -z "$line" ]; then
    echo "error: no -Dgmmvi.jvm.flags line in $config" >&2
    return 1
  fi
  read -r -a GMMVI_JVM_FLAGS <<< "$line"
}
gmmvi_read_jvm_flags || exit 1
