//! The bodiless `GET` requests of the read operations.

/// `GET uri` without a body (and so without `content-type`), with `user_agent`.
pub(crate) fn get_request(uri: String, user_agent: &str) -> http::Request<Vec<u8>> {
    // Valid by construction: callers build `uri` from a resolved endpoint and encoded labels.
    http::Request::builder()
        .method(http::Method::GET)
        .uri(uri)
        .header(http::header::USER_AGENT, user_agent)
        .body(Vec::new())
        .expect("a request built from a resolved endpoint and validated input is valid")
}
