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

# The mobile library (the Android AAR, the XCFramework, and what scripts/test/native-size.sh
# measures by default), declared once: cargo's profile (Cargo.toml, `[profile.mobile-release]`,
# built for size) and iot-transfer-uniffi's features (none: no `unify`, no `shared-config`).
# scripts/build/native.sh builds it as `native.sh TRIPLE mobile`; android-aar.sh and
# xcframework.sh pass these two to cargo themselves.
mobile_profile=mobile-release
mobile_features=none
# Prints cargo's arguments for the mobile library, one a line: the profile, no default features,
# and the features if any. Usage, in bash: mapfile -t mobile < <(mobile_cargo_args)
mobile_cargo_args() {
  printf '%s\n' --profile "$mobile_profile" --no-default-features
  [ "$mobile_features" = none ] || printf '%s\n' --features "$mobile_features"
}
