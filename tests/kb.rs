//! The shipped knowledge base is complete and valid; every invalid fixture is caught and located.

mod common;

use fascia::kb::{EMBEDDED, Kind, KnowledgeBase, LoadError, REQUIRED_ITEMS};

fn load_error(result: Result<KnowledgeBase, LoadError>) -> String {
    match result {
        Ok(_) => panic!("expected a load error"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn shipped_kb_validates_with_zero_problems() {
    // Start-up trusts the built-in knowledge base (`KnowledgeBase::embedded` does not validate);
    // this test is what makes that safe: strict JSON and every check, on every `cargo test`.
    if let Err(e) = KnowledgeBase::embedded_checked() {
        panic!("{e}");
    }
}

#[test]
fn shipped_kb_loads_the_same_trusted_or_checked() {
    let trusted = KnowledgeBase::embedded().expect("trusted load");
    let checked = KnowledgeBase::embedded_checked().expect("checked load");
    assert_eq!(
        serde_json::to_value(trusted.data()).expect("json"),
        serde_json::to_value(checked.data()).expect("json")
    );
}

#[test]
fn shipped_kb_has_the_required_content() {
    let kb = common::kb();
    assert_eq!(kb.regions().len(), 20);
    assert!(kb.tools().len() >= 14);
    assert!(
        kb.techniques().len() >= 50,
        "{} techniques",
        kb.techniques().len()
    );
    for region in kb.regions() {
        let on: Vec<_> = kb.techniques_for(&region.id).collect();
        assert!(on.len() >= 2, "{} has {} techniques", region.id, on.len());
        assert!(
            on.iter().any(|t| t.kind == Kind::Indirect),
            "{} has no indirect technique",
            region.id
        );
    }
    for req in REQUIRED_ITEMS {
        assert!(
            kb.item(req.id).is_some_and(|i| i.tier >= req.tier),
            "{}",
            req.id
        );
    }
}

#[test]
fn region_specific_care_shows_in_the_content() {
    let kb = common::kb();
    for t in kb.techniques_for("lower_back") {
        assert!(
            !t.tools.iter().any(|x| x.starts_with("foam_roller")),
            "{} rolls the lumbar spine",
            t.id
        );
    }
    for t in kb
        .techniques_for("calves")
        .chain(kb.techniques_for("hamstrings"))
    {
        assert!(
            t.near_zones.iter().any(|z| z.zone == "popliteal_fossa"),
            "{} ignores the back of the knee",
            t.id
        );
    }
    let outer = kb.region("outer_thigh").expect("outer_thigh");
    assert!(
        outer.related.iter().any(|r| r.region == "glutes")
            && outer.related.iter().any(|r| r.region == "quads")
    );
    assert!(
        kb.zone("anterior_lateral_neck")
            .is_some_and(|z| z.always_on)
    );
}

#[test]
fn every_invalid_fixture_names_its_defect_and_path() {
    let defects = common::defects();
    assert!(defects.len() >= 10, "only {} fixtures", defects.len());
    for d in defects {
        let Err(err) = KnowledgeBase::from_text(&d.text, &d.name) else {
            panic!("{}: the defect was not caught", d.name);
        };
        let problems = match &err {
            LoadError::Invalid { problems, .. } => problems.clone(),
            LoadError::Parse { problem, .. } => vec![problem.clone()],
            LoadError::Read { .. } => panic!("{}: unexpected read error", d.name),
        };
        let hit = problems
            .iter()
            .find(|p| p.path == d.path && p.message.contains(&d.message));
        let hit = hit.unwrap_or_else(|| {
            panic!(
                "{}: expected `{}` at {}, got:\n{err}",
                d.name, d.message, d.path
            )
        });
        assert!(hit.location.is_some(), "{}: no line and column", d.name);
        assert!(
            err.to_string().contains(&d.name),
            "{}: the error must name the file",
            d.name
        );
    }
}

#[test]
fn malformed_empty_and_truncated_files_give_line_and_column() {
    let dir = common::fixtures().join("invalid");
    let message = load_error(KnowledgeBase::from_path(&dir.join("malformed.json")));
    assert!(
        message.contains("malformed.json") && message.contains("line 3 column"),
        "{message}"
    );

    let empty = load_error(KnowledgeBase::from_path(&dir.join("empty.json")));
    assert!(
        empty.contains("empty.json") && empty.contains("EOF") && empty.contains("line 1"),
        "{empty}"
    );

    let cut = &EMBEDDED[..EMBEDDED.len() / 2];
    let truncated = load_error(KnowledgeBase::from_text(cut, "half.json"));
    assert!(
        truncated.contains("half.json") && truncated.contains("line"),
        "{truncated}"
    );
}

#[test]
fn unknown_fields_are_errors() {
    let text = EMBEDDED.replacen(
        "\"schema_version\": 1",
        "\"schema_version\": 1, \"colour\": \"red\"",
        1,
    );
    let err = load_error(KnowledgeBase::from_text(&text, "x.json"));
    assert!(err.contains("unknown field `colour`"), "{err}");
}

mod loader_never_panics {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn on_any_cut_or_edit(cut in 0usize..200_000, byte in any::<u8>()) {
            let text = fascia::kb::EMBEDDED;
            let at = cut.min(text.len());
            let mut bytes = text.as_bytes()[..at].to_vec();
            bytes.push(byte);
            let s = String::from_utf8_lossy(&bytes);
            let _ = fascia::kb::KnowledgeBase::from_text(&s, "fuzz.json");
        }
    }
}

#[test]
fn stand_ins_are_of_the_same_form_never_firmer_and_inside_their_limits() {
    let kb = common::kb();
    let ids = |t: &fascia::kb::Technique, wanted: &str| -> Vec<String> {
        kb.stand_ins(t, wanted)
            .into_iter()
            .map(|(tool, _)| tool.id.clone())
            .collect()
    };
    // A peanut ball holds still on a spot against a wall, but does not roll around like one ball.
    let wall_hold = kb
        .technique("upper_traps_corner_ball_hold")
        .expect("technique");
    assert!(ids(wall_hold, "lacrosse_ball").contains(&"peanut_ball".to_owned()));
    let seated_roll = kb.technique("forearms_table_ball_roll").expect("technique");
    assert_eq!(ids(seated_roll, "lacrosse_ball"), ["tennis_ball"]);
    // A pipe only for rolling the thighs face down, never on the upper back.
    let thighs = kb
        .technique("quads_roller_forearm_roll")
        .expect("technique");
    assert!(ids(thighs, "foam_roller_firm").contains(&"pvc_pipe".to_owned()));
    let upper_back = kb.technique("upper_back_roller_roll").expect("technique");
    assert!(!ids(upper_back, "foam_roller_firm").contains(&"pvc_pipe".to_owned()));
    // Never a hand, stick or hook for a roller or a ball.
    for t in kb.techniques() {
        for wanted in &t.tools {
            let target = kb.tool(wanted).expect("tool");
            for (tool, s) in kb.stand_ins(t, wanted) {
                assert_eq!(
                    tool.form, target.form,
                    "{} for {wanted} in {}",
                    tool.id, t.id
                );
                assert!(tool.firmness <= target.firmness, "{} for {wanted}", tool.id);
                assert!(s.positions.contains(&t.position) && s.methods.contains(&t.dosage.method));
            }
        }
    }
}

#[test]
fn every_region_has_a_movement_test_and_a_hands_technique() {
    let kb = common::kb();
    for region in kb.regions() {
        assert!(!region.movement_test.trim().is_empty(), "{}", region.id);
        assert!(
            kb.techniques_for(&region.id).any(|t| t
                .tools
                .iter()
                .any(|x| kb.tool(x).is_some_and(|x| x.always_owned))),
            "{} has no hands technique",
            region.id
        );
    }
}
