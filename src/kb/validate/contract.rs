//! The SCREENING.md contract as tables: the region and tool ids, the region groups, the items,
//! scopes and combinations a knowledge base must hold. Data only; the checks read them.

use crate::kb::model::{Position, Pressure};

pub use super::required::REQUIRED_ITEMS;
pub(super) use super::required::{ANY, LEGS, NO_IF_REQUIRED, REQUIRED_COMBINATIONS};

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
pub(super) const PROSE_KEYS: [&str; 22] = [
    "text",
    "no_if",
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
