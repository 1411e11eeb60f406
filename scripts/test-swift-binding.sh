#!/usr/bin/env bash
# Builds and tests the Swift package with `swift test` inside the Debian 13 root (Swift 6),
# linking the native library from the package's lib/ folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup-swift.sh" >/dev/null
package=$("$root/scripts/build-swift-package.sh")
link=(-Xlinker -L/work/lib -Xlinker -rpath -Xlinker /work/lib)
# The root shares the host's network: the tests reach the emulator the wrapper starts on loopback.
"$root/scripts/with-emulator.sh" "$root/scripts/swift-run.sh" --bind "$package:/work" \
  --ro-bind "$root/tests/vectors:/vectors" -e IOT_TRANSFER_VECTORS=/vectors -e IOT_EMULATOR_URL \
  -C /work -- swift test --disable-swift-testing "${link[@]}"
