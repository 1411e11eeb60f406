//! Writes a translated `regionRegex` as the pattern the library matches in one pass
//! (`src/endpoint/region_pattern.rs`: `+` for `\w+`, `#` for `\d+`, `(a|b)` for a group, any
//! other byte for itself), after checking that one pass is exact: no option of a group is a
//! prefix of another, and what follows a `\w+` or `\d+` never starts with a byte the run could
//! take. Then the longest run and the one option that fits are what the regex matches, and no
//! backtracking is needed. Every `regionRegex` of today's data passes; one that does not fails
//! the build, saying why.

use super::region_regex::Piece;

const META: &[u8] = b"+#()|";

/// The one-pass pattern of `pieces` (translated from `regex`), or why one pass would not be exact.
pub fn encode(regex: &str, pieces: &[Piece]) -> Result<String, String> {
    let refuse = |why: String| format!("regionRegex {regex:?} cannot be matched in one pass: {why}");
    let mut pattern = String::new();
    for (index, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Literal(text) => pattern.push_str(literal(text).map_err(refuse)?),
            Piece::OneOf(options) => {
                for option in options {
                    literal(option).map_err(refuse)?;
                    if let Some(longer) = options.iter().find(|o| *o != option && o.starts_with(option.as_str())) {
                        return Err(refuse(format!("the option {option:?} is a prefix of {longer:?}")));
                    }
                }
                pattern.push_str(&format!("({})", options.join("|")));
            }
            Piece::Word | Piece::Digits => {
                let next = pieces.get(index + 1);
                if let Some(byte) = next.map(first_bytes).unwrap_or_default().into_iter().find(|b| in_run(piece, *b)) {
                    return Err(refuse(format!("{:?} after {piece:?} could be taken by the run", byte as char)));
                }
                pattern.push(if *piece == Piece::Word { '+' } else { '#' });
            }
        }
    }
    Ok(pattern)
}

/// Literal text, checked to be non-empty and free of the pattern's own bytes.
fn literal(text: &str) -> Result<&str, String> {
    if text.is_empty() || text.bytes().any(|b| META.contains(&b)) {
        return Err(format!("the literal {text:?} is empty or holds one of {:?}", "+#()|"));
    }
    Ok(text)
}

/// Every byte a piece can start with.
fn first_bytes(piece: &Piece) -> Vec<u8> {
    match piece {
        Piece::Literal(text) => text.bytes().take(1).collect(),
        Piece::OneOf(options) => options.iter().filter_map(|o| o.bytes().next()).collect(),
        Piece::Word | Piece::Digits => (0..=u8::MAX).filter(|b| in_run(piece, *b)).collect(),
    }
}

/// Whether a `\w+` or `\d+` run takes `byte` (ASCII classes, as the library matches them).
fn in_run(piece: &Piece, byte: u8) -> bool {
    match piece {
        Piece::Word => byte.is_ascii_alphanumeric() || byte == b'_',
        Piece::Digits => byte.is_ascii_digit(),
        _ => false,
    }
}
