//! The SCREENING.md contract's items: every required id with its weakest tier, scope and where
//! it is asked, the combination rules, and the items whose lines must say when to answer no.

use crate::kb::model::Tier;

/// A required screening item: its id, the weakest tier allowed, whether its effect must be
/// global, for region-scoped items the regions it must at least be asked for, and whether it
/// must be asked with the emergency signs (section `emergency`).
pub struct Required {
    pub id: &'static str,
    pub tier: Tier,
    pub global: bool,
    pub asked_for: Option<&'static [&'static str]>,
    pub first: bool,
}

pub(super) const fn item(id: &'static str, tier: Tier, global: bool) -> Required {
    Required {
        id,
        tier,
        global,
        asked_for: None,
        first: false,
    }
}

/// An emergency sign: asked first, of everyone.
pub(super) const fn sign(id: &'static str) -> Required {
    early(id, Tier::Emergency)
}

/// A sign asked on the first checklist (section `emergency`), at least `tier`.
pub(super) const fn early(id: &'static str, tier: Tier) -> Required {
    Required {
        id,
        tier,
        global: true,
        asked_for: None,
        first: true,
    }
}

pub(super) const fn area(
    id: &'static str,
    tier: Tier,
    global: bool,
    regions: &'static [&'static str],
) -> Required {
    Required {
        id,
        tier,
        global,
        asked_for: Some(regions),
        first: false,
    }
}

pub(super) const LEGS: &[&str] = &["legs"];
pub(super) const SPINE: &[&str] = &["spine"];
pub(super) const HEADNECK: &[&str] = &["headneck"];
pub(super) const ANY: &[&str] = &["all"];

