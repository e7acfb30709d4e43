//! The welcome screen: what fascia is and is not, the emergency notice, and the menu.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};

use super::{Cmd, View};
use crate::tui::action::Action;
use crate::tui::keys::{Binding, DOWN, Key, MOVE, MenuItem, UP, bind, help_only};
use crate::tui::text;
use crate::tui::widgets as parts;

/// The welcome menu: each row's label and what enter on it does, in one table.
pub const MENU: [MenuItem; 4] = [
    MenuItem {
        label: "Start",
        description: "Check where it hurts and get a safe routine",
        action: Action::StartCheck,
    },
    MenuItem {
        label: "Browse",
        description: "Look up techniques by body area (skips the safety check)",
        action: Action::Browse,
    },
    MenuItem {
        label: "History",
        description: "Your past sessions and how they felt",
        action: Action::OpenHistory,
    },
    MenuItem {
        label: "Quit",
        description: "Leave fascia",
        action: Action::Quit,
    },
];

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    bind(&[Key::Enter], "enter", "choose", Action::Next),
    help_only(&[Key::Char('b')], "b", "browse techniques", Action::Browse),
    help_only(&[Key::Char('h')], "h", "history", Action::OpenHistory),
    crate::tui::keys::HOME,
    crate::tui::keys::END,
];

/// The row of the menu under the cursor.
#[derive(Debug, Default)]
pub struct State {
    pub row: usize,
}

impl State {
    pub fn update<'kb>(&mut self, action: Action) -> Cmd<'kb> {
        match action {
            Action::Up | Action::Down | Action::Home | Action::End | Action::Wheel { .. } => {
                self.row = super::list_move(self.row, MENU.len(), 1, &action).unwrap_or(self.row);
            }
            Action::Next => {
                if let Some(item) = MENU.get(self.row) {
                    return Cmd::Do(item.action.clone());
                }
            }
            _ => {}
        }
        Cmd::Stay
    }
}

impl Widget for View<'_, State> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.shared.theme;
        // The header already names fascia: the body starts with what it does.
        let area = area.centered_horizontally(Constraint::Max(76));
        let text = vec![
            Line::raw(""),
            Line::styled("Safe self-massage for tight or sore muscles.", theme.title),
            Line::raw(""),
            Line::raw(
                "fascia asks where it hurts and about your health, checks for warning signs, and then builds a short routine with the foam roller, ball or stick you own, or just your hands.",
            ),
            Line::raw(""),
            Line::from(vec![
                Span::styled(" ! ", theme.danger),
                Span::styled(
                    format!(
                        " Not for emergencies. Chest pain, sudden trouble breathing, signs of a stroke or a sudden severe headache: call {} now.",
                        self.shared.emergency
                    ),
                    theme.warn,
                ),
            ]),
            Line::raw(""),
            Line::styled(
                "fascia is not a diagnosis. When in doubt it sends you to a doctor or physio.",
                theme.dim,
            ),
            Line::styled(crate::words::REMEMBERED, theme.dim),
            Line::raw(""),
        ];
        let menu_height = u16::try_from(MENU.len()).unwrap_or(4);
        let intro_height =
            text::wrapped_height(&text, area.width).min(area.height.saturating_sub(menu_height));
        let [intro, menu, _] = area.layout(&Layout::vertical([
            Constraint::Length(intro_height),
            Constraint::Length(menu_height),
            Constraint::Min(0),
        ]));
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .render(intro, buf);
        let items = MENU
            .iter()
            .map(|item| {
                let mut description = item.description.to_owned();
                if item.action == Action::OpenHistory
                    && let Some(n) = self.shared.sessions
                {
                    description = match n {
                        0 => "None saved yet".to_owned(),
                        1 => format!("{description} (1\u{a0}saved)"),
                        n => format!("{description} ({n}\u{a0}saved)"),
                    };
                }
                ListItem::new(Line::from(vec![
                    Span::styled(format!("{:<9}", item.label), theme.title),
                    Span::raw(description),
                ]))
            })
            .collect();
        parts::list(buf, menu, items, self.state.row, true, theme);
    }
}
