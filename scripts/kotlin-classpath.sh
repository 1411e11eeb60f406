#!/usr/bin/env bash
# Prints the jars the Kotlin bindings need at run time, one path a line, each in a Maven layout
# (REPO/GROUP/ARTIFACT/VERSION/ARTIFACT-VERSION.jar) so its coordinates are its path: JNA from
# Debian's /usr/share/maven-repo, kotlin-stdlib and kotlinx-coroutines-core-jvm from the Kotlin
# distribution (scripts/setup-kotlin.sh). The jar is compiled against exactly these, its tests run
# with them, and its POM declares them (scripts/build-maven-repo.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kotlin_home=$("$root/scripts/setup-kotlin.sh")
kotlin_maven="$kotlin_home/maven"
# Debian's jna.jar links to jna-VERSION.jar: its Maven folder has that version.
jna_version="$(basename "$(readlink -f /usr/share/java/jna.jar)" .jar)"
jna_version="${jna_version#jna-}"
jars=(
  "/usr/share/maven-repo/net/java/dev/jna/jna/$jna_version/jna-$jna_version.jar"
  "$kotlin_maven"/org/jetbrains/kotlin/kotlin-stdlib/*/kotlin-stdlib-*.jar
  "$kotlin_maven"/org/jetbrains/kotlinx/kotlinx-coroutines-core-jvm/*/kotlinx-coroutines-core-jvm-*.jar
)
for jar in "${jars[@]}"; do
  [ -e "$jar" ] || { echo "kotlin-classpath: $jar is missing" >&2; exit 1; }
  echo "$jar"
done
