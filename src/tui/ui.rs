//! Drawing: the frame around every screen (header, status, footer hints, overlays, the too-small
//! message); each screen draws its own body (`screens/`). Drawing only reads the app; what it
//! measures (how far the text in front can scroll) is returned, for the event loop to hand back
//! as an action.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::app::App;
use super::keys::{self, Binding};
use super::overlay::Overlay;
use super::screens::{Id, Shared};
use super::text;
use super::theme::Theme;
use crate::flow::STEPS;

/// The smallest terminal the app draws in (the browse screens manage with less).
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;
pub const MIN_BROWSE: (u16, u16) = (40, 12);

/// The smallest size the current screen draws in.
pub fn min_size(app: &App<'_>) -> (u16, u16) {
    if app.id().is_browse() && app.overlay.is_none() {
        MIN_BROWSE
    } else {
        (MIN_WIDTH, MIN_HEIGHT)
    }
}

/// Where a click lands on the screen's body: `None` under an overlay or in a window too small
/// to draw in.
pub fn clickable(app: &App<'_>, frame: Rect) -> Option<Rect> {
    let (min_width, min_height) = min_size(app);
    if app.overlay.is_some() || frame.width < min_width || frame.height < min_height {
        return None;
    }
    Some(areas(app, frame).body)
}

/// The parts of the frame.
pub struct Areas {
    pub header: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

/// The footer's hints packed into lines `width` columns wide, a binding never split across two
/// lines ("n none of" / "these" would read as two keys).
fn hint_lines(
    bindings: impl Iterator<Item = &'static Binding>,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let width = usize::from(width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut used = 0;
    for b in bindings.filter(|b| b.footer) {
        let hint = format!(" {}", b.hint);
        let w = b.label.width() + hint.width();
        if used > 0 && used + 2 + w > width {
            used = 0;
        }
        if used == 0 {
            lines.push(Line::default());
        } else if let Some(line) = lines.last_mut() {
            line.push_span(Span::styled("  ", theme.dim));
            used += 2;
        }
        if let Some(line) = lines.last_mut() {
            line.push_span(Span::styled(b.label, theme.key));
            line.push_span(Span::styled(hint, theme.text));
        }
        used += w;
    }
    lines
}

/// Splits the frame; the footer takes as many lines as its hints pack into (at most three).
pub fn areas(app: &App<'_>, area: Rect) -> Areas {
    let theme = Theme::new(true);
    let footer = hint_lines(app.bindings(), &theme, area.width.saturating_sub(2)).len();
    let footer = u16::try_from(footer).unwrap_or(3).clamp(1, 3);
    let status = u16::from(app.status.is_some());
    // One column of margin left and right: text never touches the window's edges.
    let area = area.inner(ratatui::layout::Margin::new(1, 0));
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
pub fn draw(frame: &mut Frame<'_>, app: &App<'_>, theme: &Theme) -> Option<u16> {
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
        return None;
    }
    let a = areas(app, area);
    draw_header(frame, a.header, app, theme);
    let shared = Shared {
        kb: app.kb,
        answers: &app.answers,
        emergency: &app.emergency,
        theme,
        now: app.now,
        sessions: app.sessions,
        remembering: app.profiles.is_some(),
    };
    let fit = app.screen().render(shared, a.body, frame.buffer_mut());
    if let Some(status) = &app.status {
        frame.render_widget(
            Paragraph::new(text::fit_line(
                Line::styled(status.clone(), theme.warn),
                usize::from(a.status.width),
            )),
            a.status,
        );
    }
    frame.render_widget(
        Paragraph::new(hint_lines(app.bindings(), theme, a.footer.width)).wrap(Wrap { trim: true }),
        a.footer,
    );
    match app.overlay {
        Some(Overlay::Help) => draw_help(frame, area, app, theme),
        Some(Overlay::ConfirmQuit) => draw_confirm(frame, area, app, theme),
        None => {}
    }
    fit
}

fn draw_header(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let mut spans = vec![Span::styled("fascia ", theme.title)];
    let id = app.id();
    if let Some((n, title)) = id.step() {
        spans.push(Span::styled(format!("· Step {n} of {STEPS}: "), theme.dim));
        spans.push(Span::styled(title, theme.text));
    }
    let browsing = match id {
        Id::BrowseList => app.browsed_region().map(|r| format!("Browse: {}", r.name)),
        id => id.title().map(str::to_owned),
    };
    if let Some(title) = browsing {
        spans.push(Span::styled(format!("· {title}"), theme.text));
    }
    if let Some(left) = app.screen().progress() {
        let s = if left == 1 { "" } else { "s" };
        spans.push(Span::styled(
            format!("  (about {left} question{s} left)"),
            theme.dim,
        ));
    }
    let line = text::fit_line(Line::from(spans), usize::from(area.width));
    frame.render_widget(Paragraph::new(line), area);
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
    let bindings: Vec<&Binding> = app
        .screen_table()
        .iter()
        .chain(keys::GLOBAL)
        .filter(|b| !b.keys.is_empty())
        .collect();
    let entry = |b: &Binding| {
        vec![
            Span::styled(format!("{:>8}  ", b.label), theme.key),
            Span::raw(b.hint),
        ]
    };
    let width: u16 = if area.width >= 100 { 96 } else { 64 };
    let room = usize::from(area.height.saturating_sub(6));
    // Two columns when one would not fit the window's height (each cut with an ellipsis).
    if bindings.len() > room {
        let half = usize::from(width.min(area.width).saturating_sub(4) / 2);
        for pair in bindings.chunks(2) {
            let left = text::fit_line(Line::from(entry(pair[0])), half - 1);
            let pad = half.saturating_sub(left.width());
            let mut spans = left.spans;
            spans.push(Span::raw(" ".repeat(pad)));
            if let Some(b) = pair.get(1) {
                spans.extend(text::fit_line(Line::from(entry(b)), half).spans);
            }
            lines.push(Line::from(spans));
        }
    } else {
        lines.extend(bindings.into_iter().map(|b| Line::from(entry(b))));
    }
    if let Some(mouse) = app.screen().mouse_help() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(mouse, theme.dim));
    }
    let inner_width = width.min(area.width).saturating_sub(4);
    let height = text::wrapped_height(&lines, inner_width) + 2;
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(text::boxed(" Help (esc closes) ", theme.border)),
        rect,
    );
}

fn draw_confirm(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let rect = centered(area, 46, 5);
    frame.render_widget(Clear, rect);
    let question = match app.id() {
        Id::Session => "Quit? The session is saved as ended early.",
        Id::RateAfter => "Quit? The session is saved with these ratings.",
        _ => "Quit fascia? Your answers will be lost.",
    };
    let text = vec![
        Line::raw(question),
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
