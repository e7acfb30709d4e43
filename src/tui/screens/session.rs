//! The guided session: a timer per get-ready moment, set and rest (the one place the app drives
//! the session phases and their deadlines), pause, skip, back, and ending only after a yes. The
//! clock is held while an overlay, the size message or the end question covers the screen. The
//! view is in `session_view`.

use std::time::Duration;

use super::{Cmd, Ctx, Screen, Scroll, rate};
use crate::engine::Routine;
use crate::history::Rating;
use crate::session::{Activity, GET_READY_SECONDS, Side, Timer, Transition, phases_with_get_ready};
use crate::tui::action::{Action, Effect};
use crate::tui::keys::{Binding, Key, SCROLL_D, SCROLL_U, bind};

const PAUSE: Binding = bind(&[Key::Char(' ')], "space", "pause/resume", Action::Toggle);
const SKIP: Binding = bind(
    &[Key::Char('n'), Key::Right],
    "n",
    "skip step",
    Action::SkipStep,
);
const BACK_STEP: Binding = bind(
    &[Key::Char('p'), Key::Left],
    "p",
    "back",
    Action::PreviousStep,
);
const HOW_TO: Binding = bind(&[Key::Char('t')], "t", "how-to first", Action::HowTo);
const END: Binding = bind(&[Key::Char('e')], "e", "end now", Action::EndSession);
const MUTE: Binding = bind(&[Key::Char('m')], "m", "bell on/off", Action::Mute);

pub const KEYS: &[Binding] = &[
    SCROLL_U, SCROLL_D, PAUSE, SKIP, BACK_STEP, HOW_TO, END, MUTE,
];

/// While getting ready: the same, and enter starts the work at once.
pub const READY_KEYS: &[Binding] = &[
    SCROLL_U,
    SCROLL_D,
    bind(&[Key::Enter], "enter", "start now", Action::BeginNow),
    PAUSE,
    SKIP,
    BACK_STEP,
    HOW_TO,
    END,
    MUTE,
];

/// While asking whether to end.
pub const ASK_KEYS: &[Binding] = &[
    bind(&[Key::Char('y')], "y", "end now", Action::Confirm),
    bind(
        &[Key::Char('n'), Key::Esc],
        "n",
        "keep going",
        Action::Cancel,
    ),
];

/// The routine being followed, the ratings before it, the timer, the session's id and start
/// (given by the event loop once, when it begins), and what is on screen.
#[derive(Debug)]
pub struct State {
    pub routine: Routine,
    pub ratings: Vec<Rating>,
    pub timer: Timer,
    pub scroll: Scroll,
    pub id: String,
    pub started: Option<String>,
    /// Asking "End now? y/n" (the clock is held meanwhile).
    pub asking_end: bool,
    /// The how-to steps come first in the lower pane (the stop signs otherwise).
    pub how_to: bool,
    /// An overlay or the size message covers the screen (the app says so).
    covered: bool,
}

impl State {
    /// Starts the timer at `now`, with a moment to get ready before each step and side.
    pub fn start(routine: Routine, ratings: Vec<Rating>, now: Duration) -> Self {
        let timer = Timer::start(phases_with_get_ready(&routine, GET_READY_SECONDS), now);
        Self {
            routine,
            ratings,
            timer,
            scroll: Scroll::default(),
            id: String::new(),
            started: None,
            asking_end: false,
            how_to: false,
            covered: false,
        }
    }

