//! Plain mode's history (the sessions, newest first, with what each change means) and the
//! hand-off (the Markdown file for a doctor or physio, dated and named for what it is).

use std::io::{BufRead, Write};

use super::{Plain, PlainError};
use crate::change::MEANING_NOTE;
use crate::history::local_time;
use crate::report::{hand_off_stem, markdown_on};

/// How many sessions plain mode reads out; `fascia history` lists them all.
const SHOWN: usize = 20;

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// The sessions, newest first (the order of `fascia history`).
    pub(crate) fn history(&mut self) -> Result<(), PlainError> {
        self.say("")?;
        self.say("Your past sessions")?;
        let loaded = match &self.store {
            Some(store) => store.load_newest_first().map_err(|e| e.to_string()),
            None => Err("no place for the history was found (set FASCIA_DATA_DIR)".to_owned()),
        };
        let loaded = match loaded {
            Ok(l) => l,
            Err(e) => return self.say(&format!("The history could not be read: {e}")),
        };
        if !loaded.damaged.is_empty() {
            self.say(&format!(
                "{} damaged line(s) in the history file were skipped; they are kept in the file.",
                loaded.damaged.len()
            ))?;
        }
        let n = loaded.records.len();
        if n == 0 {
            return self.say("No sessions yet. Finish a guided session to see here how it helps.");
        }
        self.say(&format!(
            "{n} {}, newest first.",
            if n == 1 { "session" } else { "sessions" }
        ))?;
        for (i, r) in loaded.records.iter().take(SHOWN).enumerate() {
            self.say(&format!("{}. {}", i + 1, local_time(&r.at)))?;
            self.say_record(r)?;
        }
        if n > SHOWN {
            self.say(&format!(
                "And {} older: `fascia history` lists them all.",
                n - SHOWN
            ))?;
        }
        self.say(MEANING_NOTE)
    }

    /// Writes the hand-off of the last check next to where fascia was started, and says where.
    pub(crate) fn export(&mut self) -> Result<(), PlainError> {
        let Some(advice) = self.advice.clone() else {
            return self.say("There is nothing to save yet: finish the check first (1).");
        };
        let date = self.today;
        let text = markdown_on(self.kb, &self.answers, &advice, date);
        let stem = hand_off_stem(advice.screening.outcome, date);
        match crate::export::write_new(&self.export_dir, &stem, "md", &text) {
            Ok(path) => self.say(&format!(
                "Saved the hand-off for a doctor or physio: {}",
                path.display()
            )),
            Err(e) => self.say(&format!(
                "Could not save the file in {}: {e}",
                self.export_dir.display()
            )),
        }
    }
}
