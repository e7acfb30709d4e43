//! One item of the interview: its question (for area items, asked once across the chosen
//! areas), why it is asked and what it means, answered yes, no or not sure.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::ask::{self, Asked};
use super::{Cmd, Ctx, View};
use crate::engine::{Ask, Reply, Response, fill};
use crate::tui::action::Action;
use crate::tui::keys::{BACK, Binding, Key, bind};

pub const KEYS: &[Binding] = &[
    bind(&[Key::Char('y')], "y", "yes", Action::Answer(Reply::Yes)),
    bind(&[Key::Char('n')], "n", "no", Action::Answer(Reply::No)),
    bind(
        &[Key::Char('u')],
        "u",
        "not sure",
        Action::Answer(Reply::NotSure),
    ),
    BACK,
];

/// The item asked.
#[derive(Debug)]
pub struct State<'kb> {
    pub at: Asked<'kb>,
}

impl<'kb> State<'kb> {
    pub fn update(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        match action {
            Action::Answer(reply) => self.at.respond(ctx, &Response::Reply(reply)),
            Action::Back => self.at.back(ctx),
            _ => Cmd::Stay,
        }
    }
}

impl Widget for View<'_, State<'_>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (shared, theme) = (&self.shared, self.shared.theme);
        let Ask::Item { item, regions } = &self.state.at.ask else {
            return;
        };
        let [top, detail] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
        ]));
        ask::intro_line(ask::intro(item.section), top, buf, theme);
        let mut lines = vec![
            Line::styled(
                crate::flow::question_text(shared.kb, regions, &item.question, shared.emergency),
                theme.title,
            ),
            Line::raw(""),
            Line::from(vec![
                Span::styled("Why we ask: ", theme.dim),
                Span::raw(fill(&item.explain, shared.emergency)),
            ]),
        ];
        if let Some(c) = &item.clarifier {
            lines.push(Line::from(vec![
                Span::styled("Note: ", theme.dim),
                Span::raw(fill(c, shared.emergency)),
            ]));
        }
        lines.push(Line::raw(""));
        lines.push(ask::choices(KEYS, theme, ask::NOT_SURE));
        ask::boxed(lines, theme, detail, buf);
    }
}
