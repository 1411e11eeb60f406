//! The rate limiter against the reference implementations' own test tables: smithy-rs
//! `client_rate_limiter.rs` (ported there from aws-sdk-go-v2's `adaptive_ratelimit_test.go`) and
//! botocore `tests/unit/retries/test_throttling.py`, `test_bucket.py` and `test_adaptive.py`.

use super::*;

fn assert_close(expected: f64, actual: f64, what: &str) {
    let tolerance = 1e-9 * expected.abs().max(1.0);
    assert!((expected - actual).abs() <= tolerance, "{what}: expected {expected}, got {actual}");
}

/// A state as smithy-rs's test builder makes it: everything zero unless given.
fn state() -> State {
    State {
        fill_rate: 0.0,
        max_capacity: f64::MAX,
        current_capacity: 0.0,
        last_timestamp: None,
        enabled: false,
        measured_tx_rate: 0.0,
        last_tx_rate_bucket: 0.0,
        request_count: 0,
        last_max_rate: 0.0,
        time_of_last_throttle: 0.0,
    }
}

/// A token bucket as botocore's `TokenBucket(max_rate, clock)` is right after creation at `now`.
fn bucket(max_rate: f64, now: f64) -> State {
    let mut state = State { enabled: true, ..state() };
    state.update_fill_rate(now, max_rate);
    state
}

#[test]
fn cubic_throttle_keeps_beta_of_the_rate() {
    // smithy-rs should_match_beta_decrease; botocore test_t_0_should_match_beta_decrease (beta 0.7).
    assert_close(7.0, cubic_throttle(10.0), "throttled rate");
    let state = State { last_max_rate: 10.0, time_of_last_throttle: 1.0, ..state() };
    assert_close(7.0, state.cubic_success(1.0), "rate right after the throttle");
}

#[test]
fn cubic_zero_point_matches_botocore() {
    // botocore test_starting_params and test_error_response_decreases_rate_by_beta.
    assert_close(1.9574338205844317, State { last_max_rate: 10.0, ..state() }.time_window(), "K for W_max 10");
    assert_close(1.8171205928321397, State { last_max_rate: 8.0, ..state() }.time_window(), "K for W_max 8");
    // test_success_responses_until_max_hit: below W_max before K, W_max at K, above after.
    let state = State { last_max_rate: 10.0, ..state() };
    let k = state.time_window();
    for t in [k / 3.0, k / 2.0, k / 1.1] {
        assert!(state.cubic_success(t) <= 10.0);
    }
    assert_close(10.0, state.cubic_success(k), "rate at K");
    assert!(state.cubic_success(k * 1.1) >= 10.0 && state.cubic_success(k * 2.0) >= 10.0);
}

#[test]
fn cube_roots_are_exact_to_double_precision() {
    for x in [1e-300_f64, 1e-9, 0.001, 0.375, 1.0, 2.0, 7.5, 27.0, 1000.0, 123_456.789, 1e12, 1e300] {
        assert_close(x.cbrt(), cube_root(x), &format!("cube root of {x}"));
        let y = cube_root(x);
        assert!((y * y * y - x).abs() <= 1e-14 * x, "{x}");
    }
    assert_eq!((cube_root(0.0), cube_root(-1.0), cube_root(f64::NAN)), (0.0, 0.0, 0.0));
}

#[test]
fn calculated_rate_with_successes() {
    // smithy-rs test_calculated_rate_with_successes.
    let state = State { time_of_last_throttle: 5.0, last_max_rate: 10.0, ..state() };
    let table = [
        (5.0, 7.0),
        (6.0, 9.64893600966),
        (7.0, 10.000030849917364),
        (8.0, 10.453284520772092),
        (9.0, 13.408697022224185),
        (10.0, 21.26626835427364),
        (11.0, 36.425998516920465),
    ];
    for (t, expected) in table {
        assert_close(expected, state.cubic_success(t), &format!("t = {t}"));
    }
}

