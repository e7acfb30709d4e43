//! Checks of the screening items, their scopes and modifications, and the combination rules,
//! against the contract.

use std::collections::BTreeSet;

use super::contract::{
    ALWAYS_OWNED, ANY, MAX_HOLD, PLACEHOLDER, REQUIRED_COMBINATIONS, REQUIRED_ITEMS,
    REQUIRED_SCOPES,
};
use super::{Ids, Report};
use crate::kb::model::{Effect, KbData, ScreeningItem, Section, Tier};

/// The SCREENING.md contract: every required item, at least as strict as specified.
pub(super) fn check_required_items(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
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
pub(super) fn effect_regions(kb: &KbData, it: &ScreeningItem) -> BTreeSet<String> {
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
pub(super) fn check_required_scopes(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
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

pub(super) fn check_screening(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
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
            Section::Emergency if it.tier < Tier::Urgent => {
                r.add(
                    format!("{path}.tier"),
                    "the first checklist holds emergency and urgent signs only",
                );
            }
            Section::Area if it.asked_for.is_empty() => {
                r.add(
                    format!("{path}.asked_for"),
                    "an area item must say which regions it is asked for",
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
pub(super) fn expand(kb: &KbData, list: &[&str]) -> BTreeSet<String> {
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
pub(super) fn check_modifications(
    path: &str,
    it: &crate::kb::model::ScreeningItem,
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

pub(super) fn check_combinations(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
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
