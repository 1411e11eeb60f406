# shellcheck shell=bash
# Building Debian roots with debootstrap in the cache folder, shared by the scripts that need
# another Debian release than the host's (scripts/setup/swift.sh: trixie with Swift 6;
# scripts/setup/python-root.sh: bullseye's Python 3.9 and trixie's 3.13). Sourced, not run.
#
# How a root is made safe to build twice and after an interrupted run:
# - the base system is built as NAME.partial and renamed to NAME only once debootstrap succeeded,
#   with the stamp NAME/.iot-transfer-base-ready; a root without it is rebuilt;
# - packages are installed with apt-get, which is idempotent, after `dpkg --configure -a` finishes
#   an interrupted install; each caller stamps its own layer after checking that it works;
# - every mount (debootstrap's own, /proc and /dev for the chroot) is made in a private mount
#   namespace (unshare), so none can outlive the script, even if it is killed; mounts left under a
#   root by anything else are undone before a partial root is deleted;
# - concurrent setups of one root wait for each other on a lock (NAME.lock beside it).
#
# The caller sets root_log_name (the prefix of its messages) before sourcing, and must run as root.
# For a root of another architecture it also sets root_emulator to the command that runs the
# root's programs (scripts/run/with-qemu-aarch64.sh) and passes --arch=ARCH --foreign to root_base:
# debootstrap's second stage and root_run then run under it.
root_emulator=()

root_log() { echo "${root_log_name:-debian-root}: $*" >&2; }
root_die() { echo "${root_log_name:-debian-root}: error: $*" >&2; exit 1; }

# Checks that this host has what building a root needs.
root_require_host() {
  [ "$(id -u)" -eq 0 ] || root_die "must run as root (debootstrap, mount and chroot need it); try: sudo $0"
  local tool
  for tool in unshare chroot mount umount flock; do
    command -v "$tool" >/dev/null || root_die "'$tool' is missing on this host"
  done
}

# Ends the script, printing root $1, when the caller's `ready` function finds its layer there;
# otherwise checks the host and takes the root's lock (one setup at a time: a second caller waits),
# then asks `ready` again, for a setup that finished while this one waited.
root_enter() {
  if ready; then
    echo "$1"
    exit 0
  fi
  root_require_host
  root_lock "$1"
  if ready; then
    echo "$1"
    exit 0
  fi
}

# Stamps the caller's layer of root $1 as ready (stamp file $2, recording $3, the version it
# checked, with the mirror and suite the caller set and the time), says how long the setup took
# (from the caller's `started`) and prints the root.
root_stamp() {
  {
    echo "installed=$(date -u +%FT%TZ)"
    echo "mirror=$mirror"
    echo "suite=$suite"
    echo "version=$3"
  } >"$2"
  root_log "ready after $((SECONDS - started)) s: $3"
  echo "$1"
}

# Takes the lock of root $1 (a path) on file descriptor 9, waiting for another setup to finish.
root_lock() {
  mkdir -p "$(dirname "$1")"
  exec 9>"$1.lock"
  if ! flock -n 9; then
    root_log "another setup of $(basename "$1") is running; waiting for it"
    flock 9
  fi
}

