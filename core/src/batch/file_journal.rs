//! The journal as a file: opened for appending only (never truncated), each line written with
//! one `write` call and handed to the operating system before the batch goes on, so a process
//! killed at any moment leaves every line it recorded.

use super::journal::JournalStore;
use crate::runtime::BoxFuture;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

/// A journal kept in a file (JSON lines), created if missing.
#[derive(Debug)]
pub struct FileJournal {
    path: PathBuf,
    /// Opened for appending on the first write.
    file: Mutex<Option<File>>,
}

impl FileJournal {
    /// The journal in the file at `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into(), file: Mutex::new(None) }
    }

    fn read(&self) -> Result<Vec<String>, String> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(format!("{}: {error}", self.path.display())),
        };
        if !text.is_empty() && !text.ends_with('\n') {
            return Err(format!(
                "{}: its last line is incomplete (the machine stopped while writing it?); the journal was not \
                 changed: remove that part line, and the certificate it named will be settled from its state",
                self.path.display()
            ));
        }
        Ok(text.lines().map(str::to_owned).collect())
    }

    fn append(&self, mut line: String) -> Result<(), String> {
        let mut file = self.file.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if file.is_none() {
            let opened = OpenOptions::new().append(true).create(true).open(&self.path);
            *file = Some(opened.map_err(|error| format!("{}: {error}", self.path.display()))?);
        }
        line.push('\n');
        // `file` was set just above when it was empty.
        let Some(file) = file.as_mut() else { unreachable!("the journal file was opened above") };
        file.write_all(line.as_bytes()).map_err(|error| format!("{}: {error}", self.path.display()))
    }
}

impl JournalStore for FileJournal {
    fn read_lines(&self) -> BoxFuture<'_, Result<Vec<String>, String>> {
        let lines = self.read();
        Box::pin(async move { lines })
    }

    fn append_line(&self, line: String) -> BoxFuture<'_, Result<(), String>> {
        let written = self.append(line);
        Box::pin(async move { written })
    }
}
