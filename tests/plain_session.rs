//! Plain mode's guided session, history and hand-off: a transcript with the timed lines, the
//! ratings before and after with what the change means, the record saved once with each step's
//! status, the sessions newest first, and the hand-off file named and dated. The pace is
//! recorded, never slept.

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use fascia::engine::{Answers, Reply, prompts};
use fascia::history::{SessionStatus, StepStatus, Store};
use fascia::plain::{Options, Pace};

/// Remembers every wait instead of sleeping.
struct Recorded(Rc<RefCell<Vec<u32>>>);

impl Pace for Recorded {
    fn wait(&mut self, seconds: u32) {
        self.0.borrow_mut().push(seconds);
    }
}

/// A finished check for the calves, every question answered no.
fn calves(kb: &fascia::kb::KnowledgeBase) -> Answers {
    let mut answers = Answers {
        regions: [(
            "calves".to_owned(),
            fascia::engine::RegionDetails::default(),
        )]
        .into_iter()
        .collect(),
        ..Answers::default()
    };
    for p in prompts(kb, &answers) {
        let (id, region) = (p.item.id.clone(), p.region.map(str::to_owned));
        answers.set(&id, region.as_deref(), Reply::No);
    }
    answers
}

fn run(input: &str, dir: &std::path::Path, waits: &Rc<RefCell<Vec<u32>>>) -> String {
    let kb = common::kb();
    let mut out = Vec::new();
    let options = Options {
        save_answers: None,
        profiles: None,
        pace: Box::new(Recorded(Rc::clone(waits))),
        store: Some(Store::in_dir(dir)),
        export_dir: dir.to_path_buf(),
        today: Some(jiff::civil::date(2026, 11, 27)),
        answers: Some(calves(&kb)),
    };
    fascia::plain::run_with(&kb, "112", input.as_bytes(), &mut out, None, options)
        .expect("plain mode runs");
    String::from_utf8(out).expect("utf8")
}

#[test]
fn a_guided_session_in_plain_mode_is_called_out_and_saved() {
    let kb = common::kb();
    let routine = fascia::engine::advise(&kb, &calves(&kb), "112")
        .routine
        .expect("a routine");
    let first = &routine.steps[0];
    let dir = tempfile::tempdir().expect("tempdir");
    let waits = Rc::new(RefCell::new(Vec::new()));
    // Session; ratings before; ready for step 1, skip the rest; ratings after; history; export.
    let mut lines = vec!["5", "6", "4", ""];
    lines.extend(std::iter::repeat_n("s", routine.steps.len() - 1));
    lines.extend(["3", "7", "4", "6", "3"]);
    let transcript = run(&(lines.join("\n") + "\n"), dir.path(), &waits);
    for words in [
        format!("Step 1 of {}: Calves", routine.steps.len()),
        "Get into position".to_owned(),
        format!("Set 1 of {}", first.sets),
        format!("{} seconds. Go.", first.seconds_per_set),
        "Step 1 done.".to_owned(),
        "Saved to your history".to_owned(),
        "pain 6 → 3 (down 3 points): a meaningful improvement".to_owned(),
        "moves freely 4 → 7 (up 3 points): a meaningful improvement".to_owned(),
        "Farrar".to_owned(),
        "1 session, newest first.".to_owned(),
        "Saved the hand-off for a doctor or physio".to_owned(),
    ] {
        assert!(
            transcript.contains(&words),
            "`{words}` missing:\n{transcript}"
        );
    }
    if first.per_side {
        assert!(transcript.contains("Switch sides: now the right side."));
    }
    if first.sets > 1 && first.rest_seconds > 0 {
        assert!(transcript.contains(&format!("Rest {} seconds.", first.rest_seconds)));
    }
    // The waits are exactly the first step's sets and rests, and nothing was slept.
    let sides = if first.per_side { 2 } else { 1 };
    let rests = if first.rest_seconds > 0 {
        first.sets - 1
    } else {
        0
    };
    let expected = sides * (first.sets * first.seconds_per_set + rests * first.rest_seconds);
    assert_eq!(waits.borrow().iter().sum::<u32>(), expected);
    let loaded = Store::in_dir(dir.path()).load().expect("load");
    assert_eq!(loaded.records.len(), 1);
    let r = &loaded.records[0];
    assert_eq!(r.routine[0].status, Some(StepStatus::Completed));
    assert!(
        r.routine[1..]
            .iter()
            .all(|s| s.status == Some(StepStatus::Skipped))
    );
    let want = if routine.steps.len() > 1 {
        SessionStatus::SkippedSome
    } else {
        SessionStatus::Completed
    };
    assert_eq!(r.status(), want);
    assert!(!r.id.is_empty() && r.started.is_some());
    assert!(dir.path().join("fascia-routine-2026-11-27.md").is_file());
}

#[test]
fn ending_a_plain_session_saves_it_as_ended_early() {
    let dir = tempfile::tempdir().expect("tempdir");
    let waits = Rc::new(RefCell::new(Vec::new()));
    // Session; keep the ratings before; end at the first step; keep the ratings after; quit.
    let transcript = run("5\n\n\ne\n\n\n3\n", dir.path(), &waits);
    assert!(transcript.contains("Session ended early."), "{transcript}");
    assert!(waits.borrow().is_empty());
    let r = &Store::in_dir(dir.path()).load().expect("load").records[0];
    assert_eq!(r.status(), SessionStatus::EndedEarly);
    assert_eq!(r.steps_done, 0);
    assert!(
        r.routine[1..]
            .iter()
            .all(|s| s.status == Some(StepStatus::NotReached))
    );
}

#[test]
fn the_menu_offers_history_always_and_the_session_only_after_a_check() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut out = Vec::new();
    let options = Options {
        save_answers: None,
        profiles: None,
        pace: Box::new(fascia::plain::NoWait),
        store: Some(Store::in_dir(dir.path())),
        export_dir: dir.path().to_path_buf(),
        today: None,
        answers: None,
    };
    fascia::plain::run_with(&kb, "112", "4\n5\n3\n".as_bytes(), &mut out, None, options)
        .expect("runs");
    let transcript = String::from_utf8(out).expect("utf8");
    assert!(transcript.contains("4. Your past sessions."));
    assert!(transcript.contains("No sessions yet."));
    assert!(!transcript.contains("5. Start the guided session"));
    assert!(transcript.contains("That is not a choice here: type a number from 1 to 4."));
}

/// `q` during the session asks first; a yes saves the session so far (ended early) and quits.
#[test]
fn q_during_the_session_saves_it_as_ended_early_then_quits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let waits = Rc::new(RefCell::new(Vec::new()));
    // Session; ratings before; at "ready?": q, enter (go on), q, y.
    let transcript = run("5\n6\n4\nq\n\nq\ny\n", dir.path(), &waits);
    assert_eq!(
        transcript
            .matches("Quit? The session so far is saved to your history.")
            .count(),
        2,
        "{transcript}"
    );
    assert!(transcript.contains("Session ended early"), "{transcript}");
    assert!(transcript.contains("Saved to your history"), "{transcript}");
    assert!(transcript.trim_end().ends_with("Goodbye."), "{transcript}");
    let records = Store::in_dir(dir.path()).load().expect("load").records;
    assert_eq!(records.len(), 1, "saved once");
    assert_eq!(records[0].status, Some(SessionStatus::EndedEarly));
}
