//! Deciding, call by call, which fault to inject: scripted faults first, in order, then one
//! seeded random draw against the rates. With the same seed and the same sequence of calls,
//! the same faults are injected.

use super::settings::{FaultKind, FaultSettings};
use crate::wire::routing::Operation;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// What to do with one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FaultDecision {
    /// How long to wait before going on.
    pub delay: Duration,
    /// The fault to inject after the wait, if any (never `Latency`).
    pub fault: Option<FaultKind>,
}

#[derive(Debug)]
struct EngineState {
    settings: FaultSettings,
    seed: u64,
    random: fastrand::Rng,
    injected: BTreeMap<&'static str, u64>,
}

/// The fault injector shared by all connections.
#[derive(Debug)]
pub struct FaultEngine {
    state: Mutex<EngineState>,
}

impl FaultEngine {
    /// An injector with these settings (which must be valid, see [`FaultSettings::validate`]).
    pub fn new(settings: FaultSettings) -> Self {
        Self { state: Mutex::new(EngineState::from_settings(settings)) }
    }

    /// Replaces every setting, restarting the random draws from the (new) seed and clearing
    /// the counts.
    pub fn replace(&self, settings: FaultSettings) {
        *self.lock() = EngineState::from_settings(settings);
    }

    /// The fault for one call of `operation`.
    pub fn decide(&self, operation: Operation) -> FaultDecision {
        let mut state = self.lock();
        let applies = state.settings.applies_to(operation);
        let base_delay = if applies { state.settings.latency_ms } else { 0 };
        let mut decision = FaultDecision { delay: Duration::from_millis(base_delay), fault: None };

        if let Some(index) = state.settings.script.iter().position(|rule| rule.matches(operation)) {
            let rule = &mut state.settings.script[index];
            rule.times -= 1;
            decision.delay += Duration::from_millis(rule.latency_ms);
            decision.fault = Some(rule.fault).filter(|kind| *kind != FaultKind::Latency);
            if rule.times == 0 {
                state.settings.script.remove(index);
            }
        } else if applies {
            let total: f64 = state.settings.rates().iter().map(|(_, rate)| rate).sum();
            if total > 0.0 {
                let draw = state.random.f64();
                let mut threshold = 0.0;
                for (kind, rate) in state.settings.rates() {
                    threshold += rate;
                    if draw < threshold {
                        decision.fault = Some(kind);
                        break;
                    }
                }
            }
        }
        if let Some(kind) = decision.fault {
            *state.injected.entry(kind.name()).or_default() += 1;
        }
        decision
    }

    /// The settings in force (with what is left of the script), the seed, and how many faults
    /// of each kind were injected since the settings were last replaced.
    pub fn report(&self) -> Value {
        let state = self.lock();
        let mut settings = serde_json::to_value(&state.settings).unwrap_or(Value::Null);
        if let Some(members) = settings.as_object_mut() {
            members.insert("seed".into(), json!(state.seed));
        }
        json!({ "settings": settings, "injected": state.injected })
    }

    fn lock(&self) -> MutexGuard<'_, EngineState> {
        // The state is only counters and a script; a panic elsewhere cannot corrupt it.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl EngineState {
    fn from_settings(settings: FaultSettings) -> Self {
        let seed = settings.seed.unwrap_or_else(|| fastrand::u64(..));
        Self { settings, seed, random: fastrand::Rng::with_seed(seed), injected: BTreeMap::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faults::settings::ScriptedFault;

    fn rule(operation: &str, fault: FaultKind, times: u32) -> ScriptedFault {
        ScriptedFault { operation: Some(operation.into()), fault, times, latency_ms: 0 }
    }

    #[test]
    fn scripted_faults_come_first_and_run_out() {
        let engine = FaultEngine::new(FaultSettings {
            script: vec![rule("TransferCertificate", FaultKind::Throttle, 2), rule("*", FaultKind::DropResponse, 1)],
            ..Default::default()
        });
        assert_eq!(engine.decide(Operation::DescribeCertificate).fault, Some(FaultKind::DropResponse));
        assert_eq!(engine.decide(Operation::TransferCertificate).fault, Some(FaultKind::Throttle));
        assert_eq!(engine.decide(Operation::TransferCertificate).fault, Some(FaultKind::Throttle));
        assert_eq!(engine.decide(Operation::TransferCertificate).fault, None);
        assert_eq!(engine.report()["injected"]["throttle"], 2);
    }

    #[test]
    fn the_same_seed_gives_the_same_faults() {
        let settings =
            FaultSettings { seed: Some(42), throttle_rate: 0.3, drop_connection_rate: 0.2, ..Default::default() };
        let run = |engine: &FaultEngine| -> Vec<_> {
            (0..200).map(|_| engine.decide(Operation::TransferCertificate).fault).collect()
        };
        let first = run(&FaultEngine::new(settings.clone()));
        assert_eq!(first, run(&FaultEngine::new(settings)));
        let throttled = first.iter().filter(|fault| **fault == Some(FaultKind::Throttle)).count();
        assert!((30..90).contains(&throttled), "{throttled}");
    }

    #[test]
    fn rates_and_latency_can_be_limited_to_operations() {
        let engine = FaultEngine::new(FaultSettings {
            throttle_rate: 1.0,
            latency_ms: 30,
            operations: vec!["TransferCertificate".into()],
            ..Default::default()
        });
        let other = engine.decide(Operation::DescribeCertificate);
        assert_eq!((other.fault, other.delay), (None, Duration::ZERO));
        let chosen = engine.decide(Operation::TransferCertificate);
        assert_eq!((chosen.fault, chosen.delay), (Some(FaultKind::Throttle), Duration::from_millis(30)));
    }
}
