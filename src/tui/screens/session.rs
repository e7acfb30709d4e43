//! The guided session: a timer per set and rest (the one place the app drives the session
//! phases and their deadlines), the step's pacing, what to stop for, pause, skip and end.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph, StatefulWidget, Widget, Wrap};

use super::{Cmd, Ctx, Screen, Scroll, View, rate};
use crate::engine::Routine;
use crate::history::Rating;
use crate::kb::Method;
use crate::report::region_name;
use crate::session::{Activity, Side, Timer, Transition, phases};
use crate::tui::action::{Action, Effect};
use crate::tui::big_digits;
use crate::tui::keys::{Binding, Key, SCROLL_D, SCROLL_U, bind, label};
use crate::tui::theme::Theme;
use crate::tui::widgets as parts;

pub const KEYS: &[Binding] = &[
    SCROLL_U,
    SCROLL_D,
    bind(&[Key::Char(' ')], "space", "pause/resume", Action::Toggle),
    bind(
        &[Key::Char('n'), Key::Right],
        "n",
        "skip step",
        Action::SkipStep,
    ),
    bind(
        &[Key::Char('p'), Key::Left],
        "p",
        "back",
        Action::PreviousStep,
    ),
    bind(&[Key::Char('e')], "e", "end now", Action::EndSession),
    bind(&[Key::Char('m')], "m", "bell on/off", Action::Mute),
];

/// The routine being followed, the ratings before it, the timer, and how far the step's text
/// is scrolled.
#[derive(Debug)]
pub struct State {
    pub routine: Routine,
    pub ratings: Vec<Rating>,
    pub timer: Timer,
    pub scroll: Scroll,
}

impl State {
    /// Starts the timer at `now`.
    pub fn start(routine: Routine, ratings: Vec<Rating>, now: Duration) -> Self {
        let timer = Timer::start(phases(&routine), now);
        Self {
            routine,
            ratings,
            timer,
            scroll: Scroll::default(),
        }
    }

    /// When the next phase ends (the event loop wakes up then).
    pub fn next_deadline(&self) -> Option<Duration> {
        self.timer.next_deadline()
    }

    /// Ends the session now (a stop signal, or e): on to the ratings after.
    pub fn end(&mut self) -> rate::State {
        self.timer.end();
        self.finish()
    }

    /// Stopped from outside (a signal): ended early, saved with no ratings after it.
    pub fn stopped(&mut self) -> rate::State {
        self.timer.end();
        let mut state = self.finish();
        for r in &mut state.ratings {
            r.after = None;
        }
        state
    }

    fn finish(&self) -> rate::State {
        rate::State::after(
            self.routine.clone(),
            self.ratings.clone(),
            self.timer.clone(),
        )
    }

    pub fn update<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        let now = ctx.now;
        let transition = match action {
            Action::Up | Action::Down => {
                self.scroll.apply(&action);
                None
            }
            Action::Tick(now) => self.timer.tick(now),
            Action::Toggle if self.timer.is_paused() => {
                self.timer.resume(now);
                None
            }
            Action::Toggle => {
                self.timer.pause(now);
                None
            }
            Action::SkipStep => Some(self.timer.skip(now)),
            Action::PreviousStep => Some(self.timer.back(now)),
            Action::EndSession => return Cmd::Replace(Screen::Rate(self.end())),
            Action::Mute => {
                *ctx.quiet = !*ctx.quiet;
                *ctx.status = Some(if *ctx.quiet { "Bell off." } else { "Bell on." }.to_owned());
                None
            }
            _ => None,
        };
        match transition {
            Some(t) => self.announce(ctx, t),
            None => Cmd::Stay,
        }
    }

    /// Rings the bell and says what changed at a transition.
    fn announce<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, t: Transition) -> Cmd<'kb> {
        if !*ctx.quiet {
            ctx.effects.push(Effect::Bell);
        }
        if t == Transition::NextStep {
            self.scroll = Scroll::default();
        }
        let phase = self.timer.current().copied();
        *ctx.status = match (t, phase) {
            (Transition::Finished, _) | (_, None) => {
                return Cmd::Replace(Screen::Rate(self.finish()));
            }
            (Transition::SwitchSides, Some(p)) => Some(format!(
                "Switch sides: now the {} side.",
                if p.side == Some(Side::Right) {
                    "right"
                } else {
                    "left"
                }
            )),
            (Transition::NextStep, Some(p)) => Some(format!("Next: step {}.", p.step + 1)),
            (Transition::Next, Some(p)) if p.activity == Activity::Rest => Some("Rest.".to_owned()),
            (Transition::Next, Some(p)) => Some(format!("Set {} of {}.", p.set, p.sets)),
        };
        Cmd::Stay
    }
}

fn put(buf: &mut Buffer, widget: impl Widget, area: Rect) {
    widget.render(area, buf);
}

impl StatefulWidget for View<'_, State> {
    /// How far the step's text can scroll, measured while drawing.
    type State = Option<u16>;

    fn render(self, area: Rect, buf: &mut Buffer, fit: &mut Option<u16>) {
        let (kb, theme, now) = (self.shared.kb, self.shared.theme, self.shared.now);
        let (timer, routine) = (&self.state.timer, &self.state.routine);
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
            format!("   PAUSED ({} resumes)", label(KEYS, &Action::Toggle))
        } else {
            String::new()
        };
        put(
            buf,
            Paragraph::new(vec![
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
                    Span::styled(paused, theme.warn),
                ]),
            ]),
            title,
        );
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
            Paragraph::new(pacing(now, step, phase.activity, theme)).wrap(Wrap { trim: true }),
            pace,
        );
        // When to stop comes first, so it is never the part that does not fit; the pane scrolls
        // (with a scrollbar) when the window is small.
        let mut lines = stop_lines(step, theme);
        lines.extend(super::routine::keep_off(step, theme));
        lines.push(Line::styled("Cues", theme.title));
        lines.extend(step.cues.iter().map(|c| Line::raw(format!("- {c}"))));
        *fit = Some(parts::scrolled_text(
            buf,
            rest,
            lines,
            self.state.scroll.offset,
            Block::bordered().border_style(theme.border),
        ));
    }

    // When to stop: shown first, in full.
}

fn stop_lines<'a>(step: &crate::engine::Step, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled("Stop if", theme.warn)];
    lines.extend(step.stop_if.iter().map(|c| Line::raw(format!("! {c}"))));
    lines
}

/// The pace for rolling and gliding: a marker that sweeps across once per slow pass.
fn pacing<'a>(
    now: std::time::Duration,
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
