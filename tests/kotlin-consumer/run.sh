#!/usr/bin/env bash
# The Kotlin bindings as a consumer gets them: dev.iottransfer:iot-transfer from a local Maven
# repository (REPO; by default the debug one `make test-kotlin` builds, with only the x86-64 debug
# library), its POM checked and its dependencies resolved by coordinates from this machine's local
# repositories only (resolve.py), then a small app (Main.kt) compiled with kotlinc against exactly
# that class path and run against the local IoT endpoint.
#
# Usage: tests/kotlin-consumer/run.sh [REPO]   (`make jar` passes target/maven, the release one)
# CONSUMER_JAVA runs the app (default `java`; scripts/test/kotlin-aarch64.sh runs an aarch64 JVM).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
kotlin_home=$("$root/scripts/setup/kotlin.sh")
if [ $# -gt 0 ]; then
  repo="$1"
else
  repo="$root/target/kotlin/debug/maven"
  "$root/scripts/build/maven-repo.sh" debug "$repo" >/dev/null
fi
version=$(sed -n 's|.*<release>\(.*\)</release>.*|\1|p' "$repo/dev/iottransfer/iot-transfer/maven-metadata.xml")
mapfile -t repositories < <("$root/scripts/run/kotlin-classpath.sh" --repositories)
classpath=$(python3 "$here/resolve.py" "$repo" "dev.iottransfer:iot-transfer:$version" "${repositories[@]}")
build="$root/target/kotlin/consumer"
rm -rf "$build"
mkdir -p "$build"
"$kotlin_home/bin/kotlinc" -nowarn -no-stdlib -no-reflect "$here/Main.kt" -cp "$classpath" -d "$build/consumer.jar" 2>&1 |
  grep -v '^warning' || true
[ -f "$build/consumer.jar" ] || { echo "kotlinc failed to compile the consumer" >&2; exit 1; }
"$root/scripts/run/with-emulator.sh" env AWS_ACCESS_KEY_ID=AKIAEMULATORSOURCE AWS_SECRET_ACCESS_KEY=emulator-source-secret \
  ${CONSUMER_JAVA:-java} -cp "$build/consumer.jar:$classpath" MainKt
