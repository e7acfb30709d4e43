//! Drawing pieces the screens share: a list with a cursor marker (and which item a click on it
//! lands on, and which value of a table's row), a scrollbar, scrolled text (which reports how
//! far it can scroll), word wrapping, and the browse reminder line.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, HighlightSpacing, List, ListItem, ListState, Paragraph, Scrollbar, ScrollbarOrientation,
    ScrollbarState, StatefulWidget, Widget, Wrap,
};

use crate::tui::action::Action;
use crate::tui::keys;
use crate::tui::text;
use crate::tui::theme::Theme;

/// The reminder's words: with the start key, or, where letters are typed (the search), how to
/// get to a screen where that key works.
fn reminder_text(typing: bool) -> String {
    let start = keys::label(&[keys::START], &Action::StartCheck);
    if typing {
        format!("Browsing skips the safety check. Press esc, then {start}, to start it.")
    } else {
        format!("Browsing skips the safety check. Press {start} to start it.")
    }
}

fn reminder_height(area: Rect, text: &str) -> u16 {
    // Two lines on a narrow window, so the reminder is never cut off.
    if usize::from(area.width) >= text.len() + 4 {
        1
    } else {
        2
    }
}

/// The browse reminder's line(s) and the area below them.
fn reminder_split(area: Rect, typing: bool) -> [Rect; 2] {
    let height = reminder_height(area, &reminder_text(typing));
    area.layout(&Layout::vertical([
        Constraint::Length(height),
        Constraint::Min(1),
    ]))
}

/// The area below the browse reminder (where a browse screen's body goes; `typing` as for
/// [`browse_reminder`]).
pub fn browse_reminder_area(area: Rect, typing: bool) -> Rect {
    reminder_split(area, typing)[1]
}

/// The one-line reminder every browse screen carries (`typing`: in the search, where the start
/// key types a letter); returns the area below it.
pub fn browse_reminder(buf: &mut Buffer, area: Rect, theme: &Theme, typing: bool) -> Rect {
    let text = reminder_text(typing);
    let [line, rest] = reminder_split(area, typing);
    Paragraph::new(Line::from(vec![
        Span::styled("! ", theme.warn),
        Span::styled(text, theme.warn),
    ]))
    .wrap(Wrap { trim: true })
    .render(line.inner(ratatui::layout::Margin::new(1, 0)), buf);
    rest
}

/// Splits `text` into lines of at most `width` columns at spaces (long words are split too), so
/// list rows wrap instead of being cut off; numbers stay with their units.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    text::wrap(text, width.max(8))
}

/// The first row shown so that `selected` is visible in `height` rows.
pub fn offset(selected: usize, height: u16) -> usize {
    selected.saturating_sub(usize::from(height).saturating_sub(1))
}

/// A list's cursor: the item it is on, and the first item the list was last held at (a click
/// holds it there, so the list never moves under the mouse; 0 until then).
pub type Cursor = (usize, usize);

/// The first item [`list`] draws in `height` rows, for items `heights` rows tall and the
/// cursor `(selected, top)`: `top`, moved only as far as the cursor's item needs to show whole
/// (from `top` 0 the cursor's item ends up at the bottom, as ratatui draws it).
pub fn first_shown(heights: &[usize], (selected, top): Cursor, height: u16) -> usize {
    let Some(last) = heights.len().checked_sub(1) else {
        return 0;
    };
    let selected = selected.min(last);
    // Every item is at least a row tall: no window of `height` rows starts before `offset`.
    let mut first = top.min(selected).max(offset(selected, height));
    let mut used: usize = heights[first..=selected].iter().sum();
    while used > usize::from(height) && first < selected {
        used -= heights[first];
        first += 1;
    }
    first
}

/// The item of a list drawn by [`list`] in `area` (items `heights` rows tall, the cursor as
/// drawn) that row `y` shows, when (`x`, `y`) is inside the list.
pub fn item_at(area: Rect, heights: &[usize], cursor: Cursor, x: u16, y: u16) -> Option<usize> {
    line_at(area, heights, cursor, x, y).map(|(item, _)| item)
}

/// As [`item_at`], with which of the item's own rows (from 0) row `y` is: for items whose
/// rows mean different things (a table row stacked as a name, then its values).
pub fn line_at(
    area: Rect,
    heights: &[usize],
    cursor: Cursor,
    x: u16,
    y: u16,
) -> Option<(usize, usize)> {
    if !area.contains(Position::new(x, y)) {
        return None;
    }
    let mut row = usize::from(y - area.y);
    for (i, &h) in heights
        .iter()
        .enumerate()
        .skip(first_shown(heights, cursor, area.height))
    {
        if row < h {
            return Some((i, row));
        }
        row -= h;
    }
    None
}

