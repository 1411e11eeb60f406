#!/usr/bin/env bash
# Builds the Kotlin bindings' jar and prints its path: uniffi's generated Kotlin, the Kotlin face
# generated from the core's declarations (codegen, `iot-transfer-generate kotlin`: builders, DSL methods,
# paginator Flows) and the hand-written one (bindings-uniffi/kotlin), compiled against exactly the
# jars of scripts/run/kotlin-classpath.sh, with the native library inside where JNA looks for it.
#   debug:   linux-x86-64 only, the debug library the tests already build (for `make test`)
#   release: linux-x86-64 and linux-aarch64, release builds for glibc 2.17+ (scripts/build/native.sh)
#            without static symbols (for `make jar`)
# Writes target/kotlin/PROFILE/{iot-transfer.jar, sources/} and reuses the jar when no source,
# native library or dependency changed (a content stamp beside it).
#
# Usage: scripts/build/kotlin-jar.sh [debug|release]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
profile="${1:-debug}"
kotlin_home=$("$root/scripts/setup/kotlin.sh")
mapfile -t classpath < <("$root/scripts/run/kotlin-classpath.sh")
uniffi=$("$root/scripts/build/uniffi.sh")
build="$root/target/kotlin/$profile"
generated="$root/target/kotlin/generated/dev/iottransfer"
rm -rf "$generated"
cargo run --quiet --manifest-path "$root/Cargo.toml" -p iot-transfer-codegen -- kotlin "$generated"

# Natives as JNA's resource prefixes name the platforms.
declare -A natives
case "$profile" in
  debug) natives[linux-x86-64]="$uniffi/libiot_transfer_uniffi.so" ;;
  release)
    natives[linux-x86-64]=$("$root/scripts/build/native.sh" x86_64-unknown-linux-gnu release)
    natives[linux-aarch64]=$("$root/scripts/build/native.sh" aarch64-unknown-linux-gnu release)
    ;;
  *) echo "usage: scripts/build/kotlin-jar.sh [debug|release]" >&2; exit 2 ;;
esac

sources=("$uniffi"/kotlin/dev/iottransfer/*.kt "$generated"/*.kt "$root"/bindings-uniffi/kotlin/*.kt)
version=$(cargo metadata --no-deps --format-version 1 --manifest-path "$root/Cargo.toml" |
  python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "iot-transfer-uniffi"))')
stamp=$( {
  echo "$version $profile $("$kotlin_home/bin/kotlinc" -version 2>&1)"
  sha256sum "${sources[@]}" "${classpath[@]}" "${natives[@]}" | sed "s|  $root/|  |"
} | sha256sum)
jar="$build/iot-transfer.jar"
if [ -f "$jar" ] && [ "$(cat "$build/stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "$jar"
  exit 0
fi

rm -rf "$build"
mkdir -p "$build/sources/dev/iottransfer" "$build/native"
# One package, one folder: the sources jar is this folder.
cp "${sources[@]}" "$build/sources/dev/iottransfer/"
[ "$(ls "$build/sources/dev/iottransfer" | wc -l)" -eq "${#sources[@]}" ] || { echo "two Kotlin sources share a name" >&2; exit 1; }
cp_joined=$(IFS=:; echo "${classpath[*]}")
"$kotlin_home/bin/kotlinc" -nowarn -no-stdlib -no-reflect "$build"/sources/dev/iottransfer/*.kt \
  -cp "$cp_joined" -d "$build/classes.jar" 2>&1 | grep -v '^warning' || true
[ -f "$build/classes.jar" ] || { echo "kotlinc failed to compile the Kotlin bindings" >&2; exit 1; }
mv "$build/classes.jar" "$jar"
for platform in "${!natives[@]}"; do
  mkdir -p "$build/native/$platform"
  cp "${natives[$platform]}" "$build/native/$platform/"
  # A release library keeps the dynamic symbols JNA binds and loses any static symbol table (Zig's
  # linker leaves none; uniffi-bindgen reads the debug library's).
  if [ "$profile" = release ] && readelf -S -W "${natives[$platform]}" | grep -q ' \.symtab '; then
    strip --strip-all "$build/native/$platform/libiot_transfer_uniffi.so"
  fi
done
printf 'Implementation-Title: iot-transfer\nImplementation-Version: %s\nAutomatic-Module-Name: dev.iottransfer\n' "$version" >"$build/manifest.txt"
(cd "$build/native" && jar ufm "$jar" "$build/manifest.txt" */libiot_transfer_uniffi.so)
echo "$stamp" >"$build/stamp"
echo "$jar"
