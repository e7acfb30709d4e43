//! Strict JSON: the one loader for every JSON file fascia reads (answers, knowledge bases,
//! history lines, and any file added later). It accepts exactly one document of UTF-8 text and
//! refuses text after it and keys written twice in one object, each with the JSON path, line and
//! column. A leading byte-order mark is accepted.

use std::borrow::Cow;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::locate::{Located, Location, duplicate_key, locations};

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

/// [`parse`] with every error found and placed: duplicate keys first, then a typed parse that
/// tracks the JSON path. Slower; for text that failed the fast pass.
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
    let value = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        // At the end of the input serde_path_to_error names an unknown member `?`.
        let path = e.path().to_string().trim_end_matches(".?").to_owned();
        let inner = e.into_inner();
        Located {
            path: if path == "." { String::new() } else { path },
            message: strip_position(&inner.to_string()),
            location: location_of(&inner),
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
