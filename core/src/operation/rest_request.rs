//! The HTTP binding of a validated call (method, path with its labels, query and JSON body) and
//! the one pure function that builds the unsigned request from it: every operation declared with
//! [`OperationInput`](super::OperationInput) is built here.

use super::path_label::encode_label;
use crate::endpoint::Endpoint;
use serde::Serialize;
use std::fmt::Display;

/// A validated call's request, before an endpoint is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestRequest {
    method: http::Method,
    /// The path after the endpoint's base path, labels percent-encoded, starting with `/`.
    path: String,
    /// `name=value` pairs, values percent-encoded, in the order the SDKs send them.
    query: Vec<(&'static str, String)>,
    /// The JSON body, with `content-type: application/json`; `None` sends no body.
    body: Option<Vec<u8>>,
}

impl RestRequest {
    /// A request of `method` to `/{first_segment}`.
    pub(crate) fn new(method: http::Method, first_segment: &str) -> Self {
        Self { method, path: format!("/{first_segment}"), query: Vec::new(), body: None }
    }

    /// Appends a path label, percent-encoded.
    pub(crate) fn label(mut self, value: &str) -> Self {
        self.path.push('/');
        self.path.push_str(&encode_label(value));
        self
    }

    /// Adds `name=value` to the query when `value` is set.
    pub(crate) fn query(mut self, name: &'static str, value: Option<impl Display>) -> Self {
        if let Some(value) = value {
            self.query.push((name, encode_label(&value.to_string())));
        }
        self
    }

    /// Sends `body` as JSON.
    pub(crate) fn json_body(mut self, body: &impl Serialize) -> Self {
        // The bodies are structs of strings and booleans, which always serialize.
        self.body = Some(serde_json::to_vec(body).expect("an operation's request body serializes to JSON"));
        self
    }

    /// The HTTP method.
    pub fn method(&self) -> &http::Method {
        &self.method
    }

    /// Builds the unsigned request for `endpoint`, with `user_agent`.
    pub fn build(&self, endpoint: &Endpoint, user_agent: &str) -> http::Request<Vec<u8>> {
        let mut uri = format!("{}{}", endpoint.url(), self.path);
        for (index, (name, value)) in self.query.iter().enumerate() {
            uri.push(if index == 0 { '?' } else { '&' });
            uri.push_str(name);
            uri.push('=');
            uri.push_str(value);
        }
        let mut builder =
            http::Request::builder().method(self.method.clone()).uri(uri).header(http::header::USER_AGENT, user_agent);
        if self.body.is_some() {
            builder = builder.header(http::header::CONTENT_TYPE, "application/json");
        }
        // Valid by construction: the endpoint was parsed as a URI and every label and query value
        // is percent-encoded; the user agent comes from the client's configuration, which rejects
        // bytes a header cannot carry.
        builder
            .body(self.body.clone().unwrap_or_default())
            .expect("a request built from a resolved endpoint and validated input is valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::test_support::endpoint_at as endpoint;

    #[test]
    fn builds_path_query_and_body() {
        #[derive(Serialize)]
        struct Body {
            target: &'static str,
        }
        let request = RestRequest::new(http::Method::POST, "target-policies")
            .label("my policy/1")
            .query("recursive", Some(true))
            .query("marker", None::<&str>)
            .query("pageSize", Some(5))
            .json_body(&Body { target: "arn:x" })
            .build(&endpoint("/base"), "ua");
        assert_eq!(
            request.uri().to_string(),
            "https://iot.eu-west-1.amazonaws.com/base/target-policies/my%20policy%2F1?recursive=true&pageSize=5"
        );
        assert_eq!(request.headers()["content-type"], "application/json");
        assert_eq!(request.body(), br#"{"target":"arn:x"}"#);
    }

    #[test]
    fn a_request_without_a_body_has_no_content_type() {
        let request = RestRequest::new(http::Method::GET, "certificates").build(&endpoint(""), "ua");
        assert_eq!(request.uri().to_string(), "https://iot.eu-west-1.amazonaws.com/certificates");
        assert!(request.headers().get(http::header::CONTENT_TYPE).is_none());
        assert!(request.body().is_empty());
    }
}
