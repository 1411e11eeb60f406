//! Verifying a SigV4-signed request: the key must be known (and, for temporary credentials,
//! come with its session token and not be expired), the scope must name the service and the
//! request's date, the time must be within 15 minutes of the service's clock, and the signature
//! must equal the one aws-sigv4's HTTP signer computes for the received request with the key's
//! secret (default settings: double URI encoding and path normalization, as the official clients
//! sign).

use super::authorization::{parse_authorization, Authorization};
use super::keys::{KeyStore, SigningKey};
use super::Caller;
use crate::clock::{format_amz_date, parse_amz_date};
use crate::error::ApiError;
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use http::request::Parts;
use std::borrow::Cow;
use std::time::{Duration, SystemTime};

/// The signing name of AWS IoT's control plane.
pub const SERVICE_NAME: &str = "iot";
/// How far the request's time may be from the service's clock.
pub const ALLOWED_CLOCK_DIFFERENCE: Duration = Duration::from_secs(15 * 60);

const SIGNATURE_MISMATCH: &str = "The request signature we calculated does not match the signature you provided. \
     Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/// Checks the request's signature for `service` (e.g. [`SERVICE_NAME`], or `sts`) and returns
/// who signed it. The errors carry IoT's codes; other services rename them.
pub fn verify_request(
    parts: &Parts,
    body: &[u8],
    keys: &dyn KeyStore,
    service: &str,
    now: SystemTime,
) -> Result<Caller, ApiError> {
    let header = parts.headers.get(http::header::AUTHORIZATION).ok_or_else(ApiError::missing_authentication_token)?;
    let header =
        header.to_str().map_err(|_| ApiError::incomplete_signature("The Authorization header is not ASCII"))?;
    let authorization = parse_authorization(header)?;
    let key = keys.signing_key(&authorization.access_key_id).ok_or_else(ApiError::unrecognized_client)?;
    check_session_token(parts, &key, now)?;
    let request_time = request_time(parts)?;
    check_scope(&authorization, service, request_time)?;
    check_time(request_time, now)?;
    let expected = expected_signature(parts, body, &authorization, &key.secret_access_key, service, request_time)?;
    if !constant_time_equal(expected.as_bytes(), authorization.signature.as_bytes()) {
        return Err(ApiError::invalid_signature(SIGNATURE_MISMATCH));
    }
    Ok(Caller { account: key.account, region: authorization.region, access_key_id: authorization.access_key_id })
}

/// Temporary credentials need their own session token and must not have expired; a long-term
/// key's token, if any, is not checked.
fn check_session_token(parts: &Parts, key: &SigningKey, now: SystemTime) -> Result<(), ApiError> {
    let Some(expected) = &key.session_token else { return Ok(()) };
    let given = parts.headers.get("x-amz-security-token").map(|value| value.as_bytes()).unwrap_or_default();
    if !constant_time_equal(given, expected.as_bytes()) {
        return Err(ApiError::unrecognized_client());
    }
    if key.expiration.is_some_and(|expiration| expiration <= now) {
        return Err(ApiError::expired_token());
    }
    Ok(())
}

fn request_time(parts: &Parts) -> Result<SystemTime, ApiError> {
    let value = parts.headers.get("x-amz-date").ok_or_else(|| {
        ApiError::incomplete_signature(
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
        )
    })?;
    let text = value.to_str().unwrap_or_default();
    parse_amz_date(text).ok_or_else(|| {
        ApiError::incomplete_signature(format!("Date must be in ISO-8601 'basic format'. Got '{text}'."))
    })
}

fn check_scope(authorization: &Authorization, service: &str, request_time: SystemTime) -> Result<(), ApiError> {
    let amz_date = format_amz_date(request_time);
    if authorization.scope_date != amz_date[..8] {
        return Err(ApiError::invalid_signature(format!(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{}' != '{}', \
             from '{amz_date}'.",
            authorization.scope_date,
            &amz_date[..8]
        )));
    }
    if authorization.region.is_empty() {
        return Err(ApiError::invalid_signature("Credential should be scoped to a valid region."));
    }
    if authorization.service != service {
        return Err(ApiError::invalid_signature(format!(
            "Credential should be scoped to correct service: '{service}'."
        )));
    }
    if authorization.terminator != "aws4_request" {
        return Err(ApiError::invalid_signature(format!(
            "Credential should be scoped with a valid terminator: 'aws4_request', not '{}'.",
            authorization.terminator
        )));
    }
    Ok(())
}

