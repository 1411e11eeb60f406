//! What faults to inject, as set at startup (flags, config file) or at runtime
//! (`POST /_emulator/faults`). JSON member names are camelCase.

use crate::wire::routing::Operation;
use serde::{Deserialize, Serialize};

/// A kind of injected fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FaultKind {
    /// `ThrottlingException` (400).
    Throttle,
    /// `ServiceUnavailableException` (503).
    ServiceUnavailable,
    /// `InternalFailureException` (500).
    InternalFailure,
    /// Close the connection without answering; the operation is not run.
    DropConnection,
    /// Run the operation (its change is kept), then close the connection without answering.
    DropResponse,
    /// Only wait `latencyMs` before answering normally.
    Latency,
    /// Run the operation (its change is kept), then wait `slowMs` (a script's `latencyMs`) before
    /// answering: a slow service whose answer may come after the client gave up.
    Slow,
    /// `AccessDeniedException` (403): the caller is not allowed the action. Scripted only (no
    /// rate): for testing that a client does not take it for a clock problem.
    AccessDenied,
}

impl FaultKind {
    /// The JSON and flag name, e.g. `serviceUnavailable`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Throttle => "throttle",
            Self::ServiceUnavailable => "serviceUnavailable",
            Self::InternalFailure => "internalFailure",
            Self::DropConnection => "dropConnection",
            Self::DropResponse => "dropResponse",
            Self::Latency => "latency",
            Self::Slow => "slow",
            Self::AccessDenied => "accessDenied",
        }
    }

    /// The kind with this name.
    pub fn from_name(name: &str) -> Option<Self> {
        [
            Self::Throttle,
            Self::ServiceUnavailable,
            Self::InternalFailure,
            Self::DropConnection,
            Self::DropResponse,
            Self::Latency,
            Self::Slow,
            Self::AccessDenied,
        ]
        .into_iter()
        .find(|kind| kind.name() == name)
    }
}

/// "The next `times` calls of `operation` get `fault`": scripted faults are used in order,
/// before any random one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScriptedFault {
    /// The operation's model name; absent or `*` for any operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// What to do.
    pub fault: FaultKind,
    /// How many calls it applies to (at least 1).
    #[serde(default = "one")]
    pub times: u32,
    /// A wait before the fault (the whole effect of `latency`); for `slow`, the wait after the
    /// operation ran.
    #[serde(default)]
    pub latency_ms: u64,
}

fn one() -> u32 {
    1
}

impl ScriptedFault {
    /// Parses the flag form `OPERATION:KIND[:TIMES[:LATENCY_MS]]`, e.g. `TransferCertificate:throttle:2`.
    pub fn parse_flag(text: &str) -> Result<Self, String> {
        let fields: Vec<&str> = text.split(':').collect();
        let usage = || format!("--fault wants OPERATION:KIND[:TIMES[:LATENCY_MS]], got {text:?}");
        if !(2..=4).contains(&fields.len()) {
            return Err(usage());
        }
        let fault = FaultKind::from_name(fields[1]).ok_or_else(usage)?;
        let times = fields.get(2).map(|times| times.parse()).transpose().map_err(|_| usage())?.unwrap_or(1);
        let latency_ms = fields.get(3).map(|ms| ms.parse()).transpose().map_err(|_| usage())?.unwrap_or(0);
        Ok(Self { operation: Some(fields[0].to_owned()), fault, times, latency_ms })
    }

    /// Whether this rule applies to a call of `operation`.
    pub fn matches(&self, operation: Operation) -> bool {
        self.operation.as_deref().is_none_or(|name| name == "*" || name == operation.name())
    }
}

/// Every fault setting. The default injects nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct FaultSettings {
    /// Seed of the random draws (absent: a random seed, reported by `GET /_emulator/state`).
    pub seed: Option<u64>,
    /// Probability of `ThrottlingException` per call.
    pub throttle_rate: f64,
    /// Probability of `ServiceUnavailableException` per call.
    pub service_unavailable_rate: f64,
    /// Probability of `InternalFailureException` per call.
    pub internal_failure_rate: f64,
    /// Probability of closing the connection without running the call.
    pub drop_connection_rate: f64,
    /// Probability of running the call, then closing the connection without answering.
    pub drop_response_rate: f64,
    /// Probability of running the call, then waiting `slowMs` before answering.
    pub slow_rate: f64,
    /// How late a `slow` answer is, in milliseconds.
    pub slow_ms: u64,
    /// At most this many random faults (of the rates) are injected; then calls are answered
    /// normally. Absent: no limit. Scripted faults are bounded by their own `times`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_faults: Option<u64>,
    /// Random faults are injected only during this many milliseconds after the settings took
    /// effect. Absent: no limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window_ms: Option<u64>,
    /// Operations the rates and `latencyMs` apply to (empty: all).
    pub operations: Vec<String>,
    /// A wait added before every answer.
    pub latency_ms: u64,
    /// How far the service's clock is ahead (negative: behind) of the real time: the `Date`
    /// header, signature time checks and timestamps all use it.
    pub clock_skew_seconds: i64,
    /// Scripted faults, used in order before the random ones.
    pub script: Vec<ScriptedFault>,
}

