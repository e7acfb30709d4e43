//! Keys and bindings: the key names, the bindings every screen shares, the global and overlay
//! tables, and finding the action for a key press. Each screen keeps its own table (in
//! `screens/`), used for handling keys, the footer hints and the help overlay alike, so the
//! hints can never disagree with what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use super::action::Action;

/// A key, independent of the terminal library's event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Up,
    Down,
    Left,
    Right,
    Enter,
    Esc,
    Backspace,
    Tab,
    BackTab,
    PageUp,
    PageDown,
    Home,
    End,
}

/// Keys, how the footer and help name them, what they do, and the action.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    pub label: &'static str,
    pub hint: &'static str,
    pub action: Action,
    /// Shown in the footer (everything is shown in the help overlay).
    pub footer: bool,
}

/// A binding shown in the footer and the help.
pub const fn bind(
    keys: &'static [Key],
    label: &'static str,
    hint: &'static str,
    action: Action,
) -> Binding {
    Binding {
        keys,
        label,
        hint,
        action,
        footer: true,
    }
}

/// A binding shown in the help only.
pub const fn help_only(
    keys: &'static [Key],
    label: &'static str,
    hint: &'static str,
    action: Action,
) -> Binding {
    let mut b = bind(keys, label, hint, action);
    b.footer = false;
    b
}

pub const UP: Binding = help_only(&[Key::Up, Key::Char('k')], "↑ k", "move up", Action::Up);
pub const DOWN: Binding = help_only(
    &[Key::Down, Key::Char('j')],
    "↓ j",
    "move down",
    Action::Down,
);
pub const MOVE: Binding = bind(&[], "↑↓", "move", Action::Up);
pub const BACK: Binding = bind(&[Key::Esc, Key::Backspace], "esc", "back", Action::Back);
pub const SCROLL_UP: Binding =
    help_only(&[Key::PageUp], "pgup", "scroll up a page", Action::PageUp);
pub const SCROLL_DOWN: Binding = help_only(
    &[Key::PageDown],
    "pgdn",
    "scroll down a page",
    Action::PageDown,
);

/// Paging a list or a text pane: a page up or down, the first or the last row (`g`/`G` as well
/// as home/end, like less and vim). The footer shows the one-line summary, the help each key.
pub const PAGE_UP: Binding = help_only(&[Key::PageUp], "pgup", "a page up", Action::PageUp);
pub const PAGE_DOWN: Binding = help_only(&[Key::PageDown], "pgdn", "a page down", Action::PageDown);
pub const FIRST: Binding = help_only(
    &[Key::Home, Key::Char('g')],
    "home g",
    "to the top",
    Action::Home,
);
pub const LAST: Binding = help_only(
    &[Key::End, Key::Char('G')],
    "end G",
    "to the end",
    Action::End,
);
/// Home/end only, for screens where `g` means something else.
pub const HOME: Binding = help_only(&[Key::Home], "home", "to the top", Action::Home);
pub const END: Binding = help_only(&[Key::End], "end", "to the end", Action::End);
pub const PAGE_HINT: Binding = bind(&[], "pgup/pgdn", "page", Action::PageDown);

/// One row of a menu: its label, what it does in words, and the action it takes.
#[derive(Debug)]
pub struct MenuItem {
    pub label: &'static str,
    pub description: &'static str,
    pub action: Action,
}

/// The key a table binds to `action`, as its footer names it: every key hint in a screen's own
/// text comes from here, so the text can never name a key that does something else.
pub fn label(table: &[Binding], action: &Action) -> &'static str {
    table
        .iter()
        .find(|b| b.action == *action && !b.keys.is_empty())
        .map_or("?", |b| b.label)
}

/// Keys that work on every screen.
pub const GLOBAL: &[Binding] = &[
    bind(&[Key::Char('?')], "?", "help", Action::Help),
    bind(&[Key::Char('q')], "q", "quit", Action::Quit),
    help_only(
        &[Key::Char('M')],
        "M",
        "mouse off/on (off: the terminal selects text)",
        Action::MouseCapture,
    ),
    help_only(
        &[Key::Ctrl('c')],
        "ctrl-c",
        "quit at once",
        Action::ForceQuit,
    ),
];

pub const BROWSE: Binding = bind(&[Key::Char('b')], "b", "browse", Action::Browse);
pub const SEARCH: Binding = bind(&[Key::Char('/')], "/", "search", Action::Search);
pub const START: Binding = bind(
    &[Key::Char('s')],
    "s",
    "start the safety check",
    Action::StartCheck,
);

pub const MAP_LEFT: Binding = help_only(
    &[Key::Left, Key::Char('h')],
    "← h",
    "move left on the body map",
    Action::Left,
);
pub const MAP_RIGHT: Binding = help_only(
    &[Key::Right, Key::Char('l')],
    "→ l",
    "move right on the body map",
    Action::Right,
);
pub const MAP_MOVE: Binding = bind(&[], "↑↓←→", "move", Action::Up);

pub const SCROLL_U: Binding = help_only(&[Key::Up, Key::Char('k')], "↑ k", "scroll up", Action::Up);
pub const SCROLL_D: Binding = help_only(
    &[Key::Down, Key::Char('j')],
    "↓ j",
    "scroll down",
    Action::Down,
);
pub const SCROLL_HINT: Binding = bind(&[], "↑↓", "scroll", Action::Up);

/// What the keys are doing: a screen's keys, typing into a search (letters are typed, only
/// ctrl-c stays global), or an overlay's keys (nothing global but its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Screen,
    Typing,
    Overlay,
}

/// The global bindings in force.
pub fn global(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Overlay => &[],
        Mode::Typing => &GLOBAL[3..],
        Mode::Screen => GLOBAL,
    }
}

fn key_of(event: KeyEvent) -> Option<Key> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    // Alt, Super, Hyper and Meta combinations are bound to nothing; an unknown escape sequence
    // also reads as one (ESC then `q` is Alt+q), so they are ignored rather than taken as keys.
    if event.modifiers.intersects(
        KeyModifiers::ALT | KeyModifiers::SUPER | KeyModifiers::HYPER | KeyModifiers::META,
    ) {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && !matches!(event.code, KeyCode::Char(_)) {
        return None;
    }
    Some(match event.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}

/// The action a key press asks for among `bindings`, if any; in the search, any other printable
/// key is typed into it.
pub fn action_for(
    mut bindings: impl Iterator<Item = &'static Binding>,
    mode: Mode,
    event: KeyEvent,
) -> Option<Action> {
    let key = key_of(event)?;
    let bound = bindings
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action.clone());
    bound.or(match (mode, key) {
        (Mode::Typing, Key::Char(c)) => Some(Action::Type(c)),
        _ => None,
    })
}
