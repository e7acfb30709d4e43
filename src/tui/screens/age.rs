//! The age question: one question with five bands (it answers the two age items).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::ask::{self, Asked};
use super::{Cmd, Ctx, View};
use crate::engine::{AgeBand, Response};
use crate::kb::Section;
use crate::tui::action::Action;
use crate::tui::keys::{BACK, Binding, DOWN, Key, MOVE, UP, bind};
use crate::tui::widgets as parts;

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    bind(&[Key::Enter], "enter", "choose", Action::Next),
    BACK,
];

/// The band under the cursor.
#[derive(Debug)]
pub struct State<'kb> {
    pub at: Asked<'kb>,
    pub row: usize,
}

impl<'kb> State<'kb> {
    pub fn update(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(AgeBand::ALL.len() - 1),
            Action::Next => {
                if let Some(band) = AgeBand::ALL.get(self.row) {
                    return self.at.respond(ctx, &Response::Age(*band));
                }
            }
            Action::Back => return self.at.back(ctx),
            _ => {}
        }
        Cmd::Stay
    }
}

impl Widget for View<'_, State<'_>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.shared.theme;
        let [question, list, detail] = ask::frame(
            area,
            buf,
            ask::intro(Section::Health),
            (2, Constraint::Length(6), 5),
            theme,
        );
        Paragraph::new(Line::styled("How old are you?", theme.title)).render(question, buf);
        let rows = AgeBand::ALL
            .iter()
            .map(|b| ListItem::new(Line::raw(b.words())))
            .collect();
        parts::list(buf, list, rows, self.state.row, true, theme);
        let lines = vec![
            Line::from(vec![
                Span::styled("Why we ask: ", theme.dim),
                Span::raw(
                    "children need a doctor's advice first, and from 50 a few signs need a doctor soon.",
                ),
            ]),
            ask::choices(KEYS, theme, ""),
        ];
        ask::boxed(lines, theme, detail, buf);
    }
}
