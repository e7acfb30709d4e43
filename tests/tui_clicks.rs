//! Clicks on every list and table, at every size: a click on a row moves the cursor there (and
//! gives its pane the keyboard) without moving the list, and a click on the row under the cursor
//! does what its key does (enter or space); a checkbox is ticked at once; on a table of values a
//! click moves to a value and a second click changes it. Each test clicks where the drawing put
//! the text, so drawing and clicks are checked to agree, also on wrapped or stacked rows and on
//! a scrolled list.

mod common;

use common::drive::{self, key, walk_to_result, yes_to};
use common::sizes::SIZES;
use crossterm::event::KeyCode;
use fascia::engine::{Ask, Preference, Reply};
use fascia::history::Store;
use fascia::tui::app::App;
use fascia::tui::screens::{Id, Screen};
use fascia::tui::theme::Theme;
use ratatui::layout::Rect;

/// The screen as drawn at `w` x `h`, a row of cells at a time.
fn cells(app: &App<'_>, w: u16, h: u16) -> Vec<Vec<String>> {
    let terminal = common::sizes::draw(app, w, h, &Theme::new(false));
    let buf = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_owned()).collect())
        .collect()
}

/// Where `text` starts on screen (the first time it shows, reading down from row `from`).
fn find(app: &App<'_>, (w, h): (u16, u16), text: &str, from: u16) -> Option<(u16, u16)> {
    let rows = cells(app, w, h);
    for (y, row) in rows.iter().enumerate().skip(usize::from(from)) {
        for x in 0..row.len() {
            let mut joined = String::new();
            for cell in &row[x..] {
                joined.push_str(cell);
                if joined.len() >= text.len() {
                    break;
                }
            }
            if joined.starts_with(text) {
                return Some((u16::try_from(x).expect("x"), u16::try_from(y).expect("y")));
            }
        }
    }
    None
}

/// Clicks at (`x`, `y`) in a window of `size`.
fn click(app: &mut App<'_>, (w, h): (u16, u16), (x, y): (u16, u16)) {
    drive::click(app, Rect::new(0, 0, w, h), x, y);
}

/// Clicks on `text` where it shows (from row `from` down); returns where that was.
fn click_on(app: &mut App<'_>, size: (u16, u16), text: &str, from: u16) -> (u16, u16) {
    let at = find(app, size, text, from)
        .unwrap_or_else(|| panic!("{size:?}: `{text}` is not on screen:\n{}", shown(app, size)));
    click(app, size, at);
    at
}

