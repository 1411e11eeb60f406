//! Shared by the integration tests: an emulator on a free port with three accounts, and a
//! small HTTP/1.1 client that signs its requests with aws-sigv4 as an SDK would.
#![allow(dead_code)] // each test file uses its own part of this module

pub mod credentials;

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use bytes::Bytes;
use http::{HeaderMap, Request};
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use iot_emulator::accounts::Account;
use iot_emulator::{Config, Emulator};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::time::{Duration, SystemTime};
use tokio::net::TcpStream;

pub const REGION: &str = "us-west-2";

/// Owns the certificates at first.
pub fn source() -> Account {
    Account::new("111122223333", "AKIATESTSOURCE", "source-secret")
}

/// Receives the transfers.
pub fn target() -> Account {
    Account::new("444455556666", "AKIATESTTARGET", "target-secret")
}

/// Neither: must not see the others' certificates.
pub fn outsider() -> Account {
    Account::new("777788889999", "AKIATESTOUTSIDER", "outsider-secret")
}

/// An emulator with the three test accounts, listening on a free port.
pub async fn start() -> Emulator {
    start_with(|_| {}).await
}

/// Like [`start`], with changes to the configuration.
pub async fn start_with(change: impl FnOnce(&mut Config)) -> Emulator {
    let mut config = Config { port: 0, accounts: vec![source(), target(), outsider()], ..Config::default() };
    change(&mut config);
    Emulator::start(config).await.expect("the emulator starts")
}

/// A received response.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|_| panic!("not JSON: {:?}", self.body))
    }

    /// `x-amzn-ErrorType`, or "" on success.
    pub fn error_code(&self) -> &str {
        self.headers.get("x-amzn-errortype").map(|value| value.to_str().unwrap()).unwrap_or("")
    }

    pub fn message(&self) -> String {
        self.json()["message"].as_str().unwrap_or_default().to_owned()
    }

    /// Asserts the status and error code together, showing the message if they differ.
    pub fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(
            (self.status, self.error_code()),
            (status, code),
            "message: {:?}",
            String::from_utf8_lossy(&self.body)
        );
    }

    pub fn assert_ok(&self) {
        assert_eq!(self.status, 200, "{} {:?}", self.error_code(), String::from_utf8_lossy(&self.body));
    }
}

/// Sends one request on a new connection.
pub async fn send(addr: SocketAddr, request: Request<Full<Bytes>>) -> Result<Reply, hyper::Error> {
    let stream = TcpStream::connect(addr).await.expect("connects");
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(connection);
    let response = sender.send_request(request).await?;
    let (parts, body) = response.into_parts();
    let body = body.collect().await?.to_bytes();
    Ok(Reply { status: parts.status.as_u16(), headers: parts.headers, body })
}

/// An unsigned request with the Host header set.
pub fn unsigned(addr: SocketAddr, method: &str, path_and_query: &str, body: &[u8]) -> Request<Full<Bytes>> {
    let mut builder = Request::builder().method(method).uri(path_and_query).header("host", addr.to_string());
    if !body.is_empty() {
        builder = builder.header("content-type", "application/json");
    }
    builder.body(Full::new(Bytes::copy_from_slice(body))).unwrap()
}

/// Signs a request as `account` at `time`, for `service` in [`REGION`].
pub fn sign_request(
    request: &mut Request<Full<Bytes>>,
    body: &[u8],
    account: &Account,
    time: SystemTime,
    service: &str,
) {
    let keys =
        Keys { access_key_id: account.access_key_id.clone(), secret: account.secret_access_key.clone(), token: None };
    sign_with_keys(request, body, &keys, time, service);
}

/// An access key, its secret and, for temporary credentials, the session token.
#[derive(Debug, Clone)]
pub struct Keys {
    pub access_key_id: String,
    pub secret: String,
    pub token: Option<String>,
}

/// Signs a request with `keys` (adding `X-Amz-Security-Token` when there is a token).
pub fn sign_with_keys(request: &mut Request<Full<Bytes>>, body: &[u8], keys: &Keys, time: SystemTime, service: &str) {
    let host = request.headers()["host"].to_str().unwrap().to_owned();
    let url = format!("http://{host}{}", request.uri());
    let headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.to_str().unwrap().to_owned()))
        .collect();
    let identity: Identity =
        Credentials::new(&keys.access_key_id, &keys.secret, keys.token.clone(), None, "test").into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(REGION)
        .name(service)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .unwrap()
        .into();
    let signable = SignableRequest::new(
        request.method().as_str(),
        url,
        headers.iter().map(|(name, value)| (name.as_str(), value.as_str())),
        SignableBody::Bytes(body),
    )
    .unwrap();
    let (instructions, _) = sign(signable, &params).unwrap().into_parts();
    instructions.apply_to_request_http1x(request);
}

