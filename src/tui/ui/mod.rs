//! Drawing: the frame around every screen (header, status, footer hints, overlays, the too-small
//! message) and the dispatch to one file per screen. Drawing only reads the app.

mod browse_list;
mod browse_regions;
mod browse_search;
mod browse_technique;
mod details;
mod done;
mod history;
mod outcome;
mod preferences;
mod questions;
mod rate;
mod review;
mod routine;
mod session;
mod welcome;
mod where_;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Clear, List, ListItem, ListState, Paragraph, Scrollbar, ScrollbarOrientation,
    ScrollbarState, Wrap,
};

use super::app::{App, Overlay, STEPS, Screen};
use super::keys::{self, Binding};
use super::theme::Theme;

/// The smallest terminal the app draws in (the browse screens manage with less).
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;
pub const MIN_BROWSE: (u16, u16) = (40, 12);

/// The smallest size the current screen draws in.
pub fn min_size(app: &App<'_>) -> (u16, u16) {
    if app.screen.is_browse() && app.overlay.is_none() {
        MIN_BROWSE
    } else {
        (MIN_WIDTH, MIN_HEIGHT)
    }
}

/// The one-line reminder every browse screen carries; returns the area below it.
pub fn browse_reminder(frame: &mut Frame<'_>, area: Rect, theme: &Theme) -> Rect {
    const TEXT: &str = "Browsing skips the safety check. Press s to start it.";
    // Two lines on a narrow window, so the reminder is never cut off.
    let height = if usize::from(area.width) >= TEXT.len() + 2 {
        1
    } else {
        2
    };
    let [line, rest] = area.layout(&Layout::vertical([
        Constraint::Length(height),
        Constraint::Min(1),
    ]));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("! ", theme.warn),
            Span::styled(TEXT, theme.warn),
        ]))
        .wrap(Wrap { trim: true }),
        line,
    );
    rest
}

/// The parts of the frame.
pub struct Areas {
    pub header: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

fn hint_spans(
    bindings: impl Iterator<Item = &'static Binding>,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for b in bindings.filter(|b| b.footer) {
        if !spans.is_empty() {
            spans.push(Span::styled("  ", theme.dim));
        }
        spans.push(Span::styled(b.label, theme.key));
        spans.push(Span::styled(format!(" {}", b.hint), theme.text));
    }
    spans
}

/// Splits the frame; the footer takes two lines when the hints do not fit on one.
pub fn areas(app: &App<'_>, area: Rect) -> Areas {
    let width: usize = app
        .bindings()
        .filter(|b| b.footer)
        .map(|b| b.label.chars().count() + b.hint.chars().count() + 3)
        .sum();
    let footer = if width > usize::from(area.width) {
        2
    } else {
        1
    };
    let status = u16::from(app.status.is_some());
    let [header, body, status, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(status),
        Constraint::Length(footer),
    ]));
    Areas {
        header,
        body,
        status,
        footer,
    }
}

