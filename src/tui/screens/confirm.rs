//! "Still true since 3 March?": the remembered answers that hold today, on one screen. Still
//! true keeps them all; something changed asks them again.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};

use super::ask::{self, Asked};
use super::{Cmd, Ctx, View};
use crate::engine::{Ask, Reply, Response};
use crate::flow;
use crate::tui::action::Action;
use crate::tui::keys::{BACK, Binding, DOWN, Key, UP, bind};
use crate::tui::widgets as parts;

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    bind(
        &[Key::Char('y')],
        "y",
        "still true",
        Action::Answer(Reply::Yes),
    ),
    bind(
        &[Key::Char('n')],
        "n",
        "something changed",
        Action::Answer(Reply::No),
    ),
    BACK,
];

/// The remembered answers shown, and the row under the cursor (long lists scroll).
#[derive(Debug)]
pub struct State<'kb> {
    pub at: Asked<'kb>,
    pub row: usize,
    /// The first row in view, where the last click held the list (`widgets::Cursor`).
    pub top: usize,
}

impl<'kb> State<'kb> {
    fn len(&self) -> usize {
        match &self.at.ask {
            Ask::Confirm(r) => r.len(),
            _ => 0,
        }
    }

    pub fn update(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        if let Some(row) = super::list_move(self.row, self.len(), super::PAGE, &action) {
            self.row = row;
            return Cmd::Stay;
        }
        match action {
            Action::Answer(reply) => {
                return self
                    .at
                    .respond(ctx, &Response::Confirmed(reply == Reply::Yes));
            }
            Action::Back => return self.at.back(ctx),
            _ => {}
        }
        Cmd::Stay
    }

    /// A click on a remembered answer moves the cursor there (the answer is for them all).
    pub fn click<'a>(&mut self, body: Rect, x: u16, y: u16) -> Cmd<'a> {
        let len = self.len();
        ask::click(body, SIZES, len, (&mut self.row, &mut self.top), (x, y));
        Cmd::Stay
    }
}

/// The question's rows, the list, the box with the keys.
const SIZES: ask::Sizes = (2, Constraint::Min(3), 4);

impl Widget for View<'_, State<'_>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (kb, theme) = (self.shared.kb, self.shared.theme);
        let Ask::Confirm(remembered) = &self.state.at.ask else {
            return;
        };
        let [question, list, detail] = ask::frame(
            area,
            buf,
            "Last time you told us this. It is kept on this computer only.",
            SIZES,
            theme,
        );
        let since = flow::since(remembered)
            .map_or_else(String::new, |d| format!(" since {}", flow::day_words(d)));
        Paragraph::new(Line::styled(format!("Still true{since}?"), theme.title))
            .wrap(Wrap { trim: true })
            .render(question, buf);
        let rows = remembered
            .iter()
            .map(|r| ListItem::new(Line::raw(flow::remembered_words(kb, r))))
            .collect();
        let cursor = (self.state.row, self.state.top);
        parts::list(buf, list, rows, cursor, false, theme);
        let lines = vec![
            Line::styled("Something changed asks these questions again.", theme.dim),
            ask::choices(KEYS, theme, ""),
        ];
        ask::boxed(lines, theme, detail, buf);
    }
}
