//! Builds the unsigned HTTP request: a pure function, no I/O.

use super::ValidatedInput;
use crate::endpoint::Endpoint;
use crate::operation::RestRequest;

/// The request: `GET /certificates-out-going` with the query members that are set, in the order
/// the SDKs send them.
pub(crate) fn rest_request(input: &ValidatedInput) -> RestRequest {
    let input = input.input();
    RestRequest::new(http::Method::GET, "certificates-out-going")
        .query("pageSize", input.page_size)
        .query("marker", input.marker.as_deref())
        .query("isAscendingOrder", input.ascending_order)
}

/// Builds `GET {endpoint}/certificates-out-going` with the query members that are set, in the
/// order the SDKs send them, with `user_agent`.
pub fn build_request(input: &ValidatedInput, endpoint: &Endpoint, user_agent: &str) -> http::Request<Vec<u8>> {
    rest_request(input).build(endpoint, user_agent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::list_outgoing_certificates::ListOutgoingCertificatesInput;

    #[test]
    fn builds_the_wire_request() {
        let endpoint = crate::operation::test_support::endpoint();
        let plain = ListOutgoingCertificatesInput::default().validate().unwrap();
        assert_eq!(
            build_request(&plain, &endpoint, "ua").uri(),
            "https://iot.eu-west-1.amazonaws.com/certificates-out-going"
        );
        let paged = ListOutgoingCertificatesInput {
            page_size: Some(250),
            marker: Some("a+b/=".into()),
            ascending_order: Some(true),
        };
        let request = build_request(&paged.validate().unwrap(), &endpoint, "ua");
        assert_eq!(
            request.uri().to_string(),
            "https://iot.eu-west-1.amazonaws.com/certificates-out-going?pageSize=250&marker=a%2Bb%2F%3D&isAscendingOrder=true"
        );
    }
}
