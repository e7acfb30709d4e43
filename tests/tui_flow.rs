//! The app without a terminal: key sequences walk whole flows to every outcome, back and change
//! an answer, and the routine shown equals what `fascia advise` gives for the same answers.

mod common;

use common::drive::{self, key, walk_to_result, yes_to};
use crossterm::event::KeyCode;
use fascia::engine::{Outcome, Reply, advise};
use fascia::tui::action::Action;
use fascia::tui::app::{App, Overlay};
use fascia::tui::screens::Id as Screen;

fn outcome(app: &App<'_>) -> Outcome {
    drive::advice(app).expect("advice").screening.outcome
}

#[test]
fn sore_calves_to_a_routine_that_matches_advise() {
    let kb = common::kb();
    let mut app = walk_to_result(&kb, &["calves"], &yes_to(&[]));
    assert_eq!(outcome(&app), Outcome::Routine);
    drive::to_routine(&mut app, &["foam_roller_medium"]);
    assert_eq!(app.id(), Screen::Routine);
    let shown = drive::advice(&app).expect("advice");
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
        let advice = drive::advice(&app).expect("advice");
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
    let s = &drive::advice(&app).expect("advice").screening;
    assert_eq!(s.outcome, Outcome::Routine);
    assert_eq!(s.excluded[0].region, "calves");
    assert!(
        s.modifications
            .iter()
            .any(|m| m.region == "quads" && m.because.contains(&"pregnancy".to_owned()))
    );
    drive::to_routine(&mut app, &[]);
    let routine = drive::routine(&app).expect("routine");
    assert!(routine.steps.iter().all(|s| s.region == "quads"));
}

#[test]
fn an_urgent_answer_stops_at_once_and_esc_goes_back_to_change_it() {
    let kb = common::kb();
    let mut app = walk_to_result(&kb, &["lower_back"], &yes_to(&["ces_saddle_bladder_bowel"]));
    assert_eq!(
        app.id(),
        Screen::Outcome,
        "shown at once, before the review"
    );
    assert_eq!(outcome(&app), Outcome::Urgent);
    assert!(drive::advice(&app).expect("advice").screening.stopped_early);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.id(),
        Screen::Outcome,
        "enter does not lead past an urgent result"
    );
    // Back to the very question, where the answer can be changed.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.id(), Screen::Area);
    assert!(drive::item_ids(&app).contains(&"ces_saddle_bladder_bowel".to_owned()));
    // The line is still marked: none of these waits until it is unmarked.
    key(&mut app, KeyCode::End);
    drive::char(&mut app, 'n');
    assert!(drive::item_ids(&app).contains(&"ces_saddle_bladder_bowel".to_owned()));
    drive::mark(&mut app, "ces_saddle_bladder_bowel", Reply::Yes);
    key(&mut app, KeyCode::End);
    drive::char(&mut app, 'n');
    assert_eq!(app.id(), Screen::Area, "a no goes on with the questions");
    assert!(!drive::item_ids(&app).contains(&"ces_saddle_bladder_bowel".to_owned()));
    drive::interview(&mut app, &yes_to(&[]));
    assert_eq!(app.id(), Screen::Review);
    key(&mut app, KeyCode::Enter);
    assert_eq!(outcome(&app), Outcome::Routine);
}

#[test]
fn an_emergency_yes_on_the_first_question_shows_the_result_at_once() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    drive::choose_regions(&mut app, &["neck"]);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Emergency);
    // Pick which: the chest line is marked on the checklist, and enter shows the result.
    let on_list = drive::item_ids(&app);
    drive::mark(&mut app, "chest_pain_cardiac", Reply::Yes);
    assert_eq!(app.id(), Screen::Emergency, "a mark alone answers nothing");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Outcome);
    assert_eq!(outcome(&app), Outcome::Emergency);
    // Nothing else was asked: only the checklist's own items are answered.
    assert!(app.answers.answers.keys().all(|id| on_list.contains(id)));
    assert_eq!(
        app.answers.reply("chest_pain_cardiac", None),
        Some(Reply::Yes)
    );
}

#[test]
fn not_sure_on_a_red_flag_refers_and_says_not_sure() {
    let kb = common::kb();
    let app = walk_to_result(&kb, &["neck"], &|item, _| {
        if item == "chest_pain_cardiac" {
            Reply::NotSure
        } else {
            Reply::No
        }
    });
    let s = &drive::advice(&app).expect("advice").screening;
    assert_eq!(s.outcome, Outcome::Emergency);
    assert_eq!(s.referrals[0].answer, Reply::NotSure);
    assert!(s.referrals[0].not_sure.is_some());
}

