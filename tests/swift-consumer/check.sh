#!/bin/sh
# Runs inside the Swift root, in the assembled consumer: what an app developer types, and a
# check of what the app prints. Needs IOT_EMULATOR_URL and ACTIVE (an ACTIVE certificate's ID).
set -eu
swift build
# The app reads its settings from the environment, as the SDKs do.
app() {
  AWS_REGION=us-east-1 AWS_ENDPOINT_URL_IOT="$IOT_EMULATOR_URL" AWS_ACCESS_KEY_ID=AKIAEMULATORSOURCE \
    AWS_SECRET_ACCESS_KEY=emulator-source-secret .build/debug/TransferApp "$1"
}
found="$(app "$ACTIVE")"
echo "$found"
missing="$(app 0000000000000000000000000000000000000000000000000000000000000000)"
echo "$missing"
echo "$found" | grep -q "^certificates: [1-9]" || { echo "check: the app listed no certificates" >&2; exit 1; }
echo "$found" | grep -q "^status: ACTIVE$" || { echo "check: the app did not describe the ACTIVE certificate" >&2; exit 1; }
echo "$missing" | grep -q "^error: ResourceNotFound(" || { echo "check: no ResourceNotFound for an unknown certificate" >&2; exit 1; }
swift test --disable-swift-testing
