//! Safety contract v3 (SCREENING.md "Version 3 changes"), by the classes of misses seen: every
//! new or widened id fires at least its tier on yes, not sure and unanswered; lines are as wide
//! as their questions (windows, one sign, symptoms not labels); the flow loses no yes and names
//! every fired item in every output; false alarms are answered on the line.

mod common;

use fascia::engine::{
    Advice, Answer, Answers, DefaultAnswer, Outcome, RegionDetails, Reply, advise, questionnaire,
};
use fascia::kb::{Effect, KnowledgeBase, Section, Tier};

const EMERGENCY: &str = "112";

/// The coverage table of SCREENING.md v3: id and minimum tier.
const COVERAGE: &[(&str, Tier)] = &[
    ("stroke_signs", Tier::Emergency),
    ("tia_recent", Tier::Urgent),
    ("thunderclap_headache", Tier::Emergency),
    ("angina_pattern", Tier::Urgent),
    ("sepsis_signs", Tier::Emergency),
    ("cold_pale_limb", Tier::Emergency),
    ("testicle_pain", Tier::Emergency),
    ("hernia_stuck", Tier::Emergency),
    ("acute_abdomen", Tier::Urgent),
    ("aaa_pattern", Tier::Urgent),
    ("pregnancy_warning", Tier::Urgent),
    ("ectopic_pattern", Tier::Emergency),
    ("head_injury_signs", Tier::Urgent),
    ("injury_cannot_bear_weight", Tier::Urgent),
    ("bp_crisis", Tier::Urgent),
    ("co_pattern", Tier::Urgent),
    ("exertional_faint", Tier::Urgent),
    ("heart_failure_pattern", Tier::Refer),
    ("recent_heart_or_stroke", Tier::Refer),
    ("inflammatory_joints", Tier::Refer),
    ("inflammatory_back_pain", Tier::Refer),
    ("lump_growing", Tier::Refer),
    ("cancer_symptoms", Tier::Refer),
    ("medicine_muscle_pain", Tier::Refer),
    ("neck_pain_after_neck_work", Tier::Urgent),
    ("kidney_pattern", Tier::Urgent),
    ("headache_red_flags", Tier::Urgent),
    ("bone_broke_easily", Tier::Urgent),
    ("raynaud_pattern", Tier::Refer),
    ("confusion_or_jaundice", Tier::Urgent),
    ("trauma_significant", Tier::Urgent),
];

/// A region the item is asked about (its first), or the calves for items asked of everyone.
fn region_for(kb: &KnowledgeBase, id: &str) -> String {
    let item = kb.item(id).expect("item");
    kb.expand(&item.asked_for)
        .first()
        .map_or("calves", |r| r)
        .to_owned()
}

/// Answers where `id` is `reply` (or unanswered, counted as not sure, when `None`), the items
/// it hangs on are yes, and every other question asked is a no.
fn answers_for(kb: &KnowledgeBase, id: &str, reply: Option<Reply>) -> Answers {
    let item = kb.item(id).expect("item");
    let region = region_for(kb, id);
    let mut a = Answers {
        regions: [(region.clone(), RegionDetails::default())].into(),
        default_answer: Some(DefaultAnswer::No),
        ..Answers::default()
    };
    for opener in &item.only_if {
        a.set(opener, None, Reply::Yes);
    }
    a.set(
        id,
        (item.section == Section::Area).then_some(region.as_str()),
        Reply::Yes,
    );
    // Every other question asked is answered no, by name, so the default is free for `id`.
    for q in questionnaire(kb, &a) {
        if q.item.id == id || item.only_if.contains(&q.item.id) {
            continue;
        }
        if q.regions.is_empty() || q.item.section != Section::Area {
            a.set(&q.item.id, None, Reply::No);
        } else {
            for r in &q.regions {
                a.set(&q.item.id, Some(r), Reply::No);
            }
        }
    }
    a.answers.remove(id);
    match reply {
        Some(r) => a.set(
            id,
            (item.section == Section::Area).then_some(region.as_str()),
            r,
        ),
        None => a.default_answer = Some(DefaultAnswer::NotSure),
    }
    a
}

