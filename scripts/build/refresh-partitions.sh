#!/usr/bin/env bash
# Refreshes the SDKs' endpoint data vendored in core/data/ from botocore (the version pinned in
# tests/requirements.txt, installed by scripts/setup/python.sh, or the botocore of $PYTHON):
#   core/data/partitions.json               the partitions (botocore/data/partitions.json), from
#                                           which core/build/ generates the endpoint table
#   core/data/iot-endpoint-rule-set-1.json  IoT's endpoint rules, which core/src/endpoint/rules.rs
#                                           follows (its texts are checked against this copy)
# Then review `git diff core/data`, add a case to tests/vectors/endpoints.json for any new
# region or partition (`cargo test -p iot-transfer --test integration endpoint_vectors::` says which are
# missing; UPDATE_VECTORS=1 writes their expected hosts) and prove them with botocore:
#   $(scripts/setup/python.sh) -m pytest -q tests/botocore/test_endpoints.py
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
python="${PYTHON:-$("$root/scripts/setup/python.sh")}"
"$python" - "$root/core/data" <<'PY'
import gzip
import pathlib
import sys

import botocore

data = pathlib.Path(botocore.__file__).parent / "data"
out = pathlib.Path(sys.argv[1])
(out / "partitions.json").write_bytes((data / "partitions.json").read_bytes())
rules = data / "iot" / "2015-05-28" / "endpoint-rule-set-1.json"
text = rules.read_bytes() if rules.exists() else gzip.decompress(rules.with_suffix(".json.gz").read_bytes())
(out / "iot-endpoint-rule-set-1.json").write_bytes(text)
print(f"core/data refreshed from botocore {botocore.__version__}")
PY
