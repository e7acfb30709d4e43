//! The knowledge-base validator: every check of KNOWLEDGE.md and the SCREENING.md contract.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::Value;

use super::model::{
    Effect, Form, KbData, Kind, Method, Position, Pressure, ScreeningItem, Section, Technique,
    Tier, Tool,
};

/// One problem, with the JSON path of the value at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

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

const ALWAYS_OWNED: [&str; 3] = ["hands", "knuckles", "elbow"];

/// The groups SCREENING.md names, with their members.
const GROUPS: [(&str, &[&str]); 4] = [
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

const fn item(id: &'static str, tier: Tier, global: bool) -> Required {
    Required {
        id,
        tier,
        global,
        asked_for: None,
        first: false,
    }
}

/// An emergency sign: asked first, of everyone.
const fn sign(id: &'static str) -> Required {
    Required {
        id,
        tier: Tier::Emergency,
        global: true,
        asked_for: None,
        first: true,
    }
}

const fn area(
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

const LEGS: &[&str] = &["legs"];
const SPINE: &[&str] = &["spine"];
const HEADNECK: &[&str] = &["headneck"];
const ANY: &[&str] = &["all"];

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
const REQUIRED_COMBINATIONS: [(&[&str], Tier, bool); 2] = [
    (&["dvt_symptoms", "pe_breathless"], Tier::Emergency, true),
    (&["blood_thinners", "recent_injury_72h"], Tier::Refer, false),
];

/// The least a caution item must change on some regions (SCREENING.md scope column).
struct Scope {
    item: &'static str,
    regions: &'static [&'static str],
    indirect_only: bool,
    max_pressure: Option<Pressure>,
    exclude_positions: &'static [Position],
    keep_off: &'static [&'static str],
}

const NO_SCOPE: Scope = Scope {
    item: "",
    regions: &[],
    indirect_only: false,
    max_pressure: None,
    exclude_positions: &[],
    keep_off: &[],
};

const FLOOR: &[Position] = &[
    Position::FloorBack,
    Position::FloorFront,
    Position::FloorSide,
];

/// The caution scopes of the SCREENING.md contract, checked on the combined modifications.
const REQUIRED_SCOPES: &[Scope] = &[
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

/// Longest single hold or set: ten minutes.
const MAX_HOLD: u32 = 600;
/// A technique's shortest useful dose must fit in two minutes, so any budget can hold one step.
const MAX_MIN_DOSE: u32 = 120;
/// Spine regions where no roller-form tool lies across the spine (the lumbar spine and the neck).
/// On the upper back a broad roller may lie across, with the load on the muscles either side.
const NO_ROLLER_ACROSS: [&str; 2] = ["lower_back", "neck"];
/// The spine regions: never a pipe (a narrow, hard roller) across any of them.
const SPINE_REGIONS: [&str; 3] = ["neck", "upper_back", "lower_back"];
/// The shortest stroke a rolling pass covers at the slowest pace, in cm.
const MIN_STROKE_CM: u32 = 10;
/// The longest stroke a rolling pass covers at the fastest pace, in cm.
const MAX_STROKE_CM: u32 = 60;
/// The one discomfort ceiling any text may name.
const DISCOMFORT_CEILING: &str = "5";
/// Words that name a tool: a movement test uses none.
const TOOL_WORDS: [&str; 8] = [
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
const PROSE_KEYS: [&str; 20] = [
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
/// Regions where a percussion device is never suggested (neck artery injuries after massage guns).
const NO_PERCUSSION: [&str; 4] = ["head", "jaw", "neck", "upper_traps"];
/// The only placeholder a text may hold.
const PLACEHOLDER: &str = "{emergency}";

/// Collects problems with the paths they belong to.
#[derive(Default)]
struct Report(Vec<Problem>);

impl Report {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }
}

/// Checks `kb` and returns every problem found (empty when it is clean).
pub fn validate(kb: &KbData) -> Vec<Problem> {
    let mut r = Report::default();
    if kb.schema_version != 1 {
        r.add(
            "schema_version",
            format!(
                "schema version {} is not supported (expected 1)",
                kb.schema_version
            ),
        );
    }
    let ids = Ids::collect(kb, &mut r);
    check_groups(kb, &ids, &mut r);
    check_regions(kb, &ids, &mut r);
    check_tools(kb, &ids, &mut r);
    check_zones(kb, &ids, &mut r);
    check_techniques(kb, &ids, &mut r);
    check_screening(kb, &ids, &mut r);
    check_combinations(kb, &ids, &mut r);
    check_text(kb, &mut r);
    r.0
}

/// The ids of every collection, after checking they are well formed and unique.
struct Ids<'a> {
    regions: HashSet<&'a str>,
    tools: HashSet<&'a str>,
    zones: HashSet<&'a str>,
    items: HashMap<&'a str, usize>,
    sources: HashSet<&'a str>,
    groups: HashSet<&'a str>,
}

impl<'a> Ids<'a> {
    fn collect(kb: &'a KbData, r: &mut Report) -> Self {
        fn unique<'a>(
            r: &mut Report,
            what: &str,
            ids: impl Iterator<Item = &'a str>,
        ) -> HashMap<&'a str, usize> {
            let mut seen = HashMap::new();
            for (i, id) in ids.enumerate() {
                let path = format!("{what}[{i}].id");
                if id.is_empty()
                    || !id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                {
                    r.add(
                        &path,
                        format!("id `{id}` must be lower-case letters, digits and underscores"),
                    );
                }
                if let Some(first) = seen.insert(id, i) {
                    seen.insert(id, first);
                    r.add(
                        &path,
                        format!("duplicate id `{id}` (first used at {what}[{first}])"),
                    );
                }
            }
            seen
        }
        let keys = |m: HashMap<&'a str, usize>| m.into_keys().collect::<HashSet<_>>();
        // Technique ids are only checked here; nothing refers to them.
        unique(r, "techniques", kb.techniques.iter().map(|x| x.id.as_str()));
        Self {
            regions: keys(unique(
                r,
                "regions",
                kb.regions.iter().map(|x| x.id.as_str()),
            )),
            tools: keys(unique(r, "tools", kb.tools.iter().map(|x| x.id.as_str()))),
            zones: keys(unique(r, "zones", kb.zones.iter().map(|x| x.id.as_str()))),
            items: {
                let items = unique(r, "screening", kb.screening.iter().map(|x| x.id.as_str()));
                let combos = unique(
                    r,
                    "combinations",
                    kb.combinations.iter().map(|x| x.id.as_str()),
                );
                for (id, i) in combos {
                    if items.contains_key(id) {
                        r.add(
                            format!("combinations[{i}].id"),
                            format!("duplicate id `{id}`: a screening item has it"),
                        );
                    }
                }
                items
            },
            sources: keys(unique(
                r,
                "sources",
                kb.sources.iter().map(|x| x.id.as_str()),
            )),
            groups: kb.groups.keys().map(String::as_str).collect(),
        }
    }

    fn region_list(&self, r: &mut Report, path: &str, list: &[String], allow_all: bool) {
        for (i, name) in list.iter().enumerate() {
            let known = self.regions.contains(name.as_str())
                || self.groups.contains(name.as_str())
                || (allow_all && name == "all");
            if !known {
                r.add(
                    format!("{path}[{i}]"),
                    format!("unknown region or group `{name}`"),
                );
            }
        }
    }

    fn sources(&self, r: &mut Report, path: &str, list: &[String]) {
        if list.is_empty() {
            r.add(path, "no sources: name at least one source id");
        }
        for (i, s) in list.iter().enumerate() {
            if !self.sources.contains(s.as_str()) {
                r.add(format!("{path}[{i}]"), format!("unknown source `{s}`"));
            }
        }
    }

    fn tool(&self, r: &mut Report, path: String, id: &str) {
        if !self.tools.contains(id) {
            r.add(path, format!("unknown tool `{id}`"));
        }
    }

    fn zone(&self, r: &mut Report, path: String, id: &str) {
        if !self.zones.contains(id) {
            r.add(path, format!("unknown zone `{id}`"));
        }
    }
}

