//! Screening against the SCREENING.md contract: one table row per item, answered yes, no and not
//! sure; combination rules; age gating; region scoping; unanswered items.

mod common;

use std::collections::BTreeMap;

use fascia::engine::{
    Answer, Answers, DefaultAnswer, Outcome, Preferences, RegionDetails, Reply, Scope, advise,
    questionnaire, screen,
};
use fascia::kb::{Effect, KnowledgeBase, REQUIRED_ITEMS, Section, Tier};
use pretty_assertions::assert_eq;

const EMERGENCY: &str = "112";

fn answers(regions: &[&str], replies: &[(&str, Answer)]) -> Answers {
    Answers {
        regions: regions
            .iter()
            .map(|r| ((*r).to_owned(), RegionDetails::default()))
            .collect(),
        answers: replies
            .iter()
            .map(|(id, a)| ((*id).to_owned(), a.clone()))
            .collect(),
        default_answer: Some(DefaultAnswer::No),
        preferences: Preferences::default(),

        ..Answers::default()
    }
}

fn per_region(pairs: &[(&str, Reply)]) -> Answer {
    Answer::PerRegion(
        pairs
            .iter()
            .map(|(r, a)| ((*r).to_owned(), *a))
            .collect::<BTreeMap<_, _>>(),
    )
}

/// A region where the item is asked and takes effect, and a second region outside both if possible.
fn target(kb: &KnowledgeBase, id: &str) -> (&'static str, &'static str) {
    let item = kb.item(id).expect("item");
    let mut scope: Vec<&str> = kb.expand(&item.asked_for);
    if item.effect == Effect::Listed {
        let listed = kb.expand(&item.effect_regions);
        scope = if scope.is_empty() {
            listed
        } else {
            scope.into_iter().filter(|r| listed.contains(r)).collect()
        };
        for set in &item.modifications {
            if !set.regions.is_empty() {
                let narrowed = kb.expand(&set.regions);
                scope.retain(|r| narrowed.contains(r));
            }
        }
    }
    let region = scope.first().map_or("calves", |r| {
        fascia::kb::REGION_IDS
            .into_iter()
            .find(|id| id == r)
            .unwrap_or("calves")
    });
    let other = ["hands", "feet", "head", "chest"]
        .into_iter()
        .find(|r| !scope.contains(r) && *r != region)
        .unwrap_or("feet");
    (region, other)
}

#[test]
fn every_contract_item_fires_on_yes_and_not_sure_and_never_on_no() {
    let kb = common::kb();
    for req in REQUIRED_ITEMS {
        let item = kb.item(req.id).expect("item");
        let (region, other) = target(&kb, req.id);
        for reply in [Reply::Yes, Reply::NotSure, Reply::No] {
            let answer = if item.section == Section::Area {
                per_region(&[(region, reply), (other, Reply::No)])
            } else {
                Answer::One(reply)
            };
            let mut replies = vec![(req.id, answer)];
            for gate in &item.only_if {
                replies.push((gate.as_str(), Answer::One(Reply::Yes)));
            }
            let a = answers(&[region, other], &replies);
            let asked = questionnaire(&kb, &a);
            assert!(
                asked.iter().any(|q| q.item.id == req.id),
                "{} is not asked for {region}",
                req.id
            );
            let s = screen(&kb, &a, EMERGENCY);
            let fired = s.fired.iter().find(|f| f.id == req.id && !f.combination);
            let case = format!("{} = {reply:?} on {region}", req.id);
            if reply == Reply::No {
                assert!(fired.is_none(), "{case}: fired on no");
                continue;
            }
            if item.tier == Tier::None {
                continue;
            }
            let f = fired.unwrap_or_else(|| panic!("{case}: did not fire"));
            assert_eq!(f.answer, reply, "{case}: the answer is reported as given");
            assert!(f.tier >= req.tier, "{case}: tier {}", f.tier);
            assert!(
                !f.message.trim().is_empty() && !f.message.contains("{emergency}"),
                "{case}: message"
            );
            assert_eq!(
                f.not_sure.is_some(),
                reply == Reply::NotSure,
                "{case}: not-sure note"
            );
            if req.global {
                assert_eq!(f.scope, Scope::Global, "{case}: scope");
            }
            let outcome_expected = match (item.tier, f.scope) {
                (Tier::Emergency, _) => Some(Outcome::Emergency),
                (Tier::Urgent, _) => Some(Outcome::Urgent),
                (Tier::Refer, Scope::Global) => Some(Outcome::Refer),
                _ => None,
            };
            match outcome_expected {
                Some(outcome) => {
                    assert_eq!(s.outcome, outcome, "{case}: outcome");
                    assert!(s.permit().is_none(), "{case}: no routine past a red flag");
                    assert!(
                        s.referrals.iter().any(|r| r.id == req.id),
                        "{case}: referral"
                    );
                }
                None if matches!(item.tier, Tier::Refer | Tier::Local) => {
                    let e = s
                        .excluded
                        .iter()
                        .find(|e| e.region == region)
                        .unwrap_or_else(|| panic!("{case}: not excluded"));
                    assert!(e.because.contains(&req.id.to_owned()), "{case}");
                    assert!(!e.message.is_empty(), "{case}");
                    assert!(
                        !s.excluded.iter().any(|e| e.region == other),
                        "{case}: the other region stays"
                    );
                    assert_eq!(s.outcome, Outcome::Routine, "{case}");
                    if item.tier == Tier::Refer {
                        assert!(
                            s.referrals.iter().any(|r| r.id == req.id),
                            "{case}: referral note"
                        );
                    }
                }
                None => {
                    assert_eq!(item.tier, Tier::Caution);
                    assert_eq!(s.outcome, Outcome::Routine, "{case}");
                    let m = s
                        .modifications
                        .iter()
                        .find(|m| m.region == region)
                        .unwrap_or_else(|| panic!("{case}: no modification"));
                    assert!(
                        m.because.contains(&req.id.to_owned()) && !m.applied.is_empty(),
                        "{case}"
                    );
                }
            }
        }
    }
}

