//! The routine builder: from a screening [`Permit`] and the person's preferences to timed steps.
//! It cannot be called without a permit, so no path reaches techniques past a red flag.

use std::collections::BTreeSet;

use serde::Serialize;

use super::answers::Preferences;
use super::choice::{Candidate, candidate};
use super::screening::{Allowed, Permit};
use super::step::{MovementTest, Step, movement_tests, step};
use crate::kb::{Feel, Goal, KnowledgeBase};

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
