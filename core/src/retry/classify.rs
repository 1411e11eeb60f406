//! What an attempt's failure means, as pure functions the attempt loop asks: whether it is
//! retried and as what, and whether a request that is not idempotent may have been applied.

use super::RetryClass;
use crate::runtime::TransportErrorKind;

/// How a failure below HTTP is retried, and whether the request may have reached the service: a
/// connection that was never made (refused, timed out) did not; one that broke mid-exchange, or
/// a response too large to read, may have. A connect timeout (botocore's `ConnectTimeoutError`)
/// is transient: its retry costs the quota no more than another's.
pub(crate) fn transport_failure(kind: TransportErrorKind) -> (Option<RetryClass>, bool) {
    match kind {
        TransportErrorKind::Connect | TransportErrorKind::ConnectTimeout => (Some(RetryClass::Transient), false),
        TransportErrorKind::Io => (Some(RetryClass::Transient), true),
        TransportErrorKind::BodyTooLarge => (None, true),
        TransportErrorKind::Request | TransportErrorKind::Redirect => (None, false),
    }
}

/// Whether a request answered with `status` may have been applied although its answer is an
/// error: a 2xx the client could not read was applied, and a 5xx may have been.
pub(crate) fn response_may_have_applied(status: u16) -> bool {
    status >= 500 || (200..300).contains(&status)
}

/// The class of the retry that follows attempt `attempt` (1 for the first) of at most
/// `max_attempts`, failed with an error of retry class `class`; `None` when the call ends with the
/// error (not retryable, or no attempt left). The retry quota is the caller's to ask.
pub(crate) fn next_retry(class: Option<RetryClass>, attempt: u32, max_attempts: u32) -> Option<RetryClass> {
    class.filter(|_| attempt < max_attempts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transport_failures_by_kind() {
        use TransportErrorKind::*;
        assert_eq!(transport_failure(Connect), (Some(RetryClass::Transient), false));
        assert_eq!(transport_failure(ConnectTimeout), (Some(RetryClass::Transient), false));
        assert_eq!(transport_failure(Io), (Some(RetryClass::Transient), true));
        assert_eq!(transport_failure(BodyTooLarge), (None, true));
        assert_eq!(transport_failure(Redirect), (None, false));
        assert_eq!(transport_failure(Request), (None, false));
    }

    #[test]
    fn which_answers_may_have_been_applied() {
        for (status, applied) in [
            (200, true),
            (204, true),
            (299, true),
            (300, false),
            (400, false),
            (409, false),
            (499, false),
            (500, true),
            (503, true),
        ] {
            assert_eq!(response_may_have_applied(status), applied, "{status}");
        }
    }

    #[test]
    fn a_retry_needs_a_class_and_an_attempt_left() {
        let throttling = Some(RetryClass::Throttling);
        assert_eq!(next_retry(throttling, 1, 3), throttling);
        assert_eq!(next_retry(throttling, 2, 3), throttling);
        assert_eq!(next_retry(throttling, 3, 3), None);
        assert_eq!(next_retry(None, 1, 3), None);
        assert_eq!(next_retry(Some(RetryClass::Transient), 1, 1), None);
    }
}
