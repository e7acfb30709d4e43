//! Review: every answer on one screen; space goes back to change one, enter shows the result.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

use super::details::{feel_words, goal_words};
use crate::engine::Reply;
use crate::tui::app::{App, Screen};
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let [top, list] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
    ]));
    let yes = app
        .all_rows()
        .iter()
        .filter(|(_, r)| app.reply(r).is_some_and(Reply::fires))
        .count();
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("Check your answers. {yes} answered yes or not sure. Space changes one; enter shows the result."),
            theme.dim,
        )),
        top,
    );
    let mut items = Vec::new();
    for id in app.chosen() {
        let Some(d) = app.answers.regions.get(id) else {
            continue;
        };
        let name = app.kb.region(id).map_or(id, |r| r.name.as_str());
        items.push(ListItem::new(Line::from(vec![
            Span::styled(format!("{:<10}", "Area"), theme.dim),
            Span::styled(format!("{name}: "), theme.title),
            Span::raw(format!(
                "{}, {}/10, for {}, {}",
                feel_words(d.feel),
                d.intensity,
                d.since.as_str(),
                goal_words(d.goal)
            )),
        ])));
    }
    for (screen, row) in app.all_rows() {
        let section = match screen {
            Screen::Emergency => "Emergency",
            Screen::Health => "Health",
            _ => "Area",
        };
        let reply = app.reply(&row);
        let (word, style) = match reply {
            Some(Reply::Yes) => ("yes", theme.warn),
            Some(Reply::NotSure) => ("not sure", theme.warn),
            Some(Reply::No) => ("no", theme.text),
            None => ("not answered", theme.warn),
        };
        let about = crate::report::about(app.kb, &row.regions);
        items.push(ListItem::new(Line::from(vec![
            Span::styled(format!("{section:<10}"), theme.dim),
            Span::styled(format!("{word:<9} "), style),
            Span::raw(format!("{about}{}", row.item.question)),
        ])));
    }
    super::list(frame, list, items, app.review, true, theme);
}
