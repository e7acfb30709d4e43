//! A routine's steps as the person follows them: the dose at the level chosen, the tool and any
//! stand-in, the cues, what each step keeps off, and the movement test of each area.

use std::fmt::Write;

use serde::Serialize;

use super::choice::Candidate;
use super::limits::Limits;
use super::screening::fill;
use crate::kb::{Kind, KnowledgeBase, Method, Position, Pressure, Technique};

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

/// The movement test of each area the steps work on, in step order, once each.
pub(super) fn movement_tests(kb: &KnowledgeBase, steps: &[Step]) -> Vec<MovementTest> {
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

pub(super) fn step(kb: &KnowledgeBase, c: Candidate<'_>, level: usize, emergency: &str) -> Step {
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
