//! Where: the body map (front and back) and the list of regions; space chooses an area. The
//! same picker opens an area's techniques when browsing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::where_map as map;
use super::{Cmd, Ctx, Pane, Screen, View, browse_list};
use crate::engine::RegionDetails;
use crate::flow::{self, Page};
use crate::kb::KnowledgeBase;
use crate::tui::action::Action;
use crate::tui::body_map;
use crate::tui::keys::{
    BACK, BROWSE, Binding, DOWN, FIRST, Key, LAST, MAP_LEFT, MAP_MOVE, MAP_RIGHT, PAGE_DOWN,
    PAGE_UP, SEARCH, START, UP, bind, label,
};
use crate::tui::widgets as parts;

pub(super) const WHERE_KEYS: &[Binding] = &[
    UP,
    DOWN,
    MAP_LEFT,
    MAP_RIGHT,
    MAP_MOVE,
    PAGE_UP,
    PAGE_DOWN,
    FIRST,
    LAST,
    bind(&[Key::Char(' ')], "space", "choose area", Action::Toggle),
    bind(
        &[Key::Tab, Key::BackTab],
        "tab",
        "map/list",
        Action::NextPane,
    ),
    bind(&[Key::Enter], "enter", "next", Action::Next),
    BACK,
    BROWSE,
];

pub(super) const BROWSE_KEYS: &[Binding] = &[
    UP,
    DOWN,
    MAP_LEFT,
    MAP_RIGHT,
    MAP_MOVE,
    PAGE_UP,
    PAGE_DOWN,
    FIRST,
    LAST,
    bind(&[Key::Enter, Key::Char(' ')], "enter", "open", Action::Next),
    bind(
        &[Key::Tab, Key::BackTab],
        "tab",
        "map/list",
        Action::NextPane,
    ),
    SEARCH,
    START,
    BACK,
];

/// The area under the cursor, the pane with the keyboard, and whether this is the library's
/// picker (it opens an area instead of choosing it, and marks nothing as chosen).
#[derive(Debug, Default)]
pub struct State {
    pub region: usize,
    /// The first row in view in the list, where the last click held it (`widgets::Cursor`).
    pub top: usize,
    pub pane: Pane,
    pub browsing: bool,
    /// The cursor is on the back view of the map (regions on both views show on each).
    pub back: bool,
    /// Which shape of the area the cursor is on (the left or the right forearm).
    pub part: usize,
}

impl State {
    /// The library's area picker.
    pub fn browse() -> Self {
        Self {
            browsing: true,
            ..Self::default()
        }
    }