fn check_groups(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
    for (name, members) in GROUPS {
        match kb.groups.get(name) {
            None => r.add("groups", format!("missing group `{name}`")),
            Some(have) => {
                for m in members {
                    if !have.iter().any(|h| h == m) {
                        r.add(
                            format!("groups.{name}"),
                            format!("group `{name}` must include `{m}`"),
                        );
                    }
                }
            }
        }
    }
    for (name, members) in &kb.groups {
        if ids.regions.contains(name.as_str()) || name == "all" {
            r.add(
                format!("groups.{name}"),
                format!("group name `{name}` clashes with a region id"),
            );
        }
        for (i, m) in members.iter().enumerate() {
            if !ids.regions.contains(m.as_str()) {
                r.add(
                    format!("groups.{name}[{i}]"),
                    format!("unknown region `{m}`"),
                );
            }
        }
    }
}

fn check_regions(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
    for id in REGION_IDS {
        if !ids.regions.contains(id) {
            r.add("regions", format!("missing required region `{id}`"));
        }
    }
    for (i, region) in kb.regions.iter().enumerate() {
        let path = format!("regions[{i}]");
        if region.muscles.is_empty() {
            r.add(
                format!("{path}.muscles"),
                "a region needs at least one muscle",
            );
        }
        for (j, z) in region.zones_near.iter().enumerate() {
            ids.zone(r, format!("{path}.zones_near[{j}]"), z);
        }
        let test = region.movement_test.to_lowercase();
        if let Some(word) = TOOL_WORDS.iter().find(|w| test.contains(*w)) {
            r.add(
                format!("{path}.movement_test"),
                format!("a movement test uses no tools (it names `{word}`)"),
            );
        }
        for (j, rel) in region.related.iter().enumerate() {
            if rel.region == region.id || !ids.regions.contains(rel.region.as_str()) {
                r.add(
                    format!("{path}.related[{j}].region"),
                    format!("`{}` is not another region", rel.region),
                );
            }
        }
    }
}

