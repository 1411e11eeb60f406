//! The report every soak driver writes: one result per certificate, memory and wall time.

use serde::Serialize;

/// How one call ended.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallResult {
    /// The certificate the call transferred.
    pub certificate_id: String,
    /// `done`, `failed`, `hung` (no end within the call timeout and the margin) or `panicked`.
    pub outcome: &'static str,
    /// The transferred certificate's ARN, when done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// Whether the answer came from a check of the certificate's state.
    pub reconciled: bool,
    /// The error's kind name, when failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The error's code, when failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The error's `possibly_applied`, when failed.
    pub possibly_applied: bool,
    /// Attempts the client made.
    pub attempts: u32,
    /// The call's duration.
    pub duration_ms: f64,
}

/// Resident set size at three moments, in KiB.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Rss {
    /// After the client was built, before any call.
    pub start: u64,
    /// When half the calls had ended.
    pub middle: u64,
    /// After the last call.
    pub end: u64,
}

/// What the driver writes.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// `rust`.
    pub client: &'static str,
    /// Memory.
    pub rss_kb: Rss,
    /// From the first call to the end of the last.
    pub wall_ms: f64,
    /// Calls that panicked.
    pub panics: u64,
    /// One per certificate, in the plan's order.
    pub results: Vec<CallResult>,
}

/// This process's resident set size in KiB (`VmRSS` in `/proc/self/status`; 0 if unreadable).
pub fn rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
