//! Where: the body map (front and back) and the list of regions; space chooses an area. The
//! same picker opens an area's techniques when browsing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph, Wrap};

use crate::tui::app::{App, Pane};
use crate::tui::body_map;
use crate::tui::theme::Theme;

/// Width from which the map and the list sit side by side (below it, tab switches between them).
const SIDE_BY_SIDE: u16 = 100;

/// Where the map (inside its border) and the list go: `None` for a pane not shown.
fn panes(app: &App<'_>, area: Rect) -> (Option<Rect>, Option<Rect>, Rect) {
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
    } else if app.pane == Pane::First {
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

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    picker(frame, area, app, theme);
}

/// Browsing opens an area instead of choosing it, and marks nothing as chosen.
fn browsing(app: &App<'_>) -> bool {
    app.screen == crate::tui::app::Screen::BrowseRegions
}

/// The body map and the list of areas.
pub fn picker(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let (map, list, info) = panes(app, area);
    let is_chosen = |id: &str| !browsing(app) && app.answers.regions.contains_key(id);
    let focus_style = |pane| {
        if app.pane == pane {
            theme.title
        } else {
            theme.border
        }
    };
    if let Some(map) = map {
        let block = Block::bordered()
            .title(if browsing(app) {
                " Body map (enter: open) "
            } else {
                " Body map (space: choose) "
            })
            .border_style(focus_style(Pane::First));
        frame.render_widget(block, map);
        draw_map(frame, map_inner(map), app, theme, &is_chosen);
    }
    if let Some(list) = list {
        let block = Block::bordered()
            .title(" All areas ")
            .border_style(focus_style(Pane::Second));
        let inner = block.inner(list);
        frame.render_widget(block, list);
        let items = app
            .kb
            .regions()
            .iter()
            .map(|r| {
                let chosen = is_chosen(&r.id);
                let mark = match (browsing(app), chosen) {
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
        super::list(
            frame,
            inner,
            items,
            app.region,
            app.pane == Pane::Second || map.is_none(),
            theme,
        );
    }
    draw_info(frame, info, app, theme);
}

fn draw_map(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App<'_>,
    theme: &Theme,
    is_chosen: &dyn Fn(&str) -> bool,
) {
    let half = body_map::CELL * 3;
    let titles = Line::from(vec![
        Span::styled(format!("{:^w$}", "FRONT", w = usize::from(half)), theme.dim),
        Span::raw(" ".repeat(usize::from(body_map::GAP))),
        Span::styled(format!("{:^w$}", "BACK", w = usize::from(half)), theme.dim),
    ]);
    frame.render_widget(
        Paragraph::new(titles),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let current = app.kb.regions().get(app.region).map(|r| r.id.as_str());
    for (row, col, id) in body_map::cells() {
        let chosen = is_chosen(id);
        let label = if chosen {
            format!("[{}]", body_map::label(id))
        } else {
            body_map::label(id).to_owned()
        };
        let mut style = if chosen { theme.chosen } else { theme.text };
        if current == Some(id) {
            style = if app.pane == Pane::First {
                theme.cursor
            } else {
                theme.cursor_unfocused
            };
        }
        let text = format!("{label:^w$}", w = usize::from(body_map::CELL));
        frame.render_widget(
            Paragraph::new(Span::styled(text, style)),
            body_map::cell_rect(area, row, col),
        );
    }
}

fn draw_info(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let mut lines = Vec::new();
    if let Some(r) = app.kb.regions().get(app.region) {
        let chosen = if app.answers.regions.contains_key(&r.id) {
            " (chosen)"
        } else {
            ""
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{}{chosen}: ", r.name), theme.title),
            Span::raw(r.location.as_str()),
        ]));
    }
    let chosen: Vec<&str> = app
        .chosen()
        .iter()
        .filter_map(|id| app.kb.region(id))
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
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

/// A click on a map cell or a list row chooses that area (or opens it, when browsing).
pub fn click(app: &mut App<'_>, area: Rect, x: u16, y: u16) {
    let (map, list, _) = panes(app, area);
    let act = |app: &mut App<'_>, index: usize| {
        if browsing(app) {
            app.region = index;
            app.open_region(index);
        } else {
            app.toggle_region(index);
        }
    };
    if let Some(index) = map.and_then(|m| body_map::hit(app.kb, map_inner(m), x, y)) {
        app.pane = Pane::First;
        act(app, index);
        return;
    }
    if let Some(list) = list {
        let inner = Block::bordered().inner(list);
        if inner.contains(ratatui::layout::Position::new(x, y)) {
            let index = super::offset(app.region, inner.height) + usize::from(y - inner.y);
            if index < app.kb.regions().len() {
                app.pane = Pane::Second;
                act(app, index);
            }
        }
    }
}
