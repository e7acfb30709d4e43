//! A gate: one checklist of signs or conditions with the same effect ("Do any of these apply to
//! you?"), answered none of these, yes or not sure. Not sure is never read as no: a yes or not
//! sure opens the items one by one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};

use super::ask::{self, Asked};
use super::{Cmd, Ctx, View};
use crate::engine::{Ask, Reply, Response, fill};
use crate::tui::action::Action;
use crate::tui::keys::{BACK, Binding, DOWN, Key, UP, bind};
use crate::tui::widgets as parts;

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    bind(
        &[Key::Char('n')],
        "n",
        "none of these",
        Action::Answer(Reply::No),
    ),
    bind(
        &[Key::Char('y')],
        "y",
        "yes, some apply",
        Action::Answer(Reply::Yes),
    ),
    bind(
        &[Key::Char('u')],
        "u",
        "not sure",
        Action::Answer(Reply::NotSure),
    ),
    BACK,
];

/// The checklist asked, and the row under the cursor (long lists scroll).
#[derive(Debug)]
pub struct State<'kb> {
    pub at: Asked<'kb>,
    pub row: usize,
    /// The first row in view, where the last click held the list (`widgets::Cursor`).
    pub top: usize,
}

impl<'kb> State<'kb> {
    /// How many signs the checklist lists.
    pub fn signs(&self) -> usize {
        match &self.at.ask {
            Ask::Gate { items, .. } => items.len(),
            _ => 0,
        }
    }

    pub fn update(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        if let Some(row) = super::list_move(self.row, self.signs(), super::PAGE, &action) {
            self.row = row;
            return Cmd::Stay;
        }
        match action {
            Action::Answer(reply) => return self.at.respond(ctx, &Response::Reply(reply)),
            Action::Back => return self.at.back(ctx),
            _ => {}
        }
        Cmd::Stay
    }

    /// A click on a sign moves the cursor there (the answer is for the whole list).
    pub fn click<'a>(&mut self, body: Rect, x: u16, y: u16) -> Cmd<'a> {
        let len = self.signs();
        ask::click(body, SIZES, len, (&mut self.row, &mut self.top), (x, y));
        Cmd::Stay
    }
}

/// The question's rows, the list, the box with the why and the keys.
const SIZES: ask::Sizes = (2, Constraint::Min(3), 7);

impl Widget for View<'_, State<'_>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (shared, theme) = (&self.shared, self.shared.theme);
        let Ask::Gate {
            gate,
            items,
            regions,
        } = &self.state.at.ask
        else {
            return;
        };
        let [question, list, detail] =
            ask::frame(area, buf, ask::intro(gate.section), SIZES, theme);
        let mut head = vec![Line::styled(
            fill(&gate.question, shared.emergency),
            theme.title,
        )];
        if !regions.is_empty() {
            head.push(Line::styled(
                format!("Areas: {}", crate::flow::area_names(shared.kb, regions)),
                theme.dim,
            ));
        }
        Paragraph::new(head)
            .wrap(Wrap { trim: true })
            .render(question, buf);
        let rows = items
            .iter()
            .map(|i| ListItem::new(Line::raw(format!("• {}", i.title))))
            .collect();
        let cursor = (self.state.row, self.state.top);
        parts::list(buf, list, rows, cursor, false, theme);
        let lines = vec![
            Line::from(vec![
                Span::styled("Why we ask: ", theme.dim),
                Span::raw(fill(&gate.explain, shared.emergency)),
            ]),
            Line::raw(""),
            ask::choices(KEYS, theme, ask::NOT_SURE),
        ];
        ask::boxed(lines, theme, detail, buf);
    }
}
