//! The end of a guided session: saved to the history (or why not, with a retry), and each
//! area before and after.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::{Cmd, Ctx, View};
use crate::history::Record;
use crate::report::region_name;
use crate::tui::action::{Action, Effect};
use crate::tui::keys::{Binding, Key, bind, label};

pub const KEYS: &[Binding] = &[
    bind(&[Key::Enter], "enter", "finish", Action::Next),
    bind(&[Key::Char('r')], "r", "try saving again", Action::Retry),
    bind(&[Key::Char('h')], "h", "history", Action::OpenHistory),
];

/// The session as saved (kept whole, so saving can be tried again), and how saving went.
#[derive(Debug)]
pub struct State {
    pub record: Record,
    pub saved: Option<Result<String, String>>,
}

impl State {
    pub fn new(record: Record) -> Self {
        Self {
            record,
            saved: None,
        }
    }

    pub fn update<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        match action {
            Action::Saved(result) => self.saved = Some(result),
            Action::Retry => ctx
                .effects
                .push(Effect::Save(Box::new(self.record.clone()))),
            Action::Next => return Cmd::Restart,
            _ => {}
        }
        Cmd::Stay
    }
}

impl Widget for View<'_, State> {
    fn render(self, area: Rect, buf: &mut Buffer) {
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
                    label(KEYS, &Action::Retry)
                )),
            ],
            None => Vec::new(),
        };
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            if state.record.completed {
                "Session completed."
            } else {
                "Session ended early."
            },
            theme.title,
        ));
        lines.push(Line::raw(""));
        for r in &state.record.ratings {
            let after = r.after.unwrap_or(r.before);
            let change = i16::from(r.before.pain) - i16::from(after.pain);
            let word = match change {
                c if c > 0 => format!("{c} less pain"),
                c if c < 0 => format!("{} more pain", -c),
                _ => "no change in pain".to_owned(),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{:<26}", region_name(kb, &r.region)), theme.title),
                Span::raw(format!(
                    "pain {} -> {} ({word}), moves freely {} -> {}",
                    r.before.pain, after.pain, r.before.ease, after.ease
                )),
            ]));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled("If an area feels worse the next day (more swollen, bruised, numb or much more painful), stop using tools on it and ask a doctor or physio.", theme.dim));
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().border_style(theme.border))
            .render(area, buf);
    }
}
