//! How a running batch is shown. Text: a progress bar on a terminal (indicatif), plain progress
//! lines otherwise, each certificate that is blocked or fails named as it happens, then the
//! summary table. JSON: one line per certificate on standard output, then the summary.

use crate::{event_json, report};
use indicatif::{HumanDuration, ProgressBar, ProgressDrawTarget, ProgressStyle};
use iot_transfer::{BatchEvent, BatchProgress, CertificateOutcome};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// What shows a batch as it runs.
pub trait View {
    /// A certificate finished.
    fn event(&mut self, event: &BatchEvent);
    /// The batch ended; `last` is its final progress (none when it had no certificate).
    fn finish(&mut self, last: Option<&BatchProgress>);
    /// The batch stopped on an error, reported separately.
    fn abandon(&mut self) {}
}

/// How often a plain progress line is printed when standard error is not a terminal.
const PLAIN_EVERY: Duration = Duration::from_secs(2);

/// The view for people.
pub struct TextView {
    bar: Option<ProgressBar>,
    last_line: Option<Instant>,
}

impl TextView {
    /// A view with a progress bar when `progress` is allowed and standard error is a terminal.
    pub fn new(progress: bool) -> Self {
        let bar = (progress && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{bar:32} {pos}/{len} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Self { bar, last_line: None }
    }

    /// Prints `line` on standard error, above the bar if there is one.
    fn say(&self, line: String) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }
}

impl View for TextView {
    fn event(&mut self, event: &BatchEvent) {
        match &event.outcome {
            CertificateOutcome::Blocked { .. } | CertificateOutcome::Failed { .. } => {
                self.say(format!(
                    "{} {}: {}",
                    event.outcome.name().to_uppercase(),
                    event.certificate_id,
                    event.outcome.detail().unwrap_or_default()
                ));
            }
            _ => {}
        }
        let progress = &event.progress;
        match &self.bar {
            Some(bar) => {
                bar.set_length(u64::from(progress.total));
                bar.set_position(u64::from(progress.total - progress.remaining));
                bar.set_message(short(progress));
            }
            None => {
                if self.last_line.is_none_or(|at| at.elapsed() >= PLAIN_EVERY) || progress.remaining == 0 {
                    self.last_line = Some(Instant::now());
                    eprintln!("{}/{} {}", progress.total - progress.remaining, progress.total, short(progress));
                }
            }
        }
    }

    fn finish(&mut self, last: Option<&BatchProgress>) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        println!("{}", report::summary_table(last));
    }

    fn abandon(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.abandon();
        }
    }
}

/// The progress in a few words: counts, rate and time left.
fn short(progress: &BatchProgress) -> String {
    let left =
        progress.time_left.filter(|_| progress.remaining > 0).map(|left| format!(", {} left", HumanDuration(left)));
    format!(
        "done {}, blocked {}, failed {}, skipped {} · {:.1} req/s{}",
        progress.done + progress.ready,
        progress.blocked,
        progress.failed,
        progress.skipped,
        progress.requests_per_second,
        left.unwrap_or_default()
    )
}

/// The view for scripts.
#[derive(Debug, Default)]
pub struct JsonView;

impl View for JsonView {
    fn event(&mut self, event: &BatchEvent) {
        println!("{}", event_json::event(event));
    }

    fn finish(&mut self, last: Option<&BatchProgress>) {
        println!("{}", serde_json::json!({ "summary": event_json::progress(last) }));
    }
}
