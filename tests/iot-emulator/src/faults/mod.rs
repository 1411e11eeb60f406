//! Fault injection for tests: throttling, 5xx errors, latency, dropped connections, dropped
//! responses after the change is applied, and a skewed service clock.

pub mod engine;
pub mod settings;

pub use engine::{FaultDecision, FaultEngine};
pub use settings::{FaultKind, FaultSettings, ScriptedFault};
