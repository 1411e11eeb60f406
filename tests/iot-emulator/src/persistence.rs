//! The optional state file: loaded at start, rewritten atomically (a temporary file beside it,
//! then a rename) after every change, so a crash never leaves half a file.

use crate::store::model::State;
use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// Reads the state file; a missing file is an empty state, an unreadable one an error.
pub fn load(path: &Path) -> Result<State, String> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map_err(|error| format!("state file {} is not valid: {error}", path.display())),
        Err(error) if error.kind() == ErrorKind::NotFound => Ok(State::default()),
        Err(error) => Err(format!("cannot read state file {}: {error}", path.display())),
    }
}

/// Writes the whole state to a temporary file in the same folder, flushes it to disk, then
/// renames it over the state file.
pub fn save_atomically(path: &Path, state: &State) -> Result<(), String> {
    let text = serde_json::to_vec_pretty(state).map_err(|error| format!("cannot encode the state: {error}"))?;
    let temporary = temporary_path(path);
    let write = || -> std::io::Result<()> {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(&text)?;
        file.write_all(b"\n")?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    };
    write().map_err(|error| {
        let _ = fs::remove_file(&temporary);
        format!("cannot save state file {}: {error}", path.display())
    })
}

/// `NAME.tmp-PID` beside the state file (same file system, so the rename is atomic).
fn temporary_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|name| name.to_os_string()).unwrap_or_else(|| "state".into());
    name.push(format!(".tmp-{}", std::process::id()));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::model::PolicyRecord;
    use std::collections::BTreeMap;

    #[test]
    fn round_trips_and_leaves_no_temporary_file() {
        let folder = std::env::temp_dir().join(format!("iot-emulator-persistence-{}", fastrand::u64(..)));
        fs::create_dir_all(&folder).unwrap();
        let path = folder.join("state.json");
        assert_eq!(load(&path).unwrap(), State::default());

        let mut state = State::default();
        let policy = PolicyRecord {
            policy_name: "p".into(),
            account: "111122223333".into(),
            region: "us-east-1".into(),
            policy_document: "{}".into(),
            policy_version_id: "1".into(),
            creation_millis: 1,
            attached_certificate_ids: Default::default(),
        };
        state.policies.insert("111122223333".into(), BTreeMap::from([("p".to_owned(), policy)]));
        save_atomically(&path, &state).unwrap();
        assert_eq!(load(&path).unwrap(), state);
        let names: Vec<_> = fs::read_dir(&folder).unwrap().map(|entry| entry.unwrap().file_name()).collect();
        assert_eq!(names, ["state.json"]);

        fs::write(&path, "not json").unwrap();
        assert!(load(&path).unwrap_err().contains("not valid"));
        fs::remove_dir_all(&folder).unwrap();
    }
}
