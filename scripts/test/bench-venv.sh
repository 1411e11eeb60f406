#!/usr/bin/env bash
# Makes target/bench-venv, the bench's own virtualenv, idempotently: the host's python3 with the
# report's chart library (bench/requirements.txt). `make bench` adds the release wheel to it.
# Prints the venv's python.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/target/bench-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
if ! cmp -s "$root/bench/requirements.txt" "$venv/.installed-requirements.txt"; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/bench/requirements.txt" >&2
  cp "$root/bench/requirements.txt" "$venv/.installed-requirements.txt"
fi
echo "$venv/bin/python"