#[test]
fn emergency_signs_come_first_then_health_then_area_items() {
    let kb = common::kb();
    let a = answers(&["calves", "neck"], &[]);
    let asked = questionnaire(&kb, &a);
    let sections: Vec<Section> = asked.iter().map(|q| q.item.section).collect();
    let mut sorted = sections.clone();
    sorted.sort();
    assert_eq!(sections, sorted);
    // The emergency signs come first (v3: the stroke signs of the last 7 days are asked, and
    // "is it still there now?" only behind them).
    let first: Vec<&str> = asked
        .iter()
        .take_while(|q| q.item.section == Section::Emergency)
        .map(|q| q.item.id.as_str())
        .collect();
    for id in [
        "chest_pain_cardiac",
        "pe_breathless",
        "tia_recent",
        "thunderclap_headache",
        "headache_fever_stiff_neck",
        "sepsis_signs",
    ] {
        assert!(first.contains(&id), "{id} in {first:?}");
    }
    assert!(!first.contains(&"stroke_signs"));
}

#[test]
fn area_items_are_asked_only_for_chosen_regions() {
    let kb = common::kb();
    let asked = questionnaire(&kb, &answers(&["hands"], &[]));
    let ids: Vec<&str> = asked.iter().map(|q| q.item.id.as_str()).collect();
    assert!(ids.contains(&"open_wound"));
    assert!(!ids.contains(&"varicose_veins"), "a leg question for hands");
    assert!(ids.contains(&"dvt_symptoms"), "arm clots exist too");
    assert!(!ids.contains(&"kidney_problem"));
    let calves = questionnaire(&kb, &answers(&["calves"], &[]));
    let dvt = calves
        .iter()
        .find(|q| q.item.id == "dvt_symptoms")
        .expect("dvt asked for calves");
    assert_eq!(dvt.regions, ["calves"]);
}

#[test]
fn age_gated_items_are_asked_only_when_age_50_plus_fires() {
    let kb = common::kb();
    let asked = |reply: Option<Reply>| {
        let replies: Vec<(&str, Answer)> = reply
            .map(|r| ("age_50_plus", Answer::One(r)))
            .into_iter()
            .collect();
        questionnaire(&kb, &answers(&["neck"], &replies))
            .iter()
            .map(|q| q.item.id.clone())
            .collect::<Vec<_>>()
    };
    for gated in ["gca_symptoms", "pmr_pattern"] {
        assert!(asked(Some(Reply::Yes)).iter().any(|i| i == gated));
        assert!(
            asked(Some(Reply::NotSure)).iter().any(|i| i == gated),
            "not sure opens the gate"
        );
        assert!(!asked(Some(Reply::No)).iter().any(|i| i == gated));
        assert!(
            !asked(None).iter().any(|i| i == gated),
            "unanswered with default no"
        );
    }
}

#[test]
fn unanswered_items_count_as_not_sure_by_default() {
    let kb = common::kb();
    let mut a = answers(&["calves"], &[]);
    a.default_answer = None;
    let s = screen(&kb, &a, EMERGENCY);
    assert_eq!(s.outcome, Outcome::Emergency);
    assert!(s.unanswered.contains(&"chest_pain_cardiac".to_owned()));
    let f = s
        .fired
        .iter()
        .find(|f| f.id == "chest_pain_cardiac")
        .expect("fired");
    assert_eq!(f.answer, Reply::NotSure);
    assert!(f.not_sure.is_some());
    assert!(
        f.message.contains("112"),
        "the configured emergency number is used"
    );
}

