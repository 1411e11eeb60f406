//! # iot-transfer
//!
//! The AWS IoT certificate-transfer workflow (`TransferCertificate`, accept, reject, cancel,
//! describe, update, the lists and their paginators, detach, and a preflight that says what
//! blocks a transfer), done carefully: the input is checked against
//! the service model before anything is sent, the request is signed with SigV4 (`aws-sigv4`),
//! sent with connection reuse, retried by the SDKs' standard or adaptive mode (with a retry quota
//! and, in adaptive mode, a client-side rate limiter), corrected for clock skew, bounded by
//! timeouts, and every failure comes back as one typed error that carries its code, message, HTTP
//! status, request id and retry information.
//!
//! This crate is the core of bindings for JavaScript (WebAssembly), Python, Kotlin and Swift; it
//! builds natively (tokio, reqwest with rustls) and for `wasm32-unknown-unknown` (reqwest over `fetch`).
//!
//! ```no_run
//! use iot_transfer::{Client, Config, TransferCertificateInput};
//!
//! # async fn example() -> Result<(), iot_transfer::Error> {
//! // Region, credentials and endpoint as the AWS SDKs find them: the environment, the shared
//! // files (profiles, SSO, assume-role), web identity, the ECS endpoint or IMDS.
//! let client = Client::new(Config::load_from_env().await?.build());
//! let output = client
//!     .transfer_certificate(TransferCertificateInput::new(
//!         "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e",
//!         "444455556666",
//!     ))
//!     .await?;
//! println!("transferred: {}", output.transferred_certificate_arn);
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

pub mod batch;
mod client;
mod clock_skew;
pub mod credentials;
pub mod endpoint;
pub mod environment;
mod error;
pub mod operation;
pub mod preflight;
pub mod protocol;
pub mod retry;
pub mod runtime;
pub mod settings;
#[cfg(not(target_arch = "wasm32"))]
pub mod shared_config;
pub mod signing;

#[doc(hidden)]
pub use batch::{Batch, JournalStore};
pub use client::settle_probe;
pub use client::{Cancellation, Client, Config, ConfigBuilder, Paginator, SignedRequest, TimeoutConfig};
pub use credentials::{Credentials, CredentialsError, ProvideCredentials};
pub use endpoint::{EndpointConfig, EndpointError};
pub use error::{
    Error, ErrorKind, ErrorKindInfo, ErrorOrigin, Fault, TimeoutKind, TransferCertificateError, ERROR_KINDS,
};
pub use operation::describe_certificate::{
    CertificateDescription, CertificateStatus, DescribeCertificateInput, DescribeCertificateOutput, TransferData,
};
pub use operation::list_outgoing_certificates::{
    ListOutgoingCertificatesInput, ListOutgoingCertificatesOutput, OutgoingCertificate,
};
pub use operation::shapes::{BatchEvent, BatchProgress, CertificateOutcome, HandoverInput, IncomingTransfersInput};
pub use operation::shapes::{ErrorDetails, ValidationDetails};
pub use operation::transfer_certificate::{TransferCertificateInput, TransferCertificateOutput};
pub use operation::{
    AcceptCertificateTransferInput, AcceptCertificateTransferOutput, CancelCertificateTransferInput,
    CancelCertificateTransferOutput, Certificate, DetachPolicyInput, DetachPolicyOutput, FieldNaming, InputField,
    ListAttachedPoliciesInput, ListAttachedPoliciesOutput, ListCertificatesInput, ListCertificatesOutput,
    OperationInput, Paginated, Policy, RejectCertificateTransferInput, RejectCertificateTransferOutput,
    ResponseMetadata, UpdateCertificateInput, UpdateCertificateOutput, ValidationError, ValidationRule, WorkflowInput,
};
pub use preflight::{
    CheckTransferInput, PrepareAndTransferInput, PrepareReport, PrepareStep, StepAction, StepOutcome, TransferBlocker,
    TransferCheck,
};
pub use retry::{RetryConfig, RetryMode};

/// The README's Rust example, compiled as a doctest so it cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
