//! Builds the unsigned HTTP request for a validated input: a pure function, no I/O.

use super::body::RequestBody;
use super::ValidatedInput;
use crate::endpoint::Endpoint;
use crate::operation::RestRequest;

/// The request: `PATCH /transfer-certificate/{id}?targetAwsAccount={account}` with a JSON body
/// (`{}` when there is no message).
pub(crate) fn rest_request(input: &ValidatedInput) -> RestRequest {
    RestRequest::new(http::Method::PATCH, "transfer-certificate")
        .label(input.certificate_id())
        .query("targetAwsAccount", Some(input.target_aws_account()))
        .json_body(&RequestBody { transfer_message: input.transfer_message() })
}

/// Builds `PATCH {endpoint}/transfer-certificate/{id}?targetAwsAccount={account}` with a JSON
/// body (`{}` when there is no message), `content-type: application/json` and `user_agent`.
pub fn build_request(input: &ValidatedInput, endpoint: &Endpoint, user_agent: &str) -> http::Request<Vec<u8>> {
    rest_request(input).build(endpoint, user_agent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::test_support::endpoint_at as endpoint;
    use crate::TransferCertificateInput;

    const ID: &str = "0x3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d";

    #[test]
    fn builds_the_wire_request() {
        let input = TransferCertificateInput::new(ID, "123456789012").validate().unwrap();
        let request = build_request(&input, &endpoint(""), "iot-transfer/test");
        assert_eq!(request.method(), http::Method::PATCH);
        assert_eq!(
            request.uri().to_string(),
            format!("https://iot.eu-west-1.amazonaws.com/transfer-certificate/{ID}?targetAwsAccount=123456789012")
        );
        assert_eq!(request.headers()["content-type"], "application/json");
        assert_eq!(request.headers()["user-agent"], "iot-transfer/test");
        assert_eq!(request.body(), b"{}");
    }

    #[test]
    fn the_message_is_json_escaped() {
        let message = "say \"hi\"\nto ünïcödé ✓ \\ </script>";
        let input =
            TransferCertificateInput::new(ID, "123456789012").with_transfer_message(message).validate().unwrap();
        let request = build_request(&input, &endpoint("/prefix"), "ua");
        let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
        assert_eq!(body, serde_json::json!({ "transferMessage": message }));
        assert!(request.uri().path().starts_with("/prefix/transfer-certificate/"));
    }

    #[test]
    fn an_empty_message_is_still_sent() {
        let input = TransferCertificateInput::new(ID, "123456789012").with_transfer_message("").validate().unwrap();
        assert_eq!(build_request(&input, &endpoint(""), "ua").body(), br#"{"transferMessage":""}"#);
    }
}
