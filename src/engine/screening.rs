//! Screening: the outcome of a set of answers, the regions left out or made gentler, and why.
//! Only an outcome that allows a routine hands out a [`Permit`], the one input the routine
//! builder accepts. Which questions are asked is in `questions`; what they fire, in `firing`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::answers::{Answers, RegionDetails, Reply};
use super::firing::{RegionCautions, fire_combinations, fire_items, own_limits};
use super::limits::Limits;
use super::messages::{Tone, outcome_message};
use super::questions::{chosen, collect, screened_extras};
use crate::kb::{Effect, KnowledgeBase, ScreeningItem, Tier};

/// What the emergency placeholder becomes when the user configured nothing.
pub const DEFAULT_EMERGENCY: &str = "your local emergency number (e.g. 911, 112, 999)";

/// How a run ends, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Emergency,
    Urgent,
    Refer,
    NothingSafe,
    Routine,
}

impl Outcome {
    /// Emergency, urgent and refer: outcomes that send the person to care instead of a routine.
    pub fn is_referral(self) -> bool {
        matches!(self, Outcome::Emergency | Outcome::Urgent | Outcome::Refer)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Emergency => "emergency",
            Outcome::Urgent => "urgent",
            Outcome::Refer => "refer",
            Outcome::NothingSafe => "nothing_safe",
            Outcome::Routine => "routine",
        }
    }
}

/// A screening item or combination rule that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fired {
    pub id: String,
    pub tier: Tier,
    pub answer: Reply,
    /// The regions it affects; empty when `scope` is global.
    pub regions: Vec<String>,
    pub scope: Scope,
    /// True for combination rules.
    pub combination: bool,
    pub message: String,
    /// Set when the answer was "not sure": what to check or whom to ask.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_sure: Option<String>,
    /// The checklist lines the person marked for it, as they read them (empty when not known,
    /// as in an answers file that gives only the answer).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<String>,
}

impl Fired {
    /// A fired item acting on `regions`, or on the whole run when `None`.
    pub(super) fn new(
        kb: &KnowledgeBase,
        id: &str,
        tier: Tier,
        answer: Reply,
        regions: Option<BTreeSet<String>>,
        message: String,
        not_sure: Option<String>,
    ) -> Self {
        Self {
            id: id.to_owned(),
            tier,
            answer,
            scope: if regions.is_some() {
                Scope::Regions
            } else {
                Scope::Global
            },
            regions: sorted(kb, regions.unwrap_or_default()),
            combination: false,
            message,
            not_sure,
            lines: Vec::new(),
        }
    }
}

/// Whether a fired item acts on the whole run or on some regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Global,
    Regions,
}

/// A region left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exclusion {
    pub region: String,
    pub because: Vec<String>,
    pub message: String,
}

/// What cautions changed on a region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Modification {
    pub region: String,
    pub because: Vec<String>,
    pub applied: Vec<String>,
    /// The same in plain words.
    pub details: Vec<String>,
}

/// A region the routine may work on, with its limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    pub region: String,
    pub details: RegionDetails,
    pub limits: Limits,
    /// Each caution's own limits on this region (their combination is `limits`).
    pub cautions: Vec<Limits>,
    /// False for a related region that was screened without being chosen.
    pub chosen: bool,
}

/// Proof that screening allows a routine, and on which regions. Only [`screen`] makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permit {
    regions: Vec<Allowed>,
    emergency: String,
    ruled_out: BTreeSet<String>,
}

impl Permit {
    /// The allowed regions: chosen ones first (in body-map order), then screened related ones.
    pub fn regions(&self) -> &[Allowed] {
        &self.regions
    }

    /// The emergency wording in force.
    pub fn emergency(&self) -> &str {
        &self.emergency
    }

    /// Whether the answers rule a region out (excluded, in a group an item excluded, or with no
    /// technique gentle enough for the cautions): never suggested, never a step.
    pub fn rules_out(&self, region: &str) -> bool {
        self.ruled_out.contains(region)
    }
}

/// The result of screening one set of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screening {
    pub outcome: Outcome,
    pub message: String,
    pub fired: Vec<Fired>,
    pub referrals: Vec<Fired>,
    pub excluded: Vec<Exclusion>,
    pub modifications: Vec<Modification>,
    /// Items asked but not answered (they count as the default answer, normally "not sure").
    pub unanswered: Vec<String>,
    /// True when an interactive check stopped at an emergency, urgent or refer answer, before
    /// the remaining questions were asked (see [`crate::engine::stop`]).
    pub stopped_early: bool,
    /// A referral that is only a pause until the person is well again (every global refer that
    /// fired is a pause, such as a fever): its heading says pause, not "see a doctor first".
    pub pause: bool,
    permit: Option<Permit>,
}

