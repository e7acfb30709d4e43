//! The remembered profile: saved atomically and owner-only, damaged files reported and ignored,
//! `forget` leaves nothing behind, and with it nothing stable is asked twice within its period.

mod common;

use std::sync::LazyLock;

use fascia::engine::{
    AgeBand, Answers, Ask, DefaultAnswer, Interview, RegionDetails, Remembered, Reply, Response,
};
use fascia::kb::KnowledgeBase;
use fascia::profile::{Profile, ProfileError, ProfileStore, VERSION};
use jiff::civil::{Date, date};

static KB: LazyLock<KnowledgeBase> = LazyLock::new(common::kb);

/// Walks an interview answering every question "none" or "no" (16 to 49 years old); returns the
/// answers and the ids of the items that were put to the person (gate items included).
fn walk_no(regions: &[&str], remembered: Vec<Remembered>, confirm: bool) -> (Answers, Vec<String>) {
    let mut answers = Answers {
        regions: regions
            .iter()
            .map(|r| ((*r).to_owned(), RegionDetails::default()))
            .collect(),
        ..Answers::default()
    };
    let mut interview = Interview::new(remembered);
    let mut asked = Vec::new();
    while let Some(ask) = interview.next(&KB, &answers) {
        let response = match &ask {
            Ask::Confirm(_) => Response::Confirmed(confirm),
            Ask::Age => {
                asked.extend(["under_16".to_owned(), "age_50_plus".to_owned()]);
                Response::Age(AgeBand::From16To49)
            }
            Ask::Gate { items, .. } => {
                asked.extend(items.iter().map(|i| i.id.clone()));
                Response::Reply(Reply::No)
            }
            Ask::Item { item, .. } | Ask::WhichAreas { item, .. } => {
                asked.push(item.id.clone());
                Response::Reply(Reply::No)
            }
        };
        interview.answer(&KB, &mut answers, &ask, &response);
    }
    answers.default_answer = Some(DefaultAnswer::No);
    (answers, asked)
}

fn first_check(day: Date) -> (Profile, Vec<String>) {
    let (answers, asked) = walk_no(&["neck", "calves"], Vec::new(), true);
    (Profile::after_check(&KB, &answers, day, None), asked)
}

#[test]
fn nothing_stable_is_asked_twice_within_its_period_and_all_of_it_after_12_months() {
    let day = date(2026, 3, 3);
    let (profile, first) = first_check(day);
    for today in [date(2026, 5, 1), date(2027, 3, 2)] {
        let (_, again) = walk_no(&["neck", "calves"], profile.holding(&KB, today), true);
        for id in &again {
            let item = KB.item(id).expect("item");
            let held = profile
                .answers
                .iter()
                .any(|r| r.item == *id && r.holds(&KB, today));
            assert!(
                !held,
                "{id} (recheck {}) asked again on {today}",
                item.recheck
            );
        }
        assert!(again.len() < first.len());
    }
    // After 12 months nothing holds, and the whole check runs again.
    let (_, late) = walk_no(
        &["neck", "calves"],
        profile.holding(&KB, date(2027, 3, 3)),
        true,
    );
    assert_eq!(late, first);
    // "Something changed": the whole check runs again too.
    let (_, changed) = walk_no(
        &["neck", "calves"],
        profile.holding(&KB, date(2026, 5, 1)),
        false,
    );
    assert_eq!(changed, first);
}

#[test]
fn a_confirmed_answer_keeps_the_day_it_was_first_given() {
    let (profile, _) = first_check(date(2026, 3, 3));
    let (answers, _) = walk_no(
        &["neck", "calves"],
        profile.holding(&KB, date(2026, 6, 1)),
        true,
    );
    let again = Profile::after_check(&KB, &answers, date(2026, 6, 1), Some(&profile));
    let diabetes = again
        .answers
        .iter()
        .find(|r| r.item == "diabetes")
        .expect("remembered");
    assert_eq!(diabetes.since, date(2026, 3, 3));
    // A changed answer is dated the day it changed.
    let mut changed = answers.clone();
    changed.set("diabetes", None, Reply::Yes);
    let p = Profile::after_check(&KB, &changed, date(2026, 6, 1), Some(&profile));
    let d = p
        .answers
        .iter()
        .find(|r| r.item == "diabetes")
        .expect("remembered");
    assert_eq!((d.reply, d.since), (Reply::Yes, date(2026, 6, 1)));
    // Items asked every time are never remembered.
    assert!(
        p.answers
            .iter()
            .all(|r| KB.item(&r.item).is_some_and(|i| i.recheck > 0))
    );
    // Areas not in this check keep what was remembered about them.
    let (feet, _) = walk_no(&["feet"], Vec::new(), true);
    let p2 = Profile::after_check(&KB, &feet, date(2026, 6, 1), Some(&p));
    assert!(
        p2.answers
            .iter()
            .any(|r| r.region.as_deref() == Some("neck"))
    );
}

#[test]
fn saved_atomically_owner_only_and_forget_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProfileStore::in_dir(dir.path());
    assert!(store.load().expect("no profile yet").is_none());
    let (profile, _) = first_check(date(2026, 3, 3));
    store.save(&profile).expect("save");
    assert_eq!(store.load().expect("load"), Some(profile.clone()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(store.path())
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "owner-only");
    }
    // Only the profile is in the folder: no temporary file left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["profile.json"]);
    assert!(store.forget().expect("forget"));
    assert!(!store.path().exists());
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    assert!(!store.forget().expect("forget again"), "nothing to forget");
}

#[test]
fn a_damaged_profile_is_reported_and_never_trusted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProfileStore::in_dir(dir.path());
    let (profile, _) = first_check(date(2026, 3, 3));
    let good = serde_json::to_string(&profile).expect("json");
    let other_version = good.replacen(
        &format!("\"version\":{VERSION}"),
        &format!("\"version\":{}", VERSION + 1),
        1,
    );
    let cases = [
        "not json".to_owned(),
        good[..good.len() / 2].to_owned(),
        format!("{good}{good}"),
        good.replacen('{', "{\"version\":1,", 1),
        other_version,
        good.replacen("\"reply\":\"no\"", "\"reply\":\"maybe\"", 1),
        "\u{1b}]0;title\u{7}".to_owned(),
    ];
    for text in cases {
        std::fs::write(store.path(), &text).expect("write");
        match store.load() {
            Err(ProfileError::Damaged { message, .. }) => {
                assert!(!message.is_empty());
            }
            other => panic!("{text:?} was not refused: {other:?}"),
        }
    }
    // A folder in its place is refused, not replaced.
    std::fs::remove_file(store.path()).expect("remove");
    std::fs::create_dir(store.path()).expect("dir");
    assert!(matches!(store.load(), Err(ProfileError::NotAFile { .. })));
    assert!(matches!(
        store.save(&profile),
        Err(ProfileError::NotAFile { .. })
    ));
}
