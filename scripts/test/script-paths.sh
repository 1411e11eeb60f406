#!/usr/bin/env bash
# Every script the repository names exists: each `scripts/...` path in a tracked file, and each
# path a script names relative to its own folder (through dirname of $0). A script moved or renamed
# without its callers fails here, in `make lint`, before any of them runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
status=0
while IFS= read -r path; do
  [ -e "$path" ] || { echo "script-paths: $path is named but does not exist" >&2; status=1; }
done < <(git grep -ohE 'scripts/[A-Za-z0-9_./-]+\.(sh|mjs|env)' -- ':!*.lock' | sort -u)
for script in scripts/*/*.sh; do
  while IFS= read -r relative; do
    [ -e "$(dirname "$script")/$relative" ] || { echo "script-paths: $script names $relative, which does not exist" >&2; status=1; }
  done < <(grep -ohE '\$\(dirname "\$0"\)/[A-Za-z0-9_./-]+' "$script" | sed 's|^\$(dirname "\$0")/||')
done
exit "$status"