impl FaultSettings {
    /// The rates in draw order.
    pub fn rates(&self) -> [(FaultKind, f64); 6] {
        [
            (FaultKind::Throttle, self.throttle_rate),
            (FaultKind::ServiceUnavailable, self.service_unavailable_rate),
            (FaultKind::InternalFailure, self.internal_failure_rate),
            (FaultKind::DropConnection, self.drop_connection_rate),
            (FaultKind::DropResponse, self.drop_response_rate),
            (FaultKind::Slow, self.slow_rate),
        ]
    }

    /// Whether the rates and `latencyMs` apply to `operation`.
    pub fn applies_to(&self, operation: Operation) -> bool {
        self.operations.is_empty() || self.operations.iter().any(|name| name == "*" || name == operation.name())
    }

    /// Checks rates (each in 0..=1, at most 1 in all), operation names and counts.
    pub fn validate(&self) -> Result<(), String> {
        let mut total = 0.0;
        for (kind, rate) in self.rates() {
            if !(0.0..=1.0).contains(&rate) {
                return Err(format!("the {} rate {rate} is not between 0 and 1", kind.name()));
            }
            total += rate;
        }
        if total > 1.0 + 1e-9 {
            return Err(format!("the fault rates add up to {total}, more than 1"));
        }
        let scripted = self.script.iter().filter_map(|rule| rule.operation.as_deref());
        for name in self.operations.iter().map(String::as_str).chain(scripted) {
            if name != "*" && Operation::from_name(name).is_none() {
                return Err(format!("{name:?} is not an emulated operation"));
            }
        }
        if self.script.iter().any(|rule| rule.times == 0) {
            return Err("a scripted fault needs times of at least 1".to_owned());
        }
        // A slow answer that is not late would use up a fault without any effect.
        if self.slow_rate > 0.0 && self.slow_ms == 0 {
            return Err("slowRate needs slowMs of at least 1".to_owned());
        }
        if self.script.iter().any(|rule| rule.fault == FaultKind::Slow && rule.latency_ms == 0) {
            return Err("a scripted slow fault needs latencyMs of at least 1".to_owned());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slow_fault_must_be_late() {
        let settings: FaultSettings = serde_json::from_str(r#"{"slowRate":0.5}"#).unwrap();
        assert_eq!(settings.validate().unwrap_err(), "slowRate needs slowMs of at least 1");
        let settings: FaultSettings = serde_json::from_str(r#"{"script":[{"operation":"*","fault":"slow"}]}"#).unwrap();
        assert_eq!(settings.validate().unwrap_err(), "a scripted slow fault needs latencyMs of at least 1");
    }

    #[test]
    fn parses_json_with_defaults() {
        let settings: FaultSettings = serde_json::from_str(
            r#"{"seed":7,"throttleRate":0.5,"script":[{"operation":"TransferCertificate","fault":"dropResponse"}]}"#,
        )
        .unwrap();
        assert_eq!(settings.seed, Some(7));
        assert_eq!(settings.script[0].times, 1);
        assert_eq!(settings.script[0].fault, FaultKind::DropResponse);
        assert!(settings.validate().is_ok());
        assert!(serde_json::from_str::<FaultSettings>(r#"{"throttle":1}"#).is_err());
        let bounded: FaultSettings =
            serde_json::from_str(r#"{"slowRate":0.1,"slowMs":900,"maxFaults":50,"windowMs":60000}"#).unwrap();
        assert_eq!((bounded.slow_ms, bounded.max_faults, bounded.window_ms), (900, Some(50), Some(60_000)));
        assert!(bounded.validate().is_ok());
    }

    #[test]
    fn refuses_impossible_settings() {
        let too_much = FaultSettings { throttle_rate: 0.6, drop_response_rate: 0.6, ..Default::default() };
        assert!(too_much.validate().is_err());
        let slow_too = FaultSettings { throttle_rate: 0.6, slow_rate: 0.6, ..Default::default() };
        assert!(slow_too.validate().is_err());
        let unknown = FaultSettings { operations: vec!["DeleteEverything".into()], ..Default::default() };
        assert!(unknown.validate().is_err());
    }

    #[test]
    fn parses_flags() {
        let rule = ScriptedFault::parse_flag("TransferCertificate:throttle:2").unwrap();
        assert_eq!((rule.fault, rule.times), (FaultKind::Throttle, 2));
        assert!(rule.matches(Operation::TransferCertificate));
        assert!(!rule.matches(Operation::DescribeCertificate));
        let any = ScriptedFault::parse_flag("*:latency:1:250").unwrap();
        assert_eq!(any.latency_ms, 250);
        assert!(any.matches(Operation::ListCertificates));
        assert!(ScriptedFault::parse_flag("TransferCertificate:explode").is_err());
        assert_eq!(ScriptedFault::parse_flag("*:slow:2:700").unwrap().fault, FaultKind::Slow);
    }
}
