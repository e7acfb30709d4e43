//! Browse: one technique in full, wrapped and scrolled with a scrollbar at any size.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Block;

use crate::report::technique_sections;
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let body = super::browse_reminder(frame, area, theme);
    let Some(t) = app.technique.as_deref().and_then(|id| app.kb.technique(id)) else {
        return;
    };
    let mut lines = Vec::new();
    for (title, section) in technique_sections(app.kb, t, &app.emergency) {
        if section.is_empty() {
            continue;
        }
        lines.push(Line::styled(title, theme.title));
        lines.extend(section.into_iter().map(Line::raw));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(crate::report::DISCLAIMER, theme.dim));
    let block = Block::bordered()
        .title(format!(" {} ", t.name))
        .border_style(theme.border);
    super::scrolled_text(frame, body, lines, app.scroll, block);
}
