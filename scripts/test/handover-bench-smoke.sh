#!/usr/bin/env bash
# `make test`'s short pass of the fleet-handover bench (bench/handover.py): 200 certificates, the
# endpoint throttling above 100 requests/s, through the test wheel's `iot-transfer` console script
# and the boto3 loop. It checks that the bench runs and that every certificate ends transferred
# with no second TransferCertificate; it asserts no timing (`make bench` runs the full one).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
wheel=$("$root/scripts/build/python-test-wheel.sh")
"$root/scripts/test/python-test-venv.sh" host "$wheel"
cargo build --quiet --manifest-path "$root/Cargo.toml" -p iot-emulator
venv="$root/target/python-binding-venv/bin"
emulator="${CARGO_TARGET_DIR:-$root/target}/debug/iot-emulator"
figures=$(HANDOVER_LATENCY_MS=0 "$venv/python" "$root/bench/handover.py" "$venv/iot-transfer" "$venv/python" "$emulator" 200 100 | tee /dev/stderr | tail -n 1)
"$venv/python" - "$figures" <<'PY'
import json, sys
figures = json.loads(sys.argv[1])
for run in ("ours", "oursAskedTwiceTheLimit", "boto3", "killedAndResumed"):
    assert figures[run]["transferred"] == 200, (run, figures[run])
    assert figures[run]["duplicates"] == 0, (run, figures[run])
print("handover-bench-smoke: every run transferred all 200, with no second TransferCertificate")
PY
