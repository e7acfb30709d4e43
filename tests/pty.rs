//! The real binary in a pseudo-terminal: start, walk to a routine, quit; Ctrl-C mid-flow; a bad
//! knowledge base. The output is drained all the time and text is awaited with deadlines.

#![cfg(unix)]

use std::io::Write;
use std::num::NonZeroU16;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::{Signal, WaitStatus};
use expectrl::session::OsSession;

const ROWS: u16 = 30;
const COLS: u16 = 100;

struct Pty {
    session: OsSession,
    screen: vt100::Parser,
    raw: Vec<u8>,
}

impl Pty {
    fn spawn(args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_fascia"));
        cmd.args(args)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("FASCIA_KB")
            .env("FASCIA_NO_REMEMBER", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut session = OsSession::spawn(cmd).expect("spawn in a pty");
        session
            .get_process_mut()
            .set_window_size(COLS, ROWS)
            .expect("window size");
        let (rows, cols) = (
            NonZeroU16::new(ROWS).expect("rows"),
            NonZeroU16::new(COLS).expect("cols"),
        );
        Self {
            session,
            screen: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
        }
    }

    /// Reads whatever output is there, without blocking.
    fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        while let Ok(n) = self.session.try_read(&mut buf) {
            if n == 0 {
                break;
            }
            self.screen.process(&buf[..n]);
            self.raw.extend_from_slice(&buf[..n]);
        }
    }

    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            self.pump();
            if self.screen.screen().contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!(
            "`{text}` never appeared; the screen was:\n{}",
            self.screen.screen().contents()
        );
    }

    fn send(&mut self, bytes: &str) {
        self.session.write_all(bytes.as_bytes()).expect("send");
        self.session.flush().expect("flush");
    }

    fn exit_code(&mut self) -> i32 {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            self.pump();
            match self.session.get_process().status() {
                Ok(WaitStatus::Exited(_, code)) => {
                    self.pump();
                    return code;
                }
                Ok(WaitStatus::StillAlive) | Err(_) => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Ok(other) => panic!("fascia did not exit normally: {other:?}"),
            }
        }
        panic!("fascia did not exit");
    }

    fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw).into_owned()
    }

    /// The terminal was given back: the alternate screen left and the cursor shown again.
    fn assert_restored(&self) {
        let raw = self.raw_text();
        let left = raw
            .rfind("\x1b[?1049l")
            .expect("the alternate screen was left");
        assert!(
            raw.find("\x1b[?1049h")
                .is_some_and(|entered| entered < left)
        );
        let shown = raw.rfind("\x1b[?25h").expect("the cursor is shown");
        assert!(
            raw.rfind("\x1b[?25l").is_none_or(|hidden| hidden < shown),
            "the cursor is shown again"
        );
        assert!(!self.screen.screen().alternate_screen());
        assert!(!self.screen.screen().hide_cursor());
    }
}

impl Pty {
    /// Waits until the raw output holds `bytes`.
    fn wait_for_raw(&mut self, bytes: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            self.pump();
            if self.raw_text().contains(bytes) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("{bytes:?} never came; the output was:\n{}", self.raw_text());
    }

    /// Whether the terminal is in canonical (line) mode, as it is unless raw mode is on.
    fn canonical(&self) -> bool {
        use std::os::fd::AsRawFd;
        let master = self.session.get_process().get_raw_handle().expect("pty");
        nix::sys::termios::tcgetattr(master.as_raw_fd())
            .expect("termios")
            .local_flags
            .contains(nix::sys::termios::LocalFlags::ICANON)
    }

    /// Everything `enter` turned on was turned off again after it: mouse reporting, bracketed
    /// paste, raw mode, and the checks of [`Pty::assert_restored`].
    fn assert_fully_restored(&self) {
        self.assert_restored();
        let raw = self.raw_text();
        for (on, off, what) in [
            ("\x1b[?1000h", "\x1b[?1000l", "mouse reporting"),
            ("\x1b[?1006h", "\x1b[?1006l", "SGR mouse reporting"),
            ("\x1b[?2004h", "\x1b[?2004l", "bracketed paste"),
        ] {
            let on = raw
                .rfind(on)
                .unwrap_or_else(|| panic!("{what} was turned on"));
            assert!(
                raw.rfind(off).is_some_and(|off| off > on),
                "{what} was turned off again"
            );
        }
        assert!(self.canonical(), "raw mode is off (line mode again)");
    }
}