fn check_tools(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
    for id in TOOL_IDS {
        if !ids.tools.contains(id) {
            r.add("tools", format!("missing required tool `{id}`"));
        }
    }
    for (i, tool) in kb.tools.iter().enumerate() {
        let path = format!("tools[{i}]");
        if ALWAYS_OWNED.contains(&tool.id.as_str()) && !tool.always_owned {
            r.add(
                format!("{path}.always_owned"),
                format!("`{}` is always owned", tool.id),
            );
        }
        for (j, s) in tool.stands_in_for.iter().enumerate() {
            let sp = format!("{path}.stands_in_for[{j}]");
            if s.tool == tool.id {
                r.add(format!("{sp}.tool"), "a tool cannot stand in for itself");
            } else if let Some(target) = kb.tools.iter().find(|t| t.id == s.tool) {
                check_stand_in(tool, target, &sp, r);
            } else {
                ids.tool(r, format!("{sp}.tool"), &s.tool);
            }
            if s.positions.is_empty() {
                r.add(
                    format!("{sp}.positions"),
                    "a stand-in must name the positions where it really works",
                );
            }
            if s.methods.is_empty() {
                r.add(
                    format!("{sp}.methods"),
                    "a stand-in must name the methods it really works with",
                );
            }
        }
    }
}

/// A stand-in is of the same form as the tool it replaces (so the steps still describe it) and
/// never firmer (the technique's author chose that feel).
fn check_stand_in(tool: &Tool, target: &Tool, path: &str, r: &mut Report) {
    if tool.form != target.form {
        r.add(
            format!("{path}.tool"),
            format!(
                "`{}` ({}) cannot stand in for `{}` ({}): a stand-in must be of the same form",
                tool.id, tool.form, target.id, target.form
            ),
        );
    }
    if tool.firmness > target.firmness {
        r.add(
            format!("{path}.tool"),
            format!(
                "`{}` ({}) is firmer than `{}` ({}): a stand-in is never firmer",
                tool.id, tool.firmness, target.id, target.firmness
            ),
        );
    }
}

fn check_zones(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
    for (i, zone) in kb.zones.iter().enumerate() {
        ids.sources(r, &format!("zones[{i}].sources"), &zone.sources);
    }
}

fn check_techniques(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
    let zones_near: HashMap<&str, &[String]> = kb
        .regions
        .iter()
        .map(|g| (g.id.as_str(), g.zones_near.as_slice()))
        .collect();
    let tools: HashMap<&str, &Tool> = kb.tools.iter().map(|t| (t.id.as_str(), t)).collect();
    for (i, t) in kb.techniques.iter().enumerate() {
        check_technique(t, i, ids, &zones_near, r);
        check_form(t, i, &tools, r);
    }
    // The regions some technique doable with always-owned tools works on, in one pass.
    let owned: HashSet<&str> = kb
        .techniques
        .iter()
        .filter(|t| {
            t.tools
                .iter()
                .any(|x| tools.get(x.as_str()).is_some_and(|x| x.always_owned))
        })
        .flat_map(|t| t.regions.iter().map(String::as_str))
        .collect();
    for region in &kb.regions {
        if !owned.contains(region.id.as_str()) {
            r.add(
                "techniques",
                format!(
                    "region `{}` has no technique doable with always-owned tools (hands)",
                    region.id
                ),
            );
        }
    }
    // (techniques, indirect ones) per region, counted in one pass.
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for t in &kb.techniques {
        for region in &t.regions {
            let c = counts.entry(region.as_str()).or_default();
            c.0 += 1;
            c.1 += usize::from(t.kind == Kind::Indirect);
        }
    }
    for region in &kb.regions {
        let (all, indirect) = counts.get(region.id.as_str()).copied().unwrap_or_default();
        if all < 2 {
            r.add(
                "techniques",
                format!(
                    "region `{}` has {all} technique(s); it needs at least 2",
                    region.id
                ),
            );
        }
        if indirect == 0 {
            r.add(
                "techniques",
                format!("region `{}` has no indirect technique", region.id),
            );
        }
    }
}

/// A technique's tools share one form (its steps are written for that form), and the tools
/// that lie across the spine follow the spine rule.
fn check_form(t: &Technique, i: usize, tools: &HashMap<&str, &Tool>, r: &mut Report) {
    let path = format!("techniques[{i}]");
    let forms: Vec<(usize, Form)> = t
        .tools
        .iter()
        .enumerate()
        .filter_map(|(j, id)| tools.get(id.as_str()).map(|x| (j, x.form)))
        .collect();
    if let Some(&(_, first)) = forms.first() {
        for &(j, form) in &forms[1..] {
            if form != first {
                r.add(
                    format!("{path}.tools[{j}]"),
                    format!(
                        "`{}` is a {form} but the technique is written for a {first}: one form per technique",
                        t.tools[j]
                    ),
                );
            }
        }
    }
    for &(j, form) in &forms {
        let id = t.tools[j].as_str();
        if form != Form::Roller {
            continue;
        }
        if let Some(region) = t
            .regions
            .iter()
            .find(|g| NO_ROLLER_ACROSS.contains(&g.as_str()))
        {
            r.add(
                format!("{path}.tools[{j}]"),
                format!("`{id}` on the {region}: no roller or pipe on the lumbar spine or across the neck"),
            );
        } else if id == "pvc_pipe"
            && t.regions
                .iter()
                .any(|g| SPINE_REGIONS.contains(&g.as_str()))
        {
            r.add(
                format!("{path}.tools[{j}]"),
                "a pipe is narrow and hard: never across the spine",
            );
        }
    }
}

