//! Details: for each chosen area, what it feels like, how strong, since when, and the goal.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::kb::{Feel, Goal};
use crate::tui::app::{App, FIELDS, Field};
use crate::tui::theme::Theme;

pub fn feel_words(f: Feel) -> &'static str {
    match f {
        Feel::Tight => "tight or stiff",
        Feel::SoreAfterExercise => "sore after exercise",
        Feel::Knot => "a tender knot",
        Feel::AchingLongTerm => "aching for weeks",
    }
}

pub fn goal_words(g: Goal) -> &'static str {
    match g {
        Goal::WarmUp => "warm up",
        Goal::Recover => "recover",
        Goal::Relief => "general relief",
    }
}

fn help(field: Field) -> &'static str {
    match field {
        Field::Feel => "What does it feel like? Left and right change the answer.",
        Field::Intensity => "How strong is it? 0 is nothing, 10 is the worst you can imagine.",
        Field::Since => "Since when has it felt like this: days, weeks or months?",
        Field::Goal => {
            "What do you want: warm up before activity, recover after it, or general relief?"
        }
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let [table, info] = area.layout(&Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(3),
    ]));
    let block = Block::bordered()
        .title(" Each area you chose ")
        .border_style(theme.border);
    let inner = block.inner(table);
    frame.render_widget(block, table);
    let mut lines = vec![Line::styled(
        format!(
            "  {:<22}{:<22}{:<10}{:<9}{}",
            "Area", "Feels", "Strength", "Since", "Goal"
        ),
        theme.dim,
    )];
    for (i, id) in app.chosen().iter().enumerate() {
        let Some(d) = app.answers.regions.get(*id) else {
            continue;
        };
        let name = app.kb.region(id).map_or(*id, |r| r.name.as_str());
        let values = [
            feel_words(d.feel).to_owned(),
            format!("{}/10", d.intensity),
            d.since.as_str().to_owned(),
            goal_words(d.goal).to_owned(),
        ];
        let widths = [22, 10, 9, 16];
        let mut spans = vec![Span::raw(format!("  {:<22}", truncate(name, 21)))];
        for (f, (value, width)) in values.iter().zip(widths).enumerate() {
            let selected = app.field == i * FIELDS.len() + f;
            let text = if selected {
                format!("<{value}>")
            } else {
                format!(" {value} ")
            };
            spans.push(Span::styled(
                format!("{text:<width$}"),
                if selected { theme.cursor } else { theme.text },
            ));
        }
        lines.push(Line::from(spans));
    }
    let cursor_row = u16::try_from(app.field / FIELDS.len() + 1).unwrap_or(u16::MAX);
    let scroll = cursor_row.saturating_sub(inner.height.saturating_sub(1));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
    let text = Line::from(vec![
        Span::styled("  ", theme.text),
        Span::raw(help(FIELDS[app.field % FIELDS.len()])),
    ]);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), info);
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        s.chars().take(max - 1).chain(['…']).collect()
    }
}
