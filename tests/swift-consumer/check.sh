#!/bin/sh
# Runs inside the Swift root, in the assembled consumer: what an app developer types, and a
# check of what the app prints. Needs IOT_EMULATOR_URL, ACTIVE (an ACTIVE certificate's ID) and
# HANDOVER (three transferable certificates' IDs, separated by spaces).
set -eu
swift build
# The app reads its settings from the environment, as the SDKs do.
app() {
  AWS_REGION=us-east-1 AWS_ENDPOINT_URL_IOT="$IOT_EMULATOR_URL" AWS_ACCESS_KEY_ID=AKIAEMULATORSOURCE \
    AWS_SECRET_ACCESS_KEY=emulator-source-secret .build/debug/TransferApp "$@"
}
# shellcheck disable=SC2086 # HANDOVER is a list of IDs
found="$(app "$ACTIVE" $HANDOVER)"
echo "$found"
missing="$(app 0000000000000000000000000000000000000000000000000000000000000000)"
echo "$missing"
echo "$found" | grep -q "^certificates: [1-9]" || { echo "check: the app listed no certificates" >&2; exit 1; }
echo "$found" | grep -q "^status: ACTIVE$" || { echo "check: the app did not describe the ACTIVE certificate" >&2; exit 1; }
echo "$found" | grep -q "^handover: 3 transferred, 0 remaining$" || { echo "check: the app's handover did not transfer all three" >&2; exit 1; }
echo "$missing" | grep -q "^error: ResourceNotFound(" || { echo "check: no ResourceNotFound for an unknown certificate" >&2; exit 1; }
swift test --disable-swift-testing
