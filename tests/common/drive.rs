//! Drives the app with key presses, as a person would, for the app-level and snapshot tests.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fascia::engine::Reply;
use fascia::kb::KnowledgeBase;
use fascia::tui::app::{App, Screen};

pub fn key(app: &mut App<'_>, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
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
    assert_eq!(app.screen, Screen::Welcome);
    key(app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Where);
    key(app, KeyCode::Tab);
    for region in regions {
        let target = app
            .kb
            .regions()
            .iter()
            .position(|r| r.id == *region)
            .expect("region");
        while app.region > target {
            key(app, KeyCode::Up);
        }
        while app.region < target {
            key(app, KeyCode::Down);
        }
        char(app, ' ');
    }
    key(app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Details);
}

/// Answers every row of the current question screen with `reply(item, region)`, row by row.
pub fn answer_page(app: &mut App<'_>, reply: &dyn Fn(&str, Option<&str>) -> Reply) {
    let section = app.screen.section().expect("a question screen");
    // An emergency or urgent answer leaves the page at once for the result.
    while app.screen.section() == Some(section) {
        let rows = app.rows(section);
        let Some(i) = (0..rows.len()).find(|&i| app.reply(&rows[i]).is_none()) else {
            break;
        };
        while app.question > i {
            key(app, KeyCode::Up);
        }
        while app.question < i {
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
    while app.screen.section().is_some() {
        answer_page(&mut app, reply);
        if app.screen == Screen::Outcome {
            // Stopped at an emergency or urgent answer.
            return app;
        }
        key(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.screen, Screen::Review);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Outcome);
    app
}

/// From the result, own `tools` and build the routine.
pub fn to_routine(app: &mut App<'_>, tools: &[&str]) {
    key(app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Preferences);
    for tool in tools {
        let row = 2 + app
            .kb
            .tools()
            .iter()
            .position(|t| t.id == *tool)
            .expect("tool");
        while app.pref < row {
            key(app, KeyCode::Down);
        }
        while app.pref > row {
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
