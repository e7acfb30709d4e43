//! Termination signals for the full-screen app. SIGTERM, SIGHUP, SIGINT and SIGQUIT only set a
//! flag here; the event loop sees it, saves a session in progress and leaves through the normal
//! restore path. A second signal, or any signal once the app is done, ends the process at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::flag;

/// The signals that ask the app to stop.
pub const SIGNALS: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// Which stop signal arrived, if one did.
#[derive(Debug)]
pub struct Stop {
    which: Arc<AtomicUsize>,
    armed: Arc<AtomicBool>,
}

impl Stop {
    /// Starts catching the stop signals.
    pub fn install() -> std::io::Result<Self> {
        let which = Arc::new(AtomicUsize::new(0));
        let armed = Arc::new(AtomicBool::new(false));
        for signal in SIGNALS {
            // Order matters: the shutdown checks the flag before the first signal sets it.
            flag::register_conditional_shutdown(signal, 128 + signal, Arc::clone(&armed))?;
            flag::register(signal, Arc::clone(&armed))?;
            flag::register_usize(signal, Arc::clone(&which), signal.unsigned_abs() as usize)?;
        }
        Ok(Self { which, armed })
    }

    /// The signal that asked the app to stop, if one did.
    pub fn requested(&self) -> Option<i32> {
        match self.which.load(Ordering::Relaxed) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}

impl Drop for Stop {
    /// Once the terminal is given back, a stop signal ends the process as it would have before.
    fn drop(&mut self) {
        self.armed.store(true, Ordering::Relaxed);
    }
}
