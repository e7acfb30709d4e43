//! Which questions the screening asks for a set of answers (emergency signs, then health, then
//! the chosen areas' items; gated items only behind their gate), and the replies it reads.

use std::collections::{BTreeSet, HashMap};

use super::answers::{Answer, Answers, Reply};
use crate::kb::{KnowledgeBase, ScreeningItem, Section};

/// One question as asked: the item, and for area items the chosen regions it is about.
#[derive(Debug, Clone)]
pub struct Question<'kb> {
    pub item: &'kb ScreeningItem,
    pub regions: Vec<&'kb str>,
}

pub(crate) fn chosen(kb: &KnowledgeBase, answers: &Answers) -> Vec<String> {
    answers.chosen(kb).into_iter().map(str::to_owned).collect()
}

/// The regions an area item is asked about, among `regions`.
fn asked_regions<'a>(
    kb: &KnowledgeBase,
    item: &ScreeningItem,
    regions: &'a [String],
) -> Vec<&'a str> {
    let scope = kb.expand(&item.asked_for);
    regions
        .iter()
        .map(String::as_str)
        .filter(|r| scope.contains(r))
        .collect()
}

/// Replies to every asked item: emergency signs, then health items, then area items, in KB
/// order within each section. Gated items are asked only when their gate fired.
/// One item's replies: one per asked region (`Some(region)`), or a single one (`None`).
pub(crate) type ItemReplies = Vec<(Option<String>, Reply)>;

pub(crate) struct Replies<'kb> {
    pub(crate) asked: Vec<(&'kb ScreeningItem, ItemReplies)>,
    pub(crate) unanswered: Vec<String>,
}

pub(crate) fn collect<'kb>(
    kb: &'kb KnowledgeBase,
    answers: &Answers,
    regions: &[String],
) -> Replies<'kb> {
    let default = answers.default_reply();
    let mut fired: HashMap<&str, bool> = HashMap::new();
    let mut asked = Vec::new();
    let mut unanswered = Vec::new();
    for section in [Section::Emergency, Section::Health, Section::Area] {
        for item in kb.items().iter().filter(|i| i.section == section) {
            // An item behind another is asked when that one fired; an answer given to it counts
            // whatever the other one's answer (a yes is never ignored).
            let given = answers.answers.contains_key(&item.id);
            if !item.only_if.is_empty()
                && !given
                && !item
                    .only_if
                    .iter()
                    .any(|gate| fired.get(gate.as_str()).copied().unwrap_or(false))
            {
                continue;
            }
            let about = asked_regions(kb, item, regions);
            let targets: Vec<Option<String>> = if section == Section::Area {
                about.into_iter().map(|r| Some(r.to_owned())).collect()
            } else if item.asked_for.is_empty() || !about.is_empty() {
                // Asked of everyone, or once when one of its areas is in play.
                vec![None]
            } else {
                Vec::new()
            };
            if targets.is_empty() {
                continue;
            }
            let mut replies = Vec::new();
            let mut missing = false;
            for target in targets {
                let r = answers
                    .reply(&item.id, target.as_deref())
                    .unwrap_or_else(|| {
                        missing = true;
                        default
                    });
                replies.push((target, r));
            }
            if missing {
                unanswered.push(item.id.clone());
            }
            fired.insert(&item.id, replies.iter().any(|(_, r)| r.fires()));
            asked.push((item, replies));
        }
    }
    Replies { asked, unanswered }
}

/// The questions asked for these answers (which regions were chosen and how gates were answered).
pub fn questionnaire<'kb>(kb: &'kb KnowledgeBase, answers: &Answers) -> Vec<Question<'kb>> {
    let regions = chosen(kb, answers);
    collect(kb, answers, &regions)
        .asked
        .into_iter()
        .map(|(item, replies)| Question {
            item,
            regions: replies
                .iter()
                .filter_map(|(r, _)| r.as_deref())
                .filter_map(|r| kb.region(r).map(|g| g.id.as_str()))
                .collect(),
        })
        .collect()
}

/// One prompt of the questionnaire: an item, and the region it asks about when answered per
/// region (`regions` then holds just that region; otherwise all the chosen regions it is about).
#[derive(Debug, Clone)]
pub struct Prompt<'kb> {
    pub item: &'kb ScreeningItem,
    pub region: Option<&'kb str>,
    pub regions: Vec<&'kb str>,
}

/// The questionnaire as prompts, in order: a per-region item becomes one prompt per region.
pub fn prompts<'kb>(kb: &'kb KnowledgeBase, answers: &Answers) -> Vec<Prompt<'kb>> {
    let mut out = Vec::new();
    for q in questionnaire(kb, answers) {
        if q.item.per_region {
            out.extend(q.regions.iter().map(|r| Prompt {
                item: q.item,
                region: Some(*r),
                regions: vec![*r],
            }));
        } else {
            out.push(Prompt {
                item: q.item,
                region: None,
                regions: q.regions,
            });
        }
    }
    out
}

/// Related regions that were screened without being chosen: every area item that applies to
/// them was answered for them by name, and all with no.
pub(crate) fn screened_extras(
    kb: &KnowledgeBase,
    answers: &Answers,
    chosen: &[String],
) -> Vec<String> {
    let mut extras: Vec<String> = chosen
        .iter()
        .filter_map(|r| kb.region(r))
        .flat_map(|r| r.related.iter().map(|rel| rel.region.clone()))
        .filter(|r| !chosen.contains(r))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    extras.retain(|region| {
        let gate_open = |item: &ScreeningItem| {
            item.only_if.is_empty()
                || item.only_if.iter().any(|g| {
                    answers.reply(g, None).unwrap_or(answers.default_reply()).fires()
                })
        };
        kb.items()
            .iter()
            .filter(|i| i.section == Section::Area && gate_open(i))
            .filter(|i| kb.expand(&i.asked_for).contains(&region.as_str()))
            .all(|i| matches!(answers.answers.get(&i.id), Some(Answer::PerRegion(m)) if m.get(region) == Some(&Reply::No)))
    });
    extras.sort_by_key(|r| kb.region_order(r));
    extras
}
