//! Deciding, call by call, which fault to inject: scripted faults first, in order, then one
//! seeded random draw against the rates, while the random faults' cap (`maxFaults`) and time
//! window (`windowMs`) allow. With the same seed and the same sequence of calls, the same faults
//! are injected.

use super::settings::{FaultKind, FaultSettings};
use crate::wire::routing::Operation;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// What to do with one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FaultDecision {
    /// How long to wait before going on.
    pub delay: Duration,
    /// The fault to inject after the wait, if any (never `Latency`).
    pub fault: Option<FaultKind>,
    /// How long to wait after the operation ran, before answering (a `slow` fault).
    pub answer_delay: Duration,
}

#[derive(Debug)]
struct EngineState {
    settings: FaultSettings,
    seed: u64,
    random: fastrand::Rng,
    injected: BTreeMap<&'static str, u64>,
    /// Random faults injected so far (what `maxFaults` caps).
    random_injected: u64,
    /// When the settings took effect (where `windowMs` starts).
    since: Instant,
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
        let mut decision =
            FaultDecision { delay: Duration::from_millis(base_delay), fault: None, answer_delay: Duration::ZERO };

        if let Some(index) = state.settings.script.iter().position(|rule| rule.matches(operation)) {
            let rule = &mut state.settings.script[index];
            rule.times -= 1;
            let wait = Duration::from_millis(rule.latency_ms);
            if rule.fault == FaultKind::Slow {
                decision.answer_delay = wait;
            } else {
                decision.delay += wait;
            }
            decision.fault = Some(rule.fault).filter(|kind| *kind != FaultKind::Latency);
            if rule.times == 0 {
                state.settings.script.remove(index);
            }
        } else if applies && state.random_faults_allowed() {
            decision.fault = state.draw();
            if decision.fault.is_some() {
                state.random_injected += 1;
            }
            if decision.fault == Some(FaultKind::Slow) {
                decision.answer_delay = Duration::from_millis(state.settings.slow_ms);
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
        Self {
            settings,
            seed,
            random: fastrand::Rng::with_seed(seed),
            injected: BTreeMap::new(),
            random_injected: 0,
            since: Instant::now(),
        }
    }

    /// Whether the cap and the window leave room for another random fault.
    fn random_faults_allowed(&self) -> bool {
        let under_cap = self.settings.max_faults.is_none_or(|cap| self.random_injected < cap);
        let in_window =
            self.settings.window_ms.is_none_or(|window| self.since.elapsed() < Duration::from_millis(window));
        under_cap && in_window
    }

    /// One draw against the rates (none drawn when they are all 0).
    fn draw(&mut self) -> Option<FaultKind> {
        let total: f64 = self.settings.rates().iter().map(|(_, rate)| rate).sum();
        if total <= 0.0 {
            return None;
        }
        let draw = self.random.f64();
        let mut threshold = 0.0;
        for (kind, rate) in self.settings.rates() {
            threshold += rate;
            if draw < threshold {
                return Some(kind);
            }
        }
        None
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

    #[test]
    fn max_faults_caps_the_random_faults() {
        let engine = FaultEngine::new(FaultSettings { throttle_rate: 1.0, max_faults: Some(3), ..Default::default() });
        let faults: Vec<_> = (0..10).map(|_| engine.decide(Operation::TransferCertificate).fault).collect();
        assert_eq!(faults.iter().filter(|fault| fault.is_some()).count(), 3);
        assert_eq!(&faults[..3], &[Some(FaultKind::Throttle); 3]);
        assert_eq!(engine.report()["injected"]["throttle"], 3);
    }

    #[test]
    fn random_faults_stop_when_the_window_closes() {
        let engine = FaultEngine::new(FaultSettings { throttle_rate: 1.0, window_ms: Some(50), ..Default::default() });
        assert_eq!(engine.decide(Operation::TransferCertificate).fault, Some(FaultKind::Throttle));
        std::thread::sleep(Duration::from_millis(80));
        assert_eq!(engine.decide(Operation::TransferCertificate).fault, None);
    }

    #[test]
    fn a_slow_fault_delays_the_answer_not_the_call() {
        let engine = FaultEngine::new(FaultSettings {
            slow_rate: 1.0,
            slow_ms: 700,
            script: vec![ScriptedFault { operation: None, fault: FaultKind::Slow, times: 1, latency_ms: 200 }],
            ..Default::default()
        });
        let scripted = engine.decide(Operation::TransferCertificate);
        assert_eq!((scripted.delay, scripted.answer_delay), (Duration::ZERO, Duration::from_millis(200)));
        let drawn = engine.decide(Operation::TransferCertificate);
        assert_eq!((drawn.fault, drawn.answer_delay), (Some(FaultKind::Slow), Duration::from_millis(700)));
        assert_eq!(engine.report()["injected"]["slow"], 2);
    }
}
