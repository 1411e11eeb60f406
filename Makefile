# The two commands a newcomer runs: `make demo` and `make test`. Both install what they need
# (idempotently, caching outside the repository) before running.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
CARGO ?= cargo
WASM_TARGET := wasm32-unknown-unknown
NPM_BIN := bindings-wasm/node_modules/.bin

.PHONY: demo test setup prefetch setup-wasm lint test-rust test-botocore \
	wasm test-wasm bench bench-size wheels test-python test-python-aarch64 test-python-types test-kotlin test-kotlin-consumer test-swift test-official-clients test-examples \
	test-credentials test-demo test-npm-consumers soak soak-smoke bench-smoke fuzz test-fuzz-corpora jar aar test-kotlin-aarch64

## demo: the web demo against the local IoT endpoint (no AWS account needed); Ctrl-C stops it
demo: wasm
	$(CARGO) build --quiet -p iot-emulator
	node web-demo/serve.mjs

## test: formatting, lints (native and wasm32), every test in every language, size budget
test: prefetch lint test-rust test-botocore test-wasm test-python test-python-types test-kotlin test-kotlin-consumer test-swift test-official-clients test-examples test-credentials test-demo test-npm-consumers soak-smoke bench-smoke
	@echo "make test: all checks passed"

# Every toolchain is installed by scripts/setup/toolchains.sh (the one entry point; --list names them).
setup:
	@scripts/setup/toolchains.sh rust

# Rust, then every other toolchain `make test` uses started in the background, so that their
# downloads overlap with the Rust build; each suite's own setup then waits for it or finds it ready.
prefetch:
	@scripts/setup/toolchains.sh --prefetch

setup-wasm:
	@scripts/setup/toolchains.sh wasm browser

# The core is also checked without its shared configuration (the mobile library's build) and alone
# for wasm32 (`make wasm` then builds it with the binding).
lint:
	scripts/test/script-paths.sh
	$(CARGO) fmt --all --check
	$(CARGO) fmt --manifest-path core/fuzz/Cargo.toml --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy -p iot-transfer --no-default-features --all-targets -- -D warnings
	$(CARGO) clippy -p iot-transfer --target $(WASM_TARGET) -- -D warnings
	$(CARGO) clippy -p iot-transfer-wasm -p iot-transfer-wasm-floor --all-targets --target $(WASM_TARGET) -- -D warnings
	$(CARGO) clippy -p iot-transfer-wasm --features batches --all-targets --target $(WASM_TARGET) -- -D warnings

# Also replays the fuzz corpora (core/tests/fuzz_corpora.rs), on stable. Then the core's unit
# tests without the shared configuration (the mobile library's build: the feature's error).
test-rust:
	$(CARGO) test --workspace
	$(CARGO) test -p iot-transfer --no-default-features --lib

## test-fuzz-corpora: replay every fuzz target's corpus through its invariant checks (stable; part of test-rust)
test-fuzz-corpora:
	$(CARGO) test -p iot-transfer --test integration fuzz_corpora::

## fuzz: each cargo-fuzz target for FUZZ_SECONDS (default 60), with executions, time and peak RSS per target
fuzz:
	scripts/test/fuzz.sh

test-botocore:
	python=$$(scripts/setup/python.sh) && "$$python" -m pytest -q tests/botocore

## wasm: build the npm package into bindings-wasm/pkg
wasm: setup setup-wasm
	scripts/build/wasm-package.sh

