//! The adaptive interview (INTERVIEW.md): which question comes next, given the answers so far.
//! Gates ask items with the same effect as one checklist; area items are asked once across the
//! chosen areas; age is one banded question; remembered answers are confirmed on one screen. Pure:
//! every step writes item-level [`Answers`], so the screening engine and `advise` are unchanged.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::answers::{Answer, Answers, Reply};
use crate::kb::{Gate, KnowledgeBase, ScreeningItem, Section};

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
    fn replies(self) -> [Reply; 2] {
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
    /// A checklist over the titles of `items`; for area gates, about `regions`.
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

impl Ask<'_> {
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
    /// Gate: `No` is "none of these". Item: the reply.
    Reply(Reply),
    Age(AgeBand),
    /// Which areas: the reply for each area (areas left out are no).
    Areas(BTreeMap<String, Reply>),
    /// Confirm: true when nothing changed.
    Confirmed(bool),
}

/// The interview's own memory: how gates were answered, which "which areas?" were asked, and
/// what was remembered and confirmed. Everything else is read from the answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Interview {
    gates: BTreeMap<String, Reply>,
    /// Per-area items answered yes or not sure once across several areas: "which areas?" owed.
    asked_once: BTreeSet<String>,
    which_done: BTreeSet<String>,
    remembered: Vec<Remembered>,
    confirmed: Option<bool>,
}

impl Interview {
    /// A new interview; `remembered` are the answers from earlier checks that hold today.
    pub fn new(remembered: Vec<Remembered>) -> Self {
        Self {
            remembered,
            ..Self::default()
        }
    }

    /// The next question, or `None` when every asked item has an answer.
    pub fn next<'kb>(&self, kb: &'kb KnowledgeBase, answers: &Answers) -> Option<Ask<'kb>> {
        let open = Open::new(kb, answers);
        let emergency = self.section(kb, &open, Section::Emergency);
        if emergency.is_some() {
            return emergency;
        }
        if self.confirmed.is_none() && !self.remembered.is_empty() {
            return Some(Ask::Confirm(self.remembered.clone()));
        }
        if AGE_ITEMS.iter().any(|id| answers.reply(id, None).is_none()) {
            return Some(Ask::Age);
        }
        self.section(kb, &open, Section::Health)
            .or_else(|| self.section(kb, &open, Section::Area))
    }

    /// The next question of one section: a gate with open items, an item of an opened gate or
    /// one outside any gate, or a pending "which areas?".
    fn section<'kb>(
        &self,
        kb: &'kb KnowledgeBase,
        open: &Open<'kb, '_>,
        section: Section,
    ) -> Option<Ask<'kb>> {
        let mut gates_seen: BTreeSet<&str> = BTreeSet::new();
        for (item, regions) in open.items.iter().filter(|(i, _)| i.section == section) {
            if let Some(ask) = self.which_areas(kb, open.answers, item) {
                return Some(ask);
            }
            let unanswered = open.unanswered(item, regions);
            if unanswered.is_empty() && !regions.is_empty() {
                continue;
            }
            if regions.is_empty() && open.answers.reply(&item.id, None).is_some() {
                continue;
            }
            match item.gate.as_deref().and_then(|g| kb.gate(g)) {
                Some(gate) if !self.is_open(&gate.id) => {
                    if gates_seen.insert(gate.id.as_str()) {
                        return Some(open.gate(gate));
                    }
                }
                _ => {
                    return Some(Ask::Item {
                        item,
                        regions: unanswered,
                    });
                }
            }
        }
        None
    }

    /// A "which areas?" still owed for `item`: a per-area item answered yes or not sure across
    /// several areas at once.
    fn which_areas<'kb>(
        &self,
        kb: &'kb KnowledgeBase,
        answers: &Answers,
        item: &'kb ScreeningItem,
    ) -> Option<Ask<'kb>> {
        if !item.per_region || self.which_done.contains(&item.id) {
            return None;
        }
        let Some(Answer::PerRegion(map)) = answers.answers.get(&item.id) else {
            return None;
        };
        let pending: Vec<&str> = map
            .iter()
            .filter(|(_, r)| r.fires())
            .filter_map(|(r, _)| kb.region(r).map(|g| g.id.as_str()))
            .collect();
        let reply = map.values().copied().max()?;
        (pending.len() > 1 && self.asked_once.contains(&item.id)).then_some(Ask::WhichAreas {
            item,
            reply,
            regions: pending,
        })
    }

    fn is_open(&self, gate: &str) -> bool {
        self.gates.get(gate).is_some_and(|r| r.fires())
    }

    /// Records the response to `ask` in `answers` (item level) and in the interview's memory.
    pub fn answer(
        &mut self,
        kb: &KnowledgeBase,
        answers: &mut Answers,
        ask: &Ask<'_>,
        response: &Response,
    ) {
        match (ask, response) {
            (Ask::Confirm(remembered), Response::Confirmed(still_true)) => {
                self.confirmed = Some(*still_true);
                if *still_true {
                    for r in remembered {
                        if answers.reply(&r.item, r.region.as_deref()).is_none()
                            && r.region
                                .as_ref()
                                .is_none_or(|g| answers.regions.contains_key(g))
                        {
                            answers.set(&r.item, r.region.as_deref(), r.reply);
                        }
                    }
                }
            }
            (Ask::Age, Response::Age(band)) => {
                for (id, reply) in AGE_ITEMS.iter().zip(band.replies()) {
                    answers.set(id, None, reply);
                }
            }
            (
                Ask::Gate {
                    gate,
                    items,
                    regions,
                },
                Response::Reply(reply),
            ) => {
                self.gates.insert(gate.id.clone(), *reply);
                if *reply == Reply::No {
                    // "None of these": every open item of the gate is a no, area by area.
                    for item in items {
                        set_all(kb, answers, item, regions, Reply::No);
                    }
                }
            }
            (Ask::Item { item, regions }, Response::Reply(reply)) => {
                set_all(kb, answers, item, regions, *reply);
                if item.per_region && regions.len() > 1 && reply.fires() {
                    self.asked_once.insert(item.id.clone());
                }
            }
            (Ask::WhichAreas { item, regions, .. }, Response::Areas(picked)) => {
                for region in regions {
                    let r = picked.get(*region).copied().unwrap_or(Reply::No);
                    answers.set(&item.id, Some(region), r);
                }
                self.which_done.insert(item.id.clone());
            }
            _ => {}
        }
    }

    /// About how many questions are left if every answer from here on is "none" or "no".
    pub fn left(&self, kb: &KnowledgeBase, answers: &Answers) -> usize {
        let mut me = self.clone();
        let mut a = answers.clone();
        let mut n = 0;
        while let Some(ask) = me.next(kb, &a) {
            let response = match &ask {
                Ask::Confirm(_) => Response::Confirmed(true),
                Ask::Age => Response::Age(AgeBand::From16To49),
                Ask::WhichAreas { .. } => Response::Areas(BTreeMap::new()),
                Ask::Gate { .. } | Ask::Item { .. } => Response::Reply(Reply::No),
            };
            me.answer(kb, &mut a, &ask, &response);
            n += 1;
            if n > 1000 {
                break;
            }
        }
        n
    }
}

