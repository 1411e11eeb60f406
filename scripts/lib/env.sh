# What every script shares, sourced (POSIX sh and bash) from a script in scripts/: the cache folder
# outside the repository where installs are kept (`cache`: IOT_TRANSFER_CACHE, else
# ~/.cache/iot-transfer) and the pinned tool versions (scripts/versions.env).
# Usage, from a script in a folder of scripts/: . "$(dirname "$0")/../lib/env.sh"
cache="${IOT_TRANSFER_CACHE:-$HOME/.cache/iot-transfer}"
repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
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

# The browser build, declared once, for the npm package (scripts/build/wasm-package.sh) and
# `make bench`'s floor of the design's packages (scripts/build/wasm-floor.sh): the standard
# library rebuilt with the package (`-Z build-std`), as every other crate is: at opt-level "z",
# under LTO with the rest, with std's `optimize_for_size` feature and no source locations in panic
# messages (`-Z location-detail=none`); the prebuilt std is built for speed. A panic hook still
# reports a panic's message (docs/size.md: -17.4 KB gzip). These are unstable cargo and rustc
# flags, allowed on this stable toolchain by RUSTC_BOOTSTRAP=1 for this one build; they need the
# toolchain's rust-src component (scripts/setup/rust.sh installs it).
# Usage: wasm_release_build PACKAGE [CARGO_ARGUMENT]... (e.g. --features batches); the module is
# then at "$(wasm_release_dir)/CRATE_NAME.wasm".
wasm_release_build() {
  package="$1"
  shift
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zlocation-detail=none" cargo build -p "$package" \
    --target wasm32-unknown-unknown --profile wasm-release \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size "$@"
}
# Where wasm_release_build leaves its modules (CARGO_TARGET_DIR may point at a cache shared
# between worktrees).
wasm_release_dir() {
  echo "${CARGO_TARGET_DIR:-$repo_root/target}/wasm32-unknown-unknown/wasm-release"
}
# esbuild's arguments for a browser bundle of wasm-bindgen's web glue (browser.js,
# browser-batches.js, the floor's floor.js), one a line: one minified ES module for the browsers
# of ES2020, with class and function names kept through minifying.
# Usage, in bash: mapfile -t bundle < <(browser_bundle_args)
browser_bundle_args() {
  printf '%s\n' --bundle --format=esm --minify --keep-names --target=es2020 --log-level=warning
}
# wasm-opt's arguments for a browser build, one a line: -Oz, the features Rust 1.82+ emits for
# wasm32 by default (which wasm-opt must be told about), no debug or producers sections.
# Usage, in bash: mapfile -t opt_flags < <(wasm_opt_args)
wasm_opt_args() {
  printf '%s\n' -Oz --enable-reference-types --enable-bulk-memory --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-multivalue --enable-mutable-globals --strip-debug --strip-producers
}