#[test]
fn calculated_rate_with_throttles() {
    // smithy-rs test_calculated_rate_with_throttles.
    let mut state = State { last_max_rate: 10.0, time_of_last_throttle: 5.0, ..state() };
    let table = [
        (false, 5.0, 7.0),
        (false, 6.0, 9.64893600966),
        (true, 7.0, 6.754255206761999),
        (true, 8.0, 4.727978644733399),
        (false, 9.0, 4.670125557970046),
        (false, 10.0, 4.770870456867401),
        (false, 11.0, 6.011819748005445),
        (false, 12.0, 10.792973431384178),
    ];
    let mut rate = 0.0;
    for (throttled, t, expected) in table {
        if throttled {
            rate = cubic_throttle(rate);
            state.time_of_last_throttle = t;
            state.last_max_rate = rate;
        } else {
            rate = state.cubic_success(t);
        }
        assert_close(expected, rate, &format!("t = {t}"));
    }
}

#[test]
fn client_sending_rates() {
    // smithy-rs test_client_sending_rates: (throttled, time, measured rate, fill rate).
    let limiter = ClientRateLimiter::new(0.0);
    let table = [
        (false, 0.2, 0.0, 0.5),
        (false, 0.4, 0.0, 0.5),
        (false, 0.6, 4.800000000000001, 0.5),
        (false, 0.8, 4.800000000000001, 0.5),
        (false, 1.0, 4.16, 0.5),
        (false, 1.2, 4.16, 0.6912),
        (false, 1.4, 4.16, 1.0975999999999997),
        (false, 1.6, 5.632000000000001, 1.6384000000000005),
        (false, 1.8, 5.632000000000001, 2.3328),
        (true, 2.0, 4.3264, 3.0284799999999996),
        (false, 2.2, 4.3264, 3.48663917347026),
        (false, 2.4, 4.3264, 3.821874416040255),
        (false, 2.6, 5.66528, 4.053385727709987),
        (false, 2.8, 5.66528, 4.200373108479454),
        (false, 3.0, 4.333056, 4.282036558348658),
        (true, 3.2, 4.333056, 2.99742559084406),
        (false, 3.4, 4.333056, 3.4522263943863463),
    ];
    for (throttled, t, measured, fill) in table {
        limiter.record(t, throttled);
        let state = limiter.lock().clone();
        assert_close(measured, state.measured_tx_rate, &format!("measured rate at {t}"));
        assert_close(fill, state.fill_rate, &format!("fill rate at {t}"));
    }
}

#[test]
fn off_until_throttled() {
    // smithy-rs throttling_is_enabled_once_throttling_error_is_received; botocore
    // test_bucket_bucket_acquisition_only_if_enabled and test_token_bucket_enabled_on_throttling_error.
    let limiter = ClientRateLimiter::new(0.0);
    for _ in 0..100 {
        assert_eq!(limiter.acquire(0.0), None);
    }
    limiter.record(0.0, false);
    assert!(!limiter.lock().enabled);
    limiter.record(0.0, true);
    assert!(limiter.lock().enabled);
    // Measured rate 0: the fill rate falls to its floor, 0.5 tokens a second, and the bucket is empty.
    assert_eq!(limiter.acquire(0.0), Some(Duration::from_secs(2)));
}

#[test]
fn success_raises_the_rate_at_most_to_twice_the_measured_rate() {
    // botocore test_max_rate_cant_exceed_20_percent_max: measured 20, CUBIC says 100, 40 it is.
    let limiter = ClientRateLimiter::from_state(State {
        measured_tx_rate: 20.0,
        last_tx_rate_bucket: 10.0,
        last_max_rate: 100.0,
        time_of_last_throttle: 0.0,
        enabled: true,
        ..state()
    });
    limiter.record(10.2, false);
    assert_close(40.0, limiter.lock().fill_rate, "fill rate");
}

#[test]
fn measured_rate_is_smoothed_per_half_second() {
    // botocore TestRateClocker.
    let rate_after = |times: &[f64]| {
        let mut state = state();
        for &t in times {
            state.update_measured_rate(t);
        }
        state.measured_tx_rate
    };
    assert_close(0.8, rate_after(&[1.0]), "test_time_updates_if_after_bucket_range");
    let constant: Vec<f64> = (1..=20).map(f64::from).collect();
    assert_close(1.0, rate_after(&constant), "test_can_measure_constant_rate");
    let steady = [1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0];
    let before_gap = rate_after(&steady);
    assert!((1.99..=2.0).contains(&before_gap), "{before_gap}");
    let after_gap = rate_after(&[&steady[..], &[14.0]].concat());
    assert!((0.1..=2.0).contains(&after_gap), "{after_gap}");
    assert!(rate_after(&[1.0, 1.0, 1.0, 2.0, 3.0]) >= 1.0, "test_noop_when_delta_t_is_0");
    let grouped = [0.1, 0.2, 0.3, 0.4, 0.49];
    assert_eq!(rate_after(&grouped), 0.0, "still in the first half second");
    // The next half second starts: 6 responses in the first, 12 a second.
    assert_close(12.0 * 0.8, rate_after(&[&grouped[..], &[0.5]].concat()), "test_times_are_grouped_per_time_bucket");
}

