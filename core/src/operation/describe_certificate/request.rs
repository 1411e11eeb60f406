//! Builds the unsigned HTTP request: a pure function, no I/O.

use super::ValidatedInput;
use crate::endpoint::Endpoint;
use crate::operation::RestRequest;

/// The request: `GET /certificates/{id}` without a body.
pub(crate) fn rest_request(input: &ValidatedInput) -> RestRequest {
    RestRequest::new(http::Method::GET, "certificates").label(input.certificate_id())
}

/// Builds `GET {endpoint}/certificates/{id}` without a body, with `user_agent`.
pub fn build_request(input: &ValidatedInput, endpoint: &Endpoint, user_agent: &str) -> http::Request<Vec<u8>> {
    rest_request(input).build(endpoint, user_agent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::describe_certificate::DescribeCertificateInput;

    #[test]
    fn builds_the_wire_request() {
        let id = "a".repeat(64);
        let endpoint = crate::operation::test_support::endpoint();
        let input = DescribeCertificateInput::new(format!("arn:aws:iot:eu-west-1:111122223333:cert/{id}"));
        let request = build_request(&input.validate().unwrap(), &endpoint, "ua");
        assert_eq!(request.method(), http::Method::GET);
        assert_eq!(request.uri().to_string(), format!("https://iot.eu-west-1.amazonaws.com/certificates/{id}"));
        assert!(request.body().is_empty());
        assert!(request.headers().get(http::header::CONTENT_TYPE).is_none());
    }
}
