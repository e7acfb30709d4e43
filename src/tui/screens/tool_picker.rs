//! The tool picker: a list of "Any tool" and every tool, opened over the browse list or the
//! search, instead of cycling through the tools one press at a time.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Clear, ListItem, Widget};

use crate::kb::KnowledgeBase;
use crate::tui::action::Action;
use crate::tui::keys::{Binding, DOWN, FIRST, Key, LAST, MOVE, PAGE_DOWN, PAGE_UP, UP, bind};
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::widgets::{self as parts, Clicked};

/// The keys while the picker is open.
pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    PAGE_UP,
    PAGE_DOWN,
    FIRST,
    LAST,
    bind(
        &[Key::Enter, Key::Char(' ')],
        "enter",
        "use this tool",
        Action::Next,
    ),
    bind(&[Key::Esc, Key::Backspace], "esc", "cancel", Action::Back),
];

/// The row under the cursor: 0 is "any tool", then the tools in knowledge-base order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picker {
    pub row: usize,
    /// The first row in view, where the last click held the list (`widgets::Cursor`).
    pub top: usize,
}

/// What a key did in the picker.
#[derive(Debug, PartialEq, Eq)]
pub enum Picked {
    /// Still choosing.
    Open,
    /// Closed without a change.
    Cancelled,
    /// A tool (index into the tools), or any tool.
    Tool(Option<usize>),
}

/// Closes `picker` when `outcome` says it closed, and sets `filter` to the tool it closed on;
/// true when the filter was set (the list is then found again).
pub fn settle(picker: &mut Option<Picker>, filter: &mut Option<usize>, outcome: Picked) -> bool {
    match outcome {
        Picked::Open => false,
        Picked::Cancelled => {
            *picker = None;
            false
        }
        Picked::Tool(tool) => {
            *picker = None;
            *filter = tool;
            true
        }
    }
}

impl Picker {
    /// Opens on the tool in use.
    pub fn new(current: Option<usize>) -> Self {
        Self {
            row: current.map_or(0, |i| i + 1),
            top: 0,
        }
    }

    pub fn update(&mut self, kb: &KnowledgeBase, action: &Action) -> Picked {
        let len = kb.tools().len() + 1;
        if let Some(row) = super::list_move(self.row, len, super::PAGE, action) {
            self.row = row;
            return Picked::Open;
        }
        match action {
            Action::Next | Action::Toggle => Picked::Tool(self.row.checked_sub(1)),
            Action::Back | Action::Cancel => Picked::Cancelled,
            _ => Picked::Open,
        }
    }

    /// A click on a tool moves the cursor there; on the tool under the cursor, uses it; outside
    /// the picker, closes it without a change.
    pub fn click(&mut self, kb: &KnowledgeBase, area: Rect, x: u16, y: u16) -> Picked {
        let (rect, inner) = layout(kb, area);
        let rows = parts::rows(kb.tools().len() + 1);
        match parts::follow(inner, &rows, (&mut self.row, &mut self.top), x, y) {
            Some(Clicked::Moved { .. }) => Picked::Open,
            Some(Clicked::Again(row)) => Picked::Tool(row.checked_sub(1)),
            None if rect.contains(Position::new(x, y)) => Picked::Open,
            None => Picked::Cancelled,
        }
    }

    /// Draws the picker over `area` (centred, as tall as it fits).
    pub fn render(self, kb: &KnowledgeBase, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let (rect, inner) = layout(kb, area);
        Clear.render(rect, buf);
        text::boxed(" Tool ", theme.title).render(rect, buf);
        let items = std::iter::once("Any tool")
            .chain(kb.tools().iter().map(|t| t.name.as_str()))
            .map(|name| ListItem::new(Line::raw(name.to_owned())))
            .collect();
        parts::list(buf, inner, items, (self.row, self.top), true, theme);
    }
}

/// The picker's box over `area` (centred, as tall as it fits) and the list inside it, shared by
/// drawing and clicks.
fn layout(kb: &KnowledgeBase, area: Rect) -> (Rect, Rect) {
    let height = u16::try_from(kb.tools().len() + 3).unwrap_or(u16::MAX);
    let rect = area.centered(Constraint::Max(44), Constraint::Max(height));
    (rect, text::boxed("", Style::new()).inner(rect))
}
