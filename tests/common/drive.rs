//! Drives the app with key presses, as a person would, for the app-level and snapshot tests.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fascia::engine::{Advice, Prompt, Reply, Routine};
use fascia::history::Rating;
use fascia::kb::KnowledgeBase;
use fascia::tui::action::{Action, Effect};
use fascia::tui::app::App;
use fascia::tui::screens::{Id as Screen, Screen as State, browse_list, search};

/// Runs effects as the event loop does; true when the bell rang.
pub fn settle(app: &mut App<'_>, effects: Vec<Effect>) -> bool {
    let mut out = Vec::new();
    fascia::tui::effects::run(app, effects, &mut out).expect("effects");
    out.contains(&b'\x07')
}

pub fn key(app: &mut App<'_>, code: KeyCode) {
    let effects = app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    settle(app, effects);
}

/// An action, as the event loop hands it over; true when the bell rang.
pub fn act(app: &mut App<'_>, action: Action) -> bool {
    let effects = app.update(action);
    settle(app, effects)
}

/// A left click at (`x`, `y`) in a frame of `frame`'s size, as the event loop hands it over.
pub fn click(app: &mut App<'_>, frame: ratatui::layout::Rect, x: u16, y: u16) {
    if let Some(body) = fascia::tui::ui::clickable(app, frame) {
        act(app, Action::Click { x, y, body });
    }
}

/// The clock moves to `now`; true when the bell rang.
pub fn tick(app: &mut App<'_>, now: Duration) -> bool {
    act(app, Action::Tick(now))
}

/// The area under the cursor on the body map.
pub fn region(app: &App<'_>) -> usize {
    match app.screen() {
        State::Where(s) => s.region,
        other => panic!("not the body map: {:?}", other.id()),
    }
}

/// The question page in front: its rows and the one under the cursor.
pub fn rows<'kb>(app: &App<'kb>) -> (Vec<Prompt<'kb>>, usize) {
    match app.screen() {
        State::Questions(s) => (s.rows.clone(), s.question),
        other => panic!("not a question page: {:?}", other.id()),
    }
}

/// The cursor of the screen in front (menu row, field, question, review row...).
pub fn cursor(app: &App<'_>) -> usize {
    match app.screen() {
        State::Welcome(s) => s.row,
        State::Where(s) => s.region,
        State::Details(s) => s.field,
        State::Questions(s) => s.question,
        State::Review(s) => s.row,
        State::Preferences(s) => s.row,
        State::Routine(s) => s.step,
        State::BrowseList(s) => s.row,
        State::Search(s) => s.hit,
        State::Rate(s) => s.field,
        State::History(s) => s.row,
        other => panic!("no cursor: {:?}", other.id()),
    }
}

/// The advice shown (result or routine).
pub fn advice(app: &App<'_>) -> Option<Advice> {
    match app.screen() {
        State::Outcome(s) => Some(s.advice.clone()),
        State::Routine(s) => Some(s.advice()),
        _ => None,
    }
}

/// The routine being shown or followed.
pub fn routine(app: &App<'_>) -> Option<Routine> {
    match app.screen() {
        State::Routine(s) => Some(s.routine.clone()),
        State::Rate(s) => Some(s.routine.clone()),
        State::Session(s) => Some(s.routine.clone()),
        _ => None,
    }
}

/// The ratings of the guided session in front.
pub fn ratings(app: &App<'_>) -> Vec<Rating> {
    match app.screen() {
        State::Rate(s) => s.ratings.clone(),
        State::Session(s) => s.ratings.clone(),
        State::Done(s) => s.record.ratings.clone(),
        other => panic!("not a guided session: {:?}", other.id()),
    }
}

/// The technique list in front.
pub fn browse<'a, 'kb>(app: &'a App<'kb>) -> &'a browse_list::State<'kb> {
    match app.screen() {
        State::BrowseList(s) => s,
        other => panic!("not the technique list: {:?}", other.id()),
    }
}

/// The search in front.
pub fn search<'a>(app: &'a App<'_>) -> &'a search::State {
    match app.screen() {
        State::Search(s) => s,
        other => panic!("not the search: {:?}", other.id()),
    }
}

