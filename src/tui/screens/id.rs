//! Which screen is in front, as a plain name: for the header, the tests and the key tables'
//! choice. The screens' state lives in [`super::Screen`].

use crate::flow::Page;

/// The screens by name, in flow order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Id {
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

impl Id {
    /// The page of the check this screen shows, if it is one.
    pub fn page(self) -> Option<Page> {
        Some(match self {
            Id::Where => Page::Where,
            Id::Details => Page::Details,
            Id::Emergency => Page::Emergency,
            Id::Health => Page::Health,
            Id::Area => Page::Area,
            Id::Review => Page::Review,
            Id::Outcome => Page::Result,
            Id::Preferences => Page::Preferences,
            Id::Routine => Page::Routine,
            _ => return None,
        })
    }

    /// The step number and title, for the header.
    pub fn step(self) -> Option<(usize, &'static str)> {
        self.page().map(|p| (p.number(), p.title()))
    }

    /// Whether this is one of the browse screens (they skip the safety check and say so).
    pub fn is_browse(self) -> bool {
        matches!(
            self,
            Id::BrowseRegions | Id::BrowseList | Id::BrowseTechnique | Id::BrowseSearch
        )
    }

    /// The screening section a question screen asks.
    pub fn section(self) -> Option<crate::kb::Section> {
        self.page().and_then(Page::section)
    }

    /// The title shown in the header for screens outside the numbered check.
    pub fn title(self) -> Option<&'static str> {
        Some(match self {
            Id::BrowseRegions => "Browse: areas",
            Id::BrowseTechnique => "Browse: technique",
            Id::BrowseSearch => "Browse: search",
            Id::RateBefore => "Guided session: before",
            Id::Session => "Guided session",
            Id::RateAfter => "Guided session: after",
            Id::Done => "Guided session: done",
            Id::History => "History",
            _ => return None,
        })
    }
}
