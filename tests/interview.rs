//! The adaptive interview (INTERVIEW.md): budgets for a healthy person, and for random answers
//! the interview reaches the same item answers, and so the same advice, as `advise`.

mod common;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use fascia::engine::{
    Answer, Answers, Ask, DefaultAnswer, Interview, Outcome, RegionDetails, Remembered, Reply,
    Response, advise, questionnaire, stop,
};
use fascia::flow::Walk;
use fascia::kb::{KnowledgeBase, REGION_IDS, Section, Tier};
use jiff::civil::date;
use proptest::prelude::*;
use proptest::sample::subsequence;

static KB: LazyLock<KnowledgeBase> = LazyLock::new(common::kb);

/// A person who knows their item-level answers (`oracle`, for every item and area) answers each
/// question of the interview from them (the shared test helper).
fn respond(oracle: &Answers, ask: &Ask<'_>) -> Response {
    common::respond(&KB, ask, &|id, region| {
        oracle.reply(id, region).unwrap_or(Reply::No)
    })
}

/// Walks the whole interview as the faces do (`flow::Walk`, with its stop rule); returns the
/// answers reached, the questions asked, and whether it stopped at an emergency, urgent or
/// global refer answer.
fn walk(oracle: &Answers, remembered: Vec<Remembered>) -> (Answers, usize, bool) {
    let mut answers = Answers {
        regions: oracle.regions.clone(),
        preferences: oracle.preferences.clone(),
        ..Answers::default()
    };
    let mut walk = Walk::new(remembered);
    let mut asked = 0;
    while let Some(ask) = walk.next(&KB, &answers) {
        let response = respond(oracle, &ask);
        let depth = walk.depth();
        let stopped = walk.answer(&KB, &mut answers, (&ask, depth), &response, "112");
        asked += 1;
        assert!(asked < 400, "the interview does not end");
        if stopped.is_some() {
            return (answers, asked, true);
        }
    }
    (answers, asked, false)
}

fn healthy(regions: &[&str]) -> Answers {
    Answers {
        regions: regions
            .iter()
            .map(|r| ((*r).to_owned(), RegionDetails::default()))
            .collect(),
        default_answer: Some(DefaultAnswer::No),
        ..Answers::default()
    }
}

/// What a profile keeps after a check: the answers to items that may be remembered.
fn remember(answers: &Answers, since: jiff::civil::Date) -> Vec<Remembered> {
    let mut out = Vec::new();
    for (id, answer) in &answers.answers {
        let Some(item) = KB.item(id) else { continue };
        if item.recheck == 0 {
            continue;
        }
        match answer {
            Answer::One(reply) => out.push(Remembered {
                item: id.clone(),
                region: None,
                reply: *reply,
                since,
            }),
            Answer::PerRegion(map) => out.extend(map.iter().map(|(r, reply)| Remembered {
                item: id.clone(),
                region: Some(r.clone()),
                reply: *reply,
                since,
            })),
        }
    }
    out
}

/// The budgets of INTERVIEW.md v3, for a healthy person (every answer no, details at defaults).
#[test]
fn a_healthy_person_is_asked_within_the_budgets() {
    let all: Vec<&str> = REGION_IDS.to_vec();
    let cases: [(&[&str], usize); 3] = [(&["calves"], 10), (&["neck", "calves"], 10), (&all, 11)];
    for (regions, budget) in cases {
        let oracle = healthy(regions);
        let (answers, asked, stopped) = walk(&oracle, Vec::new());
        assert!(!stopped);
        assert!(
            asked <= budget,
            "{} areas: {asked} questions",
            regions.len()
        );
        // Everything the screening asks was answered, and answered no (never left unanswered).
        let advice = advise(&KB, &answers, "112");
        assert!(
            advice.screening.unanswered.is_empty(),
            "{:?}",
            advice.screening.unanswered
        );
        assert_eq!(advice.screening.outcome, Outcome::Routine);
        println!("first check, {} areas: {asked} questions", regions.len());
    }
    // A return within 12 months with nothing changed.
    let oracle = healthy(&["neck", "calves"]);
    let (first, _, _) = walk(&oracle, Vec::new());
    let since = date(2026, 3, 3);
    for today in [date(2026, 3, 17), date(2026, 9, 1), date(2027, 3, 2)] {
        let kept: Vec<Remembered> = remember(&first, since)
            .into_iter()
            .filter(|r| r.holds(&KB, today))
            .collect();
        let (answers, asked, _) = walk(&oracle, kept);
        assert!(asked <= 8, "return on {today}: {asked} questions");
        assert!(advise(&KB, &answers, "112").screening.unanswered.is_empty());
        println!("return on {today}, 2 areas: {asked} questions");
    }
}

