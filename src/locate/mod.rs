//! Finds where JSON paths (`techniques[3].dosage.seconds`) sit in a JSON text, as line and
//! column, and finds duplicate object keys, in one pass over the text however many paths are
//! asked for.
//!
//! serde gives line and column only for syntax and type errors; the validators find problems after
//! parsing, so they use this to point at the same place in the file.

use std::collections::{HashMap, HashSet};

mod path_at;
pub use path_at::path_at;

/// One problem, with the JSON path of the value at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

/// A problem with its place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub path: String,
    pub message: String,
    pub location: Option<Location>,
}

impl std::fmt::Display for Located {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() {
            "(top level)"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)?;
        if let Some(location) = self.location {
            write!(f, " (at {location})")?;
        }
        Ok(())
    }
}

impl Located {
    /// Places `problem` in `text`.
    pub fn new(text: &str, problem: Problem) -> Self {
        let location = locate(text, &problem.path);
        Self {
            path: problem.path,
            message: problem.message,
            location,
        }
    }

    /// Places every problem in `text`, in one pass over it.
    pub fn all(text: &str, problems: Vec<Problem>) -> Vec<Self> {
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        let locations = locate_all(text, &paths);
        problems
            .into_iter()
            .zip(locations)
            .map(|(problem, location)| Self {
                path: problem.path,
                message: problem.message,
                location,
            })
            .collect()
    }
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {} column {}", self.line, self.column)
    }
}

/// The location of the value at `path`, or of the deepest part of it that exists.
/// `None` only when the text is not JSON at all.
pub fn locate(text: &str, path: &str) -> Option<Location> {
    locate_all(text, &[path]).pop().flatten()
}

/// The locations of the values at `paths` (each as [`locate`] would give it), found in one pass
/// over `text`.
pub fn locate_all(text: &str, paths: &[&str]) -> Vec<Option<Location>> {
    let mut wanted: HashSet<&str> = HashSet::new();
    for path in paths {
        wanted.extend(prefixes(path));
    }
    let mut found: HashMap<String, usize> = HashMap::new();
    let Some(_) = scan(text, &mut |path, offset| {
        if wanted.contains(path) {
            found.entry(path.to_owned()).or_insert(offset);
        }
    }) else {
        return vec![None; paths.len()];
    };
    let offsets: Vec<usize> = paths
        .iter()
        .map(|path| {
            prefixes(path)
                .into_iter()
                .find_map(|p| found.get(p).copied())
                .unwrap_or_default()
        })
        .collect();
    locations(text, &offsets).into_iter().map(Some).collect()
}

/// `a.b[2].c`, then `a.b[2]`, `a.b`, `a` and the whole document (the empty path), longest first.
fn prefixes(path: &str) -> Vec<&str> {
    let mut out = vec![path];
    let mut end = path.len();
    while let Some(cut) = path[..end].rfind(['.', '[']) {
        out.push(&path[..cut]);
        end = cut;
    }
    if !path.is_empty() {
        out.push("");
    }
    out
}

/// A key that appears twice in one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The JSON path of the member (`answers.chest_pain_cardiac`).
    pub path: String,
    pub key: String,
    /// Where the key is written the second time, and the first.
    pub at: Location,
    pub first: Location,
}

/// The first key written twice in one object, at any depth. Expects text that parsed as JSON.
pub fn duplicate_key(text: &str) -> Option<Duplicate> {
    let (path, key, at, first) = scan(text, &mut |_, _| {})?.duplicate?;
    let [at, first] = locations(text, &[at, first])[..] else {
        return None;
    };
    Some(Duplicate {
        path,
        key,
        at,
        first,
    })
}

/// Line and column of each byte offset, in one pass over `text` (columns count characters).
pub fn locations(text: &str, offsets: &[usize]) -> Vec<Location> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![Location { line: 1, column: 1 }; offsets.len()];
    let (mut line, mut column, mut pos) = (1, 1, 0);
    let mut chars = text.char_indices().peekable();
    for i in order {
        let target = offsets[i].min(text.len());
        while pos < target {
            let Some((at, c)) = chars.next() else { break };
            pos = at + c.len_utf8();
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        out[i] = Location { line, column };
    }
    out
}

/// Calls `visit` with the path and byte offset of every value in `text`, in order (see `scan`).
#[cfg(test)]
pub fn scan_values(text: &str, visit: &mut dyn FnMut(&str, usize)) -> Option<()> {
    scan(text, visit).map(|_| ())
}

/// What one scan found besides the paths it reported.
struct Scanned {
    /// The first duplicate key: member path, key, its offset and the first one's offset.
    duplicate: Option<(String, String, usize, usize)>,
}

