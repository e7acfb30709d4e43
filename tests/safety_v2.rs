//! The safety contract v2, class by class (issue "Safety v2"): stop at once, no advice under a
//! referral, doable stand-ins, pregnancy everywhere, diabetes as a keep-off, the new red flags,
//! sharper questions, keep-offs and movement tests on every step, plain words.

mod common;

use std::collections::BTreeMap;

use fascia::engine::{
    Advice, Answer, Answers, DefaultAnswer, Outcome, Preferences, RegionDetails, Reply, advise,
    stop,
};
use fascia::kb::{Position, Tier};
use fascia::report;

const EMERGENCY: &str = "112";

fn answers(regions: &[&str], yes: &[&str], tools: &[&str]) -> Answers {
    Answers {
        regions: regions
            .iter()
            .map(|r| ((*r).to_owned(), RegionDetails::default()))
            .collect(),
        answers: yes
            .iter()
            .map(|id| ((*id).to_owned(), Answer::One(Reply::Yes)))
            .collect(),
        default_answer: Some(DefaultAnswer::No),
        preferences: Preferences {
            tools: tools.iter().map(|t| (*t).to_owned()).collect(),
            minutes: 30,
            ..Preferences::default()
        },
        ..Answers::default()
    }
}

/// How the pregnancy caution is named in every output.
fn pregnant(kb: &fascia::kb::KnowledgeBase) -> String {
    kb.item("pregnancy").expect("pregnancy").title.clone()
}

fn outputs(a: &Answers, advice: &Advice) -> [String; 2] {
    let kb = common::kb();
    [report::text(&kb, advice), report::markdown(&kb, a, advice)]
}

/// Class 1: every emergency and urgent item stops the check at once, on yes and on not sure, from only
/// the answers given so far; a no, or any lesser tier, does not.
#[test]
fn an_emergency_or_urgent_answer_stops_at_once() {
    let kb = common::kb();
    let mut checked = 0;
    for item in kb
        .items()
        .iter()
        .filter(|i| matches!(i.tier, Tier::Emergency | Tier::Urgent))
    {
        let region = kb
            .expand(&item.asked_for)
            .first()
            .copied()
            .unwrap_or("calves");
        for reply in [Reply::Yes, Reply::NotSure, Reply::No] {
            let mut a = Answers {
                regions: BTreeMap::from([(region.to_owned(), RegionDetails::default())]),
                ..Answers::default()
            };
            // Only the gate (if any) and this item are answered: nothing else is known yet.
            if let Some(gate) = item.only_if.first() {
                a.set(gate, None, Reply::Yes);
            }
            a.set(&item.id, None, reply);
            let stopped = stop(&kb, &a, EMERGENCY);
            if reply == Reply::No {
                // (The item it hangs on may stop the check by itself: a stroke sign in the
                // last week; a no to this one never does.)
                assert!(
                    stopped.is_none_or(|s| !s.screening.fired.iter().any(|f| f.id == item.id)),
                    "{} no stopped the check",
                    item.id
                );
                continue;
            }
            let advice = stopped.unwrap_or_else(|| panic!("{} {reply:?} did not stop", item.id));
            let want = if item.tier == Tier::Emergency {
                Outcome::Emergency
            } else {
                Outcome::Urgent
            };
            assert_eq!(advice.screening.outcome, want, "{}", item.id);
            assert!(advice.screening.stopped_early && advice.routine.is_none());
            assert!(
                advice.screening.unanswered.is_empty(),
                "questions not reached are not listed as answers"
            );
            // The stored answers were not touched: nothing unasked became a no.
            assert_eq!(a.answers.len(), 1 + usize::from(!item.only_if.is_empty()));
            checked += 1;
        }
    }
    assert!(checked >= 2 * 15, "only {checked} checked");
    // A caution or a local item does not stop the check; a global refer does (v3), as a
    // referral (the interview first asks what could still make it more urgent).
    for id in ["blood_thinners", "open_wound"] {
        let a = answers(&["calves"], &[id], &[]);
        assert!(stop(&kb, &a, EMERGENCY).is_none(), "{id} stopped the check");
    }
    let a = answers(&["calves"], &["heart_condition"], &[]);
    let refer = stop(&kb, &a, EMERGENCY).expect("a global refer stops");
    assert_eq!(refer.screening.outcome, Outcome::Refer);
}

/// Class 2: a suspected clot sends to care with no "made gentler" advice about the legs.
#[test]
fn a_suspected_clot_carries_no_gentler_advice() {
    let kb = common::kb();
    let a = answers(
        &["calves"],
        &["dvt_symptoms", "pregnancy", "clot_history"],
        &[],
    );
    let advice = advise(&kb, &a, EMERGENCY);
    assert_eq!(advice.screening.outcome, Outcome::Urgent);
    assert!(advice.screening.modifications.is_empty());
    for out in outputs(&a, &advice) {
        assert!(
            !out.contains("Made gentler") && !out.contains("gliding"),
            "{out}"
        );
        assert!(out.contains("Also tell your clinician"), "{out}");
        assert!(out.contains(&pregnant(&kb)), "{out}");
    }
}

