//! The guided session's timeline: a routine flattened into timed phases (a get-ready moment before
//! each step and each side, each set, the rests), and a timer driven by deadlines on an injected
//! clock, so it never drifts and tests never sleep. It keeps a true account of each step
//! (completed, skipped, stopped part way or not reached) for the history. Pure: the caller passes
//! the time in.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::engine::Routine;

/// Seconds to get into position before each step and each side, unless the app says otherwise.
pub const GET_READY_SECONDS: u32 = 5;

/// Which side a phase works on, for steps done on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// Getting into position, working, or resting between sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    /// Time to get into position and pick up the tool before a step or a side; skippable with
    /// [`Timer::begin_now`].
    GetReady,
    Work,
    Rest,
}

/// One timed stretch of the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phase {
    /// Index of the routine step.
    pub step: usize,
    pub set: u32,
    pub sets: u32,
    pub side: Option<Side>,
    pub activity: Activity,
    pub seconds: u32,
}

/// Every phase of a routine in order: for each step, one side's sets (rests between them), then
/// the other side's. No get-ready phases: see [`phases_with_get_ready`].
pub fn phases(routine: &Routine) -> Vec<Phase> {
    phases_with_get_ready(routine, 0)
}

/// Every phase of a routine in order, with a get-ready phase of `get_ready` seconds before each
/// step and before each side of a step done on both sides (none when `get_ready` is 0).
pub fn phases_with_get_ready(routine: &Routine, get_ready: u32) -> Vec<Phase> {
    let mut out = Vec::new();
    for (step, s) in routine.steps.iter().enumerate() {
        let sides: &[Option<Side>] = if s.per_side {
            &[Some(Side::Left), Some(Side::Right)]
        } else {
            &[None]
        };
        for &side in sides {
            if get_ready > 0 {
                out.push(Phase {
                    step,
                    set: 1,
                    sets: s.sets,
                    side,
                    activity: Activity::GetReady,
                    seconds: get_ready,
                });
            }
            for set in 1..=s.sets {
                if set > 1 && s.rest_seconds > 0 {
                    out.push(Phase {
                        step,
                        set,
                        sets: s.sets,
                        side,
                        activity: Activity::Rest,
                        seconds: s.rest_seconds,
                    });
                }
                out.push(Phase {
                    step,
                    set,
                    sets: s.sets,
                    side,
                    activity: Activity::Work,
                    seconds: s.seconds_per_set,
                });
            }
        }
    }
    out
}

/// What happened at a tick, so the app can ring the bell and say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// A new phase began (the same step and side): a set, a rest, or the work after getting ready.
    Next,
    /// The other side now (its get-ready phase, when there is one).
    SwitchSides,
    /// A new step began (its get-ready phase, when there is one).
    NextStep,
    /// The last phase ended.
    Finished,
}

/// What became of one step of a session, as the history records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// Every set (and side) ran to its end.
    Completed,
    /// Skipped before it was done.
    Skipped,
    /// Begun, and the session ended (or went back) before it was done.
    Stopped,
    /// The session ended before it.
    NotReached,
}

impl StepStatus {
    /// In words, for people.
    pub fn words(self) -> &'static str {
        match self {
            StepStatus::Completed => "done",
            StepStatus::Skipped => "skipped",
            StepStatus::Stopped => "stopped part way",
            StepStatus::NotReached => "not reached",
        }
    }
}

/// How a whole session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    /// Every step ran to its end.
    Completed,
    /// The timer reached the end, but some steps were skipped.
    SkippedSome,
    /// Ended (or quit) before the end.
    EndedEarly,
}

