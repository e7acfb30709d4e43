//! The guided session's view: the step and where it is, what comes up next, the countdown (big
//! when it fits), the pace, and below it when to stop, how to do it and what to keep off.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph, StatefulWidget, Widget, Wrap};

use super::View;
use super::session::{READY_KEYS, State};
use crate::engine::{Routine, Step};
use crate::kb::{KnowledgeBase, Method};
use crate::report::{region_name, tool_line};
use crate::session::{Activity, Phase, Side, Timer};
use crate::tui::action::Action;
use crate::tui::big_digits;
use crate::tui::keys::label;
use crate::tui::theme::Theme;
use crate::tui::widgets as parts;
use crate::words::position as position_words;

fn put(buf: &mut Buffer, widget: impl Widget, area: Rect) {
    widget.render(area, buf);
}

fn side_words(side: Option<Side>) -> &'static str {
    match side {
        Some(Side::Left) => " · left side",
        Some(Side::Right) => " · right side",
        None => "",
    }
}

impl StatefulWidget for View<'_, State> {
    /// How far the step's text can scroll, measured while drawing.
    type State = Option<u16>;

    fn render(self, area: Rect, buf: &mut Buffer, fit: &mut Option<u16>) {
        let (kb, theme, now) = (self.shared.kb, self.shared.theme, self.shared.now);
        let state = self.state;
        let (timer, routine) = (&state.timer, &state.routine);
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
        // The pace (or, getting ready, where to be) gets the rows its wrapped text needs.
        let pace_lines = if phase.activity == Activity::GetReady {
            get_ready(kb, step, theme)
        } else {
            pacing(now, step, phase.activity, theme)
        };
        let pace_height = crate::tui::text::wrapped_height(&pace_lines, area.width).max(2);
        let big_clock = area.height >= 3 + 6 + 1 + pace_height + stops_height + 2;
        let [title, clock, gauge, pace, rest] = area.layout(&Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(if big_clock { 6 } else { 1 }),
            Constraint::Length(1),
            Constraint::Length(pace_height),
            Constraint::Min(1),
        ]));
        // One line each; a line too long for the window ends with `…`.
        let width = usize::from(title.width);
        let title_text: Vec<Line<'_>> = title_lines(kb, state, phase, step, theme)
            .into_iter()
            .map(|line| crate::tui::text::fit_line(line, width))
            .collect();
        put(buf, Paragraph::new(title_text), title);
        let left = timer.remaining(now);
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
        put(buf, Paragraph::new(big).centered(), clock);
        put(
            buf,
            Gauge::default()
                .ratio(timer.progress(now).clamp(0.0, 1.0))
                .label(format!("{seconds} s left of {} s", phase.seconds))
                .gauge_style(theme.ok)
                .use_unicode(true),
            gauge,
        );
        put(
            buf,
            Paragraph::new(pace_lines).wrap(Wrap { trim: true }),
            pace,
        );
        // When to stop comes first, so it is never the part that does not fit, unless the person
        // asked for the how-to first; the pane scrolls (with a scrollbar) when the window is small.
        let how = how_to(kb, step, theme);
        let mut lines = Vec::new();
        if state.how_to {
            lines.extend(how);
            lines.push(Line::raw(""));
            lines.extend(stop_lines(step, theme));
        } else {
            lines.extend(stop_lines(step, theme));
            lines.push(Line::raw(""));
            lines.extend(how);
        }
        lines.push(Line::raw(""));
        lines.extend(super::routine::keep_off(step, theme));
        lines.push(Line::styled("Cues", theme.title));
        lines.extend(step.cues.iter().map(|c| Line::raw(format!("- {c}"))));
        *fit = Some(parts::scrolled_text(
            buf,
            rest,
            lines,
            state.scroll.offset,
            Block::bordered()
                .padding(ratatui::widgets::Padding::horizontal(1))
                .border_style(theme.border),
        ));
    }
}

/// The step, what is under way (and a pause or the end question), and what comes next.
fn title_lines<'a>(
    kb: &KnowledgeBase,
    state: &State,
    phase: Phase,
    step: &Step,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let (timer, routine) = (&state.timer, &state.routine);
    let side = side_words(phase.side);
    let doing = match phase.activity {
        Activity::Work => format!("Set {} of {}{side}", phase.set, phase.sets),
        Activity::Rest => format!("Rest before set {} of {}{side}", phase.set, phase.sets),
        Activity::GetReady => format!("Get ready{side}"),
    };
    let note = if state.asking_end {
        "   End now? y ends and asks how it feels, n keeps going".to_owned()
    } else if timer.is_paused() {
        format!(
            "   PAUSED ({} resumes)",
            label(super::session::KEYS, &Action::Toggle)
        )
    } else {
        String::new()
    };
    vec![
        Line::from(vec![
            Span::styled(
                format!(
                    "Step {} of {}: {}",
                    phase.step + 1,
                    routine.steps.len(),
                    region_name(kb, &step.region)
                ),
                theme.title,
            ),
            Span::raw(format!(" · {}", step.name)),
        ]),
        Line::from(vec![
            Span::styled(doing, theme.text),
            Span::styled(note, theme.warn),
        ]),
        Line::styled(up_next(kb, routine, timer, phase), theme.dim),
    ]
}

/// What comes after this phase, in words.
fn up_next(kb: &KnowledgeBase, routine: &Routine, timer: &Timer, now: Phase) -> String {
    match timer.up_next() {
        Some(p) if p.step == now.step => format!(
            "Up next: the{} of this step",
            side_words(p.side).trim_start_matches(" ·")
        ),
        Some(p) => routine.steps.get(p.step).map_or_else(String::new, |s| {
            format!(
                "Up next: step {} of {}, {} · {}{}",
                p.step + 1,
                routine.steps.len(),
                region_name(kb, &s.region),
                s.name,
                side_words(p.side)
            )
        }),
        None => "Up next: rate how each area feels now".to_owned(),
    }
}

/// Getting ready: where to be, with what, and the key that starts at once.
fn get_ready<'a>(kb: &KnowledgeBase, step: &Step, theme: &Theme) -> Vec<Line<'a>> {
    vec![
        Line::from(vec![
            Span::styled("Get into position: ", theme.title),
            Span::raw(format!(
                "{}. Tool: {}.",
                position_words(step.position),
                tool_line(kb, step)
            )),
        ]),
        Line::styled(
            format!(
                "The timer starts when this countdown ends, or press {} to start now.",
                label(READY_KEYS, &Action::BeginNow)
            ),
            theme.dim,
        ),
    ]
}

/// The technique's how-to steps, numbered.
fn how_to<'a>(kb: &KnowledgeBase, step: &Step, theme: &Theme) -> Vec<Line<'a>> {
    let Some(t) = kb.technique(&step.technique) else {
        return Vec::new();
    };
    let mut lines = vec![Line::styled("How to", theme.title)];
    lines.extend(
        t.steps
            .iter()
            .enumerate()
            .map(|(i, s)| Line::raw(format!("{}. {s}", i + 1))),
    );
    lines
}

fn stop_lines<'a>(step: &Step, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled("Stop if", theme.warn)];
    lines.extend(step.stop_if.iter().map(|c| Line::raw(format!("! {c}"))));
    lines
}

/// The pace for rolling and gliding: a marker that sweeps across once per slow pass.
fn pacing<'a>(
    now: std::time::Duration,
    step: &Step,
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
            let t = u64::try_from(now.as_millis()).unwrap_or(0) % (2 * period);
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
