//! Helpers for the credential services' tests: STS requests, the XML they answer, and IoT calls
//! signed with temporary credentials.

use super::{send, sign_with_keys, unsigned, Keys, Reply};
use bytes::Bytes;
use http::Request;
use http_body_util::Full;
use iot_emulator::accounts::Account;
use std::net::SocketAddr;
use std::time::{Duration, SystemTime};

/// The text of the first `<tag>…</tag>` in an XML body (the tests' XML is flat enough for this).
pub fn xml_text(body: &[u8], tag: &str) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    let start = text.find(&format!("<{tag}>"))? + tag.len() + 2;
    let end = start + text[start..].find(&format!("</{tag}>"))?;
    Some(text[start..end].to_owned())
}

/// Sends a form-encoded STS request, signed with `keys` for service `sts` unless `None`.
pub async fn sts(addr: SocketAddr, form: &str, keys: Option<&Keys>) -> Reply {
    let mut request = Request::builder()
        .method("POST")
        .uri("/")
        .header("host", addr.to_string())
        .header("content-type", "application/x-www-form-urlencoded; charset=utf-8")
        .body(Full::new(Bytes::copy_from_slice(form.as_bytes())))
        .unwrap();
    if let Some(keys) = keys {
        sign_with_keys(&mut request, form.as_bytes(), keys, SystemTime::now(), "sts");
    }
    send(addr, request).await.expect("STS answers")
}

/// The keys of an account's long-term key.
pub fn long_term(account: &Account) -> Keys {
    Keys { access_key_id: account.access_key_id.clone(), secret: account.secret_access_key.clone(), token: None }
}

/// The credentials in an STS answer.
pub fn sts_credentials(reply: &Reply) -> Keys {
    reply.assert_ok();
    Keys {
        access_key_id: xml_text(&reply.body, "AccessKeyId").expect("AccessKeyId"),
        secret: xml_text(&reply.body, "SecretAccessKey").expect("SecretAccessKey"),
        token: Some(xml_text(&reply.body, "SessionToken").expect("SessionToken")),
    }
}

/// Creates a certificate signed with `keys`; returns the account in its ARN (who the emulator
/// took the caller to be), or the refusal.
pub async fn iot_account(addr: SocketAddr, keys: &Keys, clock_offset_seconds: i64) -> Result<String, Reply> {
    let mut request = unsigned(addr, "POST", "/keys-and-certificate?setAsActive=false", b"");
    let offset = Duration::from_secs(clock_offset_seconds.unsigned_abs());
    let time = if clock_offset_seconds >= 0 { SystemTime::now() + offset } else { SystemTime::now() - offset };
    sign_with_keys(&mut request, b"", keys, time, "iot");
    let reply = send(addr, request).await.expect("IoT answers");
    if reply.status != 200 {
        return Err(reply);
    }
    let arn = reply.json()["certificateArn"].as_str().unwrap().to_owned();
    Ok(arn.split(':').nth(4).unwrap().to_owned())
}
