//! The knowledge-base validator: every check of KNOWLEDGE.md and the SCREENING.md contract. This
//! file runs the checks and collects the problems; each kind of check has its own file, and the
//! contract's tables are apart (`contract.rs`).

mod body;
mod contract;
mod lines;
mod prose;
mod required;
mod screening;
mod techniques;
mod text;

use std::collections::{HashMap, HashSet};

pub use contract::{REGION_IDS, REQUIRED_ITEMS, TOOL_IDS};

use crate::kb::model::KbData;
use body::{check_groups, check_regions, check_tools, check_zones};
use lines::check_lines;
use screening::{check_combinations, check_screening};
use techniques::check_techniques;
use text::check_text;

pub use crate::locate::Problem;

/// Collects problems with the paths they belong to.
#[derive(Default)]
pub(super) struct Report(Vec<Problem>);

impl Report {
    pub(super) fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
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
    check_lines(kb, &mut r);
    check_text(kb, &mut r);
    r.0.extend(super::interview_checks::check(kb));
    r.0
}

/// The ids of every collection, after checking they are well formed and unique.
pub(super) struct Ids<'a> {
    pub(super) regions: HashSet<&'a str>,
    pub(super) tools: HashSet<&'a str>,
    pub(super) zones: HashSet<&'a str>,
    pub(super) items: HashMap<&'a str, usize>,
    pub(super) sources: HashSet<&'a str>,
    pub(super) groups: HashSet<&'a str>,
}

impl<'a> Ids<'a> {
    pub(super) fn collect(kb: &'a KbData, r: &mut Report) -> Self {
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

    pub(super) fn region_list(&self, r: &mut Report, path: &str, list: &[String], allow_all: bool) {
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

    pub(super) fn sources(&self, r: &mut Report, path: &str, list: &[String]) {
        if list.is_empty() {
            r.add(path, "no sources: name at least one source id");
        }
        for (i, s) in list.iter().enumerate() {
            if !self.sources.contains(s.as_str()) {
                r.add(format!("{path}[{i}]"), format!("unknown source `{s}`"));
            }
        }
    }

    pub(super) fn tool(&self, r: &mut Report, path: String, id: &str) {
        if !self.tools.contains(id) {
            r.add(path, format!("unknown tool `{id}`"));
        }
    }

    pub(super) fn zone(&self, r: &mut Report, path: String, id: &str) {
        if !self.zones.contains(id) {
            r.add(path, format!("unknown zone `{id}`"));
        }
    }
}
