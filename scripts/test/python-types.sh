#!/usr/bin/env bash
# Checks the Python package's types against the installed wheel: stubtest (the stubs generated
# from the core's declarations match the clients, paginators and exceptions the package makes at
# runtime), mypy --strict and pyright (strict) on the package's own code and stubs and on a
# consumer program and a file of misuses they must refuse (tests/python-consumer/), then runs the
# consumer against the local IoT endpoint. mypy targets Python 3.10, the oldest mypy 2.4 can;
# pyright targets 3.9, the oldest the package supports.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
python=$("$root/scripts/build/python-wheel.sh")
{ read -r mypy; read -r pyright; } < <("$root/scripts/setup/python-types.sh")
consumer="$root/tests/python-consumer"
site=$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
cache="$root/target/python-types"
rm -rf "$cache"
mkdir -p "$cache/package"

echo "stubtest $("$mypy" --version)"
# stubtest imports the package; it is ctypes over a native library, so any Python 3 loads it.
PYTHONPATH="$site" "$(dirname "$mypy")/python" -m mypy.stubtest --mypy-config-file "$consumer/mypy.ini" \
  --allowlist "$consumer/stubtest-allowlist.txt" iot_transfer.client iot_transfer.exceptions iot_transfer.paginate

echo "mypy --strict: the package, the consumer, the misuses"
(cd "$site" && "$mypy" --config-file "$consumer/mypy.ini" --cache-dir "$cache/mypy" -p iot_transfer)
(cd "$consumer" && "$mypy" --config-file mypy.ini --cache-dir "$cache/mypy" --python-executable "$python" \
  consumer.py misuse.py)

echo "pyright $("$pyright" --version | sed 's/^pyright //') (strict): the package, the consumer, the misuses"
ln -s "$site/iot_transfer" "$cache/package/iot_transfer"
cat >"$cache/package/pyrightconfig.json" <<'JSON'
{ "typeCheckingMode": "strict", "pythonVersion": "3.9", "include": ["iot_transfer"],
  "exclude": ["iot_transfer/iot_transfer"] }
JSON
(cd "$cache/package" && "$pyright" --pythonpath "$python")
(cd "$consumer" && "$pyright" --pythonpath "$python" consumer.py misuse.py)

echo "the consumer against the local IoT endpoint"
cd "$cache"
"$root/scripts/run/with-emulator.sh" "$python" "$consumer/consumer.py"
