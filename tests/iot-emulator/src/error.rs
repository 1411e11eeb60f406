//! Service errors as AWS IoT sends them: an HTTP status, an error code (sent in the
//! `x-amzn-ErrorType` header) and a JSON body with a `message` member.

use serde_json::{Map, Value};
use std::fmt;

/// One error answer of the emulated service.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// The HTTP status code, as the IoT model gives it for this error shape.
    pub status: u16,
    /// The error shape's name, e.g. `CertificateStateException`.
    pub code: &'static str,
    /// The human-readable message, sent as the body's `message` member.
    pub message: String,
    /// Extra body members some error shapes carry (`resourceId`, `resourceArn`).
    pub extra_members: Map<String, Value>,
}

impl ApiError {
    /// An error with the given status, code and message and no extra members.
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        Self { status, code, message: message.into(), extra_members: Map::new() }
    }

    /// Adds a string member to the error body (after `message`).
    pub fn with_member(mut self, name: &str, value: impl Into<String>) -> Self {
        self.extra_members.insert(name.to_owned(), Value::String(value.into()));
        self
    }

    /// `InvalidRequestException` (400): the request is not valid.
    pub fn invalid_request(message: impl Into<String>) -> Self {
        Self::new(400, "InvalidRequestException", message)
    }

    /// `ResourceNotFoundException` (404): the resource does not exist or the caller cannot see it.
    pub fn resource_not_found(message: impl Into<String>) -> Self {
        Self::new(404, "ResourceNotFoundException", message)
    }

    /// `CertificateStateException` (406): the certificate's status does not allow the operation.
    pub fn certificate_state(message: impl Into<String>) -> Self {
        Self::new(406, "CertificateStateException", message)
    }

    /// `TransferConflictException` (409): policies are still attached to the certificate.
    pub fn transfer_conflict(message: impl Into<String>) -> Self {
        Self::new(409, "TransferConflictException", message)
    }

    /// `TransferAlreadyCompletedException` (410): the transfer was already accepted, rejected or
    /// cancelled.
    pub fn transfer_already_completed(message: impl Into<String>) -> Self {
        Self::new(410, "TransferAlreadyCompletedException", message)
    }

    /// `UnauthorizedException` (401): the caller may not perform this operation.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(401, "UnauthorizedException", message)
    }

    /// `ResourceAlreadyExistsException` (409), with the existing resource's id and ARN.
    pub fn resource_already_exists(message: impl Into<String>, resource_id: &str, resource_arn: &str) -> Self {
        Self::new(409, "ResourceAlreadyExistsException", message)
            .with_member("resourceId", resource_id)
            .with_member("resourceArn", resource_arn)
    }

    /// `MalformedPolicyException` (400): the policy document is not valid JSON.
    pub fn malformed_policy(message: impl Into<String>) -> Self {
        Self::new(400, "MalformedPolicyException", message)
    }

    /// `ThrottlingException` (400), as an injected fault.
    pub fn throttling() -> Self {
        Self::new(400, "ThrottlingException", "Rate exceeded")
    }

    /// `ServiceUnavailableException` (503), as an injected fault.
    pub fn service_unavailable() -> Self {
        Self::new(503, "ServiceUnavailableException", "The service is temporarily unavailable. Please try again.")
    }

    /// `AccessDeniedException` (403), as an injected fault.
    pub fn access_denied() -> Self {
        Self::new(403, "AccessDeniedException", "The caller is not authorized to perform this action (injected fault)")
    }

    /// `InternalFailureException` (500), as an injected fault or for an emulator bug.
    pub fn internal_failure(message: impl Into<String>) -> Self {
        Self::new(500, "InternalFailureException", message)
    }

    /// `UnknownOperationException` (404): no operation has this method and path.
    pub fn unknown_operation() -> Self {
        Self::new(404, "UnknownOperationException", "No operation matches the request's method and path")
    }

    /// `MissingAuthenticationTokenException` (403): no `Authorization` header.
    pub fn missing_authentication_token() -> Self {
        Self::new(403, "MissingAuthenticationTokenException", "Missing Authentication Token")
    }

    /// `IncompleteSignatureException` (403): the `Authorization` header is malformed.
    pub fn incomplete_signature(message: impl Into<String>) -> Self {
        Self::new(403, "IncompleteSignatureException", message)
    }

    /// `UnrecognizedClientException` (403): no account has this access key.
    pub fn unrecognized_client() -> Self {
        Self::new(403, "UnrecognizedClientException", "The security token included in the request is invalid.")
    }

    /// `ExpiredTokenException` (403): the temporary credentials' session token has expired.
    pub fn expired_token() -> Self {
        Self::new(403, "ExpiredTokenException", "The security token included in the request is expired")
    }

    /// `InvalidSignatureException` (403): the signature, its scope or its time is wrong.
    pub fn invalid_signature(message: impl Into<String>) -> Self {
        Self::new(403, "InvalidSignatureException", message)
    }

    /// The JSON body sent for this error: `{"message": ...}` plus any extra members.
    pub fn body(&self) -> Value {
        let mut members = Map::new();
        members.insert("message".to_owned(), Value::String(self.message.clone()));
        members.extend(self.extra_members.clone());
        Value::Object(members)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.code, self.status, self.message)
    }
}

impl std::error::Error for ApiError {}