impl Screening {
    /// Whether the outcome sends the person to a clinician (emergency, urgent or refer): then it
    /// carries no technique advice at all.
    pub fn is_referral(&self) -> bool {
        self.outcome.is_referral()
    }

    /// Present only when the outcome is `routine`.
    pub fn permit(&self) -> Option<&Permit> {
        self.permit.as_ref()
    }

    /// When the routine builder could place no step at all, the run is `nothing_safe` after all,
    /// with the builder's reasons as exclusions.
    pub(crate) fn nothing_left(&mut self, reasons: Vec<Exclusion>, emergency: &str) {
        self.excluded.extend(reasons);
        self.outcome = Outcome::NothingSafe;
        let refer = self.fired.iter().any(|f| f.tier == Tier::Refer);
        self.message = fill(
            outcome_message(Outcome::NothingSafe, Tone::seen(refer)),
            emergency,
        );
        self.permit = None;
    }
}

/// Puts the emergency wording in place of `{emergency}` in knowledge-base text.
pub fn fill(text: &str, emergency: &str) -> String {
    text.replace("{emergency}", emergency)
}

/// Screens `answers` against `kb`. Pure and deterministic. `emergency` replaces `{emergency}`.
pub fn screen(kb: &KnowledgeBase, answers: &Answers, emergency: &str) -> Screening {
    let chosen = chosen(kb, answers);
    let extras = screened_extras(kb, answers, &chosen);
    let in_play: Vec<String> = chosen.iter().chain(&extras).cloned().collect();
    let replies = collect(kb, answers, &in_play);

    let mut cautions = BTreeMap::new();
    let mut fired = fire_items(kb, answers, &replies, &in_play, emergency, &mut cautions);
    fire_combinations(kb, &mut fired, &in_play, emergency);

    let mut outcome = Outcome::Routine;
    let mut excluded: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for f in &fired {
        match (f.tier, f.scope) {
            (Tier::Emergency, _) => outcome = outcome.min(Outcome::Emergency),
            (Tier::Urgent, _) => outcome = outcome.min(Outcome::Urgent),
            (Tier::Refer, Scope::Global) => outcome = outcome.min(Outcome::Refer),
            (Tier::Refer | Tier::Local, Scope::Regions) => {
                for region in &f.regions {
                    let e = excluded.entry(region.clone()).or_default();
                    e.0.push(f.id.clone());
                    e.1.push(f.message.clone());
                    e.1.extend(f.not_sure.clone());
                }
            }
            _ => {}
        }
    }
    let mut referrals: Vec<Fired> = fired
        .iter()
        .filter(|f| matches!(f.tier, Tier::Emergency | Tier::Urgent | Tier::Refer))
        .cloned()
        .collect();
    referrals.sort_by_key(|f| std::cmp::Reverse(f.tier));

    let allowed = allow(kb, answers, &in_play, &chosen, &cautions, &mut excluded);
    let ruled_out = ruled_out(kb, &fired, &in_play, &excluded);
    // A referral carries no technique advice: nothing made gentler, nothing left out "for now".
    let referral = outcome.is_referral();
    let modifications: Vec<Modification> = allowed
        .iter()
        .filter(|a| !referral && a.chosen && !a.limits.is_empty())
        .map(|a| Modification {
            region: a.region.clone(),
            because: cautions
                .get(&a.region)
                .map(|c| c.because.clone())
                .unwrap_or_default(),
            applied: a.limits.labels(),
            details: a.limits.describe(kb),
        })
        .collect();
    let excluded: Vec<Exclusion> = chosen
        .iter()
        .filter(|_| !referral)
        .filter_map(|r| {
            excluded.get(r).map(|(because, messages)| Exclusion {
                region: r.clone(),
                because: because.clone(),
                message: messages.join(" "),
            })
        })
        .collect();
    if outcome == Outcome::Routine && !allowed.iter().any(|a| a.chosen) {
        outcome = Outcome::NothingSafe;
    }
    let tone = match outcome {
        Outcome::Refer => {
            let pause = fired
                .iter()
                .filter(|f| f.tier == Tier::Refer && f.scope == Scope::Global)
                .all(|f| kb.item(&f.id).is_some_and(|i| i.pause));
            if pause { Tone::Pause } else { Tone::Plain }
        }
        Outcome::NothingSafe => Tone::seen(
            excluded
                .iter()
                .flat_map(|e| &e.because)
                .any(|id| kb.item(id).is_some_and(|i| i.tier == Tier::Refer)),
        ),
        _ if !modifications.is_empty() || !excluded.is_empty() => Tone::Changed,
        _ => Tone::Plain,
    };
    let permit = (outcome == Outcome::Routine).then(|| Permit {
        regions: allowed,
        emergency: emergency.to_owned(),
        ruled_out,
    });
    Screening {
        outcome,
        message: fill(outcome_message(outcome, tone), emergency),
        fired,
        referrals,
        excluded,
        modifications,
        unanswered: replies.unanswered,
        stopped_early: false,
        pause: tone == Tone::Pause,
        permit,
    }
}

