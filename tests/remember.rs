//! Remembering in plain mode and on the command line: a first check and a return check by
//! transcript, `--no-remember` writes nothing, a damaged profile is said once and ignored, and
//! `fascia forget` leaves no profile behind.

mod common;

use assert_cmd::Command;
use fascia::profile::ProfileStore;

/// The binary with its data folder in `dir` and remembering on.
fn fascia(dir: &std::path::Path) -> Command {
    let mut cmd = common::fascia();
    cmd.env_remove("FASCIA_NO_REMEMBER")
        .env_remove("TERM")
        .env("FASCIA_DATA_DIR", dir);
    cmd
}

fn transcript(cmd: &mut Command, input: &str) -> (String, String) {
    let out = cmd
        .arg("--plain")
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .clone();
    (
        String::from_utf8(out.stdout).expect("utf8"),
        String::from_utf8(out.stderr).expect("utf8"),
    )
}

#[test]
fn a_first_check_is_remembered_and_a_return_check_confirms_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let kb = common::kb();
    // The first check: the script answers exactly the interview's questions.
    let first_input = common::plain_script(&kb, &["calves", "neck"], Vec::new());
    let (first, err) = transcript(&mut fascia(dir.path()), &first_input);
    assert!(err.is_empty(), "{err}");
    assert!(
        first.contains("remembered on this computer for up to 12 months"),
        "the welcome says so"
    );
    assert!(first.contains("Question 1, about"), "progress is shown");
    assert!(
        !first.contains("still true since"),
        "nothing to confirm the first time"
    );
    let store = ProfileStore::in_dir(dir.path());
    let profile = store.load().expect("readable").expect("remembered");
    let today = jiff::Zoned::now().date();
    let holding = profile.holding(&kb, today);
    assert!(!holding.is_empty());
    // The return check: one "still true?" question lists what was remembered.
    let again_input = common::plain_script(&kb, &["calves", "neck"], holding.clone());
    let (again, err) = transcript(&mut fascia(dir.path()), &again_input);
    assert!(err.is_empty(), "{err}");
    assert!(again.contains("Last time you told us"), "{again}");
    assert!(again.contains(&format!(
        "still true since {}",
        fascia::flow::day_words(today)
    )));
    let asked_first = first.matches("Question ").count();
    let asked_again = again.matches("Question ").count();
    assert!(asked_again <= 8, "{asked_again} questions on a return");
    assert!(asked_again < asked_first);
}

#[test]
fn no_remember_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let kb = common::kb();
    let input = common::plain_script(&kb, &["calves"], Vec::new());
    let mut cmd = fascia(dir.path());
    cmd.arg("--no-remember");
    transcript(&mut cmd, &input);
    assert!(!dir.path().join("profile.json").exists());
}

#[test]
fn a_damaged_profile_is_said_once_and_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("profile.json");
    std::fs::write(&path, "{\"version\": 99").expect("write");
    let kb = common::kb();
    let input = common::plain_script(&kb, &["calves"], Vec::new());
    let (out, err) = transcript(&mut fascia(dir.path()), &input);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("could not be used"), "{err}");
    assert!(out.contains("Step 7 of 9: Result"));
}

#[test]
fn forget_deletes_the_profile_and_keeps_the_history_unless_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let kb = common::kb();
    let input = common::plain_script(&kb, &["calves"], Vec::new());
    transcript(&mut fascia(dir.path()), &input);
    let profile = dir.path().join("profile.json");
    assert!(profile.exists());
    std::fs::write(dir.path().join("history.jsonl"), "").expect("history");
    let out = fascia(dir.path())
        .arg("forget")
        .assert()
        .success()
        .get_output()
        .clone();
    let said = String::from_utf8(out.stdout).expect("utf8");
    assert!(said.contains("Deleted your remembered answers"), "{said}");
    assert!(said.contains("history is kept"), "{said}");
    assert!(!profile.exists());
    assert!(dir.path().join("history.jsonl").exists());
    let out = fascia(dir.path())
        .args(["forget", "--history"])
        .assert()
        .success()
        .get_output()
        .clone();
    let said = String::from_utf8(out.stdout).expect("utf8");
    assert!(said.contains("No answers were remembered"), "{said}");
    assert!(said.contains("Deleted your session history"), "{said}");
    assert!(!dir.path().join("history.jsonl").exists());
}
