//! The soak test's Rust driver: `soak-driver PLAN.json REPORT.json` transfers every certificate of
//! the plan once through the `iot-transfer` crate, `concurrency` calls in flight, with no retry of
//! its own, and writes what each call reported (see `scripts/test/soak.sh`).

mod plan;
mod report;

use iot_transfer::{Client, Config, Credentials, RetryConfig, TransferCertificateInput};
use plan::Plan;
use report::{rss_kb, CallResult, Report, Rss};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, plan_path, report_path] = args.as_slice() else {
        return Err("usage: soak-driver PLAN.json REPORT.json".into());
    };
    let plan: Plan = serde_json::from_slice(&std::fs::read(plan_path)?)?;
    let report = run(plan).await;
    std::fs::write(report_path, serde_json::to_vec_pretty(&report)?)?;
    Ok(())
}

fn client_for(plan: &Plan) -> Client {
    let retry = RetryConfig {
        max_attempts: plan.max_attempts,
        initial_backoff: Duration::from_millis(plan.retry_base_delay_ms),
        ..RetryConfig::default()
    };
    Client::new(
        Config::builder()
            .region(&plan.region)
            .endpoint_url(&plan.endpoint)
            .credentials(Credentials::new(&plan.access_key_id, &plan.secret_access_key, None, None))
            .retry(retry)
            .attempt_timeout(Duration::from_millis(plan.attempt_timeout_ms))
            .call_timeout(Duration::from_millis(plan.call_timeout_ms))
            .build(),
    )
}

async fn run(plan: Plan) -> Report {
    let client = client_for(&plan);
    let limit = Duration::from_millis(plan.call_timeout_ms + plan.hang_margin_ms);
    let permits = Arc::new(Semaphore::new(plan.concurrency.max(1)));
    let mut rss = Rss { start: rss_kb(), ..Rss::default() };
    let started = Instant::now();
    let mut calls = JoinSet::new();
    for (index, id) in plan.certificate_ids.iter().enumerate() {
        // The semaphore is never closed, so a permit always comes.
        let permit = permits.clone().acquire_owned().await.expect("the semaphore is open");
        let (client, id, target) = (client.clone(), id.clone(), plan.target_account.clone());
        calls.spawn(async move {
            let result = transfer(&client, id, target, limit).await;
            drop(permit);
            (index, result)
        });
    }
    let total = plan.certificate_ids.len();
    let mut results: Vec<Option<CallResult>> = vec![None; total];
    let mut panics = 0;
    let mut ended = 0;
    while let Some(joined) = calls.join_next().await {
        ended += 1;
        if ended == total / 2 {
            rss.middle = rss_kb();
        }
        match joined {
            Ok((index, result)) => results[index] = Some(result),
            Err(error) if error.is_panic() => panics += 1,
            Err(_) => {}
        }
    }
    let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
    rss.end = rss_kb();
    let results = results
        .into_iter()
        .zip(&plan.certificate_ids)
        .map(|(result, id)| result.unwrap_or_else(|| panicked(id)))
        .collect();
    Report { client: "rust", rss_kb: rss, wall_ms, panics, results }
}

/// One call, cut short at `limit` (the call timeout and a margin): past it, the call hung.
async fn transfer(client: &Client, id: String, target: String, limit: Duration) -> CallResult {
    let started = Instant::now();
    let outcome = tokio::time::timeout(limit, client.transfer_certificate(TransferCertificateInput::new(&id, target)));
    let outcome = outcome.await;
    let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut result = CallResult {
        certificate_id: id,
        outcome: "hung",
        arn: None,
        reconciled: false,
        kind: None,
        code: None,
        possibly_applied: false,
        attempts: 0,
        duration_ms,
    };
    match outcome {
        Err(_elapsed) => {}
        Ok(Ok(output)) => {
            result.outcome = "done";
            result.reconciled = output.metadata.reconciled;
            result.attempts = output.metadata.attempts;
            result.arn = Some(output.transferred_certificate_arn);
        }
        Ok(Err(error)) => {
            result.outcome = "failed";
            result.kind = Some(error.kind().name().to_owned());
            result.code = Some(error.code().to_owned());
            result.possibly_applied = error.possibly_applied();
            result.attempts = error.metadata().attempts;
        }
    }
    result
}

fn panicked(id: &str) -> CallResult {
    CallResult {
        certificate_id: id.to_owned(),
        outcome: "panicked",
        arn: None,
        reconciled: false,
        kind: None,
        code: None,
        possibly_applied: false,
        attempts: 0,
        duration_ms: 0.0,
    }
}
