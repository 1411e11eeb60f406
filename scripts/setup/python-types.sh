#!/usr/bin/env bash
# Installs (once) the type checkers the Python package's types are checked with, at pinned
# versions, in the cache folder outside the repository: mypy from PyPI in a virtualenv of its own,
# and pyright from npm. Prints two lines: the path of mypy, then the path of pyright. Safe to run
# twice.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
setup_lock python-types
mypy_version="$MYPY_VERSION"
pyright_version="$PYRIGHT_VERSION"
venv="$cache/python-types-mypy-$mypy_version"
if [ ! -x "$venv/bin/mypy" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "mypy==$mypy_version" >&2
fi
pyright_dir="$cache/pyright-$pyright_version"
if [ ! -x "$pyright_dir/node_modules/.bin/pyright" ]; then
  mkdir -p "$pyright_dir"
  npm install --prefix "$pyright_dir" --no-audit --no-fund --silent "pyright@$pyright_version" >&2
fi
echo "$venv/bin/mypy"
echo "$pyright_dir/node_modules/.bin/pyright"
