//! The tables: a batch's summary, and what a journal records (`status`).

use crate::args::Output;
use crate::Exit;
use comfy_table::Table;
use indicatif::HumanDuration;
use iot_transfer::batch::JournalSummary;
use iot_transfer::BatchProgress;
use serde_json::json;

/// The summary of a batch that ended with `last`.
pub fn summary_table(last: Option<&BatchProgress>) -> Table {
    let mut table = Table::new();
    table.set_header(["certificates", "count"]);
    let Some(p) = last else {
        table.add_row(["none to work on", "0"]);
        return table;
    };
    for (name, count) in [
        ("done", p.done),
        ("ready (plan)", p.ready),
        ("blocked", p.blocked),
        ("failed", p.failed),
        ("skipped (already done)", p.skipped),
        ("not reached", p.remaining),
    ] {
        if count > 0 || name == "done" {
            table.add_row([name.to_owned(), count.to_string()]);
        }
    }
    table.add_row(["total".to_owned(), p.total.to_string()]);
    table.add_row(["requests (throttled)".to_owned(), format!("{} ({})", p.requests, p.throttled)]);
    table.add_row(["time".to_owned(), format!("{} at {:.1} req/s", HumanDuration(p.elapsed), p.requests_per_second)]);
    table
}

/// Prints what a journal records; the exit says whether every certificate is done.
pub fn status(summary: &JournalSummary, output: Output) -> Exit {
    let exit = if summary.unfinished.is_empty() { Exit::Success } else { Exit::Partial };
    if output == Output::Json {
        let unfinished: Vec<_> = summary
            .unfinished
            .iter()
            .map(|c| json!({ "certificateId": c.certificate_id, "outcome": c.outcome, "detail": c.detail }))
            .collect();
        let value = json!({
            "batch": summary.batch,
            "targetAwsAccount": summary.target_aws_account,
            "certificates": summary.certificates,
            "outcomes": summary.outcomes,
            "unfinished": unfinished,
        });
        println!("{value}");
        return exit;
    }
    let to = summary.target_aws_account.as_deref().map(|account| format!(" to {account}")).unwrap_or_default();
    println!("{}{to}: {} certificates", summary.batch, summary.certificates);
    let mut table = Table::new();
    table.set_header(["latest outcome", "certificates"]);
    for (outcome, count) in &summary.outcomes {
        table.add_row([outcome.clone(), count.to_string()]);
    }
    println!("{table}");
    for certificate in &summary.unfinished {
        let detail = certificate.detail.as_deref().map(|d| format!(": {d}")).unwrap_or_default();
        println!("{} {}{detail}", certificate.outcome, certificate.certificate_id);
    }
    exit
}
