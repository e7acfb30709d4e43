//! Per-key cost of every heavy screen with the numbers divan does not give: the median and 90th
//! percentile of one key's update plus the frame it causes, and the bytes that frame sends to the
//! terminal (escape sequences included), at 120x40 in process. The screens and how they are
//! reached are `support/screens.rs`'s (the same as `screens.rs`). `cargo bench --bench keys`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use fascia::kb::KnowledgeBase;
use fascia::tui::theme::Theme;

#[path = "support/screens.rs"]
mod screens;
use screens::{Counter, SCREENS, counted_terminal, draw, drive, reach};

/// Keys timed per screen (after as many to warm up).
const KEYS: usize = 400;

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn main() {
    // `cargo bench` passes `--bench`; a name given after `--` picks the screens to run.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let kb = KnowledgeBase::embedded().expect("kb");
    let theme = Theme::new(false);
    println!("| screen | key + frame, median | p90 | max | bytes per key, median | max |");
    println!("|---|---|---|---|---|---|");
    for &name in SCREENS {
        if !only.is_empty() && !only.iter().any(|o| name.contains(o.as_str())) {
            continue;
        }
        let (mut app, keys) = reach(&kb, name);
        let counter = Counter::default();
        let mut terminal = counted_terminal(counter.clone());
        draw(&mut terminal, &app, &theme);
        let mut times = Vec::with_capacity(KEYS);
        let mut bytes = Vec::with_capacity(KEYS);
        for n in 0..2 * KEYS {
            let sent = counter.bytes();
            let start = Instant::now();
            drive::key(&mut app, black_box(keys[n % 2]));
            draw(&mut terminal, &app, &theme);
            let took = start.elapsed();
            if n >= KEYS {
                times.push(took);
                bytes.push(counter.bytes() - sent);
            }
        }
        times.sort_unstable();
        bytes.sort_unstable();
        println!(
            "| {name} | {:.3} ms | {:.3} ms | {:.3} ms | {} | {} |",
            percentile(&times, 50).as_secs_f64() * 1e3,
            percentile(&times, 90).as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3,
            bytes[bytes.len() / 2],
            bytes[bytes.len() - 1],
        );
    }
}
