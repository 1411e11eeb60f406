#!/usr/bin/env bash
# Starts setting up the Debian roots of the Python tests (scripts/setup/python-root.sh bullseye
# and trixie) in the background and returns at once, so that a cold machine's debootstrap, which
# mostly waits on downloads, overlaps with the Rust build instead of adding to `make test`.
# The tests later call scripts/setup/python-root.sh themselves, which waits on the root's lock for a setup
# still running, finds the root ready, or (if the background one failed) sets it up and reports
# why. A no-op for roots that are ready. Output goes to ${IOT_TRANSFER_CACHE}/SUITE-prefetch.log.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
scripts="$(cd "$(dirname "$0")/.." && pwd)"
[ "$(id -u)" -eq 0 ] || exit 0 # the tests will say why they cannot set the roots up
mkdir -p "$cache"
for suite in bullseye trixie; do
  case "$suite" in
    trixie) stamp="$cache/swift-root/.iot-transfer-python-ready" ;;
    *) stamp="$cache/$suite-root/.iot-transfer-python-ready" ;;
  esac
  [ -f "$stamp" ] && continue
  # Every descriptor away from the caller's, so that make (or a pipe it writes to) does not wait.
  nohup "$scripts/setup/python-root.sh" "$suite" </dev/null >"$cache/$suite-prefetch.log" 2>&1 &
done