/// Kind, method and pressure agree with the definitions: rolling is direct, gliding is
/// indirect, indirect work is light, and a direct hold is firm sustained pressure.
fn check_kind(t: &Technique, path: &str, r: &mut Report) {
    let d = &t.dosage;
    let clash = match (t.kind, d.method) {
        (Kind::Indirect, Method::Roll) => Some("rolling is direct: label it `direct`"),
        (Kind::Direct, Method::Glide) => {
            Some("gliding is indirect: label it `indirect`, or make it a roll or a hold")
        }
        (Kind::Direct, Method::Hold) if t.pressure == Pressure::Light => {
            Some("a direct hold is sustained pressure: light holds are `indirect`")
        }
        _ => None,
    };
    if let Some(message) = clash {
        r.add(format!("{path}.kind"), message);
    }
    if t.kind == Kind::Indirect && t.pressure != Pressure::Light {
        r.add(
            format!("{path}.pressure"),
            format!("an indirect technique is light, not {}", t.pressure),
        );
    }
}

fn check_technique(
    t: &super::model::Technique,
    i: usize,
    ids: &Ids<'_>,
    zones_near: &HashMap<&str, &[String]>,
    r: &mut Report,
) {
    let path = format!("techniques[{i}]");
    if t.regions.is_empty() {
        r.add(
            format!("{path}.regions"),
            "a technique needs at least one region",
        );
    }
    for (j, region) in t.regions.iter().enumerate() {
        if !ids.regions.contains(region.as_str()) {
            r.add(
                format!("{path}.regions[{j}]"),
                format!("unknown region `{region}`"),
            );
        }
        for zone in zones_near.get(region.as_str()).copied().unwrap_or_default() {
            if !t.near_zones.iter().any(|n| &n.zone == zone) {
                r.add(
                    format!("{path}.near_zones"),
                    format!("works near no-go zone `{zone}` (region `{region}`) but does not say how it avoids it"),
                );
            }
        }
    }
    if t.tools.is_empty() {
        r.add(
            format!("{path}.tools"),
            "a technique needs at least one tool",
        );
    }
    for (j, tool) in t.tools.iter().enumerate() {
        ids.tool(r, format!("{path}.tools[{j}]"), tool);
        if tool == "percussion_device"
            && t.regions
                .iter()
                .any(|g| NO_PERCUSSION.contains(&g.as_str()))
        {
            r.add(
                format!("{path}.tools[{j}]"),
                "no percussion device on the head, jaw, neck or top of the shoulders",
            );
        }
    }
    for (j, n) in t.near_zones.iter().enumerate() {
        ids.zone(r, format!("{path}.near_zones[{j}].zone"), &n.zone);
        if n.how.trim().is_empty() {
            r.add(
                format!("{path}.near_zones[{j}].how"),
                format!("say how the technique keeps off `{}`", n.zone),
            );
        }
    }
    for (field, list) in [
        ("steps", &t.steps),
        ("cues", &t.cues),
        ("stop_if", &t.stop_if),
    ] {
        if list.is_empty() {
            r.add(
                format!("{path}.{field}"),
                format!("`{field}` must not be empty"),
            );
        }
    }
    if t.feels.is_empty() {
        r.add(format!("{path}.feels"), "`feels` must not be empty");
    }
    if t.uses.is_empty() {
        r.add(format!("{path}.uses"), "`uses` must not be empty");
    }
    ids.sources(r, &format!("{path}.sources"), &t.sources);
    check_kind(t, &path, r);
    check_dosage(t, &format!("{path}.dosage"), r);
}

/// A rolling or gliding dose: pass time in range, and a rolling pass of a realistic stroke at
/// the stated pace.
fn check_passes(d: &super::model::Dosage, path: &str, r: &mut Report) {
    let range = if d.method == Method::Roll {
        3..=20
    } else {
        1..=10
    };
    match d.pass_seconds {
        None => r.add(
            format!("{path}.pass_seconds"),
            format!("a {} needs pass_seconds", d.method),
        ),
        Some(p) if !range.contains(&p) => r.add(
            format!("{path}.pass_seconds"),
            format!(
                "{p} s per pass is out of range ({} to {})",
                range.start(),
                range.end()
            ),
        ),
        Some(_) => {}
    }
    if d.method == Method::Roll {
        match d.pace_cm_per_s {
            None => r.add(
                format!("{path}.pace_cm_per_s"),
                "rolling needs a pace in cm per second",
            ),
            Some([lo, hi]) if lo == 0 || lo > hi || hi > 10 => {
                r.add(
                    format!("{path}.pace_cm_per_s"),
                    format!("pace [{lo}, {hi}] cm/s is out of range"),
                );
            }
            Some([lo, hi]) => {
                let p = d.pass_seconds.unwrap_or(0);
                if p * lo < MIN_STROKE_CM || p * hi > MAX_STROKE_CM {
                    r.add(
                        format!("{path}.pass_seconds"),
                        format!(
                            "a {p} s pass at {lo} to {hi} cm/s covers {} to {} cm; a rolling pass covers {MIN_STROKE_CM} to {MAX_STROKE_CM} cm",
                            p * lo,
                            p * hi
                        ),
                    );
                }
            }
        }
    }
}

