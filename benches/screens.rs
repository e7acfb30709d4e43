//! Benchmarks (divan) of the full-screen app in process: start-up to the first frame, and the
//! cost of one key on each heavy screen (the key's update plus the frame it causes), drawn at
//! 120x40 through the real crossterm backend into a byte counter, so escape encoding is counted.
//!
//! The screens and how each is reached are in `support/screens.rs` (add a name to `SCREENS` and a
//! way to reach it in `reach`, with two keys that undo each other so every iteration does the
//! same); `keys.rs` measures the same keys for their 90th percentile and bytes.
//! `cargo bench --bench screens -- key` runs only the per-key benchmarks.

use std::hint::black_box;

use fascia::kb::KnowledgeBase;
use fascia::tui::app::App;
use fascia::tui::theme::Theme;

#[path = "support/screens.rs"]
mod screens;
use screens::{SCREENS, draw, drive, history, reach, terminal};

fn main() {
    divan::main();
}

/// Start-up's first frame, in process, as `tui::run` draws it: the welcome screen of an app on
/// an empty knowledge base (the welcome screen reads nothing from it), before the built-in one
/// is parsed.
#[divan::bench]
fn first_frame() {
    let empty = KnowledgeBase::empty();
    let app = App::new(&empty, "112");
    let mut terminal = terminal();
    draw(&mut terminal, &app, &Theme::new(false));
}

/// From nothing to ready for the first key, in process: the first frame, then the built-in
/// knowledge base parsed (as start-up loads it) and the app made on it, drawn again (the frame
/// sends nothing new).
#[divan::bench]
fn startup_to_first_key() {
    let theme = Theme::new(false);
    let mut terminal = terminal();
    {
        let empty = KnowledgeBase::empty();
        draw(&mut terminal, &App::new(&empty, "112"), &theme);
    }
    let kb = KnowledgeBase::embedded().expect("kb");
    draw(&mut terminal, &App::new(&kb, "112"), &theme);
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
