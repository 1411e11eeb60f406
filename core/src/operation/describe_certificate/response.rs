//! Maps an HTTP response to the description or a typed error: a pure function, no I/O.

use super::CertificateDescription;
use crate::error::Error;
use crate::protocol::error_response::{invalid_response, parse_error};
use crate::protocol::from_json_object;
use http::HeaderMap;
use serde::Deserialize;

/// `{"certificateDescription": {...}}`; other members are ignored.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SuccessBody {
    certificate_description: Option<CertificateDescription>,
}

/// Returns the description for a 2xx response, or the typed error the response describes.
pub fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<CertificateDescription, Error> {
    if !(200..300).contains(&status) {
        return Err(parse_error(status, headers, body));
    }
    match from_json_object::<SuccessBody>(body) {
        Ok(SuccessBody { certificate_description: Some(description) }) => Ok(description),
        Ok(_) => Err(invalid_response(status, headers, "the success response has no certificateDescription".into())),
        Err(error) => Err(invalid_response(status, headers, format!("the success response is not readable: {error}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::operation::describe_certificate::CertificateStatus;
    use std::time::{Duration, UNIX_EPOCH};

    fn parse(status: u16, body: &str) -> Result<CertificateDescription, Error> {
        parse_response(status, &HeaderMap::new(), body.as_bytes())
    }

    #[test]
    fn reads_a_pending_transfer() {
        let body = r#"{"certificateDescription":{"certificateArn":"arn:aws:iot:eu-west-1:111122223333:cert/ab",
            "certificateId":"ab","status":"PENDING_TRANSFER","ownedBy":"111122223333","creationDate":1700000000,
            "transferData":{"transferMessage":"hi","transferDate":1700000100.5},"customerVersion":2,
            "validity":{"notBefore":1,"notAfter":2},"certificateMode":"DEFAULT"}}"#;
        let description = parse(200, body).unwrap();
        assert_eq!(description.status, Some(CertificateStatus::PendingTransfer));
        assert_eq!(description.owned_by.as_deref(), Some("111122223333"));
        let transfer = description.transfer_data.unwrap();
        assert_eq!(transfer.transfer_message.as_deref(), Some("hi"));
        assert_eq!(transfer.transfer_date, Some(UNIX_EPOCH + Duration::from_millis(1_700_000_100_500)));
        assert_eq!(description.validity.unwrap().not_after, Some(UNIX_EPOCH + Duration::from_secs(2)));
    }

    #[test]
    fn an_unknown_status_is_kept_by_name_and_odd_members_are_absent() {
        let body = r#"{"certificateDescription":{"status":"QUARANTINED","ownedBy":7,"creationDate":"yesterday"}}"#;
        let description = parse(200, body).unwrap();
        assert_eq!(description.status, Some(CertificateStatus::Unknown("QUARANTINED".into())));
        assert_eq!(description.status.unwrap().as_str(), "QUARANTINED");
        assert_eq!((description.owned_by, description.creation_date), (None, None));
    }

    #[test]
    fn a_body_without_a_description_is_an_invalid_response() {
        for body in ["{}", "[]", "nope", r#"{"certificateDescription":7}"#] {
            assert_eq!(parse(200, body).unwrap_err().kind(), &ErrorKind::InvalidResponse, "{body}");
        }
    }

    #[test]
    fn errors_are_typed() {
        let error = parse(404, r#"{"__type":"ResourceNotFoundException","message":"no such"}"#).unwrap_err();
        assert_eq!((error.kind(), error.message()), (&ErrorKind::ResourceNotFound, "no such"));
    }
}