fn shown(app: &App<'_>, (w, h): (u16, u16)) -> String {
    cells(app, w, h)
        .iter()
        .map(|r| r.concat())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The sizes every click test runs at.
const CLICK_SIZES: [(u16, u16); 4] = SIZES;

#[test]
fn the_welcome_menu_moves_on_a_click_and_chooses_on_a_second() {
    let kb = common::kb();
    for size in CLICK_SIZES {
        let mut app = App::new(&kb, "112");
        let at = click_on(&mut app, size, "Browse", 1);
        assert_eq!(drive::cursor(&app), 1, "{size:?}: the cursor moves");
        assert_eq!(app.id(), Id::Welcome, "{size:?}: and nothing else");
        click(&mut app, size, at);
        assert_eq!(
            app.id(),
            Id::BrowseRegions,
            "{size:?}: a second click browses"
        );

        let mut app = App::new(&kb, "112");
        click_on(&mut app, size, "Quit", 1);
        assert!(!app.quit);
        click_on(&mut app, size, "Quit", 1);
        assert!(app.quit, "{size:?}: a second click on Quit quits");
        // The text above the menu is not a row.
        let mut app = App::new(&kb, "112");
        click_on(&mut app, size, "Safe self-massage", 1);
        assert_eq!((drive::cursor(&app), app.id()), (0, Id::Welcome));
    }
}

#[test]
fn the_browse_picker_moves_on_a_click_and_opens_on_a_second() {
    let kb = common::kb();
    for size in CLICK_SIZES {
        let mut app = App::new(&kb, "112");
        drive::char(&mut app, 'b');
        if find(&app, size, "All areas", 1).is_none() {
            key(&mut app, KeyCode::Tab);
        }
        // Scrolled to the end, then a click on a row above the cursor.
        key(&mut app, KeyCode::End);
        let target = kb.regions().len() - 4;
        let name = &kb.regions()[target].name;
        let list = find(&app, size, "All areas", 1).expect("the list").1;
        let at = click_on(&mut app, size, name, list);
        assert_eq!(drive::region(&app), target, "{size:?}: the cursor moves");
        assert_eq!(app.id(), Id::BrowseRegions);
        assert_eq!(
            find(&app, size, name, list),
            Some(at),
            "{size:?}: the list stays put"
        );
        click(&mut app, size, at);
        assert_eq!(app.id(), Id::BrowseList, "{size:?}: a second click opens");
        assert_eq!(drive::browse(&app).region, target);
    }
}

/// The technique list's rows are two or three lines each: a click on any line of a technique
/// lands on it, also with the list scrolled.
#[test]
fn the_technique_list_maps_wrapped_rows_and_opens_on_a_second_click() {
    let kb = common::kb();
    let calves = kb
        .regions()
        .iter()
        .position(|r| r.id == "calves")
        .expect("calves");
    for size in CLICK_SIZES {
        let mut app = App::new(&kb, "112");
        app.update(fascia::tui::action::Action::Browse);
        drive::move_to(&mut app, calves);
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.id(), Id::BrowseList);
        key(&mut app, KeyCode::End);
        let (names, ids): (Vec<String>, Vec<String>) = drive::browse(&app)
            .list
            .iter()
            .map(|t| (t.name.clone(), t.id.clone()))
            .unzip();
        let mut clicked = 0;
        let last = names.len() - 1;
        for (i, name) in names.iter().enumerate().rev().skip(1) {
            // The first words of the name find its first line.
            let start: String = name.chars().take(18).collect();
            let Some((x, y)) = find(&app, size, &start, 3) else {
                continue;
            };
            // The line below the name's first is still this technique (its name or facts).
            click(&mut app, size, (x, y + 1));
            assert_eq!(drive::cursor(&app), i, "{size:?}: {name}");
            assert_eq!(
                find(&app, size, &start, 3),
                Some((x, y)),
                "{size:?}: the list stays put"
            );
            clicked += 1;
        }
        assert!(
            clicked >= 1,
            "{size:?}: {clicked} techniques in view above the last"
        );
        assert_ne!(drive::cursor(&app), last);
        let row = drive::cursor(&app);
        let start: String = names[row].chars().take(18).collect();
        click_on(&mut app, size, &start, 3);
        assert_eq!(
            drive::technique(&app).as_deref(),
            Some(ids[row].as_str()),
            "{size:?}: a second click opens the technique"
        );
    }
}

#[test]
fn the_tool_picker_moves_on_a_click_uses_a_tool_on_a_second_and_closes_outside() {
    let kb = common::kb();
    let (ball, tool) = kb
        .tools()
        .iter()
        .enumerate()
        .find(|(_, t)| t.id == "tennis_ball")
        .expect("a tennis ball");
    for size in CLICK_SIZES {
        let mut app = App::new(&kb, "112");
        app.update(fascia::tui::action::Action::Browse);
        key(&mut app, KeyCode::Enter);
        drive::char(&mut app, 't');
        // The picker's box title: search from there, as the list below it shows tools too.
        let top = find(&app, size, "Tool ─", 1).expect("the picker").1;
        let at = click_on(&mut app, size, &tool.name, top);
        assert!(drive::browse(&app).picker.is_some(), "{size:?}: still open");
        click(&mut app, size, at);
        let list = drive::browse(&app);
        assert!(list.picker.is_none(), "{size:?}: a second click closes it");
        assert_eq!(list.tool_filter, Some(ball), "{size:?}: on that tool");
        drive::char(&mut app, 't');
        click(&mut app, size, (0, size.1 / 2));
        let list = drive::browse(&app);
        assert!(list.picker.is_none(), "{size:?}: a click outside closes it");
        assert_eq!(list.tool_filter, Some(ball), "{size:?}: with no change");
    }
}

#[test]
fn search_results_move_on_a_click_and_open_on_a_second() {
    let kb = common::kb();
    for size in CLICK_SIZES {
        let mut app = App::new(&kb, "112");
        app.update(fascia::tui::action::Action::Search);
        for c in "calf".chars() {
            drive::char(&mut app, c);
        }
        let hits = drive::search(&app).hits.clone();
        assert!(hits.len() > 2);
        let label: String = hits[2].label.chars().take(18).collect();
        let at = click_on(&mut app, size, &label, 5);
        assert_eq!(drive::cursor(&app), 2, "{size:?}: the cursor moves");
        click(&mut app, size, at);
        assert!(
            matches!(app.id(), Id::BrowseTechnique | Id::BrowseList),
            "{size:?}: a second click opens it: {:?}",
            app.id()
        );
    }
}