#[test]
fn every_v3_id_fires_its_tier_on_yes_not_sure_and_unanswered() {
    let kb = common::kb();
    for (id, tier) in COVERAGE {
        let item = kb.item(id).unwrap_or_else(|| panic!("{id} is in the KB"));
        assert!(item.tier >= *tier, "{id}: tier {}", item.tier);
        for reply in [Some(Reply::Yes), Some(Reply::NotSure), None] {
            let a = answers_for(&kb, id, reply);
            let advice = advise(&kb, &a, EMERGENCY);
            let s = &advice.screening;
            let case = format!("{id} = {reply:?}");
            assert!(s.fired.iter().any(|f| f.id == *id), "{case}: did not fire");
            if reply.is_none() {
                assert!(s.unanswered.contains(&(*id).to_owned()), "{case}");
            }
            let worst = match tier {
                Tier::Emergency => Outcome::Emergency,
                Tier::Urgent => Outcome::Urgent,
                _ if item.effect == Effect::Global => Outcome::Refer,
                // A refer about one area leaves that area out with a referral note.
                _ => Outcome::NothingSafe,
            };
            assert!(s.outcome <= worst, "{case}: {:?}", s.outcome);
            assert!(advice.routine.is_none(), "{case}: no routine");
            assert!(
                s.referrals.iter().any(|f| f.id == *id)
                    || s.excluded
                        .iter()
                        .any(|e| e.because.contains(&(*id).to_owned())),
                "{case}: named with its own message"
            );
        }
        // And never on no.
        let a = answers_for(&kb, id, Some(Reply::No));
        let s = advise(&kb, &a, EMERGENCY).screening;
        assert!(!s.fired.iter().any(|f| f.id == *id), "{id} fired on no");
    }
}

#[test]
fn sudden_belly_or_back_pain_is_an_emergency_at_50_or_with_a_known_aneurysm() {
    let kb = common::kb();
    let base = answers_for(&kb, "aaa_pattern", Some(Reply::Yes));
    assert_eq!(
        advise(&kb, &base, EMERGENCY).screening.outcome,
        Outcome::Urgent
    );
    for other in ["age_50_plus", "fainted_with_pain"] {
        let mut a = base.clone();
        a.set(other, None, Reply::Yes);
        assert_eq!(
            advise(&kb, &a, EMERGENCY).screening.outcome,
            Outcome::Emergency,
            "{other}"
        );
    }
    let mut a = base;
    a.regions
        .insert("lower_back".into(), RegionDetails::default());
    a.answers.insert(
        "aneurysm".into(),
        Answer::PerRegion([("lower_back".into(), Reply::Yes)].into()),
    );
    assert_eq!(
        advise(&kb, &a, EMERGENCY).screening.outcome,
        Outcome::Emergency
    );
}

/// Lines, read literally: the words a line must carry, by item (every line, or some line).
#[test]
fn lines_are_as_wide_as_their_questions() {
    let kb = common::kb();
    let lines = |id: &str| -> Vec<String> {
        kb.item(id)
            .expect("item")
            .asks()
            .iter()
            .map(|l| l.to_lowercase())
            .collect()
    };
    // Stroke signs in the last 7 days, even if they went away, one sign a line, both sides.
    let tia = lines("tia_recent");
    assert!(
        tia.iter()
            .all(|l| l.contains("7 days") && l.contains("even if it went away"))
    );
    for sign in ["face", "arms or legs", "speech", "dizz", "sight", "swallow"] {
        assert!(
            tia.iter().filter(|l| l.contains(sign)).count() == 1,
            "one stroke line names {sign}: {tia:?}"
        );
    }
    assert!(
        !tia.iter().any(|l| l.contains("one side")),
        "both legs count"
    );
    assert!(
        lines("thunderclap_headache")
            .iter()
            .all(|l| l.contains("7 days"))
    );
    assert!(
        lines("chest_pain_cardiac")
            .iter()
            .all(|l| l.contains("3 days"))
    );
    // No AND with faintness on sudden belly or back pain; no "serious" accident.
    assert!(!lines("aaa_pattern").iter().any(|l| l.contains("faint")));
    assert!(
        !lines("trauma_significant")
            .iter()
            .any(|l| l.contains("serious"))
    );
    // A stroke in the last 3 months is its own line, not hidden in the heart question.
    assert!(
        !lines("heart_condition")
            .iter()
            .any(|l| l.contains("stroke"))
    );
    assert!(
        lines("recent_heart_or_stroke")
            .iter()
            .any(|l| l.contains("stroke"))
    );
    // Symptoms, not labels.
    assert!(
        lines("bleeding_disorder")
            .iter()
            .any(|l| l.contains("bruis"))
    );
    assert!(
        lines("poor_leg_circulation")
            .iter()
            .any(|l| l.contains("walk"))
    );
    assert!(lines("kidney_pattern").iter().any(|l| l.contains("pee")));
    // The neck treatment window is 4 weeks.
    assert!(
        lines("neck_pain_after_neck_work")
            .iter()
            .any(|l| l.contains("4 weeks"))
    );
}

