//! The plan every soak driver reads (the same JSON for Rust, Node and Python): where the
//! endpoint is, which certificates to transfer to which account, and how the client is set up.

use serde::Deserialize;

/// One driver's work, written by `tests/soak/run.mjs`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// The emulator's URL.
    pub endpoint: String,
    /// Any region: the emulator does not separate resources by region.
    pub region: String,
    /// The source account's access key.
    pub access_key_id: String,
    /// The source account's secret key (a public emulator secret).
    pub secret_access_key: String,
    /// The account every certificate is offered to.
    pub target_account: String,
    /// The certificates to transfer, each once.
    pub certificate_ids: Vec<String>,
    /// Calls in flight at once.
    pub concurrency: usize,
    /// The client's per-attempt timeout.
    pub attempt_timeout_ms: u64,
    /// The client's whole-call timeout.
    pub call_timeout_ms: u64,
    /// The client's attempts per call (its own retries; the driver never retries).
    pub max_attempts: u32,
    /// The client's backoff base.
    pub retry_base_delay_ms: u64,
    /// How far past the call timeout the driver waits before it records a call as hung.
    pub hang_margin_ms: u64,
}
