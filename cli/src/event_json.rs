//! Events and progress as the JSON lines `--output json` prints, with the model's member names.

use iot_transfer::{BatchEvent, BatchProgress, CertificateOutcome};
use serde_json::{json, Map, Value};

/// One certificate's line: its ID, outcome and what goes with it.
pub fn event(event: &BatchEvent) -> Value {
    let mut line = Map::new();
    line.insert("certificateId".into(), json!(event.certificate_id));
    line.insert("outcome".into(), json!(event.outcome.name()));
    match &event.outcome {
        CertificateOutcome::Transferred { certificate_arn, reconciled } => {
            line.insert("certificateArn".into(), json!(certificate_arn));
            line.insert("reconciled".into(), json!(reconciled));
        }
        CertificateOutcome::Accepted { reconciled } | CertificateOutcome::Rejected { reconciled } => {
            line.insert("reconciled".into(), json!(reconciled));
        }
        CertificateOutcome::Ready { steps } => {
            line.insert("steps".into(), json!(steps.iter().map(ToString::to_string).collect::<Vec<_>>()));
        }
        CertificateOutcome::Blocked { blockers } => {
            line.insert("blockers".into(), json!(blockers.iter().map(|b| b.describe()).collect::<Vec<_>>()));
        }
        CertificateOutcome::Failed { error, left_state } => {
            let error = json!({
                "kind": error.kind,
                "code": error.code,
                "message": error.message,
                "possiblyApplied": error.possibly_applied,
            });
            line.insert("error".into(), error);
            line.insert("leftState".into(), json!(left_state));
        }
        CertificateOutcome::Skipped { reason } => {
            line.insert("reason".into(), json!(reason));
        }
    }
    Value::Object(line)
}

/// The summary: the final counts, requests and time.
pub fn progress(last: Option<&BatchProgress>) -> Value {
    let Some(p) = last else { return json!({ "total": 0 }) };
    json!({
        "total": p.total,
        "done": p.done,
        "ready": p.ready,
        "blocked": p.blocked,
        "failed": p.failed,
        "skipped": p.skipped,
        "remaining": p.remaining,
        "requests": p.requests,
        "throttled": p.throttled,
        "elapsedSeconds": p.elapsed.as_secs_f64(),
        "requestsPerSecond": p.requests_per_second,
    })
}
