//! Safety contract v3, the flow, as property tests over random people walking the real
//! interview (`flow::Walk`): no follow-up turns a marked line into a no; every item that fired
//! is named, with its own message and the lines marked, in every output; a headline's tier is
//! always the outcome's; a global refer ends the interview once nothing more urgent is left; and
//! a yes on a checklist costs at most two more questions.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use fascia::engine::{
    Advice, Answers, Ask, DefaultAnswer, Outcome, RegionDetails, Reply, Response, advise,
};
use fascia::flow::Walk;
use fascia::kb::{Effect, KnowledgeBase, REGION_IDS, Tier};
use proptest::prelude::*;
use proptest::sample::subsequence;

static KB: LazyLock<KnowledgeBase> = LazyLock::new(common::kb);

/// A person: areas, and for each checklist line (in KB order) whether it applies, mostly not.
#[derive(Debug, Clone)]
struct Person {
    regions: Vec<&'static str>,
    /// Per item id: the reply to each of its lines (or to its question).
    lines: BTreeMap<String, Vec<Reply>>,
    /// Picks for "which areas?": true keeps an area, false unticks it (may untick all).
    picks: Vec<bool>,
    age: usize,
}

fn person() -> impl Strategy<Value = Person> {
    let n: usize = KB.items().iter().map(|i| i.lines.len().max(1)).sum();
    (
        subsequence(REGION_IDS.to_vec(), 1..=3),
        proptest::collection::vec(any::<u8>(), n),
        proptest::collection::vec(any::<bool>(), 8),
        0usize..5,
    )
        .prop_map(|(regions, bytes, picks, age)| {
            let mut bytes = bytes.into_iter();
            let mut lines = BTreeMap::new();
            for item in KB.items() {
                let replies = (0..item.lines.len().max(1))
                    .map(|_| match bytes.next().unwrap_or(0) {
                        0..=246 => Reply::No,
                        247..=250 => Reply::NotSure,
                        _ => Reply::Yes,
                    })
                    .collect();
                lines.insert(item.id.clone(), replies);
            }
            Person {
                regions,
                lines,
                picks,
                age,
            }
        })
}

/// How the person answers one question: the lines that apply are marked, a question asked
/// alone gets the worst of its replies, which areas is picked at random (possibly none).
fn respond(p: &Person, ask: &Ask<'_>, picks: &mut impl Iterator<Item = bool>) -> Response {
    match ask {
        Ask::Confirm(_) => Response::Confirmed(true),
        Ask::Age => Response::Age(fascia::engine::AgeBand::ALL[p.age]),
        Ask::Gate { .. } => {
            let marks: BTreeMap<usize, Reply> = ask
                .lines()
                .iter()
                .enumerate()
                .filter_map(|(n, (item, line, _))| {
                    let r = p.lines[&item.id][*line];
                    r.fires().then_some((n, r))
                })
                .collect();
            if marks.is_empty() {
                Response::Reply(Reply::No)
            } else {
                Response::Lines(marks)
            }
        }
        Ask::Item { item, .. } => {
            Response::Reply(p.lines[&item.id].iter().copied().max().unwrap_or(Reply::No))
        }
        Ask::WhichAreas { regions, reply, .. } => Response::Areas(
            regions
                .iter()
                .filter(|_| picks.next().unwrap_or(true))
                .map(|r| ((*r).to_owned(), *reply))
                .collect(),
        ),
    }
}

/// What one walk saw: the answers, the items marked on a checklist, the asks after a global
/// refer fired, whether it stopped, and how many questions.
struct Walked<'kb> {
    answers: Answers,
    marked: BTreeSet<String>,
    after_refer: Vec<Ask<'kb>>,
    stopped: Option<Advice>,
    asked: usize,
}

fn walk(p: &Person) -> Walked<'static> {
    let mut answers = Answers {
        regions: p
            .regions
            .iter()
            .map(|r| ((*r).to_owned(), RegionDetails::default()))
            .collect(),
        default_answer: Some(DefaultAnswer::No),
        ..Answers::default()
    };
    let mut walk = Walk::new(Vec::new());
    let mut picks = p.picks.clone().into_iter().cycle();
    let mut marked = BTreeSet::new();
    let mut after_refer = Vec::new();
    let mut asked = 0;
    while let Some(ask) = walk.next(&KB, &answers) {
        if referred(&answers) {
            after_refer.push(ask.clone());
        }
        let response = respond(p, &ask, &mut picks);
        if let Response::Lines(marks) = &response {
            let lines = ask.lines();
            marked.extend(marks.keys().map(|n| lines[*n].0.id.clone()));
        }
        let depth = walk.depth();
        asked += 1;
        assert!(asked < 200, "the interview ends");
        if let Some(advice) = walk.answer(&KB, &mut answers, (&ask, depth), &response, "112") {
            return Walked {
                answers,
                marked,
                after_refer,
                stopped: Some(advice),
                asked,
            };
        }
    }
    Walked {
        answers,
        marked,
        after_refer,
        stopped: None,
        asked,
    }
}

