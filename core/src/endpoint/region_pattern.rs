//! A partition's `regionRegex`, as the build script translated it (`core/build/region_regex.rs`):
//! a sequence of pieces matched in order, so that no regex engine ships in the library.

/// One part of a translated `regionRegex`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece {
    /// This exact text.
    Literal(&'static str),
    /// One of these texts (a group such as `(us|eu|ap)`).
    OneOf(&'static [&'static str]),
    /// `\w+`: one or more ASCII letters, digits or `_`.
    Word,
    /// `\d+`: one or more ASCII digits.
    Digits,
}

/// Whether the whole of `text` matches `pieces` (the regex is anchored with `^` and `$`).
///
/// `\w` and `\d` are ASCII here, as the Rust SDK's `regex-lite` reads them; regions are checked to
/// be lower-case ASCII host labels before they are matched, and on ASCII Python's Unicode classes
/// (botocore) agree.
pub(crate) fn matches(pieces: &[Piece], text: &str) -> bool {
    let Some((piece, rest)) = pieces.split_first() else { return text.is_empty() };
    let after = |prefix: &str| text.strip_prefix(prefix).is_some_and(|tail| matches(rest, tail));
    let run = |class: fn(u8) -> bool| {
        let longest = text.bytes().take_while(|b| class(*b)).count();
        // Every length from the longest down, as a backtracking regex engine would try them; the
        // run is ASCII, so every length ends on a character boundary.
        (1..=longest).rev().any(|length| matches(rest, &text[length..]))
    };
    match piece {
        Piece::Literal(literal) => after(literal),
        Piece::OneOf(options) => options.iter().any(|option| after(option)),
        Piece::Word => run(|b| b.is_ascii_alphanumeric() || b == b'_'),
        Piece::Digits => run(|b| b.is_ascii_digit()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `^(us|eu)\-\w+\-\d+$`
    const AWS_LIKE: &[Piece] =
        &[Piece::OneOf(&["us", "eu"]), Piece::Literal("-"), Piece::Word, Piece::Literal("-"), Piece::Digits];

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
    fn backtracks_where_a_class_could_take_what_follows() {
        // `^\w+\d+$`: the word run must give its last digits back.
        assert!(matches(&[Piece::Word, Piece::Digits], "abc123"));
        assert!(!matches(&[Piece::Word, Piece::Digits], "abc"));
        // `^(a|ab)c$`: the first option that fits is not the one that matches.
        assert!(matches(&[Piece::OneOf(&["a", "ab"]), Piece::Literal("c")], "abc"));
    }
}
