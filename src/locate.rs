//! Finds where a JSON path (`techniques[3].dosage.seconds`) sits in a JSON text, as line and column.
//!
//! serde gives line and column only for syntax and type errors; the validators find problems after
//! parsing, so they use this to point at the same place in the file.

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

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Splits `a.b[2].c` into segments. Keys hold no dots or brackets (ids never do).
fn segments(path: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Segment::Key(key));
        }
        while let Some((index, after)) = rest.split_once(']') {
            if let Ok(i) = index.parse() {
                out.push(Segment::Index(i));
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

/// The location of the value at `path`, or of the deepest part of it that exists.
/// `None` only when the text is not JSON at all.
pub fn locate(text: &str, path: &str) -> Option<Location> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws();
    if scanner.pos >= scanner.bytes.len() {
        return None;
    }
    let mut found = scanner.pos;
    for segment in segments(path) {
        let Some(pos) = scanner.enter(&segment) else {
            break;
        };
        found = pos;
    }
    Some(location_of(text, found))
}

fn location_of(text: &str, offset: usize) -> Location {
    let before = &text[..offset.min(text.len())];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Location {
        line,
        column: before[line_start..].chars().count() + 1,
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Moves to the start of the member or element named by `segment` of the value at `pos`.
    fn enter(&mut self, segment: &Segment<'_>) -> Option<usize> {
        match segment {
            Segment::Key(key) => {
                if !self.eat(b'{') {
                    return None;
                }
                loop {
                    self.skip_ws();
                    let name = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    self.skip_ws();
                    if name == *key {
                        return Some(self.pos);
                    }
                    self.skip_value()?;
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            Segment::Index(index) => {
                if !self.eat(b'[') {
                    return None;
                }
                for _ in 0..*index {
                    self.skip_ws();
                    self.skip_value()?;
                    if !self.eat(b',') {
                        return None;
                    }
                }
                self.skip_ws();
                (self.peek() != Some(b']')).then_some(self.pos)
            }
        }
    }

    /// Reads a string at `pos` and returns its raw contents (escapes left as written).
    fn string(&mut self) -> Option<String> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.pos + 1;
        self.pos += 1;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.pos += 2,
                b'"' => {
                    let raw = std::str::from_utf8(&self.bytes[start..self.pos])
                        .ok()?
                        .to_owned();
                    self.pos += 1;
                    return Some(raw);
                }
                _ => self.pos += 1,
            }
        }
        None
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        b if b == close => {
                            self.pos += 1;
                            return Some(());
                        }
                        b',' | b':' => self.pos += 1,
                        _ => self.skip_value()?,
                    }
                }
            }
            _ => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    self.pos += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": [true, \"é\", 3]}\n}";

    #[test]
    fn finds_nested_members_and_elements() {
        assert_eq!(
            locate(TEXT, "a[1].b"),
            Some(Location {
                line: 2,
                column: 18
            })
        );
        assert_eq!(
            locate(TEXT, "c.d[2]"),
            Some(Location {
                line: 3,
                column: 26
            })
        );
        assert_eq!(locate(TEXT, "c"), Some(Location { line: 3, column: 8 }));
    }

    #[test]
    fn missing_parts_point_at_the_deepest_existing_value() {
        assert_eq!(
            locate(TEXT, "c.nope"),
            Some(Location { line: 3, column: 8 })
        );
        assert_eq!(locate(TEXT, "a[9]"), Some(Location { line: 2, column: 8 }));
        assert_eq!(locate(TEXT, ""), Some(Location { line: 1, column: 1 }));
    }

    #[test]
    fn not_json_gives_none() {
        assert_eq!(locate("   ", "a"), None);
    }
}