/// Draws the whole frame.
pub fn draw(frame: &mut Frame<'_>, app: &App<'_>, theme: &Theme) {
    let area = frame.area();
    let (min_width, min_height) = min_size(app);
    if area.width < min_width || area.height < min_height {
        let text = vec![
            Line::styled("fascia needs a bigger window", theme.title),
            Line::raw(""),
            Line::raw(format!("at least {min_width} x {min_height}")),
            Line::raw(format!("now {} x {}", area.width, area.height)),
        ];
        let height = 4.min(area.height);
        let y = area.y + area.height.saturating_sub(height) / 2;
        frame.render_widget(
            Paragraph::new(text).centered().wrap(Wrap { trim: true }),
            Rect::new(area.x, y, area.width, height),
        );
        return;
    }
    let a = areas(app, area);
    draw_header(frame, a.header, app, theme);
    match app.screen {
        Screen::Welcome => welcome::draw(frame, a.body, app, theme),
        Screen::Where => where_::draw(frame, a.body, app, theme),
        Screen::Details => details::draw(frame, a.body, app, theme),
        Screen::Emergency | Screen::Health | Screen::Area => {
            questions::draw(frame, a.body, app, theme);
        }
        Screen::Review => review::draw(frame, a.body, app, theme),
        Screen::Outcome => outcome::draw(frame, a.body, app, theme),
        Screen::Preferences => preferences::draw(frame, a.body, app, theme),
        Screen::Routine => routine::draw(frame, a.body, app, theme),
        Screen::BrowseRegions => browse_regions::draw(frame, a.body, app, theme),
        Screen::BrowseList => browse_list::draw(frame, a.body, app, theme),
        Screen::BrowseTechnique => browse_technique::draw(frame, a.body, app, theme),
        Screen::BrowseSearch => browse_search::draw(frame, a.body, app, theme),
        Screen::RateBefore | Screen::RateAfter => rate::draw(frame, a.body, app, theme),
        Screen::Session => session::draw(frame, a.body, app, theme),
        Screen::Done => done::draw(frame, a.body, app, theme),
        Screen::History => history::draw(frame, a.body, app, theme),
    }
    if let Some(status) = &app.status {
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {status}"), theme.warn)),
            a.status,
        );
    }
    frame.render_widget(
        Paragraph::new(Line::from(hint_spans(app.bindings(), theme))).wrap(Wrap { trim: true }),
        a.footer,
    );
    match app.overlay {
        Some(Overlay::Help) => draw_help(frame, area, app, theme),
        Some(Overlay::ConfirmQuit) => draw_confirm(frame, area, theme),
        None => {}
    }
}