    pub fn keys(&self) -> &'static [Binding] {
        if self.browsing {
            BROWSE_KEYS
        } else {
            WHERE_KEYS
        }
    }

    pub fn update<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        let n = ctx.kb.regions().len();
        match action {
            Action::Toggle | Action::Next if self.browsing => return self.open(ctx, self.region),
            Action::Toggle => self.toggle(ctx, self.region),
            Action::Next if ctx.answers.regions.is_empty() => {
                *ctx.status = Some(format!(
                    "Choose at least one area first: move to it and press {}.",
                    label(WHERE_KEYS, &Action::Toggle)
                ));
            }
            Action::Next => {
                if let Some(page) = flow::next(ctx.kb, ctx.answers, Page::Where, false) {
                    return Cmd::Page(page);
                }
            }
            Action::Back if self.browsing => return Cmd::Back,
            Action::Back => {
                return match flow::previous(ctx.kb, ctx.answers, Page::Where) {
                    Some(page) => Cmd::Page(page),
                    None => Cmd::Back,
                };
            }
            Action::NextPane => self.pane = self.pane.other(),
            Action::Up | Action::Down | Action::Left | Action::Right
                if self.pane == Pane::First =>
            {
                let here = body_map::Spot {
                    region: self.region,
                    back: self.back,
                    part: self.part,
                };
                match body_map::step(ctx.kb, here, &action) {
                    Some(next) => {
                        (self.region, self.back, self.part) = (next.region, next.back, next.part);
                    }
                    None => *ctx.status = Some(edge(&action)),
                }
            }
            ref a => {
                if let Some(region) = super::list_move(self.region, n, super::PAGE, a) {
                    self.part = 0;
                    self.select(ctx.kb, region);
                }
            }
        }
        Cmd::Stay
    }

    /// Puts the cursor on the region at `index` (body-map order), on a view that shows it.
    fn select(&mut self, kb: &KnowledgeBase, index: usize) {
        let Some(region) = kb.regions().get(index) else {
            return;
        };
        if self.region != index {
            self.part = 0;
        }
        self.region = index;
        if !body_map::shows_on(&region.id, self.back) {
            self.back = !self.back;
        }
    }

    /// Chooses or un-chooses the region at `index` (body-map order), moving the cursor there.
    fn toggle(&mut self, ctx: &mut Ctx<'_, '_>, index: usize) {
        self.select(ctx.kb, index);
        let Some(region) = ctx.kb.regions().get(index) else {
            return;
        };
        if ctx.answers.regions.remove(&region.id).is_none() {
            ctx.answers
                .regions
                .insert(region.id.clone(), RegionDetails::default());
        }
    }

    /// Browsing: the technique list of the area at `index`.
    fn open<'kb>(&mut self, ctx: &Ctx<'_, 'kb>, index: usize) -> Cmd<'kb> {
        self.region = index;
        Cmd::Push(Screen::BrowseList(browse_list::State::new(ctx.kb, index)))
    }

    /// A click on a region of the map or a list row gives that pane the keyboard and chooses
    /// the area (a checkbox: a second click un-chooses it); when browsing, it moves the cursor
    /// there, and a click on the area already under the cursor opens it.
    pub fn click<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        let panes = map::panes(self.pane, picker_area(self.browsing, body));
        let regions = ctx.kb.regions().len();
        let hit = if let Some(spot) = panes.map.and_then(|m| m.placement.hit(ctx.kb, x, y)) {
            Some((Pane::First, spot.region, Some((spot.back, spot.part))))
        } else {
            panes
                .list
                .and_then(|list| {
                    let inner = map::list_block().inner(list);
                    let cursor = (self.region, self.top);
                    let rows = parts::rows(regions);
                    let index = parts::item_at(inner, &rows, cursor, x, y)?;
                    self.top = parts::first_shown(&rows, cursor, inner.height);
                    Some(index)
                })
                .map(|index| (Pane::Second, index, None))
        };
        let Some((pane, index, spot)) = hit else {
            return Cmd::Stay;
        };
        if panes.map.is_some() && panes.list.is_some() {
            self.pane = pane;
        }
        if self.browsing && index == self.region {
            return self.open(ctx, index);
        }
        self.select(ctx.kb, index);
        if let Some((back, part)) = spot {
            (self.back, self.part) = (back, part);
        }
        if !self.browsing {
            self.toggle(ctx, index);
        }
        Cmd::Stay
    }
}

/// Where the picker goes in the screen's `body`: below the reminder when browsing.
fn picker_area(browsing: bool, body: Rect) -> Rect {
    if browsing {
        parts::browse_reminder_area(body, false)
    } else {
        body
    }
}

/// Where the body map is drawn on this screen with its `body` (for tests that click regions).
pub fn map_placement(state: &State, body: Rect) -> Option<crate::tui::body_map::Placement> {
    map::placement(state.pane, picker_area(state.browsing, body))
}

/// What an arrow says at the edge of the map.
fn edge(action: &Action) -> String {
    let way = match action {
        Action::Up => "above",
        Action::Down => "below",
        Action::Left => "further left",
        _ => "further right",
    };
    format!("Edge of the body map: no area {way}.")
}

impl Widget for View<'_, State> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = if self.state.browsing {
            parts::browse_reminder(buf, area, self.shared.theme, false)
        } else {
            area
        };
        map::picker(&self, buf, area);
    }
}
