//! Snapshots (`TestBackend`) of every screen in its meaningful states at 60x20, 80x24, 120x40 and
//! 200x60, every screen at every size checked for rows cut without an ellipsis, the too-small
//! message, and `NO_COLOR` keeping the selection visible without colour.

mod common;

use common::drive::{self, key, walk_to_result, yes_to};
use crossterm::event::KeyCode;
use fascia::engine::Reply;
use fascia::kb::KnowledgeBase;
use fascia::tui::app::App;
use fascia::tui::theme::Theme;
use fascia::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

use common::sizes::SIZES;

fn render(app: &App<'_>, width: u16, height: u16, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|f| {
            ui::draw(f, app, theme);
        })
        .expect("draw");
    terminal
}

fn snap(name: &str, app: &App<'_>) {
    let theme = Theme::new(false);
    for (w, h) in SIZES {
        insta::assert_snapshot!(
            format!("{name}_{w}x{h}"),
            render(app, w, h, &theme).backend()
        );
    }
}

/// The app in each state worth a picture (a table, hence long).
#[allow(clippy::too_many_lines)]
fn states(kb: &KnowledgeBase) -> Vec<(&'static str, App<'_>)> {
    let mut out = Vec::new();
    // As a person first sees it: answers are remembered (nothing is read or written to draw).
    let mut app = App::new(kb, "112");
    app.profiles = Some(fascia::profile::ProfileStore::in_dir(std::path::Path::new(
        "/remembered-answers",
    )));
    out.push(("welcome", app));

    let mut app = App::new(kb, "112");
    key(&mut app, KeyCode::Enter);
    for c in [KeyCode::Down, KeyCode::Down, KeyCode::Right] {
        key(&mut app, c);
    }
    drive::char(&mut app, ' ');
    out.push(("where_map", app));

    let mut app = App::new(kb, "112");
    drive::choose_regions(&mut app, &["neck", "calves"]);
    key(&mut app, KeyCode::Esc);
    out.push(("where_list", app));

    let mut app = App::new(kb, "112");
    drive::choose_regions(&mut app, &["neck", "calves"]);
    key(&mut app, KeyCode::Right);
    out.push(("details", app));

    let mut app = App::new(kb, "112");
    drive::choose_regions(&mut app, &["calves"]);
    key(&mut app, KeyCode::Enter);
    out.push(("emergency", app));

    let mut app = App::new(kb, "112");
    drive::choose_regions(&mut app, &["calves"]);
    key(&mut app, KeyCode::Enter);
    drive::answer_page(&mut app, &yes_to(&[]));
    out.push(("health", app));

    let mut app = App::new(kb, "112");
    drive::choose_regions(&mut app, &["calves", "neck"]);
    key(&mut app, KeyCode::Enter);
    for _ in 0..2 {
        drive::answer_page(&mut app, &yes_to(&[]));
    }
    out.push(("area", app));

    // A checklist about two areas with a line marked yes and one not sure, before enter; then
    // which of the areas.
    let mut app = App::new(kb, "112");
    drive::choose_regions(&mut app, &["calves", "neck"]);
    key(&mut app, KeyCode::Enter);
    let wound = yes_to(&["open_wound"]);
    while !drive::item_ids(&app).contains(&"open_wound".to_owned()) {
        drive::answer_one(&mut app, &wound);
    }
    drive::mark(&mut app, "open_wound", Reply::Yes);
    drive::mark(&mut app, "numb_area", Reply::NotSure);
    out.push(("area_marked", app));

    let mut app = App::new(kb, "112");
    drive::choose_regions(&mut app, &["calves", "neck"]);
    key(&mut app, KeyCode::Enter);
    while !matches!(drive::asked(&app), fascia::engine::Ask::WhichAreas { .. }) {
        drive::answer_one(&mut app, &wound);
    }
    out.push(("which_areas", app));

    let mut app = walk_to_result(kb, &["calves"], &yes_to(&["blood_thinners"]));
    key(&mut app, KeyCode::Esc);
    out.push(("review", app));

    out.push((
        "outcome_emergency",
        walk_to_result(kb, &["upper_back"], &|i, _| {
            if i == "chest_pain_cardiac" {
                Reply::NotSure
            } else {
                Reply::No
            }
        }),
    ));
    out.push((
        "outcome_urgent",
        walk_to_result(kb, &["calves"], &yes_to(&["dvt_symptoms"])),
    ));
    out.push((
        "outcome_refer",
        walk_to_result(kb, &["calves"], &yes_to(&["cancer_active"])),
    ));
    out.push((
        "outcome_pause",
        walk_to_result(kb, &["calves"], &yes_to(&["fever_acute_illness"])),
    ));
    out.push((
        "outcome_nothing_safe",
        walk_to_result(kb, &["calves"], &yes_to(&["open_wound"])),
    ));
    out.push((
        "outcome_routine_with_changes",
        walk_to_result(kb, &["calves", "neck"], &|i, r| match (i, r) {
            ("open_wound", Some("calves")) | ("blood_thinners", _) => Reply::Yes,
            _ => Reply::No,
        }),
    ));

    let mut app = walk_to_result(kb, &["calves"], &yes_to(&[]));
    key(&mut app, KeyCode::Enter);
    for c in [
        KeyCode::Right,
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Char(' '),
    ] {
        key(&mut app, c);
    }
    out.push(("preferences", app));

    let mut app = walk_to_result(kb, &["calves", "hamstrings", "neck"], &yes_to(&[]));
    drive::to_routine(&mut app, &["foam_roller_medium", "tennis_ball"]);
    out.push(("routine", app));

    let mut app = walk_to_result(kb, &["calves", "hamstrings", "neck"], &yes_to(&[]));
    drive::to_routine(&mut app, &["foam_roller_medium", "tennis_ball"]);
    for c in [KeyCode::Down, KeyCode::Tab, KeyCode::PageDown] {
        key(&mut app, c);
    }
    out.push(("routine_step_scrolled", app));

    let mut app = App::new(kb, "112");
    drive::choose_regions(&mut app, &["calves"]);
    drive::char(&mut app, '?');
    out.push(("help", app));

    let mut app = App::new(kb, "112");
    drive::choose_regions(&mut app, &["calves"]);
    drive::char(&mut app, 'q');
    out.push(("confirm_quit", app));
    out
}

