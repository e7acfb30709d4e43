//! The knowledge base: loading (with located errors), validation and fast lookups.

mod interview_checks;
mod model;
mod validate;

use std::collections::HashMap;

pub use interview_checks::{ASKED_EVERY_TIME, MAX_RECHECK_MONTHS};
pub use model::*;
pub use validate::{Problem, REGION_IDS, REQUIRED_ITEMS, TOOL_IDS};

pub use crate::locate::Located;

/// The knowledge base shipped inside the binary.
pub const EMBEDDED: &str = include_str!("../../data/knowledge.json");

/// How errors name the built-in knowledge base.
const EMBEDDED_NAME: &str = "(built-in knowledge base)";

/// A loaded, validated knowledge base with its lookup tables.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    data: KbData,
    regions: HashMap<String, usize>,
    tools: HashMap<String, usize>,
    zones: HashMap<String, usize>,
    items: HashMap<String, usize>,
    techniques: HashMap<String, usize>,
    sources: HashMap<String, usize>,
    by_region: HashMap<String, Vec<usize>>,
}

/// Why a knowledge base could not be used. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read the knowledge base {file}: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("the knowledge base {file} is not valid JSON: {problem}")]
    Parse { file: String, problem: Located },
    #[error("the knowledge base {file} has {} problem{}:\n  {}", thousands(problems.len()),
        if problems.len() == 1 { "" } else { "s" },
        list_problems(problems, "", "\n  "))]
    Invalid {
        file: String,
        problems: Vec<Located>,
    },
}

/// Parses JSON text strictly into `T` (see [`crate::json::parse`]).
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Located> {
    crate::json::parse(text)
}

/// How many problems an error message lists; the rest are counted.
pub const MAX_LISTED: usize = 20;

/// The problems one a line (`prefix` before each), at most [`MAX_LISTED`] of them, then
/// "… and 3,998 more".
pub fn list_problems(problems: &[Located], prefix: &str, separator: &str) -> String {
    let mut lines: Vec<String> = problems
        .iter()
        .take(MAX_LISTED)
        .map(|p| format!("{prefix}{p}"))
        .collect();
    if problems.len() > MAX_LISTED {
        lines.push(format!(
            "{prefix}… and {} more",
            thousands(problems.len() - MAX_LISTED)
        ));
    }
    lines.join(separator)
}

