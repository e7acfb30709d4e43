//! The screens: each module owns its state, its key table, its `update` and a view that is a
//! ratatui `Widget` over exactly what it reads. This file holds the `Screen` enum (a screen's
//! state lives in its variant), what every screen's `update` is given and may ask for, and the
//! dispatch from the enum to the modules.

// Each screen's `update` takes the action whole, as `App` hands it on; most only read it.
#![allow(clippy::needless_pass_by_value)]

pub mod age;
pub mod ask;
pub mod browse_list;
pub mod confirm;
pub mod details;
pub mod done;
pub mod gate;
pub mod history;
mod history_view;
mod id;
pub mod item;
pub mod outcome;
pub mod preferences;
pub mod rate;
pub mod review;
pub mod routine;
pub mod search;
pub mod session;
mod session_view;
pub mod technique;
pub mod tool_picker;
pub mod welcome;
pub mod where_;
mod where_map;
pub mod which;

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{StatefulWidget, Widget};

pub use id::Id;

use super::action::{Action, Effect};
use super::keys::Binding;
use super::theme::Theme;
use crate::engine::Answers;
use crate::flow::{Page, Walk};
use crate::kb::KnowledgeBase;

/// A screen and its state.
#[derive(Debug)]
pub enum Screen<'kb> {
    Welcome(welcome::State),
    /// The body map and list: choosing areas, or opening one when browsing.
    Where(where_::State),
    Details(details::State),
    /// The interview's questions: a checklist, one item, which areas, age, "still true?".
    Gate(gate::State<'kb>),
    Item(item::State<'kb>),
    Which(which::State<'kb>),
    Age(age::State<'kb>),
    Confirm(confirm::State<'kb>),
    Review(review::State<'kb>),
    Outcome(outcome::State),
    Preferences(preferences::State),
    Routine(routine::State),
    BrowseList(browse_list::State<'kb>),
    Technique(technique::State),
    Search(search::State),
    Rate(rate::State),
    Session(session::State),
    Done(done::State),
    History(history::State<'kb>),
}

/// Which pane has the keyboard on screens with two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    First,
    Second,
}

impl Pane {
    /// The other pane.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Pane::First => Pane::Second,
            Pane::Second => Pane::First,
        }
    }
}

/// How far a long text is scrolled, bounded by how far it can scroll (known from the last
/// drawing; unbounded until then).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    pub offset: u16,
    max: u16,
}

impl Default for Scroll {
    fn default() -> Self {
        Self {
            offset: 0,
            max: u16::MAX,
        }
    }
}

impl Scroll {
    /// Scrolls for an up, down, page or wheel action; false for any other action.
    pub fn apply(&mut self, action: &Action) -> bool {
        let offset = match action {
            Action::Up | Action::Wheel { up: true } => self.offset.saturating_sub(1),
            Action::Down | Action::Wheel { up: false } => self.offset.saturating_add(1),
            Action::PageUp => self.offset.saturating_sub(10),
            Action::PageDown => self.offset.saturating_add(10),
            Action::Home => 0,
            Action::End => self.max,
            _ => return false,
        };
        self.offset = offset.min(self.max);
        true
    }

    /// Takes how far the text can scroll, as the last drawing measured it.
    pub fn fit(&mut self, max: u16) {
        self.max = max;
        self.offset = self.offset.min(max);
    }

    /// How far the text can scroll (`u16::MAX` until it has been drawn).
    pub fn max(&self) -> u16 {
        self.max
    }
}

/// Where a list cursor goes for a move, page, home/end or wheel action over `len` rows (`page`
/// rows a page); `None` for any other action. Shared by every list so they all page alike.
pub fn list_move(index: usize, len: usize, page: usize, action: &Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    let to = match action {
        Action::Up | Action::Wheel { up: true } => index.saturating_sub(1),
        Action::Down | Action::Wheel { up: false } => index + 1,
        Action::PageUp => index.saturating_sub(page),
        Action::PageDown => index + page,
        Action::Home => 0,
        Action::End => last,
        _ => return None,
    };
    Some(to.min(last))
}

/// Where the wheel moves the cursor of a table of `total` values, `per_row` a row: a row up or
/// down, staying in the column (and where it is at the first or last row).
pub fn wheel_row(field: usize, per_row: usize, total: usize, up: bool) -> usize {
    let to = if up {
        field.checked_sub(per_row)
    } else {
        Some(field + per_row).filter(|&to| to < total)
    };
    to.unwrap_or(field)
}

/// Where a page, home/end (or `g`/`G`) action moves the cursor of a table of `total` values,
/// `per_row` a row: a page of rows ([`PAGE`]) up or down, or the first or the last row, staying
/// in the column (as the lists page, through [`list_move`]); `None` for any other action.
pub fn table_page(field: usize, per_row: usize, total: usize, action: &Action) -> Option<usize> {
    if !matches!(
        action,
        Action::PageUp | Action::PageDown | Action::Home | Action::End
    ) {
        return None;
    }
    let per_row = per_row.max(1);
    let row = list_move(field / per_row, total / per_row, PAGE, action)?;
    Some(row * per_row + field % per_row)
}

/// Rows a page moves in a list (the lists are at least this tall at 80x24).
pub const PAGE: usize = 10;

/// What a screen's `update` is given besides its own state.
pub struct Ctx<'a, 'kb> {
    pub kb: &'kb KnowledgeBase,
    pub answers: &'a mut Answers,
    /// The interview as walked so far.
    pub walk: &'a mut Walk,
    pub emergency: &'a str,
    pub status: &'a mut Option<String>,
    pub effects: &'a mut Vec<Effect>,
    /// No bell (`--quiet`, or `m` during a session).
    pub quiet: &'a mut bool,
    pub now: Duration,
    /// Answers are remembered between checks (not with `--no-remember`).
    pub remembering: bool,
}

/// Where a screen's `update` asks to go.
#[derive(Debug)]
pub enum Cmd<'kb> {
    Stay,
    /// To a page of the check: the screen for it on the stack (as it was left), or a new one.
    Page(Page),
    /// A screen on top of this one (back returns here).
    Push(Screen<'kb>),
    /// A screen instead of this one.
    Replace(Screen<'kb>),
    /// Back to the screen underneath.
    Back,
    /// An action the app handles for every screen (browse, history, quit...).
    Do(Action),
    /// Start afresh, keeping where sessions are saved and the bell setting.
    Restart,
}

/// A screen's view: its own state and what every view reads besides. Each screen implements
/// ratatui's `Widget` (or `StatefulWidget`, when it measures how far its text scrolls) for it.
pub struct View<'a, S> {
    pub state: &'a S,
    pub shared: Shared<'a>,
}

/// What every view reads besides its own state.
#[derive(Clone, Copy)]
pub struct Shared<'a> {
    pub kb: &'a KnowledgeBase,
    pub answers: &'a Answers,
    pub emergency: &'a str,
    pub theme: &'a Theme,
    pub now: Duration,
    /// How many sessions are saved, once counted.
    pub sessions: Option<usize>,
    /// Answers are remembered between checks (not with `--no-remember`).
    pub remembering: bool,
}

impl<'kb> Screen<'kb> {
    /// The guided session, started at `now` from the ratings before it.
    pub fn session(before: &rate::State, now: Duration) -> Self {
        Screen::Session(session::State::start(
            before.routine.clone(),
            before.ratings.clone(),
            now,
        ))
    }

    /// A new screen for a page of the check (the result and the routine advise afresh; a
    /// question page shows the interview's next question, or the review when none is left).
    pub fn for_page(
        page: Page,
        kb: &'kb KnowledgeBase,
        answers: &Answers,
        walk: &Walk,
        emergency: &str,
    ) -> Self {
        match page {
            Page::Where => Screen::Where(where_::State::default()),
            Page::Details => Screen::Details(details::State::default()),
            Page::Emergency | Page::Health | Page::Area => {
                ask::next_screen(kb, answers, walk, false)
                    .unwrap_or_else(|| Screen::Review(review::State::new(kb, answers)))
            }
            Page::Review => Screen::Review(review::State::new(kb, answers)),
            Page::Preferences => Screen::Preferences(preferences::State::default()),
            Page::Result | Page::Routine => {
                match routine::State::new(crate::engine::advise(kb, answers, emergency)) {
                    Ok(state) if page == Page::Routine => Screen::Routine(state),
                    Ok(state) => Screen::Outcome(outcome::State::new(state.advice(), false)),
                    Err(advice) => Screen::Outcome(outcome::State::new(*advice, false)),
                }
            }
        }
    }

    /// The screen's name.
    pub fn id(&self) -> Id {
        match self {
            Screen::Welcome(_) => Id::Welcome,
            Screen::Where(s) if s.browsing => Id::BrowseRegions,
            Screen::Where(_) => Id::Where,
            Screen::Details(_) => Id::Details,
            Screen::Gate(_)
            | Screen::Item(_)
            | Screen::Which(_)
            | Screen::Age(_)
            | Screen::Confirm(_) => match self.asked().map(ask::Asked::page) {
                Some(Page::Emergency) => Id::Emergency,
                Some(Page::Health) => Id::Health,
                _ => Id::Area,
            },
            Screen::Review(_) => Id::Review,
            Screen::Outcome(_) => Id::Outcome,
            Screen::Preferences(_) => Id::Preferences,
            Screen::Routine(_) => Id::Routine,
            Screen::BrowseList(_) => Id::BrowseList,
            Screen::Technique(_) => Id::BrowseTechnique,
            Screen::Search(_) => Id::BrowseSearch,
            Screen::Rate(s) if s.after => Id::RateAfter,
            Screen::Rate(_) => Id::RateBefore,
            Screen::Session(_) => Id::Session,
            Screen::Done(_) => Id::Done,
            Screen::History(_) => Id::History,
        }
    }

    /// The screen's own key table.
    pub fn keys(&self) -> &'static [Binding] {
        match self {
            Screen::Welcome(_) => welcome::KEYS,
            Screen::Where(s) => s.keys(),
            Screen::Details(_) => details::KEYS,
            Screen::Gate(_) => gate::KEYS,
            Screen::Item(_) => item::KEYS,
            Screen::Which(_) => which::KEYS,
            Screen::Age(_) => age::KEYS,
            Screen::Confirm(_) => confirm::KEYS,
            Screen::Review(_) => review::KEYS,
            Screen::Outcome(s) => s.keys(),
            Screen::Preferences(_) => preferences::KEYS,
            Screen::Routine(s) => s.keys(),
            Screen::BrowseList(s) => s.keys(),
            Screen::Technique(_) => technique::KEYS,
            Screen::Search(s) => s.keys(),
            Screen::Rate(s) => s.keys(),
            Screen::Session(s) => s.keys(),
            Screen::Done(s) => s.keys(),
            Screen::History(s) => s.keys(),
        }
    }

    /// Applies an action to the screen.
    pub fn update(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        match self {
            Screen::Welcome(s) => s.update(action),
            Screen::Where(s) => s.update(ctx, action),
            Screen::Details(s) => s.update(ctx, action),
            Screen::Gate(s) => s.update(ctx, action),
            Screen::Item(s) => s.update(ctx, action),
            Screen::Which(s) => s.update(ctx, action),
            Screen::Age(s) => s.update(ctx, action),
            Screen::Confirm(s) => s.update(ctx, action),
            Screen::Review(s) => s.update(ctx, action),
            Screen::Outcome(s) => s.update(ctx, action),
            Screen::Preferences(s) => s.update(ctx, action),
            Screen::Routine(s) => s.update(ctx, action),
            Screen::BrowseList(s) => s.update(ctx, action),
            Screen::Technique(s) => s.update(action),
            Screen::Search(s) => s.update(ctx, action),
            Screen::Rate(s) => s.update(ctx, action),
            Screen::Session(s) => s.update(ctx, action),
            Screen::Done(s) => s.update(ctx, action),
            Screen::History(s) => s.update(ctx, action),
        }
    }

    /// A click at (`x`, `y`) in the screen's `body`. On a list, a click moves the cursor to
    /// the row (and gives its pane the keyboard); a click on the row under the cursor does what
    /// enter or space does there. A checkbox (an area, a tool you own) is ticked at once. On a
    /// table of values, a click moves the cursor to the value, and a click on the value under
    /// the cursor changes it as the arrows do.
    pub fn click(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        match self {
            Screen::Welcome(s) => s.click(ctx.emergency, ctx.remembering, body, x, y),
            Screen::Where(s) => s.click(ctx, body, x, y),
            Screen::Gate(s) => s.click(ctx, body, x, y),
            Screen::Which(s) => s.click(ctx, body, x, y),
            Screen::Age(s) => s.click(ctx, body, x, y),
            Screen::Confirm(s) => s.click(body, x, y),
            Screen::Review(s) => s.click(ctx, body, x, y),
            Screen::Preferences(s) => s.click(ctx, body, x, y),
            Screen::Routine(s) => s.click(body, x, y),
            Screen::BrowseList(s) => s.click(ctx, body, x, y),
            Screen::Search(s) => s.click(ctx, body, x, y),
            Screen::History(s) => s.click(ctx, body, x, y),
            Screen::Details(s) => s.click(ctx, body, x, y),
            Screen::Rate(s) => s.click(ctx, body, x, y),
            Screen::Item(_)
            | Screen::Outcome(_)
            | Screen::Technique(_)
            | Screen::Session(_)
            | Screen::Done(_) => Cmd::Stay,
        }
    }

    /// What the mouse does on this screen, for the help (`None` where it does nothing).
    pub fn mouse_help(&self) -> Option<&'static str> {
        const PICKER: &str = "Mouse: click a tool to move there; click it again to use it; a click outside the list closes it. The wheel moves.";
        Some(match self {
            Screen::Welcome(_) => {
                "Mouse: click a row to move there; click it again to choose it. The wheel moves."
            }
            Screen::Where(s) if s.browsing => {
                "Mouse: click an area on the map or in the list to move there; click it again to open it. The wheel moves through the areas."
            }
            Screen::Where(_) => {
                "Mouse: click an area on the map or in the list to choose it; click again to un-choose. The wheel moves through the areas."
            }
            Screen::Gate(_) => {
                "Mouse: click a line to move there, click it again to mark it. The wheel moves."
            }
            Screen::Confirm(_) => "Mouse: click an answer to move there. The wheel moves.",
            Screen::Which(_) => "Mouse: click an area to tick or untick it. The wheel moves.",
            Screen::Age(_) => {
                "Mouse: click an age to move there; click it again to answer with it. The wheel moves."
            }
            Screen::Review(_) => {
                "Mouse: click an answer to move there; click it again to change it. The wheel moves."
            }
            Screen::Preferences(_) => {
                "Mouse: click a tool to own it or not; click another row to move there, and the technique again to change it. The wheel moves."
            }
            Screen::Routine(_) => {
                "Mouse: click a step to see it in full, or the step's text to scroll it with the keys. The wheel scrolls the step's text."
            }
            Screen::BrowseList(s) if s.picker.is_some() => PICKER,
            Screen::Search(s) if s.picker.is_some() => PICKER,
            Screen::BrowseList(_) => {
                "Mouse: click a technique to move there; click it again to open it. The wheel moves."
            }
            Screen::Search(_) => {
                "Mouse: click a result to move there; click it again to open it. The wheel moves."
            }
            Screen::History(s) if s.confirm_delete => return None,
            Screen::History(s) if s.detail => "Mouse: the wheel scrolls.",
            Screen::History(_) => {
                "Mouse: click a session to move there; click it again to see it in full. The wheel moves."
            }
            Screen::Outcome(_) | Screen::Technique(_) | Screen::Session(_) | Screen::Done(_) => {
                "Mouse: the wheel scrolls."
            }
            Screen::Details(_) => {
                "Mouse: click a value to move there; click it again to change it to the next (on its < to the one before). The wheel moves between the areas."
            }
            Screen::Rate(_) => {
                "Mouse: click a rating to move there; click it again for one more (on its < for one less). The wheel moves between the areas."
            }
            Screen::Item(_) => {
                return None;
            }
        })
    }

    /// The text in front can scroll this far (measured by the last drawing).
    pub fn fit(&mut self, max: u16) {
        match self {
            Screen::Outcome(s) => s.scroll.fit(max),
            Screen::Routine(s) => s.scroll.fit(max),
            Screen::Technique(s) => s.scroll.fit(max),
            Screen::Session(s) => s.scroll.fit(max),
            Screen::Done(s) => s.scroll.fit(max),
            _ => {}
        }
    }

    /// Comes back to a page of the check left earlier: the cursor stays, the rest starts over.
    pub fn reenter(&mut self, kb: &'kb KnowledgeBase, answers: &Answers) {
        match self {
            Screen::Where(s) => s.pane = Pane::First,
            Screen::Review(s) => s.refresh(kb, answers),
            Screen::Outcome(s) => s.scroll = Scroll::default(),
            Screen::Routine(s) => {
                s.pane = Pane::First;
                s.scroll = Scroll::default();
            }
            _ => {}
        }
    }

    /// The interview's question this screen asks, if it is one.
    pub fn asked(&self) -> Option<&ask::Asked<'kb>> {
        match self {
            Screen::Gate(s) => Some(&s.at),
            Screen::Item(s) => Some(&s.at),
            Screen::Which(s) => Some(&s.at),
            Screen::Age(s) => Some(&s.at),
            Screen::Confirm(s) => Some(&s.at),
            _ => None,
        }
    }

    /// On a question screen: about how many questions are left, this one included (counted
    /// when the screen was made; drawing never walks the interview).
    pub fn progress(&self) -> Option<usize> {
        self.asked().map(|a| a.left)
    }

    /// The page of the check this screen shows, if it is one.
    pub fn page(&self) -> Option<Page> {
        self.id().page()
    }

    /// Draws the screen in `area`; returns how far its long text can scroll, if it has one.
    pub fn render(&self, shared: Shared<'_>, area: Rect, buf: &mut Buffer) -> Option<u16> {
        let mut fit = None;
        match self {
            Screen::Welcome(s) => View { state: s, shared }.render(area, buf),
            Screen::Where(s) => View { state: s, shared }.render(area, buf),
            Screen::Details(s) => View { state: s, shared }.render(area, buf),
            Screen::Gate(s) => View { state: s, shared }.render(area, buf),
            Screen::Item(s) => View { state: s, shared }.render(area, buf),
            Screen::Which(s) => View { state: s, shared }.render(area, buf),
            Screen::Age(s) => View { state: s, shared }.render(area, buf),
            Screen::Confirm(s) => View { state: s, shared }.render(area, buf),
            Screen::Review(s) => View { state: s, shared }.render(area, buf),
            Screen::Outcome(s) => View { state: s, shared }.render(area, buf, &mut fit),
            Screen::Preferences(s) => View { state: s, shared }.render(area, buf),
            Screen::Routine(s) => View { state: s, shared }.render(area, buf, &mut fit),
            Screen::BrowseList(s) => View { state: s, shared }.render(area, buf),
            Screen::Technique(s) => {
                View { state: s, shared }.render(area, buf, &mut fit);
            }
            Screen::Search(s) => View { state: s, shared }.render(area, buf),
            Screen::Rate(s) => View { state: s, shared }.render(area, buf),
            Screen::Session(s) => View { state: s, shared }.render(area, buf, &mut fit),
            Screen::Done(s) => View { state: s, shared }.render(area, buf, &mut fit),
            Screen::History(s) => View { state: s, shared }.render(area, buf),
        }
        fit
    }
}