/// Signs and sends IoT calls as one account.
#[derive(Debug, Clone)]
pub struct Client {
    pub addr: SocketAddr,
    pub account: Account,
    /// Added to the real time when signing (a client with a wrong clock).
    pub clock_offset_seconds: i64,
}

impl Client {
    pub fn new(emulator: &Emulator, account: Account) -> Self {
        Self { addr: emulator.local_addr(), account, clock_offset_seconds: 0 }
    }

    pub fn signing_time(&self) -> SystemTime {
        let offset = Duration::from_secs(self.clock_offset_seconds.unsigned_abs());
        if self.clock_offset_seconds >= 0 {
            SystemTime::now() + offset
        } else {
            SystemTime::now() - offset
        }
    }

    /// The signed request, not sent.
    pub fn request(&self, method: &str, path_and_query: &str, body: Option<Value>) -> Request<Full<Bytes>> {
        let body = body.map(|value| value.to_string().into_bytes()).unwrap_or_default();
        let mut request = unsigned(self.addr, method, path_and_query, &body);
        sign_request(&mut request, &body, &self.account, self.signing_time(), "iot");
        request
    }

    pub async fn try_call(
        &self,
        method: &str,
        path_and_query: &str,
        body: Option<Value>,
    ) -> Result<Reply, hyper::Error> {
        send(self.addr, self.request(method, path_and_query, body)).await
    }

    pub async fn call(&self, method: &str, path_and_query: &str, body: Option<Value>) -> Reply {
        self.try_call(method, path_and_query, body).await.expect("the emulator answers")
    }

    /// A new certificate: (ID, ARN).
    pub async fn create_certificate(&self, active: bool) -> (String, String) {
        let reply = self.call("POST", &format!("/keys-and-certificate?setAsActive={active}"), None).await;
        reply.assert_ok();
        let output = reply.json();
        (output["certificateId"].as_str().unwrap().to_owned(), output["certificateArn"].as_str().unwrap().to_owned())
    }

    pub async fn describe(&self, id: &str) -> Reply {
        self.call("GET", &format!("/certificates/{id}"), None).await
    }

    /// The description of a certificate the caller can see.
    pub async fn description(&self, id: &str) -> Value {
        let reply = self.describe(id).await;
        reply.assert_ok();
        reply.json()["certificateDescription"].clone()
    }

    pub async fn update_status(&self, id: &str, status: &str) -> Reply {
        self.call("PUT", &format!("/certificates/{id}?newStatus={status}"), None).await
    }

    pub async fn transfer(&self, id: &str, target_account: &str, message: Option<&str>) -> Reply {
        let body = message.map(|message| json!({ "transferMessage": message }));
        self.call("PATCH", &format!("/transfer-certificate/{id}?targetAwsAccount={target_account}"), body).await
    }

    pub async fn accept(&self, id: &str, set_as_active: bool) -> Reply {
        self.call("PATCH", &format!("/accept-certificate-transfer/{id}?setAsActive={set_as_active}"), None).await
    }

    pub async fn reject(&self, id: &str, reason: Option<&str>) -> Reply {
        let body = reason.map(|reason| json!({ "rejectReason": reason }));
        self.call("PATCH", &format!("/reject-certificate-transfer/{id}"), body).await
    }

    pub async fn cancel(&self, id: &str) -> Reply {
        self.call("PATCH", &format!("/cancel-certificate-transfer/{id}"), None).await
    }

    pub async fn create_policy(&self, name: &str) -> Reply {
        let document = r#"{"Version":"2012-10-17","Statement":[]}"#;
        self.call("POST", &format!("/policies/{name}"), Some(json!({ "policyDocument": document }))).await
    }

    pub async fn attach_policy(&self, name: &str, target_arn: &str) -> Reply {
        self.call("PUT", &format!("/target-policies/{name}"), Some(json!({ "target": target_arn }))).await
    }

    pub async fn detach_policy(&self, name: &str, target_arn: &str) -> Reply {
        self.call("POST", &format!("/target-policies/{name}"), Some(json!({ "target": target_arn }))).await
    }
}

/// Calls the admin endpoint; panics unless it answers 200.
pub async fn admin(addr: SocketAddr, method: &str, action: &str, body: Option<Value>) -> Value {
    let reply = admin_reply(addr, method, action, body).await;
    assert_eq!(reply.status, 200, "{:?}", String::from_utf8_lossy(&reply.body));
    reply.json()
}

/// Calls the admin endpoint, whatever it answers.
pub async fn admin_reply(addr: SocketAddr, method: &str, action: &str, body: Option<Value>) -> Reply {
    let body = body.map(|value| value.to_string().into_bytes()).unwrap_or_default();
    send(addr, unsigned(addr, method, &format!("/_emulator/{action}"), &body)).await.expect("admin answers")
}
