//! `fascia history`: the saved sessions, newest first, in text, JSON, CSV or FHIR R4; damaged
//! lines are reported on stderr and skipped, and the file is never changed. `fascia history
//! delete ID` deletes one session and keeps every other line.

use std::io::Write;

use serde::Serialize;

use super::{Failure, HistoryFormat as Format};
use fascia::change::{MEANING_NOTE, Scale, change};
use fascia::history::{Damaged, Record, Store, local_time};
use fascia::kb::KnowledgeBase;
use fascia::report::region_name;
use fascia::sanitize::sanitize;

#[derive(Serialize)]
struct Listing<'a> {
    path: String,
    sessions: &'a [Record],
    damaged: &'a [Damaged],
}

pub fn run(kb: &KnowledgeBase, format: Format, out: &mut dyn Write) -> Result<(), Failure> {
    let store = Store::default_location().map_err(|e| Failure::BadInput(e.to_string()))?;
    listing(&store, kb, format, out)
}

/// Deletes one session by its id; an id that is not there is bad input (exit 2).
pub fn delete(id: &str, out: &mut dyn Write) -> Result<(), Failure> {
    let store = Store::default_location().map_err(|e| Failure::BadInput(e.to_string()))?;
    let gone = store
        .delete(id)
        .map_err(|e| Failure::BadInput(e.to_string()))?;
    if gone == 0 {
        return Err(Failure::BadInput(format!(
            "no saved session has the id `{id}` in {} (the ids are in `fascia history`)",
            store.path().display()
        )));
    }
    writeln!(out, "Deleted session {id} from {}.", store.path().display())?;
    Ok(())
}

/// The listing, written in large blocks: one write per line is slow for thousands of sessions.
fn listing(
    store: &Store,
    kb: &KnowledgeBase,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    list(store, kb, format, &mut out)?;
    out.flush()?;
    Ok(())
}

fn list(
    store: &Store,
    kb: &KnowledgeBase,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let loaded = store
        .load_newest_first()
        .map_err(|e| Failure::BadInput(e.to_string()))?;
    for d in &loaded.damaged {
        let message = format!(
            "{}: line {} is damaged and was skipped (it is kept in the file): {}",
            store.path().display(),
            d.line,
            d.error
        );
        let _ = writeln!(std::io::stderr(), "fascia: {}", sanitize(&message));
    }
    match format {
        Format::Json => {
            let listing = Listing {
                path: store.path().display().to_string(),
                sessions: &loaded.records,
                damaged: &loaded.damaged,
            };
            serde_json::to_writer_pretty(&mut *out, &listing)?;
            writeln!(out)?;
            return Ok(());
        }
        Format::Csv => {
            write!(out, "{}", fascia::csv::history(kb, &loaded.records))?;
            return Ok(());
        }
        Format::Fhir => {
            let bundle = fascia::fhir::observations(kb, &loaded.records);
            serde_json::to_writer_pretty(&mut *out, &bundle)?;
            writeln!(out)?;
            return Ok(());
        }
        Format::Text => {}
    }
    if loaded.records.is_empty() {
        writeln!(out, "No sessions saved yet ({}).", store.path().display())?;
        return Ok(());
    }
    writeln!(
        out,
        "{} sessions in {}, newest first\n",
        loaded.records.len(),
        store.path().display()
    )?;
    for r in &loaded.records {
        text_record(out, kb, r)?;
    }
    writeln!(
        out,
        "{MEANING_NOTE}\nDelete one session with `fascia history delete ID`."
    )?;
    Ok(())
}

/// One session: when, how it ended, the steps done and skipped, and each area's change in words.
fn text_record(out: &mut dyn Write, kb: &KnowledgeBase, r: &Record) -> std::io::Result<()> {
    writeln!(
        out,
        "{}  {}, {}  (id {})",
        local_time(&r.at),
        r.status().words(),
        r.steps_words(),
        r.key()
    )?;
    for x in &r.ratings {
        let name = region_name(kb, &x.region);
        match x.after {
            None => writeln!(
                out,
                "  {name}: before: pain {}, moves freely {}; not rated after",
                x.before.pain, x.before.ease
            )?,
            Some(a) => writeln!(
                out,
                "  {name}: {}; {}",
                change(Scale::Pain, x.before.pain, a.pain).words(),
                change(Scale::Ease, x.before.ease, a.ease).words()
            )?,
        }
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts the writes that reach it.
    struct Counting {
        writes: usize,
        bytes: Vec<u8>,
    }

    impl Write for Counting {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.writes += 1;
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn json_listing_is_written_in_large_blocks() {
        let dir = tempfile::tempdir().expect("tempdir");
        let line = r#"{"v":1,"at":"2026-11-21T10:00:00Z","regions":["calves"],"routine":[{"region":"calves","technique":"t","tool":"hands","seconds":60}],"ratings":[],"completed":true,"steps_done":1}"#;
        let text = format!("{line}\n").repeat(2_000);
        std::fs::write(dir.path().join("history.jsonl"), text).expect("write");
        let store = Store::in_dir(dir.path());
        let kb = KnowledgeBase::embedded().expect("kb");
        let mut sink = Counting {
            writes: 0,
            bytes: Vec::new(),
        };
        listing(&store, &kb, Format::Json, &mut sink).expect("listing");
        let listed: serde_json::Value = serde_json::from_slice(&sink.bytes).expect("json");
        assert_eq!(listed["sessions"].as_array().map(Vec::len), Some(2_000));
        // About a megabyte in 64 KB blocks, not one write per line (some 40,000 lines).
        assert!(sink.writes < 100, "{} writes", sink.writes);
    }
}
