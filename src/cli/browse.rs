//! `fascia browse`: the technique library for scripts and for printing, in text or JSON.

use std::io::Write;

use serde::Serialize;

use super::{Failure, Format};
use fascia::browse::{Filter, search_techniques, techniques};
use fascia::kb::{Kind, KnowledgeBase, Region, Technique};
use fascia::report::{region_name, technique_line, technique_sections};

/// The options of `fascia browse`.
pub struct Request<'a> {
    pub target: Option<&'a str>,
    pub tool: Option<&'a str>,
    pub kind: Option<Kind>,
    pub search: Option<&'a str>,
    pub format: Format,
    pub emergency: &'a str,
}

#[derive(Serialize)]
struct Listing<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    regions: Vec<&'a Region>,
    techniques: Vec<&'a Technique>,
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> String {
    items.iter().map(id).collect::<Vec<_>>().join(", ")
}

pub fn run(kb: &KnowledgeBase, req: &Request<'_>, out: &mut dyn Write) -> Result<(), Failure> {
    if let Some(tool) = req.tool.filter(|t| kb.tool(t).is_none()) {
        return Err(Failure::BadInput(format!(
            "unknown tool `{tool}`. Valid tools: {}",
            ids(kb.tools(), |t| &t.id)
        )));
    }
    // One technique in full.
    if let Some(t) = req.target.and_then(|id| kb.technique(id)) {
        return print(
            kb,
            &Listing {
                regions: Vec::new(),
                techniques: vec![t],
            },
            true,
            req,
            out,
        );
    }
    let region = match req.target {
        Some(id) => Some(kb.region(id).ok_or_else(|| {
            Failure::BadInput(format!(
                "unknown region or technique `{id}`. Valid regions: {}",
                ids(kb.regions(), |r| &r.id)
            ))
        })?),
        None => None,
    };
    let filter = Filter {
        region: region.map(|r| r.id.clone()),
        tool: req.tool.map(str::to_owned),
        kind: req.kind,
    };
    let found = match req.search {
        Some(q) => search_techniques(kb, q, &filter),
        None => techniques(kb, &filter),
    };
    print(
        kb,
        &Listing {
            regions: region.into_iter().collect(),
            techniques: found,
        },
        false,
        req,
        out,
    )
}

fn print(
    kb: &KnowledgeBase,
    listing: &Listing<'_>,
    full: bool,
    req: &Request<'_>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if req.format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, listing)?;
        writeln!(out)?;
        return Ok(());
    }
    for r in &listing.regions {
        writeln!(out, "{}: {}", r.name, r.location)?;
        let muscles: Vec<String> = r
            .muscles
            .iter()
            .map(|m| format!("{} ({})", m.name, m.anatomical))
            .collect();
        writeln!(out, "Muscles: {}\n", muscles.join(", "))?;
    }
    if listing.techniques.is_empty() {
        writeln!(out, "No technique matches. Try fewer filters.")?;
    }
    let mut last_region = None;
    for t in &listing.techniques {
        if full {
            writeln!(out, "{}\n", t.name)?;
            for (title, lines) in technique_sections(kb, t, req.emergency) {
                if lines.is_empty() {
                    continue;
                }
                writeln!(out, "{title}")?;
                for line in lines {
                    writeln!(out, "  {line}")?;
                }
                writeln!(out)?;
            }
            writeln!(out, "{}", fascia::report::DISCLAIMER)?;
            continue;
        }
        let region = t.regions.first().map(String::as_str);
        if listing.regions.is_empty() && region != last_region {
            writeln!(out, "{}", region.map_or("", |r| region_name(kb, r)))?;
            last_region = region;
        }
        writeln!(out, "  {:<36} {}", t.id, technique_line(kb, t))?;
    }
    if !full && !listing.techniques.is_empty() {
        writeln!(
            out,
            "\nShow one in full: fascia browse <technique id>. Browsing skips the safety check: run `fascia` first."
        )?;
    }
    Ok(())
}
