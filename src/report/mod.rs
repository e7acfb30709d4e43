//! Advice as output: the JSON of ANSWERS.md, text for a person, and Markdown for a clinician.
//! Shared by `fascia advise` and the interactive faces (export), so every face says the same.

use std::fmt::Write;

use serde::Serialize;

use crate::engine::{
    Advice, Exclusion, Fired, Modification, Outcome, Routine, Screening, Step, position_words,
};
use crate::kb::KnowledgeBase;

mod markdown;
pub use crate::technique_text::{dosage_words, technique_line, technique_sections};
pub use crate::words::{
    about, dose, duration, duration_range, headline, region_name, since_words, tier_words,
    tool_name,
};
pub use markdown::{date_words, hand_off_file_name, hand_off_stem, markdown, markdown_on};

/// The `--format json` document.
#[derive(Serialize)]
struct AdviceJson<'a> {
    outcome: Outcome,
    message: &'a str,
    fired: &'a [Fired],
    referrals: &'a [Fired],
    excluded: &'a [Exclusion],
    modifications: &'a [Modification],
    #[serde(skip_serializing_if = "Option::is_none")]
    routine: Option<&'a Routine>,
    unanswered: &'a [String],
}

/// The advice as the JSON value of ANSWERS.md.
pub fn json(advice: &Advice) -> serde_json::Value {
    let s = &advice.screening;
    serde_json::to_value(AdviceJson {
        outcome: s.outcome,
        message: &s.message,
        fired: &s.fired,
        referrals: &s.referrals,
        excluded: &s.excluded,
        modifications: &s.modifications,
        routine: advice.routine.as_ref(),
        unanswered: &s.unanswered,
    })
    .unwrap_or_default()
}

/// Before the first step: the movement test of each area.
pub const TEST_BEFORE: &str =
    "Before you start, test how each area moves, and remember how far and how easily it went:";

/// After the last step.
pub const TEST_AFTER: &str =
    "When you finish, do the same movement tests again and notice what changed.";

/// The tool's limits, said at the end of every report.
pub const DISCLAIMER: &str = "fascia is not a diagnosis and not for emergencies. If something feels wrong, stop and ask a doctor or physio.";

/// What a step keeps off, one line per zone ("Back of the knee: stop each pass a hand's width
/// above the crease"); zones named by the person's cautions come first and say so.
pub fn keep_off_lines(step: &Step) -> Vec<String> {
    step.keeps_off
        .iter()
        .map(|k| {
            let why = if k.caution {
                " (because of your answers)"
            } else {
                ""
            };
            format!("{}{why}: {}", k.name, k.how)
        })
        .collect()
}

/// The tool used, with the substitution when there is one.
pub fn tool_line(kb: &KnowledgeBase, step: &Step) -> String {
    match &step.substitute_for {
        Some(wanted) => format!(
            "{} (instead of {}: {})",
            tool_name(kb, &step.tool),
            tool_name(kb, wanted).to_lowercase(),
            step.substitution.as_deref().unwrap_or("")
        ),
        None => tool_name(kb, &step.tool).to_owned(),
    }
}

/// The advice as text for a person.
pub fn text(kb: &KnowledgeBase, advice: &Advice) -> String {
    let s = &advice.screening;
    let mut o = String::new();
    let _ = writeln!(o, "{}", headline(s));
    let _ = writeln!(o, "{}", s.message);
    text_screening(&mut o, kb, s);
    if let Some(r) = &advice.routine {
        text_routine(&mut o, kb, r);
    }
    if !s.unanswered.is_empty() {
        let _ = writeln!(
            o,
            "\nNot answered (counted as the default answer): {}",
            titles(kb, &s.unanswered)
        );
    }
    let _ = writeln!(o, "\n{DISCLAIMER}");
    o
}

fn text_screening(o: &mut String, kb: &KnowledgeBase, s: &Screening) {
    if s.stopped_early {
        let _ = writeln!(o, "{}", crate::summary::stopped_early(s));
    }
    for block in crate::summary::blocks(kb, s) {
        let _ = writeln!(o, "\n{}", block.title);
        for e in &block.entries {
            let _ = writeln!(o, "  * {}", e.head);
            for line in e.body.iter().chain(&e.not_sure) {
                let _ = writeln!(o, "    {line}");
            }
        }
    }
}

/// The routine part of the text report.
pub fn routine_text(kb: &KnowledgeBase, r: &Routine) -> String {
    let mut o = String::new();
    text_routine(&mut o, kb, r);
    o
}

fn text_routine(o: &mut String, kb: &KnowledgeBase, r: &Routine) {
    let _ = writeln!(
        o,
        "\nRoutine: {} of your {}",
        duration(r.total_seconds),
        duration(r.budget_seconds)
    );
    let _ = writeln!(o, "\n{TEST_BEFORE}");
    for t in &r.tests {
        let _ = writeln!(o, "  * {}: {}", region_name(kb, &t.region), t.how);
    }
    for (i, step) in r.steps.iter().enumerate() {
        let _ = writeln!(
            o,
            "\n{}. {}: {} ({}, {} pressure, {})",
            i + 1,
            region_name(kb, &step.region),
            step.name,
            step.kind,
            step.pressure,
            duration(step.seconds)
        );
        let _ = writeln!(o, "   Tool:     {}", tool_line(kb, step));
        let _ = writeln!(o, "   Position: {}", position_words(step.position));
        let _ = writeln!(o, "   Dose:     {}", dose(step));
        let _ = writeln!(o, "   Why:      {}", step.reason);
        if let Some(t) = kb.technique(&step.technique) {
            for (n, line) in t.steps.iter().enumerate() {
                let _ = writeln!(o, "   {}) {line}", n + 1);
            }
        }
        let _ = writeln!(o, "   Cues:     {}", step.cues.join(" "));
        for line in keep_off_lines(step) {
            let _ = writeln!(o, "   Keep off: {line}");
        }
        let _ = writeln!(o, "   Stop if:  {}", step.stop_if.join(" "));
    }
    let _ = writeln!(o, "\n{TEST_AFTER}");
    for l in &r.left_out {
        let _ = writeln!(
            o,
            "\nLeft out: {}: {}",
            region_name(kb, &l.region),
            l.reason
        );
    }
    if !r.suggestions.is_empty() {
        let _ = writeln!(o, "\nAlso worth checking");
        for sug in &r.suggestions {
            let _ = writeln!(o, "  * {}: {}", region_name(kb, &sug.region), sug.why);
        }
    }
}

/// Screening items' plain names, joined.
pub(crate) fn titles(kb: &KnowledgeBase, ids: &[String]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| crate::summary::item_title(kb, id))
        .collect();
    names.join("; ")
}
