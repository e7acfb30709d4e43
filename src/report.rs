//! Advice as output: the JSON of ANSWERS.md, text for a person, and Markdown for a clinician.
//! Shared by `fascia advise` and the interactive faces (export), so every face says the same.

use std::fmt::Write;

use serde::Serialize;

use crate::engine::{
    Advice, Answers, Exclusion, Fired, Modification, Outcome, Routine, Screening, Step, feel_words,
    goal_words, position_words, questionnaire,
};
use crate::kb::KnowledgeBase;
pub use crate::technique_text::{dosage_words, technique_line, technique_sections};
pub use crate::words::{
    about, dose, duration, duration_range, headline, region_name, since_words, tier_words,
    tool_name,
};

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
    let _ = writeln!(o, "{}", headline(s.outcome));
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
        let _ = writeln!(o, "{}", crate::summary::STOPPED_EARLY);
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

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('<', "&lt;")
}

/// What a hand-off is, by the outcome: a routine, a referral summary, or a screening summary.
fn hand_off_kind(outcome: Outcome) -> (&'static str, &'static str) {
    match outcome {
        Outcome::Routine => ("routine", "Self-massage routine"),
        Outcome::Emergency | Outcome::Urgent | Outcome::Refer => {
            ("referral-summary", "Referral summary")
        }
        Outcome::NothingSafe => ("screening-summary", "Screening summary"),
    }
}

/// The hand-off's file name without `.md`: what it is and the date, e.g.
/// `fascia-routine-2026-11-27` or `fascia-referral-summary-2026-11-27`.
pub fn hand_off_stem(outcome: Outcome, date: jiff::civil::Date) -> String {
    format!("fascia-{}-{date}", hand_off_kind(outcome).0)
}

/// The hand-off's file name, e.g. `fascia-routine-2026-11-27.md`.
pub fn hand_off_file_name(outcome: Outcome, date: jiff::civil::Date) -> String {
    format!("{}.md", hand_off_stem(outcome, date))
}

/// A date in words, e.g. `27 November 2026`.
pub fn date_words(date: jiff::civil::Date) -> String {
    date.strftime("%-d %B %Y").to_string()
}

/// The Markdown hand-off dated today (the local date); see [`markdown_on`].
pub fn markdown(kb: &KnowledgeBase, answers: &Answers, advice: &Advice) -> String {
    markdown_on(kb, answers, advice, jiff::Zoned::now().date())
}

/// The advice as a printable Markdown hand-off for a clinician, dated `date`: first the routine
/// card (areas, steps, doses, what to keep off, the movement tests, when to stop), then the
/// outcome and its reasons, the routine step by step, and last the answers: the yes and not sure
/// first, the no answers folded away at the end. Plain words only, no ids.
pub fn markdown_on(
    kb: &KnowledgeBase,
    answers: &Answers,
    advice: &Advice,
    date: jiff::civil::Date,
) -> String {
    let s = &advice.screening;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# fascia: {}, {}\n",
        hand_off_kind(s.outcome).1,
        date_words(date)
    );
    let _ = writeln!(o, "Date: {date}\n");
    if let Some(r) = &advice.routine {
        md_card(&mut o, kb, r);
    }
    let _ = writeln!(o, "\n## Outcome: {}\n", headline(s.outcome));
    let _ = writeln!(o, "{}", s.message);
    md_screening(&mut o, kb, s);
    if let Some(r) = &advice.routine {
        md_routine(&mut o, kb, r);
    }
    md_answers(&mut o, kb, answers, s.stopped_early);
    if !s.unanswered.is_empty() {
        let _ = writeln!(
            o,
            "\nNot answered (counted as {}): {}",
            answers.default_reply().words(),
            titles(kb, &s.unanswered)
        );
    }
    let _ = writeln!(o, "\n---\n\n{DISCLAIMER}");
    o
}

/// The routine card: everything needed to do the routine, on one page.
fn md_card(o: &mut String, kb: &KnowledgeBase, r: &Routine) {
    let mut areas: Vec<&str> = Vec::new();
    for st in &r.steps {
        let name = region_name(kb, &st.region);
        if !areas.contains(&name) {
            areas.push(name);
        }
    }
    let _ = writeln!(o, "## Routine card\n");
    let _ = writeln!(
        o,
        "Areas: {}. Time: {} (of {}).\n",
        areas.join(", "),
        duration(r.total_seconds),
        duration(r.budget_seconds)
    );
    let _ = writeln!(o, "{TEST_BEFORE}\n");
    for t in &r.tests {
        let _ = writeln!(
            o,
            "- **{}**: {}",
            region_name(kb, &t.region),
            md_escape(&t.how)
        );
    }
    let _ = writeln!(
        o,
        "\n| # | Area | Technique | Tool | Position | Pressure | Dose | Time |\n|---|---|---|---|---|---|---|---|"
    );
    for (i, st) in r.steps.iter().enumerate() {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            i + 1,
            region_name(kb, &st.region),
            md_escape(&st.name),
            md_escape(&tool_line(kb, st)),
            position_words(st.position),
            st.pressure,
            md_escape(&dose(st)),
            duration(st.seconds)
        );
    }
    let keep_off: Vec<String> = r
        .steps
        .iter()
        .enumerate()
        .flat_map(|(i, st)| {
            keep_off_lines(st)
                .into_iter()
                .map(move |l| format!("Step {}: {}", i + 1, md_escape(&l)))
        })
        .collect();
    if !keep_off.is_empty() {
        let _ = writeln!(o, "\n**What to keep off**\n");
        for line in keep_off {
            let _ = writeln!(o, "- {line}");
        }
    }
    let mut stop: Vec<&str> = Vec::new();
    for line in r.steps.iter().flat_map(|st| st.stop_if.iter()) {
        if !stop.contains(&line.as_str()) {
            stop.push(line);
        }
    }
    if !stop.is_empty() {
        let _ = writeln!(o, "\n**When to stop**\n");
        for line in stop {
            let _ = writeln!(o, "- {}", md_escape(line));
        }
    }
    let _ = writeln!(o, "\n{TEST_AFTER}");
}