/// What a click on a list did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clicked {
    /// It landed on item `row`, not the one under the cursor: the cursor moves there, and the
    /// list stays where it is (its first item in view is `top`).
    Moved { row: usize, top: usize },
    /// It landed on the item already under the cursor: that item is acted on, as its key would.
    Again(usize),
}

/// A click at (`x`, `y`) on a list drawn by [`list`] in `area` (items `heights` rows tall, the
/// cursor as drawn); `None` when it missed every item.
pub fn click(area: Rect, heights: &[usize], cursor: Cursor, x: u16, y: u16) -> Option<Clicked> {
    let row = item_at(area, heights, cursor, x, y)?;
    Some(if row == cursor.0 {
        Clicked::Again(row)
    } else {
        Clicked::Moved {
            row,
            top: first_shown(heights, cursor, area.height),
        }
    })
}

/// A click at (`x`, `y`) on a list drawn by [`list`] in `area` (items `heights` rows tall) with
/// the cursor `(row, top)`: the cursor follows it (see [`click`]); what it did, for the screen to
/// act on the item (`None` when it missed every item).
pub fn follow(
    area: Rect,
    heights: &[usize],
    (row, top): (&mut usize, &mut usize),
    x: u16,
    y: u16,
) -> Option<Clicked> {
    let clicked = click(area, heights, (*row, *top), x, y);
    if let Some(Clicked::Moved { row: to, top: held }) = clicked {
        (*row, *top) = (to, held);
    }
    clicked
}

/// The cells of a table's row (on its last line, when a row takes more than one): the first
/// starts `start` columns into the table, each as wide as its entry of `widths`. The cell under
/// the cursor is drawn `<value>`, so a click on its first column is on the `<`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cells<const N: usize> {
    pub start: usize,
    pub widths: [usize; N],
}

impl<const N: usize> Cells<N> {
    /// The cell `offset` columns into the table, and whether the click is on its first column.
    fn at(&self, offset: usize) -> Option<(usize, bool)> {
        let mut left = self.start;
        for (i, &w) in self.widths.iter().enumerate() {
            if (left..left + w).contains(&offset) {
                return Some((i, offset == left));
            }
            left += w;
        }
        None
    }
}

/// What a click on a table of values did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tapped {
    /// It landed on another row or cell: the cursor moved there (on a row's name, to the same
    /// cell of that row), and the table stays where it is.
    Moved,
    /// It landed on the cell under the cursor: its value changes, back a step on its `<`
    /// (`back`), else on a step, as the keys change it.
    Change { back: bool },
}

/// A click at (`x`, `y`) on a table drawn in `area` like a [`list`] (rows `heights` rows tall,
/// the cursor's row in view) whose rows have `cells`, with the cursor on value `field` (row by
/// row, `N` values each) and the table held at `top`: the cursor follows it; what it did
/// (`None` when it missed every row).
pub fn follow_cell<const N: usize>(
    area: Rect,
    heights: &[usize],
    cells: &Cells<N>,
    (field, top): (&mut usize, &mut usize),
    x: u16,
    y: u16,
) -> Option<Tapped> {
    let held = (*field / N, *top);
    let (row, line) = line_at(area, heights, held, x, y)?;
    let on_values = line + 1 == heights[row];
    let cell = on_values
        .then(|| cells.at(usize::from(x - area.x)))
        .flatten();
    let to = row * N + cell.map_or(*field % N, |(cell, _)| cell);
    if let Some((_, back)) = cell
        && to == *field
    {
        return Some(Tapped::Change { back });
    }
    *top = first_shown(heights, held, area.height);
    *field = to;
    Some(Tapped::Moved)
}

/// A list item of several rows, the flagged ones drawn in `flagged` (a name over its details, the
/// "answer no if" under a checklist line).
pub fn flagged_item(
    rows: Vec<(bool, String)>,
    flagged: ratatui::style::Style,
) -> ListItem<'static> {
    ListItem::new(
        rows.into_iter()
            .map(|(flag, row)| {
                if flag {
                    Line::styled(row, flagged)
                } else {
                    Line::raw(row)
                }
            })
            .collect::<Vec<_>>(),
    )
}

/// Heights of `len` one-row items.
pub fn rows(len: usize) -> Vec<usize> {
    vec![1; len]
}

