//! Where: the body map (front and back) and the list of regions; space chooses an area. The
//! same picker opens an area's techniques when browsing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph, Widget, Wrap};

use super::{Cmd, Ctx, Pane, Screen, View, browse_list};
use crate::engine::RegionDetails;
use crate::flow::{self, Page};
use crate::tui::action::Action;
use crate::tui::body_map;
use crate::tui::keys::{
    BACK, BROWSE, Binding, DOWN, Key, MAP_LEFT, MAP_MOVE, MAP_RIGHT, SEARCH, START, UP, bind, label,
};
use crate::tui::widgets as parts;

const WHERE_KEYS: &[Binding] = &[
    UP,
    DOWN,
    MAP_LEFT,
    MAP_RIGHT,
    MAP_MOVE,
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

const BROWSE_KEYS: &[Binding] = &[
    UP,
    DOWN,
    MAP_LEFT,
    MAP_RIGHT,
    MAP_MOVE,
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
    pub pane: Pane,
    pub browsing: bool,
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
                if let Some(next) = body_map::step(ctx.kb, self.region, &action) {
                    self.region = next;
                }
            }
            Action::Up => self.region = self.region.saturating_sub(1),
            Action::Down => self.region = (self.region + 1).min(n - 1),
            _ => {}
        }
        Cmd::Stay
    }

    /// Chooses or un-chooses the region at `index` (body-map order).
    fn toggle(&mut self, ctx: &mut Ctx<'_, '_>, index: usize) {
        let Some(region) = ctx.kb.regions().get(index) else {
            return;
        };
        self.region = index;
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

    /// A click on a map cell or a list row chooses that area (or opens it, when browsing).
    pub fn click<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        let area = if self.browsing {
            let [_, rest] = body.layout(&Layout::vertical([
                Constraint::Length(1),
                Constraint::Min(1),
            ]));
            rest
        } else {
            body
        };
        let (map, list, _) = panes(self.pane, area);
        let mut hit = None;
        if let Some(index) = map.and_then(|m| body_map::hit(ctx.kb, map_inner(m), x, y)) {
            hit = Some((Pane::First, index));
        } else if let Some(list) = list {
            let inner = Block::bordered().inner(list);
            if inner.contains(Position::new(x, y)) {
                let index = parts::offset(self.region, inner.height) + usize::from(y - inner.y);
                if index < ctx.kb.regions().len() {
                    hit = Some((Pane::Second, index));
                }
            }
        }
        let Some((pane, index)) = hit else {
            return Cmd::Stay;
        };
        self.pane = pane;
        if self.browsing {
            self.open(ctx, index)
        } else {
            self.toggle(ctx, index);
            Cmd::Stay
        }
    }
}

impl Widget for View<'_, State> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = if self.state.browsing {
            parts::browse_reminder(buf, area, self.shared.theme)
        } else {
            area
        };
        picker(&self, buf, area);
    }
}

/// Width from which the map and the list sit side by side (below it, tab switches between them).
const SIDE_BY_SIDE: u16 = 100;

/// Where the map (inside its border) and the list go: `None` for a pane not shown.
fn panes(pane: Pane, area: Rect) -> (Option<Rect>, Option<Rect>, Rect) {
    let [top, info] = area.layout(&Layout::vertical([
        Constraint::Min(body_map::HEIGHT + 2),
        Constraint::Length(4),
    ]));
    if area.width >= SIDE_BY_SIDE {
        let [map, list] = top.layout(&Layout::horizontal([
            Constraint::Length(body_map::WIDTH + 4),
            Constraint::Min(20),
        ]));
        (Some(map), Some(list), info)
    } else if pane == Pane::First {
        (Some(top), None, info)
    } else {
        (None, Some(top), info)
    }
}

fn map_inner(map: Rect) -> Rect {
    let inner = Block::bordered().inner(map);
    inner.centered(
        Constraint::Length(body_map::WIDTH),
        Constraint::Length(body_map::HEIGHT),
    )
}

