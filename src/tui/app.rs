//! The app: what every screen shares (the knowledge base, the answers, the screen stack, an
//! overlay, a status line) and the one `update`, which routes each action to the screen in front
//! and carries out where it asks to go. No files and no clock here: `update` returns effects for
//! the event loop, whose results come back as actions.

use std::time::Duration;

use super::action::{Action, Effect};
use super::keys::{self, Binding, Mode};
pub use super::overlay::Overlay;
use super::screens::{Cmd, Ctx, Id, Screen, search, where_};
use crate::engine::Answers;
use crate::flow::{Page, Walk};
use crate::history::Store;
use crate::kb::{KnowledgeBase, Region};
use crate::profile::{Profile, ProfileStore};

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

    /// The screen in front.
    pub fn screen(&self) -> &Screen<'kb> {
        &self.stack[self.stack.len() - 1]
    }

    /// The name of the screen in front.
    pub fn id(&self) -> Id {
        self.screen().id()
    }

    /// The screen's own bindings, whatever overlay is open (the help overlay lists them).
    pub fn screen_table(&self) -> &'static [Binding] {
        self.screen().keys()
    }

    /// Every binding in force: the overlay's or the screen's, then the global ones.
    pub fn bindings(&self) -> impl Iterator<Item = &'static Binding> {
        let own = self
            .overlay
            .map_or_else(|| self.screen_table(), Overlay::keys);
        own.iter().chain(keys::global(self.key_mode()))
    }

    /// Whether keys go to an overlay, are typed into the search, or go to the screen.
    fn key_mode(&self) -> Mode {
        match (self.overlay, self.id()) {
            (Some(_), _) => Mode::Overlay,
            (None, Id::BrowseSearch) => Mode::Typing,
            (None, _) => Mode::Screen,
        }
    }

    /// The area being browsed, on the technique list.
    pub fn browsed_region(&self) -> Option<&'kb Region> {
        match self.screen() {
            Screen::BrowseList(s) => self.kb.regions().get(s.region),
            _ => None,
        }
    }

    /// While a session runs: when its next phase ends (`Some(None)` when paused or over).
    pub fn session_deadline(&self) -> Option<Option<Duration>> {
        match self.screen() {
            Screen::Session(s) => Some(s.next_deadline()),
            _ => None,
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

    /// A session's clock holds while an overlay or the size message covers it.
    fn cover_session(&mut self) {
        let covered = self.overlay.is_some() || self.too_small;
        let now = self.now;
        if let Screen::Session(s) = self.screen_mut() {
            s.cover(covered, now);
        }
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

    /// Starts the check's interview from what was remembered: the answers that still hold
    /// `today` are confirmed on one screen, and the tools, minutes and technique are filled in.
    /// A profile that could not be read is said in one line and ignored.
    fn remember(&mut self, loaded: Result<Option<Profile>, String>, today: jiff::civil::Date) {
        let profile = match loaded {
            Ok(profile) => profile,
            Err(e) => {
                self.status = Some(format!(
                    "Your remembered answers could not be used, so every question is asked: {e}"
                ));
                None
            }
        };
        let holding = profile
            .as_ref()
            .map(|p| p.holding(self.kb, today))
            .unwrap_or_default();
        if let Some(p) = &profile {
            self.answers.preferences = p.preferences.clone();
        }
        self.walk = Walk::new(holding);
        self.profile = profile;
    }

    /// Leaves at once (a stop signal, or a terminal that failed): a session in progress is saved
    /// as ended early, with no ratings after it, then the app quits.
    pub fn stop(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        self.route(&mut effects, |screen, ctx| match screen {
            Screen::Session(s) => s.stopped().save(ctx),
            Screen::Rate(s) if s.after => s.save(ctx),
            _ => Cmd::Stay,
        });
        self.quit = true;
        effects
    }
}
