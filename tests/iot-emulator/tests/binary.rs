//! The `iot-emulator` binary: the URL on the first line, the demo certificates after it.

use crate::support;

use iot_emulator::accounts::{default_accounts, DEFAULT_TARGET_ACCOUNT};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use support::Client;

struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn prints_its_url_then_the_demo_certificates_in_their_states() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iot-emulator"))
        .args(["--port", "0", "--seed-demo"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let _running = Running(child);
    let mut lines = BufReader::new(stdout).lines();
    let url = lines.next().unwrap().unwrap();
    let addr = url.strip_prefix("http://127.0.0.1:").map(|port| format!("127.0.0.1:{port}")).unwrap();
    let mut demo = std::collections::BTreeMap::new();
    for _ in 0..3 {
        let line = lines.next().unwrap().unwrap();
        let fields: Vec<&str> = line.split(' ').collect();
        assert_eq!(fields[0], "demo-certificate", "{line}");
        demo.insert(fields[1].to_owned(), fields[2].to_owned());
    }

    let source =
        Client { addr: addr.parse().unwrap(), account: default_accounts()[0].clone(), clock_offset_seconds: 0 };
    source.transfer(&demo["active"], DEFAULT_TARGET_ACCOUNT, None).await.assert_error(406, "CertificateStateException");
    source
        .transfer(&demo["with-policy"], DEFAULT_TARGET_ACCOUNT, None)
        .await
        .assert_error(409, "TransferConflictException");
    source.transfer(&demo["transferable"], DEFAULT_TARGET_ACCOUNT, None).await.assert_ok();
}

#[test]
fn refuses_unknown_flags() {
    let output = Command::new(env!("CARGO_BIN_EXE_iot-emulator")).arg("--bogus").arg("1").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown flag --bogus"));
}

#[tokio::test]
async fn the_rate_limit_flag_throttles_calls_over_the_quota() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iot-emulator"))
        .args(["--port", "0", "--rate-limit", "0.001:2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let _running = Running(child);
    let url = BufReader::new(stdout).lines().next().unwrap().unwrap();
    let addr = url.strip_prefix("http://").unwrap().parse().unwrap();
    let source = Client { addr, account: default_accounts()[0].clone(), clock_offset_seconds: 0 };
    source.call("GET", "/certificates", None).await.assert_ok();
    source.call("GET", "/certificates", None).await.assert_ok();
    source.call("GET", "/certificates", None).await.assert_error(400, "ThrottlingException");
    let limit = support::admin(addr, "GET", "rate-limit", None).await;
    assert_eq!(limit["settings"], serde_json::json!({ "requestsPerSecond": 0.001, "burst": 2 }));
}
