#!/usr/bin/env bash
# Runs the Python tests (bindings-uniffi/tests/python) with pytest in the virtualenv that
# scripts/test/python-test-venv.sh made for interpreter NAME, against the endpoint in IOT_EMULATOR_URL
# (run it under scripts/run/with-emulator.sh). First checks that the package imported is the installed
# wheel, never the source tree: the tests run from an empty folder, and inside a root only the
# tests and the shared vectors are bound in (read-only, at /repo/...), not bindings-uniffi/python.
#
# Usage: scripts/test/python-test-run.sh host|bullseye|trixie|bullseye-arm64 [PYTEST_ARG]...
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 host|bullseye|trixie|bullseye-arm64 [PYTEST_ARG]..." >&2; exit 2; }
name="$1"
shift
root="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck disable=SC2016 # expanded by the inner shell
check='import iot_transfer, sys; assert "site-packages" in iot_transfer.__file__, iot_transfer.__file__; print(sys.version.split()[0], iot_transfer.__file__)'

if [ "$name" = host ]; then
  python="$root/target/python-binding-venv/bin/python"
  cd "$(mktemp -d)"
  "$python" -c "$check"
  exec "$python" -m pytest -q -p no:cacheprovider "$root/bindings-uniffi/tests/python" "$@"
fi

# The interpreter's Debian root, emulator and venv folder.
# shellcheck source=../lib/python-interpreter.sh
. "$root/scripts/lib/python-interpreter.sh"
[ -x "$dir/venv/bin/python" ] || { echo "python-test-run: no venv for $name: run scripts/test/python-test-venv.sh first" >&2; exit 1; }
# The tests find the vectors at ../../../tests/vectors from their own folder, hence /repo/...
# A /tmp of its own: pytest's tmp_path folders of concurrent runs stay apart.
envs=()
for variable in IOT_EMULATOR_URL AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE AWS_EC2_METADATA_DISABLED; do
  if [ -n "${!variable+set}" ]; then envs+=(-e "$variable"); fi
done
# shellcheck disable=SC2016 # expanded by the inner shell
exec ${emulator[@]+"${emulator[@]}"} "$root/scripts/run/root-run.sh" --root "$debian_root" \
  --bind "$dir/venv:/venv" --bind "$dir/tmp:/tmp" \
  --ro-bind "$root/bindings-uniffi/tests:/repo/bindings-uniffi/tests" --ro-bind "$root/tests/vectors:/repo/tests/vectors" \
  -e PYTHONDONTWRITEBYTECODE=1 ${envs[@]+"${envs[@]}"} -C /tmp -- \
  /bin/sh -euc '/venv/bin/python -c "$1"; shift; exec /venv/bin/python -m pytest -q -p no:cacheprovider /repo/bindings-uniffi/tests/python "$@"' sh "$check" "$@"
