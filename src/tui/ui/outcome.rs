//! The result: an unmistakable referral screen for emergency, urgent and see-a-clinician
//! outcomes, or the summary of what was left out or made gentler before the routine.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use ratatui::style::Style;

use crate::engine::{Outcome, Screening};
use crate::kb::Tier;
use crate::report::headline;
use crate::summary::{BlockKind, STOPPED_EARLY, blocks};
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let Some(advice) = &app.advice else { return };
    let s = &advice.screening;
    let (banner_style, banner) = match s.outcome {
        Outcome::Emergency => (
            theme.danger,
            format!(
                "!! {} - CALL {} NOW !!",
                headline(s.outcome).to_uppercase(),
                app.emergency.to_uppercase()
            ),
        ),
        Outcome::Urgent => (
            theme.danger,
            format!("!! {} !!", headline(s.outcome).to_uppercase()),
        ),
        Outcome::Refer | Outcome::NothingSafe => (theme.warn, format!("! {}", headline(s.outcome))),
        Outcome::Routine => (theme.ok, "You can go ahead".to_owned()),
    };
    let [top, body] = area.layout(&Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(3),
    ]));
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(banner, banner_style),
            Line::raw(s.message.as_str()),
        ])
        .wrap(Wrap { trim: true }),
        top,
    );
    let mut lines = reasons(app, s, banner_style, theme);
    if s.outcome == Outcome::Routine && s.excluded.is_empty() && s.modifications.is_empty() {
        lines.push(Line::raw(
            "Nothing you told us rules out an area or needs a gentler routine.",
        ));
        lines.push(Line::raw(""));
    }
    if s.outcome == Outcome::Routine {
        lines.push(Line::styled(
            "Press enter to choose your tools and how much time you have.",
            theme.title,
        ));
    } else {
        lines.push(Line::styled(
            "Press e to save this summary for your doctor or physio.",
            theme.dim,
        ));
    }
    lines.push(Line::styled(crate::report::DISCLAIMER, theme.dim));
    super::scrolled_text(
        frame,
        body,
        lines,
        app.scroll,
        Block::bordered().border_style(theme.border),
    );
}

/// Why the result is what it is: the shared blocks (referrals, areas left out, what was made
/// gentler and every caution that fired, or under a referral what to tell the clinician).
fn reasons<'a>(
    app: &'a App<'_>,
    s: &'a Screening,
    banner_style: Style,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut lines: Vec<Line<'_>> = Vec::new();
    if s.stopped_early {
        lines.push(Line::styled(STOPPED_EARLY, theme.warn));
        lines.push(Line::styled(
            "Press esc to go back to the question.",
            theme.title,
        ));
        lines.push(Line::raw(""));
    }
    for block in blocks(app.kb, s) {
        lines.push(Line::styled(block.title, theme.title));
        let (marker, style) = match block.kind {
            BlockKind::Why => ("!  ", banner_style),
            BlockKind::LeftOut => ("x  ", theme.warn),
            BlockKind::Gentler => ("~  ", theme.warn),
            BlockKind::Noted => ("-  ", theme.dim),
        };
        for e in block.entries {
            let marker = if e.tier.is_some_and(|t| t >= Tier::Urgent) {
                "!! "
            } else {
                marker
            };
            lines.push(Line::from(vec![
                Span::styled(marker, style),
                Span::styled(e.head, theme.text),
            ]));
            for line in e.body {
                lines.push(Line::raw(format!("   {line}")));
            }
            if let Some(n) = e.not_sure {
                lines.push(Line::styled(format!("   {n}"), theme.warn));
            }
        }
        lines.push(Line::raw(""));
    }
    lines
}
