//! The routine builder: from a screening [`Permit`] and the person's preferences to timed steps.
//! It cannot be called without a permit, so no path reaches techniques past a red flag.

use std::collections::BTreeSet;
use std::fmt::Write;

use serde::Serialize;

use super::answers::{Preference, Preferences};
use super::limits::Limits;
use super::screening::{Allowed, Permit, fill};
use crate::kb::{Feel, Goal, Kind, KnowledgeBase, Method, Position, Pressure, Technique};

/// A timed, ordered routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Routine {
    pub total_seconds: u32,
    pub budget_seconds: u32,
    pub steps: Vec<Step>,
    /// A short movement test of each area in the routine: done before the first step and again
    /// after the last, to feel the change (not counted in the time).
    pub tests: Vec<MovementTest>,
    /// Allowed regions that did not make it in, and why (time, or no tool that fits).
    pub left_out: Vec<LeftOut>,
    /// Related regions worth checking, never steps (they were not screened).
    pub suggestions: Vec<Suggestion>,
}

/// One step of a routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub region: String,
    pub technique: String,
    pub name: String,
    pub kind: Kind,
    pub tool: String,
    /// The tool the technique asks for when `tool` stands in for it.
    pub substitute_for: Option<String>,
    /// How the stand-in changes the feel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub substitution: Option<String>,
    pub pressure: Pressure,
    pub position: Position,
    pub method: Method,
    /// The whole step: every set, both sides, rests included.
    pub seconds: u32,
    pub sets: u32,
    pub seconds_per_set: u32,
    pub rest_seconds: u32,
    pub per_side: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holds: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hold_seconds: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pace_cm_per_s: Option<[u32; 2]>,
    pub cues: Vec<String>,
    /// The no-go zones this step works near and how it keeps off each; zones a caution named
    /// come first.
    pub keeps_off: Vec<KeepOff>,
    pub stop_if: Vec<String>,
    pub reason: String,
}

/// A zone a step keeps off, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeepOff {
    pub zone: String,
    /// The zone's name, for people.
    pub name: String,
    pub how: String,
    /// True when one of the person's cautions named this zone.
    pub caution: bool,
}

/// How to test an area's movement before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MovementTest {
    pub region: String,
    pub how: String,
}

/// An allowed region that is not in the routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    pub region: String,
    pub reason: String,
}

/// A related region to consider adding (and screening).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub region: String,
    pub from: String,
    pub why: String,
}

/// The tool chosen for a technique, and what it stands in for.
struct ToolChoice {
    tool: String,
    substitute_for: Option<String>,
    change: Option<String>,
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
struct Candidate<'kb> {
    allowed: &'kb Allowed,
    technique: &'kb Technique,
    tool: ToolChoice,
    /// (sets, seconds per set), smallest first: the shortest useful set, one full set, more sets.
    levels: Vec<(u32, u32)>,
    why: Vec<String>,
}

impl Candidate<'_> {
    fn time(&self, level: usize) -> u32 {
        let (sets, seconds) = self.levels[level];
        self.technique.dosage.time(sets, seconds)
    }

    /// The level that counts as a real dose: one full set (or the only level there is).
    fn real(&self) -> usize {
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

/// What an area feels like, in words.
pub fn feel_words(f: Feel) -> &'static str {
    match f {
        Feel::Tight => "tight or stiff",
        Feel::SoreAfterExercise => "sore after exercise",
        Feel::Knot => "a tender knot",
        Feel::AchingLongTerm => "aching for weeks or longer",
    }
}

/// A goal, in words.
pub fn goal_words(g: Goal) -> &'static str {
    match g {
        Goal::WarmUp => "warming up before activity",
        Goal::Recover => "recovery after activity",
        Goal::Relief => "general relief",
    }
}

fn candidate<'kb>(
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