#[test]
fn a_checklist_line_belongs_to_one_item_and_says_when_to_answer_no_where_it_is_read() {
    let kb = common::kb();
    let mut seen = std::collections::HashMap::new();
    for item in kb.items() {
        for line in &item.lines {
            if let Some(other) = seen.insert(line.text.to_lowercase(), item.id.clone()) {
                panic!("{:?} is a line of {other} and {}", line.text, item.id);
            }
        }
        if item.gate.is_some() {
            assert!(!item.lines.is_empty(), "{}", item.id);
        }
    }
    // The false alarms seen: exercise soreness, a known sprain or lymphoedema, reading glasses,
    // a bottom numb from sitting, a cold's aches.
    let no_if = |id: &str| -> String {
        kb.item(id)
            .expect("item")
            .lines
            .iter()
            .filter_map(|l| l.no_if.clone())
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    assert!(no_if("chest_pain_cardiac").contains("exercise"));
    assert!(no_if("dvt_symptoms").contains("sprain"));
    assert!(no_if("dvt_symptoms").contains("lymphoedema"));
    assert!(no_if("gca_symptoms").contains("reading glasses"));
    assert!(no_if("ces_saddle_bladder_bowel").contains("sitting"));
    assert!(no_if("sepsis_signs").contains("cold or flu"));
}

#[test]
fn a_fever_alone_is_a_pause_and_says_so() {
    let kb = common::kb();
    let a = answers_for(&kb, "fever_acute_illness", Some(Reply::Yes));
    let advice = advise(&kb, &a, EMERGENCY);
    assert_eq!(advice.screening.outcome, Outcome::Refer);
    assert!(advice.screening.pause);
    assert!(fascia::words::headline(&advice.screening).starts_with("Pause"));
    // With a refer that is not a pause, the heading says to see a clinician.
    let a = answers_for(&kb, "cancer_active", Some(Reply::Yes));
    let s = advise(&kb, &a, EMERGENCY).screening;
    assert!(!s.pause);
    assert_eq!(fascia::words::headline(&s), "See a doctor or physio first");
}

#[test]
fn nothing_safe_says_whom_to_see_and_how_soon() {
    let kb = common::kb();
    let mut a = answers_for(&kb, "open_wound", Some(Reply::Yes));
    let s = advise(&kb, &a, EMERGENCY).screening;
    assert_eq!(s.outcome, Outcome::NothingSafe);
    assert!(s.message.contains("doctor, nurse or physio") && s.message.contains("week"));
    let region = region_for(&kb, "open_wound");
    a.set("lump_growing", Some(&region), Reply::Yes);
    let s = advise(&kb, &a, EMERGENCY).screening;
    assert!(
        s.message
            .contains("Book a doctor or physio in the next few days"),
        "{}",
        s.message
    );
}

#[test]
fn urgent_messages_never_send_to_the_emergency_number_first() {
    // A banner and its text never disagree: an urgent item's own message asks for care today.
    let kb = common::kb();
    for item in kb.items() {
        let m = item.message.to_lowercase();
        match item.tier {
            Tier::Emergency => assert!(m.contains("{emergency}"), "{}", item.id),
            Tier::Urgent => assert!(
                !m.contains("call {emergency} now") && (m.contains("today") || m.contains("now")),
                "{}: {}",
                item.id,
                item.message
            ),
            _ => {}
        }
    }
}

/// The advice for `marks` (item id, line number) answered yes, every other question no.
fn marked(kb: &KnowledgeBase, region: &str, marks: &[(&str, usize)]) -> (Answers, Advice) {
    let mut a = Answers {
        regions: [(region.to_owned(), RegionDetails::default())].into(),
        default_answer: Some(DefaultAnswer::No),
        ..Answers::default()
    };
    for (id, line) in marks {
        a.set(id, None, Reply::Yes);
        a.marked.entry((*id).to_owned()).or_default().push(*line);
    }
    let advice = advise(kb, &a, EMERGENCY);
    (a, advice)
}

#[test]
fn every_fired_item_is_named_with_its_own_message_and_lines_in_every_output() {
    let kb = common::kb();
    // A lung clot and chest pressure together: two conditions, two messages, neither explained
    // as the other.
    let (answers, advice) = marked(
        &kb,
        "calves",
        &[("pe_breathless", 1), ("chest_pain_cardiac", 0)],
    );
    let s = &advice.screening;
    assert_eq!(s.outcome, Outcome::Emergency);
    let text = fascia::report::text(&kb, &advice);
    let md = fascia::report::markdown(&kb, &answers, &advice);
    let json = fascia::report::json(&advice).to_string();
    for id in ["pe_breathless", "chest_pain_cardiac"] {
        let f = s.referrals.iter().find(|f| f.id == id).expect("a referral");
        let item = kb.item(id).expect("item");
        assert_eq!(f.lines.len(), 1);
        assert!(item.asks().contains(&f.lines[0].as_str()));
        for (face, out) in [("text", &text), ("markdown", &md)] {
            assert!(out.contains(&item.title), "{face} names {id}");
            assert!(
                out.contains(&f.lines[0]),
                "{face} shows the line marked for {id}"
            );
        }
        assert!(text.contains(&f.message), "text has {id}'s message");
        assert!(
            json.contains(&format!("\"id\":\"{id}\"")),
            "json names {id}"
        );
        assert!(json.contains(&serde_json::to_string(&f.lines[0]).expect("json")[1..20]));
    }
    assert_ne!(
        s.referrals[0].message, s.referrals[1].message,
        "each item has its own message"
    );
    // A less urgent referral is named too, under its own title: the heading and the reasons
    // under it never disagree.
    let (_, advice) = marked(&kb, "calves", &[("pe_breathless", 0), ("tia_recent", 0)]);
    let text = fascia::report::text(&kb, &advice);
    let why = text.find("\nWhy\n").expect("why");
    let less = text.find("\nAlso, less urgent\n").expect("less urgent");
    let clot = text
        .find(&kb.item("pe_breathless").expect("item").title)
        .expect("clot");
    let stroke = text
        .find(&kb.item("tia_recent").expect("item").title)
        .expect("stroke");
    assert!(why < clot && clot < less && less < stroke, "{text}");
}

#[test]
fn answers_files_from_version_2_give_the_same_or_a_safer_outcome() {
    let kb = common::kb();
    let run = |json: &str| {
        let a = Answers::parse(json, &kb).expect("a version 2 answers file parses");
        advise(&kb, &a, EMERGENCY).screening.outcome
    };
    // A yes to the stroke question counts although the 7-day line it now follows is not
    // answered (an answer given to a follow-up always counts).
    let v2 =
        r#"{"regions": {"neck": {}}, "answers": {"stroke_signs": "yes"}, "default_answer": "no"}"#;
    assert_eq!(run(v2), Outcome::Emergency);
    // A file that answered every version 2 question no, with the default not sure: the new
    // questions count as not sure, so the outcome is more careful, never less.
    let mut answers = serde_json::Map::new();
    for id in [
        "chest_pain_cardiac",
        "pe_breathless",
        "stroke_signs",
        "thunderclap_headache",
        "headache_fever_stiff_neck",
        "aaa_pattern",
    ] {
        answers.insert(id.into(), "no".into());
    }
    let file = serde_json::json!({ "regions": { "calves": {} }, "answers": answers });
    assert!(run(&file.to_string()) <= Outcome::Refer);
    // The same file with the default no is a routine, as it was.
    let mut file = file;
    file["default_answer"] = "no".into();
    assert_eq!(run(&file.to_string()), Outcome::Routine);
}
