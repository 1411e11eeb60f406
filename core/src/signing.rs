//! SigV4 signing through `aws-sigv4`, with the settings the official SDKs use for IoT: double
//! URI encoding, path normalisation, no `x-amz-content-sha256`, session token signed.

use crate::credentials::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use std::fmt;
use std::time::SystemTime;

/// The service name IoT requests are signed for.
pub const IOT_SIGNING_NAME: &str = "iot";

/// Why a request could not be signed.
#[derive(Debug)]
pub struct SigningError(String);

impl fmt::Display for SigningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not sign the request: {}", self.0)
    }
}

impl std::error::Error for SigningError {}

/// Signs `request` in place for `service` in `region` at `time`: adds `x-amz-date`,
/// `x-amz-security-token` (when there is a session token) and `authorization`.
pub fn sign_request(
    request: &mut http::Request<Vec<u8>>,
    credentials: &Credentials,
    region: &str,
    service: &str,
    time: SystemTime,
) -> Result<(), SigningError> {
    let identity = aws_credential_types::Credentials::new(
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
        .map_err(|e| SigningError(e.to_string()))?
        .into();
    let headers = request
        .headers()
        .iter()
        .map(|(name, value)| {
            Ok((
                name.as_str(),
                value.to_str().map_err(|_| SigningError(format!("header {name} is not visible ASCII")))?,
            ))
        })
        .collect::<Result<Vec<_>, SigningError>>()?;
    let uri = request.uri().to_string();
    let signable =
        SignableRequest::new(request.method().as_str(), uri, headers.into_iter(), SignableBody::Bytes(request.body()))
            .map_err(|e| SigningError(e.to_string()))?;
    let (instructions, _signature) = sign(signable, &params).map_err(|e| SigningError(e.to_string()))?.into_parts();
    instructions.apply_to_request_http1x(request);
    Ok(())
}
