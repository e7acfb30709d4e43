//! Key bindings: one table per screen, used for handling keys, the footer hints and the help
//! overlay alike, so the hints can never disagree with what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use super::action::Action;
use super::screen::{Overlay, Screen};
use crate::engine::Reply;

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

const fn bind(
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

const fn help_only(
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
        footer: false,
    }
}

const UP: Binding = help_only(&[Key::Up, Key::Char('k')], "↑ k", "move up", Action::Up);
const DOWN: Binding = help_only(
    &[Key::Down, Key::Char('j')],
    "↓ j",
    "move down",
    Action::Down,
);
const MOVE: Binding = bind(&[], "↑↓", "move", Action::Up);
const BACK: Binding = bind(&[Key::Esc, Key::Backspace], "esc", "back", Action::Back);
const SCROLL_UP: Binding = help_only(&[Key::PageUp], "pgup", "scroll up a page", Action::PageUp);
const SCROLL_DOWN: Binding = help_only(
    &[Key::PageDown],
    "pgdn",
    "scroll down a page",
    Action::PageDown,
);

/// Keys that work on every screen.
pub const GLOBAL: &[Binding] = &[
    bind(&[Key::Char('?')], "?", "help", Action::Help),
    bind(&[Key::Char('q')], "q", "quit", Action::Quit),
    help_only(
        &[Key::Ctrl('c')],
        "ctrl-c",
        "quit at once",
        Action::ForceQuit,
    ),
];

const BROWSE: Binding = bind(&[Key::Char('b')], "b", "browse", Action::Browse);
const SEARCH: Binding = bind(&[Key::Char('/')], "/", "search", Action::Search);
const START: Binding = bind(
    &[Key::Char('s')],
    "s",
    "start the safety check",
    Action::StartCheck,
);

/// One row of a menu: its label, what it does in words, and the action it takes.
#[derive(Debug)]
pub struct MenuItem {
    pub label: &'static str,
    pub description: &'static str,
    pub action: Action,
}

/// The welcome menu: each row's label and what enter on it does, in one table.
pub const WELCOME_MENU: [MenuItem; 3] = [
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
        label: "Quit",
        description: "Leave fascia",
        action: Action::Quit,
    },
];

const WELCOME: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    bind(&[Key::Enter], "enter", "choose", Action::Next),
    help_only(&[Key::Char('b')], "b", "browse techniques", Action::Browse),
    help_only(&[Key::Char('h')], "h", "history", Action::OpenHistory),
];

const MAP_LEFT: Binding = help_only(
    &[Key::Left, Key::Char('h')],
    "← h",
    "move left on the body map",
    Action::Left,
);
const MAP_RIGHT: Binding = help_only(
    &[Key::Right, Key::Char('l')],
    "→ l",
    "move right on the body map",
    Action::Right,
);
const MAP_MOVE: Binding = bind(&[], "↑↓←→", "move", Action::Up);

const WHERE: &[Binding] = &[
    UP,
    DOWN,
    MAP_LEFT,
    MAP_RIGHT,
    MAP_MOVE,
    bind(&[Key::Char(' ')], "space", "choose area", Action::Toggle),
    bind(
        &[Key::Tab, Key::BackTab],
        "tab",
        "map/list",
        Action::NextPane,
    ),
    bind(&[Key::Enter], "enter", "next", Action::Next),
    BACK,
    BROWSE,
];

const DETAILS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    help_only(
        &[Key::Left, Key::Char('h')],
        "← h",
        "previous choice",
        Action::Left,
    ),
    bind(
        &[Key::Right, Key::Char('l'), Key::Char(' ')],
        "←→",
        "change",
        Action::Right,
    ),
    bind(&[Key::Enter], "enter", "next", Action::Next),
    BACK,
    BROWSE,
];

const QUESTIONS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    bind(&[Key::Char('y')], "y", "yes", Action::Answer(Reply::Yes)),
    bind(&[Key::Char('n')], "n", "no", Action::Answer(Reply::No)),
    bind(
        &[Key::Char('u')],
        "u",
        "not sure",
        Action::Answer(Reply::NotSure),
    ),
    bind(&[Key::Enter], "enter", "next", Action::Next),
    BACK,
];

