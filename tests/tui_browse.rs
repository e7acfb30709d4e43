//! Browsing in the app: filters and search by keys, every technique reachable and drawn at
//! 40x12, 80x24 and 200x60, and snapshots of each browse screen.

mod common;

use common::drive::{self, key};
use crossterm::event::KeyCode;
use fascia::kb::Kind;
use fascia::tui::app::App;
use fascia::tui::screens::Id as Screen;
use fascia::tui::theme::Theme;
use fascia::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn open_browse(app: &mut App<'_>) {
    key(app, KeyCode::Down);
    key(app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::BrowseRegions);
}

fn open_region(app: &mut App<'_>, region: &str) {
    key(app, KeyCode::Tab);
    let target = app
        .kb
        .regions()
        .iter()
        .position(|r| r.id == region)
        .expect("region");
    while drive::region(app) < target {
        key(app, KeyCode::Down);
    }
    while drive::region(app) > target {
        key(app, KeyCode::Up);
    }
    key(app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::BrowseList);
}

fn render(app: &App<'_>, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| {
            ui::draw(f, app, &Theme::new(false));
        })
        .expect("draw");
    format!("{}", terminal.backend())
}

#[test]
fn kind_and_tool_filters_by_keys() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    open_browse(&mut app);
    open_region(&mut app, "calves");
    let all = drive::browse(&app).list.len();
    assert_eq!(all, kb.techniques_for("calves").count());
    drive::char(&mut app, 'f');
    assert_eq!(drive::browse(&app).kind_filter, Some(Kind::Direct));
    assert!(
        drive::browse(&app)
            .list
            .iter()
            .all(|t| t.kind == Kind::Direct)
    );
    drive::char(&mut app, 'f');
    assert!(
        drive::browse(&app)
            .list
            .iter()
            .all(|t| t.kind == Kind::Indirect)
            && !drive::browse(&app).list.is_empty()
    );
    drive::char(&mut app, 'f');
    assert_eq!(
        drive::browse(&app).list.len(),
        all,
        "the third press clears the kind filter"
    );
    // t opens the tool picker (any tool, then each tool); down and enter choose the first tool.
    drive::char(&mut app, 't');
    assert!(
        drive::browse(&app).picker.is_some(),
        "t opens the tool picker"
    );
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert!(drive::browse(&app).picker.is_none());
    let tool = kb.tools()[drive::browse(&app).tool_filter.expect("a tool")]
        .id
        .clone();
    assert!(
        drive::browse(&app)
            .list
            .iter()
            .all(|t| fascia::browse::uses_tool(&kb, t, &tool))
    );
    // x clears every filter; the picker's esc changes nothing.
    drive::char(&mut app, 'f');
    drive::char(&mut app, 'x');
    assert_eq!(drive::browse(&app).list.len(), all, "x clears the filters");
    drive::char(&mut app, 't');
    key(&mut app, KeyCode::Esc);
    assert_eq!(drive::browse(&app).tool_filter, None);
    assert_eq!(
        app.id(),
        Screen::BrowseList,
        "esc closes the picker, not the list"
    );
    // Down to the last technique and open it; esc goes back up the way we came.
    let list = drive::browse(&app).list.clone();
    if let Some(last) = list.last() {
        for _ in 0..list.len() {
            key(&mut app, KeyCode::Down);
        }
        key(&mut app, KeyCode::Enter);
        assert_eq!(drive::technique(&app).as_deref(), Some(last.id.as_str()));
        key(&mut app, KeyCode::Esc);
        assert_eq!(app.id(), Screen::BrowseList);
    }
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.id(), Screen::BrowseRegions);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.id(), Screen::Welcome);
}

#[test]
fn search_shows_results_as_you_type_and_opens_them() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    open_browse(&mut app);
    drive::char(&mut app, '/');
    assert_eq!(app.id(), Screen::BrowseSearch);
    for c in "soleus".chars() {
        drive::char(&mut app, c);
        assert!(
            !drive::search(&app).hits.is_empty() || drive::search(&app).query.len() > 2,
            "results appear as you type"
        );
    }
    assert_eq!(
        drive::search(&app).query,
        "soleus",
        "letters, even q and s, go into the search"
    );
    let first = drive::search(&app).hits[0].clone();
    assert_eq!(
        first.target,
        fascia::browse::Target::Region("calves".into())
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::BrowseList);
    assert_eq!(kb.regions()[drive::browse(&app).region].id, "calves");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.id(), Screen::BrowseSearch, "back to the results");
    key(&mut app, KeyCode::Backspace);
    assert_eq!(drive::search(&app).query, "soleu");
    // A technique by name.
    while !drive::search(&app).query.is_empty() {
        key(&mut app, KeyCode::Backspace);
    }
    let name = kb.techniques()[5].name.clone();
    for c in name.chars() {
        drive::char(&mut app, c);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::BrowseTechnique);
    assert_eq!(
        drive::technique(&app).as_deref(),
        Some(kb.techniques()[5].id.as_str())
    );
}

#[test]
fn browse_is_a_key_away_outside_questions_and_s_starts_the_check() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    drive::choose_regions(&mut app, &["calves"]);
    drive::char(&mut app, 'b');
    assert_eq!(app.id(), Screen::BrowseRegions);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.id(), Screen::Details, "back to where browsing started");
    assert!(app.answers.regions.contains_key("calves"), "nothing lost");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.id(), Screen::Emergency);
    drive::char(&mut app, 'b');
    assert_eq!(app.id(), Screen::Emergency, "not from a question");
    let mut app = App::new(&kb, "112");
    open_browse(&mut app);
    drive::char(&mut app, 's');
    assert_eq!(app.id(), Screen::Where);
}

