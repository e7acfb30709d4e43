//! Large digits for the session countdown: 5 rows high, drawn with block characters so they can
//! be read from across the room.

/// Each glyph is 5 rows of 3 columns.
fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => ["███", "█ █", "█ █", "█ █", "███"],
        '1' => [" ██", "  █", "  █", "  █", "  █"],
        '2' => ["███", "  █", "███", "█  ", "███"],
        '3' => ["███", "  █", "███", "  █", "███"],
        '4' => ["█ █", "█ █", "███", "  █", "  █"],
        '5' => ["███", "█  ", "███", "  █", "███"],
        '6' => ["███", "█  ", "███", "█ █", "███"],
        '7' => ["███", "  █", "  █", "  █", "  █"],
        '8' => ["███", "█ █", "███", "█ █", "███"],
        '9' => ["███", "█ █", "███", "  █", "███"],
        ':' => ["   ", " █ ", "   ", " █ ", "   "],
        _ => ["   ", "   ", "   ", "   ", "   "],
    }
}

/// `text` (digits and colons) as 5 lines of big characters, one column between glyphs.
pub fn lines(text: &str) -> [String; 5] {
    let mut out: [String; 5] = Default::default();
    for (i, c) in text.chars().enumerate() {
        for (row, part) in glyph(c).iter().enumerate() {
            if i > 0 {
                out[row].push(' ');
            }
            out[row].push_str(part);
        }
    }
    out
}

/// Minutes and seconds as `m:ss`.
pub fn clock(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn draws_a_clock() {
        assert_eq!(super::clock(75), "1:15");
        let l = super::lines("1:05");
        assert!(l.iter().all(|row| row.chars().count() == 15));
    }
}
