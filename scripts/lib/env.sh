# What every script shares, sourced (POSIX sh and bash) from a script in scripts/: the cache folder
# outside the repository where installs are kept (`cache`: IOT_TRANSFER_CACHE, else
# ~/.cache/iot-transfer) and the pinned tool versions (scripts/versions.env).
# Usage, from a script in a folder of scripts/: . "$(dirname "$0")/../lib/env.sh"
cache="${IOT_TRANSFER_CACHE:-$HOME/.cache/iot-transfer}"
. "$(dirname "$0")/../versions.env"

# Holds the lock of setup NAME until the script exits, waiting for another holder first: a setup
# started in the background (scripts/setup/toolchains.sh --prefetch) and the same setup asked for
# by a suite then run one after the other, and the second finds the install ready.
setup_lock() {
  mkdir -p "$cache"
  exec 8>"$cache/$1.lock"
  flock 8
}
