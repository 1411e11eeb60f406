#!/usr/bin/env bash
# The part `make bench` and `make bench-smoke` share: the calls of every client program in every
# mode (bench/run.mjs), the sizes (bench/sizes.mjs), the machine and versions
# (bench/environment.mjs) and the fleet handover (bench/handover.py), gathered into one results
# file (bench/collect.mjs). Everything is built before: this only runs.
#
# Usage: scripts/test/bench-run.sh PARTS_DIR RESULTS.json RUST_BIN_DIR HANDOVER_CERTIFICATES HANDOVER_RATE
# Environment: BENCH_PYTHON (boto3's), BENCH_PYTHON_OURS (the wheel's; its `iot-transfer` command
# runs the handover), BENCH_RUST_OFFICIAL=0 to leave aws-sdk-iot out, BENCH_ROUNDS, BENCH_WARMUP,
# BENCH_CALLS, HANDOVER_LATENCY_MS, BENCH_COMMAND (recorded).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ $# -eq 5 ] || { echo "usage: $0 PARTS_DIR RESULTS.json RUST_BIN_DIR HANDOVER_CERTIFICATES HANDOVER_RATE" >&2; exit 2; }
parts="$1" results="$2" rust="$3" certificates="$4" rate="$5"
rm -rf "$parts" && mkdir -p "$parts"
node "$root/bench/environment.mjs" > "$parts/environment.json"
BENCH_RUST_BIN="$rust" node "$root/bench/run.mjs" "$parts/clients.json"
node "$root/bench/sizes.mjs" "$rust" > "$parts/sizes.json"
emulator="${CARGO_TARGET_DIR:-$root/target}/debug/iot-emulator"
"$BENCH_PYTHON_OURS" "$root/bench/handover.py" "$(dirname "$BENCH_PYTHON_OURS")/iot-transfer" "$BENCH_PYTHON" "$emulator" \
  "$certificates" "$rate" | tee "$parts/handover.txt" >&2
tail -n 1 "$parts/handover.txt" > "$parts/handover.json"
node "$root/bench/collect.mjs" "$parts" "$results"
