//! Keeps escape sequences from data off the terminal: every control character (C0, DEL and C1)
//! except newline and tab is written as a visible `\u001b`, in strings and in whole output
//! streams. The `\u00XX` form is also a valid JSON escape, so JSON output stays JSON.

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether `c` is left as it is: not a control character, or a newline or tab.
fn allowed(c: char) -> bool {
    !c.is_control() || c == '\n' || c == '\t'
}

/// `s` with every control character but newline and tab made visible (`ESC` becomes `\u001b`).
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if s.chars().all(allowed) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if allowed(c) {
            out.push(c);
        } else {
            out.push_str(&visible(u32::from(c)));
        }
    }
    Cow::Owned(out)
}

fn visible(code: u32) -> String {
    format!("\\u{code:04x}")
}

/// Longest text accepted where a person must read it at a glance (the emergency number).
pub const MAX_READABLE: usize = 80;

/// Why `s` is not short plain text a person can read, if it is not: control characters, invisible
/// or direction-changing formatting characters, no letter or digit at all, or too long.
pub fn unreadable(s: &str) -> Option<&'static str> {
    let invisible = |c: char| {
        matches!(c, '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
            | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
            | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}')
    };
    if s.chars().any(char::is_control) {
        Some("it holds a control character")
    } else if s.chars().any(invisible) {
        Some("it holds an invisible or direction-changing character")
    } else if !s.chars().any(char::is_alphanumeric) {
        Some("it has no letter or digit")
    } else if s.chars().count() > MAX_READABLE {
        Some("it is longer than 80 characters")
    } else {
        None
    }
}

/// A writer that passes everything through [`sanitize`] on its way to `inner`, byte by byte, so
/// it needs no whole lines and never splits a character. Call [`SafeWriter::finish`] at the end.
#[derive(Debug)]
pub struct SafeWriter<W: Write> {
    inner: W,
    /// A 0xC2 byte seen last: the next byte decides whether it began a C1 control character.
    pending: bool,
}

impl<W: Write> SafeWriter<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: false,
        }
    }

    /// Writes a byte held back at the end and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.pending) {
            self.inner.write_all(&[0xC2])?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len());
        for &b in buf {
            if std::mem::take(&mut self.pending) {
                if (0x80..=0x9F).contains(&b) {
                    // U+0080 to U+009F are encoded as C2 80 to C2 9F.
                    out.extend_from_slice(visible(u32::from(b)).as_bytes());
                    continue;
                }
                out.push(0xC2);
            }
            match b {
                0xC2 => self.pending = true,
                b'\n' | b'\t' => out.push(b),
                0x00..=0x1F | 0x7F => out.extend_from_slice(visible(u32::from(b)).as_bytes()),
                _ => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        // A held-back 0xC2 waits for its next byte; `finish` writes it at the end.
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every control character: C0, DEL and C1.
    fn controls() -> impl Iterator<Item = char> {
        (0u32..0x20)
            .chain([0x7F])
            .chain(0x80..0xA0)
            .filter_map(char::from_u32)
    }

    #[test]
    fn every_control_character_is_made_visible() {
        for c in controls() {
            let s = format!("a{c}b");
            let clean = sanitize(&s);
            if c == '\n' || c == '\t' {
                assert_eq!(clean, s);
            } else {
                assert_eq!(clean, format!("a\\u{:04x}b", u32::from(c)));
            }
            let mut w = SafeWriter::new(Vec::new());
            w.write_all(s.as_bytes()).expect("write");
            w.finish().expect("finish");
            assert_eq!(
                String::from_utf8(w.inner).expect("utf-8"),
                clean,
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn readable_text_is_told_from_the_rest() {
        for ok in [
            "112",
            "911 or 112",
            "the emergency number, 999",
            "Notruf 112",
            "119 (日本)",
        ] {
            assert_eq!(unreadable(ok), None, "{ok}");
        }
        for c in controls() {
            assert!(
                unreadable(&format!("11{c}2")).is_some(),
                "U+{:04X}",
                u32::from(c)
            );
        }
        assert!(unreadable("112\u{202e}999").is_some());
        assert!(unreadable("\u{200b}").is_some());
        assert!(unreadable("--- ...").is_some());
        assert!(unreadable(&"1".repeat(81)).is_some());
    }

    #[test]
    fn escape_sequences_are_inert() {
        let attack = "\x1b]0;pwned\x07\x1b[2J\u{9b}31m\x1bP+q\x1b\\\r";
        let clean = sanitize(attack);
        assert!(!clean.chars().any(char::is_control), "{clean}");
        assert_eq!(
            clean,
            "\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u001bP+q\\u001b\\\\u000d"
        );
    }

    #[test]
    fn other_text_is_untouched_even_split_between_writes() {
        let text = "Épaule – ½ “ok” ✓ 日本 🙂 \u{a0}\u{c2}\u{100}\n\ttab";
        assert!(matches!(sanitize(text), Cow::Borrowed(_)));
        let mut w = SafeWriter::new(Vec::new());
        for b in text.as_bytes() {
            w.write_all(&[*b]).expect("write");
        }
        w.finish().expect("finish");
        assert_eq!(String::from_utf8(w.inner).expect("utf-8"), text);
        // A C1 character split between two writes is still caught.
        let mut w = SafeWriter::new(Vec::new());
        w.write_all(&[b'x', 0xC2]).expect("write");
        w.flush().expect("flush");
        w.write_all(&[0x9B, b'y']).expect("write");
        w.finish().expect("finish");
        assert_eq!(w.inner, b"x\\u009by");
    }
}
