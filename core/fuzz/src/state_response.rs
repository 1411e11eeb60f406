//! The parsers reconciliation reads the certificate's state with: `DescribeCertificate` and
//! `ListOutgoingCertificates` responses.
//!
//! Input: a first line naming the operation (`describe` or `outgoing`), then an HTTP response as
//! `text::http_response` reads it.

use super::text::http_response;
use iot_transfer::operation::{describe_certificate, list_outgoing_certificates};
use iot_transfer::ErrorKind;
use serde_json::Value;

/// Checks that parsing never panics, is deterministic, and that
/// - a non-2xx is an error carrying the status;
/// - a 2xx described certificate's status and IDs are the body's strings, and a 2xx without a
///   `certificateDescription` object is an `InvalidResponse`;
/// - a page's `transferredTo` values and next marker are the body's strings (an empty marker
///   ends the listing), and an unreadable 2xx is an `InvalidResponse`.
pub fn check(data: &[u8]) {
    let Some(newline) = data.iter().position(|b| *b == b'\n') else { return };
    let Some((status, headers, body)) = http_response(&data[newline + 1..]) else { return };
    // The parsers skip members they do not read without checking their UTF-8, so a body is read
    // here the same way: lossily, where only the members the checks compare must be exact.
    let json: Option<Value> = serde_json::from_str(&String::from_utf8_lossy(body)).ok();
    match &data[..newline] {
        b"describe" => {
            let result = describe_certificate::parse_response(status, &headers, body);
            let again = describe_certificate::parse_response(status, &headers, body);
            assert_eq!(format!("{result:?}"), format!("{again:?}"), "parsing is not deterministic");
            match result {
                Ok(description) => {
                    assert!((200..300).contains(&status), "HTTP {status} parsed as a description");
                    // A body serde_json's Value cannot hold (a number beyond f64 in a member the
                    // parser skips) has no reference to compare with.
                    let Some(json) = json else { return };
                    let member = &json["certificateDescription"];
                    // serde derives also read a struct from an array; anything else is refused.
                    assert!(member.is_object() || member.is_array(), "a description from {member}");
                    let text = |name: &str| member[name].as_str().map(str::to_owned);
                    assert_eq!(description.status.as_ref().map(|s| s.as_str().to_owned()), text("status"));
                    assert_eq!(description.certificate_id, text("certificateId"));
                    assert_eq!(description.owned_by, text("ownedBy"));
                }
                Err(error) => check_error(status, error.kind(), error.http_status()),
            }
        }
        b"outgoing" => {
            let result = list_outgoing_certificates::parse_response(status, &headers, body);
            let again = list_outgoing_certificates::parse_response(status, &headers, body);
            assert_eq!(format!("{result:?}"), format!("{again:?}"), "parsing is not deterministic");
            match result {
                Ok(page) => {
                    assert!((200..300).contains(&status), "HTTP {status} parsed as a page");
                    let Some(json) = json else { return };
                    let marker = json["nextMarker"].as_str().filter(|m| !m.is_empty()).map(str::to_owned);
                    assert_eq!(page.next_marker, marker, "the next marker is not the body's");
                    let listed = json["outgoingCertificates"].as_array().cloned().unwrap_or_default();
                    assert_eq!(page.outgoing_certificates.len(), listed.len(), "certificates lost or added");
                    for (parsed, raw) in page.outgoing_certificates.iter().zip(&listed) {
                        assert_eq!(parsed.transferred_to.as_deref(), raw["transferredTo"].as_str());
                    }
                }
                Err(error) => check_error(status, error.kind(), error.http_status()),
            }
        }
        _ => {}
    }
}

fn check_error(status: u16, kind: &ErrorKind, http_status: Option<u16>) {
    assert_eq!(http_status, Some(status), "the error lost its status");
    if (200..300).contains(&status) {
        assert_eq!(kind, &ErrorKind::InvalidResponse, "an unreadable 2xx of another kind");
    }
}
