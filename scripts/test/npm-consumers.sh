#!/usr/bin/env bash
# The npm package as its users get it: `npm pack` of bindings-wasm/pkg (run `make wasm` first),
# installed from that tarball into fresh consumer projects (tests/npm-consumers/<project>, each
# laid out under target/npm-consumers/), built with Vite, webpack 5 and esbuild, type-checked
# with tsc, then run against the local IoT endpoint: the bundled pages in headless Chromium, the
# Node projects (ESM import, CommonJS require) in Node.
#
# Installs are `npm ci --prefer-offline` from each project's lock file, with the npm cache in
# ${IOT_TRANSFER_CACHE:-$HOME/.cache/iot-transfer}/npm, and are skipped when neither the lock file
# nor the tarball changed. Safe to run twice.
#
# Usage: scripts/test/npm-consumers.sh                 pack, install, build, type-check, test
#        scripts/test/npm-consumers.sh --update-locks  rewrite the projects' package-lock.json
#                                                      after a change to their package.json
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tests/npm-consumers"
work="$root/target/npm-consumers"
. "$(dirname "$0")/../lib/env.sh"
cache="$cache/npm"
npm_flags=(--cache "$cache" --prefer-offline --no-audit --no-fund --loglevel=error)
web=(vite webpack esbuild)
projects=("${web[@]}" node-esm node-cjs typescript)

step() { echo "== $*" >&2; }

[ -f "$root/bindings-wasm/pkg/package.json" ] || { echo "no bindings-wasm/pkg: run make wasm first" >&2; exit 1; }
mkdir -p "$work"

step "npm pack"
rm -f "$work"/*.tgz
packed=$(cd "$root/bindings-wasm/pkg" && npm pack --pack-destination "$work" --json --loglevel=error)
node -e '
  const [p] = JSON.parse(process.argv[1]);
  console.error(`${p.filename}: ${(p.size / 1000).toFixed(1)} kB packed, ${(p.unpackedSize / 1000).toFixed(1)} kB unpacked, ${p.entryCount} files`);
' "$packed"
# The projects depend on "file:../iot-transfer.tgz": a name that does not change with the version.
mv "$work"/iot-transfer-*.tgz "$work/iot-transfer.tgz"

# Lays project $1 out in $work/$1 afresh (its node_modules kept for the install step to judge).
stage() {
  local name=$1 dest="$work/$1"
  mkdir -p "$dest"
  find "$dest" -mindepth 1 -maxdepth 1 ! -name node_modules -exec rm -rf {} +
  cp -R "$here/$name/." "$dest/"
  # The bundled projects share one web console page.
  case " ${web[*]} " in *" $name "*) cp -R "$here/app/." "$dest/" ;; esac
  # A lock file's integrity for the tarball would make npm reinstall the cached copy of an older
  # build under the same name; without it npm reads the tarball itself.
  [ ! -f "$dest/package-lock.json" ] || node "$here/harness/unpin-tarball.mjs" "$dest/package-lock.json"
}

if [ "${1:-}" = "--update-locks" ]; then
  for name in "${projects[@]}"; do
    stage "$name"
    (cd "$work/$name" && npm install --package-lock-only "${npm_flags[@]}")
    node "$here/harness/unpin-tarball.mjs" "$work/$name/package-lock.json"
    cp "$work/$name/package-lock.json" "$here/$name/package-lock.json"
    echo "updated tests/npm-consumers/$name/package-lock.json" >&2
  done
  (cd "$here/harness" && npm install --package-lock-only "${npm_flags[@]}")
  exit 0
fi

tarball_sum=$(sha256sum "$work/iot-transfer.tgz" | cut -d' ' -f1)
for name in "${projects[@]}"; do
  stage "$name"
  dest="$work/$name"
  stamp="$tarball_sum $(sha256sum "$dest/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$dest/node_modules/.consumer-stamp" 2>/dev/null)" != "$stamp" ]; then
    step "$name: npm ci"
    (cd "$dest" && npm ci "${npm_flags[@]}" >/dev/null)
    echo "$stamp" >"$dest/node_modules/.consumer-stamp"
  fi
done

for name in "${web[@]}"; do
  step "$name: build"
  (cd "$work/$name" && npm run --silent build)
done

step "typescript: tsc --noEmit (TypeScript 7 and 5.9; bundler, node16 ESM and CommonJS)"
(cd "$work/typescript" && npm run --silent check)

harness="$here/harness"
if ! cmp -s "$harness/package-lock.json" "$harness/node_modules/.installed-lock.json"; then
  step "harness: npm ci"
  (cd "$harness" && npm ci "${npm_flags[@]}" >/dev/null)
  cp "$harness/package-lock.json" "$harness/node_modules/.installed-lock.json"
fi

step "the builds in Chromium and the Node projects, against the local endpoint"
cd "$harness"
NPM_CONSUMERS="$work" "$root/scripts/run/with-emulator.sh" node --test --test-concurrency=1 ./*.test.mjs
echo "npm consumers: all checks passed in ${SECONDS}s" >&2
