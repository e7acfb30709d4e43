//! The command line: every command, format and bad input, with exit codes.

mod common;

use common::fascia;
use predicates::prelude::*;
use predicates::str::contains;

fn answers(name: &str) -> String {
    common::fixtures()
        .join("answers")
        .join(name)
        .display()
        .to_string()
}

/// What `fascia ARGS` prints, when it succeeds.
fn stdout(args: &[&str]) -> String {
    let out = fascia()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf8")
}

#[test]
fn help_and_version() {
    fascia()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("advise").and(contains("not a diagnosis")));
    fascia()
        .arg("--version")
        .assert()
        .success()
        .stdout(contains(env!("CARGO_PKG_VERSION")));
    fascia()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(contains("_fascia()"));
}

#[test]
fn kb_check_passes_on_the_shipped_kb() {
    fascia()
        .args(["kb", "check"])
        .assert()
        .success()
        .stdout(contains("no problems"));
    let shipped = format!("{}/data/knowledge.json", env!("CARGO_MANIFEST_DIR"));
    fascia()
        .args(["kb", "check", &shipped])
        .assert()
        .success()
        .stdout(contains("knowledge.json: no problems"));
}

#[test]
fn kb_check_lists_every_problem_with_its_path_and_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    for d in common::defects() {
        let file = dir.path().join(&d.name);
        std::fs::write(&file, &d.text).expect("write");
        fascia()
            .args(["kb", "check"])
            .arg(&file)
            .assert()
            .code(2)
            .stdout("")
            .stderr(
                contains(&d.name)
                    .and(contains(&d.path))
                    .and(contains(&d.message))
                    .and(contains("line")),
            );
    }
}

#[test]
fn a_truncated_or_empty_kb_gives_exit_2_with_line_and_column() {
    let dir = common::fixtures().join("invalid");
    for name in ["empty.json", "malformed.json"] {
        fascia()
            .arg("--kb")
            .arg(dir.join(name))
            .args(["kb", "stats"])
            .assert()
            .code(2)
            .stderr(
                contains(name)
                    .and(contains("line"))
                    .and(contains("column"))
                    .and(contains("panicked").not()),
            );
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let half = tmp.path().join("half.json");
    std::fs::write(
        &half,
        &fascia::kb::EMBEDDED[..fascia::kb::EMBEDDED.len() / 3],
    )
    .expect("write");
    fascia()
        .env("FASCIA_KB", &half)
        .args(["advise", "--answers", &answers("calves_routine.json")])
        .assert()
        .code(2)
        .stderr(contains("half.json").and(contains("line")));
    fascia()
        .args(["kb", "check", "/no/such/kb.json"])
        .assert()
        .code(2)
        .stderr(contains("/no/such/kb.json"));
}

#[test]
fn kb_stats_in_text_and_json() {
    fascia()
        .args(["kb", "stats"])
        .assert()
        .success()
        .stdout(contains("techniques").and(contains("calves")));
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&["kb", "stats", "--format", "json"])).expect("json");
    assert_eq!(v["regions"], 20);
    assert!(v["tools"].as_u64() >= Some(14));
    assert!(v["techniques"].as_u64() >= Some(50));
    assert!(v["screening_items"].as_u64() >= Some(62));
    assert!(v["sources"].as_u64() > Some(0));
    let per = v["per_region"].as_object().expect("per_region");
    assert_eq!(per.len(), 20);
    for (region, counts) in per {
        let (d, i) = (
            counts["direct"].as_u64().expect("n"),
            counts["indirect"].as_u64().expect("n"),
        );
        assert!(i >= 1 && d + i >= 2, "{region}: {counts}");
    }
}

