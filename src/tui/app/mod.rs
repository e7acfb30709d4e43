//! The app: what every screen shares (the knowledge base, the answers, the screen stack, an
//! overlay, a status line) and the one `update`, which routes each action to the screen in front
//! and carries out where it asks to go. No files and no clock here: `update` returns effects for
//! the event loop, whose results come back as actions.

use std::time::Duration;

use super::action::{Action, Effect};
use super::keys;
pub use super::overlay::Overlay;
use super::screens::{Cmd, Ctx, Id, Screen, search, where_};
use crate::engine::Answers;
use crate::flow::{Page, Walk};
use crate::history::Store;
use crate::kb::KnowledgeBase;
use crate::profile::{Profile, ProfileStore};

mod lookup;
mod profile;

/// Everything the screens share. Rendering only reads it.
// Four independent switches (quit, bell, too small, mouse), not a state machine in disguise.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug)]
pub struct App<'kb> {
    pub kb: &'kb KnowledgeBase,
    pub emergency: String,
    pub answers: Answers,
    /// The interview as walked so far in this check.
    pub walk: Walk,
    /// Where the remembered answers are kept; `None` when remembering is off (`--no-remember`).
    pub profiles: Option<ProfileStore>,
    /// What was remembered (as read at the start of the check, or saved after it).
    pub profile: Option<Profile>,
    /// The screen in front is the last; back returns to the one before. Never empty.
    stack: Vec<Screen<'kb>>,
    pub overlay: Option<Overlay>,
    /// A one-line message (a hint, or where a file was written).
    pub status: Option<String>,
    pub quit: bool,
    /// No bell (`--quiet`, or `m` during a session).
    pub quiet: bool,
    /// Where sessions are saved (the event loop writes there).
    pub store: Option<Store>,
    /// The time now, since a fixed origin, from the last tick.
    pub now: Duration,
    /// The window is too small to draw in (the event loop says so after drawing).
    pub too_small: bool,
    /// Whether the app takes the mouse (off lets the terminal select and copy text).
    pub mouse: bool,
    /// How many sessions are saved, once counted (the welcome menu shows it).
    pub sessions: Option<usize>,
}

impl<'kb> App<'kb> {
    pub fn new(kb: &'kb KnowledgeBase, emergency: &str) -> Self {
        Self {
            kb,
            emergency: emergency.to_owned(),
            answers: Answers::default(),
            walk: Walk::default(),
            profiles: None,
            profile: None,
            stack: vec![Screen::Welcome(super::screens::welcome::State::default())],
            overlay: None,
            status: None,
            quit: false,
            quiet: false,
            store: None,
            now: Duration::ZERO,
            too_small: false,
            mouse: true,
            sessions: None,
        }
    }

    /// Applies a key press.
    pub fn on_key(&mut self, key: crossterm::event::KeyEvent) -> Vec<Effect> {
        match keys::action_for(self.bindings(), self.key_mode(), key) {
            Some(action) => self.update(action),
            None => Vec::new(),
        }
    }

    /// Advances the clock (the session timer) to `now`.
    pub fn tick(&mut self, now: Duration) -> Vec<Effect> {
        self.update(Action::Tick(now))
    }