fn check_dosage(t: &super::model::Technique, path: &str, r: &mut Report) {
    let d = &t.dosage;
    if !(5..=MAX_HOLD).contains(&d.seconds) {
        r.add(
            format!("{path}.seconds"),
            format!("{} s per set is out of range (5 to {MAX_HOLD})", d.seconds),
        );
    }
    if d.min_seconds < 5 || d.min_seconds > d.seconds {
        r.add(
            format!("{path}.min_seconds"),
            format!(
                "min_seconds {} must be between 5 and seconds ({})",
                d.min_seconds, d.seconds
            ),
        );
    }
    if !(1..=5).contains(&d.sets) {
        r.add(
            format!("{path}.sets"),
            format!("{} sets is out of range (1 to 5)", d.sets),
        );
    }
    if d.rest_seconds > 120 {
        r.add(
            format!("{path}.rest_seconds"),
            format!("{} s of rest is out of range (0 to 120)", d.rest_seconds),
        );
    }
    match d.method {
        Method::Roll | Method::Glide => check_passes(d, path, r),
        Method::Hold if d.hold_seconds.is_none() => {
            r.add(format!("{path}.hold_seconds"), "a hold needs hold_seconds");
        }
        Method::Hold => {}
    }
    match d.hold_seconds {
        Some(h) if h > MAX_HOLD => r.add(
            format!("{path}.hold_seconds"),
            format!("a hold of {h} s is longer than 10 minutes"),
        ),
        Some(h) if h < 5 || h > d.seconds => r.add(
            format!("{path}.hold_seconds"),
            format!(
                "hold_seconds {h} must be between 5 and seconds ({})",
                d.seconds
            ),
        ),
        _ => {}
    }
    let shortest = d.time(1, d.min_seconds);
    let full = d.time(d.sets, d.seconds);
    if shortest > MAX_MIN_DOSE {
        r.add(
            format!("{path}.min_seconds"),
            format!("the shortest dose ({shortest} s) must fit in {MAX_MIN_DOSE} s"),
        );
    }
    let [lo, hi] = d.total_seconds;
    if lo > full || hi < full || hi > 3 * MAX_HOLD {
        r.add(
            format!("{path}.total_seconds"),
            format!("total_seconds [{lo}, {hi}] does not match the dosage (shortest {shortest} s, full {full} s, at most {} s)", 3 * MAX_HOLD),
        );
    }
}

/// The SCREENING.md contract: every required item, at least as strict as specified.
fn check_required_items(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
    for req in REQUIRED_ITEMS {
        let Some(&i) = ids.items.get(req.id) else {
            r.add(
                "screening",
                format!("missing required screening item `{}`", req.id),
            );
            continue;
        };
        let it = &kb.screening[i];
        let path = format!("screening[{i}]");
        if it.tier < req.tier {
            r.add(
                format!("{path}.tier"),
                format!(
                    "`{}` has tier {} but must be at least {}",
                    it.id, it.tier, req.tier
                ),
            );
        }
        if req.global && it.effect != Effect::Global {
            r.add(
                format!("{path}.effect"),
                format!("`{}` must have a global effect", it.id),
            );
        }
        if req.first && it.section != Section::Emergency {
            r.add(
                format!("{path}.section"),
                format!(
                    "`{}` is an emergency sign: it is asked first (section emergency)",
                    it.id
                ),
            );
        }
        if let (Some(needed), Section::Area) = (req.asked_for, it.section) {
            let asked: Vec<&str> = it.asked_for.iter().map(String::as_str).collect();
            let have = expand(kb, &asked);
            for region in expand(kb, needed) {
                if !have.contains(&region) {
                    r.add(
                        format!("{path}.asked_for"),
                        format!("`{}` must be asked for `{region}`", it.id),
                    );
                }
            }
        }
    }
}

/// The regions a fired item affects (every region for a global effect).
fn effect_regions(kb: &KbData, it: &ScreeningItem) -> BTreeSet<String> {
    let names = |list: &[String]| expand(kb, &list.iter().map(String::as_str).collect::<Vec<_>>());
    match it.effect {
        Effect::Global => expand(kb, ANY),
        Effect::Listed => names(&it.effect_regions),
        Effect::Region if it.asked_for.is_empty() => expand(kb, ANY),
        Effect::Region => names(&it.asked_for),
    }
}

/// The SCREENING.md caution scopes: on each region named, the item's modification sets together
/// change at least what the contract says.
fn check_required_scopes(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
    for scope in REQUIRED_SCOPES {
        let Some(&i) = ids.items.get(scope.item) else {
            continue;
        };
        let it = &kb.screening[i];
        let affected = effect_regions(kb, it);
        for region in expand(kb, scope.regions) {
            let sets: Vec<_> = it
                .modifications
                .iter()
                .filter(|_| affected.contains(&region))
                .filter(|m| {
                    m.regions.is_empty() || {
                        let named: Vec<&str> = m.regions.iter().map(String::as_str).collect();
                        expand(kb, &named).contains(&region)
                    }
                })
                .collect();
            let mut missing = Vec::new();
            if scope.indirect_only && !sets.iter().any(|m| m.indirect_only) {
                missing.push("indirect only".to_owned());
            }
            if let Some(cap) = scope.max_pressure
                && !sets
                    .iter()
                    .any(|m| m.max_pressure.is_some_and(|p| p <= cap))
            {
                missing.push(format!("{cap} pressure at most"));
            }
            for p in scope.exclude_positions {
                if !sets.iter().any(|m| m.exclude_positions.contains(p)) {
                    missing.push(format!("no {p} position"));
                }
            }
            for z in scope.keep_off {
                if !sets.iter().any(|m| m.keep_off.iter().any(|k| k == z)) {
                    missing.push(format!("keep off {z}"));
                }
            }
            if !missing.is_empty() {
                r.add(
                    format!("screening[{i}].modifications"),
                    format!(
                        "`{}` is weaker than SCREENING.md on `{region}`: missing {}",
                        it.id,
                        missing.join(", ")
                    ),
                );
            }
        }
    }
}

