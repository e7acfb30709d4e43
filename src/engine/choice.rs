//! Choosing a region's technique and tool: the best fit for how it feels, the goal, the
//! preference and the tools owned (a technique with its own tool first; a stand-in only where the
//! knowledge base allows it), never harder under a caution than without it; and its dose levels.

use std::collections::BTreeSet;

use super::answers::{Preference, Preferences};
use super::limits::Limits;
use super::routine::{feel_words, goal_words};
use super::screening::Allowed;
use crate::kb::{Feel, Goal, Kind, KnowledgeBase, Method, Pressure, Technique};

/// The tool chosen for a technique, and what it stands in for.
pub(super) struct ToolChoice {
    pub(super) tool: String,
    pub(super) substitute_for: Option<String>,
    pub(super) change: Option<String>,
}

fn pick_tool(
    kb: &KnowledgeBase,
    t: &Technique,
    limits: &Limits,
    owned: &BTreeSet<&str>,
) -> Option<ToolChoice> {
    let usable =
        |id: &str| owned.contains(id) && kb.tool(id).is_some_and(|tool| limits.allows_tool(tool));
    if let Some(id) = t.tools.iter().find(|id| usable(id)) {
        return Some(ToolChoice {
            tool: id.clone(),
            substitute_for: None,
            change: None,
        });
    }
    // A stand-in only where the knowledge base says it works for this technique's position and
    // method, never firmer than the tool it replaces (`KnowledgeBase::stand_ins`).
    t.tools.iter().find_map(|wanted| {
        kb.stand_ins(t, wanted)
            .into_iter()
            .find(|(tool, _)| usable(&tool.id))
            .map(|(tool, s)| ToolChoice {
                tool: tool.id.clone(),
                substitute_for: Some(wanted.clone()),
                change: Some(s.change.clone()),
            })
    })
}

/// A candidate step: the technique and tool chosen for one region, and its dose levels.
pub(super) struct Candidate<'kb> {
    pub(super) allowed: &'kb Allowed,
    pub(super) technique: &'kb Technique,
    pub(super) tool: ToolChoice,
    /// (sets, seconds per set), smallest first: the shortest useful set, one full set, more sets.
    pub(super) levels: Vec<(u32, u32)>,
    pub(super) why: Vec<String>,
}

impl Candidate<'_> {
    pub(super) fn time(&self, level: usize) -> u32 {
        let (sets, seconds) = self.levels[level];
        self.technique.dosage.time(sets, seconds)
    }

    /// The level that counts as a real dose: one full set (or the only level there is).
    pub(super) fn real(&self) -> usize {
        1.min(self.levels.len() - 1)
    }
}

fn score(t: &Technique, a: &Allowed, pref: Preference) -> i32 {
    let d = a.details;
    let mut s = 0;
    match (pref, t.kind) {
        (Preference::Direct, Kind::Direct) | (Preference::Indirect, Kind::Indirect) => s += 100,
        (Preference::Auto, Kind::Indirect) if d.intensity >= 7 => s += 30,
        (Preference::Auto, Kind::Direct) if d.feel == Feel::Knot && d.intensity < 7 => s += 15,
        (Preference::Auto, Kind::Indirect) if d.feel == Feel::AchingLongTerm => s += 15,
        _ => {}
    }
    if t.feels.contains(&d.feel) {
        s += 40;
    }
    if t.uses.contains(&d.goal) {
        s += 30;
    }
    if d.goal == Goal::WarmUp && t.dosage.method == Method::Hold {
        s -= 20;
    }
    if d.intensity >= 7 {
        s += match t.pressure {
            Pressure::Light => 15,
            Pressure::Moderate => 5,
            Pressure::Firm => 0,
        };
    }
    s
}

/// Seconds of one full set of `t` under `limits` for `goal`: capped by the hold limit, and short
/// and brisk for a warm-up.
fn full_seconds(t: &Technique, limits: &Limits, goal: Goal) -> u32 {
    let d = &t.dosage;
    let full = d.seconds.min(limits.max_hold_seconds.unwrap_or(u32::MAX));
    if goal == Goal::WarmUp {
        full.min(30).max(d.min_seconds)
    } else {
        full
    }
}

/// How hard a technique with a tool is, in the ways a caution may only ever lower: direct or
/// not, pressure, tool firmness, and seconds of sustained pressure on one spot (0 for rolling and
/// gliding, which keep moving; their set length is capped by the limits themselves).
#[derive(Debug, Clone, Copy)]
struct Hardness {
    direct: bool,
    pressure: Pressure,
    firmness: Option<crate::kb::Firmness>,
    held: u32,
}

impl Hardness {
    fn of(
        kb: &KnowledgeBase,
        t: &Technique,
        tool: &ToolChoice,
        limits: &Limits,
        goal: Goal,
    ) -> Self {
        let held = match t.dosage.method {
            Method::Hold => t
                .dosage
                .hold_seconds
                .map_or(0, |h| h.min(full_seconds(t, limits, goal))),
            Method::Roll | Method::Glide => 0,
        };
        Self {
            direct: t.kind == Kind::Direct,
            pressure: t.pressure,
            firmness: kb.tool(&tool.tool).map(|x| x.firmness),
            held,
        }
    }

