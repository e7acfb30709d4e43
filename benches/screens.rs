//! Benchmarks (divan) of the full-screen app in process: start-up to the first frame, and the
//! cost of one key on each heavy screen (the key's update plus the frame it causes), drawn at
//! 120x40 through the real crossterm backend into a byte counter, so escape encoding is counted.
//!
//! This is the harness for per-key work: to measure a screen, add a name to `SCREENS` and a way
//! to reach it in `reach` (the walk uses the same helpers as the app tests,
//! `tests/common/drive.rs`), with two keys that undo each other so every iteration does the same.
//! `cargo bench --bench screens -- key` runs only the per-key benchmarks.

use std::hint::black_box;
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

#[path = "../tests/common/mod.rs"]
mod common;
use common::drive;

fn main() {
    divan::main();
}

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

/// A writer that keeps only the number of bytes written (what a key would send to a terminal).
#[derive(Default)]
struct Counter(usize);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

type Term = Terminal<CrosstermBackend<Counter>>;

/// A 120x40 terminal that writes escape sequences into a [`Counter`] (a fixed viewport, so
/// nothing asks a real terminal for its size).
fn terminal() -> Term {
    Terminal::with_options(
        CrosstermBackend::new(Counter::default()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
        },
    )
    .expect("terminal")
}

fn draw(terminal: &mut Term, app: &App<'_>, theme: &Theme) {
    terminal
        .draw(|f| {
            fascia::tui::ui::draw(f, app, theme);
        })
        .expect("draw");
}

/// From nothing to the first frame, in process: load the built-in knowledge base (as start-up
/// does), make the app, draw the welcome screen.
#[divan::bench]
fn startup_to_first_frame() {
    let kb = KnowledgeBase::embedded().expect("kb");
    let app = App::new(&kb, "112");
    let mut terminal = terminal();
    draw(&mut terminal, &app, &Theme::new(false));
}

/// The first frame alone, the knowledge base already loaded: make the app and a terminal, draw
/// the welcome screen (what a start-up that loads the knowledge base beside the first frame would
/// still pay before it).
#[divan::bench]
fn first_frame_kb_loaded(bencher: divan::Bencher) {
    let kb = KnowledgeBase::embedded().expect("kb");
    let theme = Theme::new(false);
    bencher.bench_local(|| {
        let app = App::new(&kb, "112");
        let mut terminal = terminal();
        draw(&mut terminal, &app, &theme);
    });
}

/// The screens measured per key, by name.
const SCREENS: &[&str] = &[
    "welcome",
    "where",
    "health",
    "area checks",
    "review",
    "result",
    "routine",
    "search",
    "history 10k",
];

/// An app on the screen `name`, reached with keys as a person would, and two keys that undo each
/// other there.
fn reach<'kb>(kb: &'kb KnowledgeBase, name: &str) -> (App<'kb>, [KeyCode; 2]) {
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
        "history 10k" => {
            // Written once into a folder that lives as long as the benchmark process.
            let dir = std::env::temp_dir().join(format!("fascia-bench-{}", std::process::id()));
            let store = Store::in_dir(&dir);
            if !store.path().exists() {
                std::fs::create_dir_all(&dir).expect("dir");
                let lines: String = history(kb, 10_000)
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

/// One key on the named screen and the frame it causes. The two keys alternate, so the screen
/// goes back and forth between the same two states.
#[divan::bench(args = SCREENS)]
fn key(bencher: divan::Bencher, screen: &str) {
    let kb = KnowledgeBase::embedded().expect("kb");
    let theme = Theme::new(false);
    let (mut app, keys) = reach(&kb, screen);
    let mut terminal = terminal();
    draw(&mut terminal, &app, &theme);
    let mut n = 0usize;
    bencher.bench_local(|| {
        drive::key(&mut app, black_box(keys[n % 2]));
        n += 1;
        draw(&mut terminal, &app, &theme);
    });
}

/// Opening the history screen with 10,000 saved sessions: read them from JSON Lines (as
/// `Store::load` does after reading the file) and draw the first frame.
#[divan::bench(sample_count = 20)]
fn history_open_10k(bencher: divan::Bencher) {
    let kb = KnowledgeBase::embedded().expect("kb");
    let theme = Theme::new(false);
    let mut lines = Vec::new();
    for record in history(&kb, 10_000) {
        serde_json::to_writer(&mut lines, &record).expect("json");
        lines.push(b'\n');
    }
    bencher.bench_local(|| {
        let mut app = App::new(&kb, "112");
        // As the event loop does: the history screen asks for the history, the effect reads it.
        drive::char(&mut app, 'h');
        let mut loaded = fascia::history::parse(black_box(&lines));
        fascia::history::newest_first(&mut loaded.records);
        drive::act(
            &mut app,
            fascia::tui::action::Action::HistoryLoaded(Box::new(Ok(loaded))),
        );
        let mut terminal = terminal();
        draw(&mut terminal, &app, &theme);
    });
}
