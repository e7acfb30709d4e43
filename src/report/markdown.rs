//! The Markdown hand-off for a clinician: a dated routine card first, then the outcome and its
//! reasons, each step in full, and the answers (yes and not sure first, the no answers folded).

use std::fmt::Write;

use super::{DISCLAIMER, TEST_AFTER, TEST_BEFORE, keep_off_lines, titles, tool_line};
use crate::engine::{
    Advice, Answers, Outcome, Routine, Screening, feel_words, goal_words, position_words,
    questionnaire,
};
use crate::kb::KnowledgeBase;
use crate::words::{dose, duration, headline, region_name, since_words};

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
    let _ = writeln!(o, "\n## Outcome: {}\n", headline(s));
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
                    md_escape(&crate::words::item_text(answers, q.item)),
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
        let _ = writeln!(o, "\n{}", crate::summary::stopped_early(s));
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
