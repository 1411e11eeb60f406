//! The settling of an accept, reject or cancel from its state check's raw response, for the fuzz
//! target `settle` (`core/fuzz`): the same parser, classification and verdict the client runs.

use super::settle::{settle, verdict, TransferEnd, Verdict};
use crate::operation::describe_certificate;
use http::HeaderMap;

/// What a settled call answers: whether it succeeds, the hint of a failure, and whether the
/// failure says the call may still have been applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettleOutcome {
    /// The call is answered as a (reconciled) success.
    pub succeeded: bool,
    /// A failure's hint, saying what the check found.
    pub hint: Option<String>,
    /// A failure may still have been applied.
    pub possibly_applied: bool,
}

/// The answer to an `end` call (`accept`, `reject` or `cancel`; `None` for another name) whose
/// attempts failed, when its `DescribeCertificate` check got the response `status`, `headers`,
/// `body`; `wants_active` is an accept's `setAsActive`, `possibly_applied` whether an attempt may
/// have been applied, `completed` whether the service said the transfer had already ended.
pub fn settle_end(
    end: &str,
    wants_active: bool,
    possibly_applied: bool,
    completed: bool,
    response: (u16, &HeaderMap, &[u8]),
) -> Option<SettleOutcome> {
    let end = match end {
        "accept" => TransferEnd::Accept,
        "reject" => TransferEnd::Reject,
        "cancel" => TransferEnd::Cancel,
        _ => return None,
    };
    let (status, headers, body) = response;
    let found = describe_certificate::parse_response(status, headers, body);
    let settlement = settle(end, wants_active && end == TransferEnd::Accept, found.as_ref());
    Some(match verdict(end, settlement, possibly_applied, completed) {
        Verdict::Succeeded(_) => SettleOutcome { succeeded: true, hint: None, possibly_applied: false },
        Verdict::Failed { hint, possibly_applied } => {
            SettleOutcome { succeeded: false, hint: Some(hint), possibly_applied }
        }
    })
}
