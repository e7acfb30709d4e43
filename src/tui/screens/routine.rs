//! The routine: its steps on the left, the step under the cursor in full on the right; g starts
//! the guided session, e saves it as Markdown. Owns the routine (and the screening it came from).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph, StatefulWidget, Widget};

use super::{Cmd, Ctx, Pane, Screen, Scroll, View, rate};
use crate::engine::{Advice, Routine, Screening, Step};
use crate::flow::Page;
use crate::kb::KnowledgeBase;
use crate::report::{dose, duration, keep_off_lines, region_name, tool_line};
use crate::tui::action::{Action, Effect};
use crate::tui::keys::{
    BACK, BROWSE, Binding, DOWN, END, HOME, Key, SCROLL_D, SCROLL_DOWN, SCROLL_HINT, SCROLL_U,
    SCROLL_UP, UP, bind, label,
};
use crate::tui::theme::Theme;
use crate::tui::widgets::{self as parts, Clicked};
use crate::words::position as position_words;

const GO: Binding = bind(
    &[Key::Char('g')],
    "g",
    "start the guided session",
    Action::StartSession,
);
const TAB: Binding = bind(
    &[Key::Tab, Key::BackTab],
    "tab",
    "steps/details",
    Action::NextPane,
);
const EXPORT: Binding = bind(&[Key::Char('e')], "e", "save as Markdown", Action::Export);

/// With the steps in focus: the arrows move between steps, pgup/pgdn scroll the step's text.
pub const KEYS: &[Binding] = &[
    GO,
    UP,
    DOWN,
    bind(&[], "↑↓", "step", Action::Up),
    TAB,
    SCROLL_UP,
    SCROLL_DOWN,
    HOME,
    END,
    EXPORT,
    BACK,
    BROWSE,
];

/// With the step's text in focus: every arrow and paging key scrolls it.
pub const DETAIL_KEYS: &[Binding] = &[
    GO,
    SCROLL_U,
    SCROLL_D,
    SCROLL_HINT,
    TAB,
    SCROLL_UP,
    SCROLL_DOWN,
    HOME,
    END,
    EXPORT,
    BACK,
    BROWSE,
];

/// The routine and the screening it came from, the step under the cursor, the pane with the
/// keyboard and how far the step's text is scrolled.
#[derive(Debug)]
pub struct State {
    pub screening: Screening,
    pub routine: Routine,
    pub step: usize,
    /// The first row in view, where the last click held the list (`widgets::Cursor`).
    pub top: usize,
    pub pane: Pane,
    pub scroll: Scroll,
}

impl State {
    /// The screen for advice with a routine; the advice back when it has none.
    pub fn new(advice: Advice) -> Result<Self, Box<Advice>> {
        match advice.routine {
            Some(routine) => Ok(Self {
                screening: advice.screening,
                routine,
                step: 0,
                top: 0,
                pane: Pane::First,
                scroll: Scroll::default(),
            }),
            None => Err(Box::new(advice)),
        }
    }

    /// The table in force: the arrows move between steps or scroll the step's text.
    pub fn keys(&self) -> &'static [Binding] {
        match self.pane {
            Pane::First => KEYS,
            Pane::Second => DETAIL_KEYS,
        }
    }

    /// The advice this routine came from (for the Markdown hand-off).
    pub fn advice(&self) -> Advice {
        Advice {
            screening: self.screening.clone(),
            routine: Some(self.routine.clone()),
        }
    }

    pub fn update<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        match (self.pane, action) {
            (_, Action::StartSession) => {
                return Cmd::Push(Screen::Rate(rate::State::before(
                    self.routine.clone(),
                    ctx.answers,
                )));
            }
            (_, Action::Export) => ctx.effects.push(Effect::Export(Box::new(self.advice()))),
            (_, Action::NextPane) => self.pane = self.pane.other(),
            (_, Action::Back) => {
                return Cmd::Page(Page::Preferences);
            }
            (Pane::First, Action::Up) => {
                self.step = self.step.saturating_sub(1);
                self.scroll = Scroll::default();
            }
            (Pane::First, Action::Down) => {
                self.step = (self.step + 1).min(self.routine.steps.len().saturating_sub(1));
                self.scroll = Scroll::default();
            }
            (_, action) => {
                self.scroll.apply(&action);
            }
        }
        Cmd::Stay
    }
}

