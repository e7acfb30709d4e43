//! The app without a terminal: key sequences walk whole flows to every outcome, back and change
//! an answer, and the routine shown equals what `fascia advise` gives for the same answers.

mod common;

use common::drive::{self, key, walk_to_result, yes_to};
use crossterm::event::KeyCode;
use fascia::engine::{Outcome, Reply, advise};
use fascia::tui::app::{App, Overlay, Screen};

fn outcome(app: &App<'_>) -> Outcome {
    app.advice.as_ref().expect("advice").screening.outcome
}

#[test]
fn sore_calves_to_a_routine_that_matches_advise() {
    let kb = common::kb();
    let mut app = walk_to_result(&kb, &["calves"], &yes_to(&[]));
    assert_eq!(outcome(&app), Outcome::Routine);
    drive::to_routine(&mut app, &["foam_roller_medium"]);
    assert_eq!(app.screen, Screen::Routine);
    let shown = app.advice.clone().expect("advice");
    assert_eq!(
        shown,
        advise(&kb, &app.answers, "112"),
        "the app runs the same engine"
    );
    // And through the command line, from the answers the app collected.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("answers.json");
    std::fs::write(&file, serde_json::to_string(&app.answers).expect("json")).expect("write");
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_fascia"))
        .args([
            "advise",
            "--format",
            "json",
            "--emergency-number",
            "112",
            "--answers",
        ])
        .arg(&file)
        .output()
        .expect("run");
    let cli: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(cli, fascia::report::json(&shown));
    let steps = &shown.routine.expect("routine").steps;
    assert_eq!(steps[0].region, "calves");
    assert_eq!(steps[0].tool, "foam_roller_medium");
}

#[test]
fn every_outcome_is_reachable_by_keys() {
    let kb = common::kb();
    let cases: [(&[&str], &[&str], Outcome); 5] = [
        (&["calves"], &["chest_pain_cardiac"], Outcome::Emergency),
        (&["calves"], &["dvt_symptoms"], Outcome::Urgent),
        (&["calves"], &["heart_condition"], Outcome::Refer),
        (&["calves"], &["open_wound"], Outcome::NothingSafe),
        (&["calves", "neck"], &["blood_thinners"], Outcome::Routine),
    ];
    for (regions, yes, expected) in cases {
        let app = walk_to_result(&kb, regions, &yes_to(yes));
        assert_eq!(outcome(&app), expected, "{yes:?}");
        let advice = app.advice.as_ref().expect("advice");
        assert_eq!(advice.routine.is_some(), expected == Outcome::Routine);
    }
}

#[test]
fn local_exclusion_and_caution_show_before_the_routine() {
    let kb = common::kb();
    let reply = |item: &str, region: Option<&str>| match (item, region) {
        ("recent_injury_72h", Some("calves")) | ("pregnancy", _) => Reply::Yes,
        _ => Reply::No,
    };
    let mut app = walk_to_result(&kb, &["calves", "quads"], &reply);
    let s = &app.advice.as_ref().expect("advice").screening;
    assert_eq!(s.outcome, Outcome::Routine);
    assert_eq!(s.excluded[0].region, "calves");
    assert!(
        s.modifications
            .iter()
            .any(|m| m.region == "quads" && m.because.contains(&"pregnancy".to_owned()))
    );
    drive::to_routine(&mut app, &[]);
    let routine = app
        .advice
        .as_ref()
        .and_then(|a| a.routine.as_ref())
        .expect("routine");
    assert!(routine.steps.iter().all(|s| s.region == "quads"));
}

