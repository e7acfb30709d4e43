//! Drives the app with key presses, as a person would, for the app-level and snapshot tests.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fascia::engine::{Advice, AgeBand, Ask, Reply, Response, Routine};
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

/// The interview's question in front.
pub fn asked<'kb>(app: &App<'kb>) -> Ask<'kb> {
    match app.screen().asked() {
        Some(a) => a.ask.clone(),
        None => panic!("not a question screen: {:?}", app.id()),
    }
}

/// The item asked on an item screen, or on a checklist of one item's lines (its id).
pub fn item_id(app: &App<'_>) -> String {
    match asked(app) {
        Ask::Item { item, .. } => item.id.clone(),
        Ask::Gate { items, .. } if items.len() == 1 => items[0].id.clone(),
        other => panic!("not an item: {other:?}"),
    }
}

/// The items of the question in front (a checklist's, or the one item).
pub fn item_ids(app: &App<'_>) -> Vec<String> {
    match asked(app) {
        Ask::Item { item, .. } | Ask::WhichAreas { item, .. } => vec![item.id.clone()],
        Ask::Gate { items, .. } => items.iter().map(|i| i.id.clone()).collect(),
        _ => Vec::new(),
    }
}

/// Marks the first line of `item` on the checklist in front (space: applies; `u`: not sure).
pub fn mark(app: &mut App<'_>, item: &str, reply: Reply) {
    let line = asked(app)
        .lines()
        .iter()
        .position(|(i, _, _)| i.id == item)
        .unwrap_or_else(|| panic!("{item} is not on this checklist"));
    move_to(app, line);
    char(app, if reply == Reply::NotSure { 'u' } else { ' ' });
}

/// The cursor of the screen in front (menu row, field, question, review row...).
pub fn cursor(app: &App<'_>) -> usize {
    match app.screen() {
        State::Welcome(s) => s.row,
        State::Where(s) => s.region,
        State::Details(s) => s.field,
        State::Gate(s) => s.row,
        State::Which(s) => s.row,
        State::Age(s) => s.row,
        State::Confirm(s) => s.row,
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

/// Moves the cursor of the screen in front to row `i`.
pub fn move_to(app: &mut App<'_>, i: usize) {
    while cursor(app) > i {
        key(app, KeyCode::Up);
    }
    while cursor(app) < i {
        key(app, KeyCode::Down);
    }
}

/// Answers the question in front by keys, as a person who knows their item-level answers
/// (`reply(item, region)`) would.
pub fn answer_one(app: &mut App<'_>, reply: &dyn Fn(&str, Option<&str>) -> Reply) {
    let ask = asked(app);
    let response = super::respond(app.kb, &ask, reply);
    let letter = |r: Reply| match r {
        Reply::Yes => 'y',
        Reply::No => 'n',
        Reply::NotSure => 'u',
    };
    match (&ask, response) {
        (Ask::Confirm(_), Response::Confirmed(still)) => char(app, if still { 'y' } else { 'n' }),
        (Ask::Age, Response::Age(band)) => {
            let i = AgeBand::ALL
                .iter()
                .position(|b| *b == band)
                .expect("a band");
            move_to(app, i);
            key(app, KeyCode::Enter);
        }
        (Ask::WhichAreas { regions, .. }, Response::Areas(picked)) => {
            // Every area starts ticked: untick those that are no.
            for (i, r) in regions.iter().enumerate() {
                if !picked.contains_key(*r) {
                    move_to(app, i);
                    char(app, ' ');
                }
            }
            key(app, KeyCode::Enter);
        }
        (Ask::Gate { .. }, Response::Lines(marks)) => {
            for (n, r) in marks {
                move_to(app, n);
                char(app, if r == Reply::NotSure { 'u' } else { ' ' });
            }
            key(app, KeyCode::Enter);
        }
        (Ask::Gate { .. }, Response::Reply(Reply::No)) => {
            // "None of these" is taken once every line has been read.
            key(app, KeyCode::End);
            char(app, 'n');
        }
        (_, Response::Reply(r)) => char(app, letter(r)),
        (ask, response) => panic!("no answer {response:?} to {ask:?}"),
    }
}

/// Answers question after question with `reply` while they are on `page`'s step (an
/// emergency or urgent answer leaves for the result at once). Returns how many were asked.
pub fn answer_page(app: &mut App<'_>, reply: &dyn Fn(&str, Option<&str>) -> Reply) -> usize {
    let page = app.id();
    assert!(page.section().is_some(), "a question screen");
    let mut n = 0;
    while app.id() == page {
        answer_one(app, reply);
        n += 1;
    }
    n
}

/// Answers every question of the interview with `reply`; returns how many were asked. Ends on
/// the review, or on the result when an answer stopped the check.
pub fn interview(app: &mut App<'_>, reply: &dyn Fn(&str, Option<&str>) -> Reply) -> usize {
    let mut n = 0;
    while app.screen().asked().is_some() {
        answer_one(app, reply);
        n += 1;
        assert!(n < 500, "the interview ends");
    }
    n
}

/// Walks from the welcome screen to the result, answering with `reply`.
pub fn walk_to_result<'kb>(
    kb: &'kb KnowledgeBase,
    regions: &[&str],
    reply: &dyn Fn(&str, Option<&str>) -> Reply,
) -> App<'kb> {
    let mut app = App::new(kb, "112");
    walk(&mut app, regions, reply);
    app
}

/// From the welcome screen of `app` to the result, answering with `reply`; returns how many
/// questions were asked.
pub fn walk(
    app: &mut App<'_>,
    regions: &[&str],
    reply: &dyn Fn(&str, Option<&str>) -> Reply,
) -> usize {
    choose_regions(app, regions);
    key(app, KeyCode::Enter);
    let n = interview(app, reply);
    if app.id() == Screen::Outcome {
        // Stopped at an emergency or urgent answer.
        return n;
    }
    assert_eq!(app.id(), Screen::Review);
    key(app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Outcome);
    n
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
