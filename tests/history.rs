//! The history file: round trip, many appends, two writers at once, one record per session
//! however often it is saved, deletes that keep every other record (also with a second writer
//! at work), one order everywhere, damaged lines that are reported and kept, and a directory that
//! cannot be written.

use fascia::history::{
    Rating, Record, Saved, Score, SessionStatus, StepDone, StepStatus, Store, newest_first, parse,
};

fn record(n: usize) -> Record {
    Record {
        v: fascia::history::VERSION,
        id: format!("session-{n}"),
        started: None,
        status: None,
        at: format!("2026-11-{:02}T10:00:00Z", 1 + n % 28),
        regions: vec!["calves".into()],
        routine: vec![StepDone {
            region: "calves".into(),
            technique: "calves_hand_glide_seated".into(),
            tool: "hands".into(),
            seconds: 120,
            status: Some(StepStatus::Completed),
        }],
        ratings: vec![Rating {
            region: "calves".into(),
            before: Score { pain: 6, ease: 4 },
            after: Some(Score {
                pain: u8::try_from(n % 10).expect("small"),
                ease: 7,
            }),
        }],
        completed: !n.is_multiple_of(3),
        steps_done: 1,
    }
}

#[test]
fn a_record_round_trips() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(&dir.path().join("new").join("folder"));
    assert!(
        store
            .load()
            .expect("missing file is empty")
            .records
            .is_empty()
    );
    store.append(&record(1)).expect("append");
    let loaded = store.load().expect("load");
    assert_eq!(loaded.records, vec![record(1)]);
    assert!(loaded.damaged.is_empty());
}

#[test]
fn a_thousand_appends_all_load_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    for n in 0..1000 {
        store.append(&record(n)).expect("append");
    }
    let loaded = store.load().expect("load");
    assert_eq!(loaded.records.len(), 1000);
    assert_eq!(loaded.records[999], record(999));
}

#[test]
fn two_writers_at_once_never_interleave_or_lose_a_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_path_buf();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let store = Store::in_dir(&path);
                for n in 0..300 {
                    store.append(&record(w * 1000 + n)).expect("append");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer");
    }
    let loaded = Store::in_dir(&path).load().expect("load");
    assert!(loaded.damaged.is_empty(), "{:?}", loaded.damaged);
    assert_eq!(loaded.records.len(), 600);
}

#[test]
fn two_processes_at_once_never_interleave_or_lose_a_record() {
    // The real binary cannot append without a session, so this runs two copies of this very test
    // binary in a helper mode.
    if let Ok(dir) = std::env::var("FASCIA_TEST_WRITER_DIR") {
        let store = Store::in_dir(std::path::Path::new(&dir));
        let first: usize = std::env::var("FASCIA_TEST_WRITER_FIRST")
            .expect("first")
            .parse()
            .expect("number");
        for n in first..first + 200 {
            store.append(&record(n)).expect("append");
        }
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = std::env::current_exe().expect("test binary");
    let children: Vec<_> = (0..2)
        .map(|w| {
            std::process::Command::new(&exe)
                .args([
                    "--exact",
                    "two_processes_at_once_never_interleave_or_lose_a_record",
                    "--nocapture",
                ])
                .env("FASCIA_TEST_WRITER_DIR", dir.path())
                .env("FASCIA_TEST_WRITER_FIRST", (w * 1000).to_string())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("wait").success());
    }
    let loaded = Store::in_dir(dir.path()).load().expect("load");
    assert!(loaded.damaged.is_empty(), "{:?}", loaded.damaged);
    assert_eq!(loaded.records.len(), 400);
}

#[test]
fn damaged_lines_are_reported_skipped_and_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    store.append(&record(1)).expect("append");
    // A garbage line in the middle, then a record, then a torn last line (a crash mid-write).
    let mut text = std::fs::read_to_string(store.path()).expect("read");
    text.push_str("this is not json\n");
    text.push_str(&serde_json::to_string(&record(2)).expect("json"));
    text.push('\n');
    text.push_str(&serde_json::to_string(&record(3)).expect("json")[..40]);
    std::fs::write(store.path(), &text).expect("write");

    let loaded = store.load().expect("load");
    assert_eq!(loaded.records, vec![record(1), record(2)]);
    assert_eq!(
        loaded.damaged.iter().map(|d| d.line).collect::<Vec<_>>(),
        vec![2, 4]
    );

    // The next append starts on a fresh line and leaves the damaged lines as they were.
    store.append(&record(4)).expect("append");
    let after = std::fs::read_to_string(store.path()).expect("read");
    assert!(
        after.starts_with(&text),
        "nothing earlier was changed or deleted"
    );
    let loaded = store.load().expect("load");
    assert_eq!(loaded.records, vec![record(1), record(2), record(4)]);
    assert_eq!(loaded.damaged.len(), 2);
}

#[test]
fn parse_ignores_blank_lines() {
    let line = serde_json::to_string(&record(5)).expect("json");
    let loaded = parse(format!("\n{line}\n\n").as_bytes());
    assert_eq!(loaded.records.len(), 1);
    assert!(loaded.damaged.is_empty());
}

