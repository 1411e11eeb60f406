#!/usr/bin/env bash
# The Python tests on old and new interpreters: builds the manylinux2014 test wheel once
# (scripts/build/python-test-wheel.sh, checked with auditwheel), installs it into a fresh venv per
# interpreter (scripts/test/python-test-venv.sh: the host's 3.11, Debian 11's 3.9, Debian 13's 3.13)
# and runs bindings-uniffi/tests/python in each against an endpoint of its own
# (scripts/run/with-emulator.sh, scripts/test/python-test-run.sh).
#
# The interpreters run side by side: the tests mostly wait (on timeouts, retries, the endpoint),
# so three at once take about as long as one. Each one's output is shown when all are done.
#
# Usage: scripts/test/python-binding.sh [PYTEST_ARG]...
#   PYTHON_TEST_INTERPRETERS  which ones, space-separated (default: "bullseye host trixie")
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
read -ra interpreters <<<"${PYTHON_TEST_INTERPRETERS:-bullseye host trixie}"
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

# The Debian roots (made once, then cached) are set up while the wheel builds: debootstrap mostly
# waits on downloads and the disk, the build on the processor.
(
  for name in "${interpreters[@]}"; do
    [ "$name" = host ] || "$root/scripts/setup/python-root.sh" "$name" >/dev/null
  done
) 2>"$logs/roots" &
roots=$!
wheel=$("$root/scripts/build/python-test-wheel.sh")
echo "test-python: $(basename "$wheel")" >&2
# The emulator is built here, once, rather than by each with-emulator.sh at the same time.
cargo build --quiet --manifest-path "$root/Cargo.toml" -p iot-emulator
if ! wait "$roots"; then
  cat "$logs/roots" >&2
  echo "test-python: setting up the Debian roots failed" >&2
  exit 1
fi
pids=()
for name in "${interpreters[@]}"; do
  (
    started=$SECONDS
    "$root/scripts/test/python-test-venv.sh" "$name" "$wheel"
    echo "test-python: $name: venv ready after $((SECONDS - started)) s"
    "$root/scripts/run/with-emulator.sh" "$root/scripts/test/python-test-run.sh" "$name" "$@"
    echo "test-python: $name: done after $((SECONDS - started)) s"
  ) >"$logs/$name" 2>&1 &
  pids+=("$!")
done
failed=()
for i in "${!pids[@]}"; do
  name="${interpreters[$i]}"
  status=0
  wait "${pids[$i]}" || status=$?
  echo "=== Python tests on $name ==="
  cat "$logs/$name"
  [ "$status" -eq 0 ] || failed+=("$name")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "test-python: failed on: ${failed[*]}" >&2
  exit 1
fi
