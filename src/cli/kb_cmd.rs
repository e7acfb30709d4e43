//! `fascia kb check` and `fascia kb stats`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{Failure, Format};
use fascia::kb::{Kind, KnowledgeBase};

/// Validates the knowledge base at `path` (or the built-in one) and reports the result.
pub fn check(path: Option<&Path>, out: &mut dyn Write) -> Result<(), Failure> {
    let kb = match path {
        Some(p) => KnowledgeBase::from_path(p)?,
        None => KnowledgeBase::embedded_checked()?,
    };
    let name = path.map_or_else(
        || "the built-in knowledge base".to_owned(),
        |p| p.display().to_string(),
    );
    let s = Stats::of(&kb);
    writeln!(
        out,
        "{name}: no problems ({} regions, {} tools, {} techniques, {} screening items, {} sources)",
        s.regions, s.tools, s.techniques, s.screening_items, s.sources
    )?;
    Ok(())
}

#[derive(Serialize)]
struct PerRegion {
    direct: usize,
    indirect: usize,
}

#[derive(Serialize)]
struct Stats {
    regions: usize,
    tools: usize,
    techniques: usize,
    screening_items: usize,
    sources: usize,
    zones: usize,
    combinations: usize,
    per_region: BTreeMap<String, PerRegion>,
}

impl Stats {
    fn of(kb: &KnowledgeBase) -> Self {
        let per_region = kb
            .regions()
            .iter()
            .map(|r| {
                let count = |k: Kind| kb.techniques_for(&r.id).filter(|t| t.kind == k).count();
                (
                    r.id.clone(),
                    PerRegion {
                        direct: count(Kind::Direct),
                        indirect: count(Kind::Indirect),
                    },
                )
            })
            .collect();
        let d = kb.data();
        Stats {
            regions: d.regions.len(),
            tools: d.tools.len(),
            techniques: d.techniques.len(),
            screening_items: d.screening.len(),
            sources: d.sources.len(),
            zones: d.zones.len(),
            combinations: d.combinations.len(),
            per_region,
        }
    }
}

/// Prints the counts of what the knowledge base holds, and with `questions` every question of
/// the check whole.
pub fn stats(
    kb: &KnowledgeBase,
    format: Format,
    questions: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let s = Stats::of(kb);
    match format {
        Format::Json if questions => {
            #[derive(Serialize)]
            struct WithQuestions {
                #[serde(flatten)]
                stats: Stats,
                questions: Vec<super::questions::Asked>,
            }
            let all = WithQuestions {
                stats: s,
                questions: super::questions::list(kb),
            };
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &s)?;
            writeln!(out)?;
        }
        Format::Text => {
            writeln!(out, "regions          {}", s.regions)?;
            writeln!(out, "tools            {}", s.tools)?;
            writeln!(out, "techniques       {}", s.techniques)?;
            writeln!(out, "screening items  {}", s.screening_items)?;
            writeln!(out, "combinations     {}", s.combinations)?;
            writeln!(out, "no-go zones      {}", s.zones)?;
            writeln!(out, "sources          {}", s.sources)?;
            writeln!(out)?;
            writeln!(out, "{:<14} {:>6} {:>8}", "region", "direct", "indirect")?;
            for r in kb.regions() {
                let p = &s.per_region[&r.id];
                writeln!(out, "{:<14} {:>6} {:>8}", r.id, p.direct, p.indirect)?;
            }
            if questions {
                super::questions::print(kb, out)?;
            }
        }
    }
    Ok(())
}
