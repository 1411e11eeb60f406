#!/usr/bin/env bash
# `make test`'s short pass of `make bench`: every client program in every mode with 20 calls and
# one round, the sizes, the fleet handover with 200 certificates (the endpoint throttling above
# 400 requests/s, no added latency: under 2 s a run), then the report written into a temporary
# folder (never docs/). It checks that every figure is present and positive and that every handover run
# transferred all 200 with no second TransferCertificate (bench/check_results.py); it asserts no
# timing. The official Rust SDK (aws-sdk-iot) is left out: its build alone takes many minutes
# (`make bench` has it). It runs on what `make test` builds anyway: the debug test wheel in
# target/python-binding-venv, the npm package of `make wasm`, and bench/rust in debug from the
# dependencies `cargo test --workspace` built (its default feature `unify`).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo build --quiet --bins -p iot-transfer-bench
cargo build --quiet -p iot-emulator
wheel=$(scripts/build/python-test-wheel.sh)
scripts/test/python-test-venv.sh host "$wheel"
report_python=$(scripts/test/bench-venv.sh)
scripts/test/bench-js.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BENCH_PYTHON BENCH_PYTHON_OURS="$root/target/python-binding-venv/bin/python"
BENCH_PYTHON=$(scripts/setup/python.sh)
export BENCH_ROUNDS=1 BENCH_WARMUP=5 BENCH_CALLS=20 BENCH_RUST_OFFICIAL=0 HANDOVER_LATENCY_MS=0
export BENCH_COMMAND="make bench-smoke"
scripts/test/bench-run.sh "$work/parts" "$work/results.json" "${CARGO_TARGET_DIR:-$root/target}/debug" 200 400
"$report_python" bench/check_results.py "$work/results.json" --handover 200
"$report_python" bench/report.py "$work/results.json" "$work/report" --label "make bench-smoke: 20 calls, one round, no aws-sdk-iot"
test -s "$work/report/benchmarks.md" && test -s "$work/report/benchmarks.png"
echo "bench-smoke: the report and its chart were written (into a temporary folder, then removed)"
