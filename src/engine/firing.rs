//! What the answers fire: each screening item's tier and regions, the caution limits it puts on
//! each region, and the combination rules whose items all fired.

use std::collections::{BTreeMap, BTreeSet};

use super::answers::{Answers, Reply};
use super::limits::Limits;
use super::questions::Replies;
use super::screening::{Fired, Scope, fill};
use crate::kb::{Effect, KnowledgeBase, ScreeningItem, Section, Tier};

pub(super) fn not_sure_note(answer: Reply, if_not_sure: &str, emergency: &str) -> Option<String> {
    (answer == Reply::NotSure).then(|| {
        format!(
            "You weren't sure, so we treated this as a yes. {}",
            fill(if_not_sure, emergency)
        )
    })
}

/// Per region: the combined limits of its cautions, their ids, and each caution's own limits.
#[derive(Debug, Clone, Default)]
pub(super) struct RegionCautions {
    pub(super) combined: Limits,
    pub(super) because: Vec<String>,
    pub(super) each: Vec<Limits>,
}

/// The limits one caution item puts on one region: every modification set that names the region
/// (or names none).
pub(super) fn own_limits(kb: &KnowledgeBase, item: &ScreeningItem, region: &str) -> Limits {
    let mut own = Limits::default();
    for set in &item.modifications {
        let narrowed = (!set.regions.is_empty()).then(|| kb.expand(&set.regions));
        if narrowed.is_none_or(|n| n.contains(&region)) {
            own.merge(set);
        }
    }
    own
}

/// The items that fired, with the regions they affect; cautions are added to `cautions`.
pub(super) fn fire_items(
    kb: &KnowledgeBase,
    answers: &Answers,
    replies: &Replies<'_>,
    in_play: &[String],
    emergency: &str,
    cautions: &mut BTreeMap<String, RegionCautions>,
) -> Vec<Fired> {
    let mut fired = Vec::new();
    for (item, item_replies) in &replies.asked {
        let hits: Vec<&(Option<String>, Reply)> =
            item_replies.iter().filter(|(_, r)| r.fires()).collect();
        let Some(answer) = hits.iter().map(|(_, r)| *r).max() else {
            continue;
        };
        let regions: Option<BTreeSet<String>> = match item.effect {
            Effect::Global => None,
            Effect::Region if item.per_region => {
                Some(hits.iter().filter_map(|(r, _)| r.clone()).collect())
            }
            Effect::Region if item.section == Section::Area => {
                Some(item_replies.iter().filter_map(|(r, _)| r.clone()).collect())
            }
            Effect::Region => Some(in_play.iter().cloned().collect()),
            Effect::Listed => {
                let listed = kb.expand(&item.effect_regions);
                Some(
                    in_play
                        .iter()
                        .filter(|r| listed.contains(&r.as_str()))
                        .cloned()
                        .collect(),
                )
            }
        };
        if item.tier == Tier::Caution {
            let targets: Vec<&String> = regions
                .as_ref()
                .map_or_else(|| in_play.iter().collect(), |r| r.iter().collect());
            for region in targets {
                let own = own_limits(kb, item, region);
                if !own.is_empty() {
                    let entry = cautions.entry(region.clone()).or_default();
                    entry.combined.merge_limits(&own);
                    entry.because.push(item.id.clone());
                    entry.each.push(own);
                }
            }
        }
        let not_sure = not_sure_note(answer, &item.if_not_sure, emergency);
        let mut entry = Fired::new(
            kb,
            &item.id,
            item.tier,
            answer,
            regions,
            fill(&item.message, emergency),
            not_sure,
        );
        entry.lines = answers
            .marked_lines(item)
            .iter()
            .map(|l| fill(&l.text, emergency))
            .collect();
        fired.push(entry);
    }
    fired
}

/// Adds the combination rules whose items all fired. A rule with a region effect applies where
/// all its region-bound items fired.
pub(super) fn fire_combinations(
    kb: &KnowledgeBase,
    fired: &mut Vec<Fired>,
    in_play: &[String],
    emergency: &str,
) {
    for rule in kb.combinations() {
        let parts: Option<Vec<&Fired>> = rule
            .all
            .iter()
            .map(|id| fired.iter().find(|f| f.id == *id && !f.combination))
            .collect();
        let Some(parts) = parts else { continue };
        let answer = if parts.iter().all(|p| p.answer == Reply::Yes) {
            Reply::Yes
        } else {
            Reply::NotSure
        };
        let regions = (rule.effect != Effect::Global).then(|| {
            parts
                .iter()
                .filter(|p| p.scope == Scope::Regions)
                .map(|p| p.regions.iter().cloned().collect::<BTreeSet<_>>())
                .reduce(|a, b| a.intersection(&b).cloned().collect())
                .unwrap_or_else(|| in_play.iter().cloned().collect())
        });
        if regions.as_ref().is_some_and(BTreeSet::is_empty) {
            continue;
        }
        let not_sure: Vec<&str> = parts.iter().filter_map(|p| p.not_sure.as_deref()).collect();
        let not_sure = (answer == Reply::NotSure).then(|| not_sure.join(" "));
        let mut entry = Fired::new(
            kb,
            &rule.id,
            rule.tier,
            answer,
            regions,
            fill(&rule.message, emergency),
            not_sure,
        );
        entry.combination = true;
        fired.push(entry);
    }
}