enum Frame {
    Object {
        base: usize,
        keys: HashMap<String, usize>,
    },
    Array {
        base: usize,
        index: usize,
    },
}

/// Walks every value of the JSON document in `text` once, calling `visit` with its path and byte
/// offset. Iterative (no recursion), so nesting depth cannot overflow the stack. `None` when the
/// text is not a JSON document (it stops at the first thing it cannot read) or nests deeper than
/// [`MAX_DEPTH`] (serde refuses those before anything here is asked).
fn scan(text: &str, visit: &mut dyn FnMut(&str, usize)) -> Option<Scanned> {
    let bytes = text.as_bytes();
    let mut s = Cursor { bytes, pos: 0 };
    if text.starts_with('\u{feff}') {
        s.pos = '\u{feff}'.len_utf8();
    }
    s.skip_ws();
    s.peek()?;
    let mut path = String::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut duplicate = None;
    loop {
        // A value starts at `s.pos`.
        visit(&path, s.pos);
        match s.peek()? {
            b'{' => {
                s.pos += 1;
                s.skip_ws();
                if s.peek() == Some(b'}') {
                    s.pos += 1;
                } else {
                    let base = path.len();
                    let mut keys = HashMap::new();
                    s.member(text, &mut path, base, &mut keys, &mut duplicate)?;
                    stack.push(Frame::Object { base, keys });
                    if stack.len() > MAX_DEPTH {
                        return None;
                    }
                    continue;
                }
            }
            b'[' => {
                s.pos += 1;
                s.skip_ws();
                if s.peek() == Some(b']') {
                    s.pos += 1;
                } else {
                    let base = path.len();
                    path.push_str("[0]");
                    stack.push(Frame::Array { base, index: 0 });
                    if stack.len() > MAX_DEPTH {
                        return None;
                    }
                    continue;
                }
            }
            b'"' => {
                s.string()?;
            }
            _ => s.scalar(),
        }
        // After a value: close containers until one has another member or element.
        loop {
            s.skip_ws();
            let Some(frame) = stack.last_mut() else {
                return Some(Scanned { duplicate });
            };
            let next = s.peek()?;
            s.pos += 1;
            match (frame, next) {
                (Frame::Array { base, index }, b',') => {
                    *index += 1;
                    path.truncate(*base);
                    path.push('[');
                    path.push_str(&index.to_string());
                    path.push(']');
                    s.skip_ws();
                    break;
                }
                (Frame::Object { base, keys }, b',') => {
                    s.skip_ws();
                    s.member(text, &mut path, *base, keys, &mut duplicate)?;
                    break;
                }
                (Frame::Array { base, .. }, b']') | (Frame::Object { base, .. }, b'}') => {
                    path.truncate(*base);
                    stack.pop();
                }
                _ => return None,
            }
        }
    }
}

/// Deeper than `serde_json`'s own limit (128), so no document that parsed is refused.
const MAX_DEPTH: usize = 512;

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Reads `"key":` at `pos`, leaves `pos` at the value and `path` naming it; records the key
    /// in `keys` and the first duplicate in `duplicate`.
    fn member(
        &mut self,
        text: &str,
        path: &mut String,
        base: usize,
        keys: &mut HashMap<String, usize>,
        duplicate: &mut Option<(String, String, usize, usize)>,
    ) -> Option<()> {
        let start = self.pos;
        let (from, to) = self.string()?;
        let raw = &text[from..to];
        let key = if raw.contains('\\') {
            serde_json::from_str::<String>(&text[start..self.pos]).ok()?
        } else {
            raw.to_owned()
        };
        path.truncate(base);
        if base > 0 {
            path.push('.');
        }
        path.push_str(&key);
        if let Some(&first) = keys.get(&key) {
            if duplicate.is_none() {
                *duplicate = Some((path.clone(), key, start, first));
            }
        } else {
            keys.insert(key, start);
        }
        self.skip_ws();
        if self.peek() != Some(b':') {
            return None;
        }
        self.pos += 1;
        self.skip_ws();
        Some(())
    }

    /// Reads a string at `pos`; returns the byte range of its raw contents.
    fn string(&mut self) -> Option<(usize, usize)> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.pos += 2,
                b'"' => {
                    let end = self.pos;
                    self.pos += 1;
                    return Some((start, end));
                }
                _ => self.pos += 1,
            }
        }
        None
    }

    fn scalar(&mut self) {
        while let Some(b) = self.peek() {
            if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                break;
            }
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests;
