//! Plain mode's two ends of the line: saying a line, reading an answer (`q` quits from any
//! prompt, asking first once there are answers to lose; a bad answer repeats only the prompt,
//! never the page before it), announcing a page.

use std::io::{BufRead, Write};

use super::{Plain, PlainError};
use crate::engine::Answers;

/// What `read` returns inside an I/O error when the person chose to quit: [`is_quit`] tells it
/// apart, and `run` turns it into a normal ending.
#[derive(Debug)]
struct Quit;

impl std::fmt::Display for Quit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("quit")
    }
}

impl std::error::Error for Quit {}

/// Whether an error is the person choosing to quit (see [`Plain::read`]).
pub(crate) fn is_quit(e: &PlainError) -> bool {
    match e {
        PlainError::Io(io) => io
            .get_ref()
            .is_some_and(<dyn std::error::Error + Send + Sync>::is::<Quit>),
        PlainError::InputEnded => false,
    }
}

fn quit() -> PlainError {
    PlainError::Io(std::io::Error::other(Quit))
}
use crate::flow::{self, Page};

/// "1. First. 2. Second": a numbered list on one line, read out well by screen readers.
pub(crate) fn numbered<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .enumerate()
        .map(|(i, x)| format!("{}. {x}", i + 1))
        .collect::<Vec<_>>()
        .join(". ")
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    pub(crate) fn say(&mut self, text: &str) -> Result<(), PlainError> {
        writeln!(self.out, "{text}")?;
        Ok(())
    }

    /// One line from the input (trimmed); `None` when the input has ended.
    fn line(&mut self) -> Result<Option<String>, PlainError> {
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        Ok(Some(line.trim().to_owned()))
    }

    /// What to ask before `q` quits: during a guided session, that it is saved as it stands;
    /// once there are answers, that they will be lost; `None` (quit at once) otherwise.
    fn quit_question(&self) -> Option<&'static str> {
        if self.in_session {
            Some(
                "Quit? The session so far is saved to your history. Type y to quit, or press enter to go on.",
            )
        } else if self.answers == Answers::default() {
            None
        } else {
            Some("Quit fascia? Your answers will be lost. Type y to quit, or press enter to go on.")
        }
    }

    /// Prints the prompt and reads one line (trimmed). `None` when the input has ended. `q` or
    /// `quit` quits from any prompt: at once with nothing to lose, after a yes otherwise (the
    /// prompt is repeated on a no).
    pub(crate) fn read(&mut self, prompt: &str) -> Result<Option<String>, PlainError> {
        let question = self.quit_question();
        self.read_as(prompt, question)
    }

    /// `read`, asking `question` (if any) before `q` quits.
    fn read_as(
        &mut self,
        prompt: &str,
        question: Option<&str>,
    ) -> Result<Option<String>, PlainError> {
        loop {
            writeln!(self.out, "{prompt}")?;
            self.out.flush()?;
            let Some(line) = self.line()? else {
                return Ok(None);
            };
            if !matches!(line.to_lowercase().as_str(), "q" | "quit") {
                return Ok(Some(line));
            }
            let Some(question) = question else {
                return Err(quit());
            };
            writeln!(self.out, "{question}")?;
            self.out.flush()?;
            if self
                .line()?
                .is_none_or(|l| matches!(l.to_lowercase().as_str(), "y" | "yes"))
            {
                return Err(quit());
            }
        }
    }

    /// Asks `prompt` until `accept` takes the answer; after a bad one, says only `hint` and the
    /// prompt again (never the list or page before it, which a screen reader would read out
    /// whole). `None` when the input has ended.
    pub(crate) fn read_until<T>(
        &mut self,
        prompt: &str,
        hint: &str,
        accept: impl FnMut(&str) -> Option<T>,
    ) -> Result<Option<T>, PlainError> {
        let question = self.quit_question();
        self.read_until_as(prompt, hint, question, accept)
    }

    /// `read_until`, asking `question` (if any) before `q` quits: the main menu quits at once,
    /// as its own Quit does.
    pub(crate) fn read_until_as<T>(
        &mut self,
        prompt: &str,
        hint: &str,
        question: Option<&str>,
        mut accept: impl FnMut(&str) -> Option<T>,
    ) -> Result<Option<T>, PlainError> {
        loop {
            let Some(line) = self.read_as(prompt, question)? else {
                return Ok(None);
            };
            if let Some(value) = accept(&line) {
                return Ok(Some(value));
            }
            self.say(hint)?;
        }
    }

    /// Like `read_until`, but the end of the input is an error (mid-check).
    pub(crate) fn ask_until<T>(
        &mut self,
        prompt: &str,
        hint: &str,
        accept: impl FnMut(&str) -> Option<T>,
    ) -> Result<T, PlainError> {
        self.read_until(prompt, hint, accept)?
            .ok_or(PlainError::InputEnded)
    }

    /// Like `read`, but the end of the input is an error (mid-check).
    pub(crate) fn ask(&mut self, prompt: &str) -> Result<String, PlainError> {
        self.read(prompt)?.ok_or(PlainError::InputEnded)
    }

    pub(crate) fn announce(&mut self, page: Page) -> Result<(), PlainError> {
        self.say("")?;
        self.say(&format!(
            "Step {} of {}: {}",
            page.number(),
            flow::STEPS,
            page.title()
        ))
    }
}
