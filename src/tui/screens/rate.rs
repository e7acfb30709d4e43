//! Rating each area of the routine before the guided session and again after it (pain or
//! tightness, and how freely it moves), with the movement tests to do first.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Cmd, Ctx, Screen, View, done};
use crate::engine::{Answers, Routine};
use crate::history::{Rating, Record, Score, SessionStatus};
use crate::report::region_name;
use crate::session::Timer;
use crate::tui::action::{Action, Effect};
use crate::tui::keys::{
    BACK, Binding, DOWN, FIRST, Key, LAST, MOVE, PAGE_DOWN, PAGE_UP, UP, bind, help_only,
};
use crate::tui::text;
use crate::tui::widgets::{self as parts, Cells, Tapped};

const AFTER_KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    PAGE_UP,
    PAGE_DOWN,
    FIRST,
    LAST,
    help_only(&[Key::Left, Key::Char('h')], "← h", "less", Action::Left),
    help_only(&[Key::Right, Key::Char('l')], "→ l", "more", Action::Right),
    bind(&[], "←→", "change", Action::Left),
    bind(&[Key::Enter], "enter", "save", Action::Next),
];

const BEFORE_KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    PAGE_UP,
    PAGE_DOWN,
    FIRST,
    LAST,
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
    /// The value under the cursor (area by area: pain, then how freely it moves).
    pub field: usize,
    /// The first area in view, where the last click held the table (`widgets::Cursor`).
    pub top: usize,
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
            top: 0,
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
            top: 0,
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
            Action::Wheel { up } => self.field = super::wheel_row(self.field, 2, total, up),
            Action::PageUp | Action::PageDown | Action::Home | Action::End => {
                self.field = super::table_page(self.field, 2, total, &action).unwrap_or(self.field);
            }
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

/// Where the screen's parts go in its body (a readable column on wide screens), shared by
/// drawing and clicks.
struct Layout {
    intro: Rect,
    /// The table's box, its heading row, a row per area, and the movement tests below them.
    table: Rect,
    heading: Rect,
    rows: Rect,
    tests: Rect,
    /// Where the two ratings sit in an area's row, after its name.
    cells: Cells<2>,
}

/// The rating columns' width at an inner width: a column holds "< 10 > (was 10)".
fn column_width(width: usize) -> usize {
    if width >= 76 { 24 } else { 16 }
}

/// Rows kept under the areas for the movement tests when there are more areas than fit with
/// them: a blank, the heading and four lines, room for the test of the area under the cursor.
const TESTS_ROOM: u16 = 6;

fn intro_text(state: &State) -> &'static str {
    if !state.after {
        "Before you start: how does each area feel right now? You will rate it again at the end."
    } else if state.completed {
        "Well done. How does each area feel now? Compare with before; change any rating until it is right, then enter saves."
    } else {
        "Session ended early: that is fine, and it is saved as ended early. How does each area feel now? Change any rating until it is right, then enter saves."
    }
}

fn layout(body: Rect, state: &State) -> Layout {
    let area = text::readable(body);
    let intro = Line::raw(intro_text(state));
    let intro_height = text::wrapped_height(std::slice::from_ref(&intro), area.width);
    let [intro, _, table] = area.layout(&ratatui::layout::Layout::vertical([
        Constraint::Length(intro_height),
        Constraint::Length(1),
        Constraint::Min(3),
    ]));
    let inner = block_of(Style::new()).inner(table);
    let room = inner.height.saturating_sub(1);
    // Every area when they fit with the tests; else the table scrolls, leaving the tests room.
    let shown = u16::try_from(state.ratings.len())
        .unwrap_or(u16::MAX)
        .min(room.saturating_sub(TESTS_ROOM).max(1))
        .min(room);
    let [heading, rows, tests] = inner.layout(&ratatui::layout::Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(shown),
        Constraint::Min(0),
    ]));
    // The area's name takes what the ratings leave, cut with an ellipsis if it must be.
    let width = usize::from(inner.width);
    let cw = column_width(width);
    let name_w = width.saturating_sub(2 + 2 * cw).clamp(8, 28);
    Layout {
        intro,
        table,
        heading,
        rows,
        tests,
        cells: Cells {
            start: 2 + name_w,
            widths: [cw, cw],
        },
    }
}

