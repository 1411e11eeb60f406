//! Maps an HTTP response to a page or a typed error: a pure function, no I/O.

use super::{OutgoingCertificate, OutgoingCertificatesPage};
use crate::error::Error;
use crate::protocol::error_response::{invalid_response, parse_error};
use crate::protocol::{from_json_object, optional_text};
use http::HeaderMap;
use serde::Deserialize;

/// `{"outgoingCertificates": [...], "nextMarker": "..."}`; other members are ignored.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SuccessBody {
    #[serde(default)]
    outgoing_certificates: Option<Vec<OutgoingCertificate>>,
    #[serde(default, deserialize_with = "optional_text")]
    next_marker: Option<String>,
}

/// Returns the page for a 2xx response, or the typed error the response describes. A page
/// without `outgoingCertificates` is empty; a marker that is an empty string ends the listing.
pub fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<OutgoingCertificatesPage, Error> {
    if !(200..300).contains(&status) {
        return Err(parse_error(status, headers, body));
    }
    let body: SuccessBody = from_json_object(body)
        .map_err(|error| invalid_response(status, headers, format!("the success response is not readable: {error}")))?;
    Ok(OutgoingCertificatesPage {
        outgoing_certificates: body.outgoing_certificates.unwrap_or_default(),
        next_marker: body.next_marker.filter(|marker| !marker.is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn parse(body: &str) -> Result<OutgoingCertificatesPage, Error> {
        parse_response(200, &HeaderMap::new(), body.as_bytes())
    }

    #[test]
    fn reads_a_page() {
        let page = parse(
            r#"{"outgoingCertificates":[{"certificateId":"ab","transferredTo":"444455556666","transferDate":5}],
                "nextMarker":"25"}"#,
        )
        .unwrap();
        assert_eq!(page.outgoing_certificates[0].transferred_to.as_deref(), Some("444455556666"));
        assert_eq!(page.next_marker.as_deref(), Some("25"));
        assert_eq!(parse(r#"{"nextMarker":""}"#).unwrap(), OutgoingCertificatesPage::default());
    }

    #[test]
    fn an_unreadable_page_is_an_invalid_response() {
        for body in ["[]", "{", r#"{"outgoingCertificates":5}"#] {
            assert_eq!(parse(body).unwrap_err().kind(), &ErrorKind::InvalidResponse, "{body}");
        }
    }
}