#[test]
fn every_screen_at_every_size() {
    let kb = common::kb();
    for (name, app) in states(&kb) {
        snap(name, &app);
    }
}

/// The question pages: at every size their answer keys (from their own key tables) and the
/// "why we ask" stay in view ("which areas?" follows a question and has no why of its own).
const QUESTION_PAGES: &[&str] = &["emergency", "health", "area", "area_marked"];

#[test]
fn no_screen_cuts_a_row_without_an_ellipsis_and_question_pages_keep_keys_and_why() {
    let kb = common::kb();
    for (name, app) in states(&kb) {
        common::sizes::check(name, &app, QUESTION_PAGES.contains(&name));
    }
}

#[test]
fn a_tiny_terminal_shows_the_size_it_needs() {
    let kb = common::kb();
    let app = App::new(&kb, "112");
    let terminal = render(&app, 50, 12, &Theme::new(false));
    insta::assert_snapshot!("too_small_50x12", terminal.backend());
    let text = format!("{}", terminal.backend());
    assert!(text.contains("at least 60 x 20") && text.contains("now 50 x 12"));
}

#[test]
fn no_color_uses_no_colour_and_keeps_the_selection_visible() {
    let kb = common::kb();
    for (name, app) in states(&kb) {
        let terminal = render(&app, 80, 24, &Theme::new(true));
        let buffer = terminal.backend().buffer();
        let mut emphasis = Modifier::empty();
        for cell in buffer.content() {
            assert!(
                cell.fg == Color::Reset && cell.bg == Color::Reset,
                "{name}: colour under NO_COLOR at {cell:?}"
            );
            emphasis |= cell.modifier;
        }
        // Screens with a cursor show it reversed; result screens have no cursor, and their
        // banner is bold (reversed too for emergency and urgent).
        let needed = match name {
            "outcome_emergency" | "outcome_urgent" => Modifier::REVERSED | Modifier::BOLD,
            n if n.starts_with("outcome_") => Modifier::BOLD,
            // The help overlay covers the screen at 80x24; its title is bold. The body map's
            // cursor (the map is in front in both where_ states) is a lattice of its own, in
            // bold: reversed, a blank would look like a chosen area's fill.
            "help" | "where_map" | "where_list" => Modifier::BOLD,
            // Focus is on the step text: the list cursor is underlined (and marked with >).
            "routine_step_scrolled" => Modifier::UNDERLINED,
            // A checklist or one question has no cursor to keep visible: the keys answer it.
            "emergency" | "area" | "area_item" => Modifier::empty(),
            _ => Modifier::REVERSED,
        };
        assert!(
            emphasis.contains(needed),
            "{name}: {needed:?} missing without colour"
        );
    }
}