#[test]
fn an_answer_is_changed_from_the_review_without_starting_again() {
    let kb = common::kb();
    let mut app = walk_to_result(&kb, &["calves"], &yes_to(&["fragile_skin"]));
    assert!(
        !drive::advice(&app)
            .expect("advice")
            .screening
            .modifications
            .is_empty()
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.id(), Screen::Review);
    // Find the fragile-skin row in the review and change it (an item that gates no other).
    let regions = app.answers.regions.len();
    let row = fascia::flow::all_questions(app.kb, &app.answers)
        .iter()
        .position(|(_, r)| r.item.id == "fragile_skin")
        .expect("row")
        + regions;
    while drive::cursor(&app) < row {
        key(&mut app, KeyCode::Down);
    }
    drive::char(&mut app, ' ');
    assert_eq!(app.id(), Screen::Health);
    assert_eq!(drive::item_id(&app), "fragile_skin");
    drive::char(&mut app, 'n');
    assert_eq!(
        app.id(),
        Screen::Review,
        "back to the review, not through every page"
    );
    key(&mut app, KeyCode::Enter);
    let s = &drive::advice(&app).expect("advice").screening;
    assert!(s.modifications.is_empty(), "the change took effect");
    assert_eq!(
        app.answers.answers.len(),
        fascia::flow::all_questions(app.kb, &app.answers)
            .iter()
            .map(|(_, r)| r.item.id.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        "nothing was lost"
    );
}

#[test]
fn a_question_cannot_be_skipped_and_back_undoes_one_answer() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    drive::choose_regions(&mut app, &["feet"]);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Emergency);
    let first = format!("{:?}", drive::asked(&app));
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        format!("{:?}", drive::asked(&app)),
        first,
        "enter answers nothing before every line was read"
    );
    drive::char(&mut app, 'n');
    assert_eq!(
        format!("{:?}", drive::asked(&app)),
        first,
        "nor does none of these"
    );
    assert!(app.answers.answers.is_empty());
    key(&mut app, KeyCode::End);
    drive::char(&mut app, 'n');
    assert_ne!(format!("{:?}", drive::asked(&app)), first);
    assert!(
        !app.answers.answers.is_empty(),
        "none of these answers every sign no"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        format!("{:?}", drive::asked(&app)),
        first,
        "back to the checklist"
    );
    assert!(app.answers.answers.is_empty(), "and its answer is undone");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.id(), Screen::Details);
}

#[test]
fn age_50_plus_adds_the_head_and_shoulder_questions() {
    let kb = common::kb();
    let app = walk_to_result(&kb, &["neck"], &yes_to(&["age_50_plus"]));
    let ids: Vec<String> = fascia::flow::all_questions(app.kb, &app.answers)
        .iter()
        .map(|(_, r)| r.item.id.clone())
        .collect();
    assert!(ids.contains(&"gca_symptoms".to_owned()) && ids.contains(&"pmr_pattern".to_owned()));
    let younger = walk_to_result(&kb, &["neck"], &yes_to(&[]));
    assert!(
        !fascia::flow::all_questions(younger.kb, &younger.answers)
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
    assert_eq!(app.id(), Screen::Details, "closing help does not go back");
}

#[test]
fn the_body_map_moves_by_arrows_across_both_views() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    key(&mut app, KeyCode::Enter);
    let id = |app: &App<'_>| app.kb.regions()[drive::region(app)].id.clone();
    let back = |app: &App<'_>| match app.screen() {
        fascia::tui::screens::Screen::Where(s) => s.back,
        _ => panic!("not the map"),
    };
    assert_eq!(id(&app), "head");
    key(&mut app, KeyCode::Down);
    assert_eq!(id(&app), "jaw");
    for _ in 0..6 {
        key(&mut app, KeyCode::Right);
    }
    assert!(back(&app), "right of the front view is the back view");
    for _ in 0..12 {
        key(&mut app, KeyCode::Left);
    }
    assert!(!back(&app), "and left comes back");
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("Edge of the body map")),
        "an arrow at the edge says so: {:?}",
        app.status
    );
    drive::char(&mut app, ' ');
    assert!(app.answers.regions.contains_key(&id(&app)));
}

