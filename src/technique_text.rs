//! A technique as people read it in the library: its dose in words, its sections in full (the
//! app's browse screen, `fascia browse` and plain mode), and its one-line summary.

use std::fmt::Write;

use crate::kb::{KnowledgeBase, Method};
use crate::words::{duration_range, position, region_name, tool_name};

/// A dosage in words, e.g. "2 sets of 60 s on each side, 30 s rest between sets; passes of about
/// 3 s, 2-3 cm a second".
pub fn dosage_words(d: &crate::kb::Dosage) -> String {
    let side = if d.per_side { " on each side" } else { "" };
    let mut out = if d.sets == 1 {
        format!("1 set of {} s{side}", d.seconds)
    } else {
        format!(
            "{} sets of {} s{side}, {} s rest between sets",
            d.sets, d.seconds, d.rest_seconds
        )
    };
    match d.method {
        Method::Roll | Method::Glide => {
            if let Some(p) = d.pass_seconds {
                let _ = write!(out, "; slow passes of about {p} s");
            }
            if let Some([lo, hi]) = d.pace_cm_per_s {
                let _ = write!(out, ", {lo}-{hi} cm a second");
            }
        }
        Method::Hold => {
            if let Some(h) = d.hold_seconds {
                let _ = write!(out, "; hold each tender spot about {h} s");
            }
        }
    }
    let [lo, hi] = d.total_seconds;
    let _ = write!(
        out,
        " ({} in all; at least {} s a set)",
        duration_range(lo, hi),
        d.min_seconds
    );
    out
}

/// A technique in full, as titled sections of plain lines: the same words in the app's browse
/// screen and in `fascia browse`. `emergency` replaces `{emergency}`.
pub fn technique_sections(
    kb: &KnowledgeBase,
    t: &crate::kb::Technique,
    emergency: &str,
) -> Vec<(&'static str, Vec<String>)> {
    let fill = |lines: &[String]| {
        lines
            .iter()
            .map(|l| crate::engine::fill(l, emergency))
            .collect::<Vec<_>>()
    };
    let regions: Vec<&str> = t.regions.iter().map(|r| region_name(kb, r)).collect();
    let kind = match t.kind {
        crate::kb::Kind::Direct => {
            "direct: firm, steady pressure on a tender spot until it eases, or slow rolling"
        }
        crate::kb::Kind::Indirect => {
            "indirect: light pressure or gentle gliding until the tension eases"
        }
    };
    let tools = tool_lines(kb, t);
    let sources = t
        .sources
        .iter()
        .filter_map(|s| kb.source(s))
        .map(|s| match &s.url {
            Some(url) => format!("{} {url}", s.citation),
            None => s.citation.clone(),
        });
    let related = t
        .regions
        .iter()
        .filter_map(|r| kb.region(r))
        .flat_map(|r| r.related.iter())
        .map(|rel| format!("{}: {}", region_name(kb, &rel.region), rel.why));
    vec![
        (
            "About",
            vec![t.summary.clone(), format!("Areas: {}", regions.join(", "))],
        ),
        (
            "Kind",
            vec![
                kind.to_owned(),
                format!("{} pressure, {}", t.pressure, position(t.position)),
            ],
        ),
        ("Tools, in order of preference", tools),
        (
            "Steps",
            fill(&t.steps)
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{}. {s}", i + 1))
                .collect(),
        ),
        ("Dose", vec![dosage_words(&t.dosage)]),
        ("Cues", fill(&t.cues)),
        ("What to expect", fill(std::slice::from_ref(&t.expect))),
        (
            "Keeps off",
            t.near_zones
                .iter()
                .map(|z| {
                    format!(
                        "{}: {}",
                        kb.zone(&z.zone)
                            .map_or(z.zone.as_str(), |x| x.name.as_str()),
                        z.how
                    )
                })
                .collect(),
        ),
        ("Stop if", fill(&t.stop_if)),
        (
            "Evidence",
            vec![format!("{}: {}", t.evidence.grade, t.evidence.note)],
        ),
        ("Sources", sources.collect()),
        ("Related areas", related.collect()),
    ]
}

/// Each tool a technique names, with the tools that may stand in for it in this technique.
fn tool_lines(kb: &KnowledgeBase, t: &crate::kb::Technique) -> Vec<String> {
    t.tools
        .iter()
        .map(|id| {
            let stand_ins: Vec<String> = kb
                .stand_ins(t, id)
                .into_iter()
                .map(|(other, s)| format!("{} ({})", other.name, s.change))
                .collect();
            if stand_ins.is_empty() {
                tool_name(kb, id).to_owned()
            } else {
                format!("{}; instead: {}", tool_name(kb, id), stand_ins.join("; "))
            }
        })
        .collect()
}

/// A technique in one line: name, kind, pressure, tools and time.
pub fn technique_line(kb: &KnowledgeBase, t: &crate::kb::Technique) -> String {
    let tools: Vec<&str> = t.tools.iter().map(|id| tool_name(kb, id)).collect();
    let [lo, hi] = t.dosage.total_seconds;
    format!(
        "{} · {} · {} pressure · {} · {}",
        t.name,
        t.kind,
        t.pressure,
        tools.join(", "),
        duration_range(lo, hi)
    )
}
