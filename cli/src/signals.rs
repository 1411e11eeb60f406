//! Ctrl-C: the first stops the batch (no new certificate; those in flight finish and are
//! recorded), the second ends the process at once (the journal settles what was in flight).

use iot_transfer::Cancellation;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Whether Ctrl-C stopped the batch.
#[derive(Debug, Clone, Default)]
pub struct Interrupted(Arc<AtomicBool>);

impl Interrupted {
    /// Whether Ctrl-C was pressed.
    pub fn happened(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }
}

/// Listens for Ctrl-C for the batch `stopper` stops.
pub fn on_ctrl_c(stopper: Cancellation) -> Interrupted {
    let interrupted = Interrupted::default();
    let flag = interrupted.0.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_err() {
            return;
        }
        flag.store(true, Ordering::Release);
        stopper.cancel();
        eprintln!("\niot-transfer: stopping: the certificates in flight finish first (Ctrl-C again to quit at once)");
        if tokio::signal::ctrl_c().await.is_ok() {
            std::process::exit(crate::Exit::Interrupted.code());
        }
    });
    interrupted
}
