//! The session timer: deadlines on an injected clock, the person's pause and the app's hold, and
//! a true account of what became of each step.

use std::time::Duration;

use super::{Activity, Phase, SessionStatus, StepStatus, Transition};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Running {
        deadline: Duration,
    },
    /// Not counting down: paused by the person, held by the app, or both.
    Stopped {
        remaining: Duration,
    },
    Done,
}

/// What is known of one step while the session runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Track {
    reached: bool,
    completed: bool,
    skipped: bool,
}

/// The session timer. Every method takes `now`, the time since any fixed origin.
///
/// Two kinds of pause: [`Timer::pause`] / [`Timer::resume`] are the person's (a key), and
/// [`Timer::hold`] / [`Timer::release`] are the app's (an overlay or a too-small screen in front
/// of the session). The clock runs only when neither holds it, so closing the help overlay never
/// resumes a session the person had paused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    phases: Vec<Phase>,
    current: usize,
    state: State,
    paused: bool,
    held: bool,
    ended_early: bool,
    /// The furthest step begun so far.
    furthest: usize,
    steps: Vec<Track>,
}

impl Timer {
    /// Starts the first phase at `now`.
    pub fn start(phases: Vec<Phase>, now: Duration) -> Self {
        let state = match phases.first() {
            Some(p) => State::Running {
                deadline: now + secs(p.seconds),
            },
            None => State::Done,
        };
        let count = phases.iter().map(|p| p.step + 1).max().unwrap_or(0);
        let mut steps = vec![Track::default(); count];
        // A step counts as reached once its work begins, not while the person gets ready for it.
        if let Some(first) = phases
            .first()
            .filter(|p| p.activity != Activity::GetReady)
            .and_then(|p| steps.get_mut(p.step))
        {
            first.reached = true;
        }
        Self {
            phases,
            current: 0,
            state,
            paused: false,
            held: false,
            ended_early: false,
            furthest: 0,
            steps,
        }
    }

    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }

    /// The phase under way (`None` once done).
    pub fn current(&self) -> Option<&Phase> {
        (!self.is_done()).then(|| &self.phases[self.current])
    }

    /// The next phase that is not a rest or a get-ready: what comes up next (`None` at the end).
    pub fn up_next(&self) -> Option<&Phase> {
        if self.is_done() {
            return None;
        }
        let now = self.phases[self.current];
        self.phases[self.current + 1..]
            .iter()
            .find(|p| p.activity == Activity::Work && (p.step != now.step || p.side != now.side))
    }

    pub fn is_done(&self) -> bool {
        self.state == State::Done
    }

    /// Paused by the person (whether or not the app holds it too).
    pub fn is_paused(&self) -> bool {
        self.paused && !self.is_done()
    }

    /// Held by the app (an overlay or the size screen in front).
    pub fn is_held(&self) -> bool {
        self.held && !self.is_done()
    }

    /// Counting down now.
    pub fn is_running(&self) -> bool {
        matches!(self.state, State::Running { .. })
    }

    /// Time left in the current phase.
    pub fn remaining(&self, now: Duration) -> Duration {
        match self.state {
            State::Running { deadline } => deadline.saturating_sub(now),
            State::Stopped { remaining } => remaining,
            State::Done => Duration::ZERO,
        }
    }

    /// Share of the current phase already done, 0 to 1.
    pub fn progress(&self, now: Duration) -> f64 {
        let Some(p) = self.current() else { return 1.0 };
        let total = secs(p.seconds).as_secs_f64();
        if total == 0.0 {
            1.0
        } else {
            1.0 - self.remaining(now).as_secs_f64() / total
        }
    }

    /// When the timer next needs a tick (`None` while paused, held or done).
    pub fn next_deadline(&self) -> Option<Duration> {
        match self.state {
            State::Running { deadline } => Some(deadline),
            _ => None,
        }
    }

    /// Moves past every phase whose deadline has passed. Each new deadline is counted from the
    /// previous one, not from `now`, so late ticks never add up to drift.
    pub fn tick(&mut self, now: Duration) -> Option<Transition> {
        let mut last = None;
        while let State::Running { deadline } = self.state {
            if now < deadline {
                break;
            }
            last = Some(self.advance(deadline));
        }
        last
    }

    /// Ends the current phase at `from` (it ran to its end) and starts the next.
    fn advance(&mut self, from: Duration) -> Transition {
        let before = self.phases[self.current];
        let last_of_step = self
            .phases
            .get(self.current + 1)
            .is_none_or(|p| p.step != before.step);
        if last_of_step && let Some(t) = self.steps.get_mut(before.step) {
            t.completed = true;
        }
        self.move_to(self.current + 1, from)
    }

    /// Starts phase `i` at `from` (keeping a pause), or finishes past the end.
    fn move_to(&mut self, i: usize, from: Duration) -> Transition {
        let Some(&next) = self.phases.get(i) else {
            self.state = State::Done;
            return Transition::Finished;
        };
        let before = self.phases[self.current];
        self.current = i;
        self.furthest = self.furthest.max(next.step);
        if let Some(t) = self
            .steps
            .get_mut(next.step)
            .filter(|_| next.activity != Activity::GetReady)
        {
            t.reached = true;
        }
        let full = secs(next.seconds);
        self.state = if self.paused || self.held {
            State::Stopped { remaining: full }
        } else {
            State::Running {
                deadline: from + full,
            }
        };
        if next.step != before.step {
            Transition::NextStep
        } else if next.side != before.side {
            Transition::SwitchSides
        } else {
            Transition::Next
        }
    }

    /// The person pauses.
    pub fn pause(&mut self, now: Duration) {
        self.paused = true;
        self.stop_clock(now);
    }

    /// The person resumes; the clock runs again unless the app holds it.
    pub fn resume(&mut self, now: Duration) {
        self.paused = false;
        self.start_clock(now);
    }

    /// The app holds the clock (an overlay or the size screen covers the session).
    pub fn hold(&mut self, now: Duration) {
        self.held = true;
        self.stop_clock(now);
    }

    /// The app lets go; the clock runs again unless the person paused it.
    pub fn release(&mut self, now: Duration) {
        self.held = false;
        self.start_clock(now);
    }

    fn stop_clock(&mut self, now: Duration) {
        if let State::Running { deadline } = self.state {
            self.state = State::Stopped {
                remaining: deadline.saturating_sub(now),
            };
        }
    }

    fn start_clock(&mut self, now: Duration) {
        if let State::Stopped { remaining } = self.state
            && !self.paused
            && !self.held
        {
            self.state = State::Running {
                deadline: now + remaining,
            };
        }
    }

    /// Ready before the countdown ends: during a get-ready phase, starts the work now. Does
    /// nothing in any other phase.
    pub fn begin_now(&mut self, now: Duration) -> Option<Transition> {
        let p = self.current()?;
        if p.activity != Activity::GetReady {
            return None;
        }
        Some(self.move_to(self.current + 1, now))
    }

    /// Jumps to the first phase of another step (`Finished` past the end).
    fn jump_to_step(&mut self, step: usize, now: Duration) -> Transition {
        if let Some(i) = self.phases.iter().position(|p| p.step == step) {
            self.move_to(i, now);
            Transition::NextStep
        } else {
            self.state = State::Done;
            Transition::Finished
        }
    }

    /// Skips to the next step; this one is recorded as skipped unless it was already done.
    pub fn skip(&mut self, now: Duration) -> Transition {
        let step = self.current().map_or(usize::MAX, |p| p.step);
        if let Some(t) = self.steps.get_mut(step) {
            t.skipped = true;
        }
        self.jump_to_step(step.saturating_add(1), now)
    }

    /// Back to the start of this step, or of the previous one when this one has just begun (in
    /// its get-ready phase, or in the first two seconds of its first phase).
    pub fn back(&mut self, now: Duration) -> Transition {
        let Some(p) = self.current().copied() else {
            return Transition::Finished;
        };
        let first = self
            .phases
            .iter()
            .position(|x| x.step == p.step)
            .unwrap_or(0);
        let in_first_phase = self.current == first
            || (self.current == first + 1 && self.phases[first].activity == Activity::GetReady);
        let just_begun = p.activity == Activity::GetReady
            || (in_first_phase && self.remaining(now) + secs(2) >= secs(p.seconds));
        let step = if just_begun {
            p.step.saturating_sub(1)
        } else {
            p.step
        };
        self.jump_to_step(step, now)
    }

    /// Ends the session now (the person ended it, or quit): recorded as ended early.
    pub fn end(&mut self) {
        if !self.is_done() {
            self.ended_early = true;
        }
        self.state = State::Done;
    }

    /// Steps begun so far (the furthest reached, counted from one).
    pub fn steps_reached(&self) -> usize {
        if self.phases.is_empty() {
            0
        } else {
            self.furthest + 1
        }
    }

    /// What became of each step so far, in routine order.
    pub fn step_statuses(&self) -> Vec<StepStatus> {
        self.steps
            .iter()
            .map(|t| {
                if t.completed {
                    StepStatus::Completed
                } else if t.skipped {
                    StepStatus::Skipped
                } else if t.reached {
                    StepStatus::Stopped
                } else {
                    StepStatus::NotReached
                }
            })
            .collect()
    }

    /// Steps that ran to their end.
    pub fn steps_completed(&self) -> usize {
        self.steps.iter().filter(|t| t.completed).count()
    }

    /// How the session ended (or would, if it ended now): completed only when every step ran.
    pub fn status(&self) -> SessionStatus {
        if self.ended_early || !self.is_done() {
            SessionStatus::EndedEarly
        } else if self.steps.iter().all(|t| t.completed) {
            SessionStatus::Completed
        } else {
            SessionStatus::SkippedSome
        }
    }
}

fn secs(s: u32) -> Duration {
    Duration::from_secs(u64::from(s))
}
