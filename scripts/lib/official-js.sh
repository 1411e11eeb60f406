# shellcheck shell=bash
# The official AWS SDK for JavaScript (@aws-sdk/client-iot, pinned in
# tests/official-clients/js/package-lock.json), installed once into that folder's node_modules:
# `npm ci` only when node_modules is missing or the lock file changed. Sourced, not run; the caller
# sets `root` (the repository). Usage: official_js_modules  (prints the node_modules folder)
official_js_modules() {
  local js="$root/tests/official-clients/js"
  local stamp="$js/node_modules/.package-lock.stamp"
  if [ ! -d "$js/node_modules" ] || ! cmp -s "$js/package-lock.json" "$stamp"; then
    (cd "$js" && npm ci --no-audit --no-fund --loglevel=error) >&2
    cp "$js/package-lock.json" "$stamp"
  fi
  echo "$js/node_modules"
}
