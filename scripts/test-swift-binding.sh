#!/usr/bin/env bash
# Builds and tests the Swift package with `swift test` inside the Debian 13 root (Swift 6),
# linking the native library from the package's lib/ folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup-swift.sh" >/dev/null
package=$("$root/scripts/build-swift-package.sh")
link=(-Xlinker -L/work/lib -Xlinker -rpath -Xlinker /work/lib)
"$root/scripts/swift-run.sh" --bind "$package:/work" --ro-bind "$root/tests/vectors:/vectors" \
  -e IOT_TRANSFER_VECTORS=/vectors -C /work -- swift test --disable-swift-testing "${link[@]}"
