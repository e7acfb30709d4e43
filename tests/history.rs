//! The history file: round trip, many appends, two writers at once, damaged lines that are
//! reported and kept, and a directory that cannot be written.

use fascia::history::{Rating, Record, Score, StepDone, Store, parse};

fn record(n: usize) -> Record {
    Record {
        v: fascia::history::VERSION,
        at: format!("2026-11-{:02}T10:00:00Z", 1 + n % 28),
        regions: vec!["calves".into()],
        routine: vec![StepDone {
            region: "calves".into(),
            technique: "calves_hand_glide_seated".into(),
            tool: "hands".into(),
            seconds: 120,
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
        for n in 0..200 {
            store.append(&record(n)).expect("append");
        }
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = std::env::current_exe().expect("test binary");
    let children: Vec<_> = (0..2)
        .map(|_| {
            std::process::Command::new(&exe)
                .args([
                    "--exact",
                    "two_processes_at_once_never_interleave_or_lose_a_record",
                    "--nocapture",
                ])
                .env("FASCIA_TEST_WRITER_DIR", dir.path())
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
