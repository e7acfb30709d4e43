//! Strict JSON: the one loader for every JSON file fascia reads (answers, knowledge bases,
//! history lines, and any file added later). It accepts exactly one document of UTF-8 text and
//! refuses text after it and keys written twice in one object, each with the JSON path, line and
//! column. A leading byte-order mark is accepted.

use std::borrow::Cow;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::locate::{Located, Location, duplicate_key, locations, path_at};

/// The UTF-8 byte-order mark some editors put at the start of a file.
const BOM: char = '\u{feff}';

/// Why a JSON file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Text(Located),
}

/// Reads the file at `path` as UTF-8 text, without a leading byte-order mark.
pub fn read(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path)?;
    let text = text(&bytes).map_err(ReadError::Text)?;
    Ok(text.to_owned())
}

/// The bytes as UTF-8 text, without a leading byte-order mark; invalid UTF-8 is an error at the
/// line and column of the first bad byte.
pub fn text(bytes: &[u8]) -> Result<&str, Located> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        let before = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
        let location = locations(before, &[good]).pop();
        let message = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"
                .to_owned()
        } else {
            format!(
                "the file is not UTF-8 text (byte 0x{:02X} cannot be read); save it as UTF-8",
                bytes.get(good).copied().unwrap_or_default()
            )
        };
        Located {
            path: String::new(),
            message,
            location,
        }
    })?;
    Ok(text.strip_prefix(BOM).unwrap_or(text))
}

/// Parses bytes strictly into `T` (see [`parse`]).
pub fn parse_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Located> {
    parse(text(bytes)?)
}

/// Parses exactly one JSON document into `T`: text after it and keys written twice in one object
/// are errors, as are syntax and type errors, each with its JSON path, line and column.
///
/// Two passes when the text is good: a plain `serde_json` parse (which refuses text after the
/// document) and a scan for keys written twice that builds no paths. Only when either fails does
/// the text go through the path-tracking [`parse_located`], which finds and places the error.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Located> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if let Ok(value) = serde_json::from_str::<T>(text)
        && !has_duplicate_key(text)
    {
        return Ok(value);
    }
    parse_located(text)
}

/// Whether some object in `text` has a key written twice (keys compared after unescaping).
/// Expects text `serde_json` parsed: it relies on strings being closed and brackets matching.
/// Linear apart from sorting each object's keys once.
fn has_duplicate_key(text: &str) -> bool {
    let bytes = text.as_bytes();
    // The keys of every open object, innermost last; `open` holds where each object's keys start.
    let mut keys: Vec<Cow<'_, str>> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        pos += 1;
        match b {
            b'{' => open.push(keys.len()),
            b'}' => {
                let Some(base) = open.pop() else { return false };
                let own = &mut keys[base..];
                own.sort_unstable();
                if own.windows(2).any(|w| w[0] == w[1]) {
                    return true;
                }
                keys.truncate(base);
            }
            b'"' => {
                let start = pos;
                let mut escaped = false;
                while let Some(&c) = bytes.get(pos) {
                    match c {
                        b'\\' => {
                            escaped = true;
                            pos += 2;
                        }
                        b'"' => break,
                        _ => pos += 1,
                    }
                }
                let end = pos.min(bytes.len());
                pos = end + 1;
                let mut after = pos;
                while matches!(bytes.get(after), Some(b' ' | b'\n' | b'\r' | b'\t')) {
                    after += 1;
                }
                if bytes.get(after) == Some(&b':') && !open.is_empty() {
                    let key = if escaped {
                        match text
                            .get(start - 1..=end)
                            .map(serde_json::from_str::<String>)
                        {
                            Some(Ok(key)) => Cow::Owned(key),
                            _ => return true,
                        }
                    } else {
                        Cow::Borrowed(text.get(start..end).unwrap_or_default())
                    };
                    keys.push(key);
                    pos = after + 1;
                }
            }
            _ => {}
        }
    }
    false
}