    /// The one place state changes.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let effects = self.update_inner(action);
        self.cover_session();
        effects
    }

    fn update_inner(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = Vec::new();
        if !matches!(
            action,
            Action::Tick(_)
                | Action::Fit(_)
                | Action::TooSmall(_)
                | Action::Saved(_)
                | Action::HistoryLoaded(_)
                | Action::SessionBegun { .. }
                | Action::ProfileLoaded { .. }
                | Action::ProfileSaved(_)
                | Action::HistoryCount(_)
        ) {
            self.status = None;
        }
        if let Action::TooSmall(small) = action {
            self.too_small = small;
            return effects;
        }
        if let Some(overlay) = self.overlay {
            match (overlay, action) {
                (_, Action::ForceQuit) => effects = self.stop(),
                // Quitting keeps a session in progress: saved as ended early.
                (Overlay::ConfirmQuit, Action::Confirm) => {
                    self.overlay = None;
                    effects = self.stop();
                }
                (Overlay::ConfirmQuit, Action::Cancel | Action::Back)
                | (Overlay::Help, Action::Help | Action::Back | Action::Cancel | Action::Next) => {
                    self.overlay = None;
                }
                (_, Action::Tick(now)) => self.now = now,
                _ => {}
            }
            return effects;
        }
        self.act(action, &mut effects);
        effects
    }

    /// Actions every screen shares, then the screen's own.
    fn act(&mut self, action: Action, effects: &mut Vec<Effect>) {
        match action {
            Action::ForceQuit => effects.extend(self.stop()),
            Action::Quit if self.id() == Id::Welcome => self.quit = true,
            Action::Quit => self.overlay = Some(Overlay::ConfirmQuit),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::MouseCapture => {
                self.mouse = !self.mouse;
                self.status = Some(if self.mouse {
                    "Mouse on: clicks and the wheel work. M: off.".into()
                } else {
                    "Mouse off: the terminal selects text. M: on.".into()
                });
            }
            Action::Browse => self.stack.push(Screen::Where(where_::State::browse())),
            Action::Search => self.stack.push(Screen::Search(search::State::default())),
            Action::StartCheck => {
                self.stack.truncate(1);
                self.stack.push(Screen::Where(where_::State::default()));
                self.answers = Answers::default();
                self.walk = Walk::default();
                effects.push(Effect::LoadProfile);
            }
            Action::ProfileLoaded { loaded, today } => self.remember(*loaded, today),
            Action::ProfileSaved(saved) => match *saved {
                Ok(profile) => self.profile = Some(profile),
                Err(e) => {
                    self.status = Some(format!("Your answers could not be remembered: {e}"));
                }
            },
            Action::OpenHistory => effects.push(Effect::LoadHistory),
            Action::HistoryCount(n) => self.sessions = Some(n),
            Action::HistoryLoaded(loaded) => {
                let state = super::screens::history::State::new(self.kb, *loaded);
                self.stack.push(Screen::History(state));
            }
            Action::Exported(result) => {
                self.status = Some(result.unwrap_or_else(|e| e));
            }
            Action::Fit(max) => self.screen_mut().fit(max),
            Action::Click { x, y, body } => {
                self.route(effects, |screen, ctx| screen.click(ctx, body, x, y));
            }
            action => {
                if let Action::Tick(now) = action {
                    self.now = now;
                }
                self.route(effects, |screen, ctx| screen.update(ctx, action));
            }
        }
    }

    fn screen_mut(&mut self) -> &mut Screen<'kb> {
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    /// Hands the screen in front what it needs, then goes where it asks.
    fn route(
        &mut self,
        effects: &mut Vec<Effect>,
        f: impl FnOnce(&mut Screen<'kb>, &mut Ctx<'_, 'kb>) -> Cmd<'kb>,
    ) {
        let last = self.stack.len() - 1;
        let mut ctx = Ctx {
            kb: self.kb,
            answers: &mut self.answers,
            walk: &mut self.walk,
            emergency: &self.emergency,
            status: &mut self.status,
            effects,
            quiet: &mut self.quiet,
            now: self.now,
            remembering: self.profiles.is_some(),
        };
        let cmd = f(&mut self.stack[last], &mut ctx);
        self.apply(cmd, effects);
    }

    fn apply(&mut self, cmd: Cmd<'kb>, effects: &mut Vec<Effect>) {
        match cmd {
            Cmd::Back if self.stack.len() > 1 => {
                self.stack.pop();
            }
            Cmd::Stay | Cmd::Back => {}
            Cmd::Page(page) => self.go(page),
            Cmd::Push(screen) => self.stack.push(screen),
            Cmd::Replace(screen) => *self.screen_mut() = screen,
            Cmd::Do(action) => self.act(action, effects),
            Cmd::Restart => {
                *self = Self {
                    store: self.store.take(),
                    profiles: self.profiles.take(),
                    profile: self.profile.take(),
                    now: self.now,
                    mouse: self.mouse,
                    sessions: self.sessions,
                    quiet: self.quiet,
                    ..Self::new(self.kb, &self.emergency)
                };
            }
        }
    }

    /// To a page of the check: back to its screen if it is on the stack (as it was left), or
    /// on to a new one (benchmarks and tests use it to open a page directly).
    pub fn go(&mut self, page: Page) {
        let (kb, answers) = (self.kb, &self.answers);
        if page.is_question()
            && let Some(i) = self.stack.iter().rposition(|s| s.asked().is_some())
        {
            // The interview's screen: its next question, or the last one asked when none is left.
            self.stack.truncate(i + 1);
            if let Some(next) = super::screens::ask::next_screen(kb, answers, &self.walk, false) {
                *self.screen_mut() = next;
            }
            return;
        }
        if let Some(i) = self.stack.iter().rposition(|s| s.page() == Some(page)) {
            self.stack.truncate(i + 1);
            let last = self.stack.len() - 1;
            self.stack[last].reenter(kb, &self.answers);
            return;
        }
        let screen = Screen::for_page(page, kb, answers, &self.walk, &self.emergency);
        self.stack.push(screen);
    }
}
