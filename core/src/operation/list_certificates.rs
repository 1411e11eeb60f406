//! `ListCertificates`: `GET /certificates`, one page of the caller's certificates (with those
//! offered to it, PENDING_TRANSFER). Idempotent; [`Paginator`](crate::Paginator) walks the pages.

use super::call::parse_json_output;
use super::paging::validate_paging;
use super::{OperationInput, Paginated, ResponseMetadata, RestRequest, ValidationError};
use crate::error::Error;
pub use crate::operation::shapes::{Certificate, ListCertificatesInput, ListCertificatesOutput};
use crate::protocol::optional_text;
use http::HeaderMap;
use serde::Deserialize;

/// A page as the response holds it, `{"certificates": [...], "nextMarker": "..."}`; other
/// members are ignored.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificatesPage {
    #[serde(default)]
    certificates: Option<Vec<Certificate>>,
    #[serde(default, deserialize_with = "optional_text")]
    next_marker: Option<String>,
}

impl OperationInput for ListCertificatesInput {
    const NAME: &'static str = "ListCertificates";
    const IDEMPOTENT: bool = true;
    type Payload = CertificatesPage;
    type Output = ListCertificatesOutput;

    fn validate(&self) -> Result<RestRequest, ValidationError> {
        validate_paging(self.page_size, self.marker.as_deref())?;
        Ok(RestRequest::new(http::Method::GET, "certificates")
            .query("pageSize", self.page_size)
            .query("marker", self.marker.as_deref())
            .query("isAscendingOrder", self.ascending_order))
    }

    fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<CertificatesPage, Error> {
        parse_json_output(status, headers, body)
    }

    fn output(page: CertificatesPage, metadata: ResponseMetadata) -> ListCertificatesOutput {
        ListCertificatesOutput {
            certificates: page.certificates.unwrap_or_default(),
            next_marker: page.next_marker.filter(|marker| !marker.is_empty()),
            metadata,
        }
    }
}

impl Paginated for ListCertificatesInput {
    type Item = Certificate;

    fn set_marker(&mut self, marker: Option<String>) {
        self.marker = marker;
    }

    fn next_marker(output: &ListCertificatesOutput) -> Option<&str> {
        output.next_marker.as_deref()
    }

    fn into_items(output: ListCertificatesOutput) -> Vec<Certificate> {
        output.certificates
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::test_support::endpoint;

    #[test]
    fn builds_the_wire_request() {
        let input =
            ListCertificatesInput { page_size: Some(5), marker: Some("a+b=".into()), ascending_order: Some(false) };
        let request = input.validate().unwrap().build(&endpoint(), "ua");
        assert_eq!(
            request.uri().to_string(),
            "https://iot.eu-west-1.amazonaws.com/certificates?pageSize=5&marker=a%2Bb%3D&isAscendingOrder=false"
        );
        assert_eq!(request.method(), http::Method::GET);
    }

    #[test]
    fn reads_a_page_leniently() {
        let body = br#"{"certificates":[{"certificateId":"ab","status":"PENDING_TRANSFER","creationDate":5,
            "certificateMode":7}],"nextMarker":""}"#;
        let page = ListCertificatesInput::parse_response(200, &HeaderMap::new(), body).unwrap();
        let output = ListCertificatesInput::output(page, ResponseMetadata::default());
        assert_eq!(output.certificates[0].status, Some(crate::CertificateStatus::PendingTransfer));
        assert_eq!(output.certificates[0].certificate_mode, None);
        assert_eq!(output.next_marker, None);
        let error = ListCertificatesInput::parse_response(200, &HeaderMap::new(), b"[]").unwrap_err();
        assert_eq!(error.kind(), &crate::ErrorKind::InvalidResponse);
    }
}
