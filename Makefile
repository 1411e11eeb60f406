# The two commands a newcomer runs: `make demo` and `make test`. Both install what they need
# (idempotently, caching outside the repository) before running.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
CARGO ?= cargo

.PHONY: demo test setup lint test-rust test-wasm-build test-botocore

## demo: run the client against a local scripted IoT endpoint (no AWS account needed)
demo: setup
	$(CARGO) run --quiet -p iot-transfer --example local_transfer

## test: formatting, lints (native and wasm32), every test, the wasm32 build, botocore cross-checks
test: setup lint test-rust test-wasm-build test-botocore
	@echo "make test: all checks passed"

setup:
	@scripts/setup-rust.sh

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy -p iot-transfer --target wasm32-unknown-unknown -- -D warnings

test-rust:
	$(CARGO) test --workspace

test-wasm-build:
	$(CARGO) build -p iot-transfer --target wasm32-unknown-unknown --release

test-botocore:
	python=$$(scripts/setup-python.sh) && "$$python" -m pytest -q tests/botocore
