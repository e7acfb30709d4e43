//! What the interview asks and hears: the age bands, answers remembered from earlier checks,
//! the questions ([`Ask`]: a checklist, one item, which areas, the age, "still true?") and the
//! responses to them. The interview that chooses them is `interview`.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::answers::Reply;
use crate::kb::{Gate, KnowledgeBase, Line, ScreeningItem, Section};

/// The two contract items that the age question answers.
pub const AGE_ITEMS: [&str; 2] = ["under_16", "age_50_plus"];

/// The answer to the age question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    Under16,
    From16To49,
    From50,
    /// 16 or over, but not sure whether 50 yet: not sure for `age_50_plus` only.
    Unsure50,
    /// Not sure, or would rather not say: counts as not sure for both age items.
    NotSure,
}

impl AgeBand {
    pub const ALL: [AgeBand; 5] = [
        AgeBand::Under16,
        AgeBand::From16To49,
        AgeBand::From50,
        AgeBand::Unsure50,
        AgeBand::NotSure,
    ];

    /// In words, for people.
    pub fn words(self) -> &'static str {
        match self {
            AgeBand::Under16 => "under 16",
            AgeBand::From16To49 => "16 to 49",
            AgeBand::From50 => "50 or over",
            AgeBand::Unsure50 => "16 or over, not sure if 50 yet",
            AgeBand::NotSure => "not sure, or rather not say",
        }
    }

    /// The replies to `under_16` and `age_50_plus`.
    pub(super) fn replies(self) -> [Reply; 2] {
        match self {
            AgeBand::Under16 => [Reply::Yes, Reply::No],
            AgeBand::From16To49 => [Reply::No, Reply::No],
            AgeBand::From50 => [Reply::No, Reply::Yes],
            AgeBand::Unsure50 => [Reply::No, Reply::NotSure],
            AgeBand::NotSure => [Reply::NotSure, Reply::NotSure],
        }
    }
}

/// A remembered answer from an earlier check, with the day it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    pub item: String,
    /// The area, for answers about one area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub reply: Reply,
    pub since: Date,
}

impl Remembered {
    /// Whether the answer still holds on `today`: the item may be remembered (`recheck` months,
    /// at most 12) and that long has not passed.
    pub fn holds(&self, kb: &KnowledgeBase, today: Date) -> bool {
        let Some(item) = kb.item(&self.item) else {
            return false;
        };
        let months = i32::try_from(item.recheck).unwrap_or(0);
        months > 0
            && self.since <= today
            && self
                .since
                .checked_add(jiff::Span::new().months(months))
                .is_ok_and(|until| today < until)
    }
}

/// One question of the interview.
#[derive(Debug, Clone)]
pub enum Ask<'kb> {
    /// "Still true?" over the remembered answers that hold today.
    Confirm(Vec<Remembered>),
    /// How old are you? (answers `under_16` and `age_50_plus`).
    Age,
    /// A checklist over the lines of `items` ([`Ask::lines`]); for area gates, about `regions`.
    Gate {
        gate: &'kb Gate,
        items: Vec<&'kb ScreeningItem>,
        regions: Vec<&'kb str>,
    },
    /// One item; for area items asked once across `regions`.
    Item {
        item: &'kb ScreeningItem,
        regions: Vec<&'kb str>,
    },
    /// After a yes or not sure to an area item asked across several areas: which of them.
    WhichAreas {
        item: &'kb ScreeningItem,
        reply: Reply,
        regions: Vec<&'kb str>,
    },
}

impl<'kb> Ask<'kb> {
    /// A checklist's lines in the order shown, each with its item and its number in the item.
    pub fn lines(&self) -> Vec<(&'kb ScreeningItem, usize, &'kb Line)> {
        match self {
            Ask::Gate { items, .. } => items
                .iter()
                .flat_map(|item| {
                    item.lines
                        .iter()
                        .enumerate()
                        .map(move |(j, l)| (*item, j, l))
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The part of the check it belongs to.
    pub fn section(&self) -> Section {
        match self {
            Ask::Confirm(_) | Ask::Age => Section::Health,
            Ask::Gate { gate, .. } => gate.section,
            Ask::Item { item, .. } | Ask::WhichAreas { item, .. } => item.section,
        }
    }
}

/// What the person answered to an [`Ask`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// Gate: `No` is "none of these", `NotSure` not sure about every line, `Yes` yes to every
    /// line. Item: the reply.
    Reply(Reply),
    /// Gate: the lines marked, by their number in [`Ask::lines`], each yes or not sure; the lines
    /// not marked are no (the person read them all).
    Lines(BTreeMap<usize, Reply>),
    Age(AgeBand),
    /// Which areas: the reply for each area (areas left out are no).
    Areas(BTreeMap<String, Reply>),
    /// Confirm: true when nothing changed.
    Confirmed(bool),
}
