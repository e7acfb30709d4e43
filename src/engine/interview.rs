//! The adaptive interview (INTERVIEW.md, SCREENING.md v3): which question comes next, given the
//! answers so far. A checklist shows the lines of its items and the person marks the ones that
//! apply (pick which): a marked line answers its item yes or not sure, and nothing asked after
//! it can turn that into a no. Area items are asked once across the chosen areas; age is one
//! banded question; remembered answers are confirmed on one screen. Once a global refer has
//! fired, only what could still make the outcome more urgent is asked, unless the person chose to
//! finish the questions for their clinician. Pure: every step writes item-level [`Answers`].

use std::collections::{BTreeMap, BTreeSet};

use super::answers::{Answer, Answers, Reply};
pub use super::asks::{AGE_ITEMS, AgeBand, Ask, Remembered, Response};
use crate::kb::{Effect, Gate, KnowledgeBase, ScreeningItem, Section, Tier};

/// The interview's own memory: which "which areas?" were asked, what was remembered and
/// confirmed, and whether the person chose to finish the questions after a referral. Everything
/// else is read from the answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Interview {
    /// Per-area items answered yes or not sure once across several areas: "which areas?" owed.
    asked_once: BTreeSet<String>,
    which_done: BTreeSet<String>,
    remembered: Vec<Remembered>,
    confirmed: Option<bool>,
    /// After a global refer: every question is asked anyway, for the clinician's hand-off.
    finishing: bool,
}

impl Interview {
    /// A new interview; `remembered` are the answers from earlier checks that hold today.
    pub fn new(remembered: Vec<Remembered>) -> Self {
        Self {
            remembered,
            ..Self::default()
        }
    }

    /// Asks every remaining question even though a global refer fired ("finish the questions for
    /// your clinician").
    pub fn finish(&mut self) {
        self.finishing = true;
    }

    /// Whether the person chose to finish the questions after a referral.
    pub fn finishing(&self) -> bool {
        self.finishing
    }

    /// The next question, or `None` when every asked item has an answer. Once a global refer
    /// fired (and the person did not choose to finish), only items that could make the outcome
    /// more urgent, or that open such items, are asked.
    pub fn next<'kb>(&self, kb: &'kb KnowledgeBase, answers: &Answers) -> Option<Ask<'kb>> {
        let mut open = Open::new(kb, answers);
        if !self.finishing && referred(kb, answers) {
            open.items
                .retain(|(item, _)| could_raise(kb, answers, item));
        }
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

    /// The next question of one section: a checklist with unanswered items, an item asked
    /// alone, or a pending "which areas?".
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
                Some(gate) => {
                    if gates_seen.insert(gate.id.as_str()) {
                        return Some(open.gate(gate));
                    }
                }
                None => {
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
            (Ask::Gate { items, regions, .. }, Response::Reply(reply)) => {
                // The same reply to every line: "none of these", or not sure (or yes) about all.
                for item in items {
                    let all = (0..item.lines.len()).filter(|_| reply.fires()).collect();
                    self.give(kb, answers, item, regions, *reply, all);
                }
            }
            (Ask::Gate { items, regions, .. }, Response::Lines(marks)) => {
                let mut number = 0;
                for item in items {
                    let mut reply = Reply::No;
                    let mut marked = Vec::new();
                    for line in 0..item.lines.len() {
                        if let Some(r) = marks.get(&number).filter(|r| r.fires()) {
                            reply = reply.max(*r);
                            marked.push(line);
                        }
                        number += 1;
                    }
                    self.give(kb, answers, item, regions, reply, marked);
                }
            }
            (Ask::Item { item, regions }, Response::Reply(reply)) => {
                self.give(kb, answers, item, regions, *reply, Vec::new());
            }
            (
                Ask::WhichAreas {
                    item,
                    regions,
                    reply,
                },
                Response::Areas(picked),
            ) => {
                // Which areas only routes: with none picked the yes stays on every area, as not
                // sure, so no follow-up ever turns a yes into a no.
                let none = !picked.values().any(|r| r.fires());
                for region in regions {
                    let r = if none {
                        Reply::NotSure.min(*reply)
                    } else {
                        picked.get(*region).copied().unwrap_or(Reply::No)
                    };
                    answers.set(&item.id, Some(region), r);
                }
                self.which_done.insert(item.id.clone());
            }
            _ => {}
        }
    }

    /// Records `reply` to one item (with the lines marked), and owes "which areas?" for an area
    /// item answered yes or not sure across several areas.
    fn give(
        &mut self,
        kb: &KnowledgeBase,
        answers: &mut Answers,
        item: &ScreeningItem,
        regions: &[&str],
        reply: Reply,
        marked: Vec<usize>,
    ) {
        set_all(kb, answers, item, regions, reply);
        answers.mark(&item.id, marked);
        if item.per_region && reply.fires() && asked_regions(kb, item, regions) > 1 {
            self.asked_once.insert(item.id.clone());
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

/// How many of `regions` an area item is asked about.
fn asked_regions(kb: &KnowledgeBase, item: &ScreeningItem, regions: &[&str]) -> usize {
    let scope = kb.expand(&item.asked_for);
    regions.iter().filter(|r| scope.contains(r)).count()
}

/// Whether a global refer fired in the answers so far (an item asked of everyone with the refer
/// tier, answered yes or not sure): then the outcome is at least a referral.
fn referred(kb: &KnowledgeBase, answers: &Answers) -> bool {
    kb.items()
        .iter()
        .filter(|i| i.tier == Tier::Refer && i.effect == Effect::Global)
        .any(|i| answers.fires(&i.id))
}

/// Whether an item could make an outcome more urgent than a referral: it is urgent or an
/// emergency, it opens such an item (the pregnancy line opens the pregnancy signs), or it would
/// complete such a rule whose other parts already fired (a skin infection, after a fever).
fn could_raise(kb: &KnowledgeBase, answers: &Answers, item: &ScreeningItem) -> bool {
    item.tier > Tier::Refer
        || kb
            .items()
            .iter()
            .any(|i| i.tier > Tier::Refer && i.only_if.contains(&item.id))
        || kb.combinations().iter().any(|c| {
            c.tier > Tier::Refer
                && c.all.contains(&item.id)
                && c.all
                    .iter()
                    .filter(|p| **p != item.id)
                    .all(|p| answers.fires(p))
        })
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
                let scope = kb.expand(&i.asked_for);
                let regions: Vec<&str> = chosen
                    .iter()
                    .copied()
                    .filter(|r| scope.contains(r))
                    .collect();
                match i.section {
                    // Asked of everyone, or once when one of its areas was chosen.
                    Section::Emergency | Section::Health => {
                        (i.asked_for.is_empty() || !regions.is_empty()).then(|| (i, Vec::new()))
                    }
                    Section::Area => (!regions.is_empty()).then_some((i, regions)),
                }
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