fn check_screening(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
    check_required_items(kb, ids, r);
    check_required_scopes(kb, ids, r);
    let mut seen_section = Section::Emergency;
    for (i, it) in kb.screening.iter().enumerate() {
        let path = format!("screening[{i}]");
        if it.section < seen_section {
            r.add(
                format!("{path}.section"),
                "items must be ordered emergency, then health, then area",
            );
        }
        seen_section = seen_section.max(it.section);
        match it.section {
            Section::Emergency if it.tier != Tier::Emergency => {
                r.add(
                    format!("{path}.tier"),
                    "emergency signs must have the emergency tier",
                );
            }
            Section::Area if it.asked_for.is_empty() => {
                r.add(
                    format!("{path}.asked_for"),
                    "an area item must say which regions it is asked for",
                );
            }
            Section::Emergency | Section::Health if !it.asked_for.is_empty() => {
                r.add(
                    format!("{path}.asked_for"),
                    "only area items take asked_for",
                );
            }
            _ => {}
        }
        if it.per_region && it.section != Section::Area {
            r.add(
                format!("{path}.per_region"),
                "only area items are answered per region",
            );
        }
        ids.region_list(r, &format!("{path}.asked_for"), &it.asked_for, true);
        match (it.effect, it.effect_regions.is_empty()) {
            (Effect::Listed, true) => r.add(
                format!("{path}.effect_regions"),
                "effect `listed` needs effect_regions",
            ),
            (Effect::Global | Effect::Region, false) => {
                r.add(
                    format!("{path}.effect_regions"),
                    "effect_regions only go with effect `listed`",
                );
            }
            _ => ids.region_list(
                r,
                &format!("{path}.effect_regions"),
                &it.effect_regions,
                false,
            ),
        }
        for (j, gate) in it.only_if.iter().enumerate() {
            match ids.items.get(gate.as_str()) {
                Some(&g) if g < i => {}
                Some(_) => r.add(
                    format!("{path}.only_if[{j}]"),
                    format!("`{gate}` must be asked before `{}`", it.id),
                ),
                None => r.add(
                    format!("{path}.only_if[{j}]"),
                    format!("unknown screening item `{gate}`"),
                ),
            }
        }
        match (it.tier, it.modifications.is_empty()) {
            (Tier::Caution, true) => r.add(
                format!("{path}.modifications"),
                "a caution item needs modifications",
            ),
            (Tier::Caution, false) => {}
            (_, false) => r.add(
                format!("{path}.modifications"),
                "only caution items take modifications",
            ),
            _ => {}
        }
        check_modifications(&path, it, ids, r);
        if it.tier == Tier::Emergency && !it.message.contains(PLACEHOLDER) {
            r.add(
                format!("{path}.message"),
                "an emergency message must tell the person to call {emergency}",
            );
        }
        ids.sources(r, &format!("{path}.sources"), &it.sources);
    }
}

/// Region ids named by a region list (regions, groups or `all`), without needing an index.
fn expand(kb: &KbData, list: &[&str]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for &name in list {
        if name == "all" {
            out.extend(kb.regions.iter().map(|r| r.id.clone()));
        } else if let Some(members) = kb.groups.get(name) {
            out.extend(members.iter().cloned());
        } else {
            out.insert(name.to_owned());
        }
    }
    out
}

/// A caution item's modification sets refer to known regions, tools and zones.
fn check_modifications(
    path: &str,
    it: &super::model::ScreeningItem,
    ids: &Ids<'_>,
    r: &mut Report,
) {
    for (j, m) in it.modifications.iter().enumerate() {
        let mp = format!("{path}.modifications[{j}]");
        ids.region_list(r, &format!("{mp}.regions"), &m.regions, false);
        for (k, t) in m.exclude_tools.iter().enumerate() {
            ids.tool(r, format!("{mp}.exclude_tools[{k}]"), t);
            if ALWAYS_OWNED[0] == t {
                r.add(
                    format!("{mp}.exclude_tools[{k}]"),
                    "hands cannot be excluded: they are the gentlest tool",
                );
            }
        }
        for (k, z) in m.keep_off.iter().enumerate() {
            ids.zone(r, format!("{mp}.keep_off[{k}]"), z);
        }
        if m.max_hold_seconds
            .is_some_and(|h| !(5..=MAX_HOLD).contains(&h))
        {
            r.add(
                format!("{mp}.max_hold_seconds"),
                "max_hold_seconds must be between 5 and 600",
            );
        }
    }
}

