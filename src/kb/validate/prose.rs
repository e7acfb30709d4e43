//! Checks of the words people read: no raw ids, no bare numbers where words belong, the
//! emergency placeholder where it is needed.

use serde_json::Value;

use super::Report;
use super::contract::{DISCOMFORT_CEILING, PLACEHOLDER, PROSE_KEYS};
use crate::kb::model::KbData;

/// Words that count as a number of passes.
pub(super) const NUMBER_WORDS: [&str; 20] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "several", "many", "dozen", "once", "twice",
];

/// A `snake_case` id inside a word (`dvt_symptoms`), if any.
pub(super) fn raw_id(word: &str) -> Option<&str> {
    if word.contains("://") || word.contains("www.") {
        return None;
    }
    word.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .find(|piece| {
            let inner = piece.trim_matches('_');
            inner.contains('_')
                && inner
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

/// Checks text written for people: no raw ids, no pass counts, one discomfort ceiling.
pub(super) fn check_prose(s: &str, path: &str, r: &mut Report) {
    let words: Vec<&str> = s.split_whitespace().collect();
    if let Some(id) = words.iter().find_map(|w| raw_id(w)) {
        r.add(
            path,
            format!("text for people holds the raw id `{id}`: use plain words"),
        );
    }
    let clean: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let counts_passes = clean.iter().enumerate().any(|(i, w)| {
        let numeric = !w.is_empty()
            && (w
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '\u{2013}')
                || NUMBER_WORDS.contains(&w.as_str()));
        numeric
            && clean[i + 1..]
                .iter()
                .take(2)
                .any(|next| next.starts_with("pass"))
    });
    if counts_passes {
        r.add(
            path,
            "text states a number of passes: the engine computes passes from seconds and pass_seconds",
        );
    }
    let mut figures: Vec<String> = Vec::new();
    for (i, w) in clean.iter().enumerate().skip(1) {
        if w == "out"
            && clean.get(i + 1).is_some_and(|x| x == "of")
            && clean.get(i + 2).is_some_and(|x| x == "10" || x == "ten")
        {
            figures.push(clean[i - 1].clone());
        }
    }
    let mut rest = s;
    while let Some(at) = rest.find("/10") {
        let before: String = rest[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        if !before.is_empty() {
            figures.push(before.chars().rev().collect());
        }
        rest = &rest[at + 3..];
    }
    if let Some(f) = figures.iter().find(|f| f.as_str() != DISCOMFORT_CEILING) {
        r.add(
            path,
            format!("discomfort figure {f} out of 10: the one ceiling is {DISCOMFORT_CEILING}/10"),
        );
    }
}

/// Every string: not blank where it is prose, no control characters, no unknown placeholders.
pub(super) fn check_text(kb: &KbData, r: &mut Report) {
    fn walk(value: &Value, path: &str, key: &str, r: &mut Report) {
        match value {
            Value::String(s) => {
                if PROSE_KEYS.contains(&key) {
                    check_prose(s, path, r);
                }
                if let Some(c) = s.chars().find(|c| c.is_control()) {
                    r.add(
                        path,
                        format!("text holds a control character (U+{:04X})", c as u32),
                    );
                }
                if s.trim().is_empty() {
                    r.add(path, "text is empty");
                }
                let mut rest = s.as_str();
                while let Some(open) = rest.find('{') {
                    let tail = &rest[open..];
                    if !tail.starts_with(PLACEHOLDER) {
                        r.add(path, "text holds `{`: the only placeholder is {emergency}");
                        break;
                    }
                    rest = &tail[PLACEHOLDER.len()..];
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{path}[{i}]"), key, r);
                }
            }
            Value::Object(map) => {
                for (k, v) in map {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(v, &p, k, r);
                }
            }
            _ => {}
        }
    }
    if let Ok(value) = serde_json::to_value(kb) {
        walk(&value, "", "", r);
    }
}
