//! The routine builder: technique choice, substitution, dosage, time fitting, related regions.

mod common;

use fascia::engine::{
    Answer, Answers, DefaultAnswer, Outcome, Preference, Preferences, RegionDetails, Reply, advise,
};
use fascia::kb::{Feel, Goal, Kind, KnowledgeBase, Method, Position, Pressure};

fn answers(regions: &[(&str, RegionDetails)], yes: &[&str], prefs: Preferences) -> Answers {
    Answers {
        regions: regions.iter().map(|(r, d)| ((*r).to_owned(), *d)).collect(),
        answers: yes
            .iter()
            .map(|id| ((*id).to_owned(), Answer::One(Reply::Yes)))
            .collect(),
        default_answer: Some(DefaultAnswer::No),
        preferences: prefs,

        ..Answers::default()
    }
}

fn details(feel: Feel, intensity: u8, goal: Goal) -> RegionDetails {
    RegionDetails {
        feel,
        intensity,
        goal,
        ..RegionDetails::default()
    }
}

fn prefs(tools: &[&str], minutes: u32, technique: Preference) -> Preferences {
    Preferences {
        tools: tools.iter().map(|t| (*t).to_owned()).collect(),
        minutes,
        technique,
    }
}

#[test]
fn sore_calves_with_a_foam_roller_get_a_rolling_step() {
    let kb = common::kb();
    let a = answers(
        &[("calves", details(Feel::SoreAfterExercise, 4, Goal::Recover))],
        &[],
        prefs(&["foam_roller_medium"], 10, Preference::Auto),
    );
    let advice = advise(&kb, &a, "112");
    let r = advice.routine.expect("routine");
    assert_eq!(r.steps.len(), 1);
    let s = &r.steps[0];
    assert_eq!(
        (s.region.as_str(), s.method, s.tool.as_str()),
        ("calves", Method::Roll, "foam_roller_medium")
    );
    assert!(s.passes.is_some() && s.pace_cm_per_s.is_some());
    assert!(s.reason.contains("sore after exercise"), "{}", s.reason);
    assert!(!s.cues.is_empty() && !s.stop_if.is_empty());
}

#[test]
fn a_knot_with_a_direct_preference_gets_a_hold_on_the_spot() {
    let kb = common::kb();
    let a = answers(
        &[("glutes", details(Feel::Knot, 4, Goal::Relief))],
        &[],
        prefs(&["lacrosse_ball"], 10, Preference::Direct),
    );
    let s = &advise(&kb, &a, "112").routine.expect("routine").steps[0];
    assert_eq!(s.kind, Kind::Direct);
    assert_eq!(s.method, Method::Hold);
    assert!(s.hold_seconds.is_some() && s.holds.is_some());
}

#[test]
fn very_sore_areas_lean_indirect_and_light() {
    let kb = common::kb();
    for region in ["calves", "quads", "upper_traps", "hamstrings"] {
        let a = answers(
            &[(region, details(Feel::Tight, 9, Goal::Relief))],
            &[],
            prefs(&["foam_roller_firm", "lacrosse_ball"], 10, Preference::Auto),
        );
        let s = &advise(&kb, &a, "112").routine.expect("routine").steps[0];
        assert_eq!(
            (s.kind, s.pressure),
            (Kind::Indirect, Pressure::Light),
            "{region}"
        );
    }
}

#[test]
fn warm_up_is_short_and_brisk() {
    let kb = common::kb();
    let a = answers(
        &[
            ("quads", details(Feel::Tight, 3, Goal::WarmUp)),
            ("hamstrings", details(Feel::Tight, 3, Goal::WarmUp)),
        ],
        &[],
        prefs(&["roller_stick"], 10, Preference::Auto),
    );
    for s in &advise(&kb, &a, "112").routine.expect("routine").steps {
        assert_eq!(s.sets, 1, "{}", s.technique);
        let t = kb.technique(&s.technique).expect("technique");
        assert!(
            s.seconds_per_set <= 30.max(t.dosage.min_seconds),
            "{}: {} s",
            s.technique,
            s.seconds_per_set
        );
        assert_ne!(s.method, Method::Hold, "warm-up rolls rather than holds");
    }
}