impl SessionStatus {
    /// In words, for people.
    pub fn words(self) -> &'static str {
        match self {
            SessionStatus::Completed => "completed",
            SessionStatus::SkippedSome => "finished with steps skipped",
            SessionStatus::EndedEarly => "ended early",
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn s(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    fn phase(step: usize, side: Option<Side>, seconds: u32) -> Phase {
        Phase {
            step,
            set: 1,
            sets: 1,
            side,
            activity: Activity::Work,
            seconds,
        }
    }

    #[test]
    fn deadlines_do_not_drift_when_ticks_are_late() {
        let mut t = Timer::start(
            vec![phase(0, None, 30), phase(1, None, 30), phase(2, None, 30)],
            s(0),
        );
        // A tick 0.9 s late still starts the second phase's clock at 30 s, not at 30.9 s.
        assert_eq!(
            t.tick(Duration::from_millis(30_900)),
            Some(Transition::NextStep)
        );
        assert_eq!(
            t.remaining(Duration::from_millis(30_900)),
            Duration::from_millis(29_100)
        );
        // A very late tick skips through every phase whose time is up.
        assert_eq!(t.tick(s(95)), Some(Transition::Finished));
        assert!(t.is_done());
    }

    #[test]
    fn pause_keeps_the_time_left() {
        let mut t = Timer::start(vec![phase(0, None, 60)], s(100));
        t.pause(s(110));
        assert_eq!(t.remaining(s(500)), s(50));
        assert_eq!(t.tick(s(500)), None, "no time passes while paused");
        t.resume(s(500));
        assert_eq!(t.remaining(s(520)), s(30));
        assert_eq!(t.tick(s(550)), Some(Transition::Finished));
    }

    #[test]
    fn sides_switch_and_steps_skip_and_go_back() {
        let mut t = Timer::start(
            vec![
                phase(0, Some(Side::Left), 10),
                phase(0, Some(Side::Right), 10),
                phase(1, None, 10),
            ],
            s(0),
        );
        assert_eq!(t.tick(s(10)), Some(Transition::SwitchSides));
        assert_eq!(t.current().map(|p| p.side), Some(Some(Side::Right)));
        assert_eq!(t.skip(s(12)), Transition::NextStep);
        assert_eq!(t.current().map(|p| p.step), Some(1));
        assert_eq!(
            t.remaining(s(12)),
            s(10),
            "a skipped-to step starts in full"
        );
        assert_eq!(
            t.back(s(12)),
            Transition::NextStep,
            "just begun: back goes to the previous step"
        );
        assert_eq!(
            t.current().map(|p| (p.step, p.side)),
            Some((0, Some(Side::Left)))
        );
        t.tick(s(17));
        assert_eq!(
            t.back(s(17)),
            Transition::NextStep,
            "part way: back restarts this step"
        );
        assert_eq!(t.remaining(s(17)), s(10));
        assert_eq!(t.skip(s(18)), Transition::NextStep);
        assert_eq!(t.skip(s(18)), Transition::Finished);
        assert_eq!(t.steps_reached(), 2);
    }

    #[test]
    fn phases_follow_sets_sides_and_rests() {
        let kb = crate::kb::KnowledgeBase::embedded().expect("kb");
        let answers: crate::engine::Answers = serde_json::from_str(
            r#"{"regions": {"calves": {}}, "default_answer": "no", "preferences": {"tools": ["foam_roller_medium"], "minutes": 30}}"#,
        )
        .expect("answers");
        let advice = crate::engine::advise(&kb, &answers, "112");
        let routine = advice.routine.expect("routine");
        let step = &routine.steps[0];
        let ps = phases(&routine);
        let work: u32 = ps
            .iter()
            .filter(|p| p.activity == Activity::Work)
            .map(|p| p.seconds)
            .sum();
        let all: u32 = ps.iter().map(|p| p.seconds).sum();
        assert_eq!(all, step.seconds, "the phases add up to the step's time");
        assert_eq!(
            work,
            step.seconds_per_set * step.sets * if step.per_side { 2 } else { 1 }
        );
    }

    fn ready(step: usize, side: Option<Side>) -> Phase {
        Phase {
            activity: Activity::GetReady,
            ..phase(step, side, 5)
        }
    }

    /// Two steps, the first on both sides, each side and step after a get-ready phase.
    fn two_steps() -> Vec<Phase> {
        vec![
            ready(0, Some(Side::Left)),
            phase(0, Some(Side::Left), 10),
            ready(0, Some(Side::Right)),
            phase(0, Some(Side::Right), 10),
            ready(1, None),
            phase(1, None, 10),
        ]
    }

    #[test]
    fn a_session_that_runs_to_the_end_is_completed() {
        let mut t = Timer::start(two_steps(), s(0));
        assert_eq!(t.tick(s(5)), Some(Transition::Next), "ready, then work");
        assert_eq!(t.current().map(|p| p.activity), Some(Activity::Work));
        assert_eq!(t.tick(s(15)), Some(Transition::SwitchSides));
        assert_eq!(
            t.current().map(|p| p.activity),
            Some(Activity::GetReady),
            "time to get ready for the other side"
        );
        assert_eq!(t.tick(s(30)), Some(Transition::NextStep));
        assert_eq!(t.tick(s(45)), Some(Transition::Finished));
        assert_eq!(t.step_statuses(), vec![StepStatus::Completed; 2]);
        assert_eq!(t.status(), SessionStatus::Completed);
        assert_eq!(t.steps_completed(), 2);
    }

    #[test]
    fn skipping_every_step_is_not_completed() {
        let mut t = Timer::start(two_steps(), s(0));
        assert_eq!(t.skip(s(1)), Transition::NextStep);
        assert_eq!(t.skip(s(2)), Transition::Finished);
        assert!(t.is_done());
        assert_eq!(t.step_statuses(), vec![StepStatus::Skipped; 2]);
        assert_eq!(t.status(), SessionStatus::SkippedSome);
        assert_eq!(t.steps_completed(), 0);
    }

    #[test]
    fn skipping_one_step_records_it_as_skipped() {
        let mut t = Timer::start(two_steps(), s(0));
        t.tick(s(8));
        assert_eq!(t.skip(s(8)), Transition::NextStep, "skipped part way");
        assert_eq!(t.tick(s(100)), Some(Transition::Finished));
        assert_eq!(
            t.step_statuses(),
            vec![StepStatus::Skipped, StepStatus::Completed]
        );
        assert_eq!(t.status(), SessionStatus::SkippedSome);
    }

    #[test]
    fn ending_early_records_what_was_done_and_what_was_not() {
        let mut t = Timer::start(two_steps(), s(0));
        t.tick(s(20));
        t.end();
        assert_eq!(
            t.step_statuses(),
            vec![StepStatus::Stopped, StepStatus::NotReached]
        );
        assert_eq!(t.status(), SessionStatus::EndedEarly);
        // Ending after the first step ran: that one is done; the second was only getting ready.
        let mut t = Timer::start(two_steps(), s(0));
        t.tick(s(31));
        t.end();
        assert_eq!(
            t.step_statuses(),
            vec![StepStatus::Completed, StepStatus::NotReached]
        );
        assert_eq!(t.status(), SessionStatus::EndedEarly);
        // Ended while getting ready for the first step: nothing was begun.
        let mut t = Timer::start(two_steps(), s(0));
        t.tick(s(2));
        t.end();
        assert_eq!(
            t.step_statuses(),
            vec![StepStatus::NotReached, StepStatus::NotReached]
        );
        // A session not ended yet counts as ended early if it were saved now (a quit).
        let t = Timer::start(two_steps(), s(0));
        assert_eq!(t.status(), SessionStatus::EndedEarly);
    }

    #[test]
    fn a_step_skipped_then_done_after_going_back_is_done() {
        let mut t = Timer::start(two_steps(), s(0));
        t.skip(s(1));
        assert_eq!(
            t.back(s(1)),
            Transition::NextStep,
            "in get-ready: back a step"
        );
        assert_eq!(t.current().map(|p| p.step), Some(0));
        assert_eq!(t.tick(s(100)), Some(Transition::Finished));
        assert_eq!(t.status(), SessionStatus::Completed);
    }

    #[test]
    fn get_ready_can_be_cut_short() {
        let mut t = Timer::start(two_steps(), s(0));
        assert_eq!(t.remaining(s(2)), s(3));
        assert_eq!(t.begin_now(s(2)), Some(Transition::Next));
        assert_eq!(t.current().map(|p| p.activity), Some(Activity::Work));
        assert_eq!(t.remaining(s(2)), s(10), "the work starts in full, now");
        assert_eq!(
            t.begin_now(s(3)),
            None,
            "only a get-ready phase is cut short"
        );
        assert_eq!(
            t.up_next().map(|p| (p.step, p.side)),
            Some((0, Some(Side::Right)))
        );
        t.tick(s(12));
        assert_eq!(t.up_next().map(|p| p.step), Some(1));
    }

    #[test]
    fn the_app_holding_the_clock_never_resumes_a_pause_of_the_person() {
        let mut t = Timer::start(vec![phase(0, None, 60)], s(0));
        t.hold(s(10));
        assert!(t.is_held() && !t.is_paused() && !t.is_running());
        assert_eq!(t.tick(s(500)), None, "no time passes under an overlay");
        t.release(s(500));
        assert_eq!(t.remaining(s(500)), s(50));
        t.pause(s(510));
        t.hold(s(520));
        t.release(s(530));
        assert!(
            t.is_paused() && !t.is_running(),
            "still paused by the person"
        );
        assert_eq!(t.remaining(s(900)), s(40));
        t.hold(s(900));
        t.resume(s(910));
        assert!(!t.is_running(), "still held by the app");
        t.release(s(920));
        assert!(t.is_running());
        assert_eq!(t.tick(s(960)), Some(Transition::Finished));
    }

    #[test]
    fn get_ready_phases_come_before_each_step_and_side() {
        let kb = crate::kb::KnowledgeBase::embedded().expect("kb");
        let answers: crate::engine::Answers = serde_json::from_str(
            r#"{"regions": {"calves": {}, "neck": {}}, "default_answer": "no", "preferences": {"tools": ["foam_roller_medium"], "minutes": 30}}"#,
        )
        .expect("answers");
        let routine = crate::engine::advise(&kb, &answers, "112")
            .routine
            .expect("routine");
        let with = phases_with_get_ready(&routine, 5);
        let without = phases(&routine);
        let sides: usize = routine
            .steps
            .iter()
            .map(|s| if s.per_side { 2 } else { 1 })
            .sum();
        let ready: Vec<&Phase> = with
            .iter()
            .filter(|p| p.activity == Activity::GetReady)
            .collect();
        assert_eq!(ready.len(), sides);
        assert_eq!(with.len(), without.len() + sides);
        for (i, p) in with.iter().enumerate() {
            let starts = i == 0 || with[i - 1].step != p.step || with[i - 1].side != p.side;
            assert_eq!(starts, p.activity == Activity::GetReady, "phase {i}");
        }
    }
}
