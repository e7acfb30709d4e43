//! No escape sequence from data reaches the terminal: every control character (C0, DEL, C1) is fed
//! through each output path of the command line and plain mode, and none comes out raw.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::fascia;
use predicates::str::contains;

/// Every control character but NUL (which no argument or variable can hold), with text around
/// the escape sequences that would retitle the window and clear the screen.
fn controls() -> String {
    let mut s: String = (1u32..0x20)
        .chain([0x7F])
        .chain(0x80..0xA0)
        .filter_map(char::from_u32)
        .collect();
    s.push_str("\x1b]0;pwned\x07\x1b[2J\u{9b}2J");
    s
}

/// No control character but newline (and tab) in `bytes`.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<String> = text
        .chars()
        .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    assert!(bad.is_empty(), "{what} printed {bad:?} raw:\n{text}");
}

fn run_clean(what: &str, cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().expect("run");
    assert_clean(&format!("{what} (stdout)"), &out.stdout);
    assert_clean(&format!("{what} (stderr)"), &out.stderr);
    out
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

#[test]
fn answers_errors_quote_bad_ids_safely() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = serde_json::to_string(&controls()).expect("json");
    let text = format!(
        r#"{{"regions": {{{bad}: {{}}, "calves": {{}}}}, "answers": {{{bad}: "yes"}},
          "preferences": {{"tools": [{bad}]}}}}"#
    );
    let path = write(dir.path(), "a.json", &text);
    let out = run_clean(
        "advise errors",
        fascia().args(["advise", "--answers", &path]),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("\\u001b]0;pwned\\u0007"), "{stderr}");
    // A bad word as a value, and as a type error.
    let text = format!(r#"{{"regions": {{"calves": {{}}}}, "default_answer": {bad}}}"#);
    let path = write(dir.path(), "b.json", &text);
    let out = run_clean(
        "advise value",
        fascia().args(["advise", "--answers", &path]),
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn kb_errors_quote_bad_fields_safely() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc: serde_json::Value = serde_json::from_str(fascia::kb::EMBEDDED).expect("kb json");
    doc["techniques"][0]["tools"][0] = controls().into();
    doc["regions"][0][controls()] = 1.into();
    let path = write(dir.path(), "kb.json", &doc.to_string());
    let out = run_clean("kb check", fascia().args(["kb", "check", &path]));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn history_prints_crafted_lines_safely() {
    let dir = tempfile::tempdir().expect("tempdir");
    let c = serde_json::to_string(&controls()).expect("json");
    let line = format!(
        r#"{{"v":1,"at":{c},"regions":[{c}],"routine":[{{"region":{c},"technique":{c},"tool":{c},"seconds":60}}],"ratings":[{{"region":{c},"before":{{"pain":5,"ease":5}}}}],"completed":false,"steps_done":1}}"#
    );
    let damaged = format!("{{\"v\": \x1b[2J{}", controls());
    write(dir.path(), "history.jsonl", &format!("{line}\n{damaged}\n"));
    for format in ["text", "json"] {
        let out = run_clean(
            "history",
            fascia()
                .env("FASCIA_DATA_DIR", dir.path())
                .args(["history", "--format", format]),
        );
        assert!(out.status.success());
        if format == "json" {
            let listing: serde_json::Value =
                serde_json::from_slice(&out.stdout).expect("still JSON");
            assert_eq!(listing["sessions"].as_array().map(Vec::len), Some(1));
        }
    }
}

#[test]
fn the_emergency_number_must_be_readable_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let answers = write(
        dir.path(),
        "a.json",
        r#"{"regions": {"calves": {}}, "answers": {"chest_pain_cardiac": "yes"}}"#,
    );
    for c in controls().chars().filter(|c| c.is_control()) {
        let number = format!("11{c}2");
        let out = run_clean(
            "emergency number (variable)",
            fascia().env("FASCIA_EMERGENCY_NUMBER", &number).args([
                "advise",
                "--answers",
                &answers,
            ]),
        );
        assert_eq!(out.status.code(), Some(2), "U+{:04X}", u32::from(c));
    }
    let out = run_clean(
        "emergency number (flag)",
        fascia().args([
            "--emergency-number",
            &controls(),
            "advise",
            "--answers",
            &answers,
        ]),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("emergency number"), "{stderr}");
    fascia()
        .args([
            "--emergency-number",
            "112\u{202e}999",
            "advise",
            "--answers",
            &answers,
        ])
        .assert()
        .code(2);
    fascia()
        .args([
            "--emergency-number",
            "000 (Australia)",
            "advise",
            "--answers",
            &answers,
        ])
        .assert()
        .success()
        .stdout(contains("000 (Australia)"));
}

#[test]
fn plain_mode_never_echoes_control_characters() {
    let mut input: Vec<u8> = (0u8..0x20).filter(|b| *b != b'\n').collect();
    input.push(0x7F);
    input.extend_from_slice(controls().as_bytes());
    input.extend_from_slice(b"\n");
    let mut typed = input.clone();
    typed.extend_from_slice(b"2\n/");
    typed.extend_from_slice(&input);
    typed.extend_from_slice(b"q\nq\n");
    let out = run_clean("plain mode", fascia().arg("--plain").write_stdin(typed));
    assert!(out.status.code().is_some());
}

#[test]
fn argument_errors_quote_bad_values_safely() {
    let bad = controls();
    for args in [
        vec!["browse", "--kind", bad.as_str()],
        vec!["browse", bad.as_str()],
        vec!["browse", "--tool", bad.as_str()],
        vec!["history", "--format", bad.as_str()],
        vec![bad.as_str()],
        vec!["--kb", bad.as_str(), "kb", "stats"],
    ] {
        let out = run_clean("arguments", fascia().args(&args));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}
