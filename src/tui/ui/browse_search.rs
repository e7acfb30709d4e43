//! Browse: search techniques, areas and muscles by name; results as you type.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let body = super::browse_reminder(frame, area, theme);
    let [input, results] = body.layout(&Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(1),
    ]));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::raw(app.query.as_str()),
            Span::styled("_", theme.key),
        ]))
        .block(
            Block::bordered()
                .title(" Search ")
                .border_style(theme.title),
        ),
        input,
    );
    let hits = app.hits();
    if hits.is_empty() {
        let text = if app.query.is_empty() {
            "Type part of a technique, area or muscle name, like calf, roll or soleus."
        } else {
            "Nothing matches. Try fewer letters."
        };
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme.dim)).wrap(Wrap { trim: true }),
            results,
        );
        return;
    }
    let width = usize::from(results.width).saturating_sub(3);
    let items = hits
        .iter()
        .map(|h| {
            ListItem::new(
                super::wrap_words(&h.label, width)
                    .into_iter()
                    .map(Line::raw)
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    super::list(frame, results, items, app.hit, true, theme);
}