/// Every region the answers rule out, chosen or not: the excluded ones, every region of a group
/// that a fired area-level `refer` or `local` item names or was asked about as a whole (not area
/// by area), and each region outside the check where
/// the fired cautions would leave no technique. Suggestions never bring one of these back.
fn ruled_out(
    kb: &KnowledgeBase,
    fired: &[Fired],
    in_play: &[String],
    excluded: &BTreeMap<String, (Vec<String>, Vec<String>)>,
) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = excluded.keys().cloned().collect();
    for f in fired
        .iter()
        .filter(|f| matches!(f.tier, Tier::Refer | Tier::Local) && f.scope == Scope::Regions)
    {
        out.extend(f.regions.iter().cloned());
        // An answer about a whole group (not one per area) rules out the whole group.
        let group = kb.item(&f.id).map(|i| match i.effect {
            Effect::Listed => kb.expand(&i.effect_regions),
            Effect::Region if !i.per_region => kb.expand(&i.asked_for),
            Effect::Region | Effect::Global => Vec::new(),
        });
        out.extend(group.into_iter().flatten().map(str::to_owned));
    }
    let cautions: Vec<&ScreeningItem> = fired
        .iter()
        .filter(|f| f.tier == Tier::Caution && !f.combination)
        .filter_map(|f| kb.item(&f.id))
        .collect();
    for region in kb.regions().iter().map(|r| r.id.as_str()) {
        if in_play.iter().any(|r| r == region) || out.contains(region) {
            continue;
        }
        let mut limits = Limits::default();
        for item in &cautions {
            let applies = match item.effect {
                Effect::Global => true,
                Effect::Listed => kb.expand(&item.effect_regions).contains(&region),
                Effect::Region => false,
            };
            if applies {
                limits.merge_limits(&own_limits(kb, item, region));
            }
        }
        if !kb.techniques_for(region).any(|t| limits.survives(kb, t)) {
            out.insert(region.to_owned());
        }
    }
    out
}

/// The regions a routine may use, with their limits. A region where no technique survives its
/// cautions is excluded with that reason, never relaxed.
fn allow(
    kb: &KnowledgeBase,
    answers: &Answers,
    in_play: &[String],
    chosen: &[String],
    cautions: &BTreeMap<String, RegionCautions>,
    excluded: &mut BTreeMap<String, (Vec<String>, Vec<String>)>,
) -> Vec<Allowed> {
    let mut allowed = Vec::new();
    for region in in_play {
        if excluded.contains_key(region) {
            continue;
        }
        let c = cautions.get(region).cloned().unwrap_or_default();
        if !kb
            .techniques_for(region)
            .any(|t| c.combined.survives(kb, t))
        {
            let name = kb
                .region(region)
                .map_or(region.as_str(), |r| r.name.as_str());
            let message = format!(
                "No technique for the {} is gentle enough for your answers ({}). We leave it out rather than relax those limits. Ask a physio what is safe for this area.",
                name.to_lowercase(),
                c.combined.describe(kb).join("; ")
            );
            excluded.insert(region.clone(), (c.because, vec![message]));
            continue;
        }
        let mut each = c.each;
        each.sort_by_key(Limits::labels);
        each.dedup();
        allowed.push(Allowed {
            region: region.clone(),
            details: answers.regions.get(region).copied().unwrap_or_default(),
            limits: c.combined,
            cautions: each,
            chosen: chosen.contains(region),
        });
    }
    allowed
}

fn sorted(kb: &KnowledgeBase, set: BTreeSet<String>) -> Vec<String> {
    let mut v: Vec<String> = set.into_iter().collect();
    v.sort_by_key(|r| kb.region_order(r));
    v
}
