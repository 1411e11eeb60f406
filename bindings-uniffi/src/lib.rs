//! uniffi bindings of the `iot-transfer` core: one client object whose methods (every operation,
//! async and blocking), paginators, records and error enum are expanded from the core's
//! declarations, and a credentials-provider interface the host implements. Each function
//! converts, calls the core and converts back; the logic is in the core.

// The error enum's variants carry their fields inline because that is what the host languages
// read; it crosses the FFI by value, so boxing it would buy nothing.
#![allow(clippy::result_large_err)]

mod batch;
mod cancellation;
#[cfg(feature = "cli")]
mod cli;
mod client;
mod config;
mod credentials;
mod error;
mod operations;
mod shapes;
mod signed_request;

pub use batch::Batch;
pub use cancellation::CancellationToken;
pub use client::IotTransferClient;
pub use config::{check_client_config, ClientConfig, RetryMode, SettingNaming};
pub use credentials::{AwsCredentials, CredentialsProvider, CredentialsProviderError};
pub use error::IotTransferError;
pub use signed_request::SignedRequest;

uniffi::setup_scaffolding!("iot_transfer");