#[test]
fn preferences_tick_a_tool_at_once_and_change_the_technique_on_a_second_click() {
    let kb = common::kb();
    let tool = kb
        .tools()
        .iter()
        .find(|t| t.id == "tennis_ball")
        .expect("a tennis ball");
    for size in CLICK_SIZES {
        let mut app = walk_to_result(&kb, &["calves"], &yes_to(&[]));
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.id(), Id::Preferences);
        let owned = |app: &App<'_>| app.answers.preferences.tools.contains(&tool.id);
        let had = owned(&app);
        let at = click_on(&mut app, size, &tool.name, 1);
        assert_ne!(owned(&app), had, "{size:?}: a click ticks the tool");
        click(&mut app, size, at);
        assert_eq!(owned(&app), had, "{size:?}: and again unticks it");

        let technique = app.answers.preferences.technique;
        let at = click_on(&mut app, size, "Technique", 1);
        assert_eq!(drive::cursor(&app), 1, "{size:?}: the cursor moves");
        assert_eq!(app.answers.preferences.technique, technique, "{size:?}");
        click(&mut app, size, at);
        assert_ne!(app.answers.preferences.technique, technique, "{size:?}");
        assert!(Preference::ALL.contains(&app.answers.preferences.technique));
    }
}

/// The review is long: with the list scrolled to its end, a click on a row moves there without
/// moving the list, and a second click goes back to change that answer.
#[test]
fn the_review_moves_on_a_click_and_changes_the_answer_on_a_second() {
    let kb = common::kb();
    for size in CLICK_SIZES {
        let mut app = walk_to_result(&kb, &["calves", "neck"], &yes_to(&[]));
        key(&mut app, KeyCode::Esc);
        assert_eq!(app.id(), Id::Review);
        key(&mut app, KeyCode::End);
        let last = drive::cursor(&app);
        let Screen::Review(review) = app.screen() else {
            panic!("not the review");
        };
        let regions = app.answers.regions.len();
        // A question a few rows above the cursor, still in view.
        let (i, question) = (1..5)
            .map(|up| last - up)
            .map(|row| (row, review.rows[row - regions].1.item.title.clone()))
            .find(|(_, q)| find(&app, size, &q.chars().take(16).collect::<String>(), 2).is_some())
            .expect("a question in view");
        let start: String = question.chars().take(16).collect();
        let at = click_on(&mut app, size, &start, 2);
        assert_eq!(drive::cursor(&app), i, "{size:?}: the cursor moves");
        assert_eq!(
            find(&app, size, &start, 2),
            Some(at),
            "{size:?}: the list stays put"
        );
        click(&mut app, size, at);
        assert!(
            app.screen().asked().is_some(),
            "{size:?}: a second click asks that question again: {:?}",
            app.id()
        );
    }
}

#[test]
fn the_routine_steps_take_the_keyboard_and_the_step_text_takes_it_on_a_click() {
    let kb = common::kb();
    for size in CLICK_SIZES {
        let mut app = walk_to_result(&kb, &["calves", "hamstrings", "neck"], &yes_to(&[]));
        drive::to_routine(&mut app, &["foam_roller_medium", "tennis_ball"]);
        assert_eq!(app.id(), Id::Routine);
        let pane = |app: &App<'_>| match app.screen() {
            Screen::Routine(s) => s.pane,
            _ => panic!("not the routine"),
        };
        let at = click_on(&mut app, size, "Step in full", 1);
        click(&mut app, size, (at.0, at.1 + 2));
        assert_eq!(pane(&app), fascia::tui::screens::Pane::Second, "{size:?}");
        click_on(&mut app, size, "2. ", 1);
        assert_eq!(drive::cursor(&app), 1, "{size:?}: the second step");
        assert_eq!(pane(&app), fascia::tui::screens::Pane::First, "{size:?}");
    }
}

#[test]
fn the_history_moves_on_a_click_and_opens_a_session_on_a_second() {
    let kb = common::kb();
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    for (i, day) in ["01", "02", "03"].iter().enumerate() {
        store
            .append(&common::calf_record(
                &format!("id{i}"),
                &format!("2026-11-{day}T10:00:00Z"),
                (5, 3),
                (4, 6),
            ))
            .expect("append");
    }
    for size in CLICK_SIZES {
        let mut app = App::new(&kb, "112");
        app.store = Some(store.clone());
        drive::char(&mut app, 'h');
        assert_eq!(app.id(), Id::History);
        let when = fascia::history::local_time("2026-11-02T10:00:00Z");
        let at = click_on(&mut app, size, &when, 1);
        assert_eq!(drive::cursor(&app), 1, "{size:?}: the second newest");
        click(&mut app, size, at);
        let Screen::History(h) = app.screen() else {
            panic!("not the history");
        };
        assert!(h.detail, "{size:?}: a second click opens it in full");
        assert_eq!(h.row, 1);
    }
}