/// Sets `reply` for an item: for area items on each of `regions` it is asked for (area by area,
/// so an area added later starts unanswered), else once.
fn set_all(
    kb: &KnowledgeBase,
    answers: &mut Answers,
    item: &ScreeningItem,
    regions: &[&str],
    reply: Reply,
) {
    if item.section == Section::Area {
        let scope = kb.expand(&item.asked_for);
        for region in regions.iter().filter(|r| scope.contains(r)) {
            answers.set(&item.id, Some(region), reply);
        }
    } else {
        answers.set(&item.id, None, reply);
    }
}

/// The items the interview asks for these answers, in order, each with the chosen areas it is
/// about (empty for items asked of everyone).
struct Open<'kb, 'a> {
    answers: &'a Answers,
    items: Vec<(&'kb ScreeningItem, Vec<&'kb str>)>,
}

impl<'kb, 'a> Open<'kb, 'a> {
    fn new(kb: &'kb KnowledgeBase, answers: &'a Answers) -> Self {
        let chosen = answers.chosen(kb);
        let fired = |id: &str| answers.reply(id, None).is_some_and(Reply::fires);
        let items = kb
            .items()
            .iter()
            .filter(|i| !AGE_ITEMS.contains(&i.id.as_str()))
            .filter(|i| i.only_if.is_empty() || i.only_if.iter().any(|g| fired(g)))
            .filter_map(|i| {
                if i.section != Section::Area {
                    return Some((i, Vec::new()));
                }
                let scope = kb.expand(&i.asked_for);
                let regions: Vec<&str> = chosen
                    .iter()
                    .copied()
                    .filter(|r| scope.contains(r))
                    .collect();
                (!regions.is_empty()).then_some((i, regions))
            })
            .collect();
        Self { answers, items }
    }

    fn unanswered(&self, item: &ScreeningItem, regions: &[&'kb str]) -> Vec<&'kb str> {
        regions
            .iter()
            .copied()
            .filter(|r| self.answers.reply(&item.id, Some(r)).is_none())
            .collect()
    }

    /// A gate over its items that still need an answer, and the areas they are about.
    fn gate(&self, gate: &'kb Gate) -> Ask<'kb> {
        let mut items = Vec::new();
        let mut regions: Vec<&str> = Vec::new();
        for (item, rs) in &self.items {
            if item.gate.as_deref() != Some(gate.id.as_str()) {
                continue;
            }
            let open = self.unanswered(item, rs);
            let unanswered = if rs.is_empty() {
                self.answers.reply(&item.id, None).is_none()
            } else {
                !open.is_empty()
            };
            if unanswered {
                items.push(*item);
                for r in open {
                    if !regions.contains(&r) {
                        regions.push(r);
                    }
                }
            }
        }
        Ask::Gate {
            gate,
            items,
            regions,
        }
    }
}
