//! `fascia history`: the saved sessions, in text or JSON. Damaged lines are reported on stderr
//! and skipped; the file is never changed.

use std::io::Write;

use serde::Serialize;

use super::{Failure, Format};
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
    let loaded = store.load().map_err(|e| Failure::BadInput(e.to_string()))?;
    for d in &loaded.damaged {
        let message = format!(
            "{}: line {} is damaged and was skipped (it is kept in the file): {}",
            store.path().display(),
            d.line,
            d.error
        );
        let _ = writeln!(std::io::stderr(), "fascia: {}", sanitize(&message));
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
