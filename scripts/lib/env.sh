# What every script shares, sourced (POSIX sh and bash) from a script in scripts/: the cache folder
# outside the repository where installs are kept (`cache`: IOT_TRANSFER_CACHE, else
# ~/.cache/iot-transfer) and the pinned tool versions (scripts/versions.env).
# Usage, from a script in a folder of scripts/: . "$(dirname "$0")/../lib/env.sh"
cache="${IOT_TRANSFER_CACHE:-$HOME/.cache/iot-transfer}"
. "$(dirname "$0")/../versions.env"
