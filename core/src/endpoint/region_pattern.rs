//! A partition's `regionRegex`, as the build script translated it (`core/build/pattern.rs`):
//! a short pattern matched in one pass, so that no regex engine ships in the library.
//!
//! The pattern is anchored at both ends and reads, byte by byte: `+` is `\w+` (one or more of
//! `[0-9A-Za-z_]`), `#` is `\d+` (one or more ASCII digits), `(us|eu|ap)` is one of the options,
//! and any other byte is itself; `^(us|eu)\-\w+\-\d+$` is `(us|eu)-+-#`. The build only writes
//! patterns that need no backtracking (no option is a prefix of another; what follows a `+` or `#`
//! never starts with a byte the run could take), so taking the longest run and the one option
//! that fits is exactly what the regex matches.
//!
//! `\w` and `\d` are ASCII, as the Rust SDK's `regex-lite` reads them; regions are checked to be
//! lower-case ASCII host labels before they are matched, and on ASCII Python's Unicode classes
//! (botocore) agree.

/// Whether the whole of `text` matches `pattern`.
pub(crate) fn matches(pattern: &str, text: &str) -> bool {
    let (mut pattern, mut text) = (pattern.as_bytes(), text.as_bytes());
    while let Some((&byte, rest)) = pattern.split_first() {
        pattern = rest;
        let taken = match byte {
            b'+' => text.iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count(),
            b'#' => text.iter().take_while(|b| b.is_ascii_digit()).count(),
            b'(' => {
                let end = pattern.iter().position(|b| *b == b')').unwrap_or(pattern.len());
                let options = &pattern[..end];
                pattern = pattern.get(end + 1..).unwrap_or_default();
                options.split(|b| *b == b'|').find(|option| text.starts_with(option)).map_or(0, <[u8]>::len)
            }
            _ => usize::from(text.first() == Some(&byte)),
        };
        if taken == 0 {
            return false;
        }
        text = &text[taken..];
    }
    text.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `^(us|eu)\-\w+\-\d+$`
    const AWS_LIKE: &str = "(us|eu)-+-#";

    #[test]
    fn matches_whole_regions_only() {
        for region in ["us-east-1", "eu-west-22", "us-a_b-0"] {
            assert!(matches(AWS_LIKE, region), "{region}");
        }
        for region in
            ["", "us", "us-east", "us-east-", "us-east-1a", "xus-east-1", "us-iso-east-1", "us--1", "ap-east-1"]
        {
            assert!(!matches(AWS_LIKE, region), "{region}");
        }
    }

    #[test]
    fn literals_groups_and_runs() {
        assert!(matches("eusc-(de)-+-#", "eusc-de-east-1"));
        assert!(!matches("eusc-(de)-+-#", "eusc-fr-east-1"));
        assert!(matches("us-iso-+-#", "us-iso-east-1"));
        assert!(!matches("us-iso-+-#", "us-isob-east-1"));
        assert!(matches("#", "0123") && !matches("#", "12a"));
        assert!(matches("", "") && !matches("", "a"));
    }
}
