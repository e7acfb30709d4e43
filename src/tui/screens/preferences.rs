//! Preferences: how many minutes, direct or indirect work, and which tools the person owns.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};

use super::details::cycle;
use super::{Cmd, Ctx, Screen, View, outcome, routine};
use crate::engine::{Preference, advise};
use crate::flow::Page;
use crate::tui::action::{Action, Effect};
use crate::tui::keys::{BACK, BROWSE, Binding, DOWN, Key, MOVE, UP, bind, help_only};
use crate::tui::widgets::{self as parts, Clicked};
use crate::words;

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    crate::tui::keys::HOME,
    crate::tui::keys::END,
    bind(&[Key::Left, Key::Char('h')], "←→", "change", Action::Left),
    help_only(
        &[Key::Right, Key::Char('l')],
        "→ l",
        "change",
        Action::Right,
    ),
    bind(
        &[Key::Char(' ')],
        "space",
        "own / don't own",
        Action::Toggle,
    ),
    bind(&[Key::Enter], "enter", "build the routine", Action::Next),
    BACK,
    BROWSE,
];

/// The rows of the screen: time, technique, then each tool.
pub const FIXED_ROWS: usize = 2;

/// The row under the cursor.
#[derive(Debug, Default)]
pub struct State {
    pub row: usize,
    /// The first row in view, where the last click held the list (`widgets::Cursor`).
    pub top: usize,
}

impl State {
    pub fn update<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        let rows = FIXED_ROWS + ctx.kb.tools().len();
        let prefs = &mut ctx.answers.preferences;
        let minutes = crate::engine::answers::MINUTES;
        match (self.row, action) {
            (
                _,
                ref a @ (Action::Up
                | Action::Down
                | Action::Home
                | Action::End
                | Action::Wheel { .. }),
            ) => {
                self.row = super::list_move(self.row, rows, super::PAGE, a).unwrap_or(self.row);
            }
            (0, Action::Left) => {
                prefs.minutes = (prefs.minutes.saturating_sub(1)).max(*minutes.start());
            }
            (0, Action::Right) => prefs.minutes = (prefs.minutes + 1).min(*minutes.end()),
            (1, action @ (Action::Left | Action::Right | Action::Toggle)) => {
                prefs.technique = cycle(
                    &Preference::ALL,
                    prefs.technique,
                    !matches!(action, Action::Left),
                );
            }
            (i, Action::Toggle) if i >= FIXED_ROWS => {
                let tool = &ctx.kb.tools()[i - FIXED_ROWS];
                if tool.always_owned {
                    *ctx.status = Some(format!("{} are always available.", tool.name));
                } else if let Some(pos) = prefs.tools.iter().position(|t| *t == tool.id) {
                    prefs.tools.remove(pos);
                } else {
                    prefs.tools.push(tool.id.clone());
                }
            }
            (_, Action::Next) => {
                // The tools, time and technique chosen are remembered with the answers.
                ctx.effects
                    .push(Effect::SaveProfile(Box::new(ctx.answers.clone())));
                let advice = advise(ctx.kb, ctx.answers, ctx.emergency);
                return match routine::State::new(advice) {
                    Ok(state) => Cmd::Push(Screen::Routine(state)),
                    // Nothing fits the tools and time: the result screen says why.
                    Err(advice) => Cmd::Push(Screen::Outcome(outcome::State::new(*advice, false))),
                };
            }
            (_, Action::Back) => {
                return Cmd::Page(Page::Result);
            }
            _ => {}
        }
        Cmd::Stay
    }

    /// A click on a tool owns or un-owns it (a checkbox) and moves the cursor there; on another
    /// row it moves the cursor there, and a click on the row under the cursor changes it as
    /// space does (the technique; the time changes with the arrows).
    pub fn click<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        let rows = parts::rows(FIXED_ROWS + ctx.kb.tools().len());
        let cursor = (&mut self.row, &mut self.top);
        match parts::follow(layout(body).list, &rows, cursor, x, y) {
            Some(Clicked::Moved { row, .. }) if row < FIXED_ROWS => Cmd::Stay,
            Some(_) => self.update(ctx, Action::Toggle),
            None => Cmd::Stay,
        }
    }
}

/// Where the screen's parts go in its body, shared by drawing and clicks.
struct Layout {
    /// The box, the list inside it, and the line about the row under the cursor.
    block: Rect,
    list: Rect,
    info: Rect,
}

fn layout(body: Rect) -> Layout {
    let area = crate::tui::text::readable(body);
    let [block, info] = area.layout(&ratatui::layout::Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(3),
    ]));
    Layout {
        block,
        list: block_of(Style::new()).inner(block),
        info,
    }
}

fn block_of<'a>(border: Style) -> ratatui::widgets::Block<'a> {
    crate::tui::text::boxed(" What you have ", border)
}

impl Widget for View<'_, State> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (kb, theme) = (self.shared.kb, self.shared.theme);
        let at = layout(area);
        let prefs = &self.shared.answers.preferences;
        let mut items = vec![
            ListItem::new(Line::from(vec![
                Span::styled(format!("{:<12}", "Time"), theme.dim),
                Span::raw(format!("< {} minutes >", prefs.minutes)),
            ])),
            ListItem::new(Line::from(vec![
                Span::styled(format!("{:<12}", "Technique"), theme.dim),
                Span::raw(format!("< {} >", words::preference(prefs.technique))),
            ])),
        ];
        for (i, tool) in kb.tools().iter().enumerate() {
            let owned = tool.always_owned || prefs.tools.contains(&tool.id);
            let mark = if owned { "[x] " } else { "[ ] " };
            let note = if tool.always_owned { " (always)" } else { "" };
            let style = if owned { theme.chosen } else { theme.text };
            items.push(ListItem::new(Line::from(vec![
                Span::styled(
                    format!("{:<12}", if i == 0 { "Tools" } else { "" }),
                    theme.dim,
                ),
                Span::styled(format!("{mark}{}{note}", tool.name), style),
            ])));
        }
        block_of(theme.border).render(at.block, buf);
        let cursor = (self.state.row, self.state.top);
        parts::list(buf, at.list, items, cursor, true, theme);
        let text = match self.state.row {
            0 => "How many minutes you have. Left and right change it.".to_owned(),
            1 => "Direct work presses firmly on tender spots; indirect work is lighter and glides. fascia picks by how it feels if you let it.".to_owned(),
            i => kb.tools().get(i - FIXED_ROWS).map_or_else(String::new, |t| t.describe.clone()),
        };
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .render(at.info.inner(ratatui::layout::Margin::new(1, 0)), buf);
    }
}
