#!/usr/bin/env bash
# Prints the jars the Kotlin bindings need at run time, one a line, each from a local Maven
# repository so that its coordinates are its path (REPO/GROUP/ARTIFACT/VERSION/ARTIFACT-VERSION.jar):
# JNA from Debian's /usr/share/maven-repo, kotlin-stdlib and kotlinx-coroutines-core-jvm from the
# Kotlin distribution (scripts/setup/kotlin.sh). The jar is compiled against exactly these, its
# tests run with them, and its POM declares them (scripts/build/maven-repo.sh).
#
# Usage: scripts/run/kotlin-classpath.sh                 the jars' paths
#        scripts/run/kotlin-classpath.sh --coordinates   GROUP:ARTIFACT:VERSION of each
#        scripts/run/kotlin-classpath.sh --repositories  the local repositories they come from
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
kotlin_home=$("$root/scripts/setup/kotlin.sh")
debian=/usr/share/maven-repo
kotlin="$kotlin_home/maven"
if [ "${1:-}" = --repositories ]; then
  printf '%s\n' "$debian" "$kotlin"
  exit 0
fi
# Debian's jna.jar links to jna-VERSION.jar: its Maven folder has that version.
jna_version="$(basename "$(readlink -f /usr/share/java/jna.jar)" .jar)"
jna_version="${jna_version#jna-}"
jars=(
  "$debian/net/java/dev/jna/jna/$jna_version/jna-$jna_version.jar"
  "$kotlin"/org/jetbrains/kotlin/kotlin-stdlib/*/kotlin-stdlib-*.jar
  "$kotlin"/org/jetbrains/kotlinx/kotlinx-coroutines-core-jvm/*/kotlinx-coroutines-core-jvm-*.jar
)
for jar in "${jars[@]}"; do
  [ -e "$jar" ] || { echo "kotlin-classpath: $jar is missing" >&2; exit 1; }
  if [ "${1:-}" = --coordinates ]; then
    relative="${jar#"$debian"/}"
    relative="${relative#"$kotlin"/}"
    version_dir="$(dirname "$relative")"
    artifact_dir="$(dirname "$version_dir")"
    group="$(dirname "$artifact_dir" | tr / .)"
    echo "$group:$(basename "$artifact_dir"):$(basename "$version_dir")"
  else
    echo "$jar"
  fi
done
