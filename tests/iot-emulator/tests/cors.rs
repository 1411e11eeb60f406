//! CORS: a browser page on another origin can call the emulator and read its headers.

use crate::support;

use support::{send, source, unsigned, Client};

#[tokio::test]
async fn preflights_allow_what_the_browser_sdk_sends() {
    let emulator = support::start().await;
    let addr = emulator.local_addr();
    let mut request = unsigned(addr, "OPTIONS", &format!("/transfer-certificate/{}", "a".repeat(64)), b"");
    let headers = request.headers_mut();
    headers.insert("origin", "http://localhost:5173".parse().unwrap());
    headers.insert("access-control-request-method", "PATCH".parse().unwrap());
    headers.insert(
        "access-control-request-headers",
        "authorization,content-type,x-amz-date,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request,x-amz-security-token"
            .parse()
            .unwrap(),
    );
    let reply = send(addr, request).await.unwrap();
    assert_eq!(reply.status, 204);
    assert_eq!(reply.headers["access-control-allow-origin"], "http://localhost:5173");
    assert!(reply.headers["access-control-allow-methods"].to_str().unwrap().contains("PATCH"));
    let allowed = reply.headers["access-control-allow-headers"].to_str().unwrap();
    for name in
        ["authorization", "content-type", "x-amz-date", "x-amz-user-agent", "amz-sdk-invocation-id", "amz-sdk-request"]
    {
        assert!(allowed.split(", ").any(|allowed| allowed == name), "{name} not in {allowed}");
    }
    assert!(reply.headers.contains_key("x-amzn-requestid"));
}

#[tokio::test]
async fn answers_and_errors_expose_the_aws_headers() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let mut request = source.request("GET", "/certificates", None);
    request.headers_mut().insert("origin", "http://127.0.0.1:8000".parse().unwrap());
    let ok = send(source.addr, request).await.unwrap();
    ok.assert_ok();
    assert_eq!(ok.headers["access-control-allow-origin"], "http://127.0.0.1:8000");

    let refused = send(source.addr, unsigned(source.addr, "GET", "/certificates", b"")).await.unwrap();
    assert_eq!(refused.status, 403);
    assert_eq!(refused.headers["access-control-allow-origin"], "*");
    let exposed = refused.headers["access-control-expose-headers"].to_str().unwrap().to_ascii_lowercase();
    for name in ["x-amzn-requestid", "x-amzn-errortype", "date"] {
        assert!(exposed.contains(name), "{name} not in {exposed}");
    }
}
