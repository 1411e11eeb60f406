//! The certificate authorities of `AWS_CA_BUNDLE` (or a profile's `ca_bundle`): a PEM file whose
//! certificates replace the platform's, as in the AWS CLI and boto3.

use super::{TransportError, TransportErrorKind};
use std::path::Path;

/// Reads every certificate of the PEM file at `path`. A missing, unreadable or certificate-less
/// file is an error naming the path, never a silent fallback to the platform's authorities.
pub(crate) fn read(path: &Path) -> Result<Vec<reqwest::Certificate>, TransportError> {
    let failed = |why: String| {
        TransportError::new(TransportErrorKind::Request, format!("cannot use the CA bundle {}: {why}", path.display()))
    };
    let pem = std::fs::read(path).map_err(|e| failed(e.to_string()))?;
    let certificates = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| failed(e.to_string()))?;
    if certificates.is_empty() {
        return Err(failed("the file holds no PEM certificate".to_owned()));
    }
    Ok(certificates)
}
