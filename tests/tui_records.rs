//! What the app records of a guided session, whatever is pressed: get ready, skip, end (after a
//! yes), quit (saved as ended early), the clock held under the help and the size message, one
//! record per session however often saving is pressed, and the history screen's details,
//! delete, charts and long histories. No sleeping: the clock is injected.

mod common;

use std::time::Duration;

use common::drive::{self, key, walk_to_result, yes_to};
use crossterm::event::KeyCode;
use fascia::history::{Record, SessionStatus, StepStatus, Store};
use fascia::session::Activity;
use fascia::tui::action::{Action, Effect};
use fascia::tui::app::App;
use fascia::tui::screens::Id as Screen;
use fascia::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn session<'kb>(kb: &'kb fascia::kb::KnowledgeBase, store: &Store) -> App<'kb> {
    let mut app = walk_to_result(kb, &["calves", "neck"], &yes_to(&[]));
    drive::to_routine(&mut app, &["foam_roller_medium"]);
    app.store = Some(store.clone());
    drive::char(&mut app, 'g');
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Session);
    app
}

fn render(app: &App<'_>, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| {
            fascia::tui::ui::draw(f, app, &Theme::new(false));
        })
        .expect("draw");
    // Numbers are kept with their units by a non-breaking space; compare as plain text.
    format!("{}", terminal.backend()).replace('\u{a0}', " ")
}

fn lines(store: &Store) -> usize {
    std::fs::read_to_string(store.path())
        .map_or(0, |t| t.lines().filter(|l| !l.trim().is_empty()).count())
}

fn only_record(store: &Store) -> Record {
    let loaded = store.load().expect("load");
    assert_eq!(loaded.records.len(), 1, "one session, one record");
    loaded.records[0].clone()
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

#[test]
fn each_step_begins_with_a_moment_to_get_ready_that_enter_skips() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = session(&kb, &Store::in_dir(dir.path()));
    let first = *drive::timer(&app).current().expect("phase");
    assert_eq!(first.activity, Activity::GetReady);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Get into position") && screen.contains("Up next"),
        "{screen}"
    );
    assert!(render(&app, 120, 40).contains("How to"), "the how-to fits");
    key(&mut app, KeyCode::Enter);
    let now = drive::timer(&app).current().expect("phase");
    assert_eq!(now.activity, Activity::Work, "enter starts the work now");
    assert_eq!(now.step, first.step);
}

#[test]
fn skipping_every_step_is_recorded_as_skipped_not_completed() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    let mut app = session(&kb, &store);
    while app.id() == Screen::Session {
        drive::char(&mut app, 'n');
    }
    assert_eq!(app.id(), Screen::RateAfter);
    assert!(!drive::completed(&app));
    key(&mut app, KeyCode::Enter);
    let r = only_record(&store);
    assert_eq!(r.status(), SessionStatus::SkippedSome);
    assert!(!r.completed);
    assert_eq!(r.steps_done, 0);
    assert!(
        r.routine
            .iter()
            .all(|s| s.status == Some(StepStatus::Skipped))
    );
    assert!(!render(&app, 80, 24).contains("Session completed"));
}

#[test]
fn e_asks_first_and_the_clock_holds_while_it_asks() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    let mut app = session(&kb, &store);
    drive::tick(&mut app, secs(3));
    drive::char(&mut app, 'e');
    assert_eq!(app.id(), Screen::Session, "e only asks");
    assert!(render(&app, 80, 24).contains("End now?"));
    let phase = *drive::timer(&app).current().expect("phase");
    let left = drive::timer(&app).remaining(secs(3));
    drive::tick(&mut app, secs(10_000));
    assert_eq!(drive::timer(&app).current(), Some(&phase));
    assert_eq!(drive::timer(&app).remaining(secs(10_000)), left);
    drive::char(&mut app, 'n');
    assert_eq!(app.id(), Screen::Session, "n keeps going");
    assert!(drive::timer(&app).is_running());
    drive::char(&mut app, 'e');
    drive::char(&mut app, 'y');
    assert_eq!(app.id(), Screen::RateAfter);
    key(&mut app, KeyCode::Enter);
    let r = only_record(&store);
    assert_eq!(r.status(), SessionStatus::EndedEarly);
    // Ended 3 s in, during the first step's get-ready countdown: nothing was begun yet.
    assert_eq!(r.routine[0].status, Some(StepStatus::NotReached));
    assert_eq!(r.routine[1].status, Some(StepStatus::NotReached));
    assert!(!r.id.is_empty() && r.started.is_some());
}

