//! Each command: its input from the command line, the client from the shared configuration, and
//! the batch driven to its end through the chosen view.

use crate::args::{Cli, Command, Global, Handover, Incoming, Output, Prepare};
use crate::view::{JsonView, TextView, View};
use crate::{input_file, report, signals, Exit};
use futures_util::StreamExt;
use iot_transfer::batch::{summarize, FileJournal};
use iot_transfer::shared_config::SharedConfigLoader;
use iot_transfer::{Batch, Client, Error, HandoverInput, IncomingTransfersInput};

/// Runs the command `cli` asks for.
pub async fn run(cli: Cli) -> Exit {
    let global = &cli.global;
    match cli.command {
        Command::Status(status) => match summarize(&FileJournal::new(&status.journal)).await {
            Ok(summary) => report::status(&summary, global.output),
            Err(error) => failed(&error),
        },
        Command::Handover(handover) => match handover_input(&handover) {
            Ok(input) => with_client(global, |client| client.handover(input)).await,
            Err(message) => usage(&message),
        },
        Command::Accept(incoming) => match incoming_input(&incoming) {
            Ok(input) => with_client(global, |client| client.accept_transfers(input)).await,
            Err(message) => usage(&message),
        },
        Command::Reject(incoming) => match incoming_input(&incoming) {
            Ok(input) => with_client(global, |client| client.reject_transfers(input)).await,
            Err(message) => usage(&message),
        },
    }
}

/// Sets the members every batch's input has from the command line's `BatchOptions`.
macro_rules! batch_options {
    ($input:ident, $options:expr) => {
        $input.max_concurrency = $options.concurrency;
        $input.requests_per_second = $options.rate;
        $input.max_failures = $options.max_failures.unwrap_or(0);
        $input.journal = $options.journal.as_ref().map(|path| path.to_string_lossy().into_owned());
    };
}

fn handover_input(args: &Handover) -> Result<HandoverInput, String> {
    let mut input = HandoverInput::new(input_file::certificates(&args.certificates)?, &args.to);
    input.transfer_message = args.message.clone();
    input.deactivate = args.prepare.contains(&Prepare::Deactivate);
    input.detach_policies = args.prepare.contains(&Prepare::DetachPolicies);
    input.plan_only = args.plan;
    batch_options!(input, args.batch);
    Ok(input)
}

/// The input of `accept` or `reject`; the core refuses an option of the other (`--reason` when
/// accepting, `--set-active` when rejecting) before anything is sent.
fn incoming_input(args: &Incoming) -> Result<IncomingTransfersInput, String> {
    let mut input = IncomingTransfersInput::all_offered();
    if let Some(path) = &args.certificates {
        input.certificates = input_file::certificates(path)?;
    }
    input.from_account = args.from.clone();
    input.set_as_active = args.set_active;
    input.reject_reason = args.reason.clone();
    input.plan_only = args.plan;
    batch_options!(input, args.batch);
    Ok(input)
}

/// The client the shared configuration and the global options make, running `start`'s batch.
async fn with_client(global: &Global, start: impl FnOnce(&Client) -> Batch) -> Exit {
    let mut loader = SharedConfigLoader::default();
    if let Some(region) = &global.region {
        loader = loader.region(region);
    }
    if let Some(profile) = &global.profile {
        loader = loader.profile_name(profile);
    }
    let mut builder = match loader.load().await {
        Ok(builder) => builder,
        Err(error) => return failed(&error),
    };
    if let Some(url) = &global.endpoint_url {
        builder = builder.endpoint_url(url);
    }
    let client = Client::new(builder.build());
    let batch = start(&client);
    match global.output {
        Output::Json => drive(batch, &mut JsonView).await,
        Output::Text => drive(batch, &mut TextView::new(!global.no_progress)).await,
    }
}

/// Runs `batch` to its end, showing each event in `view`.
async fn drive(mut batch: Batch, view: &mut dyn View) -> Exit {
    let interrupted = signals::on_ctrl_c(batch.stopper());
    let mut last = None;
    while let Some(event) = batch.next().await {
        match event {
            Ok(event) => {
                view.event(&event);
                last = Some(event.progress);
            }
            Err(error) => {
                view.abandon();
                return failed(&error);
            }
        }
    }
    view.finish(last.as_ref());
    match last {
        _ if interrupted.happened() => Exit::Interrupted,
        Some(progress) if progress.blocked + progress.failed + progress.remaining > 0 => Exit::Partial,
        _ => Exit::Success,
    }
}

fn failed(error: &Error) -> Exit {
    eprintln!("iot-transfer: {error}");
    if let Some(hint) = error.hint() {
        eprintln!("iot-transfer: {hint}");
    }
    Exit::of(error)
}

fn usage(message: &str) -> Exit {
    eprintln!("iot-transfer: {message}");
    Exit::Usage
}