fn check_combinations(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
    for (items, tier, global) in REQUIRED_COMBINATIONS {
        let found = kb.combinations.iter().any(|c| {
            items.iter().all(|i| c.all.iter().any(|a| a == i))
                && c.tier >= tier
                && (!global || c.effect == Effect::Global)
        });
        if !found {
            r.add(
                "combinations",
                format!(
                    "missing required combination {} -> {tier}",
                    items.join(" + ")
                ),
            );
        }
    }
    for (i, c) in kb.combinations.iter().enumerate() {
        let path = format!("combinations[{i}]");
        if c.all.len() < 2 {
            r.add(
                format!("{path}.all"),
                "a combination needs at least two items",
            );
        }
        for (j, id) in c.all.iter().enumerate() {
            if !ids.items.contains_key(id.as_str()) {
                r.add(
                    format!("{path}.all[{j}]"),
                    format!("unknown screening item `{id}`"),
                );
            }
        }
        if c.effect == Effect::Listed {
            r.add(
                format!("{path}.effect"),
                "a combination's effect is `global` or `region`",
            );
        }
        if matches!(c.tier, Tier::Caution | Tier::None) {
            r.add(
                format!("{path}.tier"),
                "a combination must refer, exclude or escalate",
            );
        }
        ids.sources(r, &format!("{path}.sources"), &c.sources);
    }
}

/// Words that count as a number of passes.
const NUMBER_WORDS: [&str; 20] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "several", "many", "dozen", "once", "twice",
];

/// A `snake_case` id inside a word (`dvt_symptoms`), if any.
fn raw_id(word: &str) -> Option<&str> {
    if word.contains("://") || word.contains("www.") {
        return None;
    }
    word.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .find(|piece| {
            let inner = piece.trim_matches('_');
            inner.contains('_')
                && inner
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

/// Checks text written for people: no raw ids, no pass counts, one discomfort ceiling.
fn check_prose(s: &str, path: &str, r: &mut Report) {
    let words: Vec<&str> = s.split_whitespace().collect();
    if let Some(id) = words.iter().find_map(|w| raw_id(w)) {
        r.add(
            path,
            format!("text for people holds the raw id `{id}`: use plain words"),
        );
    }
    // Lower case, copied only when a word has an upper-case letter.
    let clean: Vec<std::borrow::Cow<'_, str>> = words
        .iter()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if w.chars().any(char::is_uppercase) {
                w.to_lowercase().into()
            } else {
                w.into()
            }
        })
        .collect();
    let counts_passes = clean.iter().enumerate().any(|(i, w)| {
        let numeric = !w.is_empty()
            && (w
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '\u{2013}')
                || NUMBER_WORDS.contains(&w.as_ref()));
        numeric
            && clean[i + 1..]
                .iter()
                .take(2)
                .any(|next| next.starts_with("pass"))
    });
    if counts_passes {
        r.add(
            path,
            "text states a number of passes: the engine computes passes from seconds and pass_seconds",
        );
    }
    let mut figures: Vec<String> = Vec::new();
    for (i, w) in clean.iter().enumerate().skip(1) {
        if w == "out"
            && clean.get(i + 1).is_some_and(|x| x == "of")
            && clean.get(i + 2).is_some_and(|x| x == "10" || x == "ten")
        {
            figures.push(clean[i - 1].to_string());
        }
    }
    let mut rest = s;
    while let Some(at) = rest.find("/10") {
        let before: String = rest[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        if !before.is_empty() {
            figures.push(before.chars().rev().collect());
        }
        rest = &rest[at + 3..];
    }
    if let Some(f) = figures.iter().find(|f| f.as_str() != DISCOMFORT_CEILING) {
        r.add(
            path,
            format!("discomfort figure {f} out of 10: the one ceiling is {DISCOMFORT_CEILING}/10"),
        );
    }
}

/// Every string: not blank where it is prose, no control characters, no unknown placeholders.
///
/// The strings are visited by serialising the data into [`TextWalk`], which keeps one path
/// buffer and copies a path only for a problem: linear in the size of the knowledge base, with no
/// copy of it (a `serde_json::Value` copy once cost more than the rest of the validator).
fn check_text(kb: &KbData, r: &mut Report) {
    let mut walk = TextWalk {
        path: String::new(),
        key: String::new(),
        index: Vec::new(),
        r,
    };
    // The walk itself never fails; a failing `Serialize` impl would be a bug in the model.
    let _ = serde::Serialize::serialize(kb, &mut walk);
}

/// One string of the knowledge base at `path`, inside a member named `key`.
fn check_string(s: &str, path: &str, key: &str, r: &mut Report) {
    if PROSE_KEYS.contains(&key) {
        check_prose(s, path, r);
    }
    if let Some(c) = s.chars().find(|c| c.is_control()) {
        r.add(
            path,
            format!("text holds a control character (U+{:04X})", c as u32),
        );
    }
    if s.trim().is_empty() {
        r.add(path, "text is empty");
    }
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let tail = &rest[open..];
        if !tail.starts_with(PLACEHOLDER) {
            r.add(path, "text holds `{`: the only placeholder is {emergency}");
            break;
        }
        rest = &tail[PLACEHOLDER.len()..];
    }
}

/// A serde serialiser that writes nothing: it calls [`check_string`] on every string (and unit
/// enum variant, which is written as a string) with its JSON path, as `serde_json` would lay the
/// data out.
struct TextWalk<'r> {
    /// The JSON path of the value being serialised.
    path: String,
    /// The name of the innermost member (array elements keep their array's name).
    key: String,
    /// For each open sequence: where its path ends and the next element's index.
    index: Vec<(usize, usize)>,
    r: &'r mut Report,
}