/// The areas, then every answer: yes and not sure in a table, the no answers folded at the end.
/// When the check stopped early, only the questions reached.
fn md_answers(o: &mut String, kb: &KnowledgeBase, answers: &Answers, reached_only: bool) {
    let _ = writeln!(o, "\n## Areas chosen\n");
    let _ = writeln!(
        o,
        "| Area | Feels | Intensity | Since | Goal |\n|---|---|---|---|---|"
    );
    for (id, d) in &answers.regions {
        let _ = writeln!(
            o,
            "| {} | {} | {}/10 | {} | {} |",
            region_name(kb, id),
            feel_words(d.feel),
            d.intensity,
            since_words(d.since),
            goal_words(d.goal)
        );
    }
    let default = answers.default_reply();
    let mut rows: Vec<(crate::engine::Reply, String)> = Vec::new();
    for q in questionnaire(kb, answers) {
        let targets: Vec<Option<&str>> = if q.regions.is_empty() {
            vec![None]
        } else {
            q.regions.iter().map(|r| Some(*r)).collect()
        };
        for t in targets {
            let (reply, note) = match answers.reply(&q.item.id, t) {
                Some(r) => (r, ""),
                None if reached_only => continue,
                None => (default, " (not answered)"),
            };
            let area = t.map_or("", |r| region_name(kb, r));
            rows.push((
                reply,
                format!(
                    "| {} | {} | {}{note} |",
                    md_escape(&q.item.question),
                    area,
                    reply.words()
                ),
            ));
        }
    }
    let header = "| Question | Area | Answer |\n|---|---|---|";
    let (no, rest): (Vec<_>, Vec<_>) = rows
        .into_iter()
        .partition(|(r, _)| *r == crate::engine::Reply::No);
    let _ = writeln!(o, "\n## Answers\n");
    if rest.is_empty() {
        let _ = writeln!(o, "No question was answered yes or not sure.");
    } else {
        let _ = writeln!(o, "Answered yes or not sure:\n\n{header}");
        for (_, line) in &rest {
            let _ = writeln!(o, "{line}");
        }
    }
    if !no.is_empty() {
        let _ = writeln!(
            o,
            "\n<details>\n<summary>Answered no ({} {})</summary>\n\n{header}",
            no.len(),
            if no.len() == 1 { "answer" } else { "answers" }
        );
        for (_, line) in &no {
            let _ = writeln!(o, "{line}");
        }
        let _ = writeln!(o, "\n</details>");
    }
}

fn md_screening(o: &mut String, kb: &KnowledgeBase, s: &Screening) {
    if s.stopped_early {
        let _ = writeln!(o, "\n{}", crate::summary::STOPPED_EARLY);
    }
    for block in crate::summary::blocks(kb, s) {
        let _ = writeln!(o, "\n## {}\n", block.title);
        for e in &block.entries {
            let body = e.body.join(" ");
            if body.is_empty() {
                let _ = writeln!(o, "- **{}**", md_escape(&e.head));
            } else {
                let _ = writeln!(o, "- **{}**: {}", md_escape(&e.head), md_escape(&body));
            }
            if let Some(n) = &e.not_sure {
                let _ = writeln!(o, "  - {}", md_escape(n));
            }
        }
    }
}

/// Screening items' plain names, joined.
fn titles(kb: &KnowledgeBase, ids: &[String]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| crate::summary::item_title(kb, id))
        .collect();
    names.join("; ")
}

/// The routine step by step: why, cues, what to keep off, when to stop, and how.
fn md_routine(o: &mut String, kb: &KnowledgeBase, r: &Routine) {
    let _ = writeln!(
        o,
        "\n## Routine step by step ({} of {})",
        duration(r.total_seconds),
        duration(r.budget_seconds)
    );
    for (i, st) in r.steps.iter().enumerate() {
        let _ = writeln!(
            o,
            "\n### {}. {}: {}\n",
            i + 1,
            region_name(kb, &st.region),
            md_escape(&st.name)
        );
        let _ = writeln!(o, "- Kind: {}, {} pressure", st.kind, st.pressure);
        let _ = writeln!(o, "- Tool: {}", md_escape(&tool_line(kb, st)));
        let _ = writeln!(o, "- Position: {}", position_words(st.position));
        let _ = writeln!(o, "- Dose: {}", md_escape(&dose(st)));
        let _ = writeln!(o, "- Why: {}", md_escape(&st.reason));
        let _ = writeln!(o, "- Cues: {}", md_escape(&st.cues.join(" ")));
        for line in keep_off_lines(st) {
            let _ = writeln!(o, "- Keep off: {}", md_escape(&line));
        }
        let _ = writeln!(o, "- Stop if: {}", md_escape(&st.stop_if.join(" ")));
        if let Some(t) = kb.technique(&st.technique) {
            let _ = writeln!(o);
            for (n, line) in t.steps.iter().enumerate() {
                let _ = writeln!(o, "{}. {}", n + 1, md_escape(line));
            }
        }
    }
    for l in &r.left_out {
        let _ = writeln!(
            o,
            "\nLeft out: **{}**: {}",
            region_name(kb, &l.region),
            md_escape(&l.reason)
        );
    }
    for sug in &r.suggestions {
        let _ = writeln!(
            o,
            "\nAlso worth checking: **{}**: {}",
            region_name(kb, &sug.region),
            md_escape(&sug.why)
        );
    }
}
