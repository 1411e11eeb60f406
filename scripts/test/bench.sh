#!/usr/bin/env bash
# `make bench`: builds every client optimised (bench/rust in profile bench-release with the official
# aws-sdk-iot, the Python wheel in release, the npm package as `make wasm` ships it), installs the
# official SDKs (boto3 via scripts/setup/python.sh, @aws-sdk/client-iot), runs them side by side
# against one loopback stub with the fleet handover (scripts/test/bench-run.sh), and writes the
# report: docs/benchmarks.md and docs/benchmarks.png from target/bench/results.json. Also the floor
# of the browser download (scripts/build/wasm-floor.sh), which bench-smoke leaves out.
# Environment: BENCH_ROUNDS (3), BENCH_WARMUP (1000), BENCH_CALLS (5000), HANDOVER_CERTIFICATES
# (10000), HANDOVER_RATE (200), BENCH_LABEL (a line at the report's top, for a smaller run),
# BENCH_RUST_OFFICIAL=0 (leave aws-sdk-iot out: the report then says it was not measured).
# aws-sdk-iot's release build takes many minutes on 2 cores; it is never part of `make test`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
python=$(scripts/setup/python.sh)
official=(--features official)
[ "${BENCH_RUST_OFFICIAL:-1}" = 0 ] && official=()
# As a user's program is built: the profile bench-release (root Cargo.toml), without `unify`.
cargo build --quiet --profile bench-release --no-default-features "${official[@]}" --bins -p iot-transfer-bench
cargo build --quiet -p iot-emulator
# The Python wheel, optimised, in the bench's virtualenv; the face's table and stubs first, written
# from the core's declarations (a fresh clone has none: they are not committed).
cargo run --quiet -p iot-transfer-codegen -- python "$root/bindings-uniffi/python/iot_transfer" >&2
wheels="$root/target/bench-wheels"
rm -rf "$wheels"
(cd bindings-uniffi && "$(dirname "$python")/maturin" build --quiet --release --no-default-features --out "$wheels" >&2)
venv_python=$(scripts/test/bench-venv.sh)
"$(dirname "$venv_python")/pip" install --quiet --disable-pip-version-check --force-reinstall "$wheels"/iot_transfer-*.whl
scripts/test/bench-js.sh
# The floor of the browser download: the design's packages alone, built as the npm package.
BENCH_WASM_FLOOR=$(scripts/build/wasm-floor.sh)
export BENCH_WASM_FLOOR BENCH_PYTHON="$python" BENCH_PYTHON_OURS="$venv_python"
export BENCH_COMMAND="make bench (BENCH_ROUNDS=${BENCH_ROUNDS:-3} BENCH_WARMUP=${BENCH_WARMUP:-1000} BENCH_CALLS=${BENCH_CALLS:-5000} HANDOVER_CERTIFICATES=${HANDOVER_CERTIFICATES:-10000} HANDOVER_RATE=${HANDOVER_RATE:-200})"
scripts/test/bench-run.sh target/bench/parts target/bench/results.json "${CARGO_TARGET_DIR:-$root/target}/bench-release" \
  "${HANDOVER_CERTIFICATES:-10000}" "${HANDOVER_RATE:-200}"
"$venv_python" bench/report.py target/bench/results.json docs ${BENCH_LABEL:+--label "$BENCH_LABEL"}
echo "make bench: wrote docs/benchmarks.md and docs/benchmarks.png from target/bench/results.json"
