//! The end of a guided session: saved to the history (or why not, with a retry offered only
//! then), how it went (steps done and skipped), and each area before and after with what the
//! change means, in a readable column that scrolls when the window is short.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, StatefulWidget};

use super::{Cmd, Ctx, Scroll, View};
use crate::change::{MEANING_NOTE, Scale, change};
use crate::history::Record;
use crate::report::region_name;
use crate::tui::action::{Action, Effect};
use crate::tui::keys::{
    Binding, FIRST, Key, LAST, SCROLL_D, SCROLL_DOWN, SCROLL_HINT, SCROLL_U, SCROLL_UP, bind, label,
};
use crate::tui::widgets as parts;

/// Scrolling the text, as every text pane scrolls.
macro_rules! scrolling {
    ($($rest:expr),* $(,)?) => {
        &[
            SCROLL_U,
            SCROLL_D,
            SCROLL_HINT,
            SCROLL_UP,
            SCROLL_DOWN,
            FIRST,
            LAST,
            $($rest),*
        ]
    };
}

pub const KEYS: &[Binding] = scrolling![
    bind(&[Key::Enter], "enter", "finish", Action::Next),
    bind(&[Key::Char('h')], "h", "history", Action::OpenHistory),
];

/// After a failed save: the same, and a retry.
pub const FAILED_KEYS: &[Binding] = scrolling![
    bind(&[Key::Enter], "enter", "finish", Action::Next),
    bind(&[Key::Char('r')], "r", "try saving again", Action::Retry),
    bind(&[Key::Char('h')], "h", "history", Action::OpenHistory),
];

/// The session as saved (kept whole, with its id, so saving can be tried again without ever
/// writing it twice), how saving went (`None` while a save is under way), and how far the text
/// is scrolled.
#[derive(Debug)]
pub struct State {
    pub record: Record,
    pub saved: Option<Result<String, String>>,
    pub scroll: Scroll,
}

impl State {
    pub fn new(record: Record) -> Self {
        Self {
            record,
            saved: None,
            scroll: Scroll::default(),
        }
    }

    /// The retry is there only after a failed save.
    pub fn keys(&self) -> &'static [Binding] {
        if matches!(self.saved, Some(Err(_))) {
            FAILED_KEYS
        } else {
            KEYS
        }
    }

    pub fn update<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        match action {
            Action::Saved(result) => self.saved = Some(result),
            Action::Retry if matches!(self.saved, Some(Err(_))) => {
                self.saved = None;
                ctx.effects
                    .push(Effect::Save(Box::new(self.record.clone())));
            }
            Action::Next => return Cmd::Restart,
            _ => {
                self.scroll.apply(&action);
            }
        }
        Cmd::Stay
    }
}

impl StatefulWidget for View<'_, State> {
    /// How far the text can scroll, measured while drawing.
    type State = Option<u16>;

    fn render(self, area: Rect, buf: &mut Buffer, fit: &mut Option<u16>) {
        let (kb, theme, state) = (self.shared.kb, self.shared.theme, self.state);
        let mut lines = match &state.saved {
            Some(Ok(path)) => vec![Line::styled(
                format!("Saved to your history: {path}"),
                theme.ok,
            )],
            Some(Err(e)) => vec![
                Line::styled("Not saved: the history could not be written.", theme.danger),
                Line::raw(e.clone()),
                Line::raw(format!(
                    "Nothing below is lost: fix the folder and press {} to try again.",
                    label(FAILED_KEYS, &Action::Retry)
                )),
            ],
            None => vec![Line::styled("Saving...", theme.dim)],
        };
        lines.push(Line::raw(""));
        let status = state.record.status();
        lines.push(Line::styled(
            format!(
                "Session {}: {}.",
                status.words(),
                state.record.steps_words()
            ),
            theme.title,
        ));
        lines.push(Line::raw(""));
        // The names in a column as wide as the longest, two spaces always after it (never
        // "skullpain").
        let names = state
            .record
            .ratings
            .iter()
            .map(|r| region_name(kb, &r.region));
        let width = names.map(|n| n.chars().count()).max().unwrap_or(0) + 2;
        for r in &state.record.ratings {
            let after = r.after.unwrap_or(r.before);
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{:<width$}", region_name(kb, &r.region)),
                    theme.title,
                ),
                Span::raw(format!(
                    "{}; {}",
                    change(Scale::Pain, r.before.pain, after.pain).words(),
                    change(Scale::Ease, r.before.ease, after.ease).words()
                )),
            ]));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(MEANING_NOTE, theme.dim));
        lines.push(Line::styled("If an area feels worse the next day (more swollen, bruised, numb or much more painful), stop using tools on it and ask a doctor or physio.", theme.dim));
        let block = Block::bordered().border_style(theme.border);
        *fit = Some(parts::scrolled_text(
            buf,
            crate::tui::text::readable(area),
            lines,
            state.scroll.offset,
            block,
        ));
    }
}
