//! The knowledge base as typed data: the serde model of `data/knowledge.json` and its vocabularies.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: a serde enum with `snake_case` ids, an ordered list and `as_str`.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The id used in JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// Direct (firm pressure or slow rolling) or indirect (light, gliding, easing) technique.
    Kind { Direct = "direct", Indirect = "indirect" }
);
vocabulary!(
    /// How hard a technique presses, lightest first.
    Pressure { Light = "light", Moderate = "moderate", Firm = "firm" }
);
vocabulary!(
    /// How hard a tool is, softest first.
    Firmness { Soft = "soft", Medium = "medium", Firm = "firm" }
);
vocabulary!(
    /// How large the area is that a tool presses on.
    Contact { Broad = "broad", Medium = "medium", Pinpoint = "pinpoint" }
);
vocabulary!(
    /// What shape of tool a technique's steps are written for. A stand-in must be of the same form,
    /// so the steps still describe the tool in the person's hand. Hands, knuckles and elbow are `hand`.
    Form {
        Roller = "roller",
        Ball = "ball",
        Stick = "stick",
        Hook = "hook",
        Percussion = "percussion",
        Hand = "hand",
    }
);
vocabulary!(
    /// A tool's surface.
    Surface { Smooth = "smooth", Textured = "textured" }
);
vocabulary!(
    /// Body position during a technique.
    Position {
        FloorBack = "floor_back",
        FloorFront = "floor_front",
        FloorSide = "floor_side",
        Seated = "seated",
        Standing = "standing",
        Wall = "wall",
    }
);
vocabulary!(
    /// How a technique is dosed: passes, light strokes, or time on one spot.
    Method { Roll = "roll", Glide = "glide", Hold = "hold" }
);
vocabulary!(
    /// What the area feels like.
    Feel {
        Tight = "tight",
        SoreAfterExercise = "sore_after_exercise",
        Knot = "knot",
        AchingLongTerm = "aching_long_term",
    }
);
vocabulary!(
    /// What the person wants from the session.
    Goal { WarmUp = "warm_up", Recover = "recover", Relief = "relief" }
);
vocabulary!(
    /// Strength of the evidence behind a technique.
    Grade { Moderate = "moderate", Low = "low", VeryLow = "very_low", ExpertOpinion = "expert_opinion" }
);
vocabulary!(
    /// What a yes to a screening item does, least severe first.
    Tier {
        None = "none",
        Caution = "caution",
        Local = "local",
        Refer = "refer",
        Urgent = "urgent",
        Emergency = "emergency",
    }
);
vocabulary!(
    /// Where in the questionnaire an item is asked.
    Section { Emergency = "emergency", Health = "health", Area = "area" }
);
vocabulary!(
    /// Which regions a fired item affects.
    Effect { Global = "global", Region = "region", Listed = "listed" }
);
vocabulary!(
    /// Where the body map draws a region.
    View { Front = "front", Back = "back", Both = "both" }
);
vocabulary!(
    /// What kind of source a citation is.
    SourceKind {
        Consensus = "consensus",
        Review = "review",
        Trial = "trial",
        Guideline = "guideline",
        Clinical = "clinical",
        Consumer = "consumer",
        OwnReasoning = "own_reasoning",
    }
);

impl Position {
    /// Positions on the floor (what a fainting or bone caution rules out).
    pub fn is_floor(self) -> bool {
        matches!(self, Self::FloorBack | Self::FloorFront | Self::FloorSide)
    }
}

/// The whole knowledge base, as written in JSON (empty by default: `KnowledgeBase::empty`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KbData {
    pub schema_version: u32,
    pub groups: BTreeMap<String, Vec<String>>,
    pub regions: Vec<Region>,
    pub tools: Vec<Tool>,
    pub zones: Vec<Zone>,
    pub techniques: Vec<Technique>,
    /// Checklist screens of the interview: items with the same effect asked together.
    pub gates: Vec<Gate>,
    pub screening: Vec<ScreeningItem>,
    #[serde(default)]
    pub combinations: Vec<Combination>,
    pub sources: Vec<Source>,
}

/// A body region of the body map.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    #[serde(rename = "where")]
    pub location: String,
    pub muscles: Vec<Muscle>,
    pub view: View,
    pub zones_near: Vec<String>,
    pub related: Vec<Related>,
    /// How to test the area's movement before and after a routine: plain words, no tools.
    pub movement_test: String,
}

/// A muscle under a region, with its everyday and anatomical names.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Muscle {
    pub name: String,
    pub anatomical: String,
}

/// A region where tension often comes from, and why.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Related {
    pub region: String,
    pub why: String,
}