#[test]
fn question_lists_move_on_a_click_and_which_areas_ticks_at_once() {
    let kb = common::kb();
    for size in CLICK_SIZES {
        // A checklist: a click moves the cursor to a line, a second click marks it (a
        // checkbox), and a third unmarks it; only enter answers the list.
        let mut app = App::new(&kb, "112");
        drive::choose_regions(&mut app, &["calves"]);
        key(&mut app, KeyCode::Enter);
        assert!(
            matches!(drive::asked(&app), Ask::Gate { .. }),
            "a checklist first"
        );
        let first = find(&app, size, "[ ] ", 2).expect("a line");
        let at = find(&app, size, "[ ] ", first.1 + 1).expect("a second line");
        click(&mut app, size, at);
        assert_eq!(drive::cursor(&app), 1, "{size:?}");
        let marks = |app: &App<'_>| match app.screen() {
            Screen::Gate(s) => s.marks.clone(),
            _ => panic!("not a checklist"),
        };
        assert!(
            marks(&app).iter().all(Option::is_none),
            "{size:?}: not marked yet"
        );
        click(&mut app, size, at);
        assert_eq!(marks(&app)[1], Some(Reply::Yes), "{size:?}: marked");
        assert!(
            find(&app, size, "[x] ", 2).is_some(),
            "{size:?}: drawn marked"
        );
        click(&mut app, size, at);
        assert_eq!(marks(&app)[1], None, "{size:?}: unmarked");
        assert!(
            matches!(drive::asked(&app), Ask::Gate { .. }),
            "{size:?}: nothing is answered by a click"
        );

        // Which areas: each click ticks or unticks.
        let mut app = App::new(&kb, "112");
        drive::choose_regions(&mut app, &["calves", "neck"]);
        key(&mut app, KeyCode::Enter);
        let wound = yes_to(&["open_wound"]);
        while !matches!(drive::asked(&app), Ask::WhichAreas { .. }) {
            drive::answer_one(&mut app, &wound);
        }
        let ticked = |app: &App<'_>| match app.screen() {
            Screen::Which(s) => s.ticked.clone(),
            _ => panic!("not which areas"),
        };
        let first = find(&app, size, "[x] ", 5).expect("the areas");
        let at = (first.0, first.1 + 1);
        click(&mut app, size, at);
        assert_eq!(
            ticked(&app),
            [true, false],
            "{size:?}: the second area unticked"
        );
        assert_eq!(drive::cursor(&app), 1);
        click(&mut app, size, at);
        assert_eq!(ticked(&app), [true, true], "{size:?}: and ticked again");

        // The age bands: a second click answers.
        let mut app = App::new(&kb, "112");
        drive::choose_regions(&mut app, &["calves"]);
        key(&mut app, KeyCode::Enter);
        while !matches!(drive::asked(&app), Ask::Age) {
            drive::answer_one(&mut app, &yes_to(&[]));
        }
        let band = fascia::engine::AgeBand::ALL[3].words();
        let at = click_on(&mut app, size, band, 2);
        assert_eq!(drive::cursor(&app), 3, "{size:?}");
        click(&mut app, size, at);
        assert!(
            !matches!(app.screen().asked().map(|a| &a.ask), Some(Ask::Age)),
            "{size:?}: a second click answers"
        );
    }
}

/// Where `text` starts on row `y`, if it shows there.
fn find_on_row(app: &App<'_>, size: (u16, u16), text: &str, y: u16) -> Option<u16> {
    find(app, size, text, y)
        .filter(|at| at.1 == y)
        .map(|at| at.0)
}

/// The value under the cursor of the table in front (details or ratings).
fn field(app: &App<'_>) -> usize {
    match app.screen() {
        Screen::Details(s) => s.field,
        Screen::Rate(s) => s.field,
        _ => panic!("not a table: {:?}", app.id()),
    }
}

