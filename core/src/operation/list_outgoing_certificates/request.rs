//! Builds the unsigned HTTP request: a pure function, no I/O.

use super::ValidatedInput;
use crate::endpoint::Endpoint;
use crate::operation::get_request::get_request;
use crate::operation::path_label::encode_label;

/// Builds `GET {endpoint}/certificates-out-going` with the query members that are set, in the
/// order the SDKs send them, with `user_agent`.
pub fn build_request(input: &ValidatedInput, endpoint: &Endpoint, user_agent: &str) -> http::Request<Vec<u8>> {
    let input = input.input();
    let mut query = Vec::new();
    if let Some(size) = input.page_size {
        query.push(format!("pageSize={size}"));
    }
    if let Some(marker) = &input.marker {
        query.push(format!("marker={}", encode_label(marker)));
    }
    if let Some(ascending) = input.ascending_order {
        query.push(format!("isAscendingOrder={ascending}"));
    }
    let mut uri = format!("{}/certificates-out-going", endpoint.url());
    if !query.is_empty() {
        uri.push('?');
        uri.push_str(&query.join("&"));
    }
    get_request(uri, user_agent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::list_outgoing_certificates::ListOutgoingCertificatesInput;

    #[test]
    fn builds_the_wire_request() {
        let endpoint = Endpoint {
            scheme: "https",
            authority: "iot.eu-west-1.amazonaws.com".into(),
            base_path: "".into(),
            signing_region: "eu-west-1".into(),
            partition: "aws",
        };
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
