//! What the in-process screen benchmarks share (`screens.rs` with divan, `keys.rs` with
//! percentiles and bytes): a 120x40 terminal that counts the bytes a frame sends, the screens
//! measured per key and how to reach each as a person would, and saved sessions to fill the
//! history with.

// Each benchmark uses part of this module.
#![allow(dead_code)]

use std::io::Write;

use crossterm::event::KeyCode;
use fascia::history::{Rating, Record, Score, StepDone, Store};
use fascia::kb::KnowledgeBase;
use fascia::tui::app::App;
use fascia::tui::screens::Id as Screen;
use fascia::tui::theme::Theme;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

#[path = "../../tests/common/mod.rs"]
mod common;
pub use common::drive;

pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 40;

/// A writer that keeps only the number of bytes written (what a key would send to a terminal);
/// clones share the count.
#[derive(Default, Clone)]
pub struct Counter(pub std::rc::Rc<std::cell::Cell<usize>>);

impl Counter {
    pub fn bytes(&self) -> usize {
        self.0.get()
    }
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub type Term = Terminal<CrosstermBackend<Counter>>;

/// A 120x40 terminal that writes escape sequences into a [`Counter`] (a fixed viewport, so
/// nothing asks a real terminal for its size).
pub fn terminal() -> Term {
    counted_terminal(Counter::default())
}

/// [`terminal`] writing into `counter` (keep a clone to read the count).
pub fn counted_terminal(counter: Counter) -> Term {
    Terminal::with_options(
        CrosstermBackend::new(counter),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
        },
    )
    .expect("terminal")
}

pub fn draw(terminal: &mut Term, app: &App<'_>, theme: &Theme) {
    terminal
        .draw(|f| {
            fascia::tui::ui::draw(f, app, theme);
        })
        .expect("draw");
}

/// The screens measured per key, by name.
pub const SCREENS: &[&str] = &[
    "welcome",
    "where",
    "health",
    "area checks",
    "review",
    "result",
    "routine",
    "search",
    "browse list",
    "technique",
    "history 10k",
    "history 100k",
];

/// An app on the screen `name`, reached with keys as a person would, and two keys that undo each
/// other there.
pub fn reach<'kb>(kb: &'kb KnowledgeBase, name: &str) -> (App<'kb>, [KeyCode; 2]) {
    use drive::{char, key, to_routine, walk_to_result, yes_to};
    let down_up = [KeyCode::Down, KeyCode::Up];
    let regions = ["calves", "hamstrings", "neck", "lower_back"];
    let no = yes_to(&[]);
    let mut app = App::new(kb, "112");
    let keys = match name {
        "welcome" => down_up,
        "where" => {
            key(&mut app, KeyCode::Enter);
            [KeyCode::Right, KeyCode::Left]
        }
        "health" | "area checks" => {
            drive::choose_regions(&mut app, &regions);
            key(&mut app, KeyCode::Enter);
            let wanted = if name == "health" {
                Screen::Health
            } else {
                Screen::Area
            };
            while app.id() != wanted {
                drive::answer_one(&mut app, &no);
            }
            down_up
        }
        "review" => {
            app = walk_to_result(kb, &regions, &no);
            key(&mut app, KeyCode::Esc);
            assert_eq!(app.id(), Screen::Review);
            down_up
        }
        "result" => {
            app = walk_to_result(kb, &regions, &no);
            down_up
        }
        "routine" => {
            app = walk_to_result(kb, &regions, &no);
            to_routine(&mut app, &["foam_roller_medium", "tennis_ball"]);
            assert_eq!(app.id(), Screen::Routine);
            down_up
        }
        "search" => {
            char(&mut app, 'b');
            char(&mut app, '/');
            for c in "roll".chars() {
                char(&mut app, c);
            }
            assert_eq!(app.id(), Screen::BrowseSearch);
            [KeyCode::Char('e'), KeyCode::Backspace]
        }
        "browse list" | "technique" => {
            // Browse, the calves, the list of their techniques (the first opened for a page).
            key(&mut app, KeyCode::Down);
            key(&mut app, KeyCode::Enter);
            key(&mut app, KeyCode::Tab);
            let calves = kb
                .regions()
                .iter()
                .position(|r| r.id == "calves")
                .expect("calves");
            while drive::region(&app) < calves {
                key(&mut app, KeyCode::Down);
            }
            key(&mut app, KeyCode::Enter);
            assert_eq!(app.id(), Screen::BrowseList);
            if name == "technique" {
                key(&mut app, KeyCode::Enter);
                assert_eq!(app.id(), Screen::BrowseTechnique);
            }
            down_up
        }
        "history 10k" | "history 100k" => {
            let n = if name == "history 10k" {
                10_000
            } else {
                100_000
            };
            // Written once into a folder that lives as long as the benchmark process.
            let dir = std::env::temp_dir().join(format!("fascia-bench-{}-{n}", std::process::id()));
            let store = Store::in_dir(&dir);
            if !store.path().exists() {
                std::fs::create_dir_all(&dir).expect("dir");
                let lines: String = history(kb, n)
                    .iter()
                    .map(|r| serde_json::to_string(r).expect("json") + "\n")
                    .collect();
                std::fs::write(store.path(), lines).expect("history");
            }
            app.store = Some(store);
            char(&mut app, 'h');
            assert_eq!(app.id(), Screen::History);
            down_up
        }
        other => panic!("no way to reach the screen `{other}`"),
    };
    (app, keys)
}

/// `n` saved sessions of three areas each.
pub fn history(kb: &KnowledgeBase, n: usize) -> Vec<Record> {
    let regions = kb.regions();
    (0..n)
        .map(|i| {
            let areas: Vec<&str> = (0..3)
                .map(|k| regions[(i + k) % regions.len()].id.as_str())
                .collect();
            let score = |x: usize| Score {
                pain: u8::try_from(x % 11).expect("0..=10"),
                ease: u8::try_from((x + 5) % 11).expect("0..=10"),
            };
            Record {
                v: fascia::history::VERSION,
                id: format!("{i:012x}"),
                started: None,
                status: None,
                at: format!("2026-{:02}-{:02}T08:00:00Z", 1 + i % 12, 1 + i % 28),
                regions: areas.iter().map(|&r| r.to_owned()).collect(),
                routine: areas
                    .iter()
                    .filter_map(|&r| kb.techniques_for(r).next())
                    .map(|t| StepDone {
                        region: t.regions[0].clone(),
                        technique: t.id.clone(),
                        tool: t.tools[0].clone(),
                        seconds: 60,
                        status: None,
                    })
                    .collect(),
                ratings: areas
                    .iter()
                    .enumerate()
                    .map(|(k, &r)| Rating {
                        region: r.to_owned(),
                        before: score(i + k),
                        after: Some(score(i + k + 3)),
                    })
                    .collect(),
                completed: i % 7 != 0,
                steps_done: 3,
            }
        })
        .collect()
}
