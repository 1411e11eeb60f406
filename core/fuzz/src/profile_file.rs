//! The shared `config` and `credentials` file parser, on any text.
//!
//! Input: the file's bytes, parsed both as a `config` file and as a `credentials` file. Invalid
//! UTF-8 is replaced, so the parser sees every input (the provider itself treats a file that is
//! not UTF-8 as absent; the `config_environment` target covers that).

use super::text::lossy;
use iot_transfer::credentials::parse_profiles;
use std::collections::BTreeMap;
use std::fmt::Write;

/// What the parser returns: settings by profile name.
type Profiles = BTreeMap<String, BTreeMap<String, String>>;

/// Inline-comment markers, which end a value.
const COMMENT_MARKERS: &[&str] = &[" #", "\t#", " ;", "\t;"];

/// Checks, for both kinds of file, that parsing never panics, is deterministic, and that
/// - every profile name is non-empty, without surrounding whitespace or `]`;
/// - every key is non-empty, lowercase ASCII-wise, without surrounding whitespace or `=`;
/// - every value has no surrounding whitespace, line break or inline comment;
/// - what it returns is a fixed point: written back out as a file, it parses to itself.
pub fn check(data: &[u8]) {
    let text = lossy(data);
    for is_config in [true, false] {
        let profiles = parse_profiles(&text, is_config);
        assert_eq!(profiles, parse_profiles(&text, is_config), "parsing is not deterministic");
        for (name, settings) in &profiles {
            check_name(name);
            for (key, value) in settings {
                check_setting(name, key, value);
            }
        }
        let written = write_out(&profiles, is_config);
        assert_eq!(parse_profiles(&written, is_config), profiles, "written out as {written:?}, it parses otherwise");
    }
}

fn check_name(name: &str) {
    assert!(!name.is_empty(), "a profile with an empty name");
    assert_eq!(name, name.trim(), "the profile name {name:?} keeps surrounding whitespace");
    assert!(!name.contains(']'), "the profile name {name:?} holds a ]");
}

fn check_setting(profile: &str, key: &str, value: &str) {
    assert!(!key.is_empty(), "an empty key in [{profile}]");
    assert_eq!(key, key.trim(), "the key {key:?} keeps surrounding whitespace");
    assert_eq!(key, key.to_ascii_lowercase(), "the key {key:?} is not lowercase");
    assert!(!key.contains('='), "the key {key:?} holds a =");
    assert_eq!(value, value.trim(), "the value of {key:?} keeps surrounding whitespace");
    assert!(!value.contains('\n'), "the value of {key:?} spans lines");
    assert!(!COMMENT_MARKERS.iter().any(|m| value.contains(m)), "the value of {key:?} keeps a comment: {value:?}");
}

/// The profiles as a file of the given kind: `[profile name]` (config) or `[name]` sections
/// with `key = value` lines.
fn write_out(profiles: &Profiles, is_config: bool) -> String {
    let mut file = String::new();
    for (name, settings) in profiles {
        let header = if is_config { format!("profile {name}") } else { name.clone() };
        writeln!(file, "[{header}]").expect("writing to a String cannot fail");
        for (key, value) in settings {
            writeln!(file, "{key} = {value}").expect("writing to a String cannot fail");
        }
    }
    file
}
