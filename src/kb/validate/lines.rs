//! Checks of what the person reads (SCREENING.md v3, one line, one answer): an item on a
//! checklist is asked by its own lines, one each, short enough to wrap whole in the narrowest
//! pane; an item asked alone by its one question; a line belongs to one item only; the false
//! alarms the contract names are answered on the line itself.

use std::collections::HashMap;

use super::Report;
use super::contract::NO_IF_REQUIRED;
use crate::kb::model::{Effect, KbData, Tier};

/// The longest a line may be, in characters: four rows of the checklist at 60 columns.
pub const MAX_LINE: usize = 200;
/// The longest "answer no if" under a line, in characters: two rows at 60 columns.
pub const MAX_NO_IF: usize = 100;
/// The longest word a line may hold (a longer one would be split when wrapped).
const MAX_WORD: usize = 24;

pub(super) fn check_lines(kb: &KbData, r: &mut Report) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (i, it) in kb.screening.iter().enumerate() {
        let path = format!("screening[{i}]");
        match (it.gate.is_some(), it.lines.is_empty(), it.question.is_empty()) {
            (true, true, _) => r.add(
                format!("{path}.lines"),
                format!("`{}` is on a checklist, so it needs its lines", it.id),
            ),
            (true, false, false) => r.add(
                format!("{path}.question"),
                format!(
                    "`{}` is asked by its checklist lines: a question beside them could ask something else",
                    it.id
                ),
            ),
            (false, false, _) => r.add(
                format!("{path}.lines"),
                format!(
                    "`{}` is asked alone (no gate): its question is its line",
                    it.id
                ),
            ),
            (false, true, true) => r.add(
                format!("{path}.question"),
                format!("`{}` is asked alone, so it needs a question", it.id),
            ),
            _ => {}
        }
        for (j, line) in it.lines.iter().enumerate() {
            let at = format!("{path}.lines[{j}]");
            long(r, &format!("{at}.text"), &line.text, MAX_LINE);
            if let Some(no) = &line.no_if {
                long(r, &format!("{at}.no_if"), no, MAX_NO_IF);
            }
            let key = line.text.trim().to_lowercase();
            if let Some(other) = seen.insert(key, &it.id) {
                r.add(
                    format!("{at}.text"),
                    format!("this line is also a line of `{other}`: one line answers one item"),
                );
            }
        }
        if !it.question.is_empty() {
            long(r, &format!("{path}.question"), &it.question, MAX_LINE);
        }
        if it.pause && !(it.tier == Tier::Refer && it.effect == Effect::Global) {
            r.add(
                format!("{path}.pause"),
                "only a refer item asked of everyone can be a pause until well",
            );
        }
    }
    for id in NO_IF_REQUIRED {
        let Some((i, it)) = kb.screening.iter().enumerate().find(|(_, x)| x.id == id) else {
            continue;
        };
        if !it.lines.iter().any(|l| l.no_if.is_some()) {
            r.add(
                format!("screening[{i}].lines"),
                format!(
                    "`{id}` needs an \"answer no if\" on its line (no_if): people answered it yes for an ordinary ache"
                ),
            );
        }
    }
}

/// A text too long for the narrowest pane, or with a word too long to wrap.
fn long(r: &mut Report, path: &str, text: &str, max: usize) {
    let n = text.chars().count();
    if n > max {
        r.add(
            path,
            format!("{n} characters: at most {max}, so it wraps whole in a 60-column pane"),
        );
    }
    if let Some(w) = text
        .split_whitespace()
        .find(|w| w.chars().count() > MAX_WORD)
    {
        r.add(
            path,
            format!("the word `{w}` is longer than {MAX_WORD} characters and would be split"),
        );
    }
}