const REVIEW: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    bind(
        &[Key::Char(' ')],
        "space",
        "change this answer",
        Action::Toggle,
    ),
    bind(&[Key::Enter], "enter", "see the result", Action::Next),
    BACK,
    BROWSE,
];

const SCROLL_U: Binding = help_only(&[Key::Up, Key::Char('k')], "↑ k", "scroll up", Action::Up);
const SCROLL_D: Binding = help_only(
    &[Key::Down, Key::Char('j')],
    "↓ j",
    "scroll down",
    Action::Down,
);
const SCROLL_HINT: Binding = bind(&[], "↑↓", "scroll", Action::Up);

const OUTCOME_GO_ON: &[Binding] = &[
    SCROLL_U,
    SCROLL_D,
    SCROLL_HINT,
    SCROLL_UP,
    SCROLL_DOWN,
    bind(
        &[Key::Enter],
        "enter",
        "choose tools and time",
        Action::Next,
    ),
    bind(&[Key::Char('e')], "e", "save as Markdown", Action::Export),
    BACK,
    BROWSE,
];

const OUTCOME_STOP: &[Binding] = &[
    SCROLL_U,
    SCROLL_D,
    SCROLL_HINT,
    SCROLL_UP,
    SCROLL_DOWN,
    bind(
        &[Key::Char('e')],
        "e",
        "save for your clinician",
        Action::Export,
    ),
    bind(
        &[Key::Esc, Key::Backspace],
        "esc",
        "back to your answers",
        Action::Back,
    ),
    BROWSE,
];

const PREFERENCES: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    bind(&[Key::Left, Key::Char('h')], "←→", "change", Action::Left),
    help_only(
        &[Key::Right, Key::Char('l')],
        "→ l",
        "change",
        Action::Right,
    ),
    bind(
        &[Key::Char(' ')],
        "space",
        "own / don't own",
        Action::Toggle,
    ),
    bind(&[Key::Enter], "enter", "build the routine", Action::Next),
    BACK,
    BROWSE,
];

const ROUTINE: &[Binding] = &[
    bind(
        &[Key::Char('g')],
        "g",
        "start the guided session",
        Action::StartSession,
    ),
    UP,
    DOWN,
    bind(&[], "↑↓", "step", Action::Up),
    bind(
        &[Key::Tab, Key::BackTab],
        "tab",
        "steps/details",
        Action::NextPane,
    ),
    SCROLL_UP,
    SCROLL_DOWN,
    bind(&[Key::Char('e')], "e", "save as Markdown", Action::Export),
    BACK,
    BROWSE,
];

const BROWSE_REGIONS: &[Binding] = &[
    UP,
    DOWN,
    MAP_LEFT,
    MAP_RIGHT,
    MAP_MOVE,
    bind(&[Key::Enter, Key::Char(' ')], "enter", "open", Action::Next),
    bind(
        &[Key::Tab, Key::BackTab],
        "tab",
        "map/list",
        Action::NextPane,
    ),
    SEARCH,
    START,
    BACK,
];

const BROWSE_LIST: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    bind(&[Key::Enter], "enter", "open", Action::Next),
    bind(&[Key::Char('t')], "t", "tool", Action::ToolFilter),
    bind(
        &[Key::Char('f')],
        "f",
        "direct/indirect",
        Action::KindFilter,
    ),
    SEARCH,
    START,
    BACK,
];

const BROWSE_TECHNIQUE: &[Binding] = &[
    SCROLL_U,
    SCROLL_D,
    SCROLL_HINT,
    SCROLL_UP,
    SCROLL_DOWN,
    SEARCH,
    START,
    BACK,
];

/// While searching, letters are typed into the search, so only these keys act.
const BROWSE_SEARCH: &[Binding] = &[
    bind(&[], "type", "to search", Action::Up),
    help_only(&[Key::Up], "↑", "move up", Action::Up),
    help_only(&[Key::Down], "↓", "move down", Action::Down),
    bind(&[], "↑↓", "move", Action::Up),
    bind(&[Key::Enter], "enter", "open", Action::Next),
    bind(&[Key::Backspace], "bksp", "delete", Action::Erase),
    bind(&[Key::Esc], "esc", "back", Action::Back),
];

