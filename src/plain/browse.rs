//! Plain mode's library: areas, techniques and search, with the reminder that browsing skips
//! the safety check.

use std::io::{BufRead, Write};

use super::prompt::numbered;
use super::{Plain, PlainError};
use crate::browse::{self, Filter, Target};
use crate::kb::Kind;
use crate::report;

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    pub(crate) fn reminder(&mut self) -> Result<(), PlainError> {
        self.say(
            "Browsing skips the safety check: choose Start the check from the menu for a routine.",
        )
    }

    pub(crate) fn browse(&mut self) -> Result<(), PlainError> {
        loop {
            self.say("")?;
            self.say("Browse: areas")?;
            self.reminder()?;
            self.say(&numbered(self.kb.regions().iter().map(|r| r.name.as_str())))?;
            let regions = self.kb.regions().len();
            // A bad answer repeats only the prompt, not the list of areas.
            let Some(line) = self.read_until(
                "Type an area number, / and a word to search (for example /soleus), or b to go back.",
                &format!("Please type a number from 1 to {regions}, / and a word, or b."),
                |line| {
                    let number = line
                        .parse::<usize>()
                        .ok()
                        .and_then(|n| n.checked_sub(1))
                        .is_some_and(|i| i < regions);
                    (line == "b" || line.is_empty() || line.starts_with('/') || number)
                        .then(|| line.to_owned())
                },
            )?
            else {
                return Ok(());
            };
            if line == "b" || line.is_empty() {
                return Ok(());
            }
            if let Some(query) = line.strip_prefix('/') {
                self.search(query.trim())?;
                continue;
            }
            if let Some(i) = line.parse::<usize>().ok().and_then(|n| n.checked_sub(1)) {
                let id = self.kb.regions()[i].id.clone();
                self.browse_region(&id)?;
            }
        }
    }

    pub(crate) fn search(&mut self, query: &str) -> Result<(), PlainError> {
        self.say("")?;
        self.say(&format!("Browse: search for \"{query}\""))?;
        let hits = browse::search(self.kb, query);
        if hits.is_empty() {
            return self.say("Nothing matches. Try fewer letters.");
        }
        for (i, h) in hits.iter().enumerate() {
            self.say(&format!("{}. {}", i + 1, h.label))?;
        }
        let found = hits.len();
        // A bad answer repeats only the prompt, not the results.
        let Some(Some(i)) = self.read_until(
            "Type a number to open it, or press enter to go back.",
            &format!("Please type a number from 1 to {found}, or press enter."),
            |line| match line {
                "" | "b" => Some(None),
                _ => line
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .filter(|i| *i < found)
                    .map(Some),
            },
        )?
        else {
            return Ok(());
        };
        match hits[i].target.clone() {
            Target::Technique(id) => self.technique(&id),
            Target::Region(id) => self.browse_region(&id),
        }
    }

    pub(crate) fn browse_region(&mut self, region: &str) -> Result<(), PlainError> {
        let mut filter = Filter {
            region: Some(region.to_owned()),
            ..Filter::default()
        };
        loop {
            self.say("")?;
            self.say(&format!("Browse: {}", report::region_name(self.kb, region)))?;
            self.reminder()?;
            let tool = filter.tool.as_deref().map_or("any tool".to_owned(), |t| {
                report::tool_name(self.kb, t).to_owned()
            });
            let kind = filter.kind.map_or("direct and indirect", |k| {
                if k == Kind::Direct {
                    "direct only"
                } else {
                    "indirect only"
                }
            });
            self.say(&format!("Showing: {tool}, {kind}."))?;
            let found = browse::techniques(self.kb, &filter);
            if found.is_empty() {
                self.say("No technique matches the filter.")?;
            }
            for (i, t) in found.iter().enumerate() {
                self.say(&format!(
                    "{}. {}",
                    i + 1,
                    report::technique_line(self.kb, t)
                ))?;
            }
            // The list is said again only when it changes; a bad answer (or t, which lists the
            // tools) repeats only the prompt.
            let tools = self.kb.tools().len();
            let numbers = match found.len() {
                0 => String::new(),
                1 => "1, ".to_owned(),
                n => format!("a number from 1 to {n}, "),
            };
            let hint =
                format!("Please type {numbers}d, i, a, t and a tool number (1 to {tools}), or b.");
            let command = loop {
                let Some(command) = self.read_until(
                    "Type a number to read it in full; d direct only, i indirect only, a all kinds; t and a tool number to filter by tool (t alone lists the tools, t 0 clears it); b back.",
                    &hint,
                    |line| Command::parse(line, found.len(), tools),
                )?
                else {
                    return Ok(());
                };
                if command != Command::Tools {
                    break command;
                }
                self.say(&format!(
                    "Tools: {}.",
                    numbered(self.kb.tools().iter().map(|t| t.name.as_str()))
                ))?;
            };
            match command {
                Command::Back => return Ok(()),
                Command::Kind(kind) => filter.kind = kind,
                Command::Tools => {}
                Command::Tool(tool) => {
                    filter.tool = tool.map(|i| self.kb.tools()[i].id.clone());
                }
                Command::Open(i) => {
                    let id = found[i].id.clone();
                    self.technique(&id)?;
                }
            }
        }
    }

    pub(crate) fn technique(&mut self, id: &str) -> Result<(), PlainError> {
        let Some(t) = self.kb.technique(id) else {
            return Ok(());
        };
        self.say("")?;
        self.say(&format!("Browse: technique: {}", t.name))?;
        self.reminder()?;
        for (title, lines) in report::technique_sections(self.kb, t, &self.emergency) {
            if lines.is_empty() {
                continue;
            }
            self.say(&format!("{title}:"))?;
            for line in lines {
                self.say(&line)?;
            }
        }
        self.read("Press enter to go back.")?;
        Ok(())
    }
}

/// What was typed at an area's list of techniques.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Back,
    /// Direct only, indirect only, or all kinds.
    Kind(Option<Kind>),
    /// List the tools.
    Tools,
    /// Filter by a tool (its index), or by none.
    Tool(Option<usize>),
    /// Read the technique at this index in full.
    Open(usize),
}

impl Command {
    /// `line` as a command over `techniques` listed and `tools` tools; `None` when it is not one.
    fn parse(line: &str, techniques: usize, tools: usize) -> Option<Self> {
        let number = |text: &str| text.trim().parse::<usize>().ok();
        Some(match line {
            "b" | "" => Self::Back,
            "d" => Self::Kind(Some(Kind::Direct)),
            "i" => Self::Kind(Some(Kind::Indirect)),
            "a" => Self::Kind(None),
            "t" => Self::Tools,
            _ if line.starts_with('t') => match number(&line[1..])? {
                0 => Self::Tool(None),
                n if n <= tools => Self::Tool(Some(n - 1)),
                _ => return None,
            },
            _ => Self::Open(number(line)?.checked_sub(1).filter(|i| *i < techniques)?),
        })
    }
}
