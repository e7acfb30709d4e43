//! The screens the app can show, the overlays on top of them, and the panes of two-pane screens.

use crate::flow::{self, Page};
use crate::kb::Section;

/// The screens, in flow order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Where,
    Details,
    Emergency,
    Health,
    Area,
    Review,
    Outcome,
    Preferences,
    Routine,
    /// Browse: the areas (body map and list).
    BrowseRegions,
    /// Browse: the techniques of one area, filtered.
    BrowseList,
    /// Browse: one technique in full.
    BrowseTechnique,
    /// Browse: search as you type.
    BrowseSearch,
    /// Guided session: rate each area before.
    RateBefore,
    /// Guided session: the timer.
    Session,
    /// Guided session: rate each area after.
    RateAfter,
    /// Guided session: saved (or why not), with before and after.
    Done,
    /// Past sessions and the trend per area.
    History,
}

/// Steps shown as "Step n of m" (the welcome screen is not a step).
pub const STEPS: usize = flow::STEPS;

impl Screen {
    /// The page of the check this screen shows, if it is one.
    pub fn page(self) -> Option<Page> {
        Some(match self {
            Screen::Where => Page::Where,
            Screen::Details => Page::Details,
            Screen::Emergency => Page::Emergency,
            Screen::Health => Page::Health,
            Screen::Area => Page::Area,
            Screen::Review => Page::Review,
            Screen::Outcome => Page::Result,
            Screen::Preferences => Page::Preferences,
            Screen::Routine => Page::Routine,
            _ => return None,
        })
    }

    /// The screen that shows a page of the check.
    pub fn of(page: Page) -> Self {
        match page {
            Page::Where => Screen::Where,
            Page::Details => Screen::Details,
            Page::Emergency => Screen::Emergency,
            Page::Health => Screen::Health,
            Page::Area => Screen::Area,
            Page::Review => Screen::Review,
            Page::Result => Screen::Outcome,
            Page::Preferences => Screen::Preferences,
            Page::Routine => Screen::Routine,
        }
    }

    /// The step number and title, for the header.
    pub fn step(self) -> Option<(usize, &'static str)> {
        self.page().map(|p| (p.number(), p.title()))
    }

    /// Whether this is one of the browse screens (they skip the safety check and say so).
    pub fn is_browse(self) -> bool {
        matches!(
            self,
            Screen::BrowseRegions
                | Screen::BrowseList
                | Screen::BrowseTechnique
                | Screen::BrowseSearch
        )
    }

    /// The screening section a question screen asks.
    pub fn section(self) -> Option<Section> {
        self.page().and_then(Page::section)
    }
}

/// Which pane has the keyboard on screens with two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    First,
    Second,
}

/// A modal on top of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
}
