//! Every user-facing vocabulary word in one place: how a feeling, a goal, a preference, a reply
//! or a time is said to a person. The long forms read in sentences (plain mode, reports); the
//! short forms fit the app's table columns.

use crate::engine::{Answers, Outcome, Preference, Screening, Since, Step};
use crate::kb::{Feel, Goal, KnowledgeBase, Method, ScreeningItem, Tier};

pub use crate::engine::{feel_words as feel, goal_words as goal, position_words as position};

/// A feeling, short enough for a table column.
pub fn feel_short(f: Feel) -> &'static str {
    match f {
        Feel::Tight => "tight or stiff",
        Feel::SoreAfterExercise => "sore after exercise",
        Feel::Knot => "a tender knot",
        Feel::AchingLongTerm => "aching for weeks",
    }
}

/// A goal, short enough for a table column.
pub fn goal_short(g: Goal) -> &'static str {
    match g {
        Goal::WarmUp => "warm up",
        Goal::Recover => "recover",
        Goal::Relief => "general relief",
    }
}

/// A technique preference, as the preferences screen offers it.
pub fn preference(p: Preference) -> &'static str {
    match p {
        Preference::Auto => "let fascia choose",
        Preference::Direct => "direct (firmer, on the tender spot)",
        Preference::Indirect => "indirect (gentle, gliding)",
    }
}

/// What the person read for a screening item, for lists of answers and hand-offs: the lines
/// they marked, else every line of it (or its one question), joined.
pub fn item_text(answers: &Answers, item: &ScreeningItem) -> String {
    let marked: Vec<&str> = answers
        .marked_lines(item)
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    if marked.is_empty() {
        item.asks().join("; ")
    } else {
        marked.join("; ")
    }
}

/// A screening item named for a list of answers: its short title, and the lines the person
/// marked when there are any ("Stroke signs in the last 7 days: Now or …").
pub fn item_named(answers: &Answers, item: &ScreeningItem) -> String {
    if answers.marked_lines(item).is_empty() {
        item.title.clone()
    } else {
        format!("{}: {}", item.title, item_text(answers, item))
    }
}

/// A headline for the outcome (a referral that is only a pause until well says so).
pub fn headline(s: &Screening) -> &'static str {
    match s.outcome {
        Outcome::Emergency => "EMERGENCY: get help now",
        Outcome::Urgent => "URGENT: get medical care today",
        Outcome::Refer if s.pause => "Pause: no self-massage while you are unwell",
        Outcome::Refer => "See a doctor or physio first",
        Outcome::NothingSafe => "Nothing is safe to work on today",
        Outcome::Routine => "Your routine",
    }
}

/// What a tier means, in a few words.
pub fn tier_words(tier: Tier) -> &'static str {
    match tier {
        Tier::Emergency => "emergency",
        Tier::Urgent => "same-day care",
        Tier::Refer => "see a clinician first",
        Tier::Local => "area skipped",
        Tier::Caution => "made gentler",
        Tier::None => "noted",
    }
}

/// How long an area has felt this way, in words.
pub fn since_words(s: Since) -> &'static str {
    match s {
        Since::Days => "for days",
        Since::Weeks => "for weeks",
        Since::Months => "for months",
    }
}

/// A region's name, or its id if unknown.
pub fn region_name<'a>(kb: &'a KnowledgeBase, id: &'a str) -> &'a str {
    kb.region(id).map_or(id, |r| r.name.as_str())
}

/// A tool's name, or its id if unknown.
pub fn tool_name<'a>(kb: &'a KnowledgeBase, id: &'a str) -> &'a str {
    kb.tool(id).map_or(id, |t| t.name.as_str())
}

/// "Calves, Back of the neck: " before a question about those areas ("" for none).
pub fn about(kb: &KnowledgeBase, regions: &[&str]) -> String {
    if regions.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = regions.iter().map(|r| region_name(kb, r)).collect();
    format!("{}: ", names.join(", "))
}

/// Minutes and seconds, e.g. `4 min 30 s`.
pub fn duration(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// A time range, e.g. `1-5 min`, or `45 s to 2 min 30 s`.
pub fn duration_range(lo: u32, hi: u32) -> String {
    if lo.is_multiple_of(60) && hi.is_multiple_of(60) && lo > 0 {
        format!("{}-{} min", lo / 60, hi / 60)
    } else {
        format!("{} to {}", duration(lo), duration(hi))
    }
}

/// A step's dose in words.
pub fn dose(step: &Step) -> String {
    let side = if step.per_side { " on each side" } else { "" };
    let sets = if step.sets == 1 {
        format!("1 set of {} s{side}", step.seconds_per_set)
    } else {
        format!(
            "{} sets of {} s{side}, {} s rest between sets",
            step.sets, step.seconds_per_set, step.rest_seconds
        )
    };
    let detail = match step.method {
        Method::Roll => step.passes.map(|p| {
            let pace = step.pace_cm_per_s.map_or(String::new(), |[lo, hi]| {
                format!(", about {lo}-{hi} cm a second")
            });
            format!("about {p} slow passes a set{pace}")
        }),
        Method::Glide => step
            .passes
            .map(|p| format!("about {p} light strokes a set")),
        Method::Hold => step
            .hold_seconds
            .map(|h| format!("hold each tender spot about {h} s")),
    };
    match detail {
        Some(d) => format!("{sets} ({d})"),
        None => sets,
    }
}

/// What is remembered, said on the welcome screen (app and plain mode).
pub const REMEMBERED: &str = "Your stable answers are remembered on this computer for up to 12 months: --no-remember turns this off, fascia forget deletes them.";

/// The same in fewer words, for a welcome screen with little room.
pub const REMEMBERED_SHORT: &str =
    "Stable answers are kept here up to 12 months (fascia forget deletes them).";
