//! Many clients at once: every call is answered and the state stays consistent.

use crate::support;

use support::{admin, source, target, Client};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_creates_and_transfers_all_land() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let mut tasks = Vec::new();
    for _ in 0..24 {
        let source = source.clone();
        tasks.push(tokio::spawn(async move {
            let (id, _) = source.create_certificate(false).await;
            source.transfer(&id, "444455556666", None).await.assert_ok();
            id
        }));
    }
    let mut ids = Vec::new();
    for task in tasks {
        ids.push(task.await.unwrap());
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 24);
    let outgoing = source.call("GET", "/certificates-out-going?pageSize=250", None).await.json();
    assert_eq!(outgoing["outgoingCertificates"].as_array().unwrap().len(), 24);
    let counts = admin(source.addr, "GET", "state", None).await["requestCounts"].clone();
    assert_eq!(counts["CreateKeysAndCertificate"], 24);
    assert_eq!(counts["TransferCertificate"], 24);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_answers_to_one_transfer_have_one_winner() {
    let emulator = support::start().await;
    let source = Client::new(&emulator, source());
    let target = Client::new(&emulator, target());
    let (id, _) = source.create_certificate(false).await;
    source.transfer(&id, "444455556666", None).await.assert_ok();
    let mut tasks = Vec::new();
    for attempt in 0..12 {
        let (source, target, id) = (source.clone(), target.clone(), id.clone());
        tasks.push(tokio::spawn(async move {
            match attempt % 3 {
                0 => target.accept(&id, false).await,
                1 => target.reject(&id, None).await,
                _ => source.cancel(&id).await,
            }
        }));
    }
    let mut successes = 0;
    for task in tasks {
        let reply = task.await.unwrap();
        if reply.status == 200 {
            successes += 1;
        } else {
            reply.assert_error(410, "TransferAlreadyCompletedException");
        }
    }
    assert_eq!(successes, 1);
}