/// A click on any cell of any region's shape, at every size, chooses that region (a second
/// click un-chooses it).
#[test]
fn clicking_each_regions_shape_chooses_it_at_every_size() {
    let kb = common::kb();
    for (w, h) in common::sizes::SIZES {
        let frame = ratatui::layout::Rect::new(0, 0, w, h);
        let mut app = App::new(&kb, "112");
        key(&mut app, KeyCode::Enter);
        let body = fascia::tui::ui::clickable(&app, frame).expect("drawn");
        let fascia::tui::screens::Screen::Where(state) = app.screen() else {
            panic!("not the map");
        };
        let p = fascia::tui::screens::where_::map_placement(state, body).expect("map shown");
        for r in kb.regions() {
            for (back, col, row) in fascia::tui::body_map::cells_of(&r.id) {
                let x = p.view_x(back) + col * p.scale;
                let y = p.area.y + 1 + row * p.scale;
                if y >= p.area.bottom() {
                    continue;
                }
                drive::click(&mut app, frame, x, y);
                assert!(
                    app.answers.regions.contains_key(&r.id),
                    "{w}x{h}: a click at {x},{y} chooses {}",
                    r.id
                );
                drive::click(&mut app, frame, x, y);
                assert!(
                    !app.answers.regions.contains_key(&r.id),
                    "{w}x{h}: un-chooses {}",
                    r.id
                );
            }
        }
    }
}