/// `3998` as `3,998`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl KnowledgeBase {
    /// The knowledge base built into the binary, as used at start-up: one plain `serde_json`
    /// parse and the lookup tables, no validation. It never changes after the build and
    /// `tests/kb.rs` runs the validator on it ([`Self::embedded_checked`]), so checking it again
    /// on every start (61 % of the start-up instructions once) would find nothing. Should it ever
    /// not parse, the located-error path says where.
    pub fn embedded() -> Result<Self, LoadError> {
        match serde_json::from_str::<KbData>(EMBEDDED) {
            Ok(data) => Ok(Self::index(data)),
            Err(_) => Self::from_text(EMBEDDED, EMBEDDED_NAME),
        }
    }

    /// A knowledge base with nothing in it: what the app's first frame is drawn with while the
    /// built-in one is parsed (the welcome screen reads nothing from it).
    pub fn empty() -> Self {
        Self::index(KbData::default())
    }

    /// The built-in knowledge base parsed strictly and validated in full, as a file from outside
    /// would be (`kb check`, and the test that guards the shipped data).
    pub fn embedded_checked() -> Result<Self, LoadError> {
        Self::from_text(EMBEDDED, EMBEDDED_NAME)
    }

    /// Reads and validates the knowledge base at `path`.
    pub fn from_path(path: &std::path::Path) -> Result<Self, LoadError> {
        let file = path.display().to_string();
        let text = crate::json::read(path).map_err(|e| match e {
            crate::json::ReadError::Io(source) => LoadError::Read {
                file: file.clone(),
                source,
            },
            crate::json::ReadError::Text(problem) => LoadError::Parse {
                file: file.clone(),
                problem,
            },
        })?;
        Self::from_text(&text, &file)
    }

    /// Parses and validates `text`; `file` names it in errors.
    pub fn from_text(text: &str, file: &str) -> Result<Self, LoadError> {
        let data: KbData = parse_json(text).map_err(|problem| LoadError::Parse {
            file: file.to_owned(),
            problem,
        })?;
        let problems = validate::validate(&data);
        if !problems.is_empty() {
            let problems = Located::all(text, problems);
            return Err(LoadError::Invalid {
                file: file.to_owned(),
                problems,
            });
        }
        Ok(Self::index(data))
    }

    /// Builds the lookup tables. Expects validated data.
    pub fn index(data: KbData) -> Self {
        fn positions<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
            items
                .iter()
                .enumerate()
                .map(|(i, x)| (id(x).to_owned(), i))
                .collect()
        }
        let mut by_region: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in data.techniques.iter().enumerate() {
            for r in &t.regions {
                by_region.entry(r.clone()).or_default().push(i);
            }
        }
        Self {
            regions: positions(&data.regions, |r| &r.id),
            tools: positions(&data.tools, |t| &t.id),
            zones: positions(&data.zones, |z| &z.id),
            items: positions(&data.screening, |s| &s.id),
            techniques: positions(&data.techniques, |t| &t.id),
            sources: positions(&data.sources, |s| &s.id),
            by_region,
            data,
        }
    }

    /// The underlying data.
    pub fn data(&self) -> &KbData {
        &self.data
    }

    /// Regions in body-map order.
    pub fn regions(&self) -> &[Region] {
        &self.data.regions
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.get(id).map(|&i| &self.data.regions[i])
    }

    /// Position of a region in the KB (the canonical order of regions).
    pub fn region_order(&self, id: &str) -> usize {
        self.regions.get(id).copied().unwrap_or(usize::MAX)
    }

    pub fn tools(&self) -> &[Tool] {
        &self.data.tools
    }

    pub fn tool(&self, id: &str) -> Option<&Tool> {
        self.tools.get(id).map(|&i| &self.data.tools[i])
    }

    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.get(id).map(|&i| &self.data.zones[i])
    }

    pub fn item(&self, id: &str) -> Option<&ScreeningItem> {
        self.items.get(id).map(|&i| &self.data.screening[i])
    }

    pub fn items(&self) -> &[ScreeningItem] {
        &self.data.screening
    }

    /// The interview's checklist screens, in order.
    pub fn gates(&self) -> &[Gate] {
        &self.data.gates
    }

    pub fn gate(&self, id: &str) -> Option<&Gate> {
        self.data.gates.iter().find(|g| g.id == id)
    }

    pub fn combinations(&self) -> &[Combination] {
        &self.data.combinations
    }

    pub fn techniques(&self) -> &[Technique] {
        &self.data.techniques
    }

    pub fn technique(&self, id: &str) -> Option<&Technique> {
        self.techniques.get(id).map(|&i| &self.data.techniques[i])
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id).map(|&i| &self.data.sources[i])
    }

    /// The techniques that work on `region`, in KB order.
    pub fn techniques_for(&self, region: &str) -> impl Iterator<Item = &Technique> {
        self.by_region
            .get(region)
            .into_iter()
            .flatten()
            .map(|&i| &self.data.techniques[i])
    }

    /// The tools that can do technique `t` in place of `wanted` (one of `t.tools`): same form,
    /// never firmer, and `t`'s position and method inside the stand-in's limits. KB order.
    ///
    /// This is the one place of the stand-in rule; `kb check` makes sure every `stands_in_for`
    /// entry is of the same form and never firmer, so the checks here only guard hand-made data.
    pub fn stand_ins<'a>(&'a self, t: &Technique, wanted: &str) -> Vec<(&'a Tool, &'a StandIn)> {
        let Some(target) = self.tool(wanted) else {
            return Vec::new();
        };
        self.data
            .tools
            .iter()
            .filter(|tool| tool.id != target.id)
            .filter(|tool| tool.form == target.form && tool.firmness <= target.firmness)
            .filter_map(|tool| {
                tool.stands_in_for
                    .iter()
                    .find(|s| {
                        s.tool == target.id
                            && s.positions.contains(&t.position)
                            && s.methods.contains(&t.dosage.method)
                    })
                    .map(|s| (tool, s))
            })
            .collect()
    }

    /// Expands a region list (region ids, group ids, or `all`) to region ids in KB order.
    pub fn expand<'a>(&'a self, list: &'a [String]) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for name in list {
            if name == "all" {
                return self.data.regions.iter().map(|r| r.id.as_str()).collect();
            }
            if let Some(members) = self.data.groups.get(name) {
                out.extend(members.iter().map(String::as_str));
            } else {
                out.push(name);
            }
        }
        out.sort_by_key(|id| self.region_order(id));
        out.dedup();
        out
    }
}
