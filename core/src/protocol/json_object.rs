//! Reading a JSON body that must be an object into a serde type.

use serde::de::{DeserializeOwned, Error as _, Unexpected};

/// Reads `body`, a JSON object, into `T` with serde_json. serde's derives also accept an array
/// for a struct (its members by position), which no restJson1 body is: that is refused here.
pub(crate) fn from_json_object<T: DeserializeOwned>(body: &[u8]) -> Result<T, serde_json::Error> {
    if body.trim_ascii_start().starts_with(b"[") {
        return Err(serde_json::Error::invalid_type(Unexpected::Seq, &"a JSON object"));
    }
    serde_json::from_slice(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Named {
        #[allow(dead_code)]
        name: Option<String>,
    }

    #[test]
    fn arrays_are_refused_objects_are_read() {
        assert!(from_json_object::<Named>(br#" ["positional"]"#).is_err());
        assert!(from_json_object::<Named>(br#"{"name":"x"}"#).is_ok());
        let error = from_json_object::<Named>(b"[]").unwrap_err();
        assert_eq!(error.classify(), serde_json::error::Category::Data);
    }
}
