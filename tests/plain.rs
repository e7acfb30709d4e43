//! Plain mode: scripted runs through stdin to every outcome, compared with `fascia advise` on the
//! saved answers; back and help; browse; and no escape sequences even in a pseudo-terminal.

mod common;

use std::collections::BTreeMap;

use assert_cmd::Command;
use fascia::engine::Reply;
use predicates::prelude::*;
use predicates::str::contains;

fn fascia() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fascia"));
    cmd.env_remove("FASCIA_KB")
        .env_remove("FASCIA_EMERGENCY_NUMBER")
        .env_remove("TERM")
        .env_remove("FASCIA_DATA_DIR")
        .env("FASCIA_NO_REMEMBER", "1");
    cmd
}

/// The lines a person would type to choose `regions` and answer every question of the
/// interview with `reply` (item by item, as the interview asks them), keeping the default
/// details, tools and time. `remembered` are the answers a return check confirms.
fn script(regions: &[&str], reply: &dyn Fn(&str, Option<&str>) -> Reply, finish: bool) -> String {
    common::plain_script_with(&common::kb(), regions, reply, finish, Vec::new())
}

fn yes_to<'a>(items: &'a [&'a str]) -> impl Fn(&str, Option<&str>) -> Reply + 'a {
    move |item, _| {
        if items.contains(&item) {
            Reply::Yes
        } else {
            Reply::No
        }
    }
}

/// Runs a scripted check, then `advise` on the saved answers; returns (transcript, advise text,
/// advise JSON).
fn run(input: &str) -> (String, String, serde_json::Value) {
    let dir = tempfile::tempdir().expect("tempdir");
    let saved = dir.path().join("answers.json");
    let out = fascia()
        .args(["--plain", "--emergency-number", "112", "--save-answers"])
        .arg(&saved)
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let transcript = String::from_utf8(out).expect("utf8");
    let text = fascia()
        .args(["advise", "--emergency-number", "112", "--answers"])
        .arg(&saved)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json = fascia()
        .args([
            "advise",
            "--emergency-number",
            "112",
            "--format",
            "json",
            "--answers",
        ])
        .arg(&saved)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    (
        transcript,
        String::from_utf8(text).expect("utf8"),
        serde_json::from_slice(&json).expect("json"),
    )
}

#[test]
fn every_outcome_by_typing_matches_advise_on_the_saved_answers() {
    let cases: [(&[&str], &[&str], &str, bool); 7] = [
        (&["calves"], &[], "routine", true),
        (&["calves", "neck"], &["blood_thinners"], "routine", true),
        (&["calves", "neck"], &["varicose_veins"], "routine", true),
        (&["calves"], &["open_wound"], "nothing_safe", false),
        (&["calves"], &["heart_condition"], "refer", false),
        (&["calves"], &["dvt_symptoms"], "urgent", false),
        (&["calves"], &["chest_pain_cardiac"], "emergency", false),
    ];
    for (regions, yes, outcome, finish) in cases {
        let (transcript, advice_text, json) = run(&script(regions, &yes_to(yes), finish));
        assert_eq!(json["outcome"], outcome, "{yes:?}");
        for step in [
            "Step 1 of 9: Where",
            "Step 2 of 9",
            "Step 3 of 9: Emergency signs",
            "Step 7 of 9: Result",
        ] {
            assert!(
                transcript.contains(step),
                "{yes:?}: no `{step}` in:\n{transcript}"
            );
        }
        if matches!(outcome, "emergency" | "urgent" | "refer") {
            // Stopped at once (a global refer too, v3): no other question, no review, no
            // routine advice.
            assert!(transcript.contains("We stopped the questions"), "{yes:?}");
            assert!(!transcript.contains("Step 6 of 9: Review"), "{yes:?}");
            assert!(!transcript.contains("Made gentler"), "{yes:?}");
            let headline = advice_text.lines().next().expect("headline");
            assert!(transcript.contains(headline), "{yes:?}: `{headline}`");
            assert!(transcript.contains("Replay them with: fascia advise --answers"));
            continue;
        }
        assert!(transcript.contains("Step 6 of 9: Review"), "{yes:?}");
        // The result shown is the one advise gives: the screening part line by line...
        let headline = advice_text.lines().next().expect("headline");
        assert!(
            transcript.contains(headline),
            "{yes:?}: `{headline}` missing"
        );
        for line in advice_text
            .lines()
            .take_while(|l| !l.starts_with("Routine:"))
            .filter(|l| !l.is_empty() && !l.starts_with("Not answered"))
        {
            assert!(
                transcript.contains(line),
                "{yes:?}: `{line}` missing from the transcript"
            );
        }
        // ...and the routine, when there is one.
        if let Some(start) = advice_text.find("Routine:") {
            let routine = advice_text[start..]
                .split("\nfascia is not a diagnosis")
                .next()
                .expect("routine")
                .trim();
            assert!(transcript.contains(routine), "{yes:?}: the routine differs");
            assert!(transcript.contains("Step 9 of 9: Your routine"));
        } else {
            assert!(
                !transcript.contains("Step 8 of 9"),
                "{yes:?}: no tools question past a referral"
            );
        }
        assert!(transcript.contains("Replay them with: fascia advise --answers"));
    }
}

#[test]
fn b_goes_back_and_h_explains() {
    let kb = common::kb();
    let first = &kb.items()[0];
    // Line 1 of the emergency checklist (a stroke sign in the last week), back from the one
    // follow-up it opens, none of these, then ask why on the next question (the age).
    let base = script(&["calves"], &yes_to(&[]), true);
    let lines: Vec<&str> = base.lines().collect();
    let mut edited: Vec<&str> = lines[..6].to_vec();
    edited.extend(["1", "b", lines[6], "h"]);
    edited.extend(&lines[7..]);
    let input = edited.join("\n") + "\n";
    let dir = tempfile::tempdir().expect("tempdir");
    let saved = dir.path().join("a.json");
    let out = fascia()
        .args(["--plain", "--save-answers"])
        .arg(&saved)
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let transcript = String::from_utf8(out).expect("utf8");
    let line = format!("1. {}", first.lines[0].text);
    assert_eq!(
        transcript.matches(&line).count(),
        2,
        "back from the follow-up asks the checklist again"
    );
    let now = &kb.item("stroke_signs").expect("the follow-up").question;
    assert!(
        transcript.contains(now.as_str()),
        "a marked stroke line asks if it is still there"
    );
    assert!(transcript.contains("Why we ask: children need a doctor's advice first"));
    let answers: BTreeMap<String, serde_json::Value> =
        serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(&saved).expect("read"))
            .expect("json")["answers"]
            .as_object()
            .expect("answers")
            .clone()
            .into_iter()
            .collect();
    assert_eq!(
        answers[&first.id], "no",
        "the changed answer is the one kept"
    );
}

