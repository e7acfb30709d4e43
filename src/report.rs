//! Advice as output: the JSON of ANSWERS.md, text for a person, and Markdown for a clinician.
//! Shared by `fascia advise` and the interactive faces (export), so every face says the same.

use std::fmt::Write;

use serde::Serialize;

use crate::engine::{
    Advice, Answers, Exclusion, Fired, Modification, Outcome, Routine, Screening, Since, Step,
    feel_words, goal_words, position_words, questionnaire,
};
use crate::kb::{KnowledgeBase, Method, Tier};

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

/// A headline for the outcome.
pub fn headline(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Emergency => "EMERGENCY: get help now",
        Outcome::Urgent => "URGENT: get medical care today",
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

/// A dosage in words, e.g. "2 sets of 60 s on each side, 30 s rest between sets; passes of about
/// 3 s, 2-3 cm a second".
pub fn dosage_words(d: &crate::kb::Dosage) -> String {
    let side = if d.per_side { " on each side" } else { "" };
    let mut out = if d.sets == 1 {
        format!("1 set of {} s{side}", d.seconds)
    } else {
        format!(
            "{} sets of {} s{side}, {} s rest between sets",
            d.sets, d.seconds, d.rest_seconds
        )
    };
    match d.method {
        Method::Roll | Method::Glide => {
            if let Some(p) = d.pass_seconds {
                let _ = write!(out, "; slow passes of about {p} s");
            }
            if let Some([lo, hi]) = d.pace_cm_per_s {
                let _ = write!(out, ", {lo}-{hi} cm a second");
            }
        }
        Method::Hold => {
            if let Some(h) = d.hold_seconds {
                let _ = write!(out, "; hold each tender spot about {h} s");
            }
        }
    }
    let [lo, hi] = d.total_seconds;
    let _ = write!(
        out,
        " ({} in all; at least {} s a set)",
        duration_range(lo, hi),
        d.min_seconds
    );
    out
}

/// A technique in full, as titled sections of plain lines: the same words in the app's browse
/// screen and in `fascia browse`. `emergency` replaces `{emergency}`.
pub fn technique_sections(
    kb: &KnowledgeBase,
    t: &crate::kb::Technique,
    emergency: &str,
) -> Vec<(&'static str, Vec<String>)> {
    let fill = |lines: &[String]| {
        lines
            .iter()
            .map(|l| crate::engine::fill(l, emergency))
            .collect::<Vec<_>>()
    };
    let regions: Vec<&str> = t.regions.iter().map(|r| region_name(kb, r)).collect();
    let kind = match t.kind {
        crate::kb::Kind::Direct => {
            "direct: firm, steady pressure on a tender spot until it eases, or slow rolling"
        }
        crate::kb::Kind::Indirect => {
            "indirect: light pressure or gentle gliding until the tension eases"
        }
    };
    let tools = tool_lines(kb, t);
    let sources = t
        .sources
        .iter()
        .filter_map(|s| kb.source(s))
        .map(|s| match &s.url {
            Some(url) => format!("{} {url}", s.citation),
            None => s.citation.clone(),
        });
    let related = t
        .regions
        .iter()
        .filter_map(|r| kb.region(r))
        .flat_map(|r| r.related.iter())
        .map(|rel| format!("{}: {}", region_name(kb, &rel.region), rel.why));
    vec![
        (
            "About",
            vec![t.summary.clone(), format!("Areas: {}", regions.join(", "))],
        ),
        (
            "Kind",
            vec![
                kind.to_owned(),
                format!("{} pressure, {}", t.pressure, position_words(t.position)),
            ],
        ),
        ("Tools, in order of preference", tools),
        (
            "Steps",
            fill(&t.steps)
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{}. {s}", i + 1))
                .collect(),
        ),
        ("Dose", vec![dosage_words(&t.dosage)]),
        ("Cues", fill(&t.cues)),
        ("What to expect", fill(std::slice::from_ref(&t.expect))),
        (
            "Keeps off",
            t.near_zones
                .iter()
                .map(|z| {
                    format!(
                        "{}: {}",
                        kb.zone(&z.zone)
                            .map_or(z.zone.as_str(), |x| x.name.as_str()),
                        z.how
                    )
                })
                .collect(),
        ),
        ("Stop if", fill(&t.stop_if)),
        (
            "Evidence",
            vec![format!("{}: {}", t.evidence.grade, t.evidence.note)],
        ),
        ("Sources", sources.collect()),
        ("Related areas", related.collect()),
    ]
}

/// Each tool a technique names, with the tools that may stand in for it in this technique.
fn tool_lines(kb: &KnowledgeBase, t: &crate::kb::Technique) -> Vec<String> {
    t.tools
        .iter()
        .map(|id| {
            let stand_ins: Vec<String> = kb
                .stand_ins(t, id)
                .into_iter()
                .map(|(other, s)| format!("{} ({})", other.name, s.change))
                .collect();
            if stand_ins.is_empty() {
                tool_name(kb, id).to_owned()
            } else {
                format!("{}; instead: {}", tool_name(kb, id), stand_ins.join("; "))
            }
        })
        .collect()
}

/// A technique in one line: name, kind, pressure, tools and time.
pub fn technique_line(kb: &KnowledgeBase, t: &crate::kb::Technique) -> String {
    let tools: Vec<&str> = t.tools.iter().map(|id| tool_name(kb, id)).collect();
    let [lo, hi] = t.dosage.total_seconds;
    format!(
        "{} · {} · {} pressure · {} · {}",
        t.name,
        t.kind,
        t.pressure,
        tools.join(", "),
        duration_range(lo, hi)
    )
}