#[test]
fn a_missing_tool_is_substituted_and_said_so_never_with_a_firmer_one() {
    let kb = common::kb();
    let a = answers(
        &[("calves", details(Feel::Tight, 4, Goal::Relief))],
        &[],
        prefs(&[], 10, Preference::Auto),
    );
    let r = advise(&kb, &a, "112").routine.expect("routine");
    let s = &r.steps[0];
    assert!(
        kb.tool(&s.tool).expect("tool").always_owned,
        "only hands, knuckles or elbow are owned: {}",
        s.tool
    );
    if let Some(wanted) = &s.substitute_for {
        assert!(kb.tool(&s.tool).expect("t").firmness <= kb.tool(wanted).expect("w").firmness);
        assert!(s.substitution.as_deref().is_some_and(|c| !c.is_empty()));
        assert!(s.reason.contains("instead of"), "{}", s.reason);
    }
    // Owning only a lacrosse ball never puts it where a technique wants a soft tennis ball.
    for region in ["lower_back", "feet", "shins", "hands"] {
        let a = answers(
            &[(region, RegionDetails::default())],
            &[],
            prefs(&["lacrosse_ball"], 10, Preference::Auto),
        );
        for s in &advise(&kb, &a, "112").routine.expect("routine").steps {
            if let Some(wanted) = &s.substitute_for {
                assert!(
                    kb.tool(&s.tool).expect("t").firmness <= kb.tool(wanted).expect("w").firmness,
                    "{region}: {} for {wanted}",
                    s.tool
                );
            }
        }
    }
}

#[test]
fn short_time_keeps_fewer_regions_at_a_real_dose() {
    let kb = common::kb();
    let regions = [
        ("calves", details(Feel::Tight, 8, Goal::Relief)),
        ("quads", details(Feel::Tight, 6, Goal::Relief)),
        ("hamstrings", details(Feel::Tight, 4, Goal::Relief)),
        ("glutes", details(Feel::Tight, 2, Goal::Relief)),
        ("feet", details(Feel::Tight, 1, Goal::Relief)),
    ];
    let a = answers(
        &regions,
        &[],
        prefs(&["foam_roller_medium"], 2, Preference::Auto),
    );
    let r = advise(&kb, &a, "112").routine.expect("routine");
    assert!(r.total_seconds <= 120);
    assert_eq!(
        r.steps[0].region, "calves",
        "the most intense region comes first"
    );
    for s in &r.steps {
        let t = kb.technique(&s.technique).expect("t");
        assert!(s.seconds_per_set >= t.dosage.min_seconds, "no token doses");
    }
    assert!(
        r.left_out.iter().any(|l| l.reason.contains("for time")),
        "{:?}",
        r.left_out
    );
    assert_eq!(r.steps.len() + r.left_out.len(), 5);
    // More time, more regions and more sets.
    let a = answers(
        &regions,
        &[],
        prefs(&["foam_roller_medium"], 30, Preference::Auto),
    );
    let long = advise(&kb, &a, "112").routine.expect("routine");
    assert_eq!(long.steps.len(), 5);
    assert!(long.total_seconds > r.total_seconds && long.total_seconds <= 30 * 60);
}

#[test]
fn a_related_region_is_added_only_when_screened_by_name() {
    let kb = common::kb();
    let mut a = answers(
        &[("feet", details(Feel::Tight, 4, Goal::Relief))],
        &[],
        prefs(&[], 30, Preference::Auto),
    );
    let plain = advise(&kb, &a, "112").routine.expect("routine");
    assert!(
        plain.steps.iter().all(|s| s.region == "feet"),
        "no step on an unscreened region"
    );
    assert!(
        plain.suggestions.iter().any(|s| s.region == "calves"),
        "calves are suggested"
    );
    // Answer every area item for calves by name, all no.
    for item in kb
        .items()
        .iter()
        .filter(|i| i.section == fascia::kb::Section::Area)
    {
        if kb.expand(&item.asked_for).contains(&"calves") {
            let map = [
                ("calves".to_owned(), Reply::No),
                ("feet".to_owned(), Reply::No),
            ]
            .into_iter()
            .collect();
            a.answers.insert(item.id.clone(), Answer::PerRegion(map));
        }
    }
    let added = advise(&kb, &a, "112").routine.expect("routine");
    let calves = added
        .steps
        .iter()
        .find(|s| s.region == "calves")
        .expect("calves added");
    assert!(
        calves.reason.contains("checked this area too"),
        "{}",
        calves.reason
    );
    // A yes for calves keeps it out.
    a.answers.insert(
        "varicose_veins".into(),
        Answer::PerRegion(
            [
                ("calves".to_owned(), Reply::Yes),
                ("feet".to_owned(), Reply::No),
            ]
            .into_iter()
            .collect(),
        ),
    );
    let kept_out = advise(&kb, &a, "112").routine.expect("routine");
    assert!(kept_out.steps.iter().all(|s| s.region == "feet"));
}