#[test]
fn wrong_input_is_explained_and_asked_again() {
    let input = "9\n1\n99\n18\n\n\n\n\nmaybe\n";
    let out = fascia()
        .arg("--plain")
        .write_stdin(input)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let transcript = String::from_utf8(out.stdout).expect("utf8");
    assert!(transcript.contains("That is not a choice here: type a number from 1 to 4."));
    assert_eq!(
        transcript.matches("Main menu").count(),
        1,
        "a bad choice repeats only the prompt:\n{transcript}"
    );
    assert!(transcript.contains("Not an area: 99"));
    assert!(transcript.contains("Please type one of the answers shown."));
    let err = String::from_utf8(out.stderr).expect("utf8");
    assert!(
        err.contains("the input ended before the check was finished"),
        "{err}"
    );
}

#[test]
fn browse_by_area_filter_search_and_read_a_technique() {
    let kb = common::kb();
    let calves: Vec<_> = kb.techniques_for("calves").collect();
    let input = "2\n18\ni\n1\n\nb\n/soleus\n1\nb\nb\n3\n";
    let out = fascia()
        .arg("--plain")
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let transcript = String::from_utf8(out).expect("utf8");
    assert!(transcript.contains("Browse: areas") && transcript.contains("Browse: Calves"));
    assert!(transcript.contains("Browsing skips the safety check"));
    assert!(transcript.contains("Showing: any tool, indirect only."));
    let indirect = calves
        .iter()
        .find(|t| t.kind == fascia::kb::Kind::Indirect)
        .expect("indirect");
    assert!(transcript.contains(&format!("Browse: technique: {}", indirect.name)));
    assert!(transcript.contains("Stop if:") && transcript.contains("Sources:"));
    assert!(transcript.contains("Browse: search for \"soleus\""));
}

#[test]
fn term_dumb_starts_plain_mode() {
    fascia()
        .env("TERM", "dumb")
        .write_stdin("3\n")
        .assert()
        .success()
        .stdout(contains("Main menu").and(contains("1. Start the check")));
}

