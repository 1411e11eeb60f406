//! The in-memory state behind one lock, saved to the state file (if any) after every change.

pub mod model;

use crate::persistence;
use model::State;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The emulator's resources. Operations run one at a time under the lock, so each one sees and
/// leaves a consistent state.
#[derive(Debug)]
pub struct Store {
    state: Mutex<State>,
    state_file: Option<PathBuf>,
}

impl Store {
    /// A store that lives in memory only.
    pub fn in_memory() -> Self {
        Self { state: Mutex::new(State::default()), state_file: None }
    }

    /// A store backed by `state_file`: loaded now (empty if the file does not exist yet) and
    /// saved after every change.
    pub fn with_state_file(state_file: PathBuf) -> Result<Self, String> {
        let state = persistence::load(&state_file)?;
        Ok(Self { state: Mutex::new(state), state_file: Some(state_file) })
    }

    /// Runs a read-only look at the state.
    pub fn read<T>(&self, look: impl FnOnce(&State) -> T) -> T {
        look(&self.lock())
    }

    /// Runs a change; when it succeeds the state is saved. A change must check everything before
    /// it modifies anything, so that an error leaves the state as it was.
    pub fn mutate<T, E>(&self, change: impl FnOnce(&mut State) -> Result<T, E>) -> Result<T, E> {
        let mut state = self.lock();
        let outcome = change(&mut state)?;
        self.save(&state);
        Ok(outcome)
    }

    /// Replaces the whole state (the admin reset) and saves it.
    pub fn replace(&self, new_state: State) {
        let mut state = self.lock();
        *state = new_state;
        self.save(&state);
    }

    /// A copy of the whole state.
    pub fn snapshot(&self) -> State {
        self.lock().clone()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave a half-made change visible to clients in a
        // way that matters to a test endpoint; keep serving.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn save(&self, state: &State) {
        if let Some(path) = &self.state_file {
            if let Err(message) = persistence::save_atomically(path, state) {
                eprintln!("iot-emulator: {message}");
            }
        }
    }
}
