//! Preferences: minutes available, direct / indirect / let fascia choose, and the tools owned.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph, Wrap};

use crate::engine::Preference;
use crate::tui::app::{App, PREF_FIXED_ROWS};
use crate::tui::theme::Theme;

fn preference_words(p: Preference) -> &'static str {
    match p {
        Preference::Auto => "let fascia choose",
        Preference::Direct => "direct (firmer, on the tender spot)",
        Preference::Indirect => "indirect (gentle, gliding)",
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let [list, info] = area.layout(&Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(3),
    ]));
    let prefs = &app.answers.preferences;
    let mut items = vec![
        ListItem::new(Line::from(vec![
            Span::styled(format!("{:<12}", "Time"), theme.dim),
            Span::raw(format!("< {} minutes >", prefs.minutes)),
        ])),
        ListItem::new(Line::from(vec![
            Span::styled(format!("{:<12}", "Technique"), theme.dim),
            Span::raw(format!("< {} >", preference_words(prefs.technique))),
        ])),
    ];
    for (i, tool) in app.tools().iter().enumerate() {
        let owned = tool.always_owned || prefs.tools.contains(&tool.id);
        let mark = if owned { "[x] " } else { "[ ] " };
        let note = if tool.always_owned { " (always)" } else { "" };
        let style = if owned { theme.chosen } else { theme.text };
        items.push(ListItem::new(Line::from(vec![
            Span::styled(
                format!("{:<12}", if i == 0 { "Tools" } else { "" }),
                theme.dim,
            ),
            Span::styled(format!("{mark}{}{note}", tool.name), style),
        ])));
    }
    let block = Block::bordered()
        .title(" What you have ")
        .border_style(theme.border);
    let inner = block.inner(list);
    frame.render_widget(block, list);
    super::list(frame, inner, items, app.pref, true, theme);
    let text = match app.pref {
        0 => "How many minutes you have. Left and right change it.".to_owned(),
        1 => "Direct work presses firmly on tender spots; indirect work is lighter and glides. fascia picks by how it feels if you let it.".to_owned(),
        i => app.tools().get(i - PREF_FIXED_ROWS).map_or_else(String::new, |t| t.describe.clone()),
    };
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), info);
}
