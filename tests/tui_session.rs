//! The guided session in the app with an injected clock (no sleeping): ratings before and
//! after, the countdown through every phase, ending early, saving (and failing to save) the
//! history, the history screen, and snapshots of these screens.

mod common;

use std::time::Duration;

use common::drive::{self, key, walk_to_result, yes_to};
use crossterm::event::KeyCode;
use fascia::history::Store;
use fascia::tui::app::App;
use fascia::tui::screens::Id as Screen;
use fascia::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn routine_app(kb: &fascia::kb::KnowledgeBase, store: Option<Store>) -> App<'_> {
    let mut app = walk_to_result(kb, &["calves", "neck"], &yes_to(&[]));
    drive::to_routine(&mut app, &["foam_roller_medium"]);
    assert_eq!(app.id(), Screen::Routine);
    app.store = store;
    app
}

fn render(app: &App<'_>, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| {
            fascia::tui::ui::draw(f, app, &Theme::new(false));
        })
        .expect("draw");
    format!("{}", terminal.backend())
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

#[test]
fn a_whole_session_runs_on_time_and_is_saved() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = routine_app(&kb, Some(Store::in_dir(dir.path())));
    drive::char(&mut app, 'g');
    assert_eq!(app.id(), Screen::RateBefore);
    assert_eq!(drive::ratings(&app).len(), 2);
    key(&mut app, KeyCode::Right); // calves pain +1
    let before = drive::ratings(&app)[0].before;
    drive::tick(&mut app, secs(1000));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Session);
    let steps = drive::routine(&app).expect("routine").steps;
    // Every step's time, and a moment to get ready before each step and side.
    let phases = drive::timer(&app).phases();
    let ready = phases
        .iter()
        .filter(|p| p.activity == fascia::session::Activity::GetReady)
        .count();
    assert!(ready >= steps.len(), "a get-ready moment before each step");
    let total: u64 = phases.iter().map(|p| u64::from(p.seconds)).sum();
    assert_eq!(
        total,
        steps.iter().map(|s| u64::from(s.seconds)).sum::<u64>()
            + 5 * u64::try_from(ready).expect("count")
    );
    // One second before the end the session is still running; at the end it asks for ratings.
    drive::tick(&mut app, secs(1000 + total - 1));
    assert_eq!(app.id(), Screen::Session);
    assert!(render(&app, 80, 24).contains("1 s left"));
    let rang = drive::tick(&mut app, secs(1000 + total));
    assert_eq!(app.id(), Screen::RateAfter);
    assert!(drive::completed(&app));
    assert!(rang, "the bell rings at the end");
    key(&mut app, KeyCode::Left); // calves pain -1 after
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Done);
    assert!(matches!(&drive::saved(&app), Some(Ok(path)) if path.ends_with("history.jsonl")));
    let loaded = Store::in_dir(dir.path()).load().expect("load");
    assert_eq!(loaded.records.len(), 1);
    let r = &loaded.records[0];
    assert!(r.completed);
    assert_eq!(r.ratings[0].before, before);
    assert_eq!(r.ratings[0].after.map(|a| a.pain), Some(before.pain - 1));
    assert_eq!(r.routine.len(), steps.len());
}

#[test]
fn pause_skip_back_and_switching_sides() {
    let kb = common::kb();
    let mut app = routine_app(&kb, None);
    drive::char(&mut app, 'g');
    key(&mut app, KeyCode::Enter);
    let first = *drive::timer(&app).current().expect("phase");
    assert!(
        app.session_deadline().is_some(),
        "a running clock wakes the app"
    );
    drive::char(&mut app, ' ');
    assert!(drive::timer(&app).is_paused());
    assert!(render(&app, 80, 24).contains("PAUSED"));
    assert_eq!(
        app.session_deadline(),
        None,
        "nothing moves while paused: no wake-ups"
    );
    drive::tick(&mut app, secs(10_000));
    assert_eq!(
        drive::timer(&app).current().copied(),
        Some(first),
        "no time passes while paused"
    );
    drive::char(&mut app, ' ');
    // Run the first phase out: a per-side step switches sides and says so.
    drive::tick(&mut app, secs(10_000 + u64::from(first.seconds)));
    let now = drive::timer(&app).current().copied().expect("phase");
    if first.side.is_some() && now.side != first.side {
        assert!(
            app.status
                .as_deref()
                .is_some_and(|s| s.contains("Switch sides"))
        );
    }
    drive::char(&mut app, 'n');
    let step = drive::timer(&app).current().map(|p| p.step);
    assert_eq!(step, Some(1), "n skips to the next step");
    drive::char(&mut app, 'p');
    assert_eq!(
        drive::timer(&app).current().map(|p| p.step),
        Some(0),
        "p goes back"
    );
}

