//! Checks of the techniques: their form, kind, tools, positions and dosage, within the limits
//! below.

use std::collections::{HashMap, HashSet};

use super::contract::{
    MAX_HOLD, MAX_MIN_DOSE, MAX_STROKE_CM, MIN_STROKE_CM, NO_PERCUSSION, NO_ROLLER_ACROSS,
    SPINE_REGIONS,
};
use super::{Ids, Report};
use crate::kb::model::{Form, KbData, Kind, Method, Pressure, Technique, Tool};

pub(super) fn check_techniques(kb: &KbData, ids: &Ids<'_>, r: &mut Report) {
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
pub(super) fn check_form(t: &Technique, i: usize, tools: &HashMap<&str, &Tool>, r: &mut Report) {
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
pub(super) fn check_kind(t: &Technique, path: &str, r: &mut Report) {
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

pub(super) fn check_technique(
    t: &crate::kb::model::Technique,
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
pub(super) fn check_passes(d: &crate::kb::model::Dosage, path: &str, r: &mut Report) {
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

pub(super) fn check_dosage(t: &crate::kb::model::Technique, path: &str, r: &mut Report) {
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
