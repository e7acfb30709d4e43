//! `fascia advise`: reads an answers file, runs the engine, prints text, JSON or Markdown.

use std::io::Write;
use std::path::Path;

use super::{AdviseFormat, Failure};
use fascia::engine::{Answers, advise};
use fascia::json::ReadError;
use fascia::kb::{KnowledgeBase, list_problems};
use fascia::report;

pub fn run(
    kb: &KnowledgeBase,
    path: &Path,
    format: AdviseFormat,
    emergency: &str,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let file = path.display();
    let text = fascia::json::read(path).map_err(|e| match e {
        ReadError::Io(e) => Failure::BadInput(format!("cannot read the answers file {file}: {e}")),
        ReadError::Text(p) => Failure::BadInput(format!("the answers file {file}: {p}")),
    })?;
    let answers = Answers::parse(&text, kb).map_err(|e| {
        Failure::BadInput(list_problems(
            &e.problems,
            &format!("the answers file {file}: "),
            "\n",
        ))
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