const RATE: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    help_only(&[Key::Left, Key::Char('h')], "← h", "less", Action::Left),
    help_only(&[Key::Right, Key::Char('l')], "→ l", "more", Action::Right),
    bind(&[], "←→", "change", Action::Left),
    bind(&[Key::Enter], "enter", "save", Action::Next),
];

const RATE_BEFORE: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    help_only(&[Key::Left, Key::Char('h')], "← h", "less", Action::Left),
    help_only(&[Key::Right, Key::Char('l')], "→ l", "more", Action::Right),
    bind(&[], "←→", "change", Action::Left),
    bind(&[Key::Enter], "enter", "start", Action::Next),
    BACK,
];

const SESSION: &[Binding] = &[
    SCROLL_U,
    SCROLL_D,
    bind(&[Key::Char(' ')], "space", "pause/resume", Action::Toggle),
    bind(
        &[Key::Char('n'), Key::Right],
        "n",
        "skip step",
        Action::SkipStep,
    ),
    bind(
        &[Key::Char('p'), Key::Left],
        "p",
        "back",
        Action::PreviousStep,
    ),
    bind(&[Key::Char('e')], "e", "end now", Action::EndSession),
    bind(&[Key::Char('m')], "m", "bell on/off", Action::Mute),
];

const DONE: &[Binding] = &[
    bind(&[Key::Enter], "enter", "finish", Action::Next),
    bind(&[Key::Char('r')], "r", "try saving again", Action::Retry),
    bind(&[Key::Char('h')], "h", "history", Action::OpenHistory),
];

const HISTORY: &[Binding] = &[
    UP,
    DOWN,
    bind(&[], "↑↓", "session", Action::Up),
    help_only(
        &[Key::Left, Key::Char('h')],
        "← h",
        "previous area",
        Action::Left,
    ),
    help_only(
        &[Key::Right, Key::Char('l')],
        "→ l",
        "next area",
        Action::Right,
    ),
    bind(&[], "←→", "area", Action::Left),
    BACK,
];

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

/// A screen's own bindings; the result screen's depend on whether the check allows a routine.
pub fn table(screen: Screen, permit: bool) -> &'static [Binding] {
    match screen {
        Screen::Welcome => WELCOME,
        Screen::Where => WHERE,
        Screen::Details => DETAILS,
        Screen::Emergency | Screen::Health | Screen::Area => QUESTIONS,
        Screen::Review => REVIEW,
        Screen::Outcome if permit => OUTCOME_GO_ON,
        Screen::Outcome => OUTCOME_STOP,
        Screen::Preferences => PREFERENCES,
        Screen::Routine => ROUTINE,
        Screen::BrowseRegions => BROWSE_REGIONS,
        Screen::BrowseList => BROWSE_LIST,
        Screen::BrowseTechnique => BROWSE_TECHNIQUE,
        Screen::BrowseSearch => BROWSE_SEARCH,
        Screen::RateBefore => RATE_BEFORE,
        Screen::RateAfter => RATE,
        Screen::Session => SESSION,
        Screen::Done => DONE,
        Screen::History => HISTORY,
    }
}

/// The global bindings in force: none under an overlay, only ctrl-c while typing a search.
pub fn global(screen: Screen, overlay: Option<Overlay>) -> &'static [Binding] {
    match (overlay, screen) {
        (Some(_), _) => &[],
        (None, Screen::BrowseSearch) => &GLOBAL[2..],
        (None, _) => GLOBAL,
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
        _ => return None,
    })
}

/// The action a key press asks for among `bindings`, if any; in the search, any other printable
/// key is typed into it.
pub fn action_for(
    mut bindings: impl Iterator<Item = &'static Binding>,
    screen: Screen,
    overlay: Option<Overlay>,
    event: KeyEvent,
) -> Option<Action> {
    let key = key_of(event)?;
    let bound = bindings.find(|b| b.keys.contains(&key)).map(|b| b.action);
    bound.or(match (screen, overlay, key) {
        (Screen::BrowseSearch, None, Key::Char(c)) => Some(Action::Type(c)),
        _ => None,
    })
}