#[test]
fn the_cursor_also_has_a_marker_that_needs_no_colour() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    drive::choose_regions(&mut app, &["calves"]);
    key(&mut app, KeyCode::Enter);
    let text = format!("{}", render(&app, 80, 24, &Theme::new(true)).backend());
    assert!(text.contains("> "), "the list cursor is marked with >");
    // The body map: the area under the cursor is a lattice, light when not chosen, double when
    // chosen.
    let mut app = App::new(&kb, "112");
    key(&mut app, KeyCode::Enter);
    let text = format!("{}", render(&app, 80, 24, &Theme::new(true)).backend());
    assert!(text.contains('╳') && !text.contains('╬'), "{text}");
    drive::char(&mut app, ' ');
    let text = format!("{}", render(&app, 80, 24, &Theme::new(true)).backend());
    assert!(text.contains('╬') && !text.contains('╳'), "{text}");
}

#[test]
fn every_key_named_in_a_screen_text_is_in_its_key_table() {
    // A hint names its key through the screen's table; a key missing there would show as "?".
    let kb = common::kb();
    for (name, app) in states(&kb) {
        for (w, h) in SIZES {
            let text = format!("{}", render(&app, w, h, &Theme::new(false)).backend());
            assert!(
                !text.contains("Press ? ") && !text.contains("(?") && !text.contains("? to"),
                "{name} {w}x{h}: a hint names no key\n{text}"
            );
        }
    }
}

/// At 60 columns the "How does it feel" table stacks each area so that Since and Goal show whole.
#[test]
fn the_details_table_keeps_since_and_goal_whole_at_60_columns() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    drive::choose_regions(&mut app, &["neck", "calves"]);
    let text = format!("{}", render(&app, 60, 20, &Theme::new(false)).backend());
    assert!(text.contains("Since") && text.contains("Goal"), "{text}");
    assert!(
        text.contains("days") && text.contains("general relief"),
        "{text}"
    );
}

/// The harness finds a wrapped paragraph cut at a box's bottom, and takes neither a paragraph
/// that fits, nor one ended with an ellipsis, nor a table's last row for one.
#[test]
fn the_harness_finds_text_cut_at_the_bottom_of_a_box() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};
    let text = "Face a wall with one foot back and its heel down, and bend the front knee toward \
                the wall. Notice how far you lean before the back calf pulls, then switch legs.";
    let boxed = |text: &str, height: u16| {
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, height));
        Paragraph::new(text.to_owned())
            .wrap(Wrap { trim: true })
            .block(Block::bordered().padding(Padding::horizontal(1)))
            .render(buf.area, &mut buf);
        common::sizes::cut_at_bottom(&buf)
    };
    assert_eq!(boxed(text, 5).len(), 1, "three of five lines shown");
    assert!(boxed(text, 7).is_empty(), "every line shown");
    assert!(boxed(text, 12).is_empty(), "room to spare");
    assert!(
        boxed(
            "Calves        3 (was 3)     5 (was 5) Neck        3 (was 3)    5",
            4
        )
        .is_empty(),
        "table rows are not running text"
    );
    assert!(
        boxed(
            "Face a wall with one foot back and its heel down, and bend the front…",
            4
        )
        .is_empty(),
        "cut with an ellipsis"
    );
}
