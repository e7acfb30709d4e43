//! The guided session's timeline: a routine flattened into timed phases (each set, each side,
//! the rests), and a timer driven by deadlines on an injected clock, so it never drifts and
//! tests never sleep. Pure: the caller passes the time in.

use std::time::Duration;

use crate::engine::Routine;

/// Which side a phase works on, for steps done on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// Working, or resting between sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
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
/// the other side's.
pub fn phases(routine: &Routine) -> Vec<Phase> {
    let mut out = Vec::new();
    for (step, s) in routine.steps.iter().enumerate() {
        let sides: &[Option<Side>] = if s.per_side {
            &[Some(Side::Left), Some(Side::Right)]
        } else {
            &[None]
        };
        for &side in sides {
            for set in 1..=s.sets {
                if set > 1 && s.rest_seconds > 0 {
                    let rest = Phase {
                        step,
                        set,
                        sets: s.sets,
                        side,
                        activity: Activity::Rest,
                        seconds: s.rest_seconds,
                    };
                    out.push(rest);
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
    /// A new phase began (the same step).
    Next,
    /// The other side now.
    SwitchSides,
    /// A new step began.
    NextStep,
    /// The last phase ended.
    Finished,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Running { deadline: Duration },
    Paused { remaining: Duration },
    Done,
}

/// The session timer. Every method takes `now`, the time since any fixed origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    phases: Vec<Phase>,
    current: usize,
    state: State,
    /// The furthest step begun so far.
    furthest: usize,
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
        Self {
            phases,
            current: 0,
            state,
            furthest: 0,
        }
    }

    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }

    /// The phase under way (`None` once done).
    pub fn current(&self) -> Option<&Phase> {
        (!self.is_done()).then(|| &self.phases[self.current])
    }

    pub fn is_done(&self) -> bool {
        self.state == State::Done
    }

    pub fn is_paused(&self) -> bool {
        matches!(self.state, State::Paused { .. })
    }

    /// Time left in the current phase.
    pub fn remaining(&self, now: Duration) -> Duration {
        match self.state {
            State::Running { deadline } => deadline.saturating_sub(now),
            State::Paused { remaining } => remaining,
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

    /// When the timer next needs a tick (`None` while paused or done).
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

    fn advance(&mut self, from: Duration) -> Transition {
        let before = self.phases[self.current];
        if self.current + 1 >= self.phases.len() {
            self.state = State::Done;
            return Transition::Finished;
        }
        self.current += 1;
        let next = self.phases[self.current];
        self.furthest = self.furthest.max(next.step);
        self.state = State::Running {
            deadline: from + secs(next.seconds),
        };
        if next.step != before.step {
            Transition::NextStep
        } else if next.side != before.side {
            Transition::SwitchSides
        } else {
            Transition::Next
        }
    }

    pub fn pause(&mut self, now: Duration) {
        if let State::Running { deadline } = self.state {
            self.state = State::Paused {
                remaining: deadline.saturating_sub(now),
            };
        }
    }

    pub fn resume(&mut self, now: Duration) {
        if let State::Paused { remaining } = self.state {
            self.state = State::Running {
                deadline: now + remaining,
            };
        }
    }

    /// Jumps to the first phase of another step (`Finished` past the end).
    fn jump_to_step(&mut self, step: usize, now: Duration) -> Transition {
        let Some(i) = self.phases.iter().position(|p| p.step == step) else {
            self.state = State::Done;
            return Transition::Finished;
        };
        let paused = self.is_paused();
        self.current = i;
        self.furthest = self.furthest.max(step);
        let full = secs(self.phases[i].seconds);
        self.state = if paused {
            State::Paused { remaining: full }
        } else {
            State::Running {
                deadline: now + full,
            }
        };
        Transition::NextStep
    }

    /// Skips to the next step.
    pub fn skip(&mut self, now: Duration) -> Transition {
        let step = self.current().map_or(usize::MAX, |p| p.step);
        self.jump_to_step(step.saturating_add(1), now)
    }

    /// Back to the start of this step, or of the previous one when this one has just begun.
    pub fn back(&mut self, now: Duration) -> Transition {
        let Some(p) = self.current().copied() else {
            return Transition::Finished;
        };
        let first = self
            .phases
            .iter()
            .position(|x| x.step == p.step)
            .unwrap_or(0);
        let just_begun = self.current == first && self.remaining(now) + secs(2) >= secs(p.seconds);
        let step = if just_begun {
            p.step.saturating_sub(1)
        } else {
            p.step
        };
        self.jump_to_step(step, now)
    }

    /// Ends the session now.
    pub fn end(&mut self) {
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
}
