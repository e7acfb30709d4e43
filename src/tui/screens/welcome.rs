//! The welcome screen: what fascia is and is not, the emergency notice, and the menu.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};

use super::{Cmd, View};
use crate::tui::action::Action;
use crate::tui::keys::{Binding, DOWN, Key, MOVE, MenuItem, UP, bind, help_only};
use crate::tui::text;
use crate::tui::widgets::{self as parts, Clicked};

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

    /// A click on a menu row moves the cursor there; on the row under the cursor, chooses it.
    pub fn click<'kb>(
        &mut self,
        emergency: &str,
        remembering: bool,
        body: Rect,
        x: u16,
        y: u16,
    ) -> Cmd<'kb> {
        let menu = layout(body, emergency, remembering).menu;
        // The menu always shows whole, so it never scrolls: nothing holds it.
        let mut top = 0;
        match parts::follow(
            menu,
            &parts::rows(MENU.len()),
            (&mut self.row, &mut top),
            x,
            y,
        ) {
            Some(Clicked::Again(_)) => self.update(Action::Next),
            _ => Cmd::Stay,
        }
    }
}

/// What a piece of the welcome text is, for how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Tagline,
    Text,
    Emergency,
    Note,
}

/// A piece of the welcome text: a paragraph, or a blank line between two. A short window drops
/// blank lines by rank (lowest first), then says what is remembered in fewer words, so the
/// text always fits whole above the menu and nothing is cut.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Blank(u8),
    Para(Role, String),
}

/// The signal glyph before the emergency notice.
const SIGNAL: &str = " ! ";

/// The welcome text: what fascia does, the emergency notice, what it is not, and, when
/// `remembering`, what it remembers (in `short` words when room is tight).
fn pieces(emergency: &str, remembering: bool, short: bool) -> Vec<Piece> {
    let mut pieces = vec![
        Piece::Blank(0),
        Piece::Para(Role::Tagline, "Safe self-massage for tight or sore muscles.".into()),
        Piece::Blank(2),
        Piece::Para(
            Role::Text,
            "fascia asks where it hurts and about your health, checks for warning signs, and then builds a short routine with the foam roller, ball or stick you own, or just your hands.".into(),
        ),
        Piece::Blank(4),
        Piece::Para(
            Role::Emergency,
            format!(
                " Not for emergencies. Chest pain, sudden trouble breathing, signs of a stroke or a sudden severe headache: call {emergency} now."
            ),
        ),
        Piece::Blank(3),
        Piece::Para(
            Role::Note,
            "fascia is not a diagnosis. When in doubt it sends you to a doctor or physio.".into(),
        ),
    ];
    if remembering {
        let note = if short {
            crate::words::REMEMBERED_SHORT
        } else {
            crate::words::REMEMBERED
        };
        pieces.push(Piece::Para(Role::Note, note.into()));
    }
    pieces.push(Piece::Blank(1));
    pieces
}

/// The text as it is measured (styles do not change how it wraps).
fn plain(pieces: &[Piece]) -> Vec<Line<'static>> {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Blank(_) => Line::raw(""),
            Piece::Para(Role::Emergency, text) => Line::raw(format!("{SIGNAL}{text}")),
            Piece::Para(_, text) => Line::raw(text.clone()),
        })
        .collect()
}

/// Where the welcome text and the menu go, and the text that fits.
struct Layout {
    intro: Rect,
    menu: Rect,
    pieces: Vec<Piece>,
}

/// The welcome screen's layout in `body`, shared by drawing and clicks: the fullest text that
/// fits above the menu (blank lines dropped first, then the shorter note; the emergency notice
/// keeps its blank lines longest).
fn layout(body: Rect, emergency: &str, remembering: bool) -> Layout {
    // The header already names fascia: the body starts with what it does.
    let area = body.centered_horizontally(Constraint::Max(76));
    let menu_height = u16::try_from(MENU.len()).unwrap_or(4);
    let room = area.height.saturating_sub(menu_height);
    let tries = [(false, 0), (false, 1), (false, 2), (false, 3)]
        .into_iter()
        .chain((3..=5).map(|drop| (true, drop)));
    let mut pieces = Vec::new();
    for (short, drop) in tries {
        pieces = pieces_for(emergency, remembering, short, drop);
        if text::wrapped_height(&plain(&pieces), area.width) <= room {
            break;
        }
    }
    let height = text::wrapped_height(&plain(&pieces), area.width).min(room);
    let [intro, menu, _] = area.layout(&ratatui::layout::Layout::vertical([
        Constraint::Length(height),
        Constraint::Length(menu_height),
        Constraint::Min(0),
    ]));
    Layout {
        intro,
        menu,
        pieces,
    }
}

/// The text with the blank lines of the `drop` lowest ranks left out.
fn pieces_for(emergency: &str, remembering: bool, short: bool, drop: u8) -> Vec<Piece> {
    pieces(emergency, remembering, short)
        .into_iter()
        .filter(|p| !matches!(p, Piece::Blank(rank) if *rank < drop))
        .collect()
}

impl Widget for View<'_, State> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.shared.theme;
        let Layout {
            intro,
            menu,
            pieces,
        } = layout(area, self.shared.emergency, self.shared.remembering);
        let lines: Vec<Line<'_>> = pieces
            .into_iter()
            .map(|p| match p {
                Piece::Blank(_) => Line::raw(""),
                Piece::Para(Role::Emergency, text) => Line::from(vec![
                    Span::styled(SIGNAL, theme.danger),
                    Span::styled(text, theme.warn),
                ]),
                Piece::Para(Role::Tagline, text) => Line::styled(text, theme.title),
                Piece::Para(Role::Text, text) => Line::raw(text),
                Piece::Para(Role::Note, text) => Line::styled(text, theme.dim),
            })
            .collect();
        Paragraph::new(lines)
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
        parts::list(buf, menu, items, (self.state.row, 0), true, theme);
    }
}