/// A list with a cursor marker ("> ") that needs no colour, scrolled so the cursor shows.
pub fn list(
    buf: &mut Buffer,
    area: Rect,
    items: Vec<ListItem<'_>>,
    cursor: Cursor,
    focused: bool,
    theme: &Theme,
) {
    let inner_height = area.height;
    let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
    let selected = cursor.0;
    let mut state = ListState::default()
        .with_offset(first_shown(&heights, cursor, inner_height))
        .with_selected(Some(selected));
    let total = items.len();
    // Counted in rows: items of several rows can hide one even when there are fewer items
    // than rows.
    let scrolls = heights.iter().sum::<usize>() > usize::from(inner_height);
    // The last column is kept for the scrollbar, so it never covers text.
    let list_area = if scrolls {
        Rect {
            width: area.width.saturating_sub(1),
            ..area
        }
    } else {
        area
    };
    let list = List::new(items)
        .highlight_symbol("> ")
        .highlight_style(if focused {
            theme.cursor
        } else {
            theme.cursor_unfocused
        })
        .highlight_spacing(HighlightSpacing::Always);
    // A row too long for the list ends with an ellipsis instead of being cut silently.
    text::cut_visibly(buf, list_area, |buf, wide| {
        StatefulWidget::render(list, wide, buf, &mut state);
    });
    if scrolls {
        scrollbar(buf, area, total, selected);
    }
}

/// A vertical scrollbar on the right edge of `area`.
pub fn scrollbar(buf: &mut Buffer, area: Rect, total: usize, position: usize) {
    let mut state = ScrollbarState::new(total).position(position);
    StatefulWidget::render(
        Scrollbar::new(ScrollbarOrientation::VerticalRight),
        area,
        buf,
        &mut state,
    );
}

/// A value in a table row, `width` cells wide: between `<` and `>` (and in the cursor's style)
/// when it is under the cursor, else between spaces; `note` follows it either way.
pub fn table_cell(
    value: &str,
    note: &str,
    width: usize,
    selected: bool,
    theme: &Theme,
) -> Span<'static> {
    let text = if selected {
        format!("<{value}>{note}")
    } else {
        format!(" {value} {note}")
    };
    Span::styled(
        format!("{text:<width$}"),
        if selected { theme.cursor } else { theme.text },
    )
}

/// A table's scrollbar in the cell of padding right of its `rows`, when its `total` rows
/// (areas; `row_height` lines each) overflow them; `position` is the row under the cursor.
pub fn table_scrollbar(
    buf: &mut Buffer,
    rows: Rect,
    (total, row_height): (usize, usize),
    position: usize,
) {
    if total * row_height > usize::from(rows.height) {
        let bar = Rect {
            x: rows.right(),
            width: 1,
            ..rows
        };
        scrollbar(buf, bar, total, position);
    }
}

/// Wrapped text scrolled by `scroll` lines (clamped to the end), with a scrollbar when it does
/// not fit. Returns how far the text can scroll at this size, for the screen's state.
pub fn scrolled_text(
    buf: &mut Buffer,
    area: Rect,
    lines: Vec<Line<'_>>,
    scroll: u16,
    block: Block<'_>,
) -> u16 {
    // One cell of padding inside the box, so text never touches its border.
    let block = block.padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    block.render(area, buf);
    // The last two columns are kept for a gap and the scrollbar, so it never covers text.
    let text_area = Rect {
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let lines: Vec<Line<'_>> = lines
        .into_iter()
        .map(|mut l| {
            for span in &mut l.spans {
                if span.content.contains(|c: char| c.is_ascii_digit()) {
                    span.content = text::keep_units(&span.content).into();
                }
            }
            l
        })
        .collect();
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(text_area.width);
    let max = total.saturating_sub(usize::from(inner.height));
    let scroll = usize::from(scroll).min(max);
    #[allow(clippy::cast_possible_truncation)] // clamped to the text's own length
    paragraph.scroll((scroll as u16, 0)).render(text_area, buf);
    if total > usize::from(inner.height) {
        scrollbar(buf, inner, max + 1, scroll);
    }
    u16::try_from(max).unwrap_or(u16::MAX)
}

/// The browse filters in one line: the tool and the kind, with the keys (from `keys`) that change
/// and clear them; cut with an ellipsis when narrow.
pub fn filters_line(
    buf: &mut Buffer,
    area: Rect,
    keys: &[crate::tui::keys::Binding],
    kb: &crate::kb::KnowledgeBase,
    (tool, kind): (Option<usize>, Option<crate::kb::Kind>),
    theme: &Theme,
) {
    use crate::tui::action::Action;
    use crate::tui::keys::label;
    let tool = tool
        .and_then(|i| kb.tools().get(i))
        .map_or("any", |t| t.name.as_str());
    let kind = kind.map_or("any", |k| k.as_str());
    let area = area.inner(ratatui::layout::Margin::new(1, 0));
    Paragraph::new(crate::tui::text::fit_line(
        Line::from(vec![
            Span::styled("Tool: ", theme.dim),
            Span::styled(tool, theme.title),
            Span::styled(
                format!("  ({})   Kind: ", label(keys, &Action::ToolFilter)),
                theme.dim,
            ),
            Span::styled(kind, theme.title),
            Span::styled(
                format!(
                    "  ({})   {} clears",
                    label(keys, &Action::KindFilter),
                    label(keys, &Action::ClearFilters)
                ),
                theme.dim,
            ),
        ]),
        usize::from(area.width),
    ))
    .render(area, buf);
}
