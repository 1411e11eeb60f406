//! Parsing SigV4's `Authorization` header:
//! `AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=HEX`.

use crate::error::ApiError;

/// The only algorithm accepted.
pub const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// The parts of an `Authorization` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    /// The access key ID.
    pub access_key_id: String,
    /// The credential scope's date, `YYYYMMDD`.
    pub scope_date: String,
    /// The credential scope's region.
    pub region: String,
    /// The credential scope's service name.
    pub service: String,
    /// The credential scope's terminator (`aws4_request`).
    pub terminator: String,
    /// The signed header names, lower case, in the order given.
    pub signed_headers: Vec<String>,
    /// The hex signature.
    pub signature: String,
}

/// Parses the header value, with AWS-like messages for what is missing.
pub fn parse_authorization(value: &str) -> Result<Authorization, ApiError> {
    let Some(parameters) = value.strip_prefix(ALGORITHM).filter(|rest| rest.starts_with(' ')) else {
        let algorithm = value.split_whitespace().next().unwrap_or_default();
        return Err(ApiError::incomplete_signature(format!("Unsupported AWS 'algorithm': '{algorithm}'")));
    };
    let mut credential = None;
    let mut signed_headers = None;
    let mut signature = None;
    for parameter in parameters.split(',').map(str::trim).filter(|parameter| !parameter.is_empty()) {
        let (name, text) = parameter.split_once('=').unwrap_or((parameter, ""));
        match name {
            "Credential" => credential = Some(text),
            "SignedHeaders" => signed_headers = Some(text),
            "Signature" => signature = Some(text),
            _ => {}
        }
    }
    let missing: Vec<String> =
        [("Credential", credential), ("Signature", signature), ("SignedHeaders", signed_headers)]
            .into_iter()
            .filter(|(_, found)| found.is_none_or(str::is_empty))
            .map(|(name, _)| format!("Authorization header requires '{name}' parameter."))
            .collect();
    if !missing.is_empty() {
        return Err(ApiError::incomplete_signature(format!("{} Authorization={ALGORITHM}", missing.join(" "))));
    }
    let (credential, signed_headers, signature) =
        (credential.unwrap_or_default(), signed_headers.unwrap_or_default(), signature.unwrap_or_default());
    let scope: Vec<&str> = credential.split('/').collect();
    let [access_key_id, scope_date, region, service, terminator] = scope[..] else {
        return Err(ApiError::incomplete_signature(format!(
            "Credential should be of the form KEY/DATE/REGION/SERVICE/aws4_request, not '{credential}'."
        )));
    };
    Ok(Authorization {
        access_key_id: access_key_id.to_owned(),
        scope_date: scope_date.to_owned(),
        region: region.to_owned(),
        service: service.to_owned(),
        terminator: terminator.to_owned(),
        signed_headers: signed_headers.split(';').map(str::to_ascii_lowercase).collect(),
        signature: signature.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_header() {
        let parsed = parse_authorization(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iot/aws4_request, \
             SignedHeaders=host;x-amz-date, Signature=abcd",
        )
        .unwrap();
        assert_eq!(parsed.access_key_id, "AKIDEXAMPLE");
        assert_eq!(parsed.scope_date, "20150830");
        assert_eq!(parsed.region, "us-east-1");
        assert_eq!(parsed.service, "iot");
        assert_eq!(parsed.terminator, "aws4_request");
        assert_eq!(parsed.signed_headers, ["host", "x-amz-date"]);
        assert_eq!(parsed.signature, "abcd");
    }

    #[test]
    fn names_what_is_missing() {
        let error = parse_authorization("AWS4-HMAC-SHA256 Credential=A/B/C/D/E").unwrap_err();
        assert_eq!(error.code, "IncompleteSignatureException");
        assert!(error.message.contains("'Signature'") && error.message.contains("'SignedHeaders'"));
        assert!(parse_authorization("Basic dXNlcjpwYXNz").unwrap_err().message.contains("'Basic'"));
        assert!(parse_authorization("AWS4-HMAC-SHA256 Credential=A/B, SignedHeaders=host, Signature=x").is_err());
    }
}
