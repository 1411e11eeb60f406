#!/usr/bin/env bash
# Tests the Swift package the way an app developer uses it, inside the Debian 13 root (Swift 6):
# a consumer package (tests/swift-consumer) beside the assembled package depends on it by path,
# and is built with plain `swift build`, its app run against the local endpoint, and the
# binding's test suite (bindings-uniffi/tests/swift, the consumer's test target) run with plain
# `swift test`: no linker flags, no library path.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
"$root/scripts/setup/swift.sh" >/dev/null
package=$("$root/scripts/build/swift-package.sh")
work="$(dirname "$package")"
consumer="$work/TransferApp"
rm -rf "$consumer"
cp -r "$root/tests/swift-consumer" "$consumer"
mkdir -p "$consumer/Tests/IotTransferTests"
cp "$root"/bindings-uniffi/tests/swift/*.swift "$consumer/Tests/IotTransferTests/"
# The tests' side of the shared vectors, written from the core's declarations.
cargo run --quiet --manifest-path "$root/Cargo.toml" -p iot-transfer-codegen -- swift-tests "$consumer/Tests/IotTransferTests"
# The root shares the host's network: the app and the tests reach the emulator the wrapper
# starts on loopback. The app describes the demo seed's ACTIVE certificate and hands over three
# new certificates, seeded here through the emulator's admin endpoint.
# shellcheck disable=SC2016 # expanded by the inner shell
"$root/scripts/run/with-emulator.sh" bash -euc '
  active="$(curl -fsS -X POST "$IOT_EMULATOR_URL/_emulator/seed-demo" | python3 -c "import json, sys; print(json.load(sys.stdin)[\"active\"])")"
  handover="$(curl -fsS -X POST "$IOT_EMULATOR_URL/_emulator/certificates" -d "{\"accountId\": \"111122223333\", \"count\": 3}" |
    python3 -c "import json, sys; print(\" \".join(json.load(sys.stdin)[\"certificateIds\"]))")"
  "$1/scripts/run/swift-run.sh" --bind "$2:/work" --ro-bind "$1/tests/vectors:/vectors" \
    -e IOT_TRANSFER_VECTORS=/vectors -e IOT_EMULATOR_URL -e ACTIVE="$active" -e HANDOVER="$handover" \
    -C /work/TransferApp -- sh ./check.sh' bash "$root" "$work"