    fn no_harder_than(self, other: Self) -> bool {
        (!self.direct || other.direct)
            && self.pressure <= other.pressure
            && self.firmness <= other.firmness
            && self.held <= other.held
    }
}

/// The technique and tool for a region. Under cautions the pick must be no harder than the pick
/// with any one of those cautions left out, so by induction no caution ever makes a step harder
/// than it would be without it. Computed for every subset of the region's cautions, smallest
/// first (a subset's bitmask is smaller than its supersets'); cautions per region are few.
fn choose<'kb>(
    kb: &'kb KnowledgeBase,
    a: &Allowed,
    prefs: &Preferences,
    owned: &BTreeSet<&str>,
) -> Option<(&'kb Technique, ToolChoice)> {
    let k = a.cautions.len().min(16);
    let mut picks: Vec<Option<(&Technique, ToolChoice, Hardness)>> = Vec::with_capacity(1 << k);
    for mask in 0usize..(1 << k) {
        let mut limits = Limits::default();
        for (i, c) in a.cautions.iter().enumerate().take(k) {
            if mask & (1 << i) != 0 {
                limits.merge_limits(c);
            }
        }
        let bounds: Option<Vec<Hardness>> = (0..k)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| picks[mask ^ (1 << i)].as_ref().map(|p| p.2))
            .collect();
        let pick = bounds.and_then(|bounds| {
            kb.techniques_for(&a.region)
                .filter(|t| limits.allows_technique(t))
                .filter_map(|t| pick_tool(kb, t, &limits, owned).map(|tool| (t, tool)))
                .map(|(t, tool)| {
                    let h = Hardness::of(kb, t, &tool, &limits, a.details.goal);
                    (t, tool, h)
                })
                .filter(|(_, _, h)| bounds.iter().all(|b| h.no_harder_than(*b)))
                .enumerate()
                .max_by_key(|(i, (t, tool, _))| {
                    // A technique done with its own tool beats any done with a stand-in.
                    let own = tool.substitute_for.is_none();
                    (own, score(t, a, prefs.technique), std::cmp::Reverse(*i))
                })
                .map(|(_, p)| p)
        });
        picks.push(pick);
    }
    picks.pop().flatten().map(|(t, tool, _)| (t, tool))
}

pub(super) fn candidate<'kb>(
    kb: &'kb KnowledgeBase,
    a: &'kb Allowed,
    prefs: &Preferences,
    owned: &BTreeSet<&str>,
) -> Option<Candidate<'kb>> {
    let (technique, tool) = choose(kb, a, prefs, owned)?;
    let d = &technique.dosage;
    let full = full_seconds(technique, &a.limits, a.details.goal);
    let sets = if a.details.goal == Goal::WarmUp {
        1
    } else {
        d.sets
    };
    let mut levels = vec![(1, d.min_seconds)];
    levels.extend((1..=sets).map(|n| (n, full)));
    levels.dedup();

    let mut why = Vec::new();
    if a.chosen {
        let mut fits = Vec::new();
        if technique.feels.contains(&a.details.feel) {
            fits.push(format!(
                "suits an area that feels {}",
                feel_words(a.details.feel)
            ));
        }
        if technique.uses.contains(&a.details.goal) {
            fits.push(format!("fits your goal of {}", goal_words(a.details.goal)));
        }
        if fits.is_empty() {
            fits.push("is the best fit left for this area".to_owned());
        }
        why.push(format!(
            "You chose this area ({}, {}/10). This {} technique {}.",
            feel_words(a.details.feel),
            a.details.intensity,
            technique.kind,
            fits.join(" and ")
        ));
        match (prefs.technique, technique.kind) {
            (Preference::Direct, Kind::Indirect) => why.push("No direct technique fits here, so this one is indirect.".to_owned()),
            (Preference::Indirect, Kind::Direct) => why.push("No indirect technique fits your tools here, so this one is direct: keep the pressure light.".to_owned()),
            (Preference::Auto, Kind::Indirect) if a.details.intensity >= 7 => why.push("It is gentle because the area is very sore.".to_owned()),
            _ => {}
        }
    } else if let Some(rel) = kb
        .regions()
        .iter()
        .flat_map(|r| r.related.iter())
        .find(|rel| rel.region == a.region)
    {
        why.push(format!(
            "Added because you had time left and you checked this area too: {}",
            rel.why
        ));
    }
    if !a.limits.is_empty() {
        why.push(format!(
            "Kept within your cautions: {}.",
            a.limits.describe(kb).join("; ")
        ));
    }
    Some(Candidate {
        allowed: a,
        technique,
        tool,
        levels,
        why,
    })
}
