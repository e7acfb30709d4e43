//! Details: for each chosen area, what it feels like, how strong, since when, and the goal.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Cmd, Ctx, View};
use crate::engine::Since;
use crate::flow::{self, Page};
use crate::kb::{Feel, Goal};
use crate::tui::action::Action;
use crate::tui::keys::{
    BACK, BROWSE, Binding, DOWN, FIRST, Key, LAST, MOVE, PAGE_DOWN, PAGE_UP, UP, bind, help_only,
};
use crate::tui::text;
use crate::tui::widgets::{self as parts, Cells, Tapped};
use crate::words;

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    PAGE_UP,
    PAGE_DOWN,
    FIRST,
    LAST,
    help_only(
        &[Key::Left, Key::Char('h')],
        "← h",
        "previous choice",
        Action::Left,
    ),
    bind(
        &[Key::Right, Key::Char('l'), Key::Char(' ')],
        "←→",
        "change",
        Action::Right,
    ),
    bind(&[Key::Enter], "enter", "next", Action::Next),
    BACK,
    BROWSE,
];

/// One editable field of an area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Feel,
    Intensity,
    Since,
    Goal,
}

pub const FIELDS: [Field; 4] = [Field::Feel, Field::Intensity, Field::Since, Field::Goal];

/// The field under the cursor (area by area, four fields each), the first area in view (where
/// the last click held the table, as a list's `widgets::Cursor`), and whether the person came
/// from the review to change these answers.
#[derive(Debug, Default)]
pub struct State {
    pub field: usize,
    pub top: usize,
    pub changing: bool,
}

impl State {
    pub fn update<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        let chosen = ctx.answers.chosen(ctx.kb);
        let total = chosen.len() * FIELDS.len();
        match action {
            Action::Up => self.field = self.field.saturating_sub(1),
            Action::Down => self.field = (self.field + 1).min(total.saturating_sub(1)),
            Action::Wheel { up } => {
                self.field = super::wheel_row(self.field, FIELDS.len(), total, up);
            }
            Action::PageUp | Action::PageDown | Action::Home | Action::End => {
                let to = super::table_page(self.field, FIELDS.len(), total, &action);
                self.field = to.unwrap_or(self.field);
            }
            Action::Left | Action::Right | Action::Toggle => {
                let forward = !matches!(action, Action::Left);
                let Some(region) = chosen.get(self.field / FIELDS.len()) else {
                    return Cmd::Stay;
                };
                let Some(d) = ctx.answers.regions.get_mut(*region) else {
                    return Cmd::Stay;
                };
                match FIELDS[self.field % FIELDS.len()] {
                    Field::Feel => d.feel = cycle(Feel::ALL, d.feel, forward),
                    Field::Intensity => {
                        d.intensity = if forward {
                            (d.intensity + 1).min(10)
                        } else {
                            d.intensity.saturating_sub(1)
                        };
                    }
                    Field::Since => d.since = cycle(&Since::ALL, d.since, forward),
                    Field::Goal => d.goal = cycle(Goal::ALL, d.goal, forward),
                }
            }
            Action::Next => {
                if let Some(page) = flow::next(ctx.kb, ctx.answers, Page::Details, self.changing) {
                    return Cmd::Page(page);
                }
            }
            Action::Back => {
                if let Some(page) = flow::previous(ctx.kb, ctx.answers, Page::Details) {
                    return Cmd::Page(page);
                }
            }
            _ => {}
        }
        Cmd::Stay
    }
}

impl State {
    /// A click on a value moves the cursor there (on an area's name, to the same column of that
    /// area); a click on the value under the cursor changes it as the keys do: on its `<` back
    /// a step (as ←), anywhere else on a step (as → or space).
    pub fn click<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        let at = layout(body, self.field);
        let heights = vec![at.height; ctx.answers.chosen(ctx.kb).len()];
        let cursor = (&mut self.field, &mut self.top);
        match parts::follow_cell(at.rows, &heights, &at.cells, cursor, x, y) {
            Some(Tapped::Change { back }) => {
                self.update(ctx, if back { Action::Left } else { Action::Right })
            }
            Some(Tapped::Moved) | None => Cmd::Stay,
        }
    }
}

/// The next (or previous) value in a vocabulary, wrapping around.
pub fn cycle<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
    let i = all.iter().position(|x| *x == current).unwrap_or(0);
    let n = all.len();
    all[if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }]
}

fn help(field: Field) -> &'static str {
    match field {
        Field::Feel => "What does it feel like? Left and right change the answer.",
        Field::Intensity => "How strong is it? 0 is nothing, 10 is the worst you can imagine.",
        Field::Since => "Since when has it felt like this: days, weeks or months?",
        Field::Goal => {
            "What do you want: warm up before activity, recover after it, or general relief?"
        }
    }
}

