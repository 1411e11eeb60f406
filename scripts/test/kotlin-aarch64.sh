#!/usr/bin/env bash
# Runs the Maven consumer (tests/kotlin-consumer) on an aarch64 JVM, so the release jar's
# linux-aarch64 library is loaded and called by JNA on the architecture it is built for: Debian's
# arm64 OpenJDK 17 and JNA, unpacked (debootstrap, not installed: nothing of it runs on the host)
# into ${IOT_TRANSFER_CACHE:-$HOME/.cache/iot-transfer}/arm64-jre-root, run by qemu-user with that
# root as its library prefix, against the local IoT endpoint running natively. Slow (every
# instruction emulated), so not part of `make test`: run it after `make jar`.
#
# Usage: scripts/test/kotlin-aarch64.sh [REPO]   (default target/maven)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
repo="${1:-$root/target/maven}"
. "$(dirname "$0")/../lib/env.sh"
jre_root="$cache/arm64-jre-root"
java="$jre_root/usr/lib/jvm/java-17-openjdk-arm64/bin/java"
. "$(dirname "$0")/../lib/host-packages.sh"
command -v qemu-aarch64 >/dev/null || host_install qemu-user
command -v debootstrap >/dev/null || host_install debootstrap
if [ ! -f "$jre_root/.iot-transfer-ready" ]; then
  # shellcheck disable=SC1091
  codename="$(. /etc/os-release && echo "$VERSION_CODENAME")"
  # The mirror the host's apt uses for its own release, as apt itself reads the sources.
  mirror=$(apt-cache policy | awk -v suite="$codename/main" '$3 == suite && /Packages/ { print $2; exit }')
  [ -n "$mirror" ] || { echo "test-kotlin-aarch64: no Debian mirror for $codename in apt's sources" >&2; exit 1; }
  rm -rf "$jre_root.partial"
  # --foreign only downloads and unpacks: the packages are unpacked below, never configured or run.
  $sudo debootstrap --arch=arm64 --variant=minbase --foreign \
    --include=openjdk-17-jre-headless,libjna-java,libjna-jni "$codename" "$jre_root.partial" "$mirror" >"$cache/arm64-jre-root.log" 2>&1 ||
    { echo "test-kotlin-aarch64: debootstrap failed (see $cache/arm64-jre-root.log)" >&2; exit 1; }
  for deb in "$jre_root.partial"/var/cache/apt/archives/*.deb; do
    dpkg-deb -x "$deb" "$jre_root.partial"
  done
  [ -x "$jre_root.partial/usr/lib/jvm/java-17-openjdk-arm64/bin/java" ] || { echo "test-kotlin-aarch64: no arm64 java unpacked" >&2; exit 1; }
  touch "$jre_root.partial/.iot-transfer-ready"
  rm -rf "$jre_root"
  mv "$jre_root.partial" "$jre_root"
fi
unzip -Z1 "$repo"/dev/iottransfer/iot-transfer/*/iot-transfer-*[0-9].jar | grep -qx linux-aarch64/libiot_transfer_uniffi.so ||
  { echo "test-kotlin-aarch64: the jar in $repo has no linux-aarch64 library (run make jar)" >&2; exit 1; }
# qemu looks up absolute paths (the loader, libraries, the JVM's files, JNA's dispatch library)
# under the root first, then on the host (the jars, the endpoint's temporary files).
CONSUMER_JAVA="qemu-aarch64 -L $jre_root $java -XX:TieredStopAtLevel=1 -Djna.debug_load=true" \
  "$root/tests/kotlin-consumer/run.sh" "$repo"