#[test]
fn the_bucket_gives_tokens_at_its_fill_rate() {
    // botocore test_can_acquire_amount and test_can_retrieve_at_max_send_rate.
    let limiter = ClientRateLimiter::from_state(bucket(10.0, 0.0));
    for t in 1..=5 {
        assert_eq!(limiter.acquire(f64::from(t)), None, "one a second at 10 a second");
    }
    let limiter = ClientRateLimiter::from_state(bucket(10.0, 0.0));
    for i in 0..20 {
        assert_eq!(limiter.acquire(1.0 + 0.1 * f64::from(i)), None, "ten a second at 10 a second");
    }
}

#[test]
fn a_bucket_scaled_down_still_serves_its_rate() {
    // botocore test_can_change_max_capacity_lower.
    let limiter = ClientRateLimiter::from_state(bucket(10.0, 0.0));
    for t in 1..=5 {
        assert_eq!(limiter.acquire(f64::from(t)), None);
    }
    limiter.lock().update_fill_rate(5.0, 1.0);
    for t in 6..=10 {
        assert_eq!(limiter.acquire(f64::from(t)), None);
    }
}

#[test]
fn a_short_bucket_says_how_long_to_wait() {
    // botocore test_acquiring_blocks_when_capacity_reached: at 0.15 s the bucket holds half a
    // token, so the attempt waits 0.05 s; botocore sleeps inside acquire, this limiter reserves
    // the token and the caller sleeps, and by 0.3 s both are served again without waiting.
    let limiter = ClientRateLimiter::from_state(bucket(10.0, 0.0));
    assert_eq!(limiter.acquire(0.1), None);
    assert_close(0.0, limiter.lock().current_capacity, "after the first token");
    let wait = limiter.acquire(0.15).expect("half a token short");
    assert_close(0.05, wait.as_secs_f64(), "wait");
    assert_eq!(limiter.acquire(0.300001), None);
    // Attempts short together queue: each waits for the tokens reserved before it.
    let limiter = ClientRateLimiter::from_state(bucket(1.0, 0.0));
    let waits: Vec<f64> = (0..3).map(|_| limiter.acquire(0.0).map_or(0.0, |d| d.as_secs_f64())).collect();
    assert_eq!(waits, [1.0, 2.0, 3.0]);
}

#[test]
fn rate_and_capacity_have_floors() {
    // botocore test_max_capacity_is_at_least_one and test_rate_cant_go_below_min (this limiter's
    // floor is botocore's default, 0.5).
    let mut state = bucket(10.0, 0.0);
    state.update_fill_rate(1.0, 0.5);
    assert_eq!((state.fill_rate, state.max_capacity), (0.5, 1.0));
    state.update_fill_rate(2.0, 0.1);
    assert_eq!((state.fill_rate, state.max_capacity), (0.5, 1.0));
}

#[test]
fn requests_can_still_be_sent_when_enabled() {
    // smithy-rs test_when_throttling_is_enabled_requests_can_still_be_sent, with a fixed
    // sequence of steps in place of its random ones.
    let limiter = ClientRateLimiter::new(0.0);
    limiter.record(0.0, true);
    let mut now = 0.0;
    for i in 0..100u32 {
        now += f64::from((i * 37) % 100) / 100.0;
        if let Some(wait) = limiter.acquire(now) {
            now += wait.as_secs_f64();
        }
        limiter.record(now, false);
    }
    let state = limiter.lock().clone();
    assert!(state.enabled);
    assert_close(now, state.last_timestamp.unwrap_or_default(), "the bucket saw time pass");
    assert!(state.fill_rate >= MIN_FILL_RATE && state.fill_rate.is_finite());
}
