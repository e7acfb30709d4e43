//! The screening result as blocks of plain words: the one model that the text and Markdown
//! reports, the app's result screen and plain mode all draw from, so every face says the same.

use crate::engine::{Fired, Outcome, Reply, Scope, Screening};
use crate::kb::{KnowledgeBase, Tier};

/// What a block is about (faces pick markers and styles by it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Why the person is sent to care (emergency, urgent, refer, or a region referral).
    Why,
    /// Areas left out, and why.
    LeftOut,
    /// What the cautions changed, and each caution that fired.
    Gentler,
    /// Under a referral: the other answers that came up, for the clinician (no advice).
    Noted,
}

/// One entry of a block: a headline, its explanation, and what to check when not sure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub head: String,
    pub body: Vec<String>,
    pub not_sure: Option<String>,
    /// The tier behind the entry (for markers); `None` for an area line.
    pub tier: Option<Tier>,
}

/// A titled block of entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub title: &'static str,
    pub entries: Vec<Entry>,
}

/// Said when an interactive check stopped at an emergency, urgent or referral answer: what
/// stopping means for that outcome.
pub fn stopped_early(s: &Screening) -> &'static str {
    match s.outcome {
        Outcome::Refer if s.pause => {
            "We stopped the questions once nothing more urgent was left to ask: self-massage waits until you are well. To change an answer, go back."
        }
        Outcome::Refer => {
            "We stopped the questions once nothing more urgent was left to ask: a doctor or physio should advise you before any self-massage. To change an answer, go back."
        }
        _ => {
            "We stopped the questions at this answer: nothing else matters until you have been checked. If you pressed it by mistake, go back and change it."
        }
    }
}

/// A short plain name of a screening item or combination rule (never its id).
pub fn item_title(kb: &KnowledgeBase, id: &str) -> String {
    if let Some(item) = kb.item(id) {
        return item.title.clone();
    }
    kb.combinations()
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| "one of your answers".to_owned(), |c| c.title.clone())
}

/// "You answered yes to" / "You were not sure about", before an item's title.
fn answered(f: &Fired) -> &'static str {
    match (f.combination, f.answer) {
        (true, Reply::Yes) => "Your answers together",
        (true, _) => "Your answers together (you were not sure of some)",
        (false, Reply::NotSure) => "You were not sure about",
        (false, _) => "You answered yes to",
    }
}

fn fired_entry(kb: &KnowledgeBase, f: &Fired, with_message: bool) -> Entry {
    let regions = if f.regions.is_empty() {
        String::new()
    } else {
        let names: Vec<&str> = f
            .regions
            .iter()
            .map(|r| crate::words::region_name(kb, r))
            .collect();
        format!(" ({})", names.join(", "))
    };
    // The lines the person marked, as they read them, then what to do.
    let mut body: Vec<String> = f
        .lines
        .iter()
        .map(|l| format!("You marked: {l}."))
        .collect();
    if with_message {
        body.push(f.message.clone());
    }
    Entry {
        head: format!("{}: {}{regions}", answered(f), item_title(kb, &f.id)),
        body,
        not_sure: with_message.then(|| f.not_sure.clone()).flatten(),
        tier: Some(f.tier),
    }
}

/// The result in blocks: why (referrals), areas left out, made gentler (every caution that fired,
/// always shown), and under a referral the other answers noted for the clinician. A referral
/// outcome has no "left out" or "made gentler" block: it carries no technique advice.
pub fn blocks(kb: &KnowledgeBase, s: &Screening) -> Vec<Block> {
    let mut out = Vec::new();
    // The referrals at the heading's tier explain it; less urgent ones follow under their own
    // title, so a same-day heading never reads as "within days".
    let top = s.referrals.iter().map(|f| f.tier).max();
    let (why, less): (Vec<&Fired>, Vec<&Fired>) =
        s.referrals.iter().partition(|f| Some(f.tier) == top);
    for (title, fired) in [("Why", why), ("Also, less urgent", less)] {
        if !fired.is_empty() {
            out.push(Block {
                kind: BlockKind::Why,
                title,
                entries: fired.iter().map(|f| fired_entry(kb, f, true)).collect(),
            });
        }
    }
    if s.is_referral() {
        let noted: Vec<Entry> = s
            .fired
            .iter()
            .filter(|f| !s.referrals.contains(f))
            .map(|f| fired_entry(kb, f, false))
            .collect();
        if !noted.is_empty() {
            out.push(Block {
                kind: BlockKind::Noted,
                title: "Also tell your clinician",
                entries: noted,
            });
        }
        return out;
    }
    if !s.excluded.is_empty() {
        out.push(Block {
            kind: BlockKind::LeftOut,
            title: "Left out",
            entries: s
                .excluded
                .iter()
                .map(|e| Entry {
                    head: crate::words::region_name(kb, &e.region).to_owned(),
                    body: vec![e.message.clone()],
                    not_sure: None,
                    tier: None,
                })
                .collect(),
        });
    }
    let mut gentler: Vec<Entry> = s
        .modifications
        .iter()
        .map(|m| Entry {
            head: format!(
                "{}: {}",
                crate::words::region_name(kb, &m.region),
                m.details.join("; ")
            ),
            body: Vec::new(),
            not_sure: None,
            tier: None,
        })
        .collect();
    gentler.extend(s.fired.iter().filter(|f| f.tier == Tier::Caution).map(|f| {
        // A caution about other areas changed nothing here: say so instead of its advice.
        let elsewhere = f.scope == Scope::Regions && f.regions.is_empty();
        let mut entry = fired_entry(kb, f, !elsewhere);
        if elsewhere {
            entry
                .body
                .push("It does not change the areas you chose this time.".to_owned());
        }
        entry
    }));
    if !gentler.is_empty() {
        out.push(Block {
            kind: BlockKind::Gentler,
            title: "Made gentler",
            entries: gentler,
        });
    }
    out
}