/// The technique shown, if one is.
pub fn technique(app: &App<'_>) -> Option<String> {
    match app.screen() {
        State::Technique(s) => Some(s.id.clone()),
        _ => None,
    }
}

pub fn keys(app: &mut App<'_>, codes: &[KeyCode]) {
    for &c in codes {
        key(app, c);
    }
}

pub fn char(app: &mut App<'_>, c: char) {
    key(app, KeyCode::Char(c));
}

/// From the welcome screen: start, choose `regions` in the list, keep the default details.
pub fn choose_regions(app: &mut App<'_>, regions: &[&str]) {
    assert_eq!(app.id(), Screen::Welcome);
    key(app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Where);
    key(app, KeyCode::Tab);
    for wanted in regions {
        let target = app
            .kb
            .regions()
            .iter()
            .position(|r| r.id == *wanted)
            .expect("region");
        while region(app) > target {
            key(app, KeyCode::Up);
        }
        while region(app) < target {
            key(app, KeyCode::Down);
        }
        char(app, ' ');
    }
    key(app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Details);
}

/// Answers every row of the current question screen with `reply(item, region)`, row by row.
pub fn answer_page(app: &mut App<'_>, reply: &dyn Fn(&str, Option<&str>) -> Reply) {
    let page = app.id();
    assert!(page.section().is_some(), "a question screen");
    // An emergency or urgent answer leaves the page at once for the result.
    while app.id() == page {
        let (rows, _) = self::rows(app);
        let Some(i) = (0..rows.len()).find(|&i| {
            app.answers
                .reply(&rows[i].item.id, rows[i].region)
                .is_none()
        }) else {
            break;
        };
        while cursor(app) > i {
            key(app, KeyCode::Up);
        }
        while cursor(app) < i {
            key(app, KeyCode::Down);
        }
        let c = match reply(&rows[i].item.id, rows[i].region) {
            Reply::Yes => 'y',
            Reply::No => 'n',
            Reply::NotSure => 'u',
        };
        char(app, c);
    }
}

/// Walks from the welcome screen to the result, answering with `reply`.
pub fn walk_to_result<'kb>(
    kb: &'kb KnowledgeBase,
    regions: &[&str],
    reply: &dyn Fn(&str, Option<&str>) -> Reply,
) -> App<'kb> {
    let mut app = App::new(kb, "112");
    choose_regions(&mut app, regions);
    key(&mut app, KeyCode::Enter);
    while app.id().section().is_some() {
        answer_page(&mut app, reply);
        if app.id() == Screen::Outcome {
            // Stopped at an emergency or urgent answer.
            return app;
        }
        key(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.id(), Screen::Review);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Outcome);
    app
}

/// From the result, own `tools` and build the routine.
pub fn to_routine(app: &mut App<'_>, tools: &[&str]) {
    key(app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Preferences);
    for tool in tools {
        let row = 2 + app
            .kb
            .tools()
            .iter()
            .position(|t| t.id == *tool)
            .expect("tool");
        while cursor(app) < row {
            key(app, KeyCode::Down);
        }
        while cursor(app) > row {
            key(app, KeyCode::Up);
        }
        char(app, ' ');
    }
    key(app, KeyCode::Enter);
}

/// Yes to the listed items (everywhere), no to everything else.
pub fn yes_to<'a>(items: &'a [&'a str]) -> impl Fn(&str, Option<&str>) -> Reply + 'a {
    move |item, _| {
        if items.contains(&item) {
            Reply::Yes
        } else {
            Reply::No
        }
    }
}

/// How saving the session went, on the done screen.
pub fn saved(app: &App<'_>) -> Option<Result<String, String>> {
    match app.screen() {
        State::Done(s) => s.saved.clone(),
        _ => None,
    }
}

/// Whether the session ran to the end (rating after it, or done).
pub fn completed(app: &App<'_>) -> bool {
    match app.screen() {
        State::Rate(s) => s.completed,
        State::Done(s) => s.record.completed,
        other => panic!("not after a session: {:?}", other.id()),
    }
}

/// The session's timer.
pub fn timer<'a>(app: &'a App<'_>) -> &'a fascia::session::Timer {
    match app.screen() {
        State::Session(s) => &s.timer,
        other => panic!("not a session: {:?}", other.id()),
    }
}
