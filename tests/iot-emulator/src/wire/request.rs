//! Reading a restJson1 request's inputs: query-string members and JSON body members.

use crate::error::ApiError;
use percent_encoding::percent_decode_str;
use serde_json::{Map, Value};

/// A request's decoded query string and JSON body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestInput {
    query: Vec<(String, String)>,
    body: Map<String, Value>,
}

impl RequestInput {
    /// Decodes the raw query string (`+` is a space, as form encoding and SigV4 read it) and
    /// the body, which must be empty or a JSON object.
    pub fn parse(raw_query: Option<&str>, body: &[u8]) -> Result<Self, ApiError> {
        let query = raw_query.map(decode_pairs).transpose()?.unwrap_or_default();
        let body = parse_body(body)?;
        Ok(Self { query, body })
    }

    /// The first value of a query-string member.
    pub fn query(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    /// A boolean query-string member: `true` or `false`.
    pub fn query_bool(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.query(name) {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(other) => Err(ApiError::invalid_request(format!("{name} must be true or false, not {other:?}"))),
        }
    }

    /// An integer query-string member within `min..=max`.
    pub fn query_integer(&self, name: &str, min: u32, max: u32) -> Result<Option<u32>, ApiError> {
        let Some(text) = self.query(name) else { return Ok(None) };
        match text.parse::<u32>() {
            Ok(value) if (min..=max).contains(&value) => Ok(Some(value)),
            _ => Err(ApiError::invalid_request(format!(
                "1 validation error detected: Value '{text}' at '{name}' failed to satisfy constraint: \
                 Member must be an integer between {min} and {max}"
            ))),
        }
    }

    /// A string member of the JSON body (`null` counts as absent).
    pub fn body_string(&self, name: &str) -> Result<Option<&str>, ApiError> {
        match self.body.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(ApiError::invalid_request(format!("{name} must be a string"))),
        }
    }
}

/// Decodes `a=1&b=two+words` (a query string or a form-encoded body) into its pairs, in order.
pub fn decode_pairs(raw: &str) -> Result<Vec<(String, String)>, ApiError> {
    raw.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode_component(key)?, decode_component(value)?))
        })
        .collect()
}

fn decode_component(encoded: &str) -> Result<String, ApiError> {
    let with_spaces = encoded.replace('+', " ");
    percent_decode_str(&with_spaces)
        .decode_utf8()
        .map(|decoded| decoded.into_owned())
        .map_err(|_| ApiError::invalid_request("The query string is not valid UTF-8 once percent-decoded"))
}

fn parse_body(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice(body) {
        Ok(Value::Object(members)) => Ok(members),
        Ok(_) => Err(ApiError::invalid_request("The request body must be a JSON object")),
        Err(error) => Err(ApiError::invalid_request(format!("The request body is not valid JSON: {error}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_query_members() {
        let input =
            RequestInput::parse(Some("targetAwsAccount=444455556666&setAsActive=true&pageSize=5"), b"").unwrap();
        assert_eq!(input.query("targetAwsAccount"), Some("444455556666"));
        assert_eq!(input.query_bool("setAsActive").unwrap(), Some(true));
        assert_eq!(input.query_integer("pageSize", 1, 250).unwrap(), Some(5));
        assert_eq!(input.query_integer("pageSize", 10, 250).unwrap_err().code, "InvalidRequestException");
        assert_eq!(input.query_bool("missing").unwrap(), None);
    }

    #[test]
    fn decodes_percent_and_plus() {
        let input = RequestInput::parse(Some("marker=a%2Bb%3D&x=one+two"), b"").unwrap();
        assert_eq!(input.query("marker"), Some("a+b="));
        assert_eq!(input.query("x"), Some("one two"));
    }

    #[test]
    fn reads_body_members() {
        let input = RequestInput::parse(None, br#"{"transferMessage":"hi","n":1,"z":null}"#).unwrap();
        assert_eq!(input.body_string("transferMessage").unwrap(), Some("hi"));
        assert_eq!(input.body_string("z").unwrap(), None);
        assert!(input.body_string("n").is_err());
        assert!(RequestInput::parse(None, b"[1]").is_err());
        assert!(RequestInput::parse(None, b"{").is_err());
        assert_eq!(RequestInput::parse(None, b" \n").unwrap(), RequestInput::default());
    }
}