#[test]
fn every_technique_is_reachable_and_drawn_at_every_size() {
    let kb = common::kb();
    let mut seen = std::collections::BTreeSet::new();
    for region in kb.regions() {
        let mut app = App::new(&kb, "112");
        open_browse(&mut app);
        open_region(&mut app, &region.id);
        let n = drive::browse(&app).list.len();
        for i in 0..n {
            key(&mut app, KeyCode::Enter);
            assert_eq!(app.id(), Screen::BrowseTechnique);
            let t = kb
                .technique(drive::technique(&app).as_deref().expect("technique"))
                .expect("known");
            seen.insert(t.id.clone());
            for (w, h) in [(40, 12), (80, 24), (200, 60)] {
                let text = render(&app, w, h);
                assert!(
                    text.contains("Browsing skips the safety check"),
                    "{} at {w}x{h}",
                    t.id
                );
                if w >= 80 {
                    assert!(
                        text.contains(t.name.split(' ').next().unwrap_or("")),
                        "{} at {w}x{h}",
                        t.id
                    );
                }
            }
            // Scrolled to the very end, the last words show and nothing panics.
            for _ in 0..40 {
                key(&mut app, KeyCode::PageDown);
            }
            let end = render(&app, 80, 24);
            assert!(
                !end.contains("{emergency}"),
                "{}: a raw placeholder on screen",
                t.id
            );
            assert!(
                end.contains("not a diagnosis"),
                "{}: the end of the text is reachable",
                t.id
            );
            key(&mut app, KeyCode::Esc);
            if i + 1 < n {
                key(&mut app, KeyCode::Down);
            }
        }
    }
    assert_eq!(
        seen.len(),
        kb.techniques().len(),
        "every technique was reached"
    );
}

#[test]
fn browse_screens_at_every_size() {
    let kb = common::kb();
    let mut states = Vec::new();
    let mut app = App::new(&kb, "112");
    open_browse(&mut app);
    states.push(("browse_regions", app));

    let mut app = App::new(&kb, "112");
    open_browse(&mut app);
    open_region(&mut app, "calves");
    states.push(("browse_list", app));

    let mut app = App::new(&kb, "112");
    open_browse(&mut app);
    open_region(&mut app, "head");
    drive::char(&mut app, 't');
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    drive::char(&mut app, 'f');
    states.push(("browse_list_empty_filter", app));

    let mut app = App::new(&kb, "112");
    open_browse(&mut app);
    open_region(&mut app, "calves");
    key(&mut app, KeyCode::Enter);
    states.push(("browse_technique", app));

    let mut app = App::new(&kb, "112");
    open_browse(&mut app);
    open_region(&mut app, "calves");
    key(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        key(&mut app, KeyCode::PageDown);
    }
    states.push(("browse_technique_scrolled", app));

    let mut app = App::new(&kb, "112");
    open_browse(&mut app);
    drive::char(&mut app, '/');
    for c in "calf".chars() {
        drive::char(&mut app, c);
    }
    states.push(("browse_search", app));

    for (name, app) in &states {
        for (w, h) in common::sizes::SIZES {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(app, w, h));
        }
        common::sizes::check(name, app, false);
    }
    assert!(
        render(&states[2].1, 80, 24).contains("None of the"),
        "the empty filter says so"
    );
}

/// The search forgives a typo, finds techniques by a muscle, counts what it finds, and keeps
/// the filters.
#[test]
fn search_forgives_typos_finds_by_muscle_and_counts() {
    let kb = common::kb();
    let mut app = App::new(&kb, "112");
    open_browse(&mut app);
    drive::char(&mut app, '/');
    for c in "hamstirng".chars() {
        drive::char(&mut app, c);
    }
    let hits = drive::search(&app).hits.clone();
    assert!(!hits.is_empty(), "a typo still finds the hamstrings");
    let text = render(&app, 80, 24);
    assert!(
        text.contains(&format!("{} result", hits.len())),
        "the count shows\n{text}"
    );
    for _ in 0.."hamstirng".len() {
        key(&mut app, KeyCode::Backspace);
    }
    for c in "soleus".chars() {
        drive::char(&mut app, c);
    }
    let calf: Vec<String> = kb.techniques_for("calves").map(|t| t.id.clone()).collect();
    assert!(
        drive::search(&app).hits.iter().any(
            |h| matches!(&h.target, fascia::browse::Target::Technique(id) if calf.contains(id))
        ),
        "soleus finds the calf techniques"
    );
    // ctrl-f narrows to direct work: every technique found passes it; ctrl-x clears it.
    let before = drive::search(&app).hits.len();
    drive::act(&mut app, fascia::tui::action::Action::KindFilter);
    assert!(drive::search(&app).hits.iter().all(|h| match &h.target {
        fascia::browse::Target::Technique(id) =>
            kb.technique(id).is_some_and(|t| t.kind == Kind::Direct),
        fascia::browse::Target::Region(_) => true,
    }));
    drive::act(&mut app, fascia::tui::action::Action::ClearFilters);
    assert_eq!(drive::search(&app).hits.len(), before);
}
