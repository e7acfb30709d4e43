//! Unit tests of `flow`.

use super::*;
use crate::engine::RegionDetails;

fn kb() -> KnowledgeBase {
    KnowledgeBase::embedded().expect("the shipped knowledge base loads")
}

fn with_regions(regions: &[&str]) -> Answers {
    let mut a = Answers::default();
    for r in regions {
        a.regions.insert((*r).to_owned(), RegionDetails::default());
    }
    a
}

#[test]
fn pages_are_numbered_in_order() {
    let numbers: Vec<usize> = PAGES.iter().map(|p| p.number()).collect();
    assert_eq!(numbers, (1..=STEPS).collect::<Vec<_>>());
    assert_eq!(Page::Result.title(), "Result");
}

#[test]
fn walking_forward_and_back_visits_every_shown_page() {
    let kb = kb();
    let answers = with_regions(&["calves"]);
    let mut forward = vec![Page::Where];
    while let Some(p) = next(&kb, &answers, *forward.last().expect("a page"), false) {
        forward.push(p);
    }
    let mut back = vec![Page::Routine];
    while let Some(p) = previous(&kb, &answers, *back.last().expect("a page")) {
        back.push(p);
    }
    back.reverse();
    assert_eq!(forward, back);
    assert_eq!(forward.first(), Some(&Page::Where));
    assert_eq!(forward.last(), Some(&Page::Routine));
}

#[test]
fn a_question_page_with_no_questions_is_skipped() {
    let kb = kb();
    let answers = with_regions(&["calves"]);
    let empty = QUESTION_PAGES
        .into_iter()
        .find(|p| questions(&kb, &Answers::default(), *p).is_empty());
    if let Some(page) = empty {
        assert!(!shown(&kb, &Answers::default(), page));
    }
    assert!(shown(&kb, &answers, Page::Emergency));
    assert_eq!(
        next(&kb, &answers, Page::Details, true),
        Some(Page::Review),
        "changing one answer returns to the review"
    );
}

#[test]
fn a_yes_to_an_emergency_sign_stops_at_once() {
    let kb = kb();
    let mut answers = with_regions(&["calves"]);
    let first = questions(&kb, &answers, Page::Emergency)
        .into_iter()
        .next()
        .expect("an emergency question");
    assert!(answer(&kb, &mut answers, &first, Reply::No, "112").is_none());
    let stopped = answer(&kb, &mut answers, &first, Reply::Yes, "112");
    assert!(stopped.is_some_and(|a| a.screening.stopped_early && a.routine.is_none()));
}

#[test]
fn going_back_one_question_undoes_that_answer_only() {
    let kb = kb();
    let mut answers = with_regions(&["calves"]);
    let mut walk = Walk::new(Vec::new());
    let first = walk.next(&kb, &answers).expect("a first question");
    assert_eq!(page_of(&first), Page::Emergency);
    let none = Response::Reply(Reply::No);
    assert!(
        walk.answer(&kb, &mut answers, (&first, 0), &none, "112")
            .is_none()
    );
    let second = walk.next(&kb, &answers).expect("a second question");
    let after_first = answers.clone();
    assert!(
        walk.answer(&kb, &mut answers, (&second, 1), &none, "112")
            .is_none()
    );
    walk.rewind(&mut answers, 1);
    assert_eq!(answers, after_first);
    assert_eq!(walk.depth(), 1);
    walk.rewind(&mut answers, 0);
    assert!(answers.answers.is_empty());
    // A marked line answers its item: a stroke sign in the last 7 days is urgent, but first
    // comes the one follow-up that can make it an emergency (is it still there now?).
    let tia = first
        .lines()
        .iter()
        .position(|(item, _, _)| item.id == "tia_recent")
        .expect("a stroke line");
    let marked = Response::Lines([(tia, Reply::Yes)].into());
    assert!(
        walk.answer(&kb, &mut answers, (&first, 0), &marked, "112")
            .is_none()
    );
    assert_eq!(answers.reply("tia_recent", None), Some(Reply::Yes));
    assert_eq!(answers.marked.get("tia_recent"), Some(&vec![0]));
    let now = walk.next(&kb, &answers).expect("the follow-up");
    assert!(matches!(now, Ask::Item { item, .. } if item.id == "stroke_signs"));
    let stopped = walk.answer(&kb, &mut answers, (&now, 1), &none, "112");
    assert!(stopped.is_some_and(
        |a| a.screening.stopped_early && a.screening.outcome == crate::engine::Outcome::Urgent
    ));
    // Going back undoes the marks too.
    walk.rewind(&mut answers, 0);
    assert!(answers.marked.is_empty() && answers.answers.is_empty());
}