/// [`parse`] with every error found and placed: duplicate keys first, then the typed parse, whose
/// error's line and column [`path_at`] turns into a JSON path. For text that failed the fast
/// pass.
fn parse_located<T: DeserializeOwned>(text: &str) -> Result<T, Located> {
    // Before the typed parse, so a key written twice reads the same at every depth.
    if let Some(d) = duplicate_key(text) {
        return Err(Located {
            path: d.path,
            message: format!(
                "the key `{}` is written twice in one object (first at {})",
                d.key, d.first
            ),
            location: Some(d.at),
        });
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut *de).map_err(|e| {
        let location = location_of(&e);
        let mut message = strip_position(&e.to_string());
        // serde_json says where; the path is what sits there. A value refused once read (out of
        // range, not a known word) is placed at what follows it: a comma or closing bracket,
        // where a missing field or a list's wrong length is placed too, but those are the
        // container's.
        let mut path = location.map_or_else(String::new, |at| {
            let mut at = offset(text, at);
            let after_value = e.classify() == serde_json::error::Category::Data
                && !message.starts_with("missing field")
                && !message.starts_with("invalid length")
                && matches!(text.as_bytes().get(at), Some(b',' | b'}' | b']'));
            if after_value {
                at = text[..at].trim_end().len().saturating_sub(1);
            }
            path_at(text, at)
        });
        // Inside the document, "trailing characters" is a list longer than its fixed length:
        // the list's fault, not its next element's.
        if message == "trailing characters" {
            if path.ends_with(']')
                && let Some(open) = path.rfind('[')
            {
                path.truncate(open);
            }
            "this list has more items than it may (trailing characters)".clone_into(&mut message);
        }
        // An unknown field is placed after its key, sometimes past the spaces after it too: the
        // message names it.
        if let Some(key) = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split_once("`, expected"))
            .map(|(key, _)| key)
            && !path.ends_with(key)
        {
            path = if path.is_empty() {
                key.to_owned()
            } else {
                format!("{path}.{key}")
            };
        }
        Located {
            path,
            message,
            location,
        }
    })?;
    de.end().map_err(|e| Located {
        path: String::new(),
        message: "there is more text after the end of the JSON document (a file holds one \
                  document only)"
            .to_owned(),
        location: location_of(&e),
    })?;
    Ok(value)
}

/// The byte offset of the character `serde_json`'s line and column point at (both count from 1;
/// columns count bytes).
fn offset(text: &str, at: Location) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(at.line.saturating_sub(1))
        .map(str::len)
        .sum();
    // Column 0: the last character read was the line break before the line.
    (line_start + at.column).saturating_sub(1)
}

fn location_of(e: &serde_json::Error) -> Option<Location> {
    (e.line() > 0).then(|| Location {
        line: e.line(),
        column: e.column(),
    })
}

