//! `fascia advise`: reads an answers file, runs the engine, prints text, JSON or Markdown.

use std::io::Write;
use std::path::Path;

use super::{AdviseFormat, Failure};
use fascia::engine::{Answers, advise};
use fascia::kb::KnowledgeBase;
use fascia::report;

pub fn run(
    kb: &KnowledgeBase,
    path: &Path,
    format: AdviseFormat,
    emergency: &str,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let file = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::BadInput(format!("cannot read the answers file {file}: {e}")))?;
    let answers = Answers::parse(&text, kb).map_err(|e| {
        let lines: Vec<String> = e
            .problems
            .iter()
            .map(|p| format!("the answers file {file}: {p}"))
            .collect();
        Failure::BadInput(lines.join("\n"))
    })?;
    let advice = advise(kb, &answers, emergency);
    match format {
        AdviseFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report::json(&advice))?;
            writeln!(out)?;
        }
        AdviseFormat::Text => write!(out, "{}", report::text(kb, &advice))?,
        AdviseFormat::Markdown => write!(out, "{}", report::markdown(kb, &answers, &advice))?,
    }
    Ok(())
}