#[test]
fn quitting_during_a_session_saves_it_as_ended_early() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    let mut app = session(&kb, &store);
    key(&mut app, KeyCode::Enter);
    drive::tick(&mut app, secs(10));
    drive::char(&mut app, 'q');
    assert!(render(&app, 80, 24).contains("saved as ended early"));
    drive::char(&mut app, 'y');
    assert!(app.quit);
    let r = only_record(&store);
    assert_eq!(r.status(), SessionStatus::EndedEarly);
    assert!(r.ratings.iter().all(|x| x.after.is_none()));
}

#[test]
fn the_clock_holds_under_the_help_and_the_size_message() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = session(&kb, &Store::in_dir(dir.path()));
    let phase = *drive::timer(&app).current().expect("phase");
    drive::char(&mut app, '?');
    assert!(drive::timer(&app).is_held());
    drive::tick(&mut app, secs(1000));
    assert_eq!(drive::timer(&app).current(), Some(&phase));
    key(&mut app, KeyCode::Esc);
    assert!(drive::timer(&app).is_running(), "closing the help resumes");
    drive::act(&mut app, Action::TooSmall(true));
    assert!(drive::timer(&app).is_held());
    drive::tick(&mut app, secs(5000));
    assert_eq!(drive::timer(&app).current(), Some(&phase));
    drive::act(&mut app, Action::TooSmall(false));
    assert!(drive::timer(&app).is_running());
    // A pause of the person's own is not undone by closing the help.
    drive::char(&mut app, ' ');
    drive::char(&mut app, '?');
    key(&mut app, KeyCode::Esc);
    assert!(drive::timer(&app).is_paused() && !drive::timer(&app).is_running());
}

fn finish(app: &mut App<'_>) {
    drive::char(app, 'e');
    drive::char(app, 'y');
    key(app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Done);
}

fn offers_retry(app: &App<'_>) -> bool {
    app.bindings().any(|b| b.action == Action::Retry)
}

#[test]
fn saving_again_never_writes_a_session_twice() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    let mut app = session(&kb, &store);
    finish(&mut app);
    assert!(matches!(drive::saved(&app), Some(Ok(_))));
    assert!(!offers_retry(&app), "r is there only after a failed save");
    assert!(!render(&app, 80, 24).contains("try saving again"));
    for _ in 0..3 {
        drive::char(&mut app, 'r');
    }
    // Even if the same session reached the event loop twice more, it is one record.
    let fascia::tui::screens::Screen::Done(done) = app.screen() else {
        panic!("done");
    };
    let record = done.record.clone();
    drive::settle(
        &mut app,
        vec![
            Effect::Save(Box::new(record.clone())),
            Effect::Save(Box::new(record)),
        ],
    );
    assert_eq!(lines(&store), 1);
}

#[test]
fn a_failed_save_offers_r_and_a_retry_saves_once() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("blocked");
    std::fs::write(&blocker, "x").expect("write");
    let store = Store::in_dir(&blocker.join("fascia"));
    let mut app = session(&kb, &store);
    finish(&mut app);
    assert!(matches!(drive::saved(&app), Some(Err(_))));
    assert!(offers_retry(&app));
    std::fs::remove_file(&blocker).expect("unblock");
    drive::char(&mut app, 'r');
    assert!(matches!(drive::saved(&app), Some(Ok(_))));
    assert!(!offers_retry(&app));
    drive::char(&mut app, 'r');
    assert_eq!(lines(&store), 1);
}

fn history<'kb>(kb: &'kb fascia::kb::KnowledgeBase, store: &Store) -> App<'kb> {
    let mut app = App::new(kb, "112");
    app.store = Some(store.clone());
    drive::char(&mut app, 'h');
    assert_eq!(app.id(), Screen::History);
    app
}

