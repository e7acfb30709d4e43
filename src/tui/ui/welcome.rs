//! The welcome screen: what fascia is and is not, the emergency notice, and the menu.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::keys::WELCOME_MENU;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let area = area.centered_horizontally(Constraint::Max(76));
    let [intro, menu, _] = area.layout(&Layout::vertical([
        Constraint::Length(12),
        Constraint::Length(3),
        Constraint::Min(0),
    ]));
    let text = vec![
        Line::raw(""),
        Line::styled("fascia", theme.title),
        Line::raw("Safe self-massage for tight or sore muscles."),
        Line::raw(""),
        Line::raw(
            "fascia asks where it hurts and about your health, checks for warning signs, and then builds a short routine with the foam roller, ball or stick you own, or just your hands.",
        ),
        Line::raw(""),
        Line::from(vec![
            Span::styled(" ! ", theme.danger),
            Span::styled(
                format!(
                    " Not for emergencies. Chest pain, sudden trouble breathing, signs of a stroke or a sudden severe headache: call {} now.",
                    app.emergency
                ),
                theme.warn,
            ),
        ]),
        Line::raw(""),
        Line::styled(
            "fascia is not a diagnosis. When in doubt it sends you to a doctor or physio.",
            theme.dim,
        ),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), intro);
    let items = WELCOME_MENU
        .iter()
        .map(|item| {
            ListItem::new(Line::from(vec![
                Span::styled(format!("{:<7}", item.label), theme.title),
                Span::raw(item.description),
            ]))
        })
        .collect();
    super::list(frame, menu, items, app.welcome, true, theme);
}
