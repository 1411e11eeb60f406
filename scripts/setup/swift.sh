#!/usr/bin/env bash
# Installs (once) a Swift 6 toolchain for the Swift binding tests: Debian 12 has no Swift, so this
# builds a Debian 13 (trixie) root with debootstrap, from the Debian mirror the host's apt already
# uses, and installs Debian's `swiftlang` and `libc6-dev` in it. The root lives in the cache folder
# outside the repository: ${IOT_TRANSFER_CACHE:-$HOME/.cache/iot-transfer}/swift-root (2.6 GB;
# about 45 s on 2 cores). Needs root (debootstrap, mount, chroot).
# Run commands in it with scripts/run/swift-run.sh. Prints the root's path on stdout, progress on stderr.
#
# Safe to run twice (the second run is a no-op) and after an interrupted run (scripts/lib/
# debian-root.sh says how): the stamp file swift-root/.iot-transfer-swift-ready is written only
# after swiftlang installed and compiled a test program. The same root also carries Python 3.13
# for the Python tests (scripts/setup/python-root.sh), under its own stamp.
#
# Environment: IOT_TRANSFER_CACHE (cache folder), SWIFT_DEBIAN_MIRROR or IOT_TRANSFER_DEBIAN_MIRROR
# (overrides the mirror read from the host's apt sources), SWIFT_DEBIAN_SUITE (default trixie).
set -euo pipefail

. "$(dirname "$0")/../lib/env.sh"
root="$cache/swift-root"
stamp="$root/.iot-transfer-swift-ready"
suite="${SWIFT_DEBIAN_SUITE:-trixie}"
root_log_name=setup-swift
# shellcheck source=lib/debian-root.sh
. "$(dirname "$0")/../lib/debian-root.sh"

# (usr/bin/swift is an absolute symlink, valid only inside the root: test the link, not its target.)
in_root_has() { [ -e "$root$1" ] || [ -L "$root$1" ]; }
# CA certificates: an app on a real system has them, and the HTTP client loads them at start.
ready() { [ -f "$stamp" ] && in_root_has /usr/bin/swiftc && in_root_has /usr/bin/swift && [ -f "$root/etc/ssl/certs/ca-certificates.crt" ]; }
root_enter "$root"

started=$SECONDS
mirror="$(root_mirror "${SWIFT_DEBIAN_MIRROR:-${IOT_TRANSFER_DEBIAN_MIRROR:-}}")"
root_log "Debian mirror: $mirror (suite $suite)"
root_base "$root" "$suite" "$mirror"
root_apt_install "$root" "$cache/swift-root.apt.log" swiftlang libc6-dev ca-certificates

# Check that the toolchain really compiles and runs a program before stamping the root.
root_log "checking the toolchain"
mkdir -p "$root/tmp/setup-swift-check"
echo 'print("swift ok")' >"$root/tmp/setup-swift-check/main.swift"
if ! out="$(root_run "$root" /bin/sh -euc 'cd /tmp/setup-swift-check && swiftc -o check main.swift && ./check' 2>&1)" \
    || [ "$out" != "swift ok" ]; then
  echo "$out" >&2
  root_die "the Swift toolchain in $root does not work"
fi
rm -rf "$root/tmp/setup-swift-check"
version="$(root_run "$root" swift --version 2>&1 | head -n 1)"
root_stamp "$root" "$stamp" "$version"
