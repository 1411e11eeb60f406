//! `iot-transfer`, the command-line tool for operators: `handover` (transfer a fleet of
//! certificates to another account), `accept` and `reject` (the target side) and `status` (what a
//! journal records). The core's batches do the work; this reads the command line, shows
//! progress and the summary, and says how it went in the exit status ([`Exit`]). The binary and
//! the Python wheel's console script both call [`run`].

mod args;
mod commands;
mod event_json;
mod exit;
mod input_file;
mod report;
mod signals;
mod view;

pub use exit::Exit;

use clap::Parser;
use std::ffi::OsString;

/// Runs the command line `args` (the program name first) and returns the exit status.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match args::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // `--help` and `--version` print to standard output and succeed.
            let _ = error.print();
            return if error.use_stderr() { Exit::Usage.code() } else { Exit::Success.code() };
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("iot-transfer: cannot start: {error}");
            return Exit::Failed.code();
        }
    };
    runtime.block_on(commands::run(cli)).code()
}
