#!/usr/bin/env bash
# Builds the Android library: dev.iottransfer:iot-transfer-android:VERSION, an AAR with the Kotlin
# bindings' classes (the same classes as the JVM jar, scripts/build/kotlin-jar.sh) and the native
# library for arm64-v8a, armeabi-v7a and x86_64 under jni/, laid out in target/maven beside the jar
# with its POM (JNA as an AAR, kotlinx-coroutines, kotlin-stdlib) and checksums.
#
# Needs the Android NDK (r26 or later): ANDROID_NDK_HOME (or ANDROID_NDK_ROOT) names its folder.
# The NDK is not in the package registries this project installs from, so this script is NOT run
# or tested on the project's Linux build machines; see docs/android.md.
#
# Usage: ANDROID_NDK_HOME=/path/to/ndk scripts/build/android-aar.sh   (ANDROID_API, default 26)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$(dirname "$0")/../lib/env.sh"
ndk="${ANDROID_NDK_HOME:-${ANDROID_NDK_ROOT:-}}"
api="${ANDROID_API:-26}"
if [ -z "$ndk" ] || [ ! -d "$ndk/toolchains/llvm/prebuilt" ]; then
  echo "build-android-aar: set ANDROID_NDK_HOME to an Android NDK (r26+); see docs/android.md" >&2
  exit 1
fi
toolchain=$(echo "$ndk"/toolchains/llvm/prebuilt/*)
# ABI, Rust target, and the NDK's clang for it (the API level is part of its name).
abis=(
  "arm64-v8a aarch64-linux-android aarch64-linux-android$api-clang"
  "armeabi-v7a armv7-linux-androideabi armv7a-linux-androideabi$api-clang"
  "x86_64 x86_64-linux-android x86_64-linux-android$api-clang"
)
# The mobile library's profile and features, as scripts/test/native-size.sh measures them.
mapfile -t mobile < <(mobile_cargo_args)
out="$root/target/android"
rm -rf "$out"
mkdir -p "$out/aar/jni"
for entry in "${abis[@]}"; do
  read -r abi triple clang <<<"$entry"
  rustup target list --installed | grep -qx "$triple" || rustup target add "$triple"
  env_triple="$(tr 'a-z-' 'A-Z_' <<<"$triple")"
  # 16 KB pages: required of 64-bit apps from Android 15 on.
  page_size=""
  [ "$abi" != armeabi-v7a ] && page_size="-C link-arg=-Wl,-z,max-page-size=16384"
  # The mobile library: no `unify` (test builds only), no shared configuration (Android has no
  # shared files or instance metadata), built for size (scripts/lib/env.sh; docs/size.md, "Native").
  env "CARGO_TARGET_${env_triple}_LINKER=$toolchain/bin/$clang" \
    "CARGO_TARGET_${env_triple}_RUSTFLAGS=$page_size" \
    "CC_${triple//-/_}=$toolchain/bin/$clang" "AR_${triple//-/_}=$toolchain/bin/llvm-ar" \
    cargo build --quiet --manifest-path "$root/Cargo.toml" "${mobile[@]}" --target "$triple" -p iot-transfer-uniffi --lib
  mkdir -p "$out/aar/jni/$abi"
  "$toolchain/bin/llvm-strip" --strip-all -o "$out/aar/jni/$abi/libiot_transfer_uniffi.so" \
    "${CARGO_TARGET_DIR:-$root/target}/$triple/$mobile_profile/libiot_transfer_uniffi.so"
done

# The classes: the JVM jar's, without its desktop natives (Android loads jni/ through JNA).
jar=$("$root/scripts/build/kotlin-jar.sh" debug)
mkdir -p "$out/classes"
(cd "$out/classes" && unzip -q "$jar" -x 'linux-*' 'META-INF/MANIFEST.MF' && jar cf "$out/aar/classes.jar" .)
cat >"$out/aar/AndroidManifest.xml" <<MANIFEST
<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="dev.iottransfer">
    <uses-sdk android:minSdkVersion="$api" />
    <uses-permission android:name="android.permission.INTERNET" />
</manifest>
MANIFEST
: >"$out/aar/R.txt"
# R8 must keep what JNA reaches by reflection: the generated structures and callbacks.
cat >"$out/aar/proguard.txt" <<'RULES'
-keep class com.sun.jna.** { *; }
-keep class * extends com.sun.jna.** { *; }
-keep class dev.iottransfer.** { *; }
-dontwarn java.awt.**
RULES

version=$(cargo metadata --no-deps --format-version 1 --manifest-path "$root/Cargo.toml" |
  python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "iot-transfer-uniffi"))')
dir="$root/target/maven/dev/iottransfer/iot-transfer-android/$version"
rm -rf "$dir"
mkdir -p "$dir"
base="$dir/iot-transfer-android-$version"
(cd "$out/aar" && zip -q -r "$base.aar" AndroidManifest.xml classes.jar jni R.txt proguard.txt)
deps=""
while IFS=: read -r group artifact dep_version; do
  type=""
  [ "$artifact" = jna ] && type="      <type>aar</type>"$'\n'
  deps+="    <dependency>"$'\n'"      <groupId>$group</groupId>"$'\n'"      <artifactId>$artifact</artifactId>"$'\n'
  deps+="      <version>$dep_version</version>"$'\n'"$type    </dependency>"$'\n'
done < <("$root/scripts/run/kotlin-classpath.sh" --coordinates)
cat >"$base.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.iottransfer</groupId>
  <artifactId>iot-transfer-android</artifactId>
  <version>$version</version>
  <packaging>aar</packaging>
  <name>iot-transfer-android</name>
  <description>The AWS IoT certificate-transfer API for Android (minSdk $api), over one Rust core through uniffi: arm64-v8a, armeabi-v7a, x86_64.</description>
  <dependencies>
$deps  </dependencies>
</project>
POM
for file in "$base.aar" "$base.pom"; do
  for sum in md5 sha1 sha256 sha512; do
    "${sum}sum" "$file" | cut -d' ' -f1 | tr -d '\n' >"$file.$sum"
  done
done
echo "$base.aar"
