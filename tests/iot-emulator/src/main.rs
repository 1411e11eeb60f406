//! `iot-emulator`: runs the local IoT endpoint until interrupted. The first line on standard
//! output is the URL it listens on; with `--seed-demo`, the demo certificates' IDs follow.

use iot_emulator::cli::{parse_args, Command, USAGE};
use iot_emulator::Emulator;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(config)) => *config,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("iot-emulator: {message}");
            return ExitCode::from(2);
        }
    };
    let emulator = match Emulator::start(config).await {
        Ok(emulator) => emulator,
        Err(message) => {
            eprintln!("iot-emulator: {message}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", emulator.url());
    if let Some(demo) = emulator.demo() {
        println!("demo-certificate transferable {}", demo.transferable);
        println!("demo-certificate active {}", demo.active);
        println!("demo-certificate with-policy {}", demo.with_policy);
    }
    for account in emulator.app().accounts.all() {
        eprintln!("iot-emulator: account {} signs with access key {}", account.account_id, account.access_key_id);
    }
    eprintln!("iot-emulator: listening on {} (Ctrl-C stops)", emulator.url());
    match tokio::signal::ctrl_c().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("iot-emulator: cannot wait for Ctrl-C: {error}");
            ExitCode::FAILURE
        }
    }
}