/// `serde_json` appends " at line L column C"; we print the location ourselves.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    type Map = BTreeMap<String, serde_json::Value>;

    fn err(text: &str) -> Located {
        parse::<Map>(text).expect_err("refused")
    }

    /// What the path-tracking deserializer `serde_path_to_error` names (fascia used it until the
    /// path came from `locate::path_at`; it is kept here to check that the two agree), and
    /// whether the error is about the data (a type, a field, a value) rather than the syntax.
    fn path_to_error<T: DeserializeOwned>(text: &str) -> Option<(String, bool)> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let e = serde_path_to_error::deserialize::<_, T>(&mut *de).err()?;
        let path = e.path().to_string().trim_end_matches(".?").to_owned();
        let data = e.inner().classify() == serde_json::error::Category::Data;
        // It names an unknown member `?`; at the top level that is the whole document.
        let path = if path == "." || path == "?" {
            String::new()
        } else {
            path
        };
        Some((path, data))
    }

    /// A mutation of the built-in knowledge base at `at`: an error about the data is named by
    /// the same path as the path-tracking deserializer names it; a syntax error by the same path,
    /// one that holds it or one it holds (which container a stray character belongs to is a
    /// matter of taste), and always with a line and column.
    fn agree_at(text: &str, at: usize, edit: &str, cut: usize) {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + cut).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let mutated = format!("{}{edit}{}", &text[..at], &text[end..]);
        if duplicate_key(&mutated).is_some() {
            return;
        }
        let Some((want, data)) = path_to_error::<crate::kb::KbData>(&mutated) else {
            return;
        };
        let got = parse_located::<crate::kb::KbData>(&mutated).expect_err("refused");
        let context = || {
            format!(
                "{edit:?} at {at} (cut {cut}): {got}\n…{}…",
                &mutated[at.saturating_sub(60)..(at + 60).min(mutated.len())]
            )
        };
        assert!(got.location.is_some(), "{}", context());
        if data {
            assert_eq!(got.path, want, "{}", context());
        } else {
            let step = |a: &str, b: &str| {
                a.strip_prefix(b)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
            };
            assert!(
                step(&got.path, &want) || step(&want, &got.path),
                "{} (want {want})",
                context()
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn located_paths_agree_with_a_path_tracking_parse(
            at in 0usize..crate::kb::EMBEDDED.len(),
            edit in proptest::sample::select(vec![
                "", ",", "}", "]", "\"", ":", "1", "-", "null", "true", "\"x\"",
                "\"x\": 1,", "\"x\": 1", ", \"x\": 1", "\\", "\u{e9}",
            ]),
            cut in 0usize..4,
        ) {
            agree_at(crate::kb::EMBEDDED, at, edit, cut);
        }
    }

    /// A whole value replaced by one of another type, for every `step`th of the first 600 values
    /// of the built-in knowledge base: the path names that value exactly.
    fn wrong_types_named_exactly(step: usize) {
        let text = crate::kb::EMBEDDED;
        let mut starts = Vec::new();
        let _ = crate::locate::scan_values(text, &mut |_, at| starts.push(at));
        for &start in starts.iter().take(600).step_by(step) {
            let end = text[start..]
                .char_indices()
                .find(|&(_, c)| matches!(c, ',' | '\n' | '}' | ']'))
                .map_or(text.len(), |(i, _)| start + i);
            if text[start..].starts_with(['{', '[']) {
                continue;
            }
            for edit in ["[1]", "{}", "1", "null", "\"x\"", "true"] {
                agree_at(text, start, edit, end - start);
            }
        }
    }

    /// Every 12th value in the default run (each check parses the whole knowledge base twice).
    #[test]
    fn a_value_of_the_wrong_type_is_named_exactly() {
        wrong_types_named_exactly(12);
    }

    /// The full sweep of 600 values: `cargo test --lib -- --ignored`.
    #[test]
    #[ignore = "the full sweep, about a minute on 2 cores"]
    fn every_value_of_the_wrong_type_is_named_exactly() {
        wrong_types_named_exactly(1);
    }

    #[test]
    fn one_document_only() {
        let e = err("{\"a\": 1}\n{\"chest_pain_cardiac\": \"yes\"}");
        assert_eq!(e.path, "");
        assert!(e.message.contains("more text after"), "{e}");
        assert_eq!(e.location, Some(Location { line: 2, column: 1 }));
        assert!(parse::<Map>("{\"a\": 1}\n  \n").is_ok());
    }

    #[test]
    fn duplicate_keys_at_any_depth() {
        let e = err(r#"{"answers": {"chest_pain_cardiac": "yes", "chest_pain_cardiac": "no"}}"#);
        assert_eq!(e.path, "answers.chest_pain_cardiac");
        assert!(e.message.contains("written twice"), "{e}");
        assert_eq!(
            e.location,
            Some(Location {
                line: 1,
                column: 43
            })
        );
    }

    #[test]
    fn fast_duplicate_scan_agrees_with_the_located_one() {
        let cases = [
            r#"{"a": 1, "b": 2}"#,
            r#"{"a": 1, "a": 2}"#,
            r#"{"a": {"k": 1}, "b": {"k": 1}}"#,
            r#"{"a": [{"k": 1, "j": 2}, {"k": 1, "k": 3}]}"#,
            r#"{"a\u0062": 1, "ab": 2}"#,
            r#"{"x": "\"a\": 1", "a": 1}"#,
            r#"{"a": {"b": {"c": [1, 2, {"d": 1}]}, "c": 1}, "e": "}", "e ": 1}"#,
            r#"{"k" : 1 , "k"
                : 2}"#,
            r#"[{"a": 1}, {"a": 1}, "a", {"": 1, "": 2}]"#,
            r#"{"a": "\\", "b": "\\\"", "a": 3}"#,
        ];
        for text in cases {
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_ok(),
                "{text}"
            );
            assert_eq!(
                has_duplicate_key(text),
                crate::locate::duplicate_key(text).is_some(),
                "{text}"
            );
        }
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let bytes = b"\xEF\xBB\xBF{\"a\": 1}";
        let map: Map = parse_bytes(bytes).expect("parses");
        assert_eq!(map.len(), 1);
    }

    #[test]
    fn invalid_utf8_has_line_and_column() {
        let e = parse_bytes::<Map>(b"{\n  \"a\": \"x\xFFy\"}").expect_err("refused");
        assert_eq!(
            e.location,
            Some(Location {
                line: 2,
                column: 10
            })
        );
        assert!(e.message.contains("0xFF"), "{e}");
        let e = parse_bytes::<Map>(b"\xFF\xFE{\x00}\x00").expect_err("refused");
        assert!(e.message.contains("UTF-16"), "{e}");
    }
}