fn draw_header(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let mut spans = vec![Span::styled(" fascia ", theme.title)];
    if let Some((n, title)) = app.screen.step() {
        spans.push(Span::styled(format!("· Step {n} of {STEPS}: "), theme.dim));
        spans.push(Span::styled(title, theme.text));
    }
    let browsing = match app.screen {
        Screen::BrowseRegions => Some("Browse: areas".to_owned()),
        Screen::BrowseList => app
            .kb
            .regions()
            .get(app.browse_region)
            .map(|r| format!("Browse: {}", r.name)),
        Screen::BrowseTechnique => Some("Browse: technique".to_owned()),
        Screen::BrowseSearch => Some("Browse: search".to_owned()),
        Screen::RateBefore => Some("Guided session: before".to_owned()),
        Screen::Session => Some("Guided session".to_owned()),
        Screen::RateAfter => Some("Guided session: after".to_owned()),
        Screen::Done => Some("Guided session: done".to_owned()),
        Screen::History => Some("History".to_owned()),
        _ => None,
    };
    if let Some(title) = browsing {
        spans.push(Span::styled(format!("· {title}"), theme.text));
    }
    if let Some(page) = app.screen.page().filter(|p| p.is_question()) {
        let (done, asked) = crate::flow::progress(app.kb, &app.answers, page);
        spans.push(Span::styled(
            format!("  ({done} of {asked} answered)"),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A rectangle of at most `width` x `height` centred in `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (w, h) = (width.min(area.width), height.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn draw_help(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let mut lines = vec![
        Line::styled("Keys on this screen", theme.title),
        Line::raw(""),
    ];
    for b in app
        .screen_table()
        .iter()
        .chain(keys::GLOBAL)
        .filter(|b| !b.keys.is_empty())
    {
        lines.push(Line::from(vec![
            Span::styled(format!("{:>8}  ", b.label), theme.key),
            Span::raw(b.hint),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Mouse: click an area to choose or open it.",
        theme.dim,
    ));
    #[allow(clippy::cast_possible_truncation)] // a handful of lines
    let height = lines.len() as u16 + 2;
    let rect = centered(area, 64, height);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .title(" Help (esc closes) ")
                .border_style(theme.border),
        ),
        rect,
    );
}

fn draw_confirm(frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let rect = centered(area, 46, 5);
    frame.render_widget(Clear, rect);
    let text = vec![
        Line::raw("Quit fascia? Your answers will be lost."),
        Line::from(vec![
            Span::styled("y", theme.key),
            Span::raw(" quit   "),
            Span::styled("n", theme.key),
            Span::raw(" stay"),
        ]),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .centered()
            .block(Block::bordered().title(" Quit ").border_style(theme.border)),
        rect,
    );
}

/// Splits `text` into lines of at most `width` columns at spaces (long words are split too), so
/// list rows wrap instead of being cut off.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word = word.to_owned();
        while word.chars().count() > width {
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(head);
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The first row shown so that `selected` is visible in `height` rows.
pub fn offset(selected: usize, height: u16) -> usize {
    selected.saturating_sub(usize::from(height).saturating_sub(1))
}

/// A list with a cursor marker ("> ") that needs no colour, scrolled so the cursor shows.
pub fn list(
    frame: &mut Frame<'_>,
    area: Rect,
    items: Vec<ListItem<'_>>,
    selected: usize,
    focused: bool,
    theme: &Theme,
) {
    let inner_height = area.height;
    let mut state = ListState::default()
        .with_offset(offset(selected, inner_height))
        .with_selected(Some(selected));
    let total = items.len();
    let scrolls = total > usize::from(inner_height);
    // The last column is kept for the scrollbar, so it never covers text.
    let list_area = if scrolls {
        Rect {
            width: area.width.saturating_sub(1),
            ..area
        }
    } else {
        area
    };
    frame.render_stateful_widget(
        List::new(items)
            .highlight_symbol("> ")
            .highlight_style(if focused {
                theme.cursor
            } else {
                theme.cursor_unfocused
            })
            .highlight_spacing(ratatui::widgets::HighlightSpacing::Always),
        list_area,
        &mut state,
    );
    if scrolls {
        scrollbar(frame, area, total, selected);
    }
}

/// A vertical scrollbar on the right edge of `area`.
pub fn scrollbar(frame: &mut Frame<'_>, area: Rect, total: usize, position: usize) {
    let mut state = ScrollbarState::new(total).position(position);
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight),
        area,
        &mut state,
    );
}

/// Wrapped text scrolled by `scroll` lines (clamped to the end), with a scrollbar when it does
/// not fit. Returns nothing; the caller keeps `scroll` in the app.
pub fn scrolled_text(
    frame: &mut Frame<'_>,
    area: Rect,
    lines: Vec<Line<'_>>,
    scroll: u16,
    block: Block<'_>,
) {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // The last column is kept for the scrollbar, so it never covers text.
    let text_area = Rect {
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(text_area.width);
    let max = total.saturating_sub(usize::from(inner.height));
    let scroll = usize::from(scroll).min(max);
    #[allow(clippy::cast_possible_truncation)] // clamped to the text's own length
    frame.render_widget(paragraph.scroll((scroll as u16, 0)), text_area);
    if total > usize::from(inner.height) {
        scrollbar(frame, inner, max + 1, scroll);
    }
}

/// Handles a mouse click at (`x`, `y`) in a frame of size `area`.
pub fn click(app: &mut App<'_>, area: Rect, x: u16, y: u16) {
    let (min_width, min_height) = min_size(app);
    if app.overlay.is_some() || area.width < min_width || area.height < min_height {
        return;
    }
    let body = areas(app, area).body;
    match app.screen {
        Screen::Where => where_::click(app, body, x, y),
        Screen::BrowseRegions => {
            let [_, rest] = body.layout(&Layout::vertical([
                Constraint::Length(1),
                Constraint::Min(1),
            ]));
            where_::click(app, rest, x, y);
        }
        Screen::Emergency | Screen::Health | Screen::Area => questions::click(app, body, x, y),
        _ => {}
    }
}
