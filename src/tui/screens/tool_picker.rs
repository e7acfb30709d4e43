//! The tool picker: a list of "Any tool" and every tool, opened over the browse list or the
//! search, instead of cycling through the tools one press at a time.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, ListItem, Widget};

use crate::kb::KnowledgeBase;
use crate::tui::action::Action;
use crate::tui::keys::{Binding, DOWN, FIRST, Key, LAST, MOVE, PAGE_DOWN, PAGE_UP, UP, bind};
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::widgets as parts;

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

impl Picker {
    /// Opens on the tool in use.
    pub fn new(current: Option<usize>) -> Self {
        Self {
            row: current.map_or(0, |i| i + 1),
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

    /// Draws the picker over `area` (centred, as tall as it fits).
    pub fn render(self, kb: &KnowledgeBase, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let height = u16::try_from(kb.tools().len() + 3).unwrap_or(u16::MAX);
        let rect = area.centered(Constraint::Max(44), Constraint::Max(height));
        Clear.render(rect, buf);
        let block = text::boxed(" Tool ", theme.title);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let items = std::iter::once("Any tool")
            .chain(kb.tools().iter().map(|t| t.name.as_str()))
            .map(|name| ListItem::new(Line::raw(name.to_owned())))
            .collect();
        parts::list(buf, inner, items, self.row, true, theme);
    }
}
