#!/usr/bin/env bash
# Compiles the generated Kotlin bindings into target/uniffi/kotlin/iot-transfer.jar with the
# native library inside (linux-x86-64/, where JNA looks), then compiles and runs the Kotlin tests
# with only that jar, JNA, kotlinx-coroutines and the Kotlin stdlib on the class path.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kotlin_home=$("$root/scripts/setup-kotlin.sh")
uniffi="$root/target/uniffi"
"$root/scripts/build-uniffi.sh" >/dev/null
build="$uniffi/kotlin-build"
rm -rf "$build"
mkdir -p "$build/native/linux-x86-64"
jna=/usr/share/java/jna.jar
gson=/usr/share/java/gson.jar
coroutines="$kotlin_home/lib/kotlinx-coroutines-core-jvm.jar"
stdlib="$kotlin_home/lib/kotlin-stdlib.jar"
"$kotlin_home/bin/kotlinc" -nowarn "$uniffi"/kotlin/dev/iottransfer/*.kt "$root"/bindings-uniffi/kotlin/*.kt -cp "$jna:$coroutines" -d "$build/iot-transfer.jar" 2>&1 | grep -v '^warning' || true
[ -f "$build/iot-transfer.jar" ] || { echo "kotlinc failed to compile the bindings" >&2; exit 1; }
cp "$uniffi/libiot_transfer_uniffi.so" "$build/native/linux-x86-64/"
jar uf "$build/iot-transfer.jar" -C "$build/native" linux-x86-64/libiot_transfer_uniffi.so
"$kotlin_home/bin/kotlinc" -nowarn "$root"/bindings-uniffi/tests/kotlin/*.kt -cp "$build/iot-transfer.jar:$jna:$coroutines:$gson" \
  -d "$build/tests.jar" 2>&1 | grep -v '^warning' || true
[ -f "$build/tests.jar" ] || { echo "kotlinc failed to compile the tests" >&2; exit 1; }
"$root/scripts/with-emulator.sh" java -cp "$build/tests.jar:$build/iot-transfer.jar:$jna:$coroutines:$stdlib:$gson" ClientTestKt "$root/tests/vectors"
