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
        let Some(line) = self.read("Type a number to open it, or press enter to go back.")? else {
            return Ok(());
        };
        match line
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| hits.get(i))
            .map(|h| h.target.clone())
        {
            Some(Target::Technique(id)) => self.technique(&id),
            Some(Target::Region(id)) => self.browse_region(&id),
            None => Ok(()),
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
            let Some(line) = self.read("Type a number to read it in full; d direct only, i indirect only, a all kinds; t and a tool number to filter by tool (t alone lists the tools, t 0 clears it); b back.")? else {
                return Ok(());
            };
            match line.as_str() {
                "b" | "" => return Ok(()),
                "d" => filter.kind = Some(Kind::Direct),
                "i" => filter.kind = Some(Kind::Indirect),
                "a" => filter.kind = None,
                "t" => {
                    self.say(&format!(
                        "Tools: {}.",
                        numbered(self.kb.tools().iter().map(|t| t.name.as_str()))
                    ))?;
                }
                _ if line.starts_with('t') => {
                    let n = line[1..].trim().parse::<usize>().ok();
                    match n {
                        Some(0) => filter.tool = None,
                        Some(n) if n <= self.kb.tools().len() => {
                            filter.tool = Some(self.kb.tools()[n - 1].id.clone());
                        }
                        _ => self.say("Please type t and a tool number, for example t 6.")?,
                    }
                }
                _ => match line
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| found.get(i))
                {
                    Some(t) => {
                        let id = t.id.clone();
                        self.technique(&id)?;
                    }
                    None => self.say("Please type one of the numbers or letters shown.")?,
                },
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
