//! The one error type of every call and its kinds.

mod kinds;

pub use kinds::{ErrorKind, ErrorKindInfo, ErrorOrigin, ERROR_KINDS};

use crate::endpoint::EndpointError;
use crate::operation::shapes::{ErrorDetails, ValidationDetails};
use crate::operation::{FieldNaming, ResponseMetadata, ValidationError};
use crate::retry::RetryClass;
use crate::runtime::TransportErrorKind;
use std::fmt;

/// Which timeout expired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// One attempt took longer than the per-attempt timeout (retried like a transient error).
    Attempt,
    /// The whole call, retries included, took longer than the call timeout.
    Call,
}

/// Who is at fault, as the JS SDK's `$fault` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The request or the configuration was wrong.
    Client,
    /// The service or the network failed.
    Server,
}

impl Fault {
    /// `"client"` or `"server"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Fault::Client => "client",
            Fault::Server => "server",
        }
    }
}

/// A failed call: its kind, code, message and response metadata.
#[derive(Debug)]
pub struct Error {
    // Boxed so that `Result<_, Error>` stays one pointer wide.
    inner: Box<Inner>,
}

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    code: String,
    message: String,
    retry_class: Option<RetryClass>,
    possibly_applied: bool,
    metadata: ResponseMetadata,
    /// A hint written for this error from what a check of the certificate found.
    state_hint: Option<String>,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

/// The error of a `TransferCertificate` call: the same type as every other call's.
pub type TransferCertificateError = Error;