/// Whether a global refer item has fired in the answers so far.
fn referred(a: &Answers) -> bool {
    KB.items()
        .iter()
        .filter(|i| i.tier == Tier::Refer && i.effect == Effect::Global)
        .any(|i| a.fires(&i.id))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    /// No follow-up ("which areas?" with none ticked, "is it still there now?") ever turns a
    /// marked line's yes or not sure into a no.
    #[test]
    fn no_follow_up_turns_a_mark_into_no(p in person()) {
        let w = walk(&p);
        for id in &w.marked {
            prop_assert!(w.answers.fires(id), "{id} was marked, then lost");
        }
    }

    /// Every item that fired is in every output with its own message, and the lines the person
    /// marked are shown with it; the headline always names the outcome's tier.
    #[test]
    fn every_fired_item_is_in_every_output_and_the_headline_is_the_outcome(p in person()) {
        let w = walk(&p);
        let advice = w.stopped.clone().unwrap_or_else(|| advise(&KB, &w.answers, "112"));
        let s = &advice.screening;
        let text = fascia::report::text(&KB, &advice);
        let md = fascia::report::markdown(&KB, &w.answers, &advice);
        let json = fascia::report::json(&advice);
        for f in &s.referrals {
            prop_assert!(text.contains(&f.message), "text lacks {}'s message", f.id);
            prop_assert!(json["fired"].as_array().is_some_and(|a| a.iter().any(|x| x["id"] == f.id.as_str())));
            let title = fascia::summary::item_title(&KB, &f.id);
            prop_assert!(md.contains(&title), "markdown lacks {title}");
            for line in &f.lines {
                prop_assert!(text.contains(line.as_str()) && md.contains(line.as_str()), "{line}");
            }
        }
        let headline = fascia::words::headline(s);
        let want = match s.outcome {
            Outcome::Emergency => "EMERGENCY",
            Outcome::Urgent => "URGENT",
            Outcome::Refer if s.pause => "Pause",
            Outcome::Refer => "See a doctor",
            Outcome::NothingSafe => "Nothing is safe",
            Outcome::Routine => "Your routine",
        };
        prop_assert!(headline.starts_with(want), "{headline} for {:?}", s.outcome);
        prop_assert!(text.starts_with(headline));
    }

    /// Once a global refer has fired, only questions that could make the outcome more urgent
    /// are asked, and the interview then stops at the referral (or something more urgent).
    #[test]
    fn a_global_refer_ends_the_interview(p in person()) {
        let w = walk(&p);
        for ask in &w.after_refer {
            let items: Vec<&fascia::kb::ScreeningItem> = match ask {
                Ask::Gate { items, .. } => items.clone(),
                Ask::Item { item, .. } | Ask::WhichAreas { item, .. } => vec![*item],
                Ask::Age | Ask::Confirm(_) => continue,
            };
            prop_assert!(
                items.iter().all(|i| i.tier > Tier::Refer
                    || KB.items().iter().any(|j| j.tier > Tier::Refer && j.only_if.contains(&i.id))
                    || KB.combinations().iter().any(|c| c.tier > Tier::Refer && c.all.contains(&i.id))),
                "asked after a referral: {:?}",
                items.iter().map(|i| &i.id).collect::<Vec<_>>()
            );
        }
        if referred(&w.answers) {
            let advice = w.stopped.as_ref();
            prop_assert!(advice.is_some_and(|a| a.screening.outcome.is_referral()), "did not stop");
        }
    }
}

/// INTERVIEW.md v3: one yes on a checklist costs at most two more questions than the healthy
/// check (which lines, then which areas), for a line of every area checklist.
#[test]
fn one_yes_costs_at_most_two_more_questions() {
    let healthy = |regions: &[&'static str]| Person {
        regions: regions.to_vec(),
        lines: KB
            .items()
            .iter()
            .map(|i| (i.id.clone(), vec![Reply::No; i.lines.len().max(1)]))
            .collect(),
        picks: vec![true],
        age: 1,
    };
    let regions = ["calves", "neck"];
    let base = walk(&healthy(&regions)).asked;
    assert!(base <= 10, "healthy: {base}");
    for id in [
        "open_wound",
        "varicose_veins",
        "night_pain_constant",
        "diabetes",
        "lymphoedema",
    ] {
        let mut p = healthy(&regions);
        p.lines.get_mut(id).expect("item")[0] = Reply::Yes;
        let w = walk(&p);
        assert!(w.stopped.is_none() || id == "night_pain_constant", "{id}");
        assert!(
            w.asked <= base + 2,
            "{id}: {} questions against {base}",
            w.asked
        );
    }
}

/// Which areas only routes: with none of the areas ticked, a yes stays on every area (as not
/// sure), and the area is still left out.
#[test]
fn unticking_every_area_keeps_the_yes() {
    let mut p = Person {
        regions: vec!["neck", "calves"],
        lines: KB
            .items()
            .iter()
            .map(|i| (i.id.clone(), vec![Reply::No; i.lines.len().max(1)]))
            .collect(),
        picks: vec![false],
        age: 1,
    };
    p.lines.get_mut("open_wound").expect("item")[0] = Reply::Yes;
    let w = walk(&p);
    for region in ["neck", "calves"] {
        assert_eq!(
            w.answers.reply("open_wound", Some(region)),
            Some(Reply::NotSure)
        );
    }
    let advice = advise(&KB, &w.answers, "112");
    assert_eq!(advice.screening.outcome, Outcome::NothingSafe);
}
