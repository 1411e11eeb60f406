//! SigV4 signing with `aws-sigv4`'s HTTP signer, set up as the official SDKs sign IoT requests:
//! double URI encoding, path normalisation, no `x-amz-content-sha256`, the session token signed,
//! the signature in headers (`SigningSettings::default()`).
//!
//! What this module adds around the signer: a signing time the signer cannot represent, and
//! credential values a header cannot carry, are errors here instead of panics inside it.

mod time_range;

pub use time_range::{is_representable, latest_signing_time, signing_time_from_epoch_millis};

use crate::credentials::Credentials;
use aws_credential_types::Credentials as SigningCredentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use std::fmt;
use std::time::SystemTime;

/// The service name IoT requests are signed for.
pub const IOT_SIGNING_NAME: &str = "iot";

/// Why a request could not be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SigningError {
    /// The signing time is before 1970 or after 9999: SigV4's timestamp cannot carry it.
    TimeOutOfRange,
    /// A credential value (named) holds characters an HTTP header cannot carry.
    UnsendableCredential(&'static str),
    /// The signer refused the request; the text says why.
    Signer(String),
}

impl fmt::Display for SigningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SigningError::TimeOutOfRange => {
                f.write_str("the signing time must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z")
            }
            // Never echo the value: it is a secret.
            SigningError::UnsendableCredential(name) => {
                write!(f, "the {name} holds characters an HTTP header cannot carry")
            }
            SigningError::Signer(reason) => write!(f, "could not sign the request: {reason}"),
        }
    }
}

impl std::error::Error for SigningError {}

/// Signs `request` in place for `service` in `region` at `time`: adds `x-amz-date`,
/// `authorization` and, when there is a session token, `x-amz-security-token`.
pub fn sign_request(
    request: &mut http::Request<Vec<u8>>,
    credentials: &Credentials,
    region: &str,
    service: &str,
    time: SystemTime,
) -> Result<(), SigningError> {
    if !is_representable(time) {
        return Err(SigningError::TimeOutOfRange);
    }
    // aws-sigv4 unwraps the header values it writes; check the ones that come from the host.
    let header_safe = |value: &str| http::HeaderValue::from_str(value).is_ok();
    if !header_safe(credentials.access_key_id()) {
        return Err(SigningError::UnsendableCredential("access key id"));
    }
    if !credentials.session_token().is_none_or(header_safe) {
        return Err(SigningError::UnsendableCredential("session token"));
    }
    let identity: Identity = SigningCredentials::new(
        credentials.access_key_id(),
        credentials.secret_access_key(),
        credentials.session_token().map(str::to_owned),
        None,
        "iot-transfer",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(service)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| SigningError::Signer(e.to_string()))?
        .into();
    let mut headers = Vec::with_capacity(request.headers().len());
    for (name, value) in request.headers() {
        let value = value.to_str().map_err(|_| SigningError::Signer(format!("header {name} is not visible ASCII")))?;
        headers.push((name.as_str(), value));
    }
    let uri = request.uri().to_string();
    let signable = SignableRequest::new(
        request.method().as_str(),
        uri.as_str(),
        headers.into_iter(),
        SignableBody::Bytes(request.body()),
    )
    .map_err(|e| SigningError::Signer(e.to_string()))?;
    let (instructions, _signature) =
        sign(signable, &params).map_err(|e| SigningError::Signer(e.to_string()))?.into_parts();
    instructions.apply_to_request_http1x(request);
    Ok(())
}