impl State {
    /// A click on a step gives the steps the keyboard and moves the cursor there; a click on the
    /// step's text gives that pane the keyboard.
    pub fn click<'kb>(&mut self, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        let at = layout(body, &self.routine);
        let steps = vec![STEP_ROWS; self.routine.steps.len()];
        let cursor = (&mut self.step, &mut self.top);
        if let Some(clicked) = parts::follow(at.steps, &steps, cursor, x, y) {
            self.pane = Pane::First;
            if let Clicked::Moved { .. } = clicked {
                self.scroll = Scroll::default();
            }
        } else if at.detail.contains(Position::new(x, y)) {
            self.pane = Pane::Second;
        }
        Cmd::Stay
    }
}

/// Rows a step takes in the list: its area, then its kind and time.
const STEP_ROWS: usize = 2;

/// The routine's summary line: its size and time (bold), then its budget and the export key.
fn summary(routine: &Routine) -> [String; 2] {
    [
        format!(
            "{} step{}, {} ",
            routine.steps.len(),
            if routine.steps.len() == 1 { "" } else { "s" },
            duration(routine.total_seconds)
        ),
        format!(
            "of your {}. Press {} to save it as Markdown.",
            duration(routine.budget_seconds),
            label(KEYS, &Action::Export)
        ),
    ]
}

/// Where the routine's parts go in the screen's body, shared by drawing and clicks.
struct Layout {
    summary: Rect,
    /// The steps' box and the list inside it, and the step's box.
    left: Rect,
    steps: Rect,
    detail: Rect,
}

fn layout(body: Rect, routine: &Routine) -> Layout {
    // The summary wraps rather than being cut; the panes take the rest.
    let height =
        crate::tui::text::wrapped_height(&[Line::raw(summary(routine).concat())], body.width)
            .min(body.height / 3);
    let [summary, panes] = body.layout(&ratatui::layout::Layout::vertical([
        Constraint::Length(height.max(1)),
        Constraint::Min(3),
    ]));
    let left_width = (panes.width / 3).clamp(24, 40);
    let [left, detail] = panes.layout(&ratatui::layout::Layout::horizontal([
        Constraint::Length(left_width),
        Constraint::Min(20),
    ]));
    Layout {
        summary,
        left,
        steps: steps_block(Style::new()).inner(left),
        detail,
    }
}

fn steps_block<'a>(border: Style) -> Block<'a> {
    crate::tui::text::boxed(" Steps ", border)
}

impl StatefulWidget for View<'_, State> {
    /// How far the step's text can scroll, measured while drawing.
    type State = Option<u16>;

    fn render(self, area: Rect, buf: &mut Buffer, fit: &mut Option<u16>) {
        let (kb, theme, state) = (self.shared.kb, self.shared.theme, self.state);
        let routine = &state.routine;
        let at = layout(area, routine);
        let [size, rest] = summary(routine);
        Paragraph::new(Line::from(vec![
            Span::styled(size, theme.title),
            Span::styled(rest, theme.dim),
        ]))
        .wrap(ratatui::widgets::Wrap { trim: true })
        .render(at.summary, buf);
        let focus = |pane| {
            if state.pane == pane {
                theme.title
            } else {
                theme.border
            }
        };
        steps_block(focus(Pane::First)).render(at.left, buf);
        let items = routine
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                ListItem::new(vec![
                    Line::from(vec![Span::styled(
                        format!("{}. {}", i + 1, region_name(kb, &s.region)),
                        theme.title,
                    )]),
                    Line::raw(format!("   {} · {}", s.kind, duration(s.seconds))),
                ])
            })
            .collect();
        parts::list(
            buf,
            at.steps,
            items,
            (state.step, state.top),
            state.pane == Pane::First,
            theme,
        );
        let Some(step) = routine.steps.get(state.step) else {
            return;
        };
        let lines = step_lines(kb, routine, step, theme);
        let block = Block::bordered()
            .title(" Step in full ")
            .border_style(focus(Pane::Second));
        *fit = Some(parts::scrolled_text(
            buf,
            at.detail,
            lines,
            state.scroll.offset,
            block,
        ));
    }
}

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
    kb: &KnowledgeBase,
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
        field("Tool", tool_line(kb, step), theme),
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
    if let Some(t) = kb.technique(&step.technique) {
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
            format!("{}: {}", region_name(kb, &l.region), l.reason),
            theme,
        ));
    }
    for s in &routine.suggestions {
        lines.push(Line::raw(""));
        lines.push(field(
            "Also check",
            format!("{}: {}", region_name(kb, &s.region), s.why),
            theme,
        ));
    }
    lines
}
