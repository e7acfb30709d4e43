//! Plain mode: the questionnaire, screening, result, routine and browse as a line-by-line
//! conversation, for screen readers, dumb terminals and scripts. One question per prompt,
//! numbered choices, no colour, no cursor movement, no box drawing; every screen change is
//! announced in one line. Reads any `BufRead` and writes any `Write`, so it can be piped.

//!
//! This file holds the conversation's state and the main menu; `prompt` says and reads lines,
//! `check` walks the flow's pages, `result` gives the advice and the routine, `browse` the
//! library.

mod browse;
mod check;
mod prompt;
mod result;

use std::io::{BufRead, Write};
use std::path::Path;

use crate::engine::Answers;
use crate::kb::KnowledgeBase;

/// Why plain mode stopped before finishing.
#[derive(Debug, thiserror::Error)]
pub enum PlainError {
    #[error("the input ended before the check was finished; nothing was saved")]
    InputEnded,
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Where a step of the conversation leads.
pub(crate) enum Nav {
    Next,
    Back,
    /// An emergency or urgent answer: show that result at once.
    Stop,
}

pub(crate) const ANSWER_HELP: &str = "y yes, n no, ? not sure, h why we ask, b back";

/// The conversation: the knowledge base, what was answered, and the two ends of the line.
pub struct Plain<'kb, R, W> {
    pub(crate) kb: &'kb KnowledgeBase,
    pub(crate) emergency: String,
    pub(crate) input: R,
    pub(crate) out: W,
    pub(crate) answers: Answers,
    /// The question to start a section at after going back from a stop.
    pub(crate) resume: usize,
}

/// Runs plain mode until the person quits (or the input ends at the menu). With `save_answers`,
/// every finished check is saved there in the answers format, ready for `fascia advise`.
pub fn run<R: BufRead, W: Write>(
    kb: &KnowledgeBase,
    emergency: &str,
    input: R,
    out: W,
    save_answers: Option<&Path>,
) -> Result<(), PlainError> {
    let mut p = Plain {
        kb,
        emergency: emergency.to_owned(),
        input,
        out,
        answers: Answers::default(),
        resume: 0,
    };
    // `q` at any prompt ends plain mode like the menu's Quit.
    match p.menu(save_answers) {
        Err(e) if prompt::is_quit(&e) => p.say("Goodbye."),
        result => result,
    }
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    fn menu(&mut self, save: Option<&Path>) -> Result<(), PlainError> {
        self.say("fascia: safe self-massage for tight or sore muscles, in plain text.")?;
        self.say(&format!(
            "Not for emergencies: for chest pain, sudden trouble breathing, signs of a stroke or a sudden severe headache, call {} now. fascia is not a diagnosis.",
            self.emergency
        ))?;
        loop {
            self.say("")?;
            self.say("Main menu")?;
            let Some(choice) =
                self.read("1. Start the check. 2. Browse techniques. 3. Quit. Type a number.")?
            else {
                return Ok(());
            };
            match choice.to_lowercase().as_str() {
                "1" | "start" => self.check(save)?,
                "2" | "browse" => self.browse()?,
                "3" | "q" | "quit" | "" => return Ok(()),
                other => self.say(&format!("\"{other}\" is not a choice here."))?,
            }
        }
    }
}