/// Column widths of the values: feel, strength, since, goal.
const VALUE_WIDTHS: [usize; 4] = [22, 10, 9, 18];
/// Stacked, the values take less room, so every column fits at 60 columns.
const STACKED_WIDTHS: [usize; 4] = [22, 7, 8, 17];
/// The widest area name, in one row.
const NAME_WIDTH: usize = 24;
/// From this inner width the table is one row an area; below it each area takes two rows (its
/// name, then its values), so no column is cut.
const ONE_ROW: usize = NAME_WIDTH + 22 + 10 + 9 + 18;

/// Where the table's parts go in the screen's body (with the cursor on `field`: the hint below
/// the table says what it is), shared by drawing and clicks.
struct Layout {
    /// The table's box, its heading row, and the areas' rows below it.
    table: Rect,
    heading: Rect,
    rows: Rect,
    /// The hint about the value under the cursor.
    info: Rect,
    hint: Line<'static>,
    /// Where each value sits in an area's row (after its name, or on the row below it).
    cells: Cells<4>,
    /// Rows an area takes: 1, or 2 stacked.
    height: usize,
}

fn layout(body: Rect, field: usize) -> Layout {
    let area = text::readable(body);
    let hint = Line::raw(help(FIELDS[field % FIELDS.len()]));
    // Measured at the width it is drawn in (inside a cell of margin each side), so it is never
    // cut at the bottom.
    let hint_height =
        text::wrapped_height(std::slice::from_ref(&hint), area.width.saturating_sub(2)).max(1);
    let [table, info] = area.layout(&ratatui::layout::Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(hint_height + 1),
    ]));
    let inner = block_of(Style::new()).inner(table);
    let [heading, rows] = inner.layout(&ratatui::layout::Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
    ]));
    let one_row = usize::from(inner.width) >= ONE_ROW;
    let cells = if one_row {
        Cells {
            start: usize::from(inner.width) - (ONE_ROW - NAME_WIDTH),
            widths: VALUE_WIDTHS,
        }
    } else {
        Cells {
            start: 0,
            widths: STACKED_WIDTHS,
        }
    };
    Layout {
        table,
        heading,
        rows,
        info: info.inner(ratatui::layout::Margin::new(1, 0)),
        hint,
        cells,
        height: if one_row { 1 } else { 2 },
    }
}

fn block_of<'a>(border: Style) -> ratatui::widgets::Block<'a> {
    text::boxed(" Each area you chose ", border)
}

impl Widget for View<'_, State> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (kb, answers, theme) = (self.shared.kb, self.shared.answers, self.shared.theme);
        let field = self.state.field;
        let at = layout(area, field);
        block_of(theme.border).render(at.table, buf);
        let (name_width, widths) = (at.cells.start, at.cells.widths);
        let one_row = at.height == 1;
        let heading = format!(
            "{:<w0$}{:<w1$}{:<w2$}{:<w3$}",
            "Feels",
            if one_row { "Strength" } else { "Level" },
            "Since",
            "Goal",
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3]
        );
        Paragraph::new(Line::styled(
            format!(
                "{:<name_width$}{heading}",
                if one_row { "Area" } else { "" }
            ),
            theme.dim,
        ))
        .render(at.heading, buf);
        let chosen = answers.chosen(kb);
        let heights = vec![at.height; chosen.len()];
        let cursor = (field / FIELDS.len(), self.state.top);
        let first = parts::first_shown(&heights, cursor, at.rows.height);
        let mut lines = Vec::new();
        for (i, id) in chosen.iter().enumerate().skip(first) {
            let Some(d) = answers.regions.get(*id) else {
                continue;
            };
            let name = kb.region(id).map_or(*id, |r| r.name.as_str());
            let values = [
                words::feel_short(d.feel).to_owned(),
                format!("{}/10", d.intensity),
                d.since.as_str().to_owned(),
                words::goal_short(d.goal).to_owned(),
            ];
            let mut spans = Vec::new();
            if one_row {
                spans.push(Span::raw(format!(
                    "{:<name_width$}",
                    text::ellipsis(name, name_width - 1)
                )));
            } else {
                lines.push(Line::styled(name.to_owned(), theme.title));
            }
            for (f, (value, width)) in values.iter().zip(widths).enumerate() {
                let selected = field == i * FIELDS.len() + f;
                spans.push(parts::table_cell(value, "", width, selected, theme));
            }
            lines.push(text::fit_line(
                Line::from(spans),
                usize::from(at.rows.width),
            ));
        }
        Paragraph::new(lines).render(at.rows, buf);
        // More areas than rows: a scrollbar in the padding beside them says so.
        parts::table_scrollbar(
            buf,
            at.rows,
            (chosen.len(), at.height),
            field / FIELDS.len(),
        );
        Paragraph::new(at.hint)
            .wrap(Wrap { trim: true })
            .render(at.info, buf);
    }
}
