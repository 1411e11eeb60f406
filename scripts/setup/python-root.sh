#!/usr/bin/env bash
# Installs (once) Debian's Python of another release than the host's, for testing the wheel on old
# and new interpreters: a Debian root built with debootstrap (scripts/lib/debian-root.sh) with
# python3, python3-venv and ca-certificates. Prints the root's path on stdout, progress on stderr.
# Needs root. Run commands in it with scripts/run/root-run.sh --root PATH.
#
# Usage: scripts/setup/python-root.sh SUITE [arm64]
#   bullseye  Debian 11, Python 3.9 (glibc 2.31): ${IOT_TRANSFER_CACHE:-~/.cache/iot-transfer}/bullseye-root
#   trixie    Debian 13, Python 3.13: the Swift root (swift-root), which already is trixie; its
#             Swift stamp is left alone, Python gets a stamp of its own
#   arm64     the same for arm64, in SUITE-arm64-root, whose programs run under qemu-user
#             (scripts/run/with-qemu-aarch64.sh; debootstrap --foreign, then its second stage there)
#
# Safe to run twice (a no-op once the root has .iot-transfer-python-ready, written after a venv was
# made in it) and after an interrupted run. Environment: IOT_TRANSFER_CACHE, IOT_TRANSFER_DEBIAN_MIRROR.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then echo "usage: $0 SUITE [arm64]" >&2; exit 2; fi
suite="$1" arch="${2:-}"
. "$(dirname "$0")/../lib/env.sh"
root_log_name=setup-python-root
# shellcheck source=lib/debian-root.sh
. "$(dirname "$0")/../lib/debian-root.sh"
debootstrap_args=()
case "$suite-$arch" in
  trixie-) root="$cache/swift-root" ;;
  *-) root="$cache/$suite-root" ;;
  *-arm64)
    root="$cache/$suite-arm64-root"
    root_emulator=("$(cd "$(dirname "$0")/../run" && pwd)/with-qemu-aarch64.sh")
    debootstrap_args=(--arch=arm64 --foreign) ;;
  *) root_die "unknown architecture $arch (arm64 is the one known)" ;;
esac
stamp="$root/.iot-transfer-python-ready"

ready() { [ -f "$stamp" ] && [ -e "$root/usr/bin/python3" ]; }
root_enter "$root"

started=$SECONDS
mirror="$(root_mirror "${IOT_TRANSFER_DEBIAN_MIRROR:-}")"
root_log "Debian mirror: $mirror (suite $suite)"
packages=(python3 python3-venv ca-certificates)
# A new root gets them from debootstrap directly (one download of the package lists, not two); an
# existing one (the Swift root) from apt.
root_base "$root" "$suite" "$mirror" ${debootstrap_args[@]+"${debootstrap_args[@]}"} --include="$(IFS=,; echo "${packages[*]}")"
root_apt_install "$root" "$root.python-apt.log" "${packages[@]}"

# A venv with pip (ensurepip, from python3-venv) is what the tests need: make one to be sure.
check="/tmp/setup-python-root-check.$$"
# shellcheck disable=SC2016 # expanded by the inner shell
if ! out="$(root_run "$root" /bin/sh -euc 'python3 -m venv "$1" && "$1/bin/python" -m pip --version && rm -rf "$1"' sh "$check" 2>&1)"; then
  echo "$out" >&2
  rm -rf "$root$check"
  root_die "python3 -m venv does not work in $root"
fi
version="$(root_run "$root" python3 --version 2>&1)"
root_stamp "$root" "$stamp" "$version"
