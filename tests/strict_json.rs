//! Strict JSON in every file fascia reads, and error location that stays linear: a second
//! document, a key written twice, a byte-order mark, invalid UTF-8, thousands of errors, and
//! mutated answers and knowledge-base files that must all be refused with a location and exit 2.

mod common;

use std::path::Path;

use common::fascia;
use fascia::engine::Answers;
use fascia::kb::{EMBEDDED, KnowledgeBase, LoadError};
use predicates::prelude::*;
use predicates::str::contains;
use proptest::prelude::*;

const CALVES: &str = r#"{"regions": {"calves": {}}, "default_answer": "no",
 "preferences": {"tools": ["foam_roller_medium"]}}"#;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path.display().to_string()
}

fn advise(path: &str) -> assert_cmd::assert::Assert {
    fascia().args(["advise", "--answers", path]).assert()
}

#[test]
fn the_plain_answers_give_a_routine() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "a.json", CALVES.as_bytes());
    advise(&path).success();
}

#[test]
fn a_second_document_in_an_answers_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = format!("{CALVES}\n{{\"answers\": {{\"chest_pain_cardiac\": \"yes\"}}}}\n");
    let path = write(dir.path(), "two.json", text.as_bytes());
    advise(&path).code(2).stdout("").stderr(
        contains("two.json")
            .and(contains("more text after the end"))
            .and(contains("line 3 column 1")),
    );
}

#[test]
fn a_key_written_twice_in_an_answers_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = r#"{"regions": {"calves": {}}, "default_answer": "no",
 "answers": {"chest_pain_cardiac": "yes", "chest_pain_cardiac": "no"}}"#;
    let path = write(dir.path(), "dup.json", text.as_bytes());
    advise(&path).code(2).stdout("").stderr(
        contains("dup.json: answers.chest_pain_cardiac")
            .and(contains("written twice"))
            .and(contains("line 2 column 43")),
    );
    // Also at the top level, where serde names it itself.
    let text = r#"{"regions": {"calves": {}}, "regions": {"neck": {}}}"#;
    let path = write(dir.path(), "top.json", text.as_bytes());
    advise(&path).code(2).stderr(
        contains("top.json")
            .and(contains("regions"))
            .and(contains("line 1")),
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(CALVES.as_bytes());
    let path = write(dir.path(), "bom.json", &bytes);
    advise(&path).success();
    let mut kb = b"\xEF\xBB\xBF".to_vec();
    kb.extend_from_slice(EMBEDDED.as_bytes());
    let kb = write(dir.path(), "kb.json", &kb);
    fascia().args(["kb", "check", &kb]).assert().success();
}

#[test]
fn invalid_utf8_is_refused_with_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "latin1.json",
        b"{\"regions\": {\"calves\": {}},\n \"default_answer\": \"n\xF6\"}",
    );
    advise(&path).code(2).stderr(
        contains("latin1.json")
            .and(contains("not UTF-8"))
            .and(contains("line 2 column 22")),
    );
    let kb = write(dir.path(), "kb.json", b"{\n\n  \xFF}");
    fascia()
        .args(["kb", "check", &kb])
        .assert()
        .code(2)
        .stderr(contains("kb.json").and(contains("line 3 column 3")));
}

#[test]
fn a_kb_with_text_appended_fails_the_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = format!("{EMBEDDED}\ngarbage");
    let kb = write(dir.path(), "kb.json", text.as_bytes());
    fascia()
        .args(["kb", "check", &kb])
        .assert()
        .code(2)
        .stderr(contains("kb.json").and(contains("more text after the end")));
    fascia()
        .args([
            "--kb",
            &kb,
            "advise",
            "--answers",
            &write(dir.path(), "a.json", CALVES.as_bytes()),
        ])
        .assert()
        .code(2);
}

#[test]
fn a_kb_with_a_key_written_twice_deep_inside_fails_the_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The first technique's "name" written twice.
    let text = EMBEDDED.replacen("\"name\":", "\"name\": \"x\", \"name\":", 1);
    let kb = write(dir.path(), "kb.json", text.as_bytes());
    let err = KnowledgeBase::from_text(&text, "kb.json").expect_err("refused");
    let LoadError::Parse { problem, .. } = &err else {
        panic!("a parse error: {err}");
    };
    assert!(problem.location.is_some(), "{err}");
    assert_eq!(problem.path.rsplit('.').next(), Some("name"), "{err}");
    fascia()
        .args(["kb", "check", &kb])
        .assert()
        .code(2)
        .stderr(contains("written twice").and(contains("line")));
}

#[test]
fn a_history_line_with_a_key_written_twice_is_damaged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = r#"{"v":1,"at":"2026-11-21T10:00:00Z","regions":["calves"],"routine":[],"ratings":[],"completed":true,"steps_done":1}"#;
    let twice = good.replace(
        "\"completed\":true",
        "\"completed\":true,\"completed\":false",
    );
    let trailing = format!("{good} {good}");
    let text = format!("{good}\n{twice}\n{trailing}\n");
    write(dir.path(), "history.jsonl", text.as_bytes());
    fascia()
        .env("FASCIA_DATA_DIR", dir.path())
        .args(["history", "--format", "json"])
        .assert()
        .success()
        .stderr(contains("line 2 is damaged").and(contains("line 3 is damaged")));
}

