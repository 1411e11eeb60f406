//! The little JSON this protocol needs: writing one string, and reading the string members of
//! a top-level object. A strict RFC 8259 reader, written here so that the WebAssembly package
//! does not carry a general JSON library; the tests hold it to `serde_json`.

/// Nesting deeper than this is rejected rather than risking the stack.
const MAX_DEPTH: usize = 128;

/// `value` as a JSON string literal, escaped as `serde_json` writes it.
pub(crate) fn string_literal(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The string members of an object, in order, each name once (the last one wins for a repeated
/// name, as in `serde_json`); members of other types are left out.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Members(Vec<(String, String)>);

impl Members {
    /// The string value of member `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&String> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    fn set(&mut self, name: String, value: Option<String>) {
        self.0.retain(|(n, _)| *n != name);
        if let Some(value) = value {
            self.0.push((name, value));
        }
    }
}

/// A parsed document's top level.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TopLevel {
    /// An object's string members.
    Object(Members),
    /// Any other valid JSON value.
    Other,
}

/// Parses a whole JSON document; `Err` says where it is malformed.
pub(crate) fn parse(input: &[u8]) -> Result<TopLevel, String> {
    let text = std::str::from_utf8(input).map_err(|_| "the body is not UTF-8".to_owned())?;
    let mut reader = Reader { bytes: text.as_bytes(), at: 0 };
    reader.skip_whitespace();
    let top = if reader.peek() == Some(b'{') {
        TopLevel::Object(reader.object(0)?)
    } else {
        reader.value(0)?;
        TopLevel::Other
    };
    reader.skip_whitespace();
    if reader.at != reader.bytes.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(top)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn error(&self, what: &str) -> String {
        format!("{what} at byte {}", self.at)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected `{}`", byte as char)))
        }
    }

    /// Any value; strings are returned, other values only checked.
    fn value(&mut self, depth: usize) -> Result<Option<String>, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nesting too deep"));
        }
        match self.peek() {
            Some(b'{') => self.object(depth).map(|_| None),
            Some(b'[') => self.array(depth).map(|_| None),
            Some(b'"') => self.string().map(Some),
            Some(b't') => self.literal("true").map(|_| None),
            Some(b'f') => self.literal("false").map(|_| None),
            Some(b'n') => self.literal("null").map(|_| None),
            Some(b'-' | b'0'..=b'9') => self.number().map(|_| None),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("unexpected end")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Members, String> {
        self.expect(b'{')?;
        let mut members = Members::default();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(members);
        }
        loop {
            self.skip_whitespace();
            let name = self.string()?;
            self.skip_whitespace();
            self.expect(b':')?;
            self.skip_whitespace();
            let value = self.value(depth + 1)?;
            members.set(name, value);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(members);
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<(), String> {
        self.expect(b'[')?;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.skip_whitespace();
            self.value(depth + 1)?;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<(), String> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        Ok(())
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect(b'"')?;
        let mut out = String::new();
        loop {
            let start = self.at;
            while !matches!(self.peek(), Some(b'"' | b'\\' | 0..=0x1f) | None) {
                self.at += 1;
            }
            // The input is valid UTF-8 and the run stops at an ASCII byte, so this is whole characters.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| self.error("invalid UTF-8"))?);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error("control character in string")),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), String> {
        let byte = self.peek().ok_or_else(|| self.error("unterminated string"))?;
        self.at += 1;
        let c = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.error("invalid escape")),
        };
        out.push(c);
        Ok(())
    }

    fn unicode_escape(&mut self) -> Result<char, String> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !(self.peek() == Some(b'\\') && self.bytes.get(self.at + 1) == Some(&b'u')) {
                    return Err(self.error("lone leading surrogate"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("invalid trailing surrogate"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone trailing surrogate")),
            other => other,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode escape"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or_else(|| self.error("short unicode escape"))?;
        let mut value = 0;
        for &digit in digits {
            value = value * 16 + (digit as char).to_digit(16).ok_or_else(|| self.error("invalid unicode escape"))?;
        }
        self.at += 4;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn object(input: &str) -> BTreeMap<String, String> {
        match parse(input.as_bytes()).unwrap() {
            TopLevel::Object(members) => members.0.into_iter().collect(),
            TopLevel::Other => panic!("not an object: {input}"),
        }
    }

    #[test]
    fn reads_string_members_and_skips_the_rest() {
        let members = object(
            r#" {"a":"x","n":1.5e3,"o":{"a":"inner"},"l":[1,"s",{}],"t":true,"z":null,"e":"\u00e9\ud83d\ude80\n"} "#,
        );
        assert_eq!(members.len(), 2);
        assert_eq!(members["a"], "x");
        assert_eq!(members["e"], "é🚀\n");
    }

    #[test]
    fn the_last_repeated_member_wins() {
        assert_eq!(object(r#"{"a":"1","a":"2"}"#)["a"], "2");
        assert!(!object(r#"{"a":"1","a":2}"#).contains_key("a"));
        assert_eq!(object(r#"{"a":"1","b":"x","a":"3"}"#).len(), 2);
    }

    #[test]
    fn rejects_malformed_documents() {
        for bad in [
            "",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "[1,]",
            "01",
            "1.",
            "-",
            "1e",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\nb\"",
            "{} {}",
            "tru",
            "nul",
            "{'a':1}",
            "\"\\u12\"",
        ] {
            assert!(parse(bad.as_bytes()).is_err(), "{bad:?}");
        }
        assert!(parse(&[b'"', 0xff, b'"']).is_err());
        assert!(parse("[".repeat(200).as_bytes()).is_err());
    }

    #[test]
    fn other_top_levels_are_valid_but_not_objects() {
        for other in ["[]", "\"s\"", "1", "-0.5E+2", "true", "null"] {
            assert_eq!(parse(other.as_bytes()), Ok(TopLevel::Other), "{other}");
        }
    }

    #[test]
    fn writes_string_literals() {
        assert_eq!(string_literal("a\"b\\c\n\t\u{1}é/✓"), "\"a\\\"b\\\\c\\n\\t\\u0001é/✓\"");
    }

    /// Random documents built from JSON fragments, valid and not: validity and the string
    /// members must match `serde_json`.
    #[test]
    fn agrees_with_serde_json_on_generated_documents() {
        const PIECES: &[&str] = &[
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            " ",
            "\"a\"",
            "\"message\"",
            "\"\\u00e9\"",
            "\"\\ud83d\\ude80\"",
            "\"\\\"\"",
            "\"\\n\"",
            "1",
            "-0",
            "2.5e-3",
            "true",
            "null",
            "\"x\"",
            "\"\\ud800\"",
            "01",
            "\"é\"",
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        const KEYS: &[&str] = &["\"a\"", "\"message\"", "\"code\"", "\"\\u0041\"", "\"a\""];
        const VALUES: &[&str] = &[
            "\"x\"",
            "\"\\ud83d\\ude80\"",
            "1",
            "-2.5E+1",
            "true",
            "null",
            "[]",
            "[\"s\",{}]",
            "{\"a\":\"in\"}",
            "\"é\\t\"",
        ];
        let mut valid = 0;
        for round in 0..200_000 {
            let mut text;
            if round % 2 == 0 {
                text = String::from(if next(3) == 0 { "[" } else { "{" });
                for _ in 0..next(12) {
                    text.push_str(PIECES[next(PIECES.len())]);
                }
            } else {
                let members: Vec<String> = (0..next(5))
                    .map(|_| format!("{}:{}", KEYS[next(KEYS.len())], VALUES[next(VALUES.len())]))
                    .collect();
                text = format!(" {{ {} }} ", members.join(" , "));
                if next(3) == 0 && !text.is_empty() {
                    let at = next(text.len());
                    if text.is_char_boundary(at) {
                        text.insert_str(at, PIECES[next(PIECES.len())]);
                    }
                }
            }
            let ours = parse(text.as_bytes());
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}: ours {ours:?}, serde_json {theirs:?}");
            if let (Ok(TopLevel::Object(members)), Ok(serde_json::Value::Object(map))) = (&ours, &theirs) {
                valid += 1;
                let strings: BTreeMap<String, String> =
                    map.iter().filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_owned()))).collect();
                let ours: BTreeMap<String, String> = members.0.iter().cloned().collect();
                assert_eq!(members.0.len(), ours.len(), "each name once: {text:?}");
                assert_eq!(ours, strings, "{text:?}");
            }
        }
        assert!(valid > 1000, "too few valid objects generated: {valid}");
    }

    #[test]
    fn string_literals_match_serde_json() {
        for value in ["", "plain", "quote\" back\\ slash", "\u{0}\u{1f}\u{7f}", "é✓🚀", "</script>", "\r\n\t\u{8}\u{c}"]
        {
            assert_eq!(string_literal(value), serde_json::to_string(value).unwrap(), "{value:?}");
        }
    }
}