#[test]
fn dvt_signs_with_breathlessness_is_an_emergency() {
    let kb = common::kb();
    let a = answers(
        &["calves"],
        &[
            ("dvt_symptoms", Answer::One(Reply::Yes)),
            ("pe_breathless", Answer::One(Reply::NotSure)),
        ],
    );
    let s = screen(&kb, &a, EMERGENCY);
    assert_eq!(s.outcome, Outcome::Emergency);
    let rule = s
        .fired
        .iter()
        .find(|f| f.combination && f.tier == Tier::Emergency)
        .expect("combination fired");
    assert_eq!(
        rule.answer,
        Reply::NotSure,
        "a combination with a not-sure part is reported as not sure"
    );
}

#[test]
fn blood_thinners_with_a_fresh_injury_refers_that_region_only() {
    let kb = common::kb();
    let a = answers(
        &["calves", "quads"],
        &[
            ("blood_thinners", Answer::One(Reply::Yes)),
            (
                "recent_injury_72h",
                per_region(&[("calves", Reply::Yes), ("quads", Reply::No)]),
            ),
        ],
    );
    let s = screen(&kb, &a, EMERGENCY);
    assert_eq!(s.outcome, Outcome::Routine);
    let rule = s
        .fired
        .iter()
        .find(|f| f.combination && f.tier == Tier::Refer)
        .expect("combination fired");
    assert_eq!(rule.regions, ["calves"]);
    assert!(s.referrals.iter().any(|r| r.id == rule.id));
    assert!(
        s.excluded
            .iter()
            .any(|e| e.region == "calves" && e.because.contains(&rule.id))
    );
    assert!(!s.excluded.iter().any(|e| e.region == "quads"));
}

#[test]
fn excluding_every_chosen_region_is_nothing_safe() {
    let kb = common::kb();
    let a = answers(
        &["calves", "neck"],
        &[("open_wound", Answer::One(Reply::Yes))],
    );
    let advice = advise(&kb, &a, EMERGENCY);
    assert_eq!(advice.screening.outcome, Outcome::NothingSafe);
    assert_eq!(advice.screening.excluded.len(), 2);
    assert!(advice.routine.is_none());
}

#[test]
fn most_severe_tier_wins() {
    let kb = common::kb();
    let a = answers(
        &["calves"],
        &[
            ("under_16", Answer::One(Reply::Yes)),
            ("hot_swollen_joint", Answer::One(Reply::Yes)),
            ("blood_thinners", Answer::One(Reply::Yes)),
        ],
    );
    let s = screen(&kb, &a, EMERGENCY);
    assert_eq!(s.outcome, Outcome::Urgent);
    assert_eq!(
        s.referrals[0].tier,
        Tier::Urgent,
        "the most severe referral comes first"
    );
}

#[test]
fn no_technique_surviving_the_cautions_excludes_the_region_with_the_reason() {
    // A knowledge base where the only indirect calf technique needs the floor, and the only
    // other one is direct: fainting (no floor) plus clot risk (indirect only) leaves nothing.
    let mut data = common::kb().data().clone();
    data.techniques.retain(|t| {
        !t.regions.contains(&"calves".to_owned())
            || t.position.is_floor()
            || t.kind == fascia::kb::Kind::Direct
    });
    if !data
        .techniques
        .iter()
        .any(|t| t.regions.contains(&"calves".to_owned()) && t.kind == fascia::kb::Kind::Indirect)
    {
        let mut t = data
            .techniques
            .iter()
            .find(|t| t.regions.contains(&"calves".to_owned()))
            .expect("calf technique")
            .clone();
        t.id = "calves_floor_indirect".into();
        t.kind = fascia::kb::Kind::Indirect;
        t.position = fascia::kb::Position::FloorBack;
        data.techniques.push(t);
    }
    let kb = KnowledgeBase::index(data);
    let a = answers(
        &["calves", "hands"],
        &[
            ("fainting_dizziness", Answer::One(Reply::Yes)),
            ("clot_risk_now", Answer::One(Reply::Yes)),
        ],
    );
    let s = screen(&kb, &a, EMERGENCY);
    let e = s
        .excluded
        .iter()
        .find(|e| e.region == "calves")
        .expect("calves excluded");
    assert!(
        e.because.contains(&"fainting_dizziness".to_owned())
            && e.because.contains(&"clot_risk_now".to_owned()),
        "{e:?}"
    );
    assert!(e.message.contains("gentle enough"), "{}", e.message);
    assert_eq!(s.outcome, Outcome::Routine, "hands still go on");
}

#[test]
fn a_single_answer_covers_every_chosen_region_of_a_per_region_item() {
    let kb = common::kb();
    let a = answers(
        &["calves", "quads", "hands"],
        &[("varicose_veins", Answer::One(Reply::Yes))],
    );
    let s = screen(&kb, &a, EMERGENCY);
    let excluded: Vec<&str> = s.excluded.iter().map(|e| e.region.as_str()).collect();
    assert_eq!(
        excluded,
        ["quads", "calves"],
        "legs only, in body-map order"
    );
}
