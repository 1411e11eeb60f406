//! The command line, declared with clap: the commands, their options, and `--help` for each.
//! Credentials, region, profile and endpoint come from where the AWS CLI finds them, with the AWS
//! CLI's option names.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Hand fleets of AWS IoT certificates over between accounts: rate-limited, with progress, and
/// resumable from a journal. Credentials, region and endpoint come from where the AWS CLI finds
/// them (the environment, ~/.aws/config and ~/.aws/credentials, SSO, instance roles), or the
/// options below.
#[derive(Debug, Parser)]
#[command(name = "iot-transfer", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: Global,
}

/// The options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// Use this profile of ~/.aws/config and ~/.aws/credentials.
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// Use this region.
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// Send the calls to this endpoint instead of the region's.
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// How to print results: a table for people, or JSON lines for scripts (one per
    /// certificate, then the summary).
    #[arg(long, global = true, value_enum, default_value_t = Output::Text)]
    pub output: Output,
    /// Never draw a progress bar, even on a terminal.
    #[arg(long, global = true)]
    pub no_progress: bool,
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// A progress bar on a terminal (plain lines otherwise), then a summary table.
    Text,
    /// JSON lines on standard output: one per certificate as it finishes, then `{"summary": ...}`.
    Json,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Transfer certificates to another account: each is checked, prepared as allowed, then
    /// transferred. The target account then accepts them (`iot-transfer accept`).
    Handover(Handover),
    /// Accept the certificates offered to this account (all, or those listed or from one account).
    Accept(Incoming),
    /// Reject the certificates offered to this account (all, or those listed or from one account).
    Reject(Incoming),
    /// Show what a journal records: each outcome counted, and the certificates not done.
    Status(Status),
}

/// `iot-transfer handover`.
#[derive(Debug, Args)]
pub struct Handover {
    /// A file of certificate IDs or ARNs, one per line (`-` reads standard input; blank lines and
    /// lines starting with `#` are skipped).
    #[arg(long, value_name = "FILE")]
    pub certificates: PathBuf,
    /// The 12-digit account that receives the certificates.
    #[arg(long, value_name = "ACCOUNT")]
    pub to: String,
    /// A note for the receiving account (at most 128 characters).
    #[arg(long, value_name = "TEXT")]
    pub message: Option<String>,
    /// What may be changed before transferring: `deactivate` (set ACTIVE certificates INACTIVE:
    /// devices using them can no longer connect), `detach-policies`.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "STEPS")]
    pub prepare: Vec<Prepare>,
    /// Only check each certificate and say what would be done or what blocks it; change nothing.
    #[arg(long)]
    pub plan: bool,
    #[command(flatten)]
    pub batch: BatchOptions,
}

/// A step `handover` may take before a transfer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Prepare {
    /// Set ACTIVE certificates INACTIVE.
    Deactivate,
    /// Detach every attached policy.
    DetachPolicies,
}

/// `iot-transfer accept` and `iot-transfer reject`.
#[derive(Debug, Args)]
pub struct Incoming {
    /// Only the certificates offered by this 12-digit account.
    #[arg(long, value_name = "ACCOUNT")]
    pub from: Option<String>,
    /// Only the certificates in this file (IDs or ARNs, one per line; `-` reads standard input).
    #[arg(long, value_name = "FILE")]
    pub certificates: Option<PathBuf>,
    /// (accept) Make the certificates ACTIVE once accepted.
    #[arg(long)]
    pub set_active: bool,
    /// (reject) Why, for the source account (at most 128 characters).
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Only say what would be accepted or rejected; change nothing.
    #[arg(long)]
    pub plan: bool,
    #[command(flatten)]
    pub batch: BatchOptions,
}

/// What every batch takes.
#[derive(Debug, Args)]
pub struct BatchOptions {
    /// The journal file (JSON lines): every outcome is appended as it happens, and a rerun with
    /// the same file skips what is done and settles what was in flight.
    #[arg(long, value_name = "FILE")]
    pub journal: Option<PathBuf>,
    /// The most requests per second, all calls together (0: no limit of the tool's own); the
    /// tool slows down further when throttled.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub rate: u32,
    /// How many certificates are worked on at once (1 to 64).
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub concurrency: u32,
    /// Stop starting certificates once this many have failed (those in flight finish).
    #[arg(long, value_name = "N")]
    pub max_failures: Option<u32>,
}

/// `iot-transfer status`.
#[derive(Debug, Args)]
pub struct Status {
    /// The journal a batch wrote.
    #[arg(long, value_name = "FILE")]
    pub journal: PathBuf,
}