#[test]
fn an_unwritable_data_directory_gives_a_clear_error() {
    // A file where the directory should be: no user, root included, can write there.
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").expect("write");
    let store = Store::in_dir(&blocker.join("fascia"));
    let err = store
        .append(&record(1))
        .expect_err("cannot write")
        .to_string();
    assert!(
        err.contains("cannot write the history file") && err.contains("history.jsonl"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&blocker).expect("read"),
        "x",
        "nothing else was touched"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_gives_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    if std::fs::write(dir.path().join("probe"), "x").is_ok() {
        // Root ignores permissions; the test above covers the error for everyone.
        return;
    }
    let store = Store::in_dir(dir.path());
    let err = store.append(&record(1)).expect_err("read-only").to_string();
    assert!(
        err.contains("cannot write the history file") && err.contains("history.jsonl"),
        "{err}"
    );
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod back");
}

#[test]
fn saving_one_session_twice_keeps_one_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    assert_eq!(store.append_once(&record(1)).expect("save"), Saved::Added);
    assert_eq!(store.append_once(&record(2)).expect("save"), Saved::Added);
    let mut again = record(1);
    again.at = "2026-12-01T10:00:00Z".into();
    assert_eq!(
        store.append_once(&again).expect("save again"),
        Saved::AlreadySaved,
        "the same session id, whatever else changed"
    );
    store.append(&record(2)).expect("append is idempotent too");
    let loaded = store.load().expect("load");
    assert_eq!(loaded.records, vec![record(1), record(2)]);
}

#[test]
fn records_without_an_id_are_never_taken_for_one_another() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    let mut old = record(1);
    old.id.clear();
    old.v = 1;
    store.append(&old).expect("append");
    store.append(&old).expect("append");
    assert_eq!(store.load().expect("load").records.len(), 2);
    // Both copies are one session by their key, and a delete takes both.
    assert_eq!(old.key().len(), 12);
    assert_eq!(store.delete(&old.key()).expect("delete"), 2);
    assert!(store.load().expect("load").records.is_empty());
}

#[test]
fn delete_removes_only_that_record_and_keeps_damaged_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    for n in 0..5 {
        store.append(&record(n)).expect("append");
    }
    let mut text = std::fs::read_to_string(store.path()).expect("read");
    text.push_str("damaged line\n");
    std::fs::write(store.path(), &text).expect("write");
    assert_eq!(store.delete("session-2").expect("delete"), 1);
    assert_eq!(
        store.delete("session-2").expect("delete"),
        0,
        "gone already"
    );
    assert_eq!(store.delete("no-such-id").expect("delete"), 0);
    let after = std::fs::read_to_string(store.path()).expect("read");
    let line2 = serde_json::to_string(&record(2)).expect("json") + "\n";
    assert_eq!(
        after,
        text.replace(&line2, ""),
        "every other line as it was"
    );
    let loaded = store.load().expect("load");
    assert_eq!(
        loaded.records,
        vec![record(0), record(1), record(3), record(4)]
    );
    assert_eq!(loaded.damaged.len(), 1);
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        1,
        "no temporary file left"
    );
    let missing = Store::in_dir(&dir.path().join("nothing-here"));
    assert_eq!(missing.delete("session-1").expect("no file"), 0);
    assert!(!missing.path().exists(), "a delete creates nothing");
}

/// A writer appends while another deletes: every record appended is there at the end, every
/// record deleted is gone, and every other record is kept.
#[test]
fn deleting_while_another_writer_appends_loses_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_path_buf();
    let store = Store::in_dir(&path);
    for n in 0..200 {
        store.append(&record(n)).expect("seed");
    }
    let appender = {
        let path = path.clone();
        std::thread::spawn(move || {
            let store = Store::in_dir(&path);
            for n in 1000..1300 {
                store.append(&record(n)).expect("append");
            }
        })
    };
    let deleter = {
        let path = path.clone();
        std::thread::spawn(move || {
            let store = Store::in_dir(&path);
            for n in (0..200).step_by(2) {
                assert_eq!(store.delete(&format!("session-{n}")).expect("delete"), 1);
            }
        })
    };
    appender.join().expect("appender");
    deleter.join().expect("deleter");
    let loaded = store.load().expect("load");
    assert!(loaded.damaged.is_empty(), "{:?}", loaded.damaged);
    let mut ids: Vec<String> = loaded.records.iter().map(|r| r.id.clone()).collect();
    ids.sort();
    let mut want: Vec<String> = (1..200)
        .step_by(2)
        .chain(1000..1300)
        .map(|n| format!("session-{n}"))
        .collect();
    want.sort();
    assert_eq!(ids, want);
}

