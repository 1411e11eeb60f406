#!/usr/bin/env bash
# Installs (once) a Swift 6 toolchain for the Swift binding tests: Debian 12 has no Swift, so this
# builds a Debian 13 (trixie) root with debootstrap, from the Debian mirror the host's apt already
# uses, and installs Debian's `swiftlang` and `libc6-dev` in it. The root lives in the cache folder
# outside the repository: ${IOT_TRANSFER_CACHE:-$HOME/.cache/iot-transfer}/swift-root (2.6 GB;
# about 45 s on 2 cores). Needs root (debootstrap, mount, chroot).
# Run commands in it with scripts/swift-run.sh. Prints the root's path on stdout, progress on stderr.
#
# Safe to run twice (the second run is a no-op) and after an interrupted run: the root is built as
# swift-root.partial and renamed only once debootstrap succeeded, and the stamp file
# swift-root/.iot-transfer-swift-ready is written only after swiftlang installed and compiled a test
# program; an unstamped root is resumed (apt-get is idempotent). Every mount (debootstrap's own,
# /proc and /dev for the chroot) is made in a private mount namespace (unshare), so none can outlive
# the script, even if it is killed; mounts left under the root by anything else are undone before
# a partial root is deleted. Concurrent runs wait for each other on a lock (swift-root.lock).
#
# Environment: IOT_TRANSFER_CACHE (cache folder), SWIFT_DEBIAN_MIRROR (overrides the mirror read
# from the host's apt sources), SWIFT_DEBIAN_SUITE (default trixie).
set -euo pipefail

cache="${IOT_TRANSFER_CACHE:-$HOME/.cache/iot-transfer}"
root="$cache/swift-root"
partial="$cache/swift-root.partial"
stamp="$root/.iot-transfer-swift-ready"
base_stamp="$root/.iot-transfer-base-ready"
suite="${SWIFT_DEBIAN_SUITE:-trixie}"

log() { echo "setup-swift: $*" >&2; }
die() { echo "setup-swift: error: $*" >&2; exit 1; }

# (usr/bin/swift is an absolute symlink, valid only inside the root: test the link, not its target.)
in_root_has() { [ -e "$root$1" ] || [ -L "$root$1" ]; }
# CA certificates: an app on a real system has them, and the HTTP client loads them at start.
ready() { [ -f "$stamp" ] && in_root_has /usr/bin/swiftc && in_root_has /usr/bin/swift && [ -f "$root/etc/ssl/certs/ca-certificates.crt" ]; }

# Fast path: nothing to do.
if ready; then
  echo "$root"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap, mount and chroot need it); try: sudo $0"
for tool in unshare chroot mount umount flock; do
  command -v "$tool" >/dev/null || die "'$tool' is missing on this host"
done

mkdir -p "$cache"
# One setup at a time; a second caller waits, then finds the root ready.
exec 9>"$cache/swift-root.lock"
if ! flock -n 9; then
  log "another setup-swift.sh is running; waiting for it"
  flock 9
fi
if ready; then
  echo "$root"
  exit 0
fi

started=$SECONDS

# Undoes every mount at or below $1 in this (the host's) mount namespace, deepest first. The
# scripts never leave any, but a manual or older run might have, and deleting a tree with /dev
# bound into it would be a disaster.
unmount_below() {
  local dir mp
  dir="$(realpath -m "$1")"
  # Field 5 of mountinfo is the mount point, with space, tab, newline and backslash octal-escaped.
  while read -r mp; do
    [ -n "$mp" ] || continue
    log "unmounting leftover mount $mp"
    umount "$mp" 2>/dev/null || umount -l "$mp" || die "could not unmount $mp"
  done < <(awk -v d="$dir" '{
      mp = $5
      while (match(mp, /\\[0-7][0-7][0-7]/)) {
        c = substr(mp, RSTART + 1, 3)
        v = (substr(c, 1, 1) * 64) + (substr(c, 2, 1) * 8) + substr(c, 3, 1)
        mp = substr(mp, 1, RSTART - 1) sprintf("%c", v) substr(mp, RSTART + 4)
      }
      if (mp == d || index(mp, d "/") == 1) print length(mp) "\t" mp
    }' /proc/self/mountinfo | sort -rn | cut -f2-)
}

remove_tree() {
  [ -e "$1" ] || return 0
  unmount_below "$1"
  log "removing $1"
  # --one-file-system: never descend into something still mounted there.
  rm -rf --one-file-system "$1" || die "could not remove $1"
}

# The Debian mirror the host's apt uses: the URI of a (non-security) entry for the host's release,
# from one-line sources (*.list) or deb822 (*.sources) files.
detect_mirror() {
  local codename files=() f
  # shellcheck disable=SC1091
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
  [ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && files+=("$f")
  done
  [ "${#files[@]}" -gt 0 ] || return 0
  # Prints "URI SUITE" for each enabled binary (deb) entry.
  local entries
  entries="$(for f in "${files[@]}"; do
    case "$f" in
      *.sources)
        awk '
          function flush() {
            if (types ~ /(^| )deb( |$)/ && tolower(enabled) != "no") {
              n = split(uris, u, " "); m = split(suites, s, " ")
              for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) print u[i], s[j]
            }
            types = uris = suites = ""; enabled = "yes"; last = ""
          }
          BEGIN { enabled = "yes" }
          /^[ \t]*#/ { next }
          /^[ \t]*$/ { flush(); next }
          /^[ \t]/ { sub(/^[ \t]+/, "", $0)
                     if (last == "uris") uris = uris " " $0
                     else if (last == "suites") suites = suites " " $0
                     else if (last == "types") types = types " " $0
                     next }
          {
            key = tolower($0); sub(/:.*/, "", key)
            val = $0; sub(/^[^:]*:[ \t]*/, "", val); sub(/[ \t]+$/, "", val)
            last = key
            if (key == "types") types = val
            else if (key == "uris") uris = val
            else if (key == "suites") suites = val
            else if (key == "enabled") enabled = val
          }
          END { flush() }' "$f"
        ;;
      *)
        sed -e 's/#.*//' -e 's/\[[^]]*\]//g' "$f" | awk '$1 == "deb" && NF >= 3 { print $2, $3 }'
        ;;
    esac
  done)"
  # Prefer the entry for the host's own release, then its -updates/-backports, then any URI that
  # looks like a Debian archive; never the security archive.
  printf '%s\n' "$entries" | awk -v c="$codename" '
    $1 ~ /security/ || $2 ~ /security/ { next }
    $2 == c && !best { best = $1 }
    index($2, c "-") == 1 && !upd { upd = $1 }
    $1 ~ /\/debian\/?$/ && !any { any = $1 }
    END { if (best) print best; else if (upd) print upd; else if (any) print any }'
}

