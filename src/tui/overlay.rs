//! The overlays over a screen (the help and the quit question) and their key tables.

use super::action::Action;
use super::keys::{Binding, Key, bind, help_only};

/// A modal on top of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
}

const CONFIRM_QUIT: &[Binding] = &[
    bind(&[Key::Char('y')], "y", "quit", Action::Confirm),
    bind(&[Key::Char('n'), Key::Esc], "n", "stay", Action::Cancel),
    help_only(
        &[Key::Ctrl('c')],
        "ctrl-c",
        "quit at once",
        Action::ForceQuit,
    ),
];

const HELP: &[Binding] = &[
    bind(
        &[Key::Esc, Key::Char('?'), Key::Enter],
        "esc",
        "close help",
        Action::Cancel,
    ),
    help_only(
        &[Key::Ctrl('c')],
        "ctrl-c",
        "quit at once",
        Action::ForceQuit,
    ),
];

/// The bindings of an overlay.
pub fn overlay_table(overlay: Overlay) -> &'static [Binding] {
    match overlay {
        Overlay::ConfirmQuit => CONFIRM_QUIT,
        Overlay::Help => HELP,
    }
}

impl Overlay {
    /// The overlay's bindings.
    pub fn keys(self) -> &'static [Binding] {
        match self {
            Overlay::ConfirmQuit => CONFIRM_QUIT,
            Overlay::Help => HELP,
        }
    }
}