#[test]
fn ending_early_is_saved_as_ended_early() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = routine_app(&kb, Some(Store::in_dir(dir.path())));
    drive::char(&mut app, 'g');
    key(&mut app, KeyCode::Enter);
    drive::tick(&mut app, secs(5));
    drive::char(&mut app, 'e');
    drive::char(&mut app, 'y');
    assert_eq!(app.id(), Screen::RateAfter);
    assert!(render(&app, 80, 24).contains("ended early"));
    key(&mut app, KeyCode::Enter);
    let loaded = Store::in_dir(dir.path()).load().expect("load");
    assert!(!loaded.records[0].completed);
    // Steps done count only the steps that ran to their end: the first was stopped part way.
    assert_eq!(loaded.records[0].steps_done, 0);
    assert_eq!(
        loaded.records[0].routine[0].status,
        Some(fascia::history::StepStatus::Stopped)
    );
}

#[test]
fn a_failed_save_keeps_the_session_on_screen_and_can_be_retried() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("blocked");
    std::fs::write(&blocker, "x").expect("write");
    let mut app = routine_app(&kb, Some(Store::in_dir(&blocker.join("fascia"))));
    drive::char(&mut app, 'g');
    key(&mut app, KeyCode::Enter);
    drive::char(&mut app, 'e');
    drive::char(&mut app, 'y');
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Done);
    assert!(
        matches!(&drive::saved(&app), Some(Err(e)) if e.contains("cannot write the history file"))
    );
    let screen = render(&app, 100, 30);
    assert!(
        screen.contains("Not saved") && screen.contains("Calves") && screen.contains("press r"),
        "{screen}"
    );
    std::fs::remove_file(&blocker).expect("unblock");
    drive::char(&mut app, 'r');
    assert!(
        matches!(&drive::saved(&app), Some(Ok(_))),
        "{:?}",
        drive::saved(&app)
    );
    assert_eq!(
        Store::in_dir(&blocker.join("fascia"))
            .load()
            .expect("load")
            .records
            .len(),
        1
    );
}

#[test]
fn the_history_screen_shows_sessions_and_the_trend_per_area() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    for _ in 0..3 {
        let mut app = routine_app(&kb, Some(store.clone()));
        drive::char(&mut app, 'g');
        key(&mut app, KeyCode::Enter);
        drive::char(&mut app, 'e');
        drive::char(&mut app, 'y');
        key(&mut app, KeyCode::Left);
        key(&mut app, KeyCode::Enter);
    }
    let mut app = App::new(&kb, "112");
    app.store = Some(store);
    drive::char(&mut app, 'h');
    assert_eq!(app.id(), Screen::History);
    let screen = render(&app, 100, 30);
    assert!(
        screen.contains("3 sessions")
            && screen.contains("ended early, 0 of 2 steps done  pain")
            && screen.contains(" B ")
            && screen.contains(" A "),
        "{screen}"
    );
    assert!(
        screen.contains("Back of the neck: before"),
        "areas in body-map order"
    );
    key(&mut app, KeyCode::Right);
    assert!(render(&app, 100, 30).contains("Calves: before"));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.id(), Screen::Welcome);
}