#[test]
fn an_indirect_preference_is_honoured_where_possible() {
    let kb = common::kb();
    let regions: Vec<(&str, RegionDetails)> = kb
        .regions()
        .iter()
        .map(|r| (r.id.as_str(), details(Feel::Knot, 3, Goal::Relief)))
        .collect();
    let a = answers(
        &regions,
        &[],
        prefs(
            &["foam_roller_medium", "tennis_ball", "lacrosse_ball"],
            120,
            Preference::Indirect,
        ),
    );
    let r = advise(&kb, &a, "112").routine.expect("routine");
    assert_eq!(r.steps.len(), 20);
    assert!(r.steps.iter().all(|s| s.kind == Kind::Indirect));
}

/// A knowledge base where calves have one gentle floor technique and one firm seated one: a
/// no-floor caution must not swap the gentle one for the firm one.
fn crafted() -> KnowledgeBase {
    let mut data = common::kb().data().clone();
    let calves = |t: &fascia::kb::Technique| t.regions.iter().any(|r| r == "calves");
    let mut gentle = data
        .techniques
        .iter()
        .find(|t| calves(t) && t.kind == Kind::Indirect)
        .expect("indirect")
        .clone();
    let mut firm = data
        .techniques
        .iter()
        .find(|t| calves(t) && t.kind == Kind::Direct)
        .expect("direct")
        .clone();
    data.techniques.retain(|t| !calves(t));
    gentle.id = "calves_gentle_floor".into();
    gentle.position = Position::FloorBack;
    gentle.pressure = Pressure::Light;
    gentle.tools = vec!["hands".into()];
    firm.id = "calves_firm_seated".into();
    firm.position = Position::Seated;
    firm.pressure = Pressure::Firm;
    firm.tools = vec!["lacrosse_ball".into()];
    firm.feels = vec![Feel::Knot];
    data.techniques.extend([gentle, firm]);
    KnowledgeBase::index(data)
}

#[test]
fn a_caution_never_swaps_in_a_harder_technique() {
    let kb = crafted();
    let d = details(Feel::Tight, 8, Goal::Relief);
    let p = prefs(&["lacrosse_ball"], 10, Preference::Auto);
    let without = advise(&kb, &answers(&[("calves", d)], &[], p.clone()), "112");
    assert_eq!(
        without.routine.expect("routine").steps[0].technique,
        "calves_gentle_floor"
    );
    let with = advise(
        &kb,
        &answers(&[("calves", d)], &["fainting_dizziness"], p.clone()),
        "112",
    );
    assert!(
        with.routine.is_none(),
        "the firm technique must not replace the gentle one: {:?}",
        with.routine
    );
    assert_eq!(
        with.screening.outcome,
        Outcome::NothingSafe,
        "no step left means nothing safe"
    );
    assert!(
        with.screening.excluded[0].message.contains("gentle enough"),
        "{:?}",
        with.screening.excluded
    );
    // With a second region the run goes on without the calves.
    let two = advise(
        &kb,
        &answers(&[("calves", d), ("hands", d)], &["fainting_dizziness"], p),
        "112",
    );
    let r = two.routine.expect("routine");
    assert!(r.steps.iter().all(|s| s.region == "hands"));
    assert!(
        r.left_out
            .iter()
            .any(|l| l.region == "calves" && l.reason.contains("gentle enough"))
    );
}