/// The movement tests wrapped to `width`: every area's, or (`only`) one area's.
fn test_lines(
    kb: &crate::kb::KnowledgeBase,
    state: &State,
    only: Option<&str>,
    width: usize,
    theme: &crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    let heading = match (state.after, only.is_some()) {
        (false, false) => "First move each area, then rate how freely it moves:",
        (false, true) => "First move this area, then rate how freely it moves:",
        (true, false) => "Do the same movement tests again, then rate:",
        (true, true) => "Do this area's movement test again, then rate:",
    };
    let mut lines = vec![Line::raw("")];
    lines.extend(text::wrap_item(heading, theme.title, width));
    for t in &state.routine.tests {
        if only.is_none_or(|region| region == t.region) {
            let item = format!("- {}: {}", region_name(kb, &t.region), t.how);
            lines.extend(text::wrap_item(&item, theme.text, width));
        }
    }
    lines
}

fn block_of<'a>(border: Style) -> ratatui::widgets::Block<'a> {
    text::boxed(" 0 = none / hardly, 10 = worst / freely ", border)
}

impl State {
    /// A click on a rating moves the cursor there (on an area's name, to the same column of
    /// that area); a click on the rating under the cursor changes it as the keys do: on its `<`
    /// one less (as ←), anywhere else one more (as →).
    pub fn click<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        let at = layout(body, self);
        let heights = parts::rows(self.ratings.len());
        let cursor = (&mut self.field, &mut self.top);
        match parts::follow_cell(at.rows, &heights, &at.cells, cursor, x, y) {
            Some(Tapped::Change { back }) => {
                self.update(ctx, if back { Action::Left } else { Action::Right })
            }
            Some(Tapped::Moved) | None => Cmd::Stay,
        }
    }
}

impl Widget for View<'_, State> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (kb, theme, state) = (self.shared.kb, self.shared.theme, self.state);
        let after = state.after;
        let at = layout(area, state);
        Paragraph::new(Line::styled(intro_text(state), theme.text))
            .wrap(Wrap { trim: true })
            .render(at.intro, buf);
        block_of(theme.border).render(at.table, buf);
        let cw = at.cells.widths[0];
        let name_w = at.cells.start - 2;
        let pain_head = if cw >= 18 {
            "Pain or tightness"
        } else {
            "Pain, tightness"
        };
        Paragraph::new(Line::styled(
            format!("  {:<name_w$}{:<cw$}{}", "Area", pain_head, "Moves freely"),
            theme.dim,
        ))
        .render(at.heading, buf);
        let cursor = (state.field / 2, state.top);
        let heights = parts::rows(state.ratings.len());
        let first = parts::first_shown(&heights, cursor, at.rows.height);
        let mut lines = Vec::new();
        for (i, r) in state.ratings.iter().enumerate().skip(first) {
            let score = if after {
                r.after.unwrap_or(r.before)
            } else {
                r.before
            };
            let name = text::ellipsis(region_name(kb, &r.region), name_w - 1);
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
                spans.push(parts::table_cell(
                    &format!(" {value:>2} "),
                    &was,
                    cw,
                    selected,
                    theme,
                ));
            }
            lines.push(text::fit_line(
                Line::from(spans),
                usize::from(at.rows.width),
            ));
        }
        Paragraph::new(lines).render(at.rows, buf);
        // More areas than rows: a scrollbar in the padding beside them says so.
        parts::table_scrollbar(buf, at.rows, (state.ratings.len(), 1), state.field / 2);
        // Every area's test when they fit; else the test of the area under the cursor (it follows
        // the cursor), and the last line ends with an ellipsis if even that is cut.
        let (width, height) = (usize::from(at.tests.width), usize::from(at.tests.height));
        let mut tests = test_lines(kb, state, None, width, theme);
        if tests.len() > height
            && let Some(r) = state.ratings.get(state.field / 2)
            && state.routine.tests.iter().any(|t| t.region == r.region)
        {
            tests = test_lines(kb, state, Some(&r.region), width, theme);
        }
        Paragraph::new(text::clip(tests, height, width)).render(at.tests, buf);
    }
}
