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
use crate::tui::widgets::{self as parts, Clicked};

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
    /// The first row in view, where the last click held the list (`widgets::Cursor`).
    pub top: usize,
}

impl<'kb> State<'kb> {
    pub fn update(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        if let Some(row) = super::list_move(self.row, AgeBand::ALL.len(), super::PAGE, &action) {
            self.row = row;
            return Cmd::Stay;
        }
        match action {
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

    /// A click on a band moves the cursor there; on the band under the cursor, answers with it.
    pub fn click(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        let cursor = (&mut self.row, &mut self.top);
        match ask::click(body, SIZES, AgeBand::ALL.len(), cursor, (x, y)) {
            Some(Clicked::Again(_)) => self.update(ctx, Action::Next),
            _ => Cmd::Stay,
        }
    }
}

/// The question's rows, the bands, the box with the why and the keys.
const SIZES: ask::Sizes = (2, Constraint::Length(6), 5);

impl Widget for View<'_, State<'_>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.shared.theme;
        let [question, list, detail] =
            ask::frame(area, buf, ask::intro(Section::Health), SIZES, theme);
        Paragraph::new(Line::styled("How old are you?", theme.title)).render(question, buf);
        let rows = AgeBand::ALL
            .iter()
            .map(|b| ListItem::new(Line::raw(b.words())))
            .collect();
        let cursor = (self.state.row, self.state.top);
        parts::list(buf, list, rows, cursor, true, theme);
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
