//! Translates a partition's `regionRegex` into pieces (literal text, one of several texts, `\w+`,
//! `\d+`), which `pattern.rs` writes as the one-pass pattern the library matches
//! (`src/endpoint/region_pattern.rs`), so that no regex engine is compiled into the library.
//!
//! Supported: a regex anchored with `^` and `$` whose parts, in order, are literal text, a group
//! (capturing or not) of literal alternatives such as `(us|eu|ap)`, `\w+` and `\d+`. That covers
//! every `regionRegex` of the SDKs' partitions.json today (`^(us|eu|..)\-\w+\-\d+$`,
//! `^us\-iso\-\w+\-\d+$`, `^eusc\-(de)\-\w+\-\d+$`). Anything else is refused with the reason,
//! and the build fails: a new shape needs a look at the matcher, not a silent misreading.
//!
//! The regex is read without Unicode classes (`\w` is `[0-9A-Za-z_]`, `\d` is `[0-9]`), as the
//! Rust SDK's `regex-lite` reads it. Regions are checked to be lower-case ASCII host labels before
//! they are matched, and on ASCII text Python's Unicode `\w` and `\d` (botocore) mean the same.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// One part of a translated regex, in the order it must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// This exact text.
    Literal(String),
    /// One of these texts.
    OneOf(Vec<String>),
    /// `\w+`: one or more ASCII letters, digits or `_`.
    Word,
    /// `\d+`: one or more ASCII digits.
    Digits,
}

/// The pieces `regex` matches, in order, or why its shape is not supported.
pub fn translate(regex: &str) -> Result<Vec<Piece>, String> {
    let parse = |text: &str| {
        regex_syntax::ParserBuilder::new()
            .unicode(false)
            // Byte classes such as `[^-]` parse, so that they are refused for their shape.
            .utf8(false)
            .build()
            .parse(text)
            .map_err(|e| format!("the regex {text:?} does not parse: {e}"))
    };
    let hir = parse(regex)?;
    let word = parse(r"\w")?;
    let digit = parse(r"\d")?;
    let HirKind::Concat(parts) = hir.kind() else {
        return Err(unsupported(regex, "it is not a sequence of parts anchored with ^ and $"));
    };
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return Err(unsupported(regex, "it is empty"));
    };
    if first.kind() != &HirKind::Look(Look::Start) || last.kind() != &HirKind::Look(Look::End) {
        return Err(unsupported(regex, "it must start with ^ and end with $"));
    }
    parts[1..parts.len() - 1]
        .iter()
        .map(|part| piece(part, &word, &digit).map_err(|why| unsupported(regex, &why)))
        .collect()
}

fn piece(part: &Hir, word: &Hir, digit: &Hir) -> Result<Piece, String> {
    match part.kind() {
        HirKind::Literal(literal) => Ok(Piece::Literal(text(&literal.0)?)),
        HirKind::Capture(capture) => options(&capture.sub).map(Piece::OneOf),
        HirKind::Alternation(_) | HirKind::Class(_) => options(part).map(Piece::OneOf),
        HirKind::Repetition(repetition) => match (repetition.min, repetition.max) {
            (1, None) if repetition.sub.as_ref() == word => Ok(Piece::Word),
            (1, None) if repetition.sub.as_ref() == digit => Ok(Piece::Digits),
            _ => Err(format!("only \\w+ and \\d+ may repeat, not {part}")),
        },
        _ => Err(format!("{part} is not literal text, a group of literal alternatives, \\w+ or \\d+")),
    }
}

/// The texts a group (or a bare alternation or character class) may match: literals, and the
/// characters of small classes (the parser writes `(a|b)` as the class `[ab]`).
fn options(group: &Hir) -> Result<Vec<String>, String> {
    match group.kind() {
        HirKind::Literal(literal) => Ok(vec![text(&literal.0)?]),
        HirKind::Class(class) => class_characters(class).ok_or_else(|| format!("the class {group} is too large")),
        HirKind::Alternation(members) => {
            let mut all = Vec::new();
            for member in members {
                match member.kind() {
                    HirKind::Literal(_) | HirKind::Class(_) => all.extend(options(member)?),
                    _ => return Err(format!("the alternative {member} is not literal text")),
                }
            }
            Ok(all)
        }
        _ => Err(format!("the group {group} is not literal text or literal alternatives")),
    }
}

/// Every character of a class of at most 64, as texts.
fn class_characters(class: &Class) -> Option<Vec<String>> {
    let characters: Vec<char> = match class {
        Class::Unicode(class) => class.iter().flat_map(|range| range.start()..=range.end()).take(65).collect(),
        Class::Bytes(class) => {
            class.iter().flat_map(|range| range.start()..=range.end()).take(65).map(char::from).collect()
        }
    };
    (characters.len() <= 64).then(|| characters.iter().map(char::to_string).collect())
}

fn text(bytes: &[u8]) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|_| "a literal is not UTF-8".to_owned())
}

fn unsupported(regex: &str, why: &str) -> String {
    format!(
        "regionRegex {regex:?} is not of a supported shape ({why}). core/build/region_regex.rs \
         translates only ^...$ sequences of literal text, groups of literal alternatives, \\w+ and \
         \\d+; extend it, core/build/pattern.rs and src/endpoint/region_pattern.rs for the new shape"
    )
}
