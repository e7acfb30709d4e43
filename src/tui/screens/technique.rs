//! Browse: one technique in full, scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, StatefulWidget};

use super::{Cmd, Scroll, View};
use crate::report::technique_sections;
use crate::tui::action::Action;
use crate::tui::keys::{
    BACK, Binding, SCROLL_D, SCROLL_DOWN, SCROLL_HINT, SCROLL_U, SCROLL_UP, SEARCH, START,
};
use crate::tui::widgets as parts;

pub const KEYS: &[Binding] = &[
    SCROLL_U,
    SCROLL_D,
    SCROLL_HINT,
    SCROLL_UP,
    SCROLL_DOWN,
    SEARCH,
    START,
    BACK,
];

/// The technique shown (its id) and how far it is scrolled.
#[derive(Debug)]
pub struct State {
    pub id: String,
    pub scroll: Scroll,
}

impl State {
    pub fn new(id: &str) -> Self {
        Self {
            id: id.to_owned(),
            scroll: Scroll::default(),
        }
    }

    pub fn update<'kb>(&mut self, action: Action) -> Cmd<'kb> {
        if matches!(action, Action::Back) {
            return Cmd::Back;
        }
        self.scroll.apply(&action);
        Cmd::Stay
    }
}

impl StatefulWidget for View<'_, State> {
    /// How far the text can scroll, measured while drawing.
    type State = Option<u16>;

    fn render(self, area: Rect, buf: &mut Buffer, fit: &mut Option<u16>) {
        let (kb, theme) = (self.shared.kb, self.shared.theme);
        let body = parts::browse_reminder(buf, crate::tui::text::readable(area), theme, false);
        let Some(t) = kb.technique(&self.state.id) else {
            return;
        };
        let mut lines = Vec::new();
        for (title, section) in technique_sections(kb, t, self.shared.emergency) {
            if section.is_empty() {
                continue;
            }
            lines.push(Line::styled(title, theme.title));
            lines.extend(section.into_iter().map(Line::raw));
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(crate::report::DISCLAIMER, theme.dim));
        let block = Block::bordered()
            .title(format!(" {} ", t.name))
            .border_style(theme.border);
        *fit = Some(parts::scrolled_text(
            buf,
            body,
            lines,
            self.state.scroll.offset,
            block,
        ));
    }
}
