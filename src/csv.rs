//! The history as CSV for a spreadsheet: one row per area per session, a header, fields quoted as
//! RFC 4180 says (a field with a comma or a double quote is quoted, its quotes doubled), and no
//! raw control characters (each becomes a space). Rows end with a newline (LF) and come newest
//! first, as they were given.

use std::fmt::Write;

use crate::change::{Scale, change};
use crate::history::{Record, Score};
use crate::kb::KnowledgeBase;
use crate::report::region_name;

/// The header row's fields.
pub const HEADER: [&str; 14] = [
    "session",
    "ended",
    "status",
    "steps_done",
    "steps_skipped",
    "steps",
    "area",
    "pain_before",
    "pain_after",
    "pain_change",
    "moves_freely_before",
    "moves_freely_after",
    "moves_freely_change",
    "local_time",
];

/// One field, cleaned and quoted when it must be.
pub fn field(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.contains([',', '"']) {
        format!("\"{}\"", clean.replace('"', "\"\""))
    } else {
        clean
    }
}

fn row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    let _ = writeln!(out, "{}", line.join(","));
}

/// The records as CSV. A session without ratings still has its row, with the area fields empty.
pub fn history(kb: &KnowledgeBase, records: &[Record]) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &HEADER.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>(),
    );
    for r in records {
        let counts = r.step_counts();
        let session = [
            r.key(),
            r.at.clone(),
            r.status().words().to_owned(),
            counts.map_or_else(|| r.steps_done.to_string(), |c| c.done.to_string()),
            counts.map_or(String::new(), |c| c.skipped.to_string()),
            r.routine.len().to_string(),
        ];
        let local = crate::history::local_time(&r.at);
        if r.ratings.is_empty() {
            let mut f = session.to_vec();
            f.extend(std::iter::repeat_n(String::new(), 7));
            f.push(local.clone());
            row(&mut out, &f);
        }
        for x in &r.ratings {
            let after = |get: fn(&Score) -> u8| x.after.as_ref().map(get);
            let meaning = |scale: Scale, before: u8, after: Option<u8>| {
                after.map_or(String::new(), |a| {
                    change(scale, before, a).meaning().to_owned()
                })
            };
            let mut f = session.to_vec();
            f.extend([
                region_name(kb, &x.region).to_owned(),
                x.before.pain.to_string(),
                after(|s| s.pain).map_or(String::new(), |v| v.to_string()),
                meaning(Scale::Pain, x.before.pain, after(|s| s.pain)),
                x.before.ease.to_string(),
                after(|s| s.ease).map_or(String::new(), |v| v.to_string()),
                meaning(Scale::Ease, x.before.ease, after(|s| s.ease)),
                local.clone(),
            ]);
            row(&mut out, &f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_rfc_4180_says_and_lose_control_characters() {
        assert_eq!(field("Calves"), "Calves");
        assert_eq!(field("Back, lower"), "\"Back, lower\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("a\nb\r\x1b[31mc"), "a b  [31mc");
        assert_eq!(field(""), "");
    }
}
