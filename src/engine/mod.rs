//! The engine: answers in, screening and routine out. Pure: no terminal, no files, no clock.

pub mod answers;
mod asks;
mod choice;
mod details;
mod firing;
pub mod interview;
pub mod limits;
mod messages;
pub mod questions;
pub mod routine;
pub mod screening;
pub mod step;

pub use answers::{
    Answer, Answers, DefaultAnswer, Preference, Preferences, RegionDetails, Reply, Since,
};
pub use interview::{AgeBand, Ask, Interview, Remembered, Response};
pub use limits::{Limits, position_words};
pub use questions::{Prompt, Question, prompts, questionnaire};
pub use routine::{LeftOut, Routine, Suggestion, build, feel_words, goal_words};
pub use screening::{
    Allowed, DEFAULT_EMERGENCY, Exclusion, Fired, Modification, Outcome, Permit, Scope, Screening,
    fill, screen,
};
pub use step::{KeepOff, MovementTest, Step};

use crate::kb::KnowledgeBase;

/// The whole advice for one set of answers: screening, and the routine when it allows one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub screening: Screening,
    pub routine: Option<Routine>,
}

/// Screens the answers and, when that allows it, builds the routine.
pub fn advise(kb: &KnowledgeBase, answers: &Answers, emergency: &str) -> Advice {
    let mut screening = screen(kb, answers, emergency);
    let routine = screening
        .permit()
        .map(|p| build(kb, p, &answers.preferences));
    match routine {
        Some(r) if r.steps.is_empty() => {
            let reasons = r
                .left_out
                .into_iter()
                .map(|l| Exclusion {
                    region: l.region,
                    because: Vec::new(),
                    message: l.reason,
                })
                .collect();
            screening.nothing_left(reasons, emergency);
            Advice {
                screening,
                routine: None,
            }
        }
        routine => Advice { screening, routine },
    }
}

/// Whether the answers given so far already send the person to care: a yes or not sure to an
/// emergency, urgent or global refer item, or to a rule that makes one. Then this is the advice
/// to show (the interview decides when: `flow::Walk::answer`). Questions not reached yet do not
/// count either way here (they are neither yes nor no: they were not asked); the stored answers
/// are not changed.
pub fn stop(kb: &KnowledgeBase, answers: &Answers, emergency: &str) -> Option<Advice> {
    let mut so_far = answers.clone();
    so_far.default_answer = Some(DefaultAnswer::No);
    let mut screening = screen(kb, &so_far, emergency);
    if !screening.outcome.is_referral() {
        return None;
    }
    screening.unanswered.clear();
    screening.stopped_early = true;
    Some(Advice {
        screening,
        routine: None,
    })
}
