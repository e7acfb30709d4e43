//! Drawing the area picker: the body map (front and back silhouettes, the area under the cursor
//! drawn as a lattice and marked, chosen areas filled), the name of the area under the cursor
//! beside it, and the list of every area (the accessible twin of the map). The layout is shared
//! with clicks, so a click lands where the drawing put things.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph, Widget, Wrap};

use super::where_::{BROWSE_KEYS, State, WHERE_KEYS};
use super::{Pane, View};
use crate::tui::action::Action;
use crate::tui::body_map::{self, Cell, Placement};
use crate::tui::keys::label;
use crate::tui::text;
use crate::tui::widgets as parts;

/// Width from which the map and the list sit side by side (below it, tab switches between them).
const SIDE_BY_SIDE: u16 = 100;
/// The narrowest the name beside the map may be.
const INFO_MIN: u16 = 18;

/// Where the map and the list go (`None` for a pane not shown), and the area's name and notes.
pub struct Panes {
    pub map: Option<MapPane>,
    pub list: Option<Rect>,
    pub info: Rect,
}

/// The map's box and where the map sits in it.
#[derive(Clone, Copy)]
pub struct MapPane {
    pub block: Rect,
    pub placement: Placement,
}

/// The map's box: the silhouettes, one cell of padding, the border.
fn map_pane(room: Rect) -> MapPane {
    // The largest scale that leaves room for the list beside it.
    let scale = (1..=3)
        .rev()
        .find(|&s| {
            let (w, h) = Placement::size(s);
            room.width >= w + 4 + 40 && room.height >= h + 2
        })
        .unwrap_or(1);
    let (w, h) = Placement::size(scale);
    let block = Rect::new(
        room.x,
        room.y,
        (w + 4).min(room.width),
        (h + 2).min(room.height),
    );
    let placement = Placement::fit(map_block().inner(block));
    MapPane { block, placement }
}

/// Where the map is drawn for a picker in `area` (the screen's body below any reminder).
pub fn placement(pane: Pane, area: Rect) -> Option<Placement> {
    panes(pane, area).map.map(|m| m.placement)
}

pub fn map_block<'a>() -> Block<'a> {
    text::boxed("", Style::new())
}

pub fn list_block<'a>() -> Block<'a> {
    text::boxed("", Style::new())
}

/// The layout of the picker in `area` with `pane` in front.
pub fn panes(pane: Pane, area: Rect) -> Panes {
    if area.width >= SIDE_BY_SIDE {
        let map = map_pane(area);
        let [_, right] = area.layout(&Layout::horizontal([
            Constraint::Length(map.block.width + 1),
            Constraint::Min(20),
        ]));
        let [info, list] = right.layout(&Layout::vertical([
            Constraint::Length(5),
            Constraint::Min(3),
        ]));
        return Panes {
            map: Some(map),
            list: Some(list),
            info,
        };
    }
    if pane == Pane::First {
        let map = map_pane(area);
        let info = Rect {
            x: map.block.right() + 1,
            width: area.right().saturating_sub(map.block.right() + 1),
            ..area
        };
        if info.width >= INFO_MIN {
            return Panes {
                map: Some(map),
                list: None,
                info,
            };
        }
    }
    let [list, info] = area.layout(&Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(4),
    ]));
    Panes {
        map: if pane == Pane::First {
            Some(map_pane(list))
        } else {
            None
        },
        list: (pane == Pane::Second).then_some(list),
        info,
    }
}

/// The body map, the name of the area under the cursor, and the list.
pub fn picker(v: &View<'_, State>, buf: &mut Buffer, area: Rect) {
    let (state, theme) = (v.state, v.shared.theme);
    let panes = panes(state.pane, area);
    let focus = |pane| {
        if state.pane == pane {
            theme.title
        } else {
            theme.border
        }
    };
    let both = panes.map.is_some() && panes.list.is_some();
    if let Some(map) = panes.map {
        let key = if state.browsing {
            format!(" Body map ({}: open) ", label(BROWSE_KEYS, &Action::Next))
        } else {
            format!(
                " Body map ({}: choose) ",
                label(WHERE_KEYS, &Action::Toggle)
            )
        };
        text::boxed(
            text::ellipsis(&key, usize::from(map.block.width.saturating_sub(2))),
            focus(Pane::First),
        )
        .render(map.block, buf);
        draw_map(buf, map.placement, v, state.pane == Pane::First || !both);
    }
    if let Some(list) = panes.list {
        draw_list(
            buf,
            list,
            v,
            focus(Pane::Second),
            state.pane == Pane::Second || !both,
        );
    }
    draw_info(buf, panes.info, v);
}

fn is_chosen(v: &View<'_, State>, id: &str) -> bool {
    !v.state.browsing && v.shared.answers.regions.contains_key(id)
}