fn repeat(key: &str, n: usize) -> String {
    key.repeat(n)
}

/// From the welcome screen to the first questions, with the calves chosen.
fn walk_to_emergency_signs(p: &mut Pty) {
    p.wait_for("Not for emergencies");
    p.send("\r");
    p.wait_for("Body map");
    // Tab to the list, down to Calves (the 18th area), choose it, next.
    p.send("\t");
    p.send(&repeat("\x1b[B", 17));
    p.send(" ");
    p.wait_for("Chosen: Calves");
    p.send("\r");
    p.wait_for("Each area you chose");
    p.send("\r");
    p.wait_for("Emergency signs");
}

/// From the welcome screen to the routine for the calves.
fn walk_to_routine(p: &mut Pty) {
    walk_to_emergency_signs(p);
    // To the last line and none of these, then 16 to 49 (the band under the cursor), then the
    // same on every checklist left (G and n do nothing on the review).
    p.send("Gn");
    p.wait_for("How old are you?");
    p.send("\r");
    p.wait_for("Health screen");
    p.send(&"Gn".repeat(12));
    p.wait_for("Review your answers");
    p.send("\r");
    p.wait_for("You can go ahead");
    p.send("\r");
    p.wait_for("What you have");
    p.send("\r");
    p.wait_for("Step in full");
    p.wait_for("Calves");
}

#[test]
fn start_walk_to_a_routine_and_quit() {
    let mut p = Pty::spawn(&[], &[]);
    walk_to_routine(&mut p);
    p.send("q");
    p.wait_for("Quit fascia?");
    p.send("y");
    assert_eq!(p.exit_code(), 0);
    p.assert_restored();
}

#[test]
fn ctrl_c_mid_flow_restores_the_terminal() {
    let mut p = Pty::spawn(&[], &[]);
    p.wait_for("Not for emergencies");
    p.send("\r");
    p.wait_for("Body map");
    p.send("\x03");
    assert_eq!(p.exit_code(), 0);
    p.assert_restored();
}

#[test]
fn no_color_keeps_the_selection_visible() {
    let mut p = Pty::spawn(&[], &[("NO_COLOR", "1")]);
    p.wait_for("Not for emergencies");
    // The whole frame, down to the footer, before the menu is looked at.
    p.wait_for("q quit");
    let screen = p.screen.screen();
    let (row, col) = (0..ROWS)
        .flat_map(|r| (0..COLS).map(move |c| (r, c)))
        .find(|&(r, c)| screen.cell(r, c).is_some_and(|cell| cell.contents() == ">"))
        .expect("the menu cursor");
    let cell = screen.cell(row, col).expect("cell");
    assert!(
        cell.inverse(),
        "the selected menu row is reversed under NO_COLOR"
    );
    assert_eq!(cell.fgcolor(), vt100::Color::Default);
    p.send("\x03");
    assert_eq!(p.exit_code(), 0);
}

#[test]
fn a_bad_kb_prints_a_plain_error_without_entering_the_alternate_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("broken.json");
    std::fs::write(&bad, "{ \"regions\": [").expect("write");
    let mut p = Pty::spawn(&["--kb", bad.to_str().expect("path")], &[]);
    assert_eq!(p.exit_code(), 2);
    let raw = p.raw_text();
    assert!(raw.contains("broken.json") && raw.contains("line"), "{raw}");
    assert!(
        !raw.contains("\x1b[?1049h"),
        "the alternate screen was never entered"
    );
}

#[test]
fn the_mouse_is_reported_for_clicks_and_the_wheel_never_for_movement() {
    let mut p = Pty::spawn(&[], &[]);
    p.wait_for("Not for emergencies");
    p.send("q");
    assert_eq!(p.exit_code(), 0);
    let raw = p.raw_text();
    assert!(
        raw.contains("\x1b[?1000h") && raw.contains("\x1b[?1006h"),
        "{raw:?}"
    );
    // Any-movement (1003) and drag (1002) reporting would wake the app whenever the pointer
    // crosses the window.
    assert!(!raw.contains("\x1b[?1003h") && !raw.contains("\x1b[?1002h"));
}

/// The app sleeps until input comes (no timer wakes it), so the signal itself must wake it.
#[test]
fn each_stop_signal_leaves_through_the_restore_path() {
    for signal in [
        Signal::SIGTERM,
        Signal::SIGHUP,
        Signal::SIGINT,
        Signal::SIGQUIT,
    ] {
        let mut p = Pty::spawn(&[], &[]);
        p.wait_for("Not for emergencies");
        assert!(!p.canonical(), "raw mode is on while the app runs");
        p.session.get_process_mut().signal(signal).expect("signal");
        assert_eq!(p.exit_code(), 128 + signal as i32, "{signal:?}");
        p.assert_fully_restored();
    }
}