/// The same with two processes: this test binary runs itself as a deleting helper.
#[test]
fn deleting_in_one_process_while_another_appends_loses_nothing() {
    if let Ok(dir) = std::env::var("FASCIA_TEST_DELETER_DIR") {
        let store = Store::in_dir(std::path::Path::new(&dir));
        for n in (0..200).step_by(2) {
            assert_eq!(store.delete(&format!("session-{n}")).expect("delete"), 1);
        }
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    for n in 0..200 {
        store.append(&record(n)).expect("seed");
    }
    let exe = std::env::current_exe().expect("test binary");
    let mut deleter = std::process::Command::new(&exe)
        .args([
            "--exact",
            "deleting_in_one_process_while_another_appends_loses_nothing",
            "--nocapture",
        ])
        .env("FASCIA_TEST_DELETER_DIR", dir.path())
        .spawn()
        .expect("spawn");
    for n in 1000..1200 {
        store.append(&record(n)).expect("append");
    }
    assert!(deleter.wait().expect("wait").success());
    let loaded = store.load().expect("load");
    assert!(loaded.damaged.is_empty(), "{:?}", loaded.damaged);
    let ids: std::collections::BTreeSet<String> =
        loaded.records.iter().map(|r| r.id.clone()).collect();
    let want: std::collections::BTreeSet<String> = (1..200)
        .step_by(2)
        .chain(1000..1200)
        .map(|n| format!("session-{n}"))
        .collect();
    assert_eq!(ids, want);
    assert_eq!(loaded.records.len(), want.len(), "no record twice");
}

#[test]
fn sessions_are_listed_newest_first() {
    let mut a = record(1);
    a.at = "2026-11-20T09:00:00Z".into();
    let mut b = record(2);
    b.at = "2026-11-21T08:00:00+00:00".into();
    let mut c = record(3);
    c.at = "2026-11-20T09:00:00Z".into();
    let mut list = vec![a.clone(), b.clone(), c.clone()];
    newest_first(&mut list);
    assert_eq!(
        list.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["session-2", "session-3", "session-1"],
        "newest first; of two at the same time, the later saved first"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::in_dir(dir.path());
    for r in [&a, &b, &c] {
        store.append(r).expect("append");
    }
    assert_eq!(store.load_newest_first().expect("load").records, list);
}

#[test]
fn a_session_record_says_what_became_of_each_step() {
    let kb = fascia::kb::KnowledgeBase::embedded().expect("kb");
    let answers: fascia::engine::Answers = serde_json::from_str(
        r#"{"regions": {"calves": {}, "neck": {}}, "default_answer": "no", "preferences": {"tools": ["foam_roller_medium"], "minutes": 30}}"#,
    )
    .expect("answers");
    let routine = fascia::engine::advise(&kb, &answers, "112")
        .routine
        .expect("routine");
    assert!(routine.steps.len() >= 2);
    let phases = fascia::session::phases_with_get_ready(&routine, 5);
    let zero = std::time::Duration::ZERO;
    let save = |timer: &fascia::session::Timer| {
        Record::from_session(
            "abc",
            None,
            "2026-11-27T10:00:00Z".into(),
            &routine,
            Vec::new(),
            timer,
        )
    };

    // Every step skipped: not completed, every step skipped, none done.
    let mut t = fascia::session::Timer::start(phases.clone(), zero);
    while !t.is_done() {
        t.skip(zero);
    }
    let r = save(&t);
    assert!(!r.completed);
    assert_eq!(r.status(), SessionStatus::SkippedSome);
    assert_eq!(r.steps_done, 0);
    assert!(
        r.routine
            .iter()
            .all(|s| s.status == Some(StepStatus::Skipped))
    );
    assert_eq!(
        r.steps_words(),
        format!("0 of {n} steps done, {n} skipped", n = routine.steps.len())
    );

    // Quit during the first step (past its get-ready countdown): ended early, the rest not
    // reached.
    let mut t = fascia::session::Timer::start(phases.clone(), zero);
    t.tick(
        zero + std::time::Duration::from_secs(u64::from(fascia::session::GET_READY_SECONDS) + 1),
    );
    t.end();
    let r = save(&t);
    assert_eq!(r.status(), SessionStatus::EndedEarly);
    assert_eq!(r.routine[0].status, Some(StepStatus::Stopped));
    assert!(
        r.routine[1..]
            .iter()
            .all(|s| s.status == Some(StepStatus::NotReached))
    );

    // Run to the end: completed.
    let mut t = fascia::session::Timer::start(phases, zero);
    t.tick(std::time::Duration::from_secs(24 * 3600));
    let r = save(&t);
    assert!(r.completed);
    assert_eq!(r.status(), SessionStatus::Completed);
    assert_eq!(r.steps_done, routine.steps.len());
    assert_eq!(r.id, "abc");
    let mut regions = r.regions.clone();
    regions.sort();
    assert_eq!(
        regions,
        ["calves", "neck"],
        "each area once, in routine order"
    );

    // A version 1 record says how many steps were begun, not done.
    let mut old = record(1);
    old.v = 1;
    old.routine[0].status = None;
    assert_eq!(old.steps_words(), "1 step begun");
}
