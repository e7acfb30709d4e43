//! Termination signals for the full-screen app. SIGTERM, SIGHUP, SIGINT and SIGQUIT set a flag
//! here and wake the event loop (which otherwise sleeps until input comes); the loop sees the
//! flag, saves a session in progress and leaves through the normal restore path. A second
//! signal, or any signal once the app is done, ends the process at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
use signal_hook::flag;
use signal_hook::iterator::Signals;

/// The signals that ask the app to stop.
pub const SIGNALS: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// How often the waker repeats itself until the event loop has seen the stop (only after a stop
/// signal: the loop may not be waiting for input yet when the first wake-up comes).
const REPEAT: Duration = Duration::from_millis(100);

/// Which stop signal arrived, if one did.
#[derive(Debug)]
pub struct Stop {
    which: Arc<AtomicUsize>,
    armed: Arc<AtomicBool>,
    seen: Arc<AtomicBool>,
}

impl Stop {
    /// Starts catching the stop signals.
    ///
    /// The event loop blocks in crossterm's wait for input, which also watches SIGWINCH (the
    /// window changed size). So a stop signal wakes it the same way: a thread that sleeps until a
    /// stop signal comes raises SIGWINCH, and the loop, woken by the resize, finds the flag. No
    /// timer wakes the app while it waits.
    pub fn install() -> std::io::Result<Self> {
        let which = Arc::new(AtomicUsize::new(0));
        let armed = Arc::new(AtomicBool::new(false));
        let seen = Arc::new(AtomicBool::new(false));
        for signal in SIGNALS {
            // Order matters: the shutdown checks the flag before the first signal sets it.
            flag::register_conditional_shutdown(signal, 128 + signal, Arc::clone(&armed))?;
            flag::register(signal, Arc::clone(&armed))?;
            flag::register_usize(signal, Arc::clone(&which), signal.unsigned_abs() as usize)?;
        }
        let mut signals = Signals::new(SIGNALS)?;
        let waker_seen = Arc::clone(&seen);
        std::thread::Builder::new()
            .name("stop-signals".into())
            .spawn(move || {
                if signals.forever().next().is_some() {
                    while !waker_seen.load(Ordering::Relaxed) {
                        let _ = signal_hook::low_level::raise(SIGWINCH);
                        std::thread::sleep(REPEAT);
                    }
                }
            })?;
        Ok(Self { which, armed, seen })
    }

    /// The signal that asked the app to stop, if one did. Once it returns one, the waker stops.
    pub fn requested(&self) -> Option<i32> {
        match self.which.load(Ordering::Relaxed) {
            0 => None,
            n => {
                self.seen.store(true, Ordering::Relaxed);
                i32::try_from(n).ok()
            }
        }
    }
}

impl Drop for Stop {
    /// Once the terminal is given back, a stop signal ends the process as it would have before.
    fn drop(&mut self) {
        self.seen.store(true, Ordering::Relaxed);
        self.armed.store(true, Ordering::Relaxed);
    }
}
