//! Plain mode's two ends of the line: saying a line, reading an answer, announcing a page.

use std::io::{BufRead, Write};

use super::{Plain, PlainError};
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

    /// Prints the prompt and reads one line (trimmed). `None` when the input has ended.
    pub(crate) fn read(&mut self, prompt: &str) -> Result<Option<String>, PlainError> {
        writeln!(self.out, "{prompt}")?;
        self.out.flush()?;
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        Ok(Some(line.trim().to_owned()))
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