#[test]
fn session_screens_at_every_size() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    let mut states: Vec<(&str, App<'_>)> = Vec::new();
    let mut app = routine_app(&kb, Some(store.clone()));
    drive::char(&mut app, 'g');
    states.push(("rate_before", app));

    // Three areas, the cursor on the second: at 60x20 the tests shown are that area's.
    let mut app = walk_to_result(&kb, &["calves", "hamstrings", "neck"], &yes_to(&[]));
    drive::to_routine(&mut app, &["foam_roller_medium", "tennis_ball"]);
    drive::char(&mut app, 'g');
    for c in [KeyCode::Down, KeyCode::Down, KeyCode::Right] {
        key(&mut app, c);
    }
    states.push(("rate_before_three_areas", app));

    let mut app = routine_app(&kb, Some(store.clone()));
    drive::char(&mut app, 'g');
    key(&mut app, KeyCode::Enter);
    let total: u64 = drive::timer(&app)
        .phases()
        .iter()
        .map(|p| u64::from(p.seconds))
        .sum();
    drive::tick(&mut app, secs(total));
    assert_eq!(app.id(), Screen::RateAfter);
    key(&mut app, KeyCode::Left);
    states.push(("rate_after_completed", app));

    // Getting ready: where to be and the key that starts at once, before the first set.
    let mut app = routine_app(&kb, Some(store.clone()));
    drive::char(&mut app, 'g');
    key(&mut app, KeyCode::Enter);
    states.push(("session_get_ready", app));

    let mut app = routine_app(&kb, Some(store.clone()));
    drive::char(&mut app, 'g');
    key(&mut app, KeyCode::Enter);
    drive::tick(&mut app, secs(17));
    states.push(("session_running", app));

    let mut app = routine_app(&kb, Some(store.clone()));
    drive::char(&mut app, 'g');
    key(&mut app, KeyCode::Enter);
    drive::tick(&mut app, secs(17));
    drive::char(&mut app, ' ');
    states.push(("session_paused", app));

    let mut app = routine_app(&kb, Some(store.clone()));
    drive::char(&mut app, 'g');
    key(&mut app, KeyCode::Enter);
    drive::char(&mut app, 'e');
    drive::char(&mut app, 'y');
    key(&mut app, KeyCode::Left);
    states.push(("rate_after_ended_early", app));

    let mut done = routine_app(&kb, Some(Store::in_dir(&dir.path().join("history-dir"))));
    drive::char(&mut done, 'g');
    key(&mut done, KeyCode::Enter);
    drive::char(&mut done, 'e');
    drive::char(&mut done, 'y');
    key(&mut done, KeyCode::Enter);
    // The path differs per run; show it as the same placeholder in the snapshot.
    drive::act(
        &mut done,
        fascia::tui::action::Action::Saved(
            Ok("/home/you/.local/share/fascia/history.jsonl".into()),
        ),
    );
    states.push(("done", done));

    let mut app = App::new(&kb, "112");
    app.store = Some(Store::in_dir(&dir.path().join("empty")));
    drive::char(&mut app, 'h');
    states.push(("history_empty", app));

    for (name, app) in &states {
        for (w, h) in common::sizes::SIZES {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(app, w, h));
        }
        // And at every size (60x20 to 200x60): no row cut without an ellipsis.
        common::sizes::check(name, app, false);
    }
}

#[test]
fn every_stop_sign_shows_at_80x24_during_a_session() {
    let kb = common::kb();
    for region in ["calves", "neck", "lower_back", "hamstrings"] {
        let mut app = walk_to_result(&kb, &[region], &yes_to(&[]));
        drive::to_routine(&mut app, &[]);
        drive::char(&mut app, 'g');
        key(&mut app, KeyCode::Enter);
        let screen = render(&app, 80, 24).replace(['│', '\n', '"'], " ");
        let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        let step = &drive::routine(&app).expect("routine").steps[0];
        for stop in &step.stop_if {
            let start: String = stop
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                words.contains(&start),
                "{region}: `{start}` is not on screen:\n{screen}"
            );
        }
    }
}

/// PgUp/PgDn/Home/End/g/G on the two tables move between areas and keep the column: the
/// ratings (two values an area) and "How does it feel" (four).
#[test]
fn the_tables_page_between_areas_keeping_the_column() {
    let kb = common::kb();
    let mut app = walk_to_result(&kb, &["calves", "hamstrings", "neck"], &yes_to(&[]));
    drive::to_routine(&mut app, &["foam_roller_medium", "tennis_ball"]);
    drive::char(&mut app, 'g');
    assert_eq!(app.id(), Screen::RateBefore);
    let last = drive::ratings(&app).len() - 1;
    key(&mut app, KeyCode::Down); // moves freely, first area
    for (press, to) in [
        (KeyCode::End, last * 2 + 1),
        (KeyCode::Home, 1),
        (KeyCode::PageDown, last * 2 + 1),
        (KeyCode::PageUp, 1),
        (KeyCode::Char('G'), last * 2 + 1),
        (KeyCode::Char('g'), 1),
    ] {
        key(&mut app, press);
        assert_eq!(drive::cursor(&app), to, "{press:?}");
    }
    assert_eq!(
        app.id(),
        Screen::RateBefore,
        "g is not the routine's g here"
    );
    let help = app
        .screen()
        .keys()
        .iter()
        .map(|b| b.label)
        .collect::<Vec<_>>();
    assert!(
        help.contains(&"pgup") && help.contains(&"home g"),
        "{help:?}"
    );

    let mut app = App::new(&kb, "112");
    drive::choose_regions(&mut app, &["neck", "calves", "hamstrings", "feet"]);
    assert_eq!(app.id(), Screen::Details);
    let areas = app.answers.chosen(&kb).len();
    assert_eq!(areas, 4);
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    for (press, to) in [
        (KeyCode::End, (areas - 1) * 4 + 3),
        (KeyCode::Char('g'), 3),
        (KeyCode::PageDown, (areas - 1) * 4 + 3),
        (KeyCode::Home, 3),
    ] {
        key(&mut app, press);
        assert_eq!(drive::cursor(&app), to, "{press:?}");
    }
    assert_eq!(app.id(), Screen::Details);
}