/// Thousands of errors: every one is located in one pass, and only the first few are listed.
/// Rescanning the file per error would take minutes here; one pass takes well under a second.
#[test]
fn thousands_of_errors_are_capped_and_located_in_one_pass() {
    let kb = common::kb();
    let regions: Vec<String> = (0..40_000)
        .map(|i| format!("\n  \"nowhere_{i:05}\": {{}}"))
        .collect();
    let text = format!("{{\"regions\": {{{}}}}}", regions.join(","));
    let err = Answers::parse(&text, &kb).expect_err("unknown regions");
    assert_eq!(err.problems.len(), 40_000);
    assert!(err.problems.iter().all(|p| p.location.is_some()));
    assert_eq!(err.problems[39_999].location.map(|l| l.line), Some(40_001));
    let message = err.to_string();
    assert_eq!(message.lines().count(), fascia::kb::MAX_LISTED + 1);
    assert!(
        message.ends_with("… and 39,980 more"),
        "{}",
        &message[message.len() - 80..]
    );

    let mut doc: serde_json::Value = serde_json::from_str(EMBEDDED).expect("kb json");
    let techniques = doc["techniques"].as_array_mut().expect("techniques");
    let first = techniques[0].clone();
    techniques.extend(std::iter::repeat_n(first, 4_000));
    let text = serde_json::to_string_pretty(&doc).expect("json");
    let err = KnowledgeBase::from_text(&text, "big.json").expect_err("duplicates");
    let LoadError::Invalid { problems, .. } = &err else {
        panic!("validation problems: {err}");
    };
    assert!(problems.len() >= 4_000);
    assert!(problems.iter().all(|p| p.location.is_some()));
    let message = err.to_string();
    assert_eq!(message.lines().count(), fascia::kb::MAX_LISTED + 2);
    assert!(message.contains("more"));

    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "big.json", text.as_bytes());
    fascia()
        .args(["kb", "check", &path])
        .assert()
        .code(2)
        .stderr(contains("… and "));
}

/// A mutation that must make any of our files unreadable.
#[derive(Debug, Clone)]
enum Mutation {
    /// A second document after the first.
    Append(String),
    /// The first member of the object at this byte offset written twice.
    DuplicateKey(usize),
    /// A byte that is never UTF-8 at this offset.
    BadByte(usize, u8),
    /// Cut at this offset.
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        prop::sample::select(vec![
            "{}",
            "{\"answers\": {\"chest_pain_cardiac\": \"yes\"}}",
            "x",
            "[1]",
            "\"\"",
            "0",
            "null"
        ])
        .prop_map(|s| Mutation::Append(s.to_owned())),
        any::<usize>().prop_map(Mutation::DuplicateKey),
        (
            any::<usize>(),
            prop::sample::select(vec![0x80u8, 0xC0, 0xF8, 0xFF, 0xFE])
        )
            .prop_map(|(at, b)| Mutation::BadByte(at, b)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, m: &Mutation) -> Vec<u8> {
    let bytes = text.as_bytes();
    match m {
        Mutation::Append(doc) => format!("{text}\n{doc}").into_bytes(),
        Mutation::DuplicateKey(at) => {
            // The n-th object of the text with its first member written once more in front.
            let opens: Vec<usize> = text
                .match_indices('{')
                .map(|(i, _)| i)
                .filter(|&i| text[i + 1..].trim_start().starts_with('"'))
                .collect();
            let open = opens[at % opens.len()];
            let rest = &text[open + 1..];
            let q = rest.find('"').expect("key start");
            let end = rest[q + 1..].find('"').expect("key end") + q + 2;
            let key = &rest[q..end];
            format!("{}{{{key}: 0, {}", &text[..open], rest).into_bytes()
        }
        Mutation::BadByte(at, b) => {
            let mut out = bytes.to_vec();
            out.insert(at % (bytes.len() + 1), *b);
            out
        }
        Mutation::Truncate(at) => {
            let trimmed = text.trim_end().as_bytes();
            trimmed[..at % trimmed.len()].to_vec()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Library level: every mutated answers file and KB is refused with a location.
    #[test]
    fn mutated_files_are_refused_with_a_location(m in mutation()) {
        let kb = common::kb();
        let answers = apply(CALVES, &m);
        let e = fascia::json::text(&answers)
            .and_then(|text| Answers::parse(text, &kb).map_err(|e| e.problems[0].clone()));
        let e = e.expect_err("mutated answers are refused");
        prop_assert!(e.location.is_some(), "{e}");

        let text = apply(EMBEDDED, &m);
        let e = match fascia::json::text(&text) {
            Err(e) => e,
            Ok(text) => match KnowledgeBase::from_text(text, "kb.json") {
                Err(LoadError::Parse { problem, .. }) => problem,
                Err(LoadError::Invalid { problems, .. }) => problems[0].clone(),
                Err(other) => panic!("{other}"),
                Ok(_) => panic!("a mutated KB loaded: {m:?}"),
            },
        };
        prop_assert!(e.location.is_some(), "{e}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// The real binary: exit 2, the file named, a line and column, never a panic.
    #[test]
    fn mutated_answers_exit_2_with_a_location(m in mutation()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write(dir.path(), "mutated.json", &apply(CALVES, &m));
        let out = fascia().args(["advise", "--answers", &path]).output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert_eq!(out.status.code(), Some(2), "{}", stderr);
        prop_assert!(stderr.contains("mutated.json") && stderr.contains("line "), "{}", stderr);
    }
}