/// Class 3: with only hands, every area gets a hands technique (never a roller or ball text); with
/// only a roller stick or a cane, no step lies on it or leans body weight on it.
#[test]
fn stand_ins_are_doable_and_own_tools_come_first() {
    let kb = common::kb();
    let all: Vec<&str> = kb.regions().iter().map(|r| r.id.as_str()).collect();
    for tools in [&[][..], &["roller_stick"], &["cane_tool"], &["tennis_ball"]] {
        for region in &all {
            let a = answers(&[region], &[], tools);
            let advice = advise(&kb, &a, EMERGENCY);
            let routine = advice.routine.as_ref().expect("routine");
            for step in &routine.steps {
                let tool = kb.tool(&step.tool).expect("tool");
                let t = kb.technique(&step.technique).expect("technique");
                assert!(
                    tool.always_owned || tools.contains(&step.tool.as_str()),
                    "{region}: {} not owned",
                    step.tool
                );
                if step.substitute_for.is_none() {
                    assert!(t.tools.contains(&step.tool), "{region}: {}", t.id);
                }
                if ["roller_stick", "cane_tool"].contains(&step.tool.as_str()) {
                    assert!(
                        !step.position.is_floor(),
                        "{region}: body weight on a {}",
                        step.tool
                    );
                }
            }
        }
    }
}

/// Class 4, pregnancy: no lying on the back or face down on any area, light pressure on legs, lower
/// back and buttocks, and the caution is shown in every output.
#[test]
fn pregnancy_positions_apply_to_every_area() {
    let kb = common::kb();
    let everything: Vec<&str> = fascia::kb::TOOL_IDS.to_vec();
    for region in [
        "chest",
        "upper_back",
        "rotator_cuff",
        "lats",
        "glutes",
        "calves",
    ] {
        let a = answers(&[region], &["pregnancy"], &everything);
        let advice = advise(&kb, &a, EMERGENCY);
        let routine = advice.routine.as_ref().expect("routine");
        for step in &routine.steps {
            assert!(
                !matches!(step.position, Position::FloorBack | Position::FloorFront),
                "{region}: {:?}",
                step.position
            );
            if ["glutes", "calves"].contains(&region) {
                assert_eq!(step.pressure, fascia::kb::Pressure::Light, "{region}");
            }
        }
        for out in outputs(&a, &advice) {
            assert!(out.contains(&pregnant(&kb)), "{region}:\n{out}");
        }
    }
}

/// Class 5: "also worth checking" never re-adds an area that the answers rule out.
#[test]
fn suggestions_never_re_add_excluded_areas() {
    let kb = common::kb();
    // Feet suggest calves; a clot-risk-free leg exclusion for circulation rules out every leg.
    let a = answers(&["feet", "neck"], &["poor_leg_circulation"], &[]);
    let advice = advise(&kb, &a, EMERGENCY);
    if let Some(r) = &advice.routine {
        assert!(
            r.suggestions
                .iter()
                .all(|s| !kb.expand(&["legs".to_owned()]).contains(&s.region.as_str())),
            "{:?}",
            r.suggestions
        );
    }
    // A past neck artery tear excludes the neck: neither it nor the head group comes back.
    let a = answers(
        &["upper_traps", "upper_back"],
        &["neck_artery_history"],
        &[],
    );
    let advice = advise(&kb, &a, EMERGENCY);
    let r = advice.routine.as_ref().expect("routine for the upper back");
    for s in &r.suggestions {
        assert!(
            !["neck", "head", "jaw", "upper_traps"].contains(&s.region.as_str()),
            "{} suggested",
            s.region
        );
    }
}

/// Class 6: diabetes keeps off injection sites on the thighs, hips and buttocks without dropping them.
#[test]
fn diabetes_is_a_keep_off_not_a_filter() {
    let kb = common::kb();
    let everything: Vec<&str> = fascia::kb::TOOL_IDS.to_vec();
    for region in ["quads", "outer_thigh", "hip_flexors", "glutes"] {
        let a = answers(&[region], &["diabetes"], &everything);
        let advice = advise(&kb, &a, EMERGENCY);
        assert_eq!(advice.screening.outcome, Outcome::Routine, "{region}");
        let routine = advice.routine.as_ref().expect("routine");
        for step in &routine.steps {
            let k = step
                .keeps_off
                .iter()
                .find(|k| k.zone == "injection_sites")
                .unwrap_or_else(|| panic!("{region}: no injection-site keep-off"));
            assert!(k.caution && !k.how.is_empty());
        }
        let [text, markdown] = outputs(&a, &advice);
        assert!(text.contains("Keep off: Insulin injection"), "{text}");
        assert!(
            markdown.contains("- Keep off: Insulin injection"),
            "{markdown}"
        );
        let json = report::json(&advice);
        assert!(
            json["routine"]["steps"][0]["keeps_off"]
                .as_array()
                .is_some_and(|k| !k.is_empty())
        );
    }
}

