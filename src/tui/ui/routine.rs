//! The routine: the steps with their time, and the selected step in full.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph};

use crate::engine::{Routine, Step, position_words};
use crate::report::{dose, duration, keep_off_lines, region_name, tool_line};
use crate::tui::app::{App, Pane};
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let Some(routine) = app.advice.as_ref().and_then(|a| a.routine.as_ref()) else {
        return;
    };
    let [top, body] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
    ]));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                format!(
                    "{} step{}, {} ",
                    routine.steps.len(),
                    if routine.steps.len() == 1 { "" } else { "s" },
                    duration(routine.total_seconds)
                ),
                theme.title,
            ),
            Span::styled(
                format!(
                    "of your {}. Press e to save it as Markdown.",
                    duration(routine.budget_seconds)
                ),
                theme.dim,
            ),
        ])),
        top,
    );
    let left_width = (body.width / 3).clamp(24, 40);
    let [left, right] = body.layout(&Layout::horizontal([
        Constraint::Length(left_width),
        Constraint::Min(20),
    ]));
    let focus = |pane| {
        if app.pane == pane {
            theme.title
        } else {
            theme.border
        }
    };
    let block = Block::bordered()
        .title(" Steps ")
        .border_style(focus(Pane::First));
    let inner = block.inner(left);
    frame.render_widget(block, left);
    let items = routine
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            ListItem::new(vec![
                Line::from(vec![Span::styled(
                    format!("{}. {}", i + 1, region_name(app.kb, &s.region)),
                    theme.title,
                )]),
                Line::raw(format!("   {} · {}", s.kind, duration(s.seconds))),
            ])
        })
        .collect();
    super::list(
        frame,
        inner,
        items,
        app.step,
        app.pane == Pane::First,
        theme,
    );

    let Some(step) = routine.steps.get(app.step) else {
        return;
    };
    let lines = step_lines(app, routine, step, theme);
    let block = Block::bordered()
        .title(" Step in full ")
        .border_style(focus(Pane::Second));
    super::scrolled_text(frame, right, lines, app.scroll, block);
}

/// What the step keeps off, titled, then a blank line (nothing when it is near no zone).
pub fn keep_off<'a>(step: &Step, theme: &Theme) -> Vec<Line<'a>> {
    let zones = keep_off_lines(step);
    if zones.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::styled("Keep off", theme.warn)];
    lines.extend(zones.into_iter().map(|z| Line::raw(format!("x {z}"))));
    lines.push(Line::raw(""));
    lines
}

fn field(name: &str, value: String, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{name}: "), theme.dim),
        Span::raw(value),
    ])
}

/// The selected step in full, then what was left out and what else to check.
fn step_lines<'a>(
    app: &'a App<'_>,
    routine: &'a Routine,
    step: &'a Step,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut lines = vec![
        Line::styled(step.name.as_str(), theme.title),
        Line::raw(""),
        field(
            "Kind",
            format!("{} ({} pressure)", step.kind, step.pressure),
            theme,
        ),
        field("Tool", tool_line(app.kb, step), theme),
        field("Position", position_words(step.position).to_owned(), theme),
        field("Dose", dose(step), theme),
        field("Why", step.reason.clone(), theme),
        Line::raw(""),
    ];
    if let Some(t) = routine.tests.iter().find(|t| t.region == step.region) {
        lines.push(Line::styled("Test before and after", theme.title));
        lines.push(Line::raw(t.how.clone()));
        lines.push(Line::raw(""));
    }
    lines.extend([Line::styled("How", theme.title)]);
    if let Some(t) = app.kb.technique(&step.technique) {
        lines.extend(
            t.steps
                .iter()
                .enumerate()
                .map(|(n, s)| Line::raw(format!("{}. {s}", n + 1))),
        );
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Cues", theme.title));
    lines.extend(step.cues.iter().map(|c| Line::raw(format!("- {c}"))));
    lines.push(Line::raw(""));
    lines.extend(keep_off(step, theme));
    lines.push(Line::styled("Stop if", theme.warn));
    lines.extend(step.stop_if.iter().map(|c| Line::raw(format!("! {c}"))));
    for l in &routine.left_out {
        lines.push(Line::raw(""));
        lines.push(field(
            "Left out",
            format!("{}: {}", region_name(app.kb, &l.region), l.reason),
            theme,
        ));
    }
    for s in &routine.suggestions {
        lines.push(Line::raw(""));
        lines.push(field(
            "Also check",
            format!("{}: {}", region_name(app.kb, &s.region), s.why),
            theme,
        ));
    }
    lines
}
