//! What the result says at its head, by outcome: the message for each outcome, and which of its
//! forms applies (a routine with changes, a referral that is a pause, nothing safe and whom to see
//! how soon).

use super::screening::Outcome;

/// Which of an outcome's messages applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tone {
    Plain,
    /// A routine with areas left out or made gentler.
    Changed,
    /// A referral that is a pause until well.
    Pause,
    /// Nothing safe, with a reason a clinician should see within days.
    SeenSoon,
    /// Nothing safe, for reasons that need time to heal or a check when convenient.
    SeenLater,
}

impl Tone {
    pub(super) fn seen(soon: bool) -> Self {
        if soon {
            Tone::SeenSoon
        } else {
            Tone::SeenLater
        }
    }
}

pub(super) fn outcome_message(outcome: Outcome, tone: Tone) -> &'static str {
    match (outcome, tone) {
        (Outcome::Emergency, _) => {
            "This could be an emergency. Call {emergency} now and say what you feel. Do not drive yourself. Do not use rollers, balls or massage."
        }
        (Outcome::Urgent, _) => {
            "Please get medical care today: urgent care, an emergency department, or a same-day doctor's appointment. No self-massage until you have been checked. If it gets worse, call {emergency}."
        }
        (Outcome::Refer, Tone::Pause) => {
            "Pause for now: no rollers, balls or massage while you are unwell. Come back to fascia once you feel well again. If you get worse, or notice any of the emergency signs, get medical help."
        }
        (Outcome::Refer, _) => {
            "Please check with a doctor or physio before you use rollers, balls or massage. There is no routine this time. Take this summary with you; most people can be active again with the right advice."
        }
        (Outcome::NothingSafe, Tone::SeenSoon) => {
            "None of the areas you chose can be worked on safely right now. Book a doctor or physio in the next few days about the reasons below, and leave these areas alone until they say it is safe. If anything gets worse, get seen sooner."
        }
        (Outcome::NothingSafe, _) => {
            "None of the areas you chose can be worked on safely right now. Leave them alone for now. If they are not better within a week or two, or anything gets worse, see a doctor, nurse or physio about the reasons below."
        }
        (Outcome::Routine, Tone::Changed) => {
            "You can go ahead, with the changes below. Stop if anything feels sharp, burning or numb."
        }
        (Outcome::Routine, _) => "You can go ahead. Stop if anything feels sharp, burning or numb.",
    }
}