/// "How does it feel": a click on a value moves the cursor there and changes nothing; a second
/// click changes it as → does, and a click on its `<` as ← does; a click on an area's name
/// moves to that area in the same column. Below 83 columns each area is stacked on two rows
/// (its name, then its values): the clicks land on the values' row there.
#[test]
fn the_details_table_moves_on_a_click_and_changes_a_value_on_a_second() {
    use fascia::engine::Since;
    use fascia::tui::screens::details::cycle;
    let kb = common::kb();
    for size in CLICK_SIZES {
        let mut app = App::new(&kb, "112");
        drive::choose_regions(&mut app, &["neck", "calves"]);
        let chosen: Vec<String> = app
            .answers
            .chosen(&kb)
            .iter()
            .map(|id| (*id).to_owned())
            .collect();
        let name = |i: usize| kb.region(&chosen[i]).expect("region").name.clone();
        let since = |app: &App<'_>| app.answers.regions[&chosen[1]].since;
        // The second area's Since: on its name's row, or on the row below when stacked.
        let name_y = find(&app, size, &name(1), 2).expect("the second area").1;
        let was = since(&app);
        let at = find(&app, size, was.as_str(), name_y).expect("its since");
        assert!(at.1 == name_y || at.1 == name_y + 1, "{size:?}: {at:?}");
        click(&mut app, size, at);
        assert_eq!(field(&app), 4 + 2, "{size:?}: the cursor moves");
        assert_eq!(since(&app), was, "{size:?}: and nothing else");
        // Drawn as the cursor now: `<` just before the value.
        assert_eq!(
            find_on_row(&app, size, &format!("<{}>", was.as_str()), at.1),
            Some(at.0 - 1),
            "{size:?}:\n{}",
            shown(&app, size)
        );
        click(&mut app, size, at);
        let next = cycle(&Since::ALL, was, true);
        assert_eq!(
            since(&app),
            next,
            "{size:?}: a second click changes it as → does"
        );
        click(&mut app, size, (at.0 - 1, at.1));
        assert_eq!(since(&app), was, "{size:?}: a click on its < as ← does");

        // The first area's strength, then its name: the column stays.
        let first_y = find(&app, size, &name(0), 2).expect("the first area").1;
        let strength = app.answers.regions[&chosen[0]].intensity;
        let at = click_on(&mut app, size, &format!("{strength}/10"), first_y);
        assert_eq!(field(&app), 1, "{size:?}");
        click(&mut app, size, at);
        assert_eq!(
            app.answers.regions[&chosen[0]].intensity,
            strength + 1,
            "{size:?}: one stronger"
        );
        click_on(&mut app, size, &name(1), 2);
        assert_eq!(field(&app), 4 + 1, "{size:?}: the same column of that area");
        // The wheel moves between the areas, in the same column.
        app.update(fascia::tui::action::Action::Wheel { up: true });
        assert_eq!(field(&app), 1, "{size:?}");
    }
}

/// With more areas than fit, the table scrolls: a click on an area in view moves the cursor
/// there and the table stays where it is.
#[test]
fn the_details_table_holds_still_under_clicks_when_scrolled() {
    let kb = common::kb();
    let many = [
        "head",
        "jaw",
        "neck",
        "upper_traps",
        "chest",
        "upper_back",
        "lats",
        "forearms",
        "lower_back",
        "glutes",
        "quads",
        "calves",
    ];
    for size in CLICK_SIZES {
        let mut app = App::new(&kb, "112");
        drive::choose_regions(&mut app, &many);
        let names: Vec<String> = app
            .answers
            .chosen(&kb)
            .iter()
            .map(|id| kb.region(id).expect("region").name.clone())
            .collect();
        for _ in 0..names.len() * 4 {
            key(&mut app, KeyCode::Down);
        }
        let last = names.len() - 1;
        assert_eq!(field(&app), last * 4 + 3);
        assert!(
            find(&app, size, &names[last], 2).is_some(),
            "{size:?}: the cursor's area shows"
        );
        if size == (60, 20) {
            assert!(
                find(&app, size, &names[0], 2).is_none(),
                "the table scrolls at 60x20"
            );
        }
        let mut clicked = 0;
        for i in (0..last).rev() {
            let Some(at) = find(&app, size, &names[i], 2) else {
                continue;
            };
            click(&mut app, size, at);
            assert_eq!(field(&app), i * 4 + 3, "{size:?}: {}", names[i]);
            assert_eq!(
                find(&app, size, &names[i], 2),
                Some(at),
                "{size:?}: the table stays put"
            );
            clicked += 1;
        }
        assert!(clicked >= 2, "{size:?}: {clicked} areas in view");
    }
}

