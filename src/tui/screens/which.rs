//! Which areas: after a yes or not sure to an area question asked once across several areas,
//! a checkbox per area. The reply given applies to the ticked areas; the others are no.

use std::collections::BTreeMap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};

use super::ask::{self, Asked};
use super::{Cmd, Ctx, View};
use crate::engine::{Ask, Response};
use crate::tui::action::Action;
use crate::tui::keys::{BACK, Binding, DOWN, Key, MOVE, UP, bind};
use crate::tui::widgets as parts;

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    bind(&[Key::Char(' ')], "space", "tick / untick", Action::Toggle),
    bind(&[Key::Enter], "enter", "confirm", Action::Next),
    BACK,
];

/// The question, the area under the cursor and the ticked areas (all of them at first).
#[derive(Debug)]
pub struct State<'kb> {
    pub at: Asked<'kb>,
    pub row: usize,
    /// The first row in view, where the last click held the list (`widgets::Cursor`).
    pub top: usize,
    pub ticked: Vec<bool>,
}

impl<'kb> State<'kb> {
    pub fn new(at: Asked<'kb>) -> Self {
        let n = Self::regions(&at).len();
        Self {
            at,
            row: 0,
            top: 0,
            ticked: vec![true; n],
        }
    }

    fn regions<'a>(at: &'a Asked<'kb>) -> &'a [&'kb str] {
        match &at.ask {
            Ask::WhichAreas { regions, .. } => regions,
            _ => &[],
        }
    }

    pub fn update(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        if let Some(row) = super::list_move(self.row, self.ticked.len(), super::PAGE, &action) {
            self.row = row;
            return Cmd::Stay;
        }
        match action {
            Action::Toggle => {
                if let Some(t) = self.ticked.get_mut(self.row) {
                    *t = !*t;
                }
            }
            Action::Next => {
                let Ask::WhichAreas { reply, regions, .. } = &self.at.ask else {
                    return Cmd::Stay;
                };
                let picked: BTreeMap<String, _> = regions
                    .iter()
                    .zip(&self.ticked)
                    .filter(|(_, t)| **t)
                    .map(|(r, _)| ((*r).to_owned(), *reply))
                    .collect();
                return self.at.respond(ctx, &Response::Areas(picked));
            }
            Action::Back => return self.at.back(ctx),
            _ => {}
        }
        Cmd::Stay
    }

    /// A click on an area ticks or unticks it (a checkbox) and moves the cursor there.
    pub fn click(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        let (len, cursor) = (self.ticked.len(), (&mut self.row, &mut self.top));
        match ask::click(body, SIZES, len, cursor, (x, y)) {
            Some(_) => self.update(ctx, Action::Toggle),
            None => Cmd::Stay,
        }
    }
}

/// The question's rows, the list, the box with the keys.
const SIZES: ask::Sizes = (3, Constraint::Min(3), 4);

impl Widget for View<'_, State<'_>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (shared, theme) = (&self.shared, self.shared.theme);
        let Ask::WhichAreas {
            item,
            reply,
            regions,
        } = &self.state.at.ask
        else {
            return;
        };
        let [question, list, detail] =
            ask::frame(area, buf, ask::intro(item.section), SIZES, theme);
        Paragraph::new(vec![
            Line::styled(
                format!("Which areas? You answered {}:", reply.words()),
                theme.title,
            ),
            Line::raw(crate::engine::fill(
                &crate::words::item_text(shared.answers, item),
                shared.emergency,
            )),
        ])
        .wrap(Wrap { trim: true })
        .render(question, buf);
        let rows = regions
            .iter()
            .zip(&self.state.ticked)
            .map(|(r, t)| {
                let mark = if *t { "[x]" } else { "[ ]" };
                ListItem::new(Line::raw(format!(
                    "{mark} {}",
                    crate::words::region_name(shared.kb, r)
                )))
            })
            .collect();
        let cursor = (self.state.row, self.state.top);
        parts::list(buf, list, rows, cursor, true, theme);
        let lines = vec![
            Line::styled(
                "Your answer applies to the ticked areas; the others count as no. With none ticked, it stays on every area.",
                theme.dim,
            ),
            ask::choices(KEYS, theme, ""),
        ];
        ask::boxed(lines, theme, detail, buf);
    }
}