impl TextWalk<'_> {
    fn string(&mut self, s: &str) {
        check_string(s, &self.path, &self.key, self.r);
    }

    /// Serialises the member `key` of the current object.
    fn member<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        let base = self.path.len();
        if base > 0 {
            self.path.push('.');
        }
        self.path.push_str(key);
        let outer = std::mem::replace(&mut self.key, key.to_owned());
        let result = value.serialize(&mut *self);
        self.key = outer;
        self.path.truncate(base);
        result
    }

    fn open_seq(&mut self) {
        self.index.push((self.path.len(), 0));
    }

    fn element<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        use std::fmt::Write as _;
        let Some(&mut (base, ref mut i)) = self.index.last_mut() else {
            return value.serialize(&mut *self);
        };
        let _ = write!(self.path, "[{i}]");
        *i += 1;
        let result = value.serialize(&mut *self);
        self.path.truncate(base);
        result
    }

    fn close_seq(&mut self) {
        self.index.pop();
    }
}

impl<'a, 'r> serde::Serializer for &'a mut TextWalk<'r> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = MapWalk<'a, 'r>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, _: bool) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_char(self, c: char) -> Result<(), Self::Error> {
        self.string(c.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, s: &str) -> Result<(), Self::Error> {
        self.string(s);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_some<T: serde::Serialize + ?Sized>(self, value: &T) -> Result<(), Self::Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Self::Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.member(variant, value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Self::Error> {
        self.open_seq();
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Self::Error> {
        self.open_seq();
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Self::Error> {
        self.open_seq();
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Self::Error> {
        // Written as `{"variant": [..]}`; the elements are placed under the variant's name.
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(variant);
        self.open_seq();
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<MapWalk<'a, 'r>, Self::Error> {
        Ok(MapWalk {
            walk: self,
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Self::Error> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Self::Error> {
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(variant);
        Ok(self)
    }
}

impl serde::ser::SerializeSeq for &mut TextWalk<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_element<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Self::Error> {
        self.close_seq();
        Ok(())
    }
}

impl serde::ser::SerializeTuple for &mut TextWalk<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_element<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Self::Error> {
        self.close_seq();
        Ok(())
    }
}

impl serde::ser::SerializeTupleStruct for &mut TextWalk<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Self::Error> {
        self.close_seq();
        Ok(())
    }
}

impl serde::ser::SerializeTupleVariant for &mut TextWalk<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Self::Error> {
        if let Some((base, _)) = self.index.pop() {
            let cut = self.path[..base].rfind('.').unwrap_or(0);
            self.path.truncate(cut);
        }
        Ok(())
    }
}

impl serde::ser::SerializeStruct for &mut TextWalk<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.member(key, value)
    }
    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

impl serde::ser::SerializeStructVariant for &mut TextWalk<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.member(key, value)
    }
    fn end(self) -> Result<(), Self::Error> {
        let cut = self.path.rfind('.').unwrap_or(0);
        self.path.truncate(cut);
        Ok(())
    }
}

/// A map in [`TextWalk`]: keys are written as JSON strings, so they become member names.
struct MapWalk<'a, 'r> {
    walk: &'a mut TextWalk<'r>,
    key: Option<String>,
}

impl serde::ser::SerializeMap for MapWalk<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_key<T: serde::Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Self::Error> {
        self.key = match serde_json::to_value(key)? {
            Value::String(s) => Some(s),
            other => Some(other.to_string()),
        };
        Ok(())
    }
    fn serialize_value<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Self::Error> {
        let key = self.key.take().unwrap_or_default();
        self.walk.member(&key, value)
    }
    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text check as it was: a `serde_json::Value` copy walked with a path per node.
    fn by_value(kb: &KbData) -> Vec<Problem> {
        fn walk(value: &Value, path: &str, key: &str, r: &mut Report) {
            match value {
                Value::String(s) => check_string(s, path, key, r),
                Value::Array(items) => {
                    for (i, v) in items.iter().enumerate() {
                        walk(v, &format!("{path}[{i}]"), key, r);
                    }
                }
                Value::Object(map) => {
                    for (k, v) in map {
                        let p = if path.is_empty() {
                            k.clone()
                        } else {
                            format!("{path}.{k}")
                        };
                        walk(v, &p, k, r);
                    }
                }
                _ => {}
            }
        }
        let mut r = Report::default();
        walk(&serde_json::to_value(kb).expect("value"), "", "", &mut r);
        r.0
    }

    fn sorted(mut problems: Vec<Problem>) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> =
            problems.drain(..).map(|p| (p.path, p.message)).collect();
        out.sort();
        out
    }

    #[test]
    fn text_walk_finds_what_the_value_walk_found() {
        let mut kb: KbData = serde_json::from_str(crate::kb::EMBEDDED).expect("shipped kb");
        kb.techniques[3].name = "bad\u{7}name {x}".to_owned();
        kb.techniques[5].regions[0] = " ".to_owned();
        kb.regions[2].zones_near.push("zone\u{1b}".to_owned());
        kb.tools[1].name = "use the foam_roller_medium 3 passes".to_owned();
        if let Some(members) = kb.groups.values_mut().next() {
            members.push(String::new());
        }
        let mut r = Report::default();
        check_text(&kb, &mut r);
        let found = sorted(r.0);
        assert!(found.len() >= 5, "{found:?}");
        assert_eq!(found, sorted(by_value(&kb)));
    }
}
