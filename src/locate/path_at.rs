//! The JSON path at a place in a JSON text: which value, member or element a parse error at
//! that byte belongs to. `serde_json` gives an error's line and column; this names the path, as
//! a path-tracking deserializer would, without deserializing everything a second way.

use super::Cursor;

/// What a position inside a container belongs to. `ready`: a member or element may start here
/// (just after the opening bracket or a comma).
enum Open {
    /// An object at `base` (the path's length before its members); `key`: the path names the
    /// member being read, its key read.
    Object { base: usize, key: bool, ready: bool },
    /// An array at `base`; `index` is the element being read.
    Array {
        base: usize,
        index: usize,
        ready: bool,
    },
}

/// The path of what byte `at` of `text` belongs to, for a parse error there:
/// - a scalar or string that holds it: that value's path (`regions[2].name`);
/// - a member's key refused at its closing quote (an unknown field): the member's path; a key
///   that cannot be read: the object's path;
/// - an object's or array's closing bracket: the container's path (a missing field);
/// - between the members or elements of a container (a missing comma or colon): the container's
///   path;
/// - past the end of a cut-off text: the innermost open member or element.
///
/// The empty string is the whole document. Syntax the walk cannot read stops it where it stands.
pub fn path_at(text: &str, at: usize) -> String {
    let mut s = Cursor {
        bytes: text.as_bytes(),
        pos: 0,
    };
    if text.starts_with('\u{feff}') {
        s.pos = '\u{feff}'.len_utf8();
    }
    let mut path = String::new();
    let mut stack: Vec<Open> = Vec::new();
    // The path of the innermost place that holds `at`, were the walk to stop now.
    let here = |path: &str, stack: &[Open]| match stack.last() {
        Some(Open::Object { base, .. } | Open::Array { base, .. }) => path[..*base].to_owned(),
        None => path.to_owned(),
    };
    s.skip_ws();
    loop {
        // A value starts at `s.pos`.
        if s.pos > at || s.peek().is_none() {
            return if value_next(text, at, s.pos) {
                path
            } else {
                here(&path, &stack)
            };
        }
        let start = s.pos;
        match s.peek() {
            Some(b'{') => {
                s.pos += 1;
                stack.push(Open::Object {
                    base: path.len(),
                    key: false,
                    ready: true,
                });
            }
            Some(b'[') => {
                s.pos += 1;
                let base = path.len();
                path.push_str("[0]");
                stack.push(Open::Array {
                    base,
                    index: 0,
                    ready: true,
                });
            }
            Some(b'"') => {
                if s.string().is_none() || s.pos > at {
                    return path;
                }
                s.pos = s.pos.max(start + 1);
                after_value(&mut path, &mut stack);
            }
            _ => {
                read_scalar(&mut s);
                // `serde_json` places a bad number or word at the character after it; after a good
                // one, that character is the container's error (a missing comma).
                let bad_before = s.pos == at
                    && serde_json::from_str::<serde::de::IgnoredAny>(&text[start..s.pos]).is_err();
                if s.pos == start || s.pos > at || bad_before {
                    return path;
                }
                after_value(&mut path, &mut stack);
            }
        }
        // Between values: keys, commas and closing brackets until the next value starts.
        loop {
            s.skip_ws();
            if s.pos > at || s.peek().is_none() {
                let element_next = matches!(stack.last(), Some(Open::Array { ready: true, .. }));
                return if element_next && value_next(text, at, s.pos) {
                    path
                } else {
                    here(&path, &stack)
                };
            }
            match (stack.last_mut(), s.peek()) {
                (None, _) => return path,
                (Some(Open::Object { ready: true, .. }), Some(b'"')) => {
                    match read_key(text, &mut s, at, &mut path, &mut stack) {
                        Ok(()) => break,
                        Err(found) => return found,
                    }
                }
                (Some(Open::Object { ready, .. } | Open::Array { ready, .. }), Some(b','))
                    if !*ready =>
                {
                    *ready = true;
                    s.pos += 1;
                }
                (Some(Open::Object { base, .. }), Some(b'}'))
                | (Some(Open::Array { base, .. }), Some(b']')) => {
                    let base = *base;
                    path.truncate(base);
                    if s.pos == at {
                        return path;
                    }
                    s.pos += 1;
                    stack.pop();
                    after_value(&mut path, &mut stack);
                }
                (Some(Open::Array { ready: true, .. }), _) => break,
                // Something the walk cannot read: the error is here.
                _ => return here(&path, &stack),
            }
        }
    }
}

