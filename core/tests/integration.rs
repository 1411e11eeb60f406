//! The core's integration tests, compiled and linked as one test binary (`cargo test -p
//! iot-transfer --test integration [MODULE::]`): one link of the whole dependency tree instead of
//! one per file, which was most of `make test`'s Rust build. Each module is a file beside this
//! one; `support` is the scripted endpoint and `loopback` the local IoT endpoint
//! with what the shared-configuration tests add around it.

/// The fuzz targets' checks (`core/fuzz/src/`), replayed by `fuzz_corpora`; `partitions` holds
/// the table to the reference written there.
#[path = "../fuzz/src/lib.rs"]
mod fuzz_checks;
mod loopback;
mod support;

mod bad_input;
mod client_adaptive;
mod client_cancellation;
mod client_clock_offset;
mod client_errors;
mod client_reconciliation;
mod client_retries;
mod client_time;
mod client_transport;
mod client_wire;
mod emulator_batch;
mod emulator_reconciliation;
mod emulator_time;
mod emulator_workflow;
mod endpoint_vectors;
mod fuzz_corpora;
mod operation_vectors;
mod partitions;
mod shared_vectors;
mod signing_dates;
mod sigv4_test_suite;

// The shared configuration's own tests (aws-config, in a child process): with the feature only.
// A build without it is tested by the unit tests of core/src/shared_config/environment_only.rs.
#[cfg(feature = "shared-config")]
mod credential_chain;
#[cfg(feature = "shared-config")]
mod shared_config;