/// The screening contract of SCREENING.md.
pub const REQUIRED_ITEMS: &[Required] = &[
    sign("chest_pain_cardiac"),
    sign("pe_breathless"),
    sign("stroke_signs"),
    sign("thunderclap_headache"),
    sign("headache_fever_stiff_neck"),
    early("aaa_pattern", Tier::Urgent),
    item("under_16", Tier::Refer, true),
    item("fever_acute_illness", Tier::Refer, true),
    item("dvt_current", Tier::Refer, true),
    item("bleeding_disorder", Tier::Refer, true),
    item("cancer_active", Tier::Refer, true),
    item("heart_condition", Tier::Refer, true),
    item("blood_pressure_uncontrolled", Tier::Refer, true),
    item("high_risk_pregnancy", Tier::Refer, true),
    item("weight_loss_unexplained", Tier::Refer, true),
    item("other_clinician_advice", Tier::Refer, true),
    item("progressive_weakness", Tier::Urgent, true),
    item("dark_urine_muscle_pain", Tier::Urgent, true),
    item("hot_swollen_joint", Tier::Urgent, true),
    item("trauma_significant", Tier::Urgent, true),
    item("head_knock_on_thinners", Tier::Urgent, true),
    item("clot_history", Tier::Caution, false),
    item("clot_risk_now", Tier::Caution, false),
    item("blood_thinners", Tier::Caution, false),
    item("bone_fragility", Tier::Caution, false),
    item("long_term_steroids", Tier::Caution, false),
    item("fragile_skin", Tier::Caution, false),
    item("pregnancy", Tier::Caution, true),
    item("diabetes", Tier::Caution, false),
    item("fainting_dizziness", Tier::Caution, false),
    item("sensation_masking", Tier::Caution, false),
    item("pressure_sensitivity", Tier::Caution, false),
    item("hypermobility", Tier::Caution, false),
    item("age_50_plus", Tier::None, false),
    area(
        "dvt_symptoms",
        Tier::Urgent,
        true,
        &["legs", "forearms", "hands"],
    ),
    area(
        "ces_saddle_bladder_bowel",
        Tier::Urgent,
        true,
        &["lower_back", "glutes", "hamstrings"],
    ),
    area(
        "ces_bilateral_leg",
        Tier::Urgent,
        true,
        &["lower_back", "glutes", "hamstrings", "calves"],
    ),
    area("fever_with_back_pain", Tier::Urgent, true, SPINE),
    area(
        "compartment_tension",
        Tier::Urgent,
        true,
        &["calves", "shins", "forearms"],
    ),
    area("neck_pain_after_neck_work", Tier::Urgent, true, HEADNECK),
    area("gca_symptoms", Tier::Urgent, true, &["head", "jaw", "neck"]),
    area(
        "pmr_pattern",
        Tier::Refer,
        true,
        &[
            "neck",
            "upper_traps",
            "rotator_cuff",
            "glutes",
            "hip_flexors",
        ],
    ),
    area("hard_lump_after_bruise", Tier::Refer, false, ANY),
    area("cancer_past_sites", Tier::Local, false, ANY),
    area("immune_suppressed_back_pain", Tier::Refer, true, SPINE),
    area("cancer_history_new_pain", Tier::Refer, true, ANY),
    area("night_pain_constant", Tier::Refer, true, ANY),
    area("worsening_pain", Tier::Refer, true, ANY),
    area("spine_fracture", Tier::Refer, false, SPINE),
    area("poor_leg_circulation", Tier::Refer, false, LEGS),
    area("neck_artery_history", Tier::Refer, false, HEADNECK),
    area(
        "rheumatoid_neck",
        Tier::Refer,
        false,
        &["neck", "upper_traps"],
    ),
    area(
        "aneurysm",
        Tier::Refer,
        true,
        &["lower_back", "upper_back", "neck", "hip_flexors"],
    ),
    area("phlebitis", Tier::Refer, false, &["legs", "forearms"]),
    area("open_wound", Tier::Local, false, ANY),
    area("skin_infection_rash", Tier::Local, false, ANY),
    area("recent_injury_72h", Tier::Local, false, ANY),
    area("broken_bone", Tier::Local, false, ANY),
    area("local_inflammation", Tier::Local, false, ANY),
    area("recent_surgery_site", Tier::Local, false, ANY),
    area("implant_or_device", Tier::Local, false, ANY),
    area("numb_area", Tier::Local, false, ANY),
    area(
        "lymphoedema",
        Tier::Local,
        false,
        &["forearms", "hands", "upper_traps", "chest", "legs"],
    ),
    area("varicose_veins", Tier::Local, false, LEGS),
    area("kidney_problem", Tier::Local, false, &["lower_back"]),
    area(
        "hernia_abdominal",
        Tier::Local,
        false,
        &["hip_flexors", "adductors"],
    ),
    area("spine_condition", Tier::Caution, false, SPINE),
    // Version 3: widened and new coverage (SCREENING.md "Version 3 changes").
    early("tia_recent", Tier::Urgent),
    sign("sepsis_signs"),
    sign("cold_pale_limb"),
    sign("testicle_pain"),
    sign("hernia_stuck"),
    item("angina_pattern", Tier::Urgent, true),
    item("acute_abdomen", Tier::Urgent, true),
    item("pregnancy_warning", Tier::Urgent, true),
    item("ectopic_pattern", Tier::Emergency, true),
    item("head_injury_signs", Tier::Urgent, true),
    item("injury_cannot_bear_weight", Tier::Urgent, true),
    item("bp_crisis", Tier::Urgent, true),
    item("co_pattern", Tier::Urgent, true),
    item("exertional_faint", Tier::Urgent, true),
    item("heart_failure_pattern", Tier::Refer, true),
    item("recent_heart_or_stroke", Tier::Refer, true),
    item("inflammatory_joints", Tier::Refer, true),
    item("inflammatory_back_pain", Tier::Refer, false),
    item("lump_growing", Tier::Refer, false),
    item("cancer_symptoms", Tier::Refer, true),
    item("medicine_muscle_pain", Tier::Refer, true),
    item("kidney_pattern", Tier::Urgent, true),
    item("headache_red_flags", Tier::Urgent, true),
    item("bone_broke_easily", Tier::Urgent, true),
    item("raynaud_pattern", Tier::Refer, false),
    item("confusion_or_jaundice", Tier::Urgent, true),
];

/// Items whose checklist lines must say, where the person reads them, when to answer no
/// (SCREENING.md v3 §8: the false alarms seen): at least one of their lines has `no_if`.
pub const NO_IF_REQUIRED: [&str; 6] = [
    "chest_pain_cardiac",
    "pe_breathless",
    "dvt_symptoms",
    "gca_symptoms",
    "ces_saddle_bladder_bowel",
    "headache_fever_stiff_neck",
];

/// Combination rules SCREENING.md requires: items, weakest tier, whether the effect must be global.
pub(super) const REQUIRED_COMBINATIONS: [(&[&str], Tier, bool); 4] = [
    (&["dvt_symptoms", "pe_breathless"], Tier::Emergency, true),
    (&["blood_thinners", "recent_injury_72h"], Tier::Refer, false),
    // Sudden severe belly or back pain at 50 or over, or with a known aneurysm (SCREENING.md v3).
    (&["aaa_pattern", "age_50_plus"], Tier::Emergency, true),
    (&["aaa_pattern", "aneurysm"], Tier::Emergency, true),
];
