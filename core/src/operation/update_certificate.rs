//! `UpdateCertificate`: `PUT /certificates/{certificateId}?newStatus=`, to deactivate a
//! certificate before its transfer (or activate, or revoke it). Idempotent: setting a status the
//! certificate already has changes nothing.

use super::call::parse_no_output;
use super::certificate_id::validate_certificate_id;
use super::describe_certificate::CertificateStatus;
use super::{InputField, OperationInput, ResponseMetadata, RestRequest, ValidationError, ValidationRule};
use crate::error::Error;
pub use crate::operation::shapes::{UpdateCertificateInput, UpdateCertificateOutput};
use http::HeaderMap;

/// The statuses a caller may set: the model's other values are the service's own (setting
/// `PENDING_TRANSFER` or `PENDING_ACTIVATION` is refused, `REGISTER_INACTIVE` is deprecated).
pub const SETTABLE_STATUSES: &[&str] = &["ACTIVE", "INACTIVE", "REVOKED"];

impl UpdateCertificateInput {
    /// An input setting `certificate_id`'s status to `new_status`.
    pub fn new(certificate_id: impl Into<String>, new_status: CertificateStatus) -> Self {
        Self { certificate_id: certificate_id.into(), new_status }
    }
}

impl OperationInput for UpdateCertificateInput {
    const NAME: &'static str = "UpdateCertificate";
    const IDEMPOTENT: bool = true;
    type Payload = ();
    type Output = UpdateCertificateOutput;

    fn validate(&self) -> Result<RestRequest, ValidationError> {
        let certificate_id = validate_certificate_id(&self.certificate_id)?;
        let status = self.new_status.as_str();
        if !SETTABLE_STATUSES.contains(&status) {
            let rule = ValidationRule::OneOf { allowed: SETTABLE_STATUSES };
            return Err(ValidationError::new(InputField::NewStatus, rule));
        }
        Ok(RestRequest::new(http::Method::PUT, "certificates").label(certificate_id).query("newStatus", Some(status)))
    }

    fn certificate_reference(&self) -> Option<(InputField, &str)> {
        Some((InputField::CertificateId, &self.certificate_id))
    }

    fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<(), Error> {
        parse_no_output(status, headers, body)
    }

    fn output((): (), metadata: ResponseMetadata) -> UpdateCertificateOutput {
        UpdateCertificateOutput { metadata }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::test_support::{endpoint, ID};

    #[test]
    fn builds_the_wire_request() {
        let request =
            UpdateCertificateInput::new(ID, CertificateStatus::Inactive).validate().unwrap().build(&endpoint(), "ua");
        assert_eq!(request.method(), http::Method::PUT);
        assert_eq!(
            request.uri().to_string(),
            format!("https://iot.eu-west-1.amazonaws.com/certificates/{ID}?newStatus=INACTIVE")
        );
        assert!(request.body().is_empty());
    }

    #[test]
    fn only_settable_statuses_are_sent() {
        for status in [
            CertificateStatus::PendingTransfer,
            CertificateStatus::PendingActivation,
            CertificateStatus::RegisterInactive,
            CertificateStatus::Unknown("RETIRED".into()),
        ] {
            let error = UpdateCertificateInput::new(ID, status).validate().unwrap_err();
            assert_eq!(error.to_string(), "newStatus must be one of ACTIVE, INACTIVE, REVOKED");
        }
    }
}
