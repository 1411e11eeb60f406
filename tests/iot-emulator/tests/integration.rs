//! The local endpoint's integration tests, compiled and linked as one test binary (`cargo test
//! -p iot-emulator --test integration [MODULE::]`): one link instead of one per file. Each module
//! is a file beside this one; `support` starts an emulator and signs requests as an SDK would.

mod support;

mod auth;
mod binary;
mod bulk;
mod call_log;
mod concurrency;
mod container_credentials;
mod cors;
mod faults;
mod imds;
mod persistence;
mod policies_and_lists;
mod rate_limit;
mod sso;
mod sts;
mod transfer_rules;
