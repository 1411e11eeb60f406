#!/usr/bin/env bash
# Creates (once) the Python virtualenv the cross-checks run in, with botocore from PyPI, in the
# cache folder outside the repository. Prints the path of its python. Safe to run twice.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
setup_lock python
venv="$cache/venv"
requirements="$(cd "$(dirname "$0")/../.." && pwd)/tests/requirements.txt"
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ]; then
  mkdir -p "$cache"
  python3 -m venv "$venv" >&2
fi
if ! cmp -s "$requirements" "$stamp"; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
  cp "$requirements" "$stamp"
fi
echo "$venv/bin/python"
