#!/usr/bin/env bash
# The one entry point for installing what the build and the tests use, each cached outside the
# repository (${IOT_TRANSFER_CACHE:-~/.cache/iot-transfer}, ~/.cargo, ~/.rustup) at the versions
# pinned in scripts/versions.env, tests/requirements.txt and the npm lock files. Every toolchain is
# one script of scripts/setup/, safe to run twice and holding a lock while it installs, so a suite
# that asks for one a background setup is still installing waits for it and finds it ready.
#
# Usage: scripts/setup/toolchains.sh [NAME...]   install NAME (default: every one `make test` uses),
#                                                in the foreground, in order
#        scripts/setup/toolchains.sh --prefetch  what `make test` starts with: Rust in the
#                                                foreground, then every other one started in the
#                                                background (logs: CACHE/prefetch-NAME.log), so
#                                                that downloads overlap with the Rust build
#        scripts/setup/toolchains.sh --list      the names, and what each installs
set -euo pipefail
setup="$(cd "$(dirname "$0")" && pwd)"
. "$setup/../lib/env.sh"

# NAME|whether it needs root (Debian roots, host packages)|its script in scripts/setup/ and arguments|what it installs
toolchains=(
  "rust|no|rust.sh|rustfmt, clippy, rust-src and the wasm32 target (rustup)"
  "wasm|no|wasm.sh|wasm-bindgen-cli at Cargo.lock's version, the npm build tools"
  "python|no|python.sh|the tools virtualenv: botocore, maturin, auditwheel, zig (tests/requirements.txt)"
  "python-types|no|python-types.sh|mypy and pyright"
  "browser|yes|browser.sh|Debian's Chromium and ChromeDriver"
  "kotlin|yes|kotlin.sh|the Kotlin compiler (npm), JNA and Gson (Debian)"
  "python-bullseye|yes|python-root.sh bullseye|a Debian 11 root with Python 3.9"
  "python-trixie|yes|python-root.sh trixie|Python 3.13 in the Debian 13 root"
  "swift|yes|swift.sh|Swift 6 in the Debian 13 root"
)
# Installed by the targets that need them, not by `make test`. (The cross builds install their
# Rust target and Zig themselves: scripts/setup/cross.sh TRIPLE.)
optional=("fuzz|no|fuzz.sh|nightly and cargo-fuzz (make fuzz)" "twiggy|no|twiggy.sh|twiggy (make bench-size)"
  "sccache|no|sccache.sh|sccache, the compiler cache of CI's runs (.ci/run)")

field() { cut -d'|' -f"$2" <<<"$1"; }
find_toolchain() {
  local entry
  for entry in "${toolchains[@]}" "${optional[@]}"; do
    [ "$(field "$entry" 1)" = "$1" ] && { echo "$entry"; return; }
  done
  echo "scripts/setup/toolchains.sh: no toolchain $1 (--list names them)" >&2
  exit 2
}
can_run() { [ "$(field "$1" 2)" = no ] || [ "$(id -u)" -eq 0 ]; }
# Runs the setup script of entry $1.
run_setup() {
  local script args
  read -r script args <<<"$(field "$1" 3)"
  # shellcheck disable=SC2086 # the arguments' words
  "$setup/$script" $args
}

case "${1:-}" in
  --list)
    for entry in "${toolchains[@]}" "${optional[@]}"; do
      printf '%-16s %s\n' "$(field "$entry" 1)" "$(field "$entry" 4)"
    done
    ;;
  --prefetch)
    "$setup/rust.sh"
    mkdir -p "$cache"
    for entry in "${toolchains[@]:1}"; do
      # Without root the suites say why they cannot set up what needs it.
      can_run "$entry" || continue
      name="$(field "$entry" 1)"
      # Every descriptor away from the caller's, so that make (or a pipe it writes to) does not wait.
      (trap '' HUP; run_setup "$entry") </dev/null >"$cache/prefetch-$name.log" 2>&1 &
    done
    ;;
  *)
    if [ $# -eq 0 ]; then
      set -- $(for entry in "${toolchains[@]}"; do field "$entry" 1; done)
    fi
    for name in "$@"; do
      entry="$(find_toolchain "$name")"
      run_setup "$entry" >/dev/null
    done
    ;;
esac