/// Builds the routine for the permitted regions. Pure and deterministic.
pub fn build(kb: &KnowledgeBase, permit: &Permit, prefs: &Preferences) -> Routine {
    let budget = prefs.minutes * 60;
    let mut owned: BTreeSet<&str> = prefs.tools.iter().map(String::as_str).collect();
    owned.extend(
        kb.tools()
            .iter()
            .filter(|t| t.always_owned)
            .map(|t| t.id.as_str()),
    );

    let mut chosen: Vec<&Allowed> = permit.regions().iter().filter(|a| a.chosen).collect();
    chosen.sort_by_key(|a| {
        (
            std::cmp::Reverse(a.details.intensity),
            kb.region_order(&a.region),
        )
    });
    let extras: Vec<&Allowed> = permit.regions().iter().filter(|a| !a.chosen).collect();

    let mut left_out = Vec::new();
    let mut plan: Vec<(Candidate<'_>, usize)> = Vec::new();
    for group in [&chosen, &extras] {
        let start = plan.len();
        for a in group.iter().copied() {
            let Some(c) = candidate(kb, a, prefs, &owned) else {
                if a.chosen {
                    left_out.push(LeftOut {
                        region: a.region.clone(),
                        reason: "No technique for this area is gentle enough for all your cautions with the tools you have.".to_owned(),
                    });
                }
                continue;
            };
            let used: u32 = plan.iter().map(|(c, l)| c.time(*l)).sum();
            // A region joins only if it gets a real dose (one full set); the first one joins at
            // its shortest useful dose if that is all the time there is.
            let level = if used + c.time(c.real()) <= budget {
                c.real()
            } else if plan.is_empty() && c.time(0) <= budget {
                0
            } else {
                if a.chosen {
                    left_out.push(LeftOut {
                        region: a.region.clone(),
                        reason: format!(
                            "Left out for time: it needs at least {} s and {} s were left.",
                            c.time(c.real()),
                            budget.saturating_sub(used)
                        ),
                    });
                }
                continue;
            };
            plan.push((c, level));
        }
        // Round-robin upgrades, most intense region first, while they fit.
        loop {
            let mut grew = false;
            for i in start..plan.len() {
                let used: u32 = plan.iter().map(|(c, l)| c.time(*l)).sum();
                let (c, level) = &plan[i];
                if level + 1 < c.levels.len() && used - c.time(*level) + c.time(level + 1) <= budget
                {
                    plan[i].1 += 1;
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
    }

    let suggestions = suggestions(kb, permit, &chosen);
    let steps: Vec<Step> = plan
        .into_iter()
        .map(|(c, level)| step(kb, c, level, permit.emergency()))
        .collect();
    Routine {
        total_seconds: steps.iter().map(|s| s.seconds).sum(),
        budget_seconds: budget,
        tests: movement_tests(kb, &steps),
        steps,
        left_out,
        suggestions,
    }
}

/// Related regions of the chosen ones worth checking: never one already in the permit, and never
/// one the answers rule out.
fn suggestions(kb: &KnowledgeBase, permit: &Permit, chosen: &[&Allowed]) -> Vec<Suggestion> {
    let in_routine: BTreeSet<&str> = permit.regions().iter().map(|a| a.region.as_str()).collect();
    let mut suggestions: Vec<Suggestion> = Vec::new();
    for a in chosen {
        for rel in kb
            .region(&a.region)
            .map(|r| r.related.as_slice())
            .unwrap_or_default()
        {
            if !in_routine.contains(rel.region.as_str())
                && !permit.rules_out(&rel.region)
                && !suggestions.iter().any(|s| s.region == rel.region)
            {
                let name = kb
                    .region(&rel.region)
                    .map_or(rel.region.as_str(), |r| r.name.as_str());
                suggestions.push(Suggestion {
                    region: rel.region.clone(),
                    from: a.region.clone(),
                    why: format!("{} Add {} to check it.", rel.why, name.to_lowercase()),
                });
            }
        }
    }

    suggestions
}

/// The movement test of each area the steps work on, in step order, once each.
fn movement_tests(kb: &KnowledgeBase, steps: &[Step]) -> Vec<MovementTest> {
    let mut tests: Vec<MovementTest> = Vec::new();
    for step in steps {
        if let Some(r) = kb.region(&step.region)
            && !tests.iter().any(|t| t.region == r.id)
        {
            tests.push(MovementTest {
                region: r.id.clone(),
                how: r.movement_test.clone(),
            });
        }
    }
    tests
}

fn step(kb: &KnowledgeBase, c: Candidate<'_>, level: usize, emergency: &str) -> Step {
    let t = c.technique;
    let d = &t.dosage;
    let (sets, per_set) = c.levels[level];
    let hold_seconds = d.hold_seconds.map(|h| h.min(per_set));
    let cues: Vec<String> = t.cues.iter().map(|c| fill(c, emergency)).collect();
    let mut reason = c.why.join(" ");
    if let (Some(from), Some(change)) = (&c.tool.substitute_for, &c.tool.change) {
        let name = kb.tool(from).map_or(from.as_str(), |t| t.name.as_str());
        let _ = write!(
            reason,
            " Uses your {} instead of a {}: {}",
            tool_name(kb, &c.tool.tool),
            name.to_lowercase(),
            change
        );
    }
    Step {
        region: c.allowed.region.clone(),
        technique: t.id.clone(),
        name: t.name.clone(),
        kind: t.kind,
        tool: c.tool.tool,
        substitute_for: c.tool.substitute_for,
        substitution: c.tool.change,
        pressure: t.pressure,
        position: t.position,
        method: d.method,
        seconds: d.time(sets, per_set),
        sets,
        seconds_per_set: per_set,
        rest_seconds: if sets > 1 { d.rest_seconds } else { 0 },
        per_side: d.per_side,
        passes: match d.method {
            Method::Roll | Method::Glide => d.pass_seconds.map(|p| (per_set / p.max(1)).max(1)),
            Method::Hold => None,
        },
        holds: hold_seconds.map(|h| (per_set / h.max(1)).max(1)),
        hold_seconds,
        pace_cm_per_s: d.pace_cm_per_s,
        cues,
        keeps_off: keeps_off(kb, t, &c.allowed.limits),
        stop_if: t.stop_if.iter().map(|c| fill(c, emergency)).collect(),
        reason,
    }
}

/// The zones a step keeps off, as the technique says (it lists every zone it works near and how
/// it keeps off each), those a caution named first and marked. A keep-off caution is an
/// instruction shown with the step, never a reason to drop the technique; a step that does not
/// work near the zone has nothing to keep off.
fn keeps_off(kb: &KnowledgeBase, t: &Technique, limits: &Limits) -> Vec<KeepOff> {
    let mut out: Vec<KeepOff> = t
        .near_zones
        .iter()
        .map(|z| KeepOff {
            zone: z.zone.clone(),
            name: kb
                .zone(&z.zone)
                .map_or_else(|| z.zone.clone(), |x| x.name.clone()),
            how: z.how.clone(),
            caution: limits.keep_off.contains(&z.zone),
        })
        .collect();
    out.sort_by_key(|k| !k.caution);
    out
}

fn tool_name(kb: &KnowledgeBase, id: &str) -> String {
    kb.tool(id)
        .map_or_else(|| id.to_owned(), |t| t.name.to_lowercase())
}
