//! The real binary in a pseudo-terminal: start, walk to a routine, quit; Ctrl-C mid-flow; a bad
//! knowledge base. The output is drained all the time and text is awaited with deadlines.

#![cfg(unix)]

use std::io::Write;
use std::num::NonZeroU16;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::WaitStatus;
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
            .env_remove("FASCIA_KB");
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

fn repeat(key: &str, n: usize) -> String {
    key.repeat(n)
}

#[test]
fn start_walk_to_a_routine_and_quit() {
    let mut p = Pty::spawn(&[], &[]);
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
    p.send(&"n".repeat(6));
    p.wait_for("6 of 6 answered");
    p.send("\r");
    p.wait_for("Health screen");
    p.send(&"n".repeat(40));
    p.send("\r");
    p.wait_for("Area checks");
    p.send(&"n".repeat(40));
    p.send("\r");
    p.wait_for("Review your answers");
    p.send("\r");
    p.wait_for("You can go ahead");
    p.send("\r");
    p.wait_for("What you have");
    p.send("\r");
    p.wait_for("Step in full");
    p.wait_for("Calves");
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