/// Reads a number, or a word (true, false, null), as `serde_json` reads one.
fn read_scalar(s: &mut Cursor<'_>) {
    let number = s.peek().is_some_and(|b| b == b'-' || b.is_ascii_digit());
    let mut previous = None;
    while let Some(b) = s.peek() {
        let part = if number {
            // A sign only first or after the exponent's e.
            b.is_ascii_digit()
                || matches!(b, b'.' | b'e' | b'E')
                || (matches!(b, b'+' | b'-') && matches!(previous, None | Some(b'e' | b'E')))
        } else {
            b.is_ascii_alphabetic()
        };
        if !part {
            break;
        }
        previous = Some(b);
        s.pos += 1;
    }
}

/// Reads a member's key and its colon at `s.pos` (the object on top of `stack` ready for one),
/// leaving `path` naming the member and `s.pos` at its value. `Err` holds the answer when `at`
/// falls on the key or before the value.
fn read_key(
    text: &str,
    s: &mut Cursor<'_>,
    at: usize,
    path: &mut String,
    stack: &mut [Open],
) -> Result<(), String> {
    let Some(Open::Object { base, key, ready }) = stack.last_mut() else {
        return Err(path.clone());
    };
    let base = *base;
    let key_start = s.pos;
    let Some((from, to)) = s.string() else {
        return Err(path[..base].to_owned());
    };
    let raw = &text[from..to];
    let name = if raw.contains('\\') {
        serde_json::from_str::<String>(&text[key_start..s.pos]).unwrap_or_else(|_| raw.to_owned())
    } else {
        raw.to_owned()
    };
    *key = true;
    *ready = false;
    path.truncate(base);
    if base > 0 {
        path.push('.');
    }
    path.push_str(&name);
    // At its closing quote the key was read and refused (an unknown field); before it, the key
    // itself could not be read, which is the object's fault.
    if s.pos > at {
        if at + 1 < s.pos {
            path.truncate(base);
        }
        return Err(path.clone());
    }
    // A refused key may also be placed in the spaces after it; a missing colon is placed at what
    // stands in its stead.
    s.skip_ws();
    if s.pos > at {
        return Err(path.clone());
    }
    if s.peek() != Some(b':') || s.pos == at {
        return Err(path[..base].to_owned());
    }
    s.pos += 1;
    s.skip_ws();
    Ok(())
}

/// Whether a value starting at `start` is the next thing after byte `at` (only spaces between):
/// `serde_json` places an error about a value's type at the last character it read before it.
fn value_next(text: &str, at: usize, start: usize) -> bool {
    start < text.len()
        && text
            .as_bytes()
            .get(at + 1..start)
            .is_some_and(|gap| gap.iter().all(u8::is_ascii_whitespace))
}

/// A value ended: an object's member is done; an array moves on to its next element.
fn after_value(path: &mut String, stack: &mut [Open]) {
    match stack.last_mut() {
        Some(Open::Object { base, key, ready }) => {
            *key = false;
            *ready = false;
            path.truncate(*base);
        }
        Some(Open::Array { base, index, ready }) => {
            *ready = false;
            *index += 1;
            path.truncate(*base);
            path.push('[');
            path.push_str(&index.to_string());
            path.push(']');
        }
        None => {}
    }
}
