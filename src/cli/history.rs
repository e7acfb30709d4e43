//! `fascia history`: the saved sessions, in text or JSON. Damaged lines are reported on stderr
//! and skipped; the file is never changed.

use std::io::Write;

use serde::Serialize;

use super::{Failure, Format};
use fascia::history::{Damaged, Record, Store, local_time};
use fascia::kb::KnowledgeBase;
use fascia::report::region_name;

#[derive(Serialize)]
struct Listing<'a> {
    path: String,
    sessions: &'a [Record],
    damaged: &'a [Damaged],
}

pub fn run(kb: &KnowledgeBase, format: Format, out: &mut dyn Write) -> Result<(), Failure> {
    let store = Store::default_location().map_err(|e| Failure::BadInput(e.to_string()))?;
    let loaded = store.load().map_err(|e| Failure::BadInput(e.to_string()))?;
    for d in &loaded.damaged {
        eprintln!(
            "fascia: {}: line {} is damaged and was skipped (it is kept in the file): {}",
            store.path().display(),
            d.line,
            d.error
        );
    }
    if format == Format::Json {
        let listing = Listing {
            path: store.path().display().to_string(),
            sessions: &loaded.records,
            damaged: &loaded.damaged,
        };
        serde_json::to_writer_pretty(&mut *out, &listing)?;
        writeln!(out)?;
        return Ok(());
    }
    if loaded.records.is_empty() {
        writeln!(out, "No sessions saved yet ({}).", store.path().display())?;
        return Ok(());
    }
    writeln!(
        out,
        "{} sessions in {}\n",
        loaded.records.len(),
        store.path().display()
    )?;
    for r in &loaded.records {
        let status = if r.completed {
            "completed"
        } else {
            "ended early"
        };
        writeln!(
            out,
            "{}  {status}, {} steps",
            local_time(&r.at),
            r.steps_done
        )?;
        for x in &r.ratings {
            let after = x.after.map_or_else(
                || "not rated".to_owned(),
                |a| format!("pain {}, moves freely {}", a.pain, a.ease),
            );
            writeln!(
                out,
                "  {:<28} before: pain {}, moves freely {}  after: {after}",
                region_name(kb, &x.region),
                x.before.pain,
                x.before.ease
            )?;
        }
    }
    Ok(())
}