test-wasm: wasm
	$(CARGO) test -p iot-transfer-wasm --target $(WASM_TARGET) --test node
	CHROMEDRIVER=/usr/bin/chromedriver $(CARGO) test -p iot-transfer-wasm --target $(WASM_TARGET) --test browser
	cd bindings-wasm && ../scripts/run/with-emulator.sh node --test test/*.test.mjs
	$(NPM_BIN)/tsc -p bindings-wasm/test/tsconfig.json
	scripts/test/wasm-size.sh --check

## bench: every client side by side with its official SDK and a no-SDK floor (Node, Python, Rust),
## sequential and 32 in flight, the sizes, the fleet handover; writes docs/benchmarks.md and .png
## (builds aws-sdk-iot in release: many minutes on 2 cores)
bench: setup wasm
	scripts/test/bench.sh

## bench-smoke: every bench program in every mode with 20 calls, the handover with 200 certificates,
## the report into a temporary folder; checks every figure is there (part of `make test`; no timing asserted)
bench-smoke: setup wasm
	scripts/test/bench-smoke.sh

## bench-size: raw, gzip and brotli size of what a browser downloads from the npm package, and its code by crate;
## the same for the floor of the design's packages alone (bench/wasm-floor, one signed call);
## the mobile library's stripped size for aarch64 against bindings-uniffi/size-budget.txt (an LTO build, profile mobile-release)
bench-size: wasm
	scripts/setup/twiggy.sh
	scripts/test/wasm-size.sh --by-crate
	scripts/test/wasm-size.sh --files "$$(scripts/build/wasm-floor.sh)" iot_transfer_wasm_floor_bg.wasm floor.js
	scripts/test/native-size.sh --check

## test-python: one manylinux2014 wheel (maturin, uniffi; debug), checked with auditwheel, installed
## into a fresh virtualenv of Python 3.9 (Debian 11 root), the host's 3.11 and 3.13 (Debian 13 root), tested in each
test-python: setup
	scripts/test/python-binding.sh

## test-python-types: the wheel's stubs against its runtime (stubtest), mypy --strict and pyright on
## the package and a consumer program (tests/python-consumer), then the consumer against the local endpoint
test-python-types: setup
	scripts/test/python-types.sh

## wheels: release wheels into target/wheels/: manylinux2014 and musllinux 1.2, x86_64 and aarch64
## (maturin --zig), each checked with auditwheel; WHEEL_TARGETS=TRIPLE... builds a subset
wheels: setup
	scripts/build/wheels.sh

## test-python-aarch64: the aarch64 wheel in Debian 11's arm64 Python 3.9 under qemu-user, tested (slow)
test-python-aarch64: setup
	scripts/test/python-aarch64.sh

## test-kotlin: the Kotlin bindings in a jar carrying the native library, tested on the JVM
test-kotlin: setup
	scripts/test/kotlin-binding.sh

## test-kotlin-consumer: an app compiled with only the Maven artifact (the debug jar test-kotlin
## builds) and the jars its POM names, resolved from this machine's local repositories, against the local endpoint
test-kotlin-consumer: setup
	tests/kotlin-consumer/run.sh

## jar: the Kotlin bindings as a Maven artifact in target/maven (release natives for linux-x86-64 and
## linux-aarch64, -sources.jar, POM, checksums), checked by the same consumer
jar: setup
	scripts/build/maven-repo.sh release target/maven
	tests/kotlin-consumer/run.sh target/maven

## test-kotlin-aarch64: the same consumer on an aarch64 JVM (Debian arm64 OpenJDK under qemu-user), with the
## release jar's linux-aarch64 library; not part of `test` (it needs the release builds of `jar`)
test-kotlin-aarch64: jar
	scripts/test/kotlin-aarch64.sh target/maven

## aar: the Android library (needs ANDROID_NDK_HOME; not built on this project's machines: docs/android.md)
aar: setup
	scripts/build/android-aar.sh

## test-swift: the Swift package as a consumer uses it: a consumer package built with plain `swift build`, its app run against the local endpoint, and `swift test`, in a Debian 13 root (Swift 6)
test-swift: setup
	scripts/test/swift-binding.sh

## test-demo: the web demo driven in headless Chromium: a transfer, typed errors, a batch handover and accept, screenshots
test-demo: wasm
	$(CARGO) build --quiet -p iot-emulator
	cd web-demo && node --test test/

## test-npm-consumers: the npm tarball installed into fresh Vite, webpack 5, esbuild, Node (ESM, CommonJS) and
## TypeScript projects; the bundled pages in Chromium and the Node ones against the local endpoint
test-npm-consumers: wasm
	scripts/test/npm-consumers.sh

## test-examples: each operation called as the AWS examples call it (tests/examples/), with boto3 and the JS SDK,
## then with one line changed for this library's faces; the two runs' outputs must match
test-examples: setup wasm
	scripts/test/examples.sh

## test-credentials: botocore's credential providers against the local endpoint's STS, SSO, IMDS and ECS stand-ins
test-credentials: setup
	tests/credentials/run.sh

## test-official-clients: boto3 and @aws-sdk/client-iot drive the local endpoint through whole transfers;
## the npm package is checked as a drop-in for @aws-sdk/client-iot (its exports, and one script run on both)
test-official-clients: setup wasm
	tests/official-clients/run.sh

## soak: 2000 transfers per client (Rust, npm package in Node, Python wheel), 32 in flight, under
## seeded faults; every reported outcome checked against the endpoint (SOAK_CALLS, SOAK_SEED, ...)
soak: setup setup-wasm wasm
	scripts/test/soak.sh

## soak-smoke: the same with 400 transfers per client (part of `make test`)
soak-smoke: setup setup-wasm wasm
	SOAK_CALLS=$${SOAK_CALLS:-400} scripts/test/soak.sh