#[cfg(unix)]
#[test]
fn no_escape_sequences_even_in_a_terminal() {
    use std::io::Write;
    use std::time::{Duration, Instant};

    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_fascia"));
    cmd.arg("--plain")
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR");
    let mut session = expectrl::session::OsSession::spawn(cmd).expect("spawn");
    let mut raw = Vec::new();
    let pump = |session: &mut expectrl::session::OsSession, raw: &mut Vec<u8>, until: &str| {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut buf = [0u8; 4096];
        while Instant::now() < deadline {
            while let Ok(n) = session.try_read(&mut buf) {
                if n == 0 {
                    break;
                }
                raw.extend_from_slice(&buf[..n]);
            }
            if String::from_utf8_lossy(raw).contains(until) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("`{until}` never appeared");
    };
    pump(&mut session, &mut raw, "Type a number.");
    for line in ["2\n", "18\n"] {
        session.write_all(line.as_bytes()).expect("send");
    }
    pump(&mut session, &mut raw, "Browse: Calves");
    session.write_all(b"b\nb\n3\n").expect("send");
    let deadline = Instant::now() + Duration::from_secs(20);
    while session.get_process().is_alive().unwrap_or(false) && Instant::now() < deadline {
        let mut buf = [0u8; 4096];
        if let Ok(n) = session.try_read(&mut buf) {
            raw.extend_from_slice(&buf[..n]);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let text = String::from_utf8_lossy(&raw);
    assert!(
        !text.contains('\u{1b}'),
        "an escape sequence in plain mode: {text:?}"
    );
    assert!(
        !text.chars().any(|c| ('\u{2500}'..='\u{259f}').contains(&c)),
        "box drawing in plain mode"
    );
}

/// A bad answer repeats only the prompt, not the list before it; `q` quits from a prompt, asking
/// first once there are answers.
#[test]
fn a_bad_answer_repeats_only_the_prompt_and_q_quits_anywhere() {
    let run = in_process;
    let out = run("2\n99\nq\n");
    assert_eq!(
        out.matches("Browse: areas").count(),
        1,
        "the list is said once:\n{out}"
    );
    assert!(out.contains("Please type a number from 1 to"), "{out}");
    assert!(
        out.trim_end().ends_with("Goodbye."),
        "q quits from browse:\n{out}"
    );
    // An area's techniques, and search results: said once, whatever is mistyped (t lists the
    // tools, then the prompt again).
    let out = run("2\n18\nzz\nt\nt 99\nq\n");
    assert_eq!(out.matches("Browse: Calves").count(), 1, "{out}");
    assert_eq!(out.matches("Tools: ").count(), 1, "{out}");
    assert_eq!(
        out.matches("Please type a number from 1 to").count(),
        2,
        "{out}"
    );
    let out = run("2\n/calf\n999\nq\n");
    assert_eq!(out.matches("Browse: search for").count(), 1, "{out}");
    assert!(out.contains("Please type a number from 1 to"), "{out}");
    // With an area chosen, q asks first; enter goes on, y quits.
    let out = run("1\n18\nq\n\nq\ny\n");
    assert!(out.contains("Your answers will be lost"), "{out}");
    assert!(out.trim_end().ends_with("Goodbye."), "{out}");
}

/// What plain mode says to `input`, run in process (nothing saved).
fn in_process(input: &str) -> String {
    let kb = common::kb();
    let mut out = Vec::new();
    let options = fascia::plain::Options {
        store: None,
        ..fascia::plain::Options::from_env()
    };
    fascia::plain::run(&kb, "112", input.as_bytes(), &mut out, options).expect("plain mode ends");
    String::from_utf8(out).expect("utf-8")
}

/// The lines of a finished check of the calves (every answer no), with `extra` typed at the
/// review before enter shows the result.
fn at_the_review(extra: &[&str]) -> String {
    let script = script(&["calves"], &yes_to(&[]), true);
    let mut lines: Vec<&str> = script.lines().collect();
    // From the end: quit, technique, minutes, tools, then the review's enter.
    let review = lines.len() - 5;
    assert_eq!(lines[review], "");
    for (i, line) in extra.iter().enumerate() {
        lines.insert(review + i, line);
    }
    lines.join("\n") + "\n"
}

/// A bad number at the review repeats only its prompt with a one-line reason, never the review
/// (67 lines long for a few areas, read out whole by a screen reader).
#[test]
fn a_bad_number_at_the_review_repeats_only_the_prompt() {
    let (transcript, _, json) = run(&at_the_review(&["999", "0", "soon"]));
    assert_eq!(json["outcome"], "routine");
    assert_eq!(
        transcript.matches("Step 6 of 9: Review").count(),
        1,
        "the review is said once:\n{transcript}"
    );
    assert_eq!(
        transcript.matches("1. Calves: tight or stiff").count(),
        1,
        "its first row is said once:\n{transcript}"
    );
    let hint = "Please type a number from 1 to ";
    assert_eq!(transcript.matches(hint).count(), 3, "{transcript}");
    assert_eq!(
        transcript
            .matches("Type a number to change that answer")
            .count(),
        4,
        "the prompt again after each bad answer"
    );
    // After a bad answer, the next line said is the prompt.
    let after = transcript.split(hint).nth(1).expect("a hint");
    let next = after.lines().nth(1).expect("a line after the hint");
    assert!(next.starts_with("Type a number to change"), "{next}");
}

/// `q` quits from every kind of prompt: at once with nothing to lose (the menu, browsing, the
/// first page), after a yes once there are answers (each page of the check).
#[test]
fn q_quits_from_every_prompt_asking_first_once_there_are_answers() {
    let run = in_process;
    let check = script(&["calves"], &yes_to(&[]), true);
    let check: Vec<&str> = check.lines().collect();
    let review = check.len() - 5;
    let cases: [(&str, Vec<&str>, bool); 10] = [
        ("the menu", vec![], false),
        ("browse: areas", vec!["2"], false),
        ("browse: an area", vec!["2", "18"], false),
        ("browse: search results", vec!["2", "/calf"], false),
        ("browse: a technique", vec!["2", "18", "1"], false),
        ("the areas", vec!["1"], false),
        ("the details", check[..2].to_vec(), true),
        ("a question", check[..6].to_vec(), true),
        ("the review", check[..review].to_vec(), true),
        ("the tools", check[..=review].to_vec(), true),
    ];
    for (prompt, lines, asks) in cases {
        let typed: String = lines.iter().flat_map(|l| [*l, "\n"]).collect();
        let out = run(&format!("{typed}q\ny\n"));
        assert!(
            out.trim_end().ends_with("Goodbye."),
            "q quits from {prompt}:\n{out}"
        );
        assert_eq!(
            out.contains("Quit fascia? Your answers will be lost."),
            asks,
            "{prompt}: asks first only with answers to lose:\n{out}"
        );
        if asks {
            // Enter goes on: the same prompt again, then q and y quit.
            let out = run(&format!("{typed}q\n\nq\ny\n"));
            assert!(out.trim_end().ends_with("Goodbye."), "{prompt}:\n{out}");
            assert_eq!(out.matches("Quit fascia?").count(), 2, "{prompt}");
        }
    }
}

#[test]
fn a_referral_stops_and_f_finishes_the_questions_for_the_clinician() {
    let kb = common::kb();
    // The script to the referral's stop ends with enter (done) and 3 (quit): type f instead,
    // then none of these to every question left, enter at the review, and quit.
    let base = script(&["calves"], &yes_to(&["cancer_active"]), false);
    let mut lines: Vec<String> = base.lines().map(str::to_owned).collect();
    lines.truncate(lines.len() - 2);
    let mut answers = fascia::engine::Answers {
        regions: [(
            "calves".to_owned(),
            fascia::engine::RegionDetails::default(),
        )]
        .into(),
        ..fascia::engine::Answers::default()
    };
    answers.set("cancer_active", None, Reply::Yes);
    // At least as many "none of these" as questions are left once finishing (counted from the
    // start: the review refuses any spare one and changes nothing).
    let mut walk = fascia::flow::Walk::new(Vec::new());
    walk.finish();
    let left = walk.left(&kb, &answers);
    lines.push("f".into());
    lines.extend(std::iter::repeat_n("n".to_owned(), left));
    lines.extend([String::new(), "3".into()]);
    let (transcript, _, json) = run(&(lines.join("\n") + "\n"));
    assert!(transcript.contains("Type f to finish the questions for your clinician"));
    assert!(transcript.contains("Step 6 of 9: Review"), "{transcript}");
    // Every question was answered, for the hand-off (none left to the default), and the
    // referral stands.
    assert_eq!(json["outcome"], "refer");
    assert_eq!(json["unanswered"], serde_json::json!([]), "{json}");
}