#[test]
fn remembered_answers_hold_for_their_recheck_period_and_never_past_12_months() {
    let since = date(2026, 3, 3);
    let r = |item: &str| Remembered {
        item: item.to_owned(),
        region: None,
        reply: Reply::Yes,
        since,
    };
    // diabetes holds 12 months, pregnancy 1, an emergency sign never.
    assert!(r("diabetes").holds(&KB, date(2027, 3, 2)));
    assert!(!r("diabetes").holds(&KB, date(2027, 3, 3)));
    assert!(r("pregnancy").holds(&KB, date(2026, 4, 2)));
    assert!(!r("pregnancy").holds(&KB, date(2026, 4, 3)));
    assert!(!r("chest_pain_cardiac").holds(&KB, date(2026, 3, 3)));
    assert!(!r("no_such_item").holds(&KB, date(2026, 3, 4)));
    // A date in the future is not trusted.
    assert!(!r("diabetes").holds(&KB, date(2026, 3, 2)));
    for item in KB.items() {
        assert!(item.recheck <= 12, "{}", item.id);
        if matches!(item.tier, Tier::Emergency | Tier::Urgent) {
            assert_eq!(item.recheck, 0, "{} must be asked every time", item.id);
        }
    }
}

#[test]
fn a_checklist_is_answered_by_the_lines_marked_and_not_sure_is_never_no() {
    let mut answers = healthy(&["calves"]);
    answers.default_answer = None;
    let mut interview = Interview::new(Vec::new());
    let ask = interview.next(&KB, &answers).expect("a question");
    let Ask::Gate { gate, items, .. } = &ask else {
        panic!("the emergency signs come first, as one checklist: {ask:?}")
    };
    assert_eq!(gate.section, Section::Emergency);
    let ids: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
    // Not sure about the whole list is not sure about every item on it: nothing is a no, and
    // nothing of the list is asked again.
    interview.answer(&KB, &mut answers, &ask, &Response::Reply(Reply::NotSure));
    assert!(
        ids.iter()
            .all(|id| answers.reply(id, None) == Some(Reply::NotSure))
    );
    // Pick which: the marked lines answer their items (yes or not sure), every other item on
    // the list is a no, and the marks are kept as the person read them.
    let mut answers = healthy(&["calves"]);
    let mut interview = Interview::new(Vec::new());
    let ask = interview.next(&KB, &answers).expect("a question");
    let lines = ask.lines();
    let breath = lines
        .iter()
        .position(|(i, _, _)| i.id == "pe_breathless")
        .expect("a breathing line")
        + 1;
    let rash = lines
        .iter()
        .position(|(i, _, _)| i.id == "headache_fever_stiff_neck")
        .expect("a rash line");
    let marks = [(breath, Reply::Yes), (rash, Reply::NotSure)].into();
    interview.answer(&KB, &mut answers, &ask, &Response::Lines(marks));
    assert_eq!(answers.reply("pe_breathless", None), Some(Reply::Yes));
    assert_eq!(answers.marked.get("pe_breathless"), Some(&vec![1]));
    assert_eq!(
        answers.reply("headache_fever_stiff_neck", None),
        Some(Reply::NotSure)
    );
    for id in ids
        .iter()
        .filter(|id| !["pe_breathless", "headache_fever_stiff_neck"].contains(&id.as_str()))
    {
        assert_eq!(answers.reply(id, None), Some(Reply::No), "{id}");
    }
    // No item of the list is asked one by one after it.
    let next = interview.next(&KB, &answers).expect("a question");
    assert!(
        !matches!(&next, Ask::Item { item, .. } if ids.contains(&item.id)),
        "{next:?}"
    );
    // "None of these" answers every item no.
    let oracle = healthy(&["calves"]);
    let mut answers = healthy(&["calves"]);
    answers.default_answer = None;
    let mut interview = Interview::new(Vec::new());
    let ask = interview.next(&KB, &answers).expect("a question");
    interview.answer(&KB, &mut answers, &ask, &respond(&oracle, &ask));
    assert!(
        ids.iter()
            .all(|id| answers.reply(id, None) == Some(Reply::No))
    );
}