#[test]
fn deleting_a_session_in_the_app_keeps_every_other_one() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    for (i, day) in ["01", "02", "03"].iter().enumerate() {
        let r = common::calf_record(
            &format!("id{i}"),
            &format!("2026-11-{day}T10:00:00Z"),
            (5, 3),
            (4, 6),
        );
        store.append(&r).expect("append");
    }
    let mut app = history(&kb, &store);
    key(&mut app, KeyCode::Down); // the second newest: id1
    drive::char(&mut app, 'd');
    assert!(render(&app, 80, 24).contains("Delete the session"));
    drive::char(&mut app, 'n');
    assert_eq!(lines(&store), 3, "n keeps it");
    drive::char(&mut app, 'd');
    drive::char(&mut app, 'y');
    let ids: Vec<String> = store
        .load()
        .expect("load")
        .records
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, ["id0", "id2"]);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("2 sessions") && screen.contains("Deleted"),
        "{screen}"
    );
}

#[test]
fn a_session_in_full_says_what_each_change_means() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    store
        .append(&common::calf_record(
            "a",
            "2026-11-02T10:00:00Z",
            (6, 3),
            (4, 5),
        ))
        .expect("append");
    let mut app = history(&kb, &store);
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 200, 40);
    for words in [
        "pain 6 → 3 (down 3 points): a meaningful improvement",
        "moves freely 4 → 5 (up 1 point): a small improvement",
        "Farrar",
        ": done",
    ] {
        assert!(screen.contains(words), "`{words}` missing:\n{screen}");
    }
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.id(), Screen::History, "esc goes back to the list");
}

#[test]
fn two_sessions_on_one_day_have_their_own_labels_and_one_point_draws() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    store
        .append(&common::calf_record(
            "a",
            "2026-11-02T09:00:00Z",
            (6, 3),
            (4, 5),
        ))
        .expect("append");
    let app = history(&kb, &store);
    let one = render(&app, 80, 24);
    assert!(
        one.contains(" B ") && one.contains(" A "),
        "a single session draws:\n{one}"
    );
    store
        .append(&common::calf_record(
            "b",
            "2026-11-02T15:30:00Z",
            (5, 2),
            (5, 7),
        ))
        .expect("append");
    let app = history(&kb, &store);
    let screen = render(&app, 120, 40);
    for at in ["2026-11-02T09:00:00Z", "2026-11-02T15:30:00Z"] {
        let label = fascia::history::local_time(at)[5..].to_owned();
        assert_eq!(
            screen.matches(&label).count(),
            3,
            "`{label}` in the list and both charts:\n{screen}"
        );
    }
    assert!(
        screen.contains("Moves freely"),
        "moving freely is charted too"
    );
}

#[test]
fn a_long_history_opens_and_scrolls_to_its_oldest_session() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    let mut text = String::new();
    for i in 0..10_000u32 {
        let r = common::calf_record(&format!("s{i}"), &at(i), (6, 4), (4, 6));
        text.push_str(&serde_json::to_string(&r).expect("json"));
        text.push('\n');
    }
    std::fs::create_dir_all(dir.path()).expect("dir");
    std::fs::write(store.path(), text).expect("write");
    let mut app = history(&kb, &store);
    assert!(render(&app, 80, 24).contains("10000 sessions"));
    for _ in 0..30 {
        key(&mut app, KeyCode::Down);
    }
    // The 31st newest session is selected, and in view.
    let screen = render(&app, 120, 40);
    let selected = fascia::history::local_time(&at(9_969));
    assert!(screen.contains(&selected), "{selected}:\n{screen}");
}

/// Session `i` of a long history: one every 90 minutes from 2020.
fn at(i: u32) -> String {
    "2020-01-01T00:00:00Z"
        .parse::<jiff::Timestamp>()
        .expect("time")
        .checked_add(jiff::SignedDuration::from_mins(i64::from(i) * 90))
        .expect("add")
        .to_string()
}