/// Refuses a request signed more than 15 minutes before or after the service's clock, with the
/// messages AWS uses (clients recognise `InvalidSignatureException` as a clock-skew error).
pub fn check_time(request_time: SystemTime, now: SystemTime) -> Result<(), ApiError> {
    let earliest = now - ALLOWED_CLOCK_DIFFERENCE;
    let latest = now + ALLOWED_CLOCK_DIFFERENCE;
    let (request, now_text) = (format_amz_date(request_time), format_amz_date(now));
    if request_time < earliest {
        return Err(ApiError::invalid_signature(format!(
            "Signature expired: {request} is now earlier than {} ({now_text} - 15 min.)",
            format_amz_date(earliest)
        )));
    }
    if request_time > latest {
        return Err(ApiError::invalid_signature(format!(
            "Signature not yet current: {request} is still later than {} ({now_text} + 15 min.)",
            format_amz_date(latest)
        )));
    }
    Ok(())
}

/// Re-signs the received request, with exactly the headers the client says it signed.
fn expected_signature(
    parts: &Parts,
    body: &[u8],
    authorization: &Authorization,
    secret: &str,
    service: &str,
    request_time: SystemTime,
) -> Result<String, ApiError> {
    let mut signed_headers: Vec<(&str, &str)> = Vec::new();
    for name in &authorization.signed_headers {
        for value in parts.headers.get_all(name.as_str()) {
            let value = value.to_str().map_err(|_| ApiError::invalid_signature(SIGNATURE_MISMATCH))?;
            signed_headers.push((name.as_str(), value));
        }
    }
    let host = parts.headers.get(http::header::HOST).and_then(|value| value.to_str().ok()).unwrap_or("localhost");
    let path_and_query = parts.uri.path_and_query().map(|value| value.as_str()).unwrap_or("/");
    let uri = format!("http://{host}{path_and_query}");
    let signable =
        SignableRequest::new(parts.method.as_str(), uri, signed_headers.into_iter(), SignableBody::Bytes(body))
            .map_err(|_| ApiError::invalid_signature(SIGNATURE_MISMATCH))?;

    let mut settings = SigningSettings::default();
    // Only the listed headers are given to the signer, so none needs excluding but the
    // signature's own header (a client that signed `user-agent` still verifies).
    settings.excluded_headers = Some(vec![Cow::Borrowed("authorization")]);
    let identity: Identity = Credentials::new(&authorization.access_key_id, secret, None, None, "iot-emulator").into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(&authorization.region)
        .name(service)
        .time(request_time)
        .settings(settings)
        .build()
        .map_err(|error| ApiError::internal_failure(format!("cannot build signing parameters: {error}")))?
        .into();
    let output = sign(signable, &params).map_err(|_| ApiError::invalid_signature(SIGNATURE_MISMATCH))?;
    Ok(output.signature().to_owned())
}

fn constant_time_equal(left: &[u8], right: &[u8]) -> bool {
    left.len() == right.len() && left.iter().zip(right).fold(0u8, |difference, (a, b)| difference | (a ^ b)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::time_from_millis;

    #[test]
    fn fifteen_minutes_either_way_is_the_limit() {
        let now = time_from_millis(1_700_000_000_000);
        assert!(check_time(now - ALLOWED_CLOCK_DIFFERENCE, now).is_ok());
        assert!(check_time(now + ALLOWED_CLOCK_DIFFERENCE, now).is_ok());
        let expired = check_time(now - ALLOWED_CLOCK_DIFFERENCE - Duration::from_secs(1), now).unwrap_err();
        assert_eq!(expired.code, "InvalidSignatureException");
        assert_eq!(
            expired.message,
            "Signature expired: 20231114T215819Z is now earlier than 20231114T215820Z (20231114T221320Z - 15 min.)"
        );
        let early = check_time(now + Duration::from_secs(16 * 60), now).unwrap_err();
        assert!(early.message.starts_with("Signature not yet current: 20231114T222920Z is still later than"));
    }

    #[test]
    fn compares_whole_strings() {
        assert!(constant_time_equal(b"abc", b"abc"));
        assert!(!constant_time_equal(b"abc", b"abd"));
        assert!(!constant_time_equal(b"abc", b"ab"));
    }
}