impl Error {
    pub(crate) fn new(kind: ErrorKind, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            inner: Box::new(Inner {
                kind,
                code: code.into(),
                message: message.into(),
                retry_class: None,
                possibly_applied: false,
                metadata: ResponseMetadata::default(),
                state_hint: None,
                source: None,
            }),
        }
    }

    /// An error of a kind whose code its declaration fixes (every kind but `Auth` and
    /// `UnknownService`, which carry the service's code; given one, the kind's name stands in).
    pub(crate) fn of_kind(kind: ErrorKind, message: impl Into<String>) -> Self {
        let code = kind.code().unwrap_or_else(|| kind.name());
        Self::new(kind, code, message)
    }

    /// A `Configuration` error: a setting a binding read (its config object, the environment)
    /// cannot be used. The message names the setting and what it must hold.
    pub fn configuration(message: impl Into<String>) -> Self {
        Self::of_kind(ErrorKind::Configuration, message)
    }

    pub(crate) fn with_response(mut self, http_status: u16, request_id: Option<String>) -> Self {
        self.inner.metadata.http_status = Some(http_status);
        self.inner.metadata.request_id = request_id;
        self
    }

    pub(crate) fn with_retry_class(mut self, class: Option<RetryClass>) -> Self {
        self.inner.retry_class = class;
        self
    }

    pub(crate) fn with_source(mut self, source: Option<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        self.inner.source = source;
        self
    }

    pub(crate) fn set_progress(
        &mut self,
        attempts: u32,
        total_retry_delay: std::time::Duration,
        possibly_applied: bool,
    ) {
        self.inner.metadata.attempts = attempts;
        self.inner.metadata.total_retry_delay = total_retry_delay;
        // A check of the certificate's state has the last word on whether it may have been applied.
        if !self.inner.metadata.reconciled {
            self.inner.possibly_applied |= possibly_applied;
        }
    }

    /// The error a panic in the library becomes where a binding catches it (the uniffi runtime, a
    /// blocking call): an `Internal` error naming the panic. Whatever the call was doing may have
    /// been applied, so it says so.
    pub fn from_panic(panic: &str) -> Self {
        let mut error = Self::of_kind(ErrorKind::Internal, format!("iot-transfer panicked, a bug: {panic}"));
        error.inner.possibly_applied = true;
        error
    }

    /// Replaces the kind's hint with one written from what a check of the certificate found.
    pub(crate) fn set_state_hint(&mut self, hint: String) {
        self.inner.state_hint = Some(hint);
    }

    /// Marks the error as settled by a check of the certificate's state, which also says whether
    /// the transfer may still have been applied. The status and request id stay the failure's.
    pub(crate) fn set_reconciled(&mut self, possibly_applied: bool) {
        self.inner.metadata.reconciled = true;
        self.inner.possibly_applied = possibly_applied;
    }

    pub(crate) fn retry_class(&self) -> Option<RetryClass> {
        self.inner.retry_class
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The service's error code (`CertificateStateException`, ...), cleaned of namespaces; for
    /// errors raised before or below HTTP, a name such as `ValidationError` or `TimeoutError`.
    pub fn code(&self) -> &str {
        &self.inner.code
    }

    /// The human-readable message.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// The HTTP status of the last response, if one arrived.
    pub fn http_status(&self) -> Option<u16> {
        self.inner.metadata.http_status
    }

    /// The `x-amzn-RequestId` of the last response, if one arrived.
    pub fn request_id(&self) -> Option<&str> {
        self.inner.metadata.request_id.as_deref()
    }

    /// Whether this kind of error is retried by the standard retry mode (it was returned because
    /// attempts, the retry quota or the call timeout ran out).
    pub fn is_retryable(&self) -> bool {
        self.inner.retry_class.is_some()
    }

    /// Whether the failure is a throttling error.
    pub fn is_throttling(&self) -> bool {
        self.inner.retry_class == Some(RetryClass::Throttling)
    }

    /// True when some attempt of a call that is not idempotent (a transfer, accept, reject or
    /// cancel) may have been applied (its response was lost, timed out, was a 5xx or could not be
    /// read) and the certificate's state did not settle it: it may have taken effect, or may still. Before the client answers
    /// with such an error it checks the certificate (see [`ResponseMetadata::reconciled`]).
    pub fn possibly_applied(&self) -> bool {
        self.inner.possibly_applied
    }

    /// Status, request id, attempts made and total retry delay.
    pub fn metadata(&self) -> &ResponseMetadata {
        &self.inner.metadata
    }

    /// `Server` for 5xx responses, transport failures and timeouts; `Client` otherwise.
    pub fn fault(&self) -> Fault {
        match (&self.inner.kind, self.inner.metadata.http_status) {
            (ErrorKind::Transport(_) | ErrorKind::Timeout(_), _) => Fault::Server,
            (_, Some(status)) if status >= 500 => Fault::Server,
            _ => Fault::Client,
        }
    }

    /// Everything the error carries, as one record: what each binding's error has on its base type.
    pub fn details(&self) -> ErrorDetails {
        ErrorDetails {
            kind: self.inner.kind.name().to_owned(),
            code: self.inner.code.clone(),
            message: self.inner.message.clone(),
            fault: self.fault().as_str().to_owned(),
            retryable: self.is_retryable(),
            throttling: self.is_throttling(),
            possibly_applied: self.possibly_applied(),
            hint: self.hint().map(str::to_owned),
            snake_case_hint: self.hint().map(|hint| crate::operation::render_names(hint, FieldNaming::SnakeCase)),
            validation: match &self.inner.kind {
                ErrorKind::Validation(error) => Some(ValidationDetails {
                    field: error.field().model_name().to_owned(),
                    rule: error.rule().to_string(),
                    snake_case_field: error.field().snake_case_name().to_owned(),
                    snake_case_message: error.message(FieldNaming::SnakeCase),
                }),
                _ => None,
            },
            metadata: self.inner.metadata.clone(),
        }
    }

    /// A suggestion of what to do next, for the kinds where one is known. When the client checked
    /// the certificate after the failure, the hint says what it found.
    pub fn hint(&self) -> Option<&str> {
        if let Some(hint) = &self.inner.state_hint {
            return Some(hint);
        }
        if let ErrorKind::Transport(TransportErrorKind::Redirect) = self.inner.kind {
            return Some("IoT endpoints do not redirect: check the endpoint URL, the region and any proxy in between.");
        }
        match self.inner.kind.declared_hint() {
            Some(hint) => Some(hint),
            _ if self.inner.possibly_applied => Some(
                "The call may have taken effect: check the certificate with DescribeCertificate before trying again.",
            ),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.inner.code, self.inner.message)?;
        match (self.inner.metadata.http_status, &self.inner.metadata.request_id) {
            (Some(status), Some(id)) => write!(f, " (HTTP {status}, request id {id})"),
            (Some(status), None) => write!(f, " (HTTP {status})"),
            _ => Ok(()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.inner.kind {
            ErrorKind::Validation(error) => Some(error),
            ErrorKind::Endpoint(error) => Some(error),
            _ => self.inner.source.as_deref().map(|e| e as _),
        }
    }
}

impl From<ValidationError> for Error {
    fn from(error: ValidationError) -> Self {
        let message = error.to_string();
        Self::of_kind(ErrorKind::Validation(error), message)
    }
}

impl From<EndpointError> for Error {
    fn from(error: EndpointError) -> Self {
        let message = error.to_string();
        Self::of_kind(ErrorKind::Endpoint(error), message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_carry_every_field_of_the_error() {
        let mut error = Error::new(ErrorKind::CertificateState, "CertificateStateException", "it is ACTIVE")
            .with_response(406, Some("req-1".to_owned()));
        error.set_progress(2, std::time::Duration::from_millis(30), true);
        let details = error.details();
        assert_eq!(
            (details.kind.as_str(), details.code.as_str(), details.message.as_str(), details.fault.as_str()),
            ("CertificateState", "CertificateStateException", "it is ACTIVE", "client")
        );
        assert_eq!((details.retryable, details.throttling, details.possibly_applied), (false, false, true));
        assert_eq!(details.hint.as_deref(), error.hint());
        assert_eq!(&details.metadata, error.metadata());
        assert_eq!(details.metadata.attempts, 2);
        assert_eq!(details.validation, None);
    }

    #[test]
    fn validation_details_name_the_member_both_ways() {
        let error =
            Error::from(ValidationError::new(crate::InputField::CertificateId, crate::ValidationRule::Required));
        let validation = error.details().validation.unwrap();
        assert_eq!(
            (validation.field.as_str(), validation.snake_case_field.as_str()),
            ("certificateId", "certificate_id")
        );
        assert!(validation.snake_case_message.starts_with("certificate_id "), "{}", validation.snake_case_message);
        assert_eq!(validation.rule, crate::ValidationRule::Required.to_string());
    }
}
