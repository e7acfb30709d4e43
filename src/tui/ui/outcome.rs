//! The result: an unmistakable referral screen for emergency, urgent and see-a-clinician
//! outcomes, or the summary of what was left out or made gentler before the routine.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use ratatui::style::Style;

use crate::engine::{Outcome, Reply, Screening};
use crate::kb::Tier;
use crate::report::{headline, region_name};
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

/// Why the result is what it is: referrals, areas left out, and what was made gentler.
fn reasons<'a>(
    app: &'a App<'_>,
    s: &'a Screening,
    banner_style: Style,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut lines: Vec<Line<'_>> = Vec::new();
    let question = |id: &str| app.kb.item(id).map(|i| i.question.clone());
    if !s.referrals.is_empty() {
        lines.push(Line::styled("Why", theme.title));
        for f in &s.referrals {
            let how = if f.answer == Reply::NotSure {
                "You were not sure about"
            } else {
                "You answered yes to"
            };
            let what =
                question(&f.id).unwrap_or_else(|| "a combination of your answers".to_owned());
            let marker = if f.tier >= Tier::Urgent { "!! " } else { "!  " };
            lines.push(Line::from(vec![
                Span::styled(marker, banner_style),
                Span::styled(format!("{how}: {what}"), theme.text),
            ]));
            lines.push(Line::raw(format!("   {}", f.message)));
            if let Some(n) = &f.not_sure {
                lines.push(Line::styled(format!("   {n}"), theme.warn));
            }
            lines.push(Line::raw(""));
        }
    }
    if !s.excluded.is_empty() {
        lines.push(Line::styled("Left out", theme.title));
        for e in &s.excluded {
            lines.push(Line::from(vec![
                Span::styled("x  ", theme.warn),
                Span::styled(region_name(app.kb, &e.region), theme.title),
            ]));
            lines.push(Line::raw(format!("   {}", e.message)));
        }
        lines.push(Line::raw(""));
    }
    if !s.modifications.is_empty() {
        lines.push(Line::styled("Made gentler", theme.title));
        for m in &s.modifications {
            lines.push(Line::from(vec![
                Span::styled("~  ", theme.warn),
                Span::styled(format!("{}: ", region_name(app.kb, &m.region)), theme.title),
                Span::raw(m.details.join("; ")),
            ]));
        }
        for f in s.fired.iter().filter(|f| {
            f.tier == Tier::Caution
                && !(f.regions.is_empty() && f.scope == crate::engine::Scope::Regions)
        }) {
            lines.push(Line::raw(format!("   {}", f.message)));
            if let Some(n) = &f.not_sure {
                lines.push(Line::styled(format!("   {n}"), theme.warn));
            }
        }
        lines.push(Line::raw(""));
    }
    lines
}