# Undoes every mount at or below $1 in this (the host's) mount namespace, deepest first. The
# scripts never leave any, but a manual or older run might have, and deleting a tree with /dev
# bound into it would be a disaster.
root_unmount_below() {
  local dir mp
  dir="$(realpath -m "$1")"
  # Field 5 of mountinfo is the mount point, with space, tab, newline and backslash octal-escaped.
  while read -r mp; do
    [ -n "$mp" ] || continue
    root_log "unmounting leftover mount $mp"
    umount "$mp" 2>/dev/null || umount -l "$mp" || root_die "could not unmount $mp"
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

root_remove_tree() {
  [ -e "$1" ] || return 0
  root_unmount_below "$1"
  root_log "removing $1"
  # --one-file-system: never descend into something still mounted there.
  rm -rf --one-file-system "$1" || root_die "could not remove $1"
}

# The Debian mirror the host's apt uses: the URI of a (non-security) entry for the host's release,
# from one-line sources (*.list) or deb822 (*.sources) files. Prints nothing if none is found.
root_detect_mirror() {
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

# The mirror to build from: $1 if given (an override), else the host's; dies if there is none.
root_mirror() {
  local mirror="${1:-$(root_detect_mirror)}"
  mirror="${mirror%/}"
  [ -n "$mirror" ] || root_die "could not find a Debian mirror in /etc/apt/sources.list{,.d/*.list,.d/*.sources}; set IOT_TRANSFER_DEBIAN_MIRROR=http://.../debian"
  echo "$mirror"
}

# Stage 1: the base system of suite $2 from mirror $3 at root $1 (a path), built aside and renamed
# once complete; a no-op if the root has its base stamp. Further arguments go to debootstrap
# (e.g. --arch=arm64 --foreign). Its log is ROOT.debootstrap.log.
root_base() {
  local root="$1" suite="$2" mirror="$3"
  shift 3
  local partial="$root.partial" log="$root.debootstrap.log" started=$SECONDS
  if [ -d "$root" ] && [ ! -f "$root/.iot-transfer-base-ready" ]; then
    root_log "found an incomplete root (no .iot-transfer-base-ready); rebuilding it"
    root_remove_tree "$root"
  fi
  [ -d "$root" ] && return 0
  root_remove_tree "$partial"
  local avail_kb
  avail_kb="$(df -Pk "$(dirname "$root")" | awk 'NR == 2 { print $4 }')"
  if [ -n "$avail_kb" ] && [ "$avail_kb" -lt $((4 * 1024 * 1024)) ]; then
    root_die "need about 4 GB free in $(dirname "$root"), only $((avail_kb / 1024)) MB available"
  fi
  if ! command -v debootstrap >/dev/null; then
    root_log "installing debootstrap on the host"
    # shellcheck source=lib/host-packages.sh
    . "$(dirname "${BASH_SOURCE[0]}")/host-packages.sh"
    host_install debootstrap || root_die "could not install debootstrap with apt-get"
  fi
  local include=()
  case "$mirror" in https:*) include=(--include=ca-certificates) ;; esac
  root_log "debootstrap --variant=minbase${*:+ $*} $suite into $partial (takes a minute or two)"
  # debootstrap mounts /proc and /sys in the target itself; the namespace guarantees they go away.
  if ! unshare --mount --propagation private -- \
      debootstrap --variant=minbase "${include[@]}" "$@" "$suite" "$partial" "$mirror" >"$log" 2>&1; then
    tail -n 20 "$log" >&2 || true
    [ -f "$partial/debootstrap/debootstrap.log" ] && tail -n 20 "$partial/debootstrap/debootstrap.log" >&2
    root_die "debootstrap of $suite from $mirror failed (full log: $log)"
  fi
  # A foreign root's second stage runs its own programs, so under the emulator, whose user
  # namespace may not mknod: container=lxc skips debootstrap's check that it can (the first stage
  # made the device nodes already, as real root).
  case " $* " in
    *" --foreign "*)
      root_log "debootstrap --second-stage under ${root_emulator[*]:-(no emulator)}"
      if ! ${root_emulator[@]+"${root_emulator[@]}"} chroot "$partial" /usr/bin/env container=lxc /debootstrap/debootstrap --second-stage >>"$log" 2>&1; then
        tail -n 20 "$log" >&2 || true
        root_die "debootstrap --second-stage of $suite failed (full log: $log)"
      fi
      ;;
  esac
  printf 'deb %s %s main\n' "$mirror" "$suite" >"$partial/etc/apt/sources.list"
  # No daemons are to be started by package scripts inside the root.
  printf '#!/bin/sh\nexit 101\n' >"$partial/usr/sbin/policy-rc.d"
  chmod 755 "$partial/usr/sbin/policy-rc.d"
  date -u +%FT%TZ >"$partial/.iot-transfer-base-ready"
  mv "$partial" "$root"
  root_log "base system ready after $((SECONDS - started)) s"
}

# Runs a command chrooted in root $1 with /proc and /dev mounted (swiftc dies with "Illegal
# instruction" without them), in a private mount namespace that takes the mounts away on exit.
root_run() {
  # shellcheck disable=SC2016 # expanded by the inner shell
  ${root_emulator[@]+"${root_emulator[@]}"} unshare --mount --propagation private -- /bin/sh -eu -c '
    r="$1"; shift
    mount -t proc proc "$r/proc"
    mount --rbind /dev "$r/dev"
    exec chroot "$r" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"' sh "$@"
}

# Stage 2: installs Debian packages $3... in root $1 (resumable: dpkg --configure -a finishes an
# interrupted install), logging to $2.
root_apt_install() {
  local root="$1" log="$2" package
  shift 2
  # Nothing to do when all are installed already (read from the root's dpkg database, without
  # entering it): saves an apt-get update on every run.
  for package in "$@" ""; do
    [ -n "$package" ] || return 0
    [ "$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${db:Status-Status}' "$package" 2>/dev/null)" = installed ] || break
  done
  # Name resolution inside the root is the host's (the root shares the host's network).
  rm -f "$root/etc/resolv.conf"
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  root_log "installing $* in $(basename "$root")"
  # shellcheck disable=SC2016 # expanded by the inner shell
  if ! root_run "$root" /bin/sh -euc '
      dpkg --configure -a
      apt-get update -q
      apt-get install -y -q --no-install-recommends "$@"
      apt-get clean' sh "$@" >"$log" 2>&1; then
    tail -n 30 "$log" >&2 || true
    root_die "installing $* in $root failed (full log: $log)"
  fi
}
