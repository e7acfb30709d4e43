//! Browse: the techniques of one area (name, kind, pressure, tools, time), filtered by tool and
//! by direct or indirect.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph, Wrap};

use crate::report::{duration_range, region_name, tool_name};
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let body = super::browse_reminder(frame, area, theme);
    let [filters, list] = body.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
    ]));
    let tool = app
        .tool_filter
        .and_then(|i| app.kb.tools().get(i))
        .map_or("any", |t| t.name.as_str());
    let kind = app.kind_filter.map_or("any", |k| k.as_str());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("Tool: ", theme.dim),
            Span::styled(tool, theme.title),
            Span::styled("  (t)   Kind: ", theme.dim),
            Span::styled(kind, theme.title),
            Span::styled("  (f)", theme.dim),
        ])),
        filters,
    );
    let region = app
        .kb
        .regions()
        .get(app.browse_region)
        .map_or("", |r| r.id.as_str());
    let block = Block::bordered()
        .title(format!(" {} ", region_name(app.kb, region)))
        .border_style(theme.border);
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let techniques = app.browse_list();
    if techniques.is_empty() {
        let all = app.kb.techniques_for(region).count();
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled(
                    format!("None of the {all} techniques here matches the filter."),
                    theme.warn,
                ),
                Line::raw("Press t to change the tool or f to change direct/indirect."),
            ])
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    // Rows wrap rather than being cut off: 2 columns for the cursor, 3 for the indent, 1 for a
    // scrollbar.
    let width = usize::from(inner.width).saturating_sub(6);
    let items = techniques
        .iter()
        .map(|t| {
            let tools: Vec<&str> = t.tools.iter().map(|id| tool_name(app.kb, id)).collect();
            let [lo, hi] = t.dosage.total_seconds;
            let mut lines: Vec<Line<'_>> = super::wrap_words(&t.name, width + 3)
                .into_iter()
                .map(|l| Line::styled(l, theme.title))
                .collect();
            let about = format!(
                "{} · {} pressure · {} · {}",
                t.kind,
                t.pressure,
                duration_range(lo, hi),
                tools.join(", ")
            );
            lines.extend(
                super::wrap_words(&about, width)
                    .into_iter()
                    .map(|l| Line::raw(format!("   {l}"))),
            );
            ListItem::new(lines)
        })
        .collect();
    super::list(frame, inner, items, app.browse_row, true, theme);
}
