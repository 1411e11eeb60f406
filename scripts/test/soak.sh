#!/usr/bin/env bash
# The soak test (issue 9): thousands of transfers, 32 in flight, from the Rust crate, the npm
# package in Node and the Python wheel, against the local endpoint with seeded, bounded faults;
# then every client's reports are checked against the endpoint's state (tests/soak/run.mjs).
#
#   scripts/test/soak.sh            SOAK_CALLS (default 2000) per client
#   SOAK_CALLS=300 scripts/test/soak.sh
#
# Also SOAK_SEED, SOAK_CLIENTS=rust,node,python and the rest listed in tests/soak/run.mjs.
# The npm package and the Python wheel are reused when newer than the sources they are built
# from (as `make test` leaves them), else rebuilt.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
clients="${SOAK_CLIENTS:-rust,node,python}"
target="${CARGO_TARGET_DIR:-$root/target}"

# Whether $1 exists and no file under the other arguments is newer.
fresh() {
  local built="$1"
  shift
  [ -e "$built" ] && [ -z "$(find "$@" -type f -newer "$built" -print -quit)" ]
}

# Apart, so that the emulator is the same build scripts/run/with-emulator.sh makes (built together,
# cargo would unify their features and compile hyper and the emulator a second time).
cargo build --quiet -p iot-emulator
cargo build --quiet -p iot-transfer-soak
export SOAK_EMULATOR="$target/debug/iot-emulator" SOAK_RUST_DRIVER="$target/debug/soak-driver"

if [[ ",$clients," == *,node,* ]]; then
  if ! fresh "$root/bindings-wasm/pkg/index.cjs" "$root/core/src" "$root/bindings-wasm/src" "$root/bindings-wasm/js" "$root/Cargo.lock"; then
    "$root/scripts/build/wasm-package.sh"
  fi
fi
if [[ ",$clients," == *,python,* ]]; then
  venv_python="$root/target/python-binding-venv/bin/python"
  if fresh "$root/target/python-binding-venv/pyvenv.cfg" "$root/core/src" "$root/bindings-uniffi/src" "$root/Cargo.lock" \
    && "$venv_python" -c 'import iot_transfer' 2>/dev/null; then
    export SOAK_PYTHON="$venv_python"
  else
    SOAK_PYTHON="$("$root/scripts/build/python-wheel.sh")"
    export SOAK_PYTHON
  fi
fi
# The judge first: how reports are compared with the endpoint's state.
node --test --test-reporter=dot "$root"/tests/soak/*.test.mjs
exec node "$root/tests/soak/run.mjs"