#[test]
fn advise_json_follows_the_answers_contract() {
    let out = fascia()
        .args([
            "advise",
            "--answers",
            &answers("calves_routine.json"),
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(v["outcome"], "routine");
    assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert_eq!(v["excluded"][0]["region"], "calves");
    assert_eq!(v["excluded"][0]["because"][0], "open_wound");
    let thinners = v["fired"]
        .as_array()
        .expect("fired")
        .iter()
        .find(|f| f["id"] == "blood_thinners")
        .expect("fired");
    assert_eq!(
        (thinners["tier"].as_str(), thinners["answer"].as_str()),
        (Some("caution"), Some("not_sure"))
    );
    assert_eq!(v["modifications"][0]["region"], "neck");
    assert!(
        v["modifications"][0]["applied"]
            .as_array()
            .expect("applied")
            .iter()
            .any(|a| a == "light_pressure")
    );
    let steps = v["routine"]["steps"].as_array().expect("steps");
    assert!(!steps.is_empty());
    for key in [
        "region",
        "technique",
        "kind",
        "tool",
        "substitute_for",
        "pressure",
        "position",
        "seconds",
        "reason",
    ] {
        assert!(steps[0].get(key).is_some(), "step lacks {key}");
    }
    assert!(steps.iter().all(|s| s["region"] == "neck"));
    assert!(v["routine"]["total_seconds"].as_u64() <= Some(600));
    assert!(v["unanswered"].is_array());
}

#[test]
fn advise_text_and_markdown_say_the_same_thing() {
    fascia()
        .args(["advise", "--answers", &answers("calves_routine.json")])
        .assert()
        .success()
        .stdout(
            contains("Your routine")
                .and(contains("Left out\n  * Calves"))
                .and(contains("open_wound").not())
                .and(contains("You weren't sure"))
                .and(contains("not a diagnosis")),
        );
    fascia()
        .args([
            "advise",
            "--answers",
            &answers("calves_routine.json"),
            "--format",
            "markdown",
        ])
        .assert()
        .success()
        .stdout(
            contains("# fascia")
                .and(contains("## Answers"))
                .and(contains("| not sure"))
                .and(contains("## Left out"))
                .and(contains("## Made gentler"))
                .and(contains("## Routine")),
        );
}

#[test]
fn advise_emergency_uses_the_configured_number() {
    fascia()
        .args(["advise", "--answers", &answers("emergency.json")])
        .assert()
        .success()
        .stdout(
            contains("EMERGENCY")
                .and(contains("your local emergency number (e.g. 911, 112, 999)"))
                .and(contains("Routine:").not()),
        );
    fascia()
        .env("FASCIA_EMERGENCY_NUMBER", "000")
        .args([
            "advise",
            "--answers",
            &answers("emergency.json"),
            "--format",
            "json",
        ])
        .assert()
        .success()
        .stdout(
            contains("\"outcome\": \"emergency\"")
                .and(contains("Call 000 now"))
                .and(contains("\"routine\"").not()),
        );
}

#[test]
fn advise_bad_input_exits_2_naming_file_path_and_position() {
    let cases = [
        ("bad_region.json", "regions.calf", "unknown region `calf`"),
        (
            "bad_item.json",
            "answers.chest_pain",
            "unknown screening item `chest_pain`",
        ),
        (
            "bad_tool.json",
            "preferences.tools[0]",
            "unknown tool `rolling_pin`",
        ),
        (
            "bad_intensity.json",
            "regions.calves.intensity",
            "intensity 11 is out of range",
        ),
        (
            "bad_answer_word.json",
            "answers.blood_thinners",
            "`maybe` is not an answer",
        ),
        ("truncated.json", "", "EOF while parsing"),
    ];
    for (file, path, message) in cases {
        fascia()
            .args(["advise", "--answers", &answers(file)])
            .assert()
            .code(2)
            .stdout("")
            .stderr(
                contains(file)
                    .and(contains(path))
                    .and(contains(message))
                    .and(contains("line"))
                    .and(contains("column")),
            );
    }
    fascia()
        .args(["advise", "--answers", "/no/such/answers.json"])
        .assert()
        .code(2)
        .stderr(contains("/no/such/answers.json"));
    fascia()
        .args([
            "advise",
            "--answers",
            &answers("calves_routine.json"),
            "--format",
            "yaml",
        ])
        .assert()
        .code(2);
}

#[test]
fn browse_lists_filters_searches_and_prints_one_technique() {
    fascia().arg("browse").assert().success().stdout(
        contains("Calves")
            .and(contains("Feet"))
            .and(contains("skips the safety check")),
    );
    fascia()
        .args(["browse", "calves"])
        .assert()
        .success()
        .stdout(
            contains("Muscles:")
                .and(contains("soleus"))
                .and(contains("calves_")),
        );
    let out = fascia()
        .args(["browse", "calves", "--kind", "indirect", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(v["regions"][0]["id"], "calves");
    let ts = v["techniques"].as_array().expect("techniques");
    assert!(
        !ts.is_empty()
            && ts.iter().all(|t| t["kind"] == "indirect"
                && t["regions"]
                    .as_array()
                    .is_some_and(|r| r.iter().any(|x| x == "calves")))
    );
    let out = fascia()
        .args(["browse", "--tool", "roller_stick", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert!(v["techniques"].as_array().is_some_and(|t| !t.is_empty()));
    let out = fascia()
        .args(["browse", "--search", "soleus", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert!(v["techniques"].as_array().expect("list").iter().all(|t| {
        t["regions"]
            .as_array()
            .is_some_and(|r| r.iter().any(|x| x == "calves"))
    }));
    fascia()
        .args(["browse", "head", "--tool", "percussion_device"])
        .assert()
        .success()
        .stdout(contains("No technique matches"));
    let kb = common::kb();
    let t = &kb.techniques()[0];
    fascia().args(["browse", &t.id]).assert().success().stdout(
        contains(t.name.as_str())
            .and(contains("Steps"))
            .and(contains("Stop if"))
            .and(contains("Keeps off"))
            .and(contains("Sources"))
            .and(contains("Evidence")),
    );
}

#[test]
fn no_output_shows_a_raw_placeholder() {
    let kb = common::kb();
    for t in kb.techniques() {
        fascia()
            .args(["browse", &t.id])
            .assert()
            .success()
            .stdout(contains("{emergency}").not());
    }
    for file in ["calves_routine.json", "emergency.json"] {
        for format in ["text", "json", "markdown"] {
            fascia()
                .args(["advise", "--answers", &answers(file), "--format", format])
                .assert()
                .success()
                .stdout(contains("{emergency}").not());
        }
    }
}

#[test]
fn browse_bad_input_lists_the_valid_ids() {
    fascia()
        .args(["browse", "calf"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            contains("unknown region or technique `calf`")
                .and(contains("calves"))
                .and(contains("feet")),
        );
    fascia()
        .args(["browse", "--tool", "rolling_pin"])
        .assert()
        .code(2)
        .stderr(contains("unknown tool `rolling_pin`").and(contains("lacrosse_ball")));
    fascia()
        .args(["browse", "--kind", "gentle"])
        .assert()
        .code(2)
        .stderr(contains("direct").and(contains("indirect")));
}

#[test]
fn history_prints_sessions_respects_xdg_and_reports_damaged_lines() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("fascia");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let record = |pain: u8, completed: bool| {
        format!(
            r#"{{"v":1,"at":"2026-11-20T09:00:00Z","regions":["calves"],"routine":[{{"region":"calves","technique":"calves_hand_glide_seated","tool":"hands","seconds":120}}],"ratings":[{{"region":"calves","before":{{"pain":6,"ease":4}},"after":{{"pain":{pain},"ease":7}}}}],"completed":{completed},"steps_done":1}}"#
        )
    };
    let text = format!(
        "{}\nnot json at all\n{}\n",
        record(3, true),
        record(2, false)
    );
    std::fs::write(dir.join("history.jsonl"), &text).expect("write");
    let run = |format: &str| {
        let mut cmd = fascia();
        cmd.env_remove("FASCIA_DATA_DIR")
            .env("XDG_DATA_HOME", home.path())
            .args(["history", "--format", format]);
        cmd
    };
    run("text")
        .assert()
        .success()
        .stdout(
            contains("2 sessions")
                .and(contains("completed"))
                .and(contains("ended early"))
                .and(contains("Calves"))
                .and(contains("pain 6 → 3")),
        )
        .stderr(contains("line 2 is damaged").and(contains("kept in the file")));
    let out = run("json").assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(v["sessions"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["damaged"][0]["line"], 2);
    assert!(
        v["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("fascia/history.jsonl"))
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("history.jsonl")).expect("read"),
        text,
        "the file is never changed"
    );

    let empty = tempfile::tempdir().expect("tempdir");
    fascia()
        .env("FASCIA_DATA_DIR", empty.path())
        .arg("history")
        .assert()
        .success()
        .stdout(contains("No sessions saved yet"));
}

#[test]
fn advise_writes_the_markdown_hand_off_to_a_file_and_says_where() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("hand-off.md");
    fascia()
        .args([
            "advise",
            "--answers",
            &answers("calves_routine.json"),
            "--format",
            "markdown",
            "--output",
        ])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("Saved to").and(contains("hand-off.md")));
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.starts_with("# fascia") && text.contains("## Routine"));
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        1,
        "no temporary file left behind"
    );
    fascia()
        .args([
            "advise",
            "--answers",
            &answers("calves_routine.json"),
            "--output",
            "/no/such/dir/x.md",
        ])
        .assert()
        .code(2)
        .stderr(contains("cannot write /no/such/dir/x.md"));
}

/// Runs fascia with its stdout a pipe whose reading end is already closed, as after `| head -1`
/// stopped reading: every write fails with a broken pipe. It must end quietly with exit 0.
fn with_closed_stdout(args: &[&str], data_dir: &std::path::Path) -> std::process::Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    std::process::Command::new(env!("CARGO_BIN_EXE_fascia"))
        .args(args)
        .env_remove("FASCIA_KB")
        .env_remove("FASCIA_EMERGENCY_NUMBER")
        .env("FASCIA_DATA_DIR", data_dir)
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run")
}

#[test]
fn every_command_ends_quietly_on_a_closed_pipe() {
    let dir = tempfile::tempdir().expect("tempdir");
    let line = r#"{"v":2,"id":"aa11","at":"2026-11-20T09:00:00Z","regions":["calves"],"routine":[],"ratings":[{"region":"calves","before":{"pain":6,"ease":4}}],"completed":true,"steps_done":0}"#;
    std::fs::write(
        dir.path().join("history.jsonl"),
        format!("{line}\n").repeat(50),
    )
    .expect("write");
    let answers = answers("calves_routine.json");
    let runs: [&[&str]; 12] = [
        &["completions", "bash"],
        &["man"],
        &["history"],
        &["history", "--format", "json"],
        &["history", "--format", "csv"],
        &["history", "--format", "fhir"],
        &["browse"],
        &["browse", "calves", "--format", "json"],
        &["advise", "--answers", &answers],
        &["advise", "--answers", &answers, "--format", "markdown"],
        &["advise", "--answers", &answers, "--format", "fhir"],
        &["kb", "stats"],
    ];
    for args in runs {
        let out = with_closed_stdout(args, dir.path());
        assert_eq!(out.status.code(), Some(0), "fascia {args:?}: {out:?}");
        assert!(
            out.stderr.is_empty(),
            "fascia {args:?} said: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn man_prints_a_manual_page_from_the_command_definitions() {
    let out = fascia()
        .arg("man")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).expect("utf-8");
    assert!(page.contains(".TH fascia 1"), "{page}");
    for command in ["advise", "browse", "history", "completions", "man"] {
        assert!(page.contains(command), "{command} missing");
    }
}

#[test]
fn history_lists_newest_first_in_every_format_and_deletes_one_session() {
    let dir = tempfile::tempdir().expect("tempdir");
    let record = |id: &str, day: u8, pain_after: u8| {
        format!(
            r#"{{"v":2,"id":"{id}","at":"2026-11-{day:02}T09:00:00Z","regions":["calves"],"routine":[{{"region":"calves","technique":"calves_hand_glide_seated","tool":"hands","seconds":120,"status":"skipped"}},{{"region":"calves","technique":"calves_hand_glide_seated","tool":"hands","seconds":120,"status":"completed"}}],"ratings":[{{"region":"calves","before":{{"pain":6,"ease":4}},"after":{{"pain":{pain_after},"ease":5}}}}],"completed":false,"steps_done":1,"status":"skipped_some"}}"#
        )
    };
    // Oldest last in the file, newest in the middle: the listing sorts them.
    let text = format!(
        "{}\n{}\n{}\n",
        record("bbb", 21, 5),
        record("ccc", 22, 3),
        record("aaa", 20, 6)
    );
    std::fs::write(dir.path().join("history.jsonl"), &text).expect("write");
    let run = |args: &[&str]| {
        let out = fascia()
            .env("FASCIA_DATA_DIR", dir.path())
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).expect("utf-8")
    };
    let listed = run(&["history"]);
    let order = |s: &str, ids: [&str; 3]| {
        let at: Vec<usize> = ids.iter().map(|id| s.find(id).expect(id)).collect();
        assert!(at[0] < at[1] && at[1] < at[2], "{s}");
    };
    order(&listed, ["ccc", "bbb", "aaa"]);
    assert!(
        listed.contains("finished with steps skipped, 1 of 2 steps done, 1 skipped"),
        "{listed}"
    );
    assert!(
        listed.contains("pain 6 → 3 (down 3 points): a meaningful improvement"),
        "{listed}"
    );
    assert!(
        listed.contains("pain 6 → 5 (down 1 point): a small improvement"),
        "{listed}"
    );
    assert!(listed.contains("Farrar"));
    let json: serde_json::Value =
        serde_json::from_str(&run(&["history", "--format", "json"])).expect("json");
    let ids: Vec<&str> = json["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(ids, ["ccc", "bbb", "aaa"]);
    let csv = run(&["history", "--format", "csv"]);
    let first: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap_or(""))
        .collect();
    assert_eq!(first, ["ccc", "bbb", "aaa"]);
    let fhir: serde_json::Value =
        serde_json::from_str(&run(&["history", "--format", "fhir"])).expect("json");
    assert_eq!(fhir["resourceType"], "Bundle");
    assert_eq!(fhir["entry"].as_array().map(Vec::len), Some(12));

    assert!(run(&["history", "delete", "bbb"]).contains("Deleted session bbb"));
    let after = std::fs::read_to_string(dir.path().join("history.jsonl")).expect("read");
    assert_eq!(after, text.replace(&(record("bbb", 21, 5) + "\n"), ""));
    fascia()
        .env("FASCIA_DATA_DIR", dir.path())
        .args(["history", "delete", "bbb"])
        .assert()
        .code(2)
        .stderr(contains("no saved session has the id `bbb`"));
}

#[test]
fn advise_writes_fhir_and_names_the_file_when_given_a_folder() {
    let out = fascia()
        .args([
            "advise",
            "--answers",
            &answers("calves_routine.json"),
            "--format",
            "fhir",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let qr: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(qr["resourceType"], "QuestionnaireResponse");
    let dir = tempfile::tempdir().expect("tempdir");
    for (args, name) in [
        (vec!["--format", "markdown"], "fascia-routine-2026-11-27.md"),
        (
            vec!["--format", "fhir"],
            "fascia-answers-2026-11-27.fhir.json",
        ),
    ] {
        fascia()
            .args([
                "advise",
                "--answers",
                &answers("calves_routine.json"),
                "--date",
                "2026-11-27",
                "--output",
            ])
            .arg(dir.path())
            .args(args)
            .assert()
            .success()
            .stdout(contains(name));
        assert!(dir.path().join(name).is_file());
    }
    let emergency = tempfile::tempdir().expect("tempdir");
    fascia()
        .args([
            "advise",
            "--answers",
            &answers("emergency.json"),
            "--format",
            "markdown",
            "--date",
            "2026-11-27",
            "--output",
        ])
        .arg(emergency.path())
        .assert()
        .success();
    assert!(
        emergency
            .path()
            .join("fascia-referral-summary-2026-11-27.md")
            .is_file()
    );
    fascia()
        .args([
            "advise",
            "--answers",
            &answers("calves_routine.json"),
            "--date",
            "27/11/2026",
        ])
        .assert()
        .code(2);
}

/// `kb stats --questions`: every question a person can be asked, whole and in order, each line
/// with the item it answers, its tier and when to answer no; the same in JSON.
#[test]
fn kb_stats_lists_every_question_whole() {
    let kb = common::kb();
    let text = stdout(&["kb", "stats", "--questions"]);
    let age = |id: &str| fascia::engine::interview::AGE_ITEMS.contains(&id);
    for item in kb.items().iter().filter(|i| !age(&i.id)) {
        for line in item.asks() {
            assert!(text.contains(line), "{} line missing: {line}", item.id);
        }
        assert!(
            text.contains(&format!("[{} {}", item.tier, item.id)),
            "{} named with its tier",
            item.id
        );
        for no in item.lines.iter().filter_map(|l| l.no_if.as_ref()) {
            assert!(text.contains(&format!("Answer no if {no}")), "{no}");
        }
    }
    // In the order asked: the emergency checklist before the health ones, the areas last.
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(at("Checklist emergency_signs") < at("Checklist health_urgent"));
    assert!(at("Checklist health_caution") < at("Checklist area_urgent"));
    let json = stdout(&["kb", "stats", "--questions", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let lines: usize = v["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .map(|q| q["lines"].as_array().map_or(0, Vec::len))
        .sum();
    let want: usize = kb
        .items()
        .iter()
        .filter(|i| !age(&i.id))
        .map(|i| i.asks().len())
        .sum::<usize>()
        + fascia::engine::AgeBand::ALL.len();
    assert_eq!(lines, want);
}
