//! The project's local IoT endpoint for end-to-end tests, and what the shared-configuration tests
//! add around it: a child process that reads its own environment and loopback infrastructure (a
//! forward proxy, a TLS front).

#![allow(dead_code)] // Each test file uses its own part.

pub mod child;
pub mod proxy;
pub mod tls_front;

use iot_emulator::{Config as EmulatorConfig, Emulator};
use serde_json::Value;

/// The local endpoint's source account and its long-term keys.
pub const SOURCE_ACCOUNT: &str = "111122223333";
pub const SOURCE_KEY: &str = "AKIAEMULATORSOURCE";
pub const SOURCE_SECRET: &str = "emulator-source-secret";

/// The local endpoint with its demo certificates, and the ID of one the source account owns.
pub async fn emulator() -> (Emulator, String) {
    let config = EmulatorConfig { port: 0, seed_demo: true, ..EmulatorConfig::default() };
    let emulator = Emulator::start(config).await.expect("the emulator starts");
    let id = emulator.demo().expect("demo certificates").transferable.clone();
    (emulator, id)
}

/// A client of `emulator` signing with the account's `key` and `secret`, retrying after 5 ms.
pub fn emulator_client(emulator: &Emulator, key: &str, secret: &str) -> iot_transfer::Client {
    let config = iot_transfer::Config::builder()
        .region("us-east-1")
        .endpoint_url(emulator.url())
        .credentials(iot_transfer::Credentials::new(key, secret, None, None))
        .retry(iot_transfer::RetryConfig {
            initial_backoff: std::time::Duration::from_millis(5),
            ..iot_transfer::RetryConfig::default()
        });
    iot_transfer::Client::new(config.build())
}

/// A client of `emulator` for the source account (111122223333).
pub fn source(emulator: &Emulator) -> iot_transfer::Client {
    emulator_client(emulator, SOURCE_KEY, SOURCE_SECRET)
}

/// A client of `emulator` for the target account (444455556666).
pub fn target(emulator: &Emulator) -> iot_transfer::Client {
    emulator_client(emulator, "AKIAEMULATORTARGET", "emulator-target-secret")
}

/// Replaces the emulator's fault settings (the clock skew among them).
pub fn set_faults(emulator: &Emulator, faults: Value) {
    let settings = serde_json::from_value(faults).expect("fault settings");
    emulator.app().apply_faults(settings).expect("valid fault settings");
}

/// A fresh folder for one test's files (profiles, scripts, certificates).
pub fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("iot-transfer-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