#[test]
fn an_urgent_answer_stops_at_once_and_esc_goes_back_to_change_it() {
    let kb = common::kb();
    let mut app = walk_to_result(&kb, &["lower_back"], &yes_to(&["ces_saddle_bladder_bowel"]));
    assert_eq!(
        app.screen,
        Screen::Outcome,
        "shown at once, before the review"
    );
    assert_eq!(outcome(&app), Outcome::Urgent);
    assert!(app.advice.as_ref().expect("advice").screening.stopped_early);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.screen,
        Screen::Outcome,
        "enter does not lead past an urgent result"
    );
    // Back to the very question, where the answer can be changed.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Area);
    let rows = app.rows(fascia::kb::Section::Area);
    assert_eq!(rows[app.question].item.id, "ces_saddle_bladder_bowel");
    drive::char(&mut app, 'n');
    assert_eq!(app.screen, Screen::Area, "a no goes on with the questions");
    drive::answer_page(&mut app, &yes_to(&[]));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Review);
    key(&mut app, KeyCode::Enter);
    assert_eq!(outcome(&app), Outcome::Routine);
}

#[test]
fn an_emergency_yes_on_the_first_question_shows_the_result_at_once() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    drive::choose_regions(&mut app, &["neck"]);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Emergency);
    drive::char(&mut app, 'y');
    assert_eq!(app.screen, Screen::Outcome);
    assert_eq!(outcome(&app), Outcome::Emergency);
    // Nothing else was asked, and nothing unasked was stored.
    assert_eq!(app.answers.answers.len(), 1);
}

#[test]
fn not_sure_on_a_red_flag_refers_and_says_not_sure() {
    let kb = common::kb();
    let app = walk_to_result(&kb, &["neck"], &|item, _| {
        if item == "stroke_signs" {
            Reply::NotSure
        } else {
            Reply::No
        }
    });
    let s = &app.advice.as_ref().expect("advice").screening;
    assert_eq!(s.outcome, Outcome::Emergency);
    assert_eq!(s.referrals[0].answer, Reply::NotSure);
    assert!(s.referrals[0].not_sure.is_some());
}

#[test]
fn an_answer_is_changed_from_the_review_without_starting_again() {
    let kb = common::kb();
    let mut app = walk_to_result(&kb, &["calves"], &yes_to(&["fragile_skin"]));
    assert!(
        !app.advice
            .as_ref()
            .expect("advice")
            .screening
            .modifications
            .is_empty()
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Review);
    // Find the fragile-skin row in the review and change it (an item that gates no other).
    let regions = app.answers.regions.len();
    let row = app
        .all_rows()
        .iter()
        .position(|(_, r)| r.item.id == "fragile_skin")
        .expect("row")
        + regions;
    while app.review < row {
        key(&mut app, KeyCode::Down);
    }
    drive::char(&mut app, ' ');
    assert_eq!(app.screen, Screen::Health);
    assert_eq!(
        app.rows(fascia::kb::Section::Health)[app.question].item.id,
        "fragile_skin"
    );
    drive::char(&mut app, 'n');
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.screen,
        Screen::Review,
        "back to the review, not through every page"
    );
    key(&mut app, KeyCode::Enter);
    let s = &app.advice.as_ref().expect("advice").screening;
    assert!(s.modifications.is_empty(), "the change took effect");
    assert_eq!(
        app.answers.answers.len(),
        app.all_rows()
            .iter()
            .map(|(_, r)| r.item.id.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        "nothing was lost"
    );
}

#[test]
fn a_page_cannot_be_left_with_questions_unanswered() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    drive::choose_regions(&mut app, &["feet"]);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Emergency);
    drive::char(&mut app, 'n');
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.screen,
        Screen::Emergency,
        "five emergency questions are still open"
    );
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("5 questions"))
    );
    assert_eq!(
        app.question, 1,
        "the cursor jumps to the first open question"
    );
}

#[test]
fn age_50_plus_adds_the_head_and_shoulder_questions() {
    let kb = common::kb();
    let app = walk_to_result(&kb, &["neck"], &yes_to(&["age_50_plus"]));
    let ids: Vec<String> = app
        .all_rows()
        .iter()
        .map(|(_, r)| r.item.id.clone())
        .collect();
    assert!(ids.contains(&"gca_symptoms".to_owned()) && ids.contains(&"pmr_pattern".to_owned()));
    let younger = walk_to_result(&kb, &["neck"], &yes_to(&[]));
    assert!(
        !younger
            .all_rows()
            .iter()
            .any(|(_, r)| r.item.id == "gca_symptoms")
    );
}