/// The ratings before and after the session: a click on a rating moves the cursor there, a
/// second click makes it one more (as →), a click on its `<` one less (as ←).
#[test]
fn the_ratings_move_on_a_click_and_change_on_a_second() {
    let kb = common::kb();
    for size in CLICK_SIZES {
        let mut app = walk_to_result(&kb, &["calves", "hamstrings", "neck"], &yes_to(&[]));
        drive::to_routine(&mut app, &["foam_roller_medium", "tennis_ball"]);
        drive::char(&mut app, 'g');
        assert_eq!(app.id(), Id::RateBefore);
        for after in [false, true] {
            if after {
                key(&mut app, KeyCode::Enter);
                drive::char(&mut app, 'e');
                drive::char(&mut app, 'y');
                assert_eq!(app.id(), Id::RateAfter);
            }
            let ratings = drive::ratings(&app);
            assert!(ratings.len() >= 2, "{size:?}");
            let score = |app: &App<'_>| {
                let r = &drive::ratings(app)[1];
                if after {
                    r.after.expect("after")
                } else {
                    r.before
                }
            };
            let name = fascia::report::region_name(&kb, &ratings[1].region);
            let y = find(&app, size, name, 2).expect("the second area").1;
            // The columns, as their headings show them.
            let pain_x = find(&app, size, "Pain", 2).expect("the pain column").0;
            let ease_x = find(&app, size, "Moves freely", 2)
                .expect("the ease column")
                .0;
            let was = score(&app);
            click(&mut app, size, (ease_x + 3, y));
            assert_eq!(field(&app), 3, "{size:?} after {after}: the cursor moves");
            assert_eq!(score(&app), was, "{size:?}: and nothing else");
            assert_eq!(
                find_on_row(&app, size, &format!("< {:>2} >", was.ease), y),
                Some(ease_x),
                "{size:?}:\n{}",
                shown(&app, size)
            );
            click(&mut app, size, (ease_x + 3, y));
            assert_eq!(score(&app).ease, was.ease + 1, "{size:?}: one more");
            click(&mut app, size, (ease_x, y));
            click(&mut app, size, (ease_x, y));
            assert_eq!(
                score(&app).ease,
                was.ease - 1,
                "{size:?}: on the <, one less"
            );
            // The name moves to that area's same column; then the pain column.
            let first = fascia::report::region_name(&kb, &ratings[0].region);
            click_on(&mut app, size, first, 2);
            assert_eq!(field(&app), 1, "{size:?}");
            click(&mut app, size, (pain_x + 3, y));
            assert_eq!(field(&app), 2, "{size:?}");
            click(&mut app, size, (pain_x + 3, y));
            assert_eq!(score(&app).pain, (was.pain + 1).min(10), "{size:?}");
            app.update(fascia::tui::action::Action::Wheel { up: true });
            assert_eq!(field(&app), 0, "{size:?}: the wheel moves a row");
        }
    }
}

/// The help says what the mouse does exactly where it does something.
#[test]
fn the_help_mentions_clicks_on_every_list() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    assert!(
        app.screen()
            .mouse_help()
            .is_some_and(|m| m.contains("click"))
    );
    app.update(fascia::tui::action::Action::Browse);
    assert!(
        app.screen()
            .mouse_help()
            .is_some_and(|m| m.contains("click"))
    );
    key(&mut app, KeyCode::Enter);
    assert!(
        app.screen()
            .mouse_help()
            .is_some_and(|m| m.contains("click"))
    );
    drive::char(&mut app, 't');
    assert!(
        app.screen()
            .mouse_help()
            .is_some_and(|m| m.contains("tool"))
    );
    let mut app = App::new(&kb, "112");
    drive::choose_regions(&mut app, &["calves"]);
    assert_eq!(app.id(), Id::Details);
    assert!(
        app.screen()
            .mouse_help()
            .is_some_and(|m| m.contains("click a value"))
    );
    let mut app = walk_to_result(&kb, &["calves"], &yes_to(&[]));
    drive::to_routine(&mut app, &[]);
    drive::char(&mut app, 'g');
    assert_eq!(app.id(), Id::RateBefore);
    assert!(
        app.screen()
            .mouse_help()
            .is_some_and(|m| m.contains("click a rating"))
    );
    // Where clicks do nothing, the help says nothing of them.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Id::Session);
    assert!(
        app.screen()
            .mouse_help()
            .is_some_and(|m| !m.contains("click"))
    );
}