mirror="${SWIFT_DEBIAN_MIRROR:-$(detect_mirror)}"
mirror="${mirror%/}"
[ -n "$mirror" ] || die "could not find a Debian mirror in /etc/apt/sources.list{,.d/*.list,.d/*.sources}; set SWIFT_DEBIAN_MIRROR=http://.../debian"
log "Debian mirror: $mirror (suite $suite)"

# Runs a command chrooted in the root with /proc and /dev mounted (swiftc dies with "Illegal
# instruction" without them), in a private mount namespace that takes the mounts away on exit.
in_root() {
  # shellcheck disable=SC2016 # expanded by the inner shell
  unshare --mount --propagation private -- /bin/sh -eu -c '
    r="$1"; shift
    mount -t proc proc "$r/proc"
    mount --rbind /dev "$r/dev"
    exec chroot "$r" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"' sh "$root" "$@"
}

# Stage 1: the base system, built aside and renamed once complete.
if [ -d "$root" ] && [ ! -f "$base_stamp" ]; then
  log "found an incomplete root (no $(basename "$base_stamp")); rebuilding it"
  remove_tree "$root"
fi
if [ ! -d "$root" ]; then
  remove_tree "$partial"
  avail_kb="$(df -Pk "$cache" | awk 'NR == 2 { print $4 }')"
  if [ -n "$avail_kb" ] && [ "$avail_kb" -lt $((4 * 1024 * 1024)) ]; then
    die "need about 4 GB free in $cache, only $((avail_kb / 1024)) MB available"
  fi
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap on the host"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends debootstrap >/dev/null \
      || { apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; } \
      || die "could not install debootstrap with apt-get"
  fi
  include=()
  case "$mirror" in https:*) include=(--include=ca-certificates) ;; esac
  log "debootstrap --variant=minbase $suite into $partial (takes a minute or two)"
  # debootstrap mounts /proc and /sys in the target itself; the namespace guarantees they go away.
  if ! unshare --mount --propagation private -- \
      debootstrap --variant=minbase "${include[@]}" "$suite" "$partial" "$mirror" >"$cache/swift-root.debootstrap.log" 2>&1; then
    tail -n 20 "$cache/swift-root.debootstrap.log" >&2 || true
    [ -f "$partial/debootstrap/debootstrap.log" ] && tail -n 20 "$partial/debootstrap/debootstrap.log" >&2
    die "debootstrap of $suite from $mirror failed (full log: $cache/swift-root.debootstrap.log)"
  fi
  printf 'deb %s %s main\n' "$mirror" "$suite" >"$partial/etc/apt/sources.list"
  # No daemons are to be started by package scripts inside the root.
  printf '#!/bin/sh\nexit 101\n' >"$partial/usr/sbin/policy-rc.d"
  chmod 755 "$partial/usr/sbin/policy-rc.d"
  date -u +%FT%TZ >"$partial/.iot-transfer-base-ready"
  mv "$partial" "$root"
  log "base system ready after $((SECONDS - started)) s"
fi

# Stage 2: the toolchain (resumable: dpkg --configure -a finishes an interrupted install).
rm -f "$root/etc/resolv.conf"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
log "installing swiftlang, libc6-dev and ca-certificates in the root"
if ! in_root /bin/sh -euc '
    dpkg --configure -a
    apt-get update -q
    apt-get install -y -q --no-install-recommends swiftlang libc6-dev ca-certificates
    apt-get clean' >"$cache/swift-root.apt.log" 2>&1; then
  tail -n 30 "$cache/swift-root.apt.log" >&2 || true
  die "installing swiftlang in the root failed (full log: $cache/swift-root.apt.log)"
fi

# Check that the toolchain really compiles and runs a program before stamping the root.
log "checking the toolchain"
mkdir -p "$root/tmp/setup-swift-check"
echo 'print("swift ok")' >"$root/tmp/setup-swift-check/main.swift"
if ! out="$(in_root /bin/sh -euc 'cd /tmp/setup-swift-check && swiftc -o check main.swift && ./check' 2>&1)" \
    || [ "$out" != "swift ok" ]; then
  echo "$out" >&2
  die "the Swift toolchain in $root does not work"
fi
rm -rf "$root/tmp/setup-swift-check"
version="$(in_root swift --version 2>&1 | head -n 1)"
{
  echo "installed=$(date -u +%FT%TZ)"
  echo "mirror=$mirror"
  echo "suite=$suite"
  echo "version=$version"
} >"$stamp"
log "ready after $((SECONDS - started)) s: $version"
echo "$root"
