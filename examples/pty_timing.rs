//! Times programs in a real pseudo-terminal (120x40), side by side: from the program's start to
//! its first full frame, and fascia's history screen from the key `h` to the list being drawn.
//! A development tool run by `scripts/measure-startup.sh`; not part of `cargo test`.
//!
//! `pty_timing RUNS FASCIA BARE [WHIPTAIL [OTHER_FASCIA...]]` (other fascia builds, e.g. before a
//! change or with another profile): each run starts every program once in turn
//! (interleaved, so a busy machine slows them alike) and the medians are printed as a table.

#[path = "../benches/support/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::time::Duration;

use pty::{Gated, median};

const LIMIT: Duration = Duration::from_secs(20);

/// One program to time: how to start it and what its first frame shows once complete.
struct Subject {
    name: String,
    program: PathBuf,
    args: Vec<&'static str>,
    env: Vec<(&'static str, String)>,
    markers: &'static [&'static str],
}

fn first_frame(s: &Subject) -> std::io::Result<(Duration, usize)> {
    let env: Vec<(&str, &str)> = s.env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut p = Gated::new(&s.program, &s.args, &env)?;
    let t0 = p.start()?;
    let t1 = p.wait_for(s.markers, LIMIT)?;
    Ok((t1 - t0, p.bytes))
}

/// fascia with `dir` as its data directory: the first frame, then `h` to the history list.
fn history_open(fascia: &Path, dir: &Path, markers: &[&str]) -> std::io::Result<Duration> {
    let dir = dir.display().to_string();
    let mut p = Gated::new(fascia, &[], &[("FASCIA_DATA_DIR", &dir)])?;
    p.start()?;
    p.wait_for(&["q quit"], LIMIT)?;
    let t0 = p.send(b"h")?;
    let t1 = p.wait_for(markers, LIMIT)?;
    Ok(t1 - t0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [runs, fascia, bare, rest @ ..] = &args[..] else {
        return Err("usage: pty_timing RUNS FASCIA BARE [WHIPTAIL [OTHER_FASCIA...]]".into());
    };
    let runs: usize = runs.parse()?;
    let data = tempfile::tempdir()?;
    let history = tempfile::tempdir()?;
    write_history(&history.path().join("history.jsonl"), 10_000)?;
    let mut subjects = vec![
        Subject {
            name: "fascia (welcome screen)".into(),
            program: fascia.into(),
            args: vec![],
            env: vec![("FASCIA_DATA_DIR", data.path().display().to_string())],
            markers: &["q quit"],
        },
        Subject {
            name: "bare ratatui app (examples/bare.rs)".into(),
            program: bare.into(),
            args: vec![],
            env: vec![],
            markers: &["any key: quit"],
        },
    ];
    if let Some(whiptail) = rest.first() {
        subjects.push(Subject {
            name: "whiptail --menu (8 items)".into(),
            program: whiptail.into(),
            args: vec![
                "--title",
                "fascia",
                "--menu",
                "Where does it hurt?",
                "20",
                "60",
                "8",
                "calves",
                "Calves",
                "hamstrings",
                "Hamstrings",
                "quads",
                "Quads",
                "glutes",
                "Glutes",
                "lower_back",
                "Lower back",
                "upper_back",
                "Upper back",
                "neck",
                "Neck",
                "feet",
                "Feet",
            ],
            env: vec![],
            markers: &["<Ok>", "<Cancel>", "Feet"],
        });
    }
    for other in rest.iter().skip(1) {
        subjects.push(Subject {
            name: format!("fascia build {other} (welcome screen)"),
            program: other.into(),
            args: vec![],
            env: vec![("FASCIA_DATA_DIR", data.path().display().to_string())],
            markers: &["q quit"],
        });
    }
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); subjects.len() + 1];
    let mut bytes = vec![0; subjects.len()];
    for _ in 0..runs {
        for (i, s) in subjects.iter().enumerate() {
            let (t, n) = first_frame(s)?;
            times[i].push(t);
            bytes[i] = n;
        }
        times[subjects.len()].push(history_open(
            Path::new(fascia),
            history.path(),
            &["10000 sessions, newest first"],
        )?);
    }
    println!("| program | first frame, median of {runs} | bytes |");
    println!("|---|---|---|");
    for (i, s) in subjects.iter().enumerate() {
        println!(
            "| {} | {:.2} ms | {} |",
            s.name,
            ms(median(&mut times[i])),
            bytes[i]
        );
    }
    println!(
        "| fascia: `h` to the history screen, 10,000 sessions | {:.2} ms | |",
        ms(median(&mut times[subjects.len()]))
    );
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// `n` saved sessions of three areas each, one JSON line per session.
fn write_history(path: &Path, n: usize) -> std::io::Result<()> {
    use std::fmt::Write as _;
    let regions = [
        "calves",
        "hamstrings",
        "quads",
        "glutes",
        "neck",
        "lower_back",
    ];
    let mut text = String::new();
    for i in 0..n {
        let area = |k: usize| regions[(i + k) % regions.len()];
        let _ = writeln!(
            text,
            r#"{{"v":1,"at":"2026-{:02}-{:02}T08:00:00Z","regions":["{a}","{b}"],"routine":[],"ratings":[{{"region":"{a}","before":{{"pain":{p},"ease":4}},"after":{{"pain":2,"ease":7}}}},{{"region":"{b}","before":{{"pain":5,"ease":5}}}}],"completed":true,"steps_done":2}}"#,
            1 + i % 12,
            1 + i % 28,
            a = area(0),
            b = area(1),
            p = i % 11,
        );
    }
    std::fs::write(path, text)
}
