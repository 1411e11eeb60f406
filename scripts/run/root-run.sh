#!/usr/bin/env bash
# Runs a command inside a Debian root made by scripts/lib/debian-root.sh (the Swift root, the
# Python roots), with /proc, /dev and /sys mounted for the duration.
#
# Usage: scripts/run/root-run.sh --root ROOT [--bind HOST_DIR:ROOT_DIR]... [--ro-bind HOST_DIR:ROOT_DIR]...
#                            [-C|--cd ROOT_DIR] [-e|--env NAME=VALUE|NAME]... [--] COMMAND [ARG]...
#   --root      the root's folder on the host (it must have its base stamp)
#   --bind      bind-mounts a host directory (or file) at an absolute path inside the root, so the
#               command can read and write host files; created inside the root if missing
#   --ro-bind   the same, read-only
#   -C, --cd    working directory inside the root (default: the first bind's ROOT_DIR if it is a
#               directory, else /)
#   -e, --env   sets a variable for the command (NAME alone passes the host's value); the command
#               otherwise gets a clean environment: PATH, HOME=/root, LANG=C.UTF-8, TERM
# Exits with the command's status (125 if the working directory does not exist in the root, 2 for
# a usage error).
#
# All mounts are made in a private mount namespace (unshare --mount) that exists only for this
# command: they are invisible to the host and to concurrent runs, so any number of runs (each with
# its own binds, even at the same ROOT_DIR) can overlap or nest without a lock, and the kernel
# removes every mount when the command ends, whatever way it ends (failure, signal, kill -9).
# Nothing is left in `mount`.
set -euo pipefail

self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"

die() { echo "root-run: error: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$self" >&2; exit 2; }

args=("$@")
root=""
binds=()   # "rw|ro<TAB>host<TAB>target"
envs=()
workdir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root)
      [ $# -ge 2 ] || die "$1 needs a directory"
      root="$2"; shift 2 ;;
    --root=*) root="${1#*=}"; shift ;;
    --bind|--ro-bind)
      [ $# -ge 2 ] || die "$1 needs HOST_DIR:ROOT_DIR"
      spec="$2"; host="${spec%%:*}"; target="${spec#*:}"
      if [ "$spec" = "$host" ] || [ -z "$host" ] || [ -z "$target" ]; then
        die "$1 needs HOST_DIR:ROOT_DIR, got '$spec'"
      fi
      mode=rw; [ "$1" = --ro-bind ] && mode=ro
      binds+=("$mode"$'\t'"$host"$'\t'"$target"); shift 2 ;;
    --bind=*|--ro-bind=*)
      opt="${1%%=*}"; val="${1#*=}"; shift; set -- "$opt" "$val" "$@" ;;
    -C|--cd)
      [ $# -ge 2 ] || die "$1 needs a directory"
      workdir="$2"; shift 2 ;;
    --cd=*) workdir="${1#*=}"; shift ;;
    -e|--env)
      [ $# -ge 2 ] || die "$1 needs NAME=VALUE or NAME"
      case "$2" in
        *=*) envs+=("$2") ;;
        *) [ -n "${!2+set}" ] || die "--env $2: not set on the host"; envs+=("$2=${!2}") ;;
      esac
      shift 2 ;;
    -h|--help) usage ;;
    --) shift; break ;;
    -*) die "unknown option $1 (use -- before the command)" ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || usage
[ -n "$root" ] || die "--root is required"
[ -f "$root/.iot-transfer-base-ready" ] || die "$root is not a finished root (no .iot-transfer-base-ready)"

if [ -z "${_IOT_ROOT_RUN_NAMESPACE:-}" ]; then
  # Outside the namespace: check, then re-run this script in a fresh private mount namespace.
  [ "$(id -u)" -eq 0 ] || die "must run as root (mount and chroot need it); try: sudo $0"
  for b in ${binds[@]+"${binds[@]}"}; do
    IFS=$'\t' read -r mode host target <<<"$b"
    [ -e "$host" ] || die "bind source $host does not exist"
    case "$target" in /*) ;; *) die "bind target $target must be an absolute path inside the root" ;; esac
    case "/$target/" in */../*|*/./*) die "bind target $target must not contain . or .. parts" ;; esac
  done
  command -v unshare >/dev/null || die "unshare (util-linux) is missing on this host"
  # The marker holds the caller's mount namespace, so the inner run can check it left it.
  _IOT_ROOT_RUN_NAMESPACE="$(readlink /proc/self/ns/mnt)" exec unshare --mount --propagation private -- bash "$self" "${args[@]}"
fi

# Inside the private mount namespace: nothing mounted here is seen outside, and all of it goes
# away with the namespace when the command ends.
[ "$(readlink /proc/self/ns/mnt)" != "$_IOT_ROOT_RUN_NAMESPACE" ] \
  || die "internal: not in a private mount namespace; refusing to mount"
unset _IOT_ROOT_RUN_NAMESPACE
realroot="$(realpath -e "$root")"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --rbind /sys "$root/sys"
for b in ${binds[@]+"${binds[@]}"}; do
  IFS=$'\t' read -r mode host target <<<"$b"
  dest="$root$target"
  # Refuse a target that resolves (through a symlink inside the root) to outside the root.
  real="$(realpath -m "$dest")"
  case "$real/" in "$realroot"/?*) ;; *) die "bind target $target resolves outside the root ($real)" ;; esac
  mkdir -p "$(dirname "$real")"
  if [ -d "$host" ]; then mkdir -p "$real"; else [ -e "$real" ] || : >"$real"; fi
  mount --bind "$host" "$real"
  if [ "$mode" = ro ]; then mount -o remount,bind,ro "$real"; fi
done
if [ -z "$workdir" ]; then
  workdir=/
  if [ ${#binds[@]} -gt 0 ]; then
    IFS=$'\t' read -r _ host target <<<"${binds[0]}"
    if [ -d "$host" ]; then workdir="$target"; fi
  fi
fi
# shellcheck disable=SC2016 # expanded by the inner shell
exec chroot "$root" /usr/bin/env -i \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" ${envs[@]+"${envs[@]}"} \
  /bin/sh -c 'cd "$1" || exit 125; shift; exec "$@"' sh "$workdir" "$@"
