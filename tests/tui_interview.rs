//! The interview in the app, by keys: question counts against the INTERVIEW.md budgets for a
//! first check and a return check, the outcome equals `advise` on the answers reached, and the
//! remembered profile (saved as an effect, a damaged one reported and ignored).

mod common;

use common::drive::{self, key, yes_to};
use crossterm::event::KeyCode;
use fascia::engine::{Reply, advise};
use fascia::kb::REGION_IDS;
use fascia::profile::ProfileStore;
use fascia::tui::app::App;
use fascia::tui::screens::Id as Screen;

/// A first check by keys for `regions`, every answer no; the questions asked.
fn first_check(regions: &[&str]) -> usize {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    drive::walk(&mut app, regions, &yes_to(&[]))
}

#[test]
fn a_first_check_keeps_to_the_budget() {
    for (regions, budget) in [
        // INTERVIEW.md v3.
        (&["calves"][..], 10),
        (&["calves", "neck"][..], 10),
        (&REGION_IDS[..], 11),
    ] {
        let asked = first_check(regions);
        println!("first check, {} areas: {asked} questions", regions.len());
        assert!(
            asked <= budget,
            "{} areas: {asked} > {budget}",
            regions.len()
        );
    }
}

#[test]
fn a_return_check_confirms_on_one_screen_and_keeps_to_the_budget() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProfileStore::in_dir(dir.path());
    let mut app = App::new(&kb, "112");
    app.profiles = Some(store.clone());
    let first = drive::walk(&mut app, &["calves", "neck"], &yes_to(&[]));
    let saved = store
        .load()
        .expect("readable")
        .expect("saved when the result was shown");
    assert!(
        saved
            .answers
            .iter()
            .any(|r| r.item == "blood_thinners" && r.reply == Reply::No)
    );

    let mut again = App::new(&kb, "112");
    again.profiles = Some(store);
    drive::choose_regions(&mut again, &["calves", "neck"]);
    key(&mut again, KeyCode::Enter);
    let mut asked = 0;
    let mut confirmed = false;
    while again.screen().asked().is_some() {
        confirmed |= matches!(drive::asked(&again), fascia::engine::Ask::Confirm(_));
        drive::answer_one(&mut again, &yes_to(&[]));
        asked += 1;
    }
    println!("return check, 2 areas: {asked} questions (first: {first})");
    assert!(confirmed, "the remembered answers are shown to confirm");
    assert!(asked <= 8, "{asked} questions on a return");
    assert_eq!(again.id(), Screen::Review);
    key(&mut again, KeyCode::Enter);
    let shown = drive::advice(&again).expect("advice");
    assert_eq!(shown, advise(&kb, &again.answers, "112"));
    assert_eq!(
        again.answers.reply("blood_thinners", None),
        Some(Reply::No),
        "the confirmed answer counts"
    );
}

#[test]
fn something_changed_asks_everything_again() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProfileStore::in_dir(dir.path());
    let mut app = App::new(&kb, "112");
    app.profiles = Some(store.clone());
    let first = drive::walk(&mut app, &["calves"], &yes_to(&[]));
    let mut again = App::new(&kb, "112");
    again.profiles = Some(store);
    drive::choose_regions(&mut again, &["calves"]);
    key(&mut again, KeyCode::Enter);
    while !matches!(drive::asked(&again), fascia::engine::Ask::Confirm(_)) {
        drive::answer_one(&mut again, &yes_to(&[]));
    }
    drive::char(&mut again, 'n');
    let rest = drive::interview(&mut again, &yes_to(&[]));
    assert!(rest + 2 >= first, "the full interview runs again");
}

#[test]
fn the_outcome_by_keys_is_advise_on_the_answers_reached() {
    let kb = common::kb();
    let cases: [(&[&str], &[&str]); 8] = [
        (&["calves"], &[]),
        (&["calves", "neck"], &["blood_thinners"]),
        (&["calves", "neck"], &["open_wound"]),
        (&["calves", "hamstrings"], &["varicose_veins"]),
        (&["neck"], &["age_50_plus"]),
        (&["calves"], &["heart_condition"]),
        (&["calves"], &["dvt_symptoms"]),
        (&["lower_back", "neck"], &["fragile_skin", "diabetes"]),
    ];
    for (regions, yes) in cases {
        let app = drive::walk_to_result(&kb, regions, &yes_to(yes));
        let shown = drive::advice(&app).expect("advice");
        let mut replayed = app.answers.clone();
        // What the answers file would hold: the same item answers.
        replayed = serde_json::from_str(&serde_json::to_string(&replayed).expect("json"))
            .expect("answers");
        let again = advise(&kb, &replayed, "112");
        assert_eq!(shown.screening.outcome, again.screening.outcome, "{yes:?}");
        if !shown.screening.stopped_early {
            assert_eq!(shown, again, "{yes:?}");
        }
    }
}

#[test]
fn a_damaged_profile_is_reported_and_ignored() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("profile.json"), "{ not json").expect("write");
    let mut app = App::new(&kb, "112");
    app.profiles = Some(ProfileStore::in_dir(dir.path()));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Where);
    let status = app.status.clone().expect("a status line");
    assert!(status.contains("could not be used"), "{status}");
    assert!(!status.contains('\n'), "one line");
    let app = {
        let mut app = App::new(&kb, "112");
        app.profiles = Some(ProfileStore::in_dir(dir.path()));
        drive::walk(&mut app, &["calves"], &yes_to(&[]));
        app
    };
    assert_eq!(
        drive::advice(&app).expect("advice").screening.outcome,
        fascia::engine::Outcome::Routine
    );
}

/// The tools ticked in the app are remembered with the answers (they were saved empty, as the
/// profile is first written when the result shows, before the tools are chosen).
#[test]
fn the_tools_ticked_in_the_app_are_remembered() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = App::new(&kb, "112");
    app.profiles = Some(ProfileStore::in_dir(dir.path()));
    drive::walk(&mut app, &["calves"], &yes_to(&[]));
    drive::to_routine(&mut app, &["foam_roller_medium", "tennis_ball"]);
    assert_eq!(app.id(), Screen::Routine);
    let profile = ProfileStore::in_dir(dir.path())
        .load()
        .expect("readable")
        .expect("remembered");
    let mut tools = profile.preferences.tools.clone();
    tools.sort();
    assert_eq!(tools, ["foam_roller_medium", "tennis_ball"]);
}
