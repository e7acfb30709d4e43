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
mod history;
mod interview;
mod prompt;
mod result;
mod session;

pub use session::{NoWait, Pace, Sleep};

use std::io::{BufRead, Write};
use std::path::Path;

use crate::engine::{Advice, Answers};
use crate::history::Store;
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
    /// The interview as walked so far in this check.
    pub(crate) walk: crate::flow::Walk,
    /// The question to ask again after going back from a stop (its depth in the walk).
    pub(crate) resume: Option<usize>,
    /// Where remembered answers are kept; `None` when remembering is off.
    pub(crate) profiles: Option<crate::profile::ProfileStore>,
    /// What was remembered, as read at the start of the check.
    pub(crate) profile: Option<crate::profile::Profile>,
    /// The advice of the last finished check (for the guided session and the hand-off).
    pub(crate) advice: Option<Advice>,
    pub(crate) pace: Box<dyn Pace>,
    pub(crate) store: Option<Store>,
    pub(crate) export_dir: std::path::PathBuf,
    /// Today: for what is remembered and the hand-off's date.
    pub(crate) today: jiff::civil::Date,
    /// A guided session is running: quitting saves it as ended early.
    pub(crate) in_session: bool,
}

/// How a plain-mode run remembers, saves and waits.
pub struct Options<'a> {
    /// Save the answers of each finished check here, in the answers format.
    pub save_answers: Option<&'a Path>,
    /// Where remembered answers are kept; `None` when remembering is off.
    pub profiles: Option<crate::profile::ProfileStore>,
    /// How the guided session waits out each set and rest.
    pub pace: Box<dyn Pace>,
    /// Where sessions are saved and read.
    pub store: Option<Store>,
    /// Where the hand-off is written.
    pub export_dir: std::path::PathBuf,
    /// The hand-off's date (today when `None`).
    pub today: Option<jiff::civil::Date>,
    /// Answers of a check already finished (the menu then offers its session and hand-off).
    pub answers: Option<Answers>,
}

impl Options<'_> {
    /// As a person runs it: real waits (none when `FASCIA_PLAIN_NO_WAIT` is set, for
    /// demonstrations), the usual history, the folder fascia was started in, today.
    pub fn from_env() -> Self {
        let pace: Box<dyn Pace> = if std::env::var_os("FASCIA_PLAIN_NO_WAIT").is_some() {
            Box::new(NoWait)
        } else {
            Box::new(Sleep)
        };
        Self {
            save_answers: None,
            profiles: None,
            pace,
            store: Store::default_location().ok(),
            export_dir: std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from(".")),
            today: None,
            answers: None,
        }
    }
}

/// Runs plain mode until the person quits (or the input ends at the menu). With
/// `options.save_answers`, every finished check is saved there in the answers format, ready for
/// `fascia advise`.
pub fn run<R: BufRead, W: Write>(
    kb: &KnowledgeBase,
    emergency: &str,
    input: R,
    out: W,
    options: Options<'_>,
) -> Result<(), PlainError> {
    let advice = options
        .answers
        .as_ref()
        .map(|a| crate::engine::advise(kb, a, emergency));
    let mut p = Plain {
        kb,
        emergency: emergency.to_owned(),
        input,
        out,
        answers: options.answers.unwrap_or_default(),
        walk: crate::flow::Walk::default(),
        resume: None,
        profiles: options.profiles,
        profile: None,
        advice,
        pace: options.pace,
        store: options.store,
        export_dir: options.export_dir,
        today: options.today.unwrap_or_else(|| jiff::Zoned::now().date()),
        in_session: false,
    };
    // `q` at any prompt ends plain mode like the menu's Quit.
    match p.menu(options.save_answers) {
        Err(e) if prompt::is_quit(&e) => p.say("Goodbye."),
        result => result,
    }
}

/// Runs plain mode with `save_answers` and the given [`Options`] (tests pass a pace that does not
/// wait).
pub fn run_with<R: BufRead, W: Write>(
    kb: &KnowledgeBase,
    emergency: &str,
    input: R,
    out: W,
    save_answers: Option<&Path>,
    options: Options<'_>,
) -> Result<(), PlainError> {
    run(
        kb,
        emergency,
        input,
        out,
        Options {
            save_answers,
            ..options
        },
    )
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    fn menu(&mut self, save: Option<&Path>) -> Result<(), PlainError> {
        self.say("fascia: safe self-massage for tight or sore muscles, in plain text.")?;
        self.say(&format!(
            "Not for emergencies: for chest pain, sudden trouble breathing, signs of a stroke or a sudden severe headache, call {} now. fascia is not a diagnosis.",
            self.emergency
        ))?;
        if self.profiles.is_some() {
            self.say(crate::words::REMEMBERED)?;
        }
        loop {
            self.say("")?;
            self.say("Main menu")?;
            let mut menu =
                "1. Start the check. 2. Browse techniques. 3. Quit. 4. Your past sessions."
                    .to_owned();
            let has_routine = self.advice.as_ref().is_some_and(|a| a.routine.is_some());
            let mut last = 4;
            if has_routine {
                menu.push_str(" 5. Start the guided session with your routine.");
                last = 5;
            }
            if self.advice.is_some() {
                menu.push_str(" 6. Save the hand-off for a doctor or physio.");
                last = 6;
            }
            let has_advice = self.advice.is_some();
            // A bad choice repeats only the prompt; q quits at once here, as 3 does.
            let Some(choice) = self.read_until_as(
                &format!("{menu} Type a number."),
                &format!("That is not a choice here: type a number from 1 to {last}."),
                None,
                |line| {
                    let choice = line.to_lowercase();
                    let known = match choice.as_str() {
                        "1" | "start" | "2" | "browse" | "3" | "quit" | "" | "4" | "history" => {
                            true
                        }
                        "5" | "session" => has_routine,
                        "6" | "save" => has_advice,
                        _ => false,
                    };
                    known.then_some(choice)
                },
            )?
            else {
                return Ok(());
            };
            match choice.as_str() {
                "1" | "start" => self.check(save)?,
                "2" | "browse" => self.browse()?,
                "4" | "history" => self.history()?,
                "5" | "session" => self.guided()?,
                "6" | "save" => self.export()?,
                _ => return Ok(()),
            }
        }
    }
}
