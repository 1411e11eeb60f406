use super::*;

fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

fn dated(time: SystemTime) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(http::header::DATE, httpdate::fmt_http_date(time).parse().unwrap());
    headers
}

const SERVER: u64 = 1_700_000_000;

#[test]
fn every_dated_response_sets_the_offset() {
    let offset = ClockOffset::default();
    let local = at(SERVER - 3600);
    assert_eq!(offset.learn(&dated(at(SERVER)), local, local), Some(at(SERVER)));
    assert_eq!(offset.millis(), 3_600_000);
    assert_eq!(offset.apply(local), at(SERVER));
    // A small difference is kept too (smithy-rs records every response), and so is a clock
    // that runs ahead.
    offset.learn(&dated(at(SERVER)), at(SERVER - 2), at(SERVER - 2));
    assert_eq!(offset.millis(), 2_000);
    offset.learn(&dated(at(SERVER)), at(SERVER + 900), at(SERVER + 900));
    assert_eq!(offset.millis(), -900_000);
}

#[test]
fn the_offset_is_measured_from_the_middle_of_the_round_trip() {
    let offset = ClockOffset::default();
    offset.learn(&dated(at(SERVER)), at(SERVER - 10), at(SERVER - 4));
    assert_eq!(offset.millis(), 7_000, "sent at -10 s, answered at -4 s: the service read its clock at -7 s");
}

#[test]
fn untrusted_responses_leave_the_offset() {
    let offset = ClockOffset::default();
    let mut cached = dated(at(SERVER));
    cached.insert(http::header::AGE, "30".parse().unwrap());
    assert_eq!(offset.learn(&cached, at(0), at(0)), None, "served from a cache");
    let slow = offset.learn(&dated(at(SERVER)), at(SERVER - 3600), at(SERVER - 3600 + 15 * 60 + 1));
    assert_eq!(slow, None, "a round trip over 15 minutes");
    assert_eq!(offset.learn(&HeaderMap::new(), at(0), at(0)), None, "no Date");
    let mut bad = HeaderMap::new();
    bad.insert(http::header::DATE, "yesterday".parse().unwrap());
    assert_eq!(offset.learn(&bad, at(0), at(0)), None, "a Date that is not a date");
    assert_eq!(offset.millis(), 0);
    // A 15-minute round trip exactly is still trusted.
    let edge = offset.learn(&dated(at(SERVER)), at(SERVER - 15 * 60), at(SERVER));
    assert_eq!((edge, offset.millis()), (Some(at(SERVER)), 450_000));
}

#[test]
fn a_request_signed_before_another_call_corrected_the_clock_is_resent() {
    // Found by the soak (service clock 20 minutes ahead, 32 calls in flight): calls refused after
    // another call had corrected the offset were not resent and failed. The decision reads the
    // request's signing time only, so each of them is resent.
    let server = at(SERVER);
    let signed = at(SERVER - 1200);
    assert!(refused_for_time("InvalidSignatureException", server, signed));
    assert!(refused_for_time("InvalidSignatureException", server, signed), "the same for every call");
    assert!(refused_for_time("RequestTimeTooSkewed", server, at(SERVER + 241)), "a clock ahead");
    assert!(!refused_for_time("SignatureDoesNotMatch", server, at(SERVER - 240)), "4 minutes is not skew");
    assert!(refused_for_time("SignatureDoesNotMatch", server, at(SERVER - 241)));
}

#[test]
fn only_clock_codes_are_skew() {
    let server = at(SERVER);
    let signed = at(SERVER - 3600);
    for code in [
        "RequestTimeTooSkewed",
        "RequestExpired",
        "RequestInTheFuture",
        "InvalidSignatureException",
        "SignatureDoesNotMatch",
        "AuthFailure",
    ] {
        assert!(refused_for_time(code, server, signed), "{code}");
    }
    for code in [
        "AccessDeniedException",
        "ExpiredTokenException",
        "UnrecognizedClientException",
        "ForbiddenException",
        "UnknownError",
        "CertificateStateException",
    ] {
        assert!(!refused_for_time(code, server, signed), "{code}");
    }
}