    /// The keys in force: the end question's, or the session's (with enter while getting ready).
    pub fn keys(&self) -> &'static [Binding] {
        if self.asking_end {
            ASK_KEYS
        } else if self
            .timer
            .current()
            .is_some_and(|p| p.activity == Activity::GetReady)
        {
            READY_KEYS
        } else {
            KEYS
        }
    }

    /// When the next phase ends (the event loop wakes up then).
    pub fn next_deadline(&self) -> Option<Duration> {
        self.timer.next_deadline()
    }

    /// Whether an overlay or the size message covers the session: its clock holds meanwhile.
    pub fn cover(&mut self, covered: bool, now: Duration) {
        self.covered = covered;
        self.hold_if_covered(now);
    }

    fn hold_if_covered(&mut self, now: Duration) {
        let hold = self.covered || self.asking_end;
        if hold && !self.timer.is_held() {
            self.timer.hold(now);
        } else if !hold && self.timer.is_held() {
            self.timer.release(now);
        }
    }

    /// Ends the session now (after a yes to e): on to the ratings after.
    pub fn end(&mut self) -> rate::State {
        self.timer.end();
        self.finish()
    }

    /// Stopped from outside (q and a yes, or a signal): ended early, saved with no ratings after.
    pub fn stopped(&mut self) -> rate::State {
        self.timer.end();
        let mut state = self.finish();
        for r in &mut state.ratings {
            r.after = None;
        }
        state
    }

    fn finish(&self) -> rate::State {
        let mut after = rate::State::after(
            self.routine.clone(),
            self.ratings.clone(),
            self.timer.clone(),
        );
        after.id.clone_from(&self.id);
        after.started.clone_from(&self.started);
        after
    }

    pub fn update<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        let now = ctx.now;
        if let Action::SessionBegun { id, started } = action {
            if self.id.is_empty() {
                self.id = id;
                self.started = Some(started);
            }
            return Cmd::Stay;
        }
        if self.asking_end {
            match action {
                Action::Confirm => return Cmd::Replace(Screen::Rate(self.end())),
                Action::Cancel | Action::Back => {
                    self.asking_end = false;
                    self.hold_if_covered(now);
                }
                _ => {}
            }
            return Cmd::Stay;
        }
        let transition = match action {
            Action::Up | Action::Down => {
                self.scroll.apply(&action);
                None
            }
            Action::Tick(now) => self.timer.tick(now),
            Action::Toggle if self.timer.is_paused() => {
                self.timer.resume(now);
                None
            }
            Action::Toggle => {
                self.timer.pause(now);
                None
            }
            Action::BeginNow => self.timer.begin_now(now),
            Action::SkipStep => Some(self.timer.skip(now)),
            Action::PreviousStep => Some(self.timer.back(now)),
            Action::HowTo => {
                self.how_to = !self.how_to;
                self.scroll = Scroll::default();
                None
            }
            Action::EndSession => {
                self.asking_end = true;
                self.hold_if_covered(now);
                None
            }
            Action::Mute => {
                *ctx.quiet = !*ctx.quiet;
                *ctx.status = Some(if *ctx.quiet { "Bell off." } else { "Bell on." }.to_owned());
                None
            }
            _ => None,
        };
        match transition {
            Some(t) => self.announce(ctx, t),
            None => Cmd::Stay,
        }
    }

    /// Rings the bell and says what changed at a transition.
    fn announce<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, t: Transition) -> Cmd<'kb> {
        if !*ctx.quiet {
            ctx.effects.push(Effect::Bell);
        }
        if t == Transition::NextStep {
            self.scroll = Scroll::default();
        }
        let phase = self.timer.current().copied();
        *ctx.status = match (t, phase) {
            (Transition::Finished, _) | (_, None) => {
                return Cmd::Replace(Screen::Rate(self.finish()));
            }
            (Transition::SwitchSides, Some(p)) => Some(format!(
                "Switch sides: now the {} side.",
                if p.side == Some(Side::Right) {
                    "right"
                } else {
                    "left"
                }
            )),
            (Transition::NextStep, Some(p)) => Some(format!("Next: step {}.", p.step + 1)),
            (Transition::Next, Some(p)) if p.activity == Activity::Rest => Some("Rest.".to_owned()),
            (Transition::Next, Some(p)) => Some(format!("Set {} of {}: go.", p.set, p.sets)),
        };
        Cmd::Stay
    }
}
