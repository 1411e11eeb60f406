#!/usr/bin/env bash
# Runs a command inside the Swift 6 root that scripts/setup/swift.sh builds (and runs that script
# first if the root is not ready yet), with /proc, /dev and /sys mounted for the duration.
#
# Usage: scripts/run/swift-run.sh [--bind HOST_DIR:ROOT_DIR]... [--ro-bind HOST_DIR:ROOT_DIR]...
#                             [-C|--cd ROOT_DIR] [-e|--env NAME=VALUE|NAME]... [--] COMMAND [ARG]...
# The options are scripts/run/root-run.sh's (which says what each does and how the mounts stay private
# to the command); exits with the command's status, 2 for a usage error or a failed setup.
#
# Examples:
#   scripts/run/swift-run.sh --bind /tmp/x:/work -- swiftc -module-name App \
#     -Xcc -fmodule-map-file=/work/gen/XFFI.modulemap /work/gen/X.swift /work/main.swift \
#     -L/work/lib -lX -o /work/app
#   scripts/run/swift-run.sh --bind /tmp/x:/work -e LD_LIBRARY_PATH=/work/lib -- /work/app
#   scripts/run/swift-run.sh --bind /tmp/pkg:/work -- swift test
set -euo pipefail

. "$(dirname "$0")/../lib/env.sh"
root="$cache/swift-root"
stamp="$root/.iot-transfer-swift-ready"
scripts="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

case "${1:-}" in
  -h|--help|"") sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2; exit 2 ;;
esac
if [ ! -f "$stamp" ]; then
  [ "$(id -u)" -eq 0 ] || { echo "swift-run: error: must run as root; try: sudo $0" >&2; exit 2; }
  echo "swift-run: the Swift root is not ready; running scripts/setup/swift.sh" >&2
  "$scripts/setup/swift.sh" >/dev/null || { echo "swift-run: error: scripts/setup/swift.sh failed" >&2; exit 2; }
fi
exec "$scripts/run/root-run.sh" --root "$root" "$@"
