//! Runs the configuration loader in a child process of the test binary, with exactly the
//! environment a test gives it: `aws-config` reads the real process environment and files, as it
//! does for a user, and tests running in parallel cannot see each other's variables.
//!
//! The child is the test named [`CHILD_TEST`] in the same binary (`child_process_entry`, below):
//! it does nothing unless [`SCENARIO_VAR`] is set, and then loads the configuration, optionally
//! describes a certificate, and prints one JSON line after [`RESULT_PREFIX`].

use serde_json::{json, Value};
use std::process::Command;

/// The child's entry point: the full name of the test below, run with `--exact`.
pub const CHILD_TEST: &str = "loopback::child::child_process_entry";
/// Set in the child's environment: the certificate to describe, or `-` to make no call.
pub const SCENARIO_VAR: &str = "IOT_TRANSFER_TEST_DESCRIBE";
const RESULT_PREFIX: &str = "CHILD-RESULT:";

/// Runs the child with `vars` as its whole environment (plus `PATH`, and `HOME` unless given);
/// IMDS is switched off unless the test sets `AWS_EC2_METADATA_DISABLED` or its endpoint.
pub fn run(describe: Option<&str>, vars: &[(&str, &str)]) -> Value {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command.args([CHILD_TEST, "--exact", "--nocapture", "--test-threads=1"]).env_clear();
    command.env("PATH", std::env::var("PATH").unwrap_or_default());
    command.env("HOME", "/nonexistent-home");
    if !vars.iter().any(|(name, _)| name.starts_with("AWS_EC2_METADATA")) {
        command.env("AWS_EC2_METADATA_DISABLED", "true");
    }
    command.env(SCENARIO_VAR, describe.unwrap_or("-"));
    for (name, value) in vars {
        command.env(name, value);
    }
    let output = command.output().expect("the test binary runs again as a child");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line =
        stdout.lines().find_map(|line| line.split_once(RESULT_PREFIX).map(|(_, json)| json)).unwrap_or_else(|| {
            panic!("the child printed no result:\n{stdout}\n{}", String::from_utf8_lossy(&output.stderr))
        });
    serde_json::from_str(line).unwrap()
}

/// The child process's entry point; a no-op in the parent.
#[test]
fn child_process_entry() {
    child_entry();
}

/// The child's work, if this process is a child: load the configuration, report it, describe the
/// certificate, report the outcome.
fn child_entry() {
    let Ok(describe) = std::env::var(SCENARIO_VAR) else { return };
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let report = runtime.block_on(async move {
        let config = match iot_transfer::Config::load_from_env().await {
            Ok(builder) => builder.build(),
            Err(error) => return json!({"load_error": {"kind": error.kind().name(), "message": error.message()}}),
        };
        let endpoint = config.endpoint().clone();
        let mut report = json!({
            "region": endpoint.region,
            "endpoint_url": endpoint.endpoint_url,
            "use_fips": endpoint.use_fips,
            "use_dual_stack": endpoint.use_dual_stack,
            "max_attempts": config.retry().max_attempts,
            "retry_mode": format!("{:?}", config.retry().mode),
            "connect_timeout_ms": config.timeouts().connect.as_millis() as u64,
        });
        if describe != "-" {
            let client = iot_transfer::Client::new(config);
            let outcome = client.describe_certificate(iot_transfer::DescribeCertificateInput::new(&describe)).await;
            report["call"] = match outcome {
                Ok(output) => json!({"ok": true, "owned_by": output.certificate_description.owned_by}),
                Err(error) => json!({"ok": false, "kind": format!("{:?}", error.kind()), "message": error.to_string()}),
            };
        }
        report
    });
    println!("{RESULT_PREFIX}{report}");
}
