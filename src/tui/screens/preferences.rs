//! Preferences: how many minutes, direct or indirect work, and which tools the person owns.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};

use super::details::cycle;
use super::{Cmd, Ctx, Screen, View, outcome, routine};
use crate::engine::{Preference, advise};
use crate::flow::Page;
use crate::tui::action::Action;
use crate::tui::keys::{BACK, BROWSE, Binding, DOWN, Key, MOVE, UP, bind, help_only};
use crate::tui::widgets as parts;
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
}

impl Widget for View<'_, State> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = crate::tui::text::readable(area);
        let (kb, theme) = (self.shared.kb, self.shared.theme);
        let [list, info] = area.layout(&Layout::vertical([
            Constraint::Min(4),
            Constraint::Length(3),
        ]));
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
        let block = crate::tui::text::boxed(" What you have ", theme.border);
        let inner = block.inner(list);
        block.render(list, buf);
        parts::list(buf, inner, items, self.state.row, true, theme);
        let text = match self.state.row {
            0 => "How many minutes you have. Left and right change it.".to_owned(),
            1 => "Direct work presses firmly on tender spots; indirect work is lighter and glides. fascia picks by how it feels if you let it.".to_owned(),
            i => kb.tools().get(i - FIXED_ROWS).map_or_else(String::new, |t| t.describe.clone()),
        };
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .render(info.inner(ratatui::layout::Margin::new(1, 0)), buf);
    }
}
