//! Cancelling a JavaScript transport's request when its attempt is dropped: by the attempt or
//! call timeout, or by the caller giving up. The transport sees the `AbortSignal` fire and closes
//! the connection, so nothing of the abandoned attempt is left running when a retry is sent.

use iot_transfer::runtime::{TransportError, TransportErrorKind};
use web_sys::{AbortController, AbortSignal};

/// Aborts its controller when dropped, unless disarmed once the exchange has settled.
pub(super) struct AbortOnDrop {
    controller: AbortController,
    armed: bool,
}

impl AbortOnDrop {
    /// A fresh `AbortController` for one request.
    pub(super) fn new() -> Result<Self, TransportError> {
        let controller = AbortController::new()
            .map_err(|_| TransportError::new(TransportErrorKind::Request, "AbortController is not available"))?;
        Ok(Self { controller, armed: true })
    }

    /// The signal handed to the transport.
    pub(super) fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// The exchange settled: there is nothing left to abort.
    pub(super) fn disarm(mut self) {
        self.armed = false;
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if self.armed {
            self.controller.abort();
        }
    }
}