/// Two art cells of different areas that touch: the view, each cell's (column, row), the areas.
type Touch = (bool, (u16, u16), (u16, u16), [&'static str; 2]);

/// Every pair of art cells of different areas that touch (left-right or up-down), both views.
fn touching() -> Vec<Touch> {
    use fascia::tui::body_map::{COLS, Cell, ROWS, cell};
    let mut out = Vec::new();
    for back in [false, true] {
        for row in 0..ROWS {
            for col in 0..COLS {
                let Cell::Region(one) = cell(back, col, row) else {
                    continue;
                };
                for (c2, r2) in [(col + 1, row), (col, row + 1)] {
                    if let Cell::Region(other) = cell(back, c2, r2)
                        && other != one
                    {
                        out.push((back, (col, row), (c2, r2), [one, other]));
                    }
                }
            }
        }
    }
    out
}

/// On both views, at every size, with and without colour, with nothing chosen and with every
/// area chosen: two cells of different areas that touch are never drawn alike, so every area's
/// edge shows. (The cursor, on the hands, is drawn as the cursor.)
#[test]
fn areas_that_touch_are_never_drawn_alike() {
    let kb = common::kb();
    for (no_color, all_chosen) in [(false, false), (false, true), (true, false), (true, true)] {
        let style = fascia::tui::theme::Theme::new(no_color);
        for (w, h) in common::sizes::SIZES {
            let frame = ratatui::layout::Rect::new(0, 0, w, h);
            let mut app = App::new(&kb, "112");
            key(&mut app, KeyCode::Enter);
            key(&mut app, KeyCode::Tab);
            let hands = kb.regions().iter().position(|r| r.id == "hands");
            drive::move_to(&mut app, hands.expect("hands"));
            key(&mut app, KeyCode::Tab);
            if all_chosen {
                for r in kb.regions() {
                    let details = fascia::engine::RegionDetails::default();
                    app.answers.regions.insert(r.id.clone(), details);
                }
            }
            let terminal = common::sizes::draw(&app, w, h, &style);
            let buf = terminal.backend().buffer();
            let body = fascia::tui::ui::clickable(&app, frame).expect("drawn");
            let fascia::tui::screens::Screen::Where(state) = app.screen() else {
                panic!("not the map");
            };
            let p = fascia::tui::screens::where_::map_placement(state, body).expect("map");
            let drawn = |back: bool, (col, row): (u16, u16)| {
                let (x, y) = (p.view_x(back) + col * p.scale, p.area.y + 1 + row * p.scale);
                (y < p.area.bottom())
                    .then(|| (buf[(x, y)].symbol().to_owned(), buf[(x, y)].style()))
            };
            for (back, one, other, areas) in touching() {
                if areas.contains(&"hands") {
                    continue;
                }
                if let (Some(a), Some(b)) = (drawn(back, one), drawn(back, other)) {
                    assert_ne!(
                        a, b,
                        "{w}x{h} no colour {no_color}, all chosen {all_chosen}, back {back}: \
                         {areas:?} at {one:?} and {other:?} look alike"
                    );
                }
            }
        }
    }
}

/// How a cell looks without colour: its glyph, as reversed video shows it (a reversed blank is a
/// solid block, a reversed light shade a dark one). Bold and underline are left out: on block
/// glyphs they hardly show.
fn look_without_colour(cell: &ratatui::buffer::Cell) -> String {
    let symbol = cell.symbol();
    if !cell.modifier.contains(ratatui::style::Modifier::REVERSED) {
        return symbol.to_owned();
    }
    match symbol {
        " " => "█",
        "█" => " ",
        "░" => "▓",
        "▓" => "░",
        "▒" => "▒",
        "▚" => "▞",
        "▞" => "▚",
        "▇" => "▔",
        "▉" => "▕",
        other => return format!("reversed {other}"),
    }
    .to_owned()
}

/// The map drawn without colour at `size`, the cursor put on region `i` by a click on its art
/// cell (`back`, `col`, `row`), the list given the keyboard if `list_focused`, and the regions
/// that `chosen` picks (by index) chosen: how the cursor's cells look, and how every other cell
/// of the body looks. `None` when that cell is not drawn at this size.
fn map_looks(
    kb: &fascia::kb::KnowledgeBase,
    (width, height): (u16, u16),
    (index, back, col, row): (usize, bool, u16, u16),
    list_focused: bool,
    chosen: fn(usize) -> bool,
) -> Option<[std::collections::BTreeSet<String>; 2]> {
    use fascia::tui::body_map::{COLS, Cell, ROWS, cell};
    let frame = ratatui::layout::Rect::new(0, 0, width, height);
    let id = kb.regions()[index].id.as_str();
    let mut app = App::new(kb, "112");
    key(&mut app, KeyCode::Enter);
    let body = fascia::tui::ui::clickable(&app, frame).expect("drawn");
    let fascia::tui::screens::Screen::Where(state) = app.screen() else {
        panic!("not the map");
    };
    let map = fascia::tui::screens::where_::map_placement(state, body).expect("map");
    let row_y = |row: u16| map.area.y + 1 + row * map.scale;
    if row_y(row) >= map.area.bottom() {
        return None;
    }
    drive::click(
        &mut app,
        frame,
        map.view_x(back) + col * map.scale,
        row_y(row),
    );
    assert_eq!(
        drive::region(&app),
        index,
        "{width}x{height}: the cursor on {id}"
    );
    if list_focused {
        key(&mut app, KeyCode::Tab);
    }
    app.answers.regions.clear();
    for (j, region) in kb.regions().iter().enumerate() {
        if chosen(j) {
            let details = fascia::engine::RegionDetails::default();
            app.answers.regions.insert(region.id.clone(), details);
        }
    }
    let terminal = common::sizes::draw(&app, width, height, &fascia::tui::theme::Theme::new(true));
    let buf = terminal.backend().buffer();
    let mut looks: [std::collections::BTreeSet<String>; 2] = Default::default();
    for view in [false, true] {
        for art_row in (0..ROWS).filter(|&r| row_y(r) < map.area.bottom()) {
            for art_col in 0..COLS {
                let at = (map.view_x(view) + art_col * map.scale, row_y(art_row));
                let look = look_without_colour(&buf[at]);
                match cell(view, art_col, art_row) {
                    Cell::Outside => {}
                    Cell::Region(here) if here == id && view == back => {
                        looks[0].insert(look);
                    }
                    Cell::Region(_) | Cell::Body => {
                        looks[1].insert(look);
                    }
                }
            }
        }
    }
    Some(looks)
}

/// With `NO_COLOR`, at every size, with every area in turn under the cursor (on each view it
/// shows on, with the map focused and, side by side, with the list focused), and with nothing,
/// everything, or every other area chosen: the area under the cursor never looks like any other
/// area, chosen or not, nor like the body between areas; and it looks different chosen and not.
#[test]
fn the_area_under_the_cursor_never_looks_like_another_without_colour() {
    use std::collections::BTreeSet;
    let kb = common::kb();
    let choices: [fn(usize) -> bool; 4] = [|_| false, |_| true, |i| i % 2 == 0, |i| i % 2 == 1];
    for (w, h) in common::sizes::SIZES {
        let focus = if w >= 100 {
            &[false, true][..]
        } else {
            &[false][..]
        };
        for (i, r) in kb.regions().iter().enumerate() {
            for back in [false, true] {
                let Some((_, col, row)) =
                    fascia::tui::body_map::cells_of(&r.id).find(|c| c.0 == back)
                else {
                    continue;
                };
                for &list_focused in focus {
                    // The cursor's looks, not chosen and chosen; every other cell's.
                    let mut cursor: [BTreeSet<String>; 2] = Default::default();
                    let mut others = BTreeSet::new();
                    for chosen in choices {
                        let at = (i, back, col, row);
                        let Some([here, rest]) = map_looks(&kb, (w, h), at, list_focused, chosen)
                        else {
                            continue;
                        };
                        cursor[usize::from(chosen(i))].extend(here);
                        others.extend(rest);
                    }
                    let view = if back { "back" } else { "front" };
                    let what = format!(
                        "{w}x{h}, {} on the {view}, list focused {list_focused}",
                        r.id
                    );
                    if others.is_empty() {
                        continue;
                    }
                    for looks in &cursor {
                        assert!(!looks.is_empty(), "{what}: drawn");
                        assert!(
                            looks.is_disjoint(&others),
                            "{what}: the cursor {looks:?} looks like another area ({others:?})"
                        );
                        assert!(!looks.contains(" "), "{what}: the cursor looks blank");
                    }
                    assert!(
                        cursor[0].is_disjoint(&cursor[1]),
                        "{what}: chosen and not, the cursor looks alike ({cursor:?})"
                    );
                }
            }
        }
    }
}

/// Enter on each row of the welcome menu does what the row's label says.
#[test]
fn every_welcome_menu_row_does_what_its_label_says() {
    use fascia::tui::screens::welcome::MENU as WELCOME_MENU;
    let kb = common::kb();
    let labels: Vec<&str> = WELCOME_MENU.iter().map(|m| m.label).collect();
    assert_eq!(labels, ["Start", "Browse", "History", "Quit"]);
    for (row, item) in WELCOME_MENU.iter().enumerate() {
        let mut app = App::new(&kb, "112");
        for _ in 0..row {
            key(&mut app, KeyCode::Down);
        }
        assert_eq!(drive::cursor(&app), row);
        key(&mut app, KeyCode::Enter);
        match item.label {
            "Start" => assert_eq!(app.id(), Screen::Where, "Start starts the check"),
            "Browse" => assert_eq!(app.id(), Screen::BrowseRegions, "Browse opens the library"),
            "History" => assert!(!app.quit, "History loads the history (an effect)"),
            "Quit" => {
                assert!(app.quit, "Quit quits");
                assert_ne!(app.id(), Screen::History, "Quit never opens the history");
            }
            other => panic!("a menu row with no test: {other}"),
        }
    }
}

/// Draws a frame as the event loop does, handing back what the drawing measured.
fn draw(app: &mut App<'_>, width: u16, height: u16) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("terminal");
    let theme = fascia::tui::theme::Theme::new(false);
    let mut fit = None;
    terminal
        .draw(|f| fit = fascia::tui::ui::draw(f, app, &theme))
        .expect("draw");
    if let Some(max) = fit {
        drive::act(app, Action::Fit(max));
    }
    format!("{}", terminal.backend())
}

/// Scrolling far past the end stops at the end, so one press up scrolls at once.
#[test]
fn scrolling_is_bounded_in_state() {
    let kb = common::kb();
    let mut app = walk_to_result(&kb, &["calves", "neck"], &|i, r| match (i, r) {
        ("open_wound", Some("calves")) | ("blood_thinners", _) => Reply::Yes,
        _ => Reply::No,
    });
    let top = draw(&mut app, 80, 24);
    let offset = |app: &App<'_>| match app.screen() {
        fascia::tui::screens::Screen::Outcome(s) => (s.scroll.offset, s.scroll.max()),
        _ => panic!("not the result"),
    };
    let (_, max) = offset(&app);
    assert!(
        max > 0 && max < 100,
        "the result is longer than 24 rows: {max}"
    );
    for _ in 0..100 {
        key(&mut app, KeyCode::Down);
    }
    assert_eq!(offset(&app), (max, max), "scrolling stops at the end");
    let bottom = draw(&mut app, 80, 24);
    assert_ne!(top, bottom);
    key(&mut app, KeyCode::Up);
    assert_eq!(offset(&app).0, max - 1, "one press up scrolls up at once");
    assert_ne!(draw(&mut app, 80, 24), bottom, "and the screen shows it");
    // A taller window can show more: the bound follows the last drawing.
    draw(&mut app, 120, 60);
    assert!(offset(&app).1 < max);
    assert!(offset(&app).0 <= offset(&app).1);
}

/// `update` does no I/O: saving asks the event loop to, and the result comes back as an action.
#[test]
fn saving_is_an_effect_whose_result_comes_back_as_an_action() {
    use fascia::tui::action::Effect;
    let kb = common::kb();
    let mut app = walk_to_result(&kb, &["calves"], &yes_to(&[]));
    drive::to_routine(&mut app, &[]);
    let effects = app.update(Action::Export);
    assert!(
        matches!(effects.as_slice(), [Effect::Export(advice)] if advice.routine.is_some()),
        "{effects:?}"
    );
    assert!(app.status.is_none(), "nothing is said before it is written");
    app.update(Action::Exported(Ok("Saved to /tmp/x.md".into())));
    assert_eq!(app.status.as_deref(), Some("Saved to /tmp/x.md"));
}

/// The mouse wheel scrolls a long text like the arrows, within the same bound.
#[test]
fn the_wheel_scrolls_the_result() {
    let kb = common::kb();
    let mut app = walk_to_result(&kb, &["calves", "neck"], &|i, r| match (i, r) {
        ("open_wound", Some("calves")) | ("blood_thinners", _) => Reply::Yes,
        _ => Reply::No,
    });
    let top = draw(&mut app, 80, 24);
    drive::act(&mut app, Action::Wheel { up: false });
    assert_ne!(draw(&mut app, 80, 24), top, "down a line");
    drive::act(&mut app, Action::Wheel { up: true });
    drive::act(&mut app, Action::Wheel { up: true });
    assert_eq!(
        draw(&mut app, 80, 24),
        top,
        "and back to the top, no further"
    );
}

/// Start-up draws the welcome screen before the built-in knowledge base is parsed, with an
/// empty one in its place: that frame must be the one the real knowledge base gives, at every
/// size and with sessions saved or not.
#[test]
fn the_welcome_screen_reads_nothing_from_the_knowledge_base() {
    use fascia::tui::theme::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let kb = common::kb();
    let empty = fascia::kb::KnowledgeBase::empty();
    let draw = |app: &App<'_>, w: u16, h: u16| {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|f| {
                fascia::tui::ui::draw(f, app, &Theme::new(false));
            })
            .expect("draw");
        terminal.backend().buffer().clone()
    };
    for sessions in [None, Some(12)] {
        for (w, h) in common::sizes::SIZES {
            let mut real = App::new(&kb, "112");
            let mut first = App::new(&empty, "112");
            real.sessions = sessions;
            first.sessions = sessions;
            assert_eq!(draw(&first, w, h), draw(&real, w, h), "{w}x{h}");
        }
    }
}

