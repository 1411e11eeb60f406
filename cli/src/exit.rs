//! The exit status: what a script branches on.

use iot_transfer::{Error, ErrorKind};

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Every certificate is where it was asked to go (or, for a plan, could go).
    Success,
    /// Some certificates were blocked, failed, or not reached: rerun with the journal once
    /// what stopped them is cleared.
    Partial,
    /// The command line, an input file, the configuration or the journal cannot be used; nothing
    /// was sent.
    Usage,
    /// The batch stopped on an error (the service or the network), or could not start.
    Failed,
    /// Stopped by Ctrl-C: the certificates in flight were finished; rerun with the journal.
    Interrupted,
}

impl Exit {
    /// The process exit code: 0, 1, 2, 3 and 130 (Ctrl-C, as shells report SIGINT).
    pub fn code(self) -> i32 {
        match self {
            Exit::Success => 0,
            Exit::Partial => 1,
            Exit::Usage => 2,
            Exit::Failed => 3,
            Exit::Interrupted => 130,
        }
    }

    /// The exit of a command that ended with `error`.
    pub fn of(error: &Error) -> Self {
        match error.kind() {
            ErrorKind::Validation(_)
            | ErrorKind::Journal
            | ErrorKind::Configuration
            | ErrorKind::Credentials
            | ErrorKind::Endpoint(_) => Exit::Usage,
            _ => Exit::Failed,
        }
    }
}