#[test]
fn a_signal_mid_session_saves_it_as_ended_early() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_str().expect("path");
    let mut p = Pty::spawn(&["--quiet"], &[("FASCIA_DATA_DIR", data)]);
    walk_to_routine(&mut p);
    p.send("g");
    p.wait_for("Before you start");
    p.send("\r");
    p.wait_for("s left of");
    // Past the get-ready countdown, into the first set.
    p.send("\r");
    p.wait_for("Set 1 of");
    p.session
        .get_process_mut()
        .signal(Signal::SIGTERM)
        .expect("signal");
    assert_eq!(p.exit_code(), 128 + Signal::SIGTERM as i32);
    p.assert_fully_restored();
    let loaded = fascia::history::Store::in_dir(dir.path())
        .load()
        .expect("history");
    assert_eq!(loaded.records.len(), 1, "{loaded:?}");
    let record = &loaded.records[0];
    assert!(!record.completed, "saved as ended early");
    assert_eq!(record.status(), fascia::history::SessionStatus::EndedEarly);
    assert_eq!(
        record.steps_done, 0,
        "steps done count only those that ran to their end"
    );
    assert_eq!(
        record.routine[0].status,
        Some(fascia::history::StepStatus::Stopped)
    );
    assert!(
        record.ratings.iter().all(|r| r.after.is_none()),
        "not rated after"
    );
}

#[test]
fn a_panic_restores_mouse_reporting_too() {
    let mut p = Pty::spawn(&[], &[("FASCIA_TEST_PANIC", "1")]);
    assert_eq!(p.exit_code(), 101);
    p.assert_fully_restored();
    assert!(p.raw_text().contains("FASCIA_TEST_PANIC"));
}

#[test]
fn an_absurd_window_size_is_clamped() {
    let mut p = Pty::spawn(&[], &[]);
    p.wait_for("Not for emergencies");
    let before = p.raw.len();
    p.session
        .get_process_mut()
        .set_window_size(65535, 65535)
        .expect("window size");
    // Wait for the redraw at the new size: ratatui clears the screen first.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !String::from_utf8_lossy(&p.raw[before..]).contains("\x1b[2J")
        && Instant::now() < deadline
    {
        p.pump();
        std::thread::sleep(Duration::from_millis(10));
    }
    p.send("q");
    assert_eq!(p.exit_code(), 0);
    p.assert_fully_restored();
}

#[test]
fn bracketed_paste_is_on_and_a_paste_answers_nothing() {
    let mut p = Pty::spawn(&[], &[]);
    p.wait_for_raw("\x1b[?2004h");
    walk_to_emergency_signs(&mut p);
    p.send("\x1b[200~no no no no no\r\nyes\r\x1b[201~");
    assert!(!p.screen.screen().contents().contains("How old are you?"));
    p.send("Gn");
    // Only the typed keys answered the checklist: the age question is next, nothing further.
    p.wait_for("How old are you?");
    p.send("\x03");
    assert_eq!(p.exit_code(), 0);
    p.assert_fully_restored();
}

#[test]
fn unknown_escape_sequences_are_not_keys() {
    let mut p = Pty::spawn(&[], &[]);
    p.wait_for("Not for emergencies");
    // Alt+q (ESC q) would quit from the welcome screen if it were read as q; the others are
    // sequences no key of ours sends.
    for sequence in [
        "\x1bq",
        "\x1b[1;3A",
        "\x1b[99~",
        "\x1bOz",
        "\x1b[1;5B",
        "\x1b[24;9~",
    ] {
        p.send(sequence);
    }
    p.send("\r");
    p.wait_for("Body map");
    p.send("\x03");
    assert_eq!(p.exit_code(), 0);
}

#[test]
fn a_burst_over_a_kilobyte_is_read_to_the_end() {
    let mut p = Pty::spawn(&[], &[]);
    p.wait_for("Not for emergencies");
    // 3 KB of a key the welcome screen ignores, then q, in one write: q must be read without
    // waiting for another key.
    p.send(&format!("{}q", "z".repeat(3_000)));
    assert_eq!(p.exit_code(), 0);
    p.assert_fully_restored();
}
