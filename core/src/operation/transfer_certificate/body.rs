//! The operation's JSON bodies as serde types: what is sent and what a success returns.

use crate::protocol::{from_json_object, optional_text};
use serde::{Deserialize, Serialize};

/// The request body: `{"transferMessage": "..."}`, or `{}` without a message (as the SDKs send).
#[derive(Debug, Serialize)]
pub(crate) struct RequestBody<'a> {
    #[serde(rename = "transferMessage", skip_serializing_if = "Option::is_none")]
    pub transfer_message: Option<&'a str>,
}

/// The success body: `{"transferredCertificateArn": "..."}`; other members are ignored.
#[derive(Debug, Deserialize)]
pub(crate) struct SuccessBody {
    #[serde(rename = "transferredCertificateArn", default, deserialize_with = "optional_text")]
    pub transferred_certificate_arn: Option<String>,
}

impl SuccessBody {
    /// Reads a success body; the error says whether it is not JSON at all or not the expected object.
    pub(crate) fn from_json(body: &[u8]) -> Result<Self, String> {
        from_json_object(body).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => format!("the success response is not a JSON object: {e}"),
            _ => format!("the success response is not valid JSON: {e}"),
        })
    }
}
