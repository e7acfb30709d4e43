//! Benchmark (divan) of start-up as a person sees it: the real `fascia` binary in a 120x40
//! pseudo-terminal, from its `exec` to the first complete frame (see `support/pty.rs` for how it
//! is timed), and from the key `h` to the history screen with 10,000 saved sessions.
//! `scripts/measure-startup.sh` times the same beside whiptail and a bare ratatui app.

#[path = "support/pty.rs"]
mod pty;

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use pty::Gated;

fn main() {
    divan::main();
}

const FASCIA: &str = env!("CARGO_BIN_EXE_fascia");
const LIMIT: Duration = Duration::from_secs(20);
/// Text of the welcome screen's last row, so the whole first frame has arrived when it shows.
const WELCOME_DONE: &[&str] = &["q quit"];

fn gated(data_dir: &Path) -> Gated {
    let dir = data_dir.display().to_string();
    Gated::new(Path::new(FASCIA), &[], &[("FASCIA_DATA_DIR", &dir)]).expect("a pseudo-terminal")
}

/// From the program's start to its first frame (the welcome screen).
#[divan::bench(sample_count = 30, sample_size = 1)]
fn process_start_to_first_frame(bencher: divan::Bencher) {
    let data = tempfile::tempdir().expect("temp dir");
    bencher
        .with_inputs(|| gated(data.path()))
        .bench_local_values(|mut p| {
            p.start().expect("start");
            p.wait_for(WELCOME_DONE, LIMIT).expect("first frame");
            p
        });
}

/// From the key `h` on the welcome screen to the history list of 10,000 sessions.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn history_open_10k_sessions(bencher: divan::Bencher) {
    let data = tempfile::tempdir().expect("temp dir");
    let mut text = String::new();
    for i in 0..10_000 {
        let _ = writeln!(
            text,
            r#"{{"v":1,"at":"2026-01-{:02}T08:00:00Z","regions":["calves"],"routine":[],"ratings":[{{"region":"calves","before":{{"pain":{},"ease":4}}}}],"completed":true,"steps_done":1}}"#,
            1 + i % 28,
            i % 11
        );
    }
    std::fs::write(data.path().join("history.jsonl"), text).expect("history");
    bencher
        .with_inputs(|| {
            let mut p = gated(data.path());
            p.start().expect("start");
            p.wait_for(WELCOME_DONE, LIMIT).expect("first frame");
            p
        })
        .bench_local_values(|mut p| {
            p.send(b"h").expect("key");
            p.wait_for(&["10000 sessions, newest first"], LIMIT)
                .expect("history");
            p
        });
}
