//! Rating each area of the routine before the guided session and again after it (pain or
//! tightness, and how freely it moves), with the movement tests to do first.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Cmd, Ctx, Screen, View, done};
use crate::engine::{Answers, Routine};
use crate::history::{Rating, Record, Score, SessionStatus};
use crate::report::region_name;
use crate::session::Timer;
use crate::tui::action::{Action, Effect};
use crate::tui::keys::{BACK, Binding, DOWN, Key, MOVE, UP, bind, help_only};

const AFTER_KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    help_only(&[Key::Left, Key::Char('h')], "← h", "less", Action::Left),
    help_only(&[Key::Right, Key::Char('l')], "→ l", "more", Action::Right),
    bind(&[], "←→", "change", Action::Left),
    bind(&[Key::Enter], "enter", "save", Action::Next),
];

const BEFORE_KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    help_only(&[Key::Left, Key::Char('h')], "← h", "less", Action::Left),
    help_only(&[Key::Right, Key::Char('l')], "→ l", "more", Action::Right),
    bind(&[], "←→", "change", Action::Left),
    bind(&[Key::Enter], "enter", "start", Action::Next),
    BACK,
];

/// The routine, a rating per area, the value under the cursor, and (after) how the session
/// went.
#[derive(Debug)]
pub struct State {
    pub after: bool,
    pub routine: Routine,
    pub ratings: Vec<Rating>,
    pub field: usize,
    /// After: whether every step ran to its end.
    pub completed: bool,
    /// After: the session's timer, which knows what became of each step.
    pub timer: Option<Timer>,
    /// After: the session's id and when it began (from the session screen), so one session is
    /// one record however often saving is tried.
    pub id: String,
    pub started: Option<String>,
}

impl State {
    /// Before: each area of the routine, pain defaulting to the strength given.
    pub fn before(routine: Routine, answers: &Answers) -> Self {
        let mut regions: Vec<String> = Vec::new();
        for s in &routine.steps {
            if !regions.contains(&s.region) {
                regions.push(s.region.clone());
            }
        }
        let ratings = regions
            .into_iter()
            .map(|region| {
                let pain = answers.regions.get(&region).map_or(5, |d| d.intensity);
                Rating {
                    region,
                    before: Score { pain, ease: 5 },
                    after: None,
                }
            })
            .collect();
        Self {
            after: false,
            routine,
            ratings,
            field: 0,
            completed: false,
            timer: None,
            id: String::new(),
            started: None,
        }
    }

    /// After: the ratings start from those before.
    pub fn after(routine: Routine, mut ratings: Vec<Rating>, timer: Timer) -> Self {
        for r in &mut ratings {
            r.after.get_or_insert(r.before);
        }
        Self {
            after: true,
            completed: timer.status() == SessionStatus::Completed,
            routine,
            ratings,
            field: 0,
            timer: Some(timer),
            id: String::new(),
            started: None,
        }
    }

    pub fn keys(&self) -> &'static [Binding] {
        if self.after { AFTER_KEYS } else { BEFORE_KEYS }
    }

    /// The session as the history keeps it: what became of each step, from the timer (the event
    /// loop stamps the time and the session's id).
    pub fn record(&self) -> Record {
        match &self.timer {
            Some(timer) => Record::from_session(
                &self.id,
                self.started.clone(),
                String::new(),
                &self.routine,
                self.ratings.clone(),
                timer,
            ),
            None => Record::from_session(
                &self.id,
                self.started.clone(),
                String::new(),
                &self.routine,
                self.ratings.clone(),
                &Timer::start(Vec::new(), std::time::Duration::ZERO),
            ),
        }
    }

    /// Saves the session: the history is appended to, and the done screen shows how that went.
    pub fn save<'kb>(&self, ctx: &mut Ctx<'_, 'kb>) -> Cmd<'kb> {
        let record = self.record();
        ctx.effects.push(Effect::Save(Box::new(record.clone())));
        Cmd::Replace(Screen::Done(done::State::new(record)))
    }

    pub fn update<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        let total = self.ratings.len() * 2;
        match action {
            Action::Up => self.field = self.field.saturating_sub(1),
            Action::Down => self.field = (self.field + 1).min(total.saturating_sub(1)),
            Action::Left | Action::Right => {
                let field = self.field;
                let Some(r) = self.ratings.get_mut(field / 2) else {
                    return Cmd::Stay;
                };
                let score = if self.after {
                    r.after.get_or_insert(r.before)
                } else {
                    &mut r.before
                };
                let value = if field.is_multiple_of(2) {
                    &mut score.pain
                } else {
                    &mut score.ease
                };
                *value = if action == Action::Right {
                    (*value + 1).min(10)
                } else {
                    value.saturating_sub(1)
                };
            }
            Action::Next if self.after => return self.save(ctx),
            Action::Next => {
                // The event loop gives the session its id and start time, once.
                ctx.effects.push(Effect::BeginSession);
                return Cmd::Replace(Screen::session(self, ctx.now));
            }
            Action::Back if !self.after => return Cmd::Back,
            _ => {}
        }
        Cmd::Stay
    }
}

impl Widget for View<'_, State> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (kb, theme, state) = (self.shared.kb, self.shared.theme, self.state);
        let after = state.after;
        let [intro, table] = area.layout(&Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(3),
        ]));
        let text = if after {
            if state.completed {
                "Well done. How does each area feel now? Compare with before; change any rating until it is right, then enter saves."
            } else {
                "Session ended early: that is fine, and it is saved as ended early. How does each area feel now? Change any rating until it is right, then enter saves."
            }
        } else {
            "Before you start: how does each area feel right now? You will rate it again at the end."
        };
        Paragraph::new(Line::styled(text, theme.text))
            .wrap(Wrap { trim: true })
            .render(intro, buf);
        let block =
            crate::tui::text::boxed(" 0 = none / hardly, 10 = worst / freely ", theme.border);
        let inner = block.inner(table);
        block.render(table, buf);
        // Columns that fit the width: a rating column holds "< 10 > (was 10)"; the area's name
        // takes what is left, cut with an ellipsis if it must be.
        let width = usize::from(inner.width);
        let cw = if width >= 76 { 24 } else { 16 };
        let name_w = width.saturating_sub(2 + 2 * cw).clamp(8, 26);
        let pain_head = if cw >= 18 {
            "Pain or tightness"
        } else {
            "Pain, tightness"
        };
        let mut lines = vec![Line::styled(
            format!("  {:<name_w$}{:<cw$}{}", "Area", pain_head, "Moves freely"),
            theme.dim,
        )];
        for (i, r) in state.ratings.iter().enumerate() {
            let score = if after {
                r.after.unwrap_or(r.before)
            } else {
                r.before
            };
            let name = crate::tui::text::ellipsis(region_name(kb, &r.region), name_w - 1);
            let mut spans = vec![Span::raw(format!("  {name:<name_w$}"))];
            for (f, value) in [score.pain, score.ease].into_iter().enumerate() {
                let selected = state.field == i * 2 + f;
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
                    format!("{text:<cw$}"),
                    if selected { theme.cursor } else { theme.text },
                ));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            if after {
                "Do the same movement tests again, then rate:"
            } else {
                "First move each area, then rate how freely it moves:"
            },
            theme.title,
        ));
        for t in &state.routine.tests {
            lines.push(Line::raw(format!(
                "- {}: {}",
                region_name(kb, &t.region),
                t.how
            )));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}
