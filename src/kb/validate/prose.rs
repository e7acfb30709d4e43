//! Checks of the words people read: no raw ids, no bare numbers where words belong, the
//! emergency placeholder where it is needed.

use super::Report;
use super::contract::DISCOMFORT_CEILING;

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
    // Lower case, copied only when a word has an upper-case letter.
    let clean: Vec<std::borrow::Cow<'_, str>> = words
        .iter()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if w.chars().any(char::is_uppercase) {
                w.to_lowercase().into()
            } else {
                w.into()
            }
        })
        .collect();
    let counts_passes = clean.iter().enumerate().any(|(i, w)| {
        let numeric = !w.is_empty()
            && (w
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '\u{2013}')
                || NUMBER_WORDS.contains(&w.as_ref()));
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
            figures.push(clean[i - 1].to_string());
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
