//! The app's remembered profile and its way out: starting the interview from what was remembered,
//! holding a session's clock while something covers it, and leaving at once on a stop signal.

use super::App;
use crate::flow::Walk;
use crate::profile::Profile;
use crate::tui::action::Effect;
use crate::tui::screens::{Cmd, Screen};

impl App<'_> {
    /// A session's clock holds while an overlay or the size message covers it.
    pub(super) fn cover_session(&mut self) {
        let covered = self.overlay.is_some() || self.too_small;
        let now = self.now;
        if let Screen::Session(s) = self.screen_mut() {
            s.cover(covered, now);
        }
    }

    /// Starts the check's interview from what was remembered: the answers that still hold
    /// `today` are confirmed on one screen, and the tools, minutes and technique are filled in.
    /// A profile that could not be read is said in one line and ignored.
    pub(super) fn remember(
        &mut self,
        loaded: Result<Option<Profile>, String>,
        today: jiff::civil::Date,
    ) {
        let profile = match loaded {
            Ok(profile) => profile,
            Err(e) => {
                self.status = Some(format!(
                    "Your remembered answers could not be used, so every question is asked: {e}"
                ));
                None
            }
        };
        let holding = profile
            .as_ref()
            .map(|p| p.holding(self.kb, today))
            .unwrap_or_default();
        if let Some(p) = &profile {
            self.answers.preferences = p.preferences.clone();
        }
        self.walk = Walk::new(holding);
        self.profile = profile;
    }

    /// Leaves at once (a stop signal, or a terminal that failed): a session in progress is saved
    /// as ended early, with no ratings after it, then the app quits.
    pub fn stop(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        self.route(&mut effects, |screen, ctx| match screen {
            Screen::Session(s) => s.stopped().save(ctx),
            Screen::Rate(s) if s.after => s.save(ctx),
            _ => Cmd::Stay,
        });
        self.quit = true;
        effects
    }
}