#[test]
fn quitting_mid_flow_asks_first_and_ctrl_c_always_quits() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    drive::choose_regions(&mut app, &["feet"]);
    drive::char(&mut app, 'q');
    assert_eq!(app.overlay, Some(Overlay::ConfirmQuit));
    drive::char(&mut app, 'n');
    assert!(!app.quit && app.overlay.is_none());
    drive::char(&mut app, 'q');
    drive::char(&mut app, 'y');
    assert!(app.quit);

    let mut app = App::new(&kb, "112");
    drive::choose_regions(&mut app, &["feet"]);
    app.on_key(crossterm::event::KeyEvent::new(
        KeyCode::Char('c'),
        crossterm::event::KeyModifiers::CONTROL,
    ));
    assert!(app.quit);

    let mut app = App::new(&kb, "112");
    drive::char(&mut app, 'q');
    assert!(app.quit, "on the welcome screen q quits at once");
}

#[test]
fn help_lists_the_keys_of_the_screen() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    drive::choose_regions(&mut app, &["feet"]);
    drive::char(&mut app, '?');
    assert_eq!(app.overlay, Some(Overlay::Help));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert_eq!(app.screen, Screen::Details, "closing help does not go back");
}

#[test]
fn the_body_map_moves_by_arrows_and_chooses_by_click() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    key(&mut app, KeyCode::Enter);
    let id = |app: &App<'_>| app.kb.regions()[app.region].id.clone();
    assert_eq!(id(&app), "head");
    key(&mut app, KeyCode::Down);
    assert_eq!(id(&app), "jaw");
    key(&mut app, KeyCode::Right);
    assert_eq!(id(&app), "neck", "right of the front view is the back view");
    drive::char(&mut app, ' ');
    assert!(app.answers.regions.contains_key("neck"));
    // A click on the calf cell of the back view (120 x 40 frame).
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let (mut x, mut y) = (0, 0);
    'find: for yy in 0..40 {
        for xx in 0..120 {
            let mut probe = App::new(&kb, "112");
            key(&mut probe, KeyCode::Enter);
            fascia::tui::ui::click(&mut probe, area, xx, yy);
            if probe.answers.regions.contains_key("calves") {
                (x, y) = (xx, yy);
                break 'find;
            }
        }
    }
    assert!(x > 0, "the calf cell can be clicked");
    fascia::tui::ui::click(&mut app, area, x, y);
    assert!(app.answers.regions.contains_key("calves"));
    fascia::tui::ui::click(&mut app, area, x, y);
    assert!(
        !app.answers.regions.contains_key("calves"),
        "a second click un-chooses"
    );
}

/// Enter on each row of the welcome menu does what the row's label says.
#[test]
fn every_welcome_menu_row_does_what_its_label_says() {
    use fascia::tui::keys::WELCOME_MENU;
    let kb = common::kb();
    let labels: Vec<&str> = WELCOME_MENU.iter().map(|m| m.label).collect();
    assert_eq!(labels, ["Start", "Browse", "Quit"]);
    for (row, item) in WELCOME_MENU.iter().enumerate() {
        let mut app = App::new(&kb, "112");
        for _ in 0..row {
            key(&mut app, KeyCode::Down);
        }
        assert_eq!(app.welcome, row);
        key(&mut app, KeyCode::Enter);
        match item.label {
            "Start" => assert_eq!(app.screen, Screen::Where, "Start starts the check"),
            "Browse" => assert_eq!(
                app.screen,
                Screen::BrowseRegions,
                "Browse opens the library"
            ),
            "Quit" => {
                assert!(app.quit, "Quit quits");
                assert_ne!(app.screen, Screen::History, "Quit never opens the history");
            }
            other => panic!("a menu row with no test: {other}"),
        }
    }
}
