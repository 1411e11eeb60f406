#!/usr/bin/env bash
# Runs a command with the project's local IoT endpoint listening on a free loopback port: builds
# the emulator (debug), starts it, exports its URL as IOT_EMULATOR_URL, runs the command, and
# stops the emulator however the command ends. Tests reach it over HTTP (the admin endpoint
# `/_emulator/` seeds certificates, scripts faults and shows the state). The same URL serves the
# credential services (STS, SSO, IMDS under /latest/, container credentials under
# /v2/credentials/): e.g. AWS_EC2_METADATA_SERVICE_ENDPOINT="$IOT_EMULATOR_URL/" (see
# tests/iot-emulator/README.md, "Credential services").
#
# Usage: scripts/run/with-emulator.sh COMMAND [ARG]...
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cargo build --quiet --manifest-path "$root/Cargo.toml" -p iot-emulator
emulator="${CARGO_TARGET_DIR:-$root/target}/debug/iot-emulator"
out="$(mktemp)"
"$emulator" --port 0 >"$out" 2>"$out.log" &
pid=$!
# On failure the emulator's own log is shown, then removed with its output.
trap 'status=$?; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
[ "$status" -eq 0 ] || { echo "with-emulator: the emulator'"'"'s log:" >&2; cat "$out.log" >&2; }
rm -f "$out" "$out.log"' EXIT
for _ in $(seq 1 100); do
  url="$(head -n 1 "$out")"
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "with-emulator: the emulator exited" >&2; exit 1; }
  sleep 0.05
done
[ -n "$url" ] || { echo "with-emulator: the emulator printed no URL" >&2; exit 1; }
export IOT_EMULATOR_URL="$url"
# Clients read the AWS settings and proxies of their environment: the tests see none of this
# machine's (a test that wants one sets it).
for name in $(compgen -e); do
  case "$name" in
    AWS_* | HTTP_PROXY | HTTPS_PROXY | ALL_PROXY | NO_PROXY | http_proxy | https_proxy | all_proxy | no_proxy) unset "$name" ;;
  esac
done
export AWS_CONFIG_FILE=/nonexistent/aws-config AWS_SHARED_CREDENTIALS_FILE=/nonexistent/aws-credentials
export AWS_EC2_METADATA_DISABLED=true
"$@"
