//! Rating each area before and after the session: pain or tightness, and how freely it moves.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::report::region_name;
use crate::tui::app::{App, Screen};
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let after = app.screen == Screen::RateAfter;
    let [intro, table] = area.layout(&Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(3),
    ]));
    let text = if after {
        if app.guided.completed {
            "Well done. How does each area feel now? Compare with before."
        } else {
            "Session ended early: that is fine, and it is saved as ended early. How does each area feel now?"
        }
    } else {
        "Before you start: how does each area feel right now? You will rate it again at the end."
    };
    frame.render_widget(
        Paragraph::new(Line::styled(text, theme.text)).wrap(Wrap { trim: true }),
        intro,
    );
    let block = Block::bordered()
        .title(" 0 = none / hardly, 10 = worst / freely ")
        .border_style(theme.border);
    let inner = block.inner(table);
    frame.render_widget(block, table);
    let mut lines = vec![Line::styled(
        format!(
            "  {:<26}{:<24}{}",
            "Area", "Pain or tightness", "Moves freely"
        ),
        theme.dim,
    )];
    for (i, r) in app.guided.ratings.iter().enumerate() {
        let score = if after {
            r.after.unwrap_or(r.before)
        } else {
            r.before
        };
        let mut spans = vec![Span::raw(format!(
            "  {:<26}",
            region_name(app.kb, &r.region)
        ))];
        for (f, value) in [score.pain, score.ease].into_iter().enumerate() {
            let selected = app.guided.rate_field == i * 2 + f;
            let was = if after {
                format!(
                    " (was {})",
                    if f == 0 { r.before.pain } else { r.before.ease }
                )
            } else {
                String::new()
            };
            let text = if selected {
                format!("< {value:>2} >{was}")
            } else {
                format!("  {value:>2}  {was}")
            };
            spans.push(Span::styled(
                format!("{text:<24}"),
                if selected { theme.cursor } else { theme.text },
            ));
        }
        lines.push(Line::from(spans));
    }
    // The movement test of each area, so "moves freely" is rated on a real movement.
    if let Some(routine) = app.routine() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            if after {
                "Do the same movement tests again, then rate:"
            } else {
                "First move each area, then rate how freely it moves:"
            },
            theme.title,
        ));
        for t in &routine.tests {
            lines.push(Line::raw(format!(
                "- {}: {}",
                region_name(app.kb, &t.region),
                t.how
            )));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
