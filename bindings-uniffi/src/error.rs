//! The one error enum of the bindings, mapped once from the core's error.
//!
//! Every variant carries the same fields, readable in each host language: `code`,
//! `error_message` (not `message`, which Kotlin's `Throwable` owns),
//! `http_status`, `request_id`, `attempts`, `total_retry_delay_ms`, `retryable`,
//! `possibly_applied`, `reconciled` and `hint`; `Validation` also names the `field` and the `rule`.

use crate::records::millis;
use iot_transfer::ErrorKind;
use std::fmt;

macro_rules! transfer_certificate_error {
    ($($(#[$doc:meta])* $variant:ident { $($extra:ident: $extra_type:ty),* }),* $(,)?) => {
        /// A failed `TransferCertificate` call: one variant per service error code, plus
        /// validation, auth, transport, timeout, credentials, endpoint and unknown-code variants.
        #[derive(Debug, uniffi::Error)]
        pub enum TransferCertificateError {
            $($(#[$doc])* $variant {
                code: String,
                error_message: String,
                http_status: Option<u16>,
                request_id: Option<String>,
                attempts: u32,
                total_retry_delay_ms: u64,
                retryable: bool,
                possibly_applied: bool,
                reconciled: bool,
                hint: Option<String>,
                $($extra: $extra_type),*
            }),*
        }

        impl TransferCertificateError {
            /// The error code (`CertificateStateException`, `ValidationError`, ...).
            pub fn code(&self) -> &str {
                match self {
                    $(TransferCertificateError::$variant { code, .. } => code),*
                }
            }

            /// The human-readable message.
            pub fn message(&self) -> &str {
                match self {
                    $(TransferCertificateError::$variant { error_message, .. } => error_message),*
                }
            }
        }
    };
}

transfer_certificate_error! {
    /// `InvalidRequestException` (400).
    InvalidRequest {},
    /// `ResourceNotFoundException` (404).
    ResourceNotFound {},
    /// `CertificateStateException` (406): e.g. the certificate is ACTIVE; deactivate it first.
    CertificateState {},
    /// `TransferConflictException` (409): policies are still attached; detach them first.
    TransferConflict {},
    /// `ThrottlingException` (400).
    Throttling {},
    /// `UnauthorizedException` (401).
    Unauthorized {},
    /// `ServiceUnavailableException` (503).
    ServiceUnavailable {},
    /// `InternalFailureException` (500).
    InternalFailure {},
    /// The service refused the request's authentication (signature, token, clock; usually 403).
    Auth {},
    /// An error code the model does not define, or an error response without a code.
    UnknownService {},
    /// A success status whose body could not be understood.
    InvalidResponse {},
    /// The input broke a model constraint; nothing was sent.
    Validation { field: String, rule: String },
    /// The HTTP exchange failed below HTTP.
    Transport {},
    /// A timeout expired.
    Timeout {},
    /// The call was cancelled through its `CancellationToken`.
    Cancelled {},
    /// A bug: the library panicked. The client can still be used; a transfer in flight at the
    /// time may have happened.
    Internal {},
    /// No credentials could be obtained; nothing was sent.
    Credentials {},
    /// The region or endpoint configuration is invalid; nothing was sent.
    Endpoint {},
    /// A setting from the environment or the shared AWS files cannot be used; nothing was sent.
    Configuration {},
}

impl fmt::Display for TransferCertificateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message())
    }
}

impl std::error::Error for TransferCertificateError {}

impl From<iot_transfer::TransferCertificateError> for TransferCertificateError {
    fn from(error: iot_transfer::TransferCertificateError) -> Self {
        let metadata = error.metadata();
        let (code, error_message) = (error.code().to_owned(), error.message().to_owned());
        let (http_status, request_id) = (metadata.http_status, metadata.request_id.clone());
        let (attempts, total_retry_delay_ms) = (metadata.attempts, millis(metadata.total_retry_delay));
        let (retryable, possibly_applied) = (error.is_retryable(), error.possibly_applied());
        let reconciled = metadata.reconciled;
        let hint = error.hint().map(str::to_owned);
        macro_rules! variant {
            ($name:ident $(, $extra:ident: $value:expr)*) => {
                TransferCertificateError::$name {
                    code, error_message, http_status, request_id, attempts, total_retry_delay_ms, retryable,
                    possibly_applied, reconciled, hint, $($extra: $value),*
                }
            };
        }
        match error.kind() {
            ErrorKind::Validation(validation) => variant!(
                Validation,
                field: validation.field().model_name().to_owned(),
                rule: validation.rule().to_string()
            ),
            ErrorKind::InvalidRequest => variant!(InvalidRequest),
            ErrorKind::ResourceNotFound => variant!(ResourceNotFound),
            ErrorKind::CertificateState => variant!(CertificateState),
            ErrorKind::TransferConflict => variant!(TransferConflict),
            ErrorKind::Throttling => variant!(Throttling),
            ErrorKind::Unauthorized => variant!(Unauthorized),
            ErrorKind::ServiceUnavailable => variant!(ServiceUnavailable),
            ErrorKind::InternalFailure => variant!(InternalFailure),
            ErrorKind::Auth => variant!(Auth),
            ErrorKind::InvalidResponse => variant!(InvalidResponse),
            ErrorKind::Transport(_) => variant!(Transport),
            ErrorKind::Timeout(_) => variant!(Timeout),
            ErrorKind::Cancelled => variant!(Cancelled),
            ErrorKind::Internal => variant!(Internal),
            ErrorKind::Credentials => variant!(Credentials),
            ErrorKind::Endpoint(_) => variant!(Endpoint),
            ErrorKind::Configuration => variant!(Configuration),
            // UnknownService, and kinds a newer core adds before the bindings name them.
            _ => variant!(UnknownService),
        }
    }
}