/// The welcome screen says answers are remembered only when they are (not with
/// `--no-remember` or `FASCIA_NO_REMEMBER`).
#[test]
fn the_welcome_screen_mentions_remembering_only_when_it_is_on() {
    use fascia::tui::theme::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let kb = common::kb();
    let text = |app: &App<'_>| {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        terminal
            .draw(|f| {
                fascia::tui::ui::draw(f, app, &Theme::new(false));
            })
            .expect("draw");
        format!("{:?}", terminal.backend().buffer())
    };
    let mut app = App::new(&kb, "112");
    assert!(!text(&app).contains("remembered"));
    app.profiles = Some(fascia::profile::ProfileStore::in_dir(std::path::Path::new(
        "/remembered-answers",
    )));
    assert!(text(&app).contains("remembered"));
}

#[test]
fn a_referral_stops_then_f_finishes_the_questions_for_the_clinician() {
    let kb = common::kb();
    let mut app = walk_to_result(&kb, &["calves"], &yes_to(&["cancer_active"]));
    assert_eq!(app.id(), Screen::Outcome, "shown before the review");
    let s = drive::advice(&app).expect("advice").screening;
    assert_eq!(s.outcome, Outcome::Refer);
    assert!(s.stopped_early);
    // Questions that could not make it more urgent were not asked.
    assert!(app.answers.reply("diabetes", None).is_none());
    drive::char(&mut app, 'f');
    assert!(
        app.screen().asked().is_some(),
        "the next question: {:?}",
        app.id()
    );
    drive::interview(&mut app, &yes_to(&["cancer_active"]));
    assert_eq!(app.id(), Screen::Review, "no stop the second time");
    key(&mut app, KeyCode::Enter);
    let s = drive::advice(&app).expect("advice").screening;
    assert_eq!(s.outcome, Outcome::Refer);
    assert!(
        !s.stopped_early && s.unanswered.is_empty(),
        "every question answered"
    );
    assert_eq!(app.answers.reply("diabetes", None), Some(Reply::No));
}