fn draw_list(buf: &mut Buffer, list: Rect, v: &View<'_, State>, border: Style, focused: bool) {
    let (state, theme) = (v.state, v.shared.theme);
    let block = text::boxed(" All areas ", border);
    let inner = block.inner(list);
    block.render(list, buf);
    let items = v
        .shared
        .kb
        .regions()
        .iter()
        .map(|r| {
            let chosen = is_chosen(v, &r.id);
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
    parts::list(buf, inner, items, (state.region, state.top), focused, theme);
}

/// The silhouettes: the body between areas lightly shaded, each area shaded (neighbours never
/// alike, so each shape shows), chosen areas filled (neighbours again in different fills), the
/// area under the cursor drawn as a lattice of its own, highlighted, and pointed at from the gap
/// between the views (so it shows without colour too).
fn draw_map(buf: &mut Buffer, p: Placement, v: &View<'_, State>, focused: bool) {
    let (state, theme, kb) = (v.state, v.shared.theme, v.shared.kb);
    let current = kb.regions().get(state.region).map(|r| r.id.as_str());
    let area = p.area;
    for (back, title) in [(false, "Front"), (true, "Back")] {
        let w = usize::from(body_map::COLS * p.scale);
        let x = p.view_x(back);
        buf.set_stringn(x, area.y, format!("{title:^w$}"), w, theme.dim);
    }
    for back in [false, true] {
        for row in 0..body_map::ROWS {
            let mut marked = false;
            for col in 0..body_map::COLS {
                let (glyph, style) = match body_map::cell(back, col, row) {
                    Cell::Outside => continue,
                    Cell::Body => ('░', theme.dim),
                    Cell::Region(id) if current == Some(id) && back == state.back => {
                        marked = true;
                        let glyph = if is_chosen(v, id) {
                            CURSOR_CHOSEN
                        } else {
                            CURSOR
                        };
                        let style = if focused {
                            theme.map_cursor
                        } else {
                            theme.cursor_unfocused
                        };
                        (glyph, style)
                    }
                    Cell::Region(id) if is_chosen(v, id) => (CHOSEN[shade(id)], theme.chosen),
                    Cell::Region(id) => (SHADES[shade(id)], theme.text),
                };
                for dy in 0..p.scale {
                    for dx in 0..p.scale {
                        let (x, y) = (
                            p.view_x(back) + col * p.scale + dx,
                            area.y + 1 + row * p.scale + dy,
                        );
                        if x < area.right() && y < area.bottom() {
                            buf[(x, y)].set_char(glyph).set_style(style);
                        }
                    }
                }
            }
            if marked {
                // The marker points at the view from the gap between the two.
                let (x, mark) = if back {
                    (p.view_x(true).saturating_sub(2), '▶')
                } else {
                    (p.view_x(false) + body_map::COLS * p.scale + 1, '◀')
                };
                for dy in 0..p.scale {
                    let y = area.y + 1 + row * p.scale + dy;
                    if x < area.right() && y < area.bottom() {
                        buf[(x, y)].set_char(mark).set_style(theme.title);
                    }
                }
            }
        }
    }
}

/// The glyphs of an area's shade, and of its shade when chosen: textures rather than colours,
/// so areas that touch differ without colour too.
const SHADES: [char; 3] = ['▒', '▓', '▚'];
const CHOSEN: [char; 3] = ['█', '▇', '▉'];
/// The area under the cursor: a lattice no area is drawn in, light (`╳`) when the area is not
/// chosen, double (`╬`) when it is, so without colour it looks like neither a chosen area's fill
/// nor any area's shade (a test checks every area as the cursor).
const CURSOR: char = '╳';
const CURSOR_CHOSEN: char = '╬';

/// Which of the three shades an area is drawn in: no two areas that touch, on either view,
/// share one (a test checks the drawing against the art).
fn shade(id: &str) -> usize {
    match id {
        "jaw" | "neck" | "upper_back" | "forearms" | "hip_flexors" | "glutes" | "shins"
        | "calves" => 1,
        "rotator_cuff" | "lower_back" | "quads" | "hamstrings" => 2,
        _ => 0,
    }
}

/// The area under the cursor (its full name, the view, whether it is chosen, where it is) and
/// what is chosen so far.
fn draw_info(buf: &mut Buffer, area: Rect, v: &View<'_, State>) {
    let (kb, theme, state) = (v.shared.kb, v.shared.theme, v.state);
    let mut lines = Vec::new();
    if let Some(r) = kb.regions().get(state.region) {
        let view = if state.back { "back" } else { "front" };
        let mut head = vec![
            Span::styled(r.name.as_str(), theme.title),
            Span::styled(format!(" ({view})"), theme.dim),
        ];
        if is_chosen(v, &r.id) {
            head.push(Span::styled(" ✓ chosen", theme.chosen));
        }
        lines.push(Line::from(head));
        lines.push(Line::raw(text::keep_units(&r.location)));
    }
    if !state.browsing {
        let chosen: Vec<&str> = v
            .shared
            .answers
            .chosen(kb)
            .iter()
            .filter_map(|id| kb.region(id))
            .map(|r| r.name.as_str())
            .collect();
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled("Chosen: ", theme.dim),
            Span::raw(if chosen.is_empty() {
                "nothing yet".to_owned()
            } else {
                chosen.join(", ")
            }),
        ]));
    }
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let height = text::wrapped_height(&lines, inner.width);
    if height > inner.height && inner.height > 0 {
        // Cut visibly: the last row that shows ends with an ellipsis.
        let paragraph = Paragraph::new(lines).wrap(Wrap { trim: true });
        paragraph.render(inner, buf);
        let (x, y) = (inner.right() - 1, inner.bottom() - 1);
        buf[(x, y)].set_char(text::ELLIPSIS);
        return;
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}
