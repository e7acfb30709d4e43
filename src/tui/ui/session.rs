//! The guided session: the step, the side and set, a big countdown and a gauge, the pace for
//! slow rolling, the cues and when to stop.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph, Wrap};

use crate::kb::Method;
use crate::report::region_name;
use crate::session::{Activity, Side};
use crate::tui::app::App;
use crate::tui::big_digits;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let (Some(timer), Some(routine)) = (&app.guided.timer, app.routine()) else {
        return;
    };
    let Some(phase) = timer.current().copied() else {
        return;
    };
    let Some(step) = routine.steps.get(phase.step) else {
        return;
    };
    // The big countdown takes 6 rows; when the stop signs would not all fit under it, they win
    // and the countdown becomes one bold line.
    let stops = Paragraph::new(stop_lines(step, theme)).wrap(Wrap { trim: true });
    let stops_height =
        u16::try_from(stops.line_count(area.width.saturating_sub(3))).unwrap_or(u16::MAX);
    let big_clock = area.height >= 2 + 6 + 1 + 2 + stops_height + 2;
    let [title, clock, gauge, pace, rest] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(if big_clock { 6 } else { 1 }),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(1),
    ]));
    let side = match phase.side {
        Some(Side::Left) => " · left side",
        Some(Side::Right) => " · right side",
        None => "",
    };
    let doing = match phase.activity {
        Activity::Work => format!("Set {} of {}{side}", phase.set, phase.sets),
        Activity::Rest => format!("Rest before set {} of {}{side}", phase.set, phase.sets),
        Activity::GetReady => format!("Get ready{side}"),
    };
    let paused = if timer.is_paused() {
        "   PAUSED (space resumes)"
    } else {
        ""
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(
                    format!(
                        "Step {} of {}: {}",
                        phase.step + 1,
                        routine.steps.len(),
                        region_name(app.kb, &step.region)
                    ),
                    theme.title,
                ),
                Span::raw(format!(" · {}", step.name)),
            ]),
            Line::from(vec![
                Span::styled(doing, theme.text),
                Span::styled(paused, theme.warn),
            ]),
        ]),
        title,
    );
    let left = timer.remaining(app.now);
    let seconds = left.as_secs() + u64::from(left.subsec_nanos() > 0);
    let time = big_digits::clock(seconds);
    let big: Vec<Line<'_>> = if big_clock {
        big_digits::lines(&time)
            .into_iter()
            .map(|l| Line::styled(l, theme.title))
            .collect()
    } else {
        vec![Line::styled(format!("{time} left"), theme.title)]
    };
    frame.render_widget(Paragraph::new(big).centered(), clock);
    frame.render_widget(
        Gauge::default()
            .ratio(timer.progress(app.now).clamp(0.0, 1.0))
            .label(format!("{seconds} s left of {} s", phase.seconds))
            .gauge_style(theme.ok)
            .use_unicode(true),
        gauge,
    );
    frame.render_widget(
        Paragraph::new(pacing(app, step, phase.activity, theme)).wrap(Wrap { trim: true }),
        pace,
    );
    // When to stop comes first, so it is never the part that does not fit; the pane scrolls
    // (with a scrollbar) when the window is small.
    let mut lines = stop_lines(step, theme);
    lines.extend(super::routine::keep_off(step, theme));
    lines.push(Line::styled("Cues", theme.title));
    lines.extend(step.cues.iter().map(|c| Line::raw(format!("- {c}"))));
    super::scrolled_text(
        frame,
        rest,
        lines,
        app.scroll,
        Block::bordered().border_style(theme.border),
    );
}

/// When to stop: shown first, in full.
fn stop_lines<'a>(step: &crate::engine::Step, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled("Stop if", theme.warn)];
    lines.extend(step.stop_if.iter().map(|c| Line::raw(format!("! {c}"))));
    lines
}

/// The pace for rolling and gliding: a marker that sweeps across once per slow pass.
fn pacing<'a>(
    app: &App<'_>,
    step: &crate::engine::Step,
    activity: Activity,
    theme: &Theme,
) -> Vec<Line<'a>> {
    if activity == Activity::Rest {
        return vec![Line::styled(
            "Rest: let the area settle and breathe.",
            theme.dim,
        )];
    }
    match (step.method, step.passes) {
        (Method::Roll | Method::Glide, Some(passes)) if passes > 0 => {
            let per_pass = (step.seconds_per_set / passes).max(1);
            let pace = step.pace_cm_per_s.map_or(String::new(), |[lo, hi]| {
                format!(", about {lo}-{hi} cm a second")
            });
            let width = 24u64;
            let period = u64::from(per_pass) * 1000;
            let t = u64::try_from(app.now.as_millis()).unwrap_or(0) % (2 * period);
            let pos = if t < period {
                t * width / period
            } else {
                (2 * period - t) * width / period
            };
            let bar: String = (0..=width)
                .map(|i| if i == pos { '●' } else { '·' })
                .collect();
            vec![
                Line::raw(format!(
                    "Slowly: one pass every {per_pass} s{pace}. Follow the dot."
                )),
                Line::styled(bar, theme.key),
            ]
        }
        _ => vec![Line::raw(
            step.hold_seconds
                .map_or("Keep it light and slow.".to_owned(), |h| {
                    format!("Hold each tender spot about {h} s; breathe out and let it ease.")
                }),
        )],
    }
}
