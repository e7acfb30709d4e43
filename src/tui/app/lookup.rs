//! What the app answers about itself for drawing, the event loop and tests: the screen in front,
//! the key bindings in force, the area being browsed, the session's next deadline.

use std::time::Duration;

use super::App;
use crate::kb::Region;
use crate::tui::keys::{self, Binding, Mode};
use crate::tui::overlay::Overlay;
use crate::tui::screens::{Id, Screen};

impl<'kb> App<'kb> {
    /// The screen in front.
    pub fn screen(&self) -> &Screen<'kb> {
        &self.stack[self.stack.len() - 1]
    }

    /// The name of the screen in front.
    pub fn id(&self) -> Id {
        self.screen().id()
    }

    /// The screen's own bindings, whatever overlay is open (the help overlay lists them).
    pub fn screen_table(&self) -> &'static [Binding] {
        self.screen().keys()
    }

    /// Every binding in force: the overlay's or the screen's, then the global ones.
    pub fn bindings(&self) -> impl Iterator<Item = &'static Binding> {
        let own = self
            .overlay
            .map_or_else(|| self.screen_table(), Overlay::keys);
        own.iter().chain(keys::global(self.key_mode()))
    }

    /// Whether keys go to an overlay, are typed into the search, or go to the screen.
    pub(super) fn key_mode(&self) -> Mode {
        match (self.overlay, self.id()) {
            (Some(_), _) => Mode::Overlay,
            (None, Id::BrowseSearch) => Mode::Typing,
            (None, _) => Mode::Screen,
        }
    }

    /// The area being browsed, on the technique list.
    pub fn browsed_region(&self) -> Option<&'kb Region> {
        match self.screen() {
            Screen::BrowseList(s) => self.kb.regions().get(s.region),
            _ => None,
        }
    }

    /// While a session's clock runs: when its current phase ends. `None` anywhere else, and when
    /// the session is paused, held by an overlay or over (nothing on screen moves then).
    pub fn session_deadline(&self) -> Option<Duration> {
        match self.screen() {
            Screen::Session(s) => s.next_deadline(),
            _ => None,
        }
    }
}
