#!/usr/bin/env bash
# Runs a command in which aarch64 (arm64) Linux programs run as if native, through Debian's
# qemu-user-static (installed on the host if missing), without touching the host's binfmt_misc:
# Linux 6.7 and later give each user namespace a binfmt_misc of its own, so the command runs in a
# new user namespace (every uid and gid mapped to itself, so files keep their owners and root is
# root), with new mount and pid namespaces, where qemu-aarch64-static is registered for aarch64 ELF
# files. It goes away with the command. Children of emulated programs (a venv's ensurepip, pip's
# subprocesses, debootstrap's second stage) are emulated too. Needs root.
#
# Usage: scripts/run/with-qemu-aarch64.sh COMMAND [ARG]...
set -euo pipefail
die() { echo "with-qemu-aarch64: error: $*" >&2; exit 2; }
[ $# -gt 0 ] || die "usage: $0 COMMAND [ARG]..."
[ "$(id -u)" -eq 0 ] || die "must run as root"
qemu=/usr/bin/qemu-aarch64-static
if [ ! -x "$qemu" ]; then
  echo "with-qemu-aarch64: installing qemu-user-static on the host" >&2
  . "$(dirname "$0")/../lib/env.sh"
  . "$(dirname "$0")/../lib/host-packages.sh"
  host_install qemu-user-static || die "could not install qemu-user-static with apt-get"
fi

# The registration: aarch64 ELF executables and shared objects (e_machine 0xb7). Flag F opens the
# interpreter now, so it works inside chroots too.
magic='\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00'
mask='\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'
# shellcheck disable=SC2016 # expanded by the inner shell
unshare --user --mount --propagation private --pid --fork --kill-child -- /bin/bash -euc '
  # Wait until the parent has mapped the ids (until then this runs as the overflow uid).
  for _ in $(seq 1 500); do [ -n "$(cat /proc/self/uid_map)" ] && break; sleep 0.01; done
  [ "$(id -u)" -eq 0 ] || { echo "with-qemu-aarch64: error: no uid map" >&2; exit 2; }
  mount -t proc proc /proc
  mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc \
    || { echo "with-qemu-aarch64: error: cannot mount binfmt_misc in a user namespace (needs Linux 6.7 or later)" >&2; exit 2; }
  printf ":qemu-aarch64:M::%s:%s:%s:F\n" "$1" "$2" "$3" >/proc/sys/fs/binfmt_misc/register
  shift 3
  exec "$@"' sh "$magic" "$mask" "$qemu" "$@" &
pid=$!
# unshare creates the user namespace first thing; map it one to one once it exists.
for _ in $(seq 1 500); do
  [ "$(readlink "/proc/$pid/ns/user" 2>/dev/null)" != "$(readlink /proc/self/ns/user)" ] && break
  sleep 0.01
done
echo "0 0 4294967295" >"/proc/$pid/uid_map"
echo "0 0 4294967295" >"/proc/$pid/gid_map"
status=0
wait "$pid" || status=$?
exit "$status"
