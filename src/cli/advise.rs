//! `fascia advise`: reads an answers file, runs the engine, prints text, JSON, Markdown or FHIR.

use std::io::Write;
use std::path::Path;

use super::{AdviseFormat, Failure};
use fascia::engine::{Answers, Outcome, advise};
use fascia::json::ReadError;
use fascia::kb::{KnowledgeBase, list_problems};
use fascia::report;

/// The options of `fascia advise`.
pub struct Request<'a> {
    pub path: &'a Path,
    pub format: AdviseFormat,
    pub emergency: &'a str,
    /// The date on the hand-off and the answers.
    pub date: jiff::civil::Date,
}

/// Prints the advice and says what the outcome was (for naming a file).
pub fn run(kb: &KnowledgeBase, req: &Request<'_>, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let file = req.path.display();
    let text = fascia::json::read(req.path).map_err(|e| match e {
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
    let advice = advise(kb, &answers, req.emergency);
    match req.format {
        AdviseFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report::json(&advice))?;
            writeln!(out)?;
        }
        AdviseFormat::Text => write!(out, "{}", report::text(kb, &advice))?,
        AdviseFormat::Markdown => write!(
            out,
            "{}",
            report::markdown_on(kb, &answers, &advice, req.date)
        )?,
        AdviseFormat::Fhir => {
            let response = fascia::fhir::questionnaire_response(
                kb,
                &answers,
                advice.screening.stopped_early,
                Some(req.date.to_string()),
            );
            serde_json::to_writer_pretty(&mut *out, &response)?;
            writeln!(out)?;
        }
    }
    Ok(advice.screening.outcome)
}

/// The name of the file `--output FOLDER` writes: what it is and the date.
pub fn file_name(format: AdviseFormat, outcome: Outcome, date: jiff::civil::Date) -> String {
    match format {
        AdviseFormat::Markdown => report::hand_off_file_name(outcome, date),
        AdviseFormat::Text => report::hand_off_file_name(outcome, date).replace(".md", ".txt"),
        AdviseFormat::Json => format!("fascia-advice-{date}.json"),
        AdviseFormat::Fhir => format!("fascia-answers-{date}.fhir.json"),
    }
}