/// Class 7: the red flags that were never asked now fire at their tier.
#[test]
fn the_new_red_flags_fire() {
    let kb = common::kb();
    let cases: [(&[&str], &[&str], Outcome); 4] = [
        // Sudden severe belly or back pain is urgent by itself (v3), an emergency at 50 or over.
        (&["lower_back"], &["aaa_pattern"], Outcome::Urgent),
        (
            &["lower_back"],
            &["aaa_pattern", "age_50_plus"],
            Outcome::Emergency,
        ),
        (
            &["neck"],
            &["blood_thinners", "head_knock_on_thinners"],
            Outcome::Urgent,
        ),
        (
            &["lower_back"],
            &["immune_suppressed_back_pain"],
            Outcome::Refer,
        ),
    ];
    for (regions, yes, want) in cases {
        let a = answers(regions, yes, &[]);
        assert_eq!(
            advise(&kb, &a, EMERGENCY).screening.outcome,
            want,
            "{yes:?}"
        );
    }
    // A hard lump after a knock, and a radiotherapy field, leave that area out (others go on).
    for id in ["hard_lump_after_bruise", "cancer_past_sites"] {
        let mut a = answers(&["quads", "chest"], &[], &[]);
        a.set(id, Some("quads"), Reply::Yes);
        a.set(id, Some("chest"), Reply::No);
        let advice = advise(&kb, &a, EMERGENCY);
        assert_eq!(advice.screening.outcome, Outcome::Routine, "{id}");
        assert!(
            advice
                .screening
                .excluded
                .iter()
                .any(|e| e.region == "quads"),
            "{id}"
        );
        let routine = advice.routine.expect("routine");
        assert!(routine.steps.iter().all(|s| s.region != "quads"), "{id}");
    }
    // The arm clot check is asked for forearms and hands.
    let a = answers(&["hands"], &["dvt_symptoms"], &[]);
    assert_eq!(
        advise(&kb, &a, EMERGENCY).screening.outcome,
        Outcome::Urgent
    );
}

/// Class 8, sharper questions: each names the pattern that justifies its tier, and what is not it.
#[test]
fn red_flag_questions_fire_only_on_their_pattern() {
    let kb = common::kb();
    // What the person reads: the lines (or the question), what each says to answer no, and
    // the clarifier behind h.
    let text = |id: &str| {
        let i = kb.item(id).expect("item");
        let no: Vec<String> = i
            .lines
            .iter()
            .filter_map(|l| l.no_if.as_ref().map(|n| format!("answer no if {n}")))
            .collect();
        format!(
            "{} {} {}",
            i.asks().join(" "),
            no.join(" "),
            i.clarifier.clone().unwrap_or_default()
        )
        .to_lowercase()
    };
    let chest = text("chest_pain_cardiac");
    assert!(
        chest.contains("sweat") && chest.contains("breath"),
        "{chest}"
    );
    assert!(chest.contains("answer no"), "{chest}");
    // v3: the meningitis signs that justify the emergency are each their own line; confusion
    // is asked on its own line too (sepsis), and a fever alone is a pause.
    let meningitis = text("headache_fever_stiff_neck");
    assert!(meningitis.contains("rash") && meningitis.contains("stiff"));
    assert!(text("sepsis_signs").contains("confus"));
    assert!(kb.item("fever_acute_illness").is_some_and(|i| i.pause));
    assert!(!text("fever_with_back_pain").contains("immune"));
    assert!(text("gca_symptoms").contains("new"));
    let pmr = text("pmr_pattern");
    assert!(pmr.contains("both") && pmr.contains("shoulders") && pmr.contains("only your neck"));
}

/// Classes 10 and 11: every step says what it keeps off; every routine tests each area before and after.
#[test]
fn steps_show_keep_offs_and_routines_test_before_and_after() {
    let kb = common::kb();
    let a = answers(
        &["calves", "neck", "lower_back"],
        &[],
        &["foam_roller_medium", "tennis_ball"],
    );
    let advice = advise(&kb, &a, EMERGENCY);
    let routine = advice.routine.as_ref().expect("routine");
    for step in &routine.steps {
        let t = kb.technique(&step.technique).expect("technique");
        assert_eq!(step.keeps_off.len(), t.near_zones.len(), "{}", t.id);
        assert!(routine.tests.iter().any(|x| x.region == step.region));
    }
    let [text, markdown] = outputs(&a, &advice);
    for out in [&text, &markdown] {
        assert!(out.contains(report::TEST_BEFORE) && out.contains(report::TEST_AFTER));
        assert!(out.contains("Keep off: "));
    }
    // The before test comes before the first step, the after line after the last.
    let before = text.find(report::TEST_BEFORE).expect("before");
    let first = text.find("\n1. ").expect("first step");
    let after = text.find(report::TEST_AFTER).expect("after");
    assert!(before < first && first < after);
}