/// A tool someone may own.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub id: String,
    pub name: String,
    pub describe: String,
    pub form: Form,
    pub firmness: Firmness,
    pub contact: Contact,
    pub surface: Surface,
    pub always_owned: bool,
    pub stands_in_for: Vec<StandIn>,
}

/// This tool can replace `tool` (same form, never firmer), with `change` in feel, but only in
/// the `positions` and with the `methods` where the substitution really works.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandIn {
    pub tool: String,
    pub change: String,
    pub positions: Vec<Position>,
    pub methods: Vec<Method>,
}

/// A no-go zone.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub id: String,
    pub name: String,
    pub why: String,
    pub rule: String,
    pub always_on: bool,
    pub sources: Vec<String>,
}

/// A self-myofascial release technique.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Technique {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub regions: Vec<String>,
    pub kind: Kind,
    pub pressure: Pressure,
    pub position: Position,
    pub tools: Vec<String>,
    pub steps: Vec<String>,
    pub dosage: Dosage,
    pub cues: Vec<String>,
    pub near_zones: Vec<NearZone>,
    pub stop_if: Vec<String>,
    pub expect: String,
    pub feels: Vec<Feel>,
    pub uses: Vec<Goal>,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

/// How much of a technique to do, as numbers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dosage {
    pub method: Method,
    pub seconds: u32,
    pub min_seconds: u32,
    pub sets: u32,
    pub rest_seconds: u32,
    pub per_side: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_seconds: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pace_cm_per_s: Option<[u32; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_seconds: Option<u32>,
    pub total_seconds: [u32; 2],
}

impl Dosage {
    /// 2 when both sides are worked one after the other, else 1.
    pub fn sides(&self) -> u32 {
        if self.per_side { 2 } else { 1 }
    }

    /// Time of `sets` sets of `seconds` each, rests between sets and both sides included.
    pub fn time(&self, sets: u32, seconds: u32) -> u32 {
        self.sides() * (sets * seconds + sets.saturating_sub(1) * self.rest_seconds)
    }
}

/// A zone a technique comes close to, and how it keeps off it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NearZone {
    pub zone: String,
    pub how: String,
}

/// Evidence grade and what it rests on.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub grade: Grade,
    pub note: String,
}

/// A screening question with its tier, scope and consequences.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreeningItem {
    pub id: String,
    /// A short plain name, for lists of answers and gate checklists (never the id).
    pub title: String,
    /// The gate (checklist screen) that asks this item first, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate: Option<String>,
    /// How many months a remembered answer holds; 0: asked at every check.
    pub recheck: u32,
    pub section: Section,
    pub tier: Tier,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asked_for: Vec<String>,
    /// Asked only when any of these items fired (yes or not sure); empty: always asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_if: Vec<String>,
    #[serde(default)]
    pub per_region: bool,
    pub effect: Effect,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effect_regions: Vec<String>,
    /// On a checklist (`gate`): the lines the person reads and marks, one sign each, each with the
    /// item's time window. Marking any of them answers the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<Line>,
    /// Asked alone (no `gate`): the one question, one sign.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub question: String,
    pub explain: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clarifier: Option<String>,
    pub message: String,
    pub if_not_sure: String,
    /// A global refer that is a pause until the person is well again (a fever), not a referral.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pause: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifications: Vec<ModificationSet>,
    pub sources: Vec<String>,
}

impl ScreeningItem {
    /// What the person reads for this item: its checklist lines, or its one question.
    pub fn asks(&self) -> Vec<&str> {
        if self.lines.is_empty() {
            vec![self.question.as_str()]
        } else {
            self.lines.iter().map(|l| l.text.as_str()).collect()
        }
    }
}

/// One line of a checklist: one sign, enough on its own, and when to answer no (shown with it).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_if: Option<String>,
}

/// A checklist screen of the interview: "Do any of these apply to you?" over the titles of its
/// items. "None of these" answers them all no; yes or not sure opens them one by one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    pub id: String,
    pub section: Section,
    pub question: String,
    pub explain: String,
}

/// What a caution changes, on the regions it names (or all its effect regions).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModificationSet {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    #[serde(default)]
    pub indirect_only: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_pressure: Option<Pressure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_firmness: Option<Firmness>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_tools: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_hold_seconds: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_positions: Vec<Position>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keep_off: Vec<String>,
}

/// A rule that fires when all its items fired together.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Combination {
    pub id: String,
    /// A short plain name, for lists of answers (never the id).
    pub title: String,
    pub all: Vec<String>,
    pub tier: Tier,
    pub effect: Effect,
    pub message: String,
    pub sources: Vec<String>,
}

/// A citation, referenced by id.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub citation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub kind: SourceKind,
}