/// The body map and the list of areas.
fn picker(v: &View<'_, State>, buf: &mut Buffer, area: Rect) {
    let (state, kb, theme) = (v.state, v.shared.kb, v.shared.theme);
    let (map, list, info) = panes(state.pane, area);
    let is_chosen = |id: &str| !state.browsing && v.shared.answers.regions.contains_key(id);
    let focus_style = |pane| {
        if state.pane == pane {
            theme.title
        } else {
            theme.border
        }
    };
    if let Some(map) = map {
        let block = Block::bordered()
            .title(if state.browsing {
                format!(" Body map ({}: open) ", label(BROWSE_KEYS, &Action::Next))
            } else {
                format!(
                    " Body map ({}: choose) ",
                    label(WHERE_KEYS, &Action::Toggle)
                )
            })
            .border_style(focus_style(Pane::First));
        block.render(map, buf);
        draw_map(buf, map_inner(map), v, &is_chosen);
    }
    if let Some(list) = list {
        let block = Block::bordered()
            .title(" All areas ")
            .border_style(focus_style(Pane::Second));
        let inner = block.inner(list);
        block.render(list, buf);
        let items = kb
            .regions()
            .iter()
            .map(|r| {
                let chosen = is_chosen(&r.id);
                let mark = match (state.browsing, chosen) {
                    (true, _) => "",
                    (false, true) => "[x] ",
                    (false, false) => "[ ] ",
                };
                let style = if chosen { theme.chosen } else { theme.text };
                ListItem::new(Line::from(vec![
                    Span::styled(mark, style),
                    Span::styled(r.name.as_str(), style),
                ]))
            })
            .collect();
        parts::list(
            buf,
            inner,
            items,
            state.region,
            state.pane == Pane::Second || map.is_none(),
            theme,
        );
    }
    draw_info(buf, info, v);
}

fn draw_map(buf: &mut Buffer, area: Rect, v: &View<'_, State>, is_chosen: &dyn Fn(&str) -> bool) {
    let (state, theme) = (v.state, v.shared.theme);
    let half = body_map::CELL * 3;
    let titles = Line::from(vec![
        Span::styled(format!("{:^w$}", "FRONT", w = usize::from(half)), theme.dim),
        Span::raw(" ".repeat(usize::from(body_map::GAP))),
        Span::styled(format!("{:^w$}", "BACK", w = usize::from(half)), theme.dim),
    ]);
    Paragraph::new(titles).render(Rect::new(area.x, area.y, area.width, 1), buf);
    let current = v
        .shared
        .kb
        .regions()
        .get(state.region)
        .map(|r| r.id.as_str());
    for (row, col, id) in body_map::cells() {
        let chosen = is_chosen(id);
        let label = if chosen {
            format!("[{}]", body_map::label(id))
        } else {
            body_map::label(id).to_owned()
        };
        let mut style = if chosen { theme.chosen } else { theme.text };
        if current == Some(id) {
            style = if state.pane == Pane::First {
                theme.cursor
            } else {
                theme.cursor_unfocused
            };
        }
        let text = format!("{label:^w$}", w = usize::from(body_map::CELL));
        Paragraph::new(Span::styled(text, style)).render(body_map::cell_rect(area, row, col), buf);
    }
}

fn draw_info(buf: &mut Buffer, area: Rect, v: &View<'_, State>) {
    let (kb, answers, theme) = (v.shared.kb, v.shared.answers, v.shared.theme);
    let mut lines = Vec::new();
    if let Some(r) = kb.regions().get(v.state.region) {
        let chosen = if answers.regions.contains_key(&r.id) {
            " (chosen)"
        } else {
            ""
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{}{chosen}: ", r.name), theme.title),
            Span::raw(r.location.as_str()),
        ]));
    }
    let chosen: Vec<&str> = answers
        .chosen(kb)
        .iter()
        .filter_map(|id| kb.region(id))
        .map(|r| r.name.as_str())
        .collect();
    lines.push(Line::from(vec![
        Span::styled("Chosen: ", theme.dim),
        Span::raw(if chosen.is_empty() {
            "nothing yet".to_owned()
        } else {
            chosen.join(", ")
        }),
    ]));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
