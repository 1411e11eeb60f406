# shellcheck shell=bash
# Installs Debian packages on the host with apt-get, for the scripts that need some (Chromium and
# ChromeDriver, JNA and Gson, debootstrap, qemu). Sourced, not run; needs scripts/lib/env.sh.
#
# `host_install PACKAGE...`: as root, or through sudo; `apt-get update` only when the install
# fails without it (stale or missing package lists); one install at a time on the host (a lock in
# the cache folder), since the setups run in parallel in the background (scripts/setup/toolchains.sh)
# and apt-get fails rather than waits on another's lock. Output goes to stderr.
host_install() {
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq)
  mkdir -p "$cache"
  (
    flock 7
    "${apt[@]}" install -y --no-install-recommends "$@" >&2 \
      || { "${apt[@]}" update >&2 && "${apt[@]}" install -y --no-install-recommends "$@" >&2; }
  ) 7>"$cache/host-packages.lock"
}
