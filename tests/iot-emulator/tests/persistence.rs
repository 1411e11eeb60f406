//! The state file: every change is saved, and a restarted emulator picks up where it stopped.

use crate::support;

use std::path::PathBuf;
use support::{source, target, Client};

fn temporary_folder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("iot-emulator-{name}-{}-{}", std::process::id(), fastrand::u64(..)));
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

#[tokio::test]
async fn a_restarted_emulator_keeps_certificates_policies_and_transfers() {
    let folder = temporary_folder("persistence");
    let state_file = folder.join("state.json");
    let (id, arn) = {
        let emulator = support::start_with(|config| config.state_file = Some(state_file.clone())).await;
        let source = Client::new(&emulator, source());
        let (id, arn) = source.create_certificate(false).await;
        let (other, other_arn) = source.create_certificate(false).await;
        source.create_policy("kept").await.assert_ok();
        source.attach_policy("kept", &other_arn).await.assert_ok();
        source.transfer(&id, "444455556666", Some("saved")).await.assert_ok();
        assert!(state_file.is_file());
        let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&state_file).unwrap()).unwrap();
        assert_eq!(saved["certificates"][&id]["status"], "PENDING_TRANSFER");
        assert_eq!(saved["certificates"][&other]["status"], "INACTIVE");
        (id, arn)
    };

    let emulator = support::start_with(|config| config.state_file = Some(state_file.clone())).await;
    let source = Client::new(&emulator, source());
    let target = Client::new(&emulator, target());
    let description = source.description(&id).await;
    assert_eq!(description["status"], "PENDING_TRANSFER");
    assert_eq!(description["transferData"]["transferMessage"], "saved");
    assert_eq!(description["certificateArn"], arn.as_str());
    source.create_policy("kept").await.assert_error(409, "ResourceAlreadyExistsException");
    target.accept(&id, false).await.assert_ok();
    drop(emulator);

    let emulator = support::start_with(|config| config.state_file = Some(state_file.clone())).await;
    let target = Client::new(&emulator, target.account.clone());
    assert_eq!(target.description(&id).await["ownedBy"], "444455556666");
    let leftovers: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|entry| entry.unwrap().file_name()).collect();
    assert_eq!(leftovers, ["state.json"], "no temporary file is left behind");
    std::fs::remove_dir_all(&folder).unwrap();
}

#[tokio::test]
async fn an_unreadable_state_file_stops_the_start() {
    let folder = temporary_folder("bad-state");
    let state_file = folder.join("state.json");
    std::fs::write(&state_file, "{ not json").unwrap();
    let mut config = iot_emulator::Config { port: 0, state_file: Some(state_file), ..Default::default() };
    config.accounts = vec![source()];
    let error = iot_emulator::Emulator::start(config).await.unwrap_err();
    assert!(error.contains("not valid"), "{error}");
    std::fs::remove_dir_all(&folder).unwrap();
}
