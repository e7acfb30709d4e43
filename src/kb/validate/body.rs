//! Checks of the body map, the region groups, the tools (and their stand-ins) and the zones.

use super::contract::{ALWAYS_OWNED, GROUPS, REGION_IDS, TOOL_IDS, TOOL_WORDS};
use super::{Ids, Report};
use crate::kb::model::{KbData, Tool};

pub(super) fn check_groups(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
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

pub(super) fn check_regions(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
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

pub(super) fn check_tools(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
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
pub(super) fn check_stand_in(tool: &Tool, target: &Tool, path: &str, r: &mut Report) {
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

pub(super) fn check_zones(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
    for (i, zone) in kb.zones.iter().enumerate() {
        ids.sources(r, &format!("zones[{i}].sources"), &zone.sources);
    }
}
