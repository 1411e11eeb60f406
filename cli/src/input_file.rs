//! The certificates file: one ID or ARN per line, `-` for standard input; blank lines and lines
//! starting with `#` are skipped. The core checks each value.

use std::io::Read;
use std::path::Path;

/// The certificates listed in `path`, or a message saying why it cannot be read.
pub fn certificates(path: &Path) -> Result<Vec<String>, String> {
    let mut text = String::new();
    if path == Path::new("-") {
        std::io::stdin().read_to_string(&mut text).map_err(|error| format!("standard input: {error}"))?;
    } else {
        text = std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))?;
    }
    let certificates: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect();
    if certificates.is_empty() {
        return Err(format!("{}: no certificate IDs in it", path.display()));
    }
    Ok(certificates)
}
