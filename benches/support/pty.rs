//! Timing a real program in a pseudo-terminal, for `benches/startup.rs` and
//! `examples/pty_timing.rs`.
//!
//! The program is started behind a gate, `sh -c 'printf ready; read _; exec PROGRAM'`, so the
//! window size (120x40) is set before it can ask for it and the clock starts when the gate opens:
//! the time measured is from the `exec` of the program to the moment the screen (as a vt100
//! terminal would show it) holds every marker text. Output is read with blocking reads, so the
//! measuring side uses no CPU while the program works.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::session::OsSession;

pub const ROWS: u16 = 40;
pub const COLS: u16 = 120;

/// A program waiting behind the gate, in a 120x40 pseudo-terminal.
pub struct Gated {
    session: OsSession,
    screen: vt100::Parser,
    /// Bytes read since the last [`Gated::clear_count`].
    pub bytes: usize,
}

impl Gated {
    /// Starts `sh` in a new pseudo-terminal, ready to `exec` `program` with `args` and `env`.
    pub fn new(program: &Path, args: &[&str], env: &[(&str, &str)]) -> std::io::Result<Self> {
        let mut cmd = Command::new("/bin/sh");
        cmd.arg("-c")
            .arg("printf ready; read _; exec \"$0\" \"$@\"")
            .arg(program)
            .args(args)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("FASCIA_KB");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut session = OsSession::spawn(cmd).map_err(std::io::Error::other)?;
        session
            .get_process_mut()
            .set_window_size(COLS, ROWS)
            .map_err(std::io::Error::other)?;
        let size = |n| NonZeroU16::new(n).ok_or_else(|| std::io::Error::other("zero size"));
        let mut gated = Self {
            session,
            screen: vt100::Parser::new(size(ROWS)?, size(COLS)?, 0),
            bytes: 0,
        };
        gated.wait_for(&["ready"], Duration::from_secs(10))?;
        gated.screen = vt100::Parser::new(size(ROWS)?, size(COLS)?, 0);
        Ok(gated)
    }

    /// Opens the gate: the program starts now. Returns the moment it was let go.
    pub fn start(&mut self) -> std::io::Result<Instant> {
        self.send(b"\n")
    }

    /// Sends bytes (keys) and returns the moment they were written.
    pub fn send(&mut self, bytes: &[u8]) -> std::io::Result<Instant> {
        self.bytes = 0;
        self.session.write_all(bytes)?;
        self.session.flush()?;
        Ok(Instant::now())
    }

    /// Reads until the screen holds every one of `markers`; the moment of that read.
    pub fn wait_for(&mut self, markers: &[&str], limit: Duration) -> std::io::Result<Instant> {
        let deadline = Instant::now() + limit;
        let mut buf = [0u8; 16 * 1024];
        loop {
            let n = self.session.read(&mut buf)?;
            let now = Instant::now();
            if n == 0 {
                return Err(std::io::Error::other("the program ended"));
            }
            self.bytes += n;
            self.screen.process(&buf[..n]);
            let contents = self.screen.screen().contents();
            if markers.iter().all(|m| contents.contains(m)) {
                return Ok(now);
            }
            if now > deadline {
                return Err(std::io::Error::other(format!(
                    "{markers:?} never appeared; the screen was:\n{contents}"
                )));
            }
        }
    }
}

/// The median of `samples` (sorted in place); zero when there are none.
#[allow(dead_code)] // the example uses it; divan computes its own
pub fn median(samples: &mut [Duration]) -> Duration {
    samples.sort_unstable();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}
