//! The question screens (emergency signs, health screen, area checks): a checklist of items,
//! each answered yes, no or not sure, with the selected question in full and why it is asked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph, Wrap};

use crate::engine::{Reply, fill};
use crate::tui::app::{App, Row};
use crate::tui::theme::Theme;

/// The answer column: words, never only a colour.
fn mark(reply: Option<Reply>) -> &'static str {
    match reply {
        Some(Reply::Yes) => "yes     ",
        Some(Reply::No) => "no      ",
        Some(Reply::NotSure) => "not sure",
        None => "   -    ",
    }
}

fn intro(app: &App<'_>) -> &'static str {
    match app.screen {
        crate::tui::app::Screen::Emergency => {
            "First, signs that need help now. They can feel like a tight muscle, so everyone is asked."
        }
        crate::tui::app::Screen::Health => {
            "Your health. Each answer only changes what is safe for you."
        }
        _ => "Questions about the areas you chose.",
    }
}

fn row_text(app: &App<'_>, row: &Row<'_>) -> String {
    format!(
        "{}{}",
        crate::report::about(app.kb, &row.regions),
        fill(&row.item.question, &app.emergency)
    )
}

fn split(area: Rect) -> [Rect; 3] {
    let detail = (area.height / 2).clamp(7, 12);
    area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(detail),
    ]))
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let Some(section) = app.screen.section() else {
        return;
    };
    let rows = app.rows(section);
    let [top, list, detail] = split(area);
    frame.render_widget(Paragraph::new(Line::styled(intro(app), theme.dim)), top);
    let items = rows
        .iter()
        .map(|row| {
            let reply = app.reply(row);
            let style = match reply {
                Some(Reply::Yes | Reply::NotSure) => theme.warn,
                _ => theme.text,
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!("{}  ", mark(reply)), style),
                Span::raw(row_text(app, row)),
            ]))
        })
        .collect();
    super::list(frame, list, items, app.question, true, theme);
    let Some(row) = rows.get(app.question) else {
        return;
    };
    let mut lines = vec![Line::styled(row_text(app, row), theme.title), Line::raw("")];
    lines.push(Line::from(vec![
        Span::styled("Why we ask: ", theme.dim),
        Span::raw(fill(&row.item.explain, &app.emergency)),
    ]));
    if let Some(c) = &row.item.clarifier {
        lines.push(Line::from(vec![
            Span::styled("Note: ", theme.dim),
            Span::raw(fill(c, &app.emergency)),
        ]));
    }
    lines.push(Line::raw(""));
    let current = app.reply(row);
    let mut choices = Vec::new();
    for (key, reply, word) in [
        ("y", Reply::Yes, "yes"),
        ("n", Reply::No, "no"),
        ("u", Reply::NotSure, "not sure"),
    ] {
        let style = if current == Some(reply) {
            theme.cursor
        } else {
            theme.text
        };
        choices.push(Span::styled(key, theme.key));
        choices.push(Span::styled(format!(" {word}"), style));
        choices.push(Span::raw("    "));
    }
    choices.push(Span::styled(
        "(not sure counts as yes, to be safe)",
        theme.dim,
    ));
    lines.push(Line::from(choices));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().border_style(theme.border)),
        detail,
    );
}

/// A click on a row selects it.
pub fn click(app: &mut App<'_>, area: Rect, _x: u16, y: u16) {
    let Some(section) = app.screen.section() else {
        return;
    };
    let [_, list, _] = split(area);
    if y >= list.y && y < list.y + list.height {
        let index = super::offset(app.question, list.height) + usize::from(y - list.y);
        if index < app.rows(section).len() {
            app.question = index;
        }
    }
}
