//! The SCREENING.md contract as tables: the region and tool ids, the region groups, the items,
//! scopes and combinations a knowledge base must hold. Data only; the checks read them.

use crate::kb::model::{Position, Pressure, Tier};

/// The region ids of the body map (SCREENING.md), in map order.
pub const REGION_IDS: [&str; 20] = [
    "head",
    "jaw",
    "neck",
    "upper_traps",
    "chest",
    "upper_back",
    "lats",
    "rotator_cuff",
    "forearms",
    "hands",
    "lower_back",
    "glutes",
    "hip_flexors",
    "outer_thigh",
    "quads",
    "adductors",
    "hamstrings",
    "calves",
    "shins",
    "feet",
];

/// The tool ids every knowledge base must have (KNOWLEDGE.md).
pub const TOOL_IDS: [&str; 14] = [
    "foam_roller_soft",
    "foam_roller_medium",
    "foam_roller_firm",
    "textured_roller",
    "lacrosse_ball",
    "tennis_ball",
    "peanut_ball",
    "pvc_pipe",
    "roller_stick",
    "cane_tool",
    "percussion_device",
    "hands",
    "knuckles",
    "elbow",
];

pub(super) const ALWAYS_OWNED: [&str; 3] = ["hands", "knuckles", "elbow"];

/// The groups SCREENING.md names, with their members.
pub(super) const GROUPS: [(&str, &[&str]); 4] = [
    (
        "legs",
        &[
            "hip_flexors",
            "outer_thigh",
            "quads",
            "adductors",
            "hamstrings",
            "calves",
            "shins",
            "feet",
        ],
    ),
    ("spine", &["neck", "upper_back", "lower_back"]),
    (
        "trunk",
        &["neck", "upper_back", "lower_back", "chest", "lats"],
    ),
    ("headneck", &["head", "jaw", "neck", "upper_traps"]),
];

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
    Required {
        id,
        tier: Tier::Emergency,
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
    sign("aaa_pattern"),
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
];

/// Combination rules SCREENING.md requires: items, weakest tier, whether the effect must be global.
pub(super) const REQUIRED_COMBINATIONS: [(&[&str], Tier, bool); 2] = [
    (&["dvt_symptoms", "pe_breathless"], Tier::Emergency, true),
    (&["blood_thinners", "recent_injury_72h"], Tier::Refer, false),
];

/// The least a caution item must change on some regions (SCREENING.md scope column).
pub(super) struct Scope {
    pub(super) item: &'static str,
    pub(super) regions: &'static [&'static str],
    pub(super) indirect_only: bool,
    pub(super) max_pressure: Option<Pressure>,
    pub(super) exclude_positions: &'static [Position],
    pub(super) keep_off: &'static [&'static str],
}

pub(super) const NO_SCOPE: Scope = Scope {
    item: "",
    regions: &[],
    indirect_only: false,
    max_pressure: None,
    exclude_positions: &[],
    keep_off: &[],
};

pub(super) const FLOOR: &[Position] = &[
    Position::FloorBack,
    Position::FloorFront,
    Position::FloorSide,
];

/// The caution scopes of the SCREENING.md contract, checked on the combined modifications.
pub(super) const REQUIRED_SCOPES: &[Scope] = &[
    Scope {
        item: "pregnancy",
        regions: ANY,
        exclude_positions: &[Position::FloorBack, Position::FloorFront],
        keep_off: &["abdomen_deep"],
        ..NO_SCOPE
    },
    Scope {
        item: "pregnancy",
        regions: &["legs", "lower_back", "glutes", "hip_flexors"],
        max_pressure: Some(Pressure::Light),
        ..NO_SCOPE
    },
    Scope {
        item: "pregnancy",
        regions: LEGS,
        indirect_only: true,
        ..NO_SCOPE
    },
    Scope {
        item: "diabetes",
        regions: LEGS,
        keep_off: &["injection_sites"],
        ..NO_SCOPE
    },
    Scope {
        item: "diabetes",
        regions: &["feet"],
        max_pressure: Some(Pressure::Light),
        ..NO_SCOPE
    },
    Scope {
        item: "fainting_dizziness",
        regions: ANY,
        exclude_positions: FLOOR,
        ..NO_SCOPE
    },
    Scope {
        item: "bone_fragility",
        regions: &["trunk"],
        exclude_positions: FLOOR,
        ..NO_SCOPE
    },
];

// Limits of doses and strokes, places a tool never goes, and words people read.

/// Longest single hold or set: ten minutes.
pub(super) const MAX_HOLD: u32 = 600;
/// A technique's shortest useful dose must fit in two minutes, so any budget can hold one step.
pub(super) const MAX_MIN_DOSE: u32 = 120;
/// Spine regions where no roller-form tool lies across the spine (the lumbar spine and the neck).
/// On the upper back a broad roller may lie across, with the load on the muscles either side.
pub(super) const NO_ROLLER_ACROSS: [&str; 2] = ["lower_back", "neck"];
/// The spine regions: never a pipe (a narrow, hard roller) across any of them.
pub(super) const SPINE_REGIONS: [&str; 3] = ["neck", "upper_back", "lower_back"];
/// The shortest stroke a rolling pass covers at the slowest pace, in cm.
pub(super) const MIN_STROKE_CM: u32 = 10;
/// The longest stroke a rolling pass covers at the fastest pace, in cm.
pub(super) const MAX_STROKE_CM: u32 = 60;
/// The one discomfort ceiling any text may name.
pub(super) const DISCOMFORT_CEILING: &str = "5";
/// Regions where a percussion device is never suggested (neck artery injuries after massage guns).
pub(super) const NO_PERCUSSION: [&str; 4] = ["head", "jaw", "neck", "upper_traps"];

/// Words that name a tool: a movement test uses none.
pub(super) const TOOL_WORDS: [&str; 8] = [
    "roller",
    "ball",
    "pipe",
    "stick",
    "cane",
    "massage gun",
    "percussion",
    "tool",
];
/// Fields whose text is written for people (checked for raw ids, pass counts and ceilings).
pub(super) const PROSE_KEYS: [&str; 20] = [
    "name",
    "describe",
    "change",
    "where",
    "why",
    "rule",
    "summary",
    "steps",
    "cues",
    "how",
    "stop_if",
    "expect",
    "note",
    "question",
    "explain",
    "clarifier",
    "message",
    "if_not_sure",
    "movement_test",
    "citation",
];
/// The only placeholder a text may hold.
pub(super) const PLACEHOLDER: &str = "{emergency}";