#[test]
fn an_area_added_later_starts_unanswered() {
    let (mut answers, _, _) = walk(&healthy(&["calves"]), Vec::new());
    answers
        .regions
        .insert("neck".to_owned(), RegionDetails::default());
    assert_eq!(answers.reply("open_wound", Some("neck")), None);
    assert_eq!(answers.reply("open_wound", Some("calves")), Some(Reply::No));
    let (again, _, _) = {
        let oracle = healthy(&["calves", "neck"]);
        let mut interview = Interview::new(Vec::new());
        let mut a = answers.clone();
        let mut n = 0;
        while let Some(ask) = interview.next(&KB, &a) {
            if let Ask::Gate { regions, .. } | Ask::Item { regions, .. } = &ask
                && ask.section() == Section::Area
            {
                assert_eq!(regions, &vec!["neck"], "only the new area is asked about");
            }
            interview.answer(&KB, &mut a, &ask, &respond(&oracle, &ask));
            n += 1;
        }
        (a, n, false)
    };
    assert_eq!(again.reply("open_wound", Some("neck")), Some(Reply::No));
}

/// Random item answers, leaning to no so that walks go deep, with now and then a yes or not sure.
fn oracle() -> impl Strategy<Value = Answers> {
    (
        subsequence(REGION_IDS.to_vec(), 1..=4),
        proptest::collection::vec(any::<u8>(), KB.items().len() * 8),
    )
        .prop_map(|(regions, bytes)| {
            let mut bytes = bytes.into_iter();
            let mut next = move || match bytes.next().unwrap_or(0) {
                0..=240 => Reply::No,
                241..=248 => Reply::NotSure,
                _ => Reply::Yes,
            };
            let mut answers = BTreeMap::new();
            for item in KB.items() {
                if item.section == Section::Area {
                    let map: BTreeMap<String, Reply> =
                        regions.iter().map(|r| ((*r).to_owned(), next())).collect();
                    answers.insert(item.id.clone(), Answer::PerRegion(map));
                } else {
                    answers.insert(item.id.clone(), Answer::One(next()));
                }
            }
            Answers {
                regions: regions
                    .iter()
                    .map(|r| ((*r).to_owned(), RegionDetails::default()))
                    .collect(),
                answers,
                default_answer: Some(DefaultAnswer::No),
                ..Answers::default()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    /// The interview reaches the person's own item answers: every asked (item, area) is answered
    /// as the person would answer it directly (a not sure is never turned into a no), so the
    /// advice equals `advise` on the person's answers; a stop happens only on an emergency,
    /// urgent or refer outcome that `advise` gives too (or a more urgent one).
    #[test]
    fn the_interview_reaches_the_same_answers_and_advice(person in oracle()) {
        let mut person = person;
        // Not sure about being 16 is not sure about 50 either (the bands cannot say otherwise).
        match person.reply("under_16", None) {
            Some(Reply::NotSure) => person.set("age_50_plus", None, Reply::NotSure),
            // Nobody under 16 is 50 or over.
            Some(Reply::Yes) => person.set("age_50_plus", None, Reply::No),
            _ => {}
        }
        // An item behind another is never asked when that one is a no: a person has no answer
        // to it (an answer given to it anyway counts, as in an answers file).
        for item in KB.items().iter().filter(|i| !i.only_if.is_empty()) {
            if !item.only_if.iter().any(|o| person.reply(o, None).is_some_and(Reply::fires)) {
                person.answers.remove(&item.id);
            }
        }
        let (answers, _, stopped) = walk(&person, Vec::new());
        let direct = advise(&KB, &person, "112");
        if stopped {
            let outcome = stop(&KB, &answers, "112").expect("stopped").screening.outcome;
            prop_assert!(outcome.is_referral());
            prop_assert!(direct.screening.outcome <= outcome, "{:?} vs {:?}", direct.screening.outcome, outcome);
            return Ok(());
        }
        for q in questionnaire(&KB, &answers) {
            let targets: Vec<Option<&str>> = if q.regions.is_empty() { vec![None] } else { q.regions.iter().map(|r| Some(*r)).collect() };
            for t in targets {
                let got = answers.reply(&q.item.id, t);
                prop_assert!(got.is_some(), "{} {:?} unanswered", q.item.id, t);
                let want = person.reply(&q.item.id, t).unwrap_or(Reply::No);
                // An item asked once across areas takes the worst of the areas; never less.
                prop_assert!(got >= Some(want), "{} {:?}: {:?} < {:?}", q.item.id, t, got, want);
                if q.item.per_region {
                    prop_assert_eq!(got, Some(want), "{} {:?}", q.item.id, t);
                }
            }
        }
        let via = advise(&KB, &answers, "112");
        prop_assert_eq!(via.screening.outcome, direct.screening.outcome);
        prop_assert_eq!(via.screening.excluded, direct.screening.excluded);
        prop_assert_eq!(via.routine, direct.routine);
    }
}
