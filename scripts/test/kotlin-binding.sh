#!/usr/bin/env bash
# Builds the Kotlin bindings' jar (scripts/build/kotlin-jar.sh debug: the native library inside,
# at linux-x86-64/ where JNA looks), then compiles and runs the Kotlin tests with only that jar,
# its runtime dependencies (scripts/run/kotlin-classpath.sh: JNA, kotlin-stdlib, kotlinx-coroutines)
# and Gson, which the tests read the shared vectors with. The tests' side of the shared vectors,
# VectorCalls.kt, is written from the core's declarations (`iot-transfer-generate kotlin-tests`).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
kotlin_home=$("$root/scripts/setup/kotlin.sh")
jar=$("$root/scripts/build/kotlin-jar.sh" debug)
build="$root/target/kotlin/tests"
rm -rf "$build"
mkdir -p "$build/generated"
cargo run --quiet --manifest-path "$root/Cargo.toml" -p iot-transfer-codegen -- kotlin-tests "$build/generated"
classpath="$jar:$("$root/scripts/run/kotlin-classpath.sh" | paste -sd:):/usr/share/java/gson.jar"
"$kotlin_home/bin/kotlinc" -nowarn -no-stdlib -no-reflect "$root"/bindings-uniffi/tests/kotlin/*.kt "$build"/generated/*.kt -cp "$classpath" \
  -d "$build/tests.jar" 2>&1 | grep -v '^warning' || true
[ -f "$build/tests.jar" ] || { echo "kotlinc failed to compile the tests" >&2; exit 1; }
"$root/scripts/run/with-emulator.sh" java -cp "$build/tests.jar:$classpath" ClientTestKt "$root/tests/vectors"
