//! The guided session's timeline: a routine flattened into timed phases (a get-ready moment before
//! each step and each side, each set, the rests), and a timer driven by deadlines on an injected
//! clock, so it never drifts and tests never sleep. It keeps a true account of each step
//! (completed, skipped, stopped part way or not reached) for the history. Pure: the caller passes
//! the time in.

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

mod timer;
pub use timer::Timer;

#[cfg(test)]
mod tests;
