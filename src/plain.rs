//! Plain mode: the questionnaire, screening, result, routine and browse as a line-by-line
//! conversation, for screen readers, dumb terminals and scripts. One question per prompt,
//! numbered choices, no colour, no cursor movement, no box drawing; every screen change is
//! announced in one line. Reads any `BufRead` and writes any `Write`, so it can be piped.

use std::io::{BufRead, Write};
use std::path::Path;

use crate::browse::{self, Filter, Target};
use crate::engine::{Answers, Preference, Reply, Since, advise, feel_words, goal_words};
use crate::flow::{self, Page};
use crate::kb::{Feel, Goal, Kind, KnowledgeBase};
use crate::report;

/// Why plain mode stopped before finishing.
#[derive(Debug, thiserror::Error)]
pub enum PlainError {
    #[error("the input ended before the check was finished; nothing was saved")]
    InputEnded,
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// "1. First. 2. Second": a numbered list on one line, read out well by screen readers.
fn numbered<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .enumerate()
        .map(|(i, x)| format!("{}. {x}", i + 1))
        .collect::<Vec<_>>()
        .join(". ")
}

/// Where a step of the conversation leads.
enum Nav {
    Next,
    Back,
    /// An emergency or urgent answer: show that result at once.
    Stop,
}

const ANSWER_HELP: &str = "y yes, n no, ? not sure, h why we ask, b back";

/// The conversation: the knowledge base, what was answered, and the two ends of the line.
pub struct Plain<'kb, R, W> {
    kb: &'kb KnowledgeBase,
    emergency: String,
    input: R,
    out: W,
    answers: Answers,
    /// The question to start a section at after going back from a stop.
    resume: usize,
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
    p.menu(save_answers)
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    fn say(&mut self, text: &str) -> Result<(), PlainError> {
        writeln!(self.out, "{text}")?;
        Ok(())
    }

    /// Prints the prompt and reads one line (trimmed). `None` when the input has ended.
    fn read(&mut self, prompt: &str) -> Result<Option<String>, PlainError> {
        writeln!(self.out, "{prompt}")?;
        self.out.flush()?;
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        Ok(Some(line.trim().to_owned()))
    }

    /// Like `read`, but the end of the input is an error (mid-check).
    fn ask(&mut self, prompt: &str) -> Result<String, PlainError> {
        self.read(prompt)?.ok_or(PlainError::InputEnded)
    }

    fn announce(&mut self, page: Page) -> Result<(), PlainError> {
        self.say("")?;
        self.say(&format!(
            "Step {} of {}: {}",
            page.number(),
            flow::STEPS,
            page.title()
        ))
    }

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

    fn check(&mut self, save: Option<&Path>) -> Result<(), PlainError> {
        self.answers = Answers::default();
        let mut page = Page::Where;
        loop {
            let nav = match page {
                Page::Where => self.areas()?,
                Page::Details => self.details()?,
                Page::Emergency | Page::Health | Page::Area => self.questions(page)?,
                Page::Review => self.review()?,
                // The result goes on to the tools and the routine by itself.
                Page::Result | Page::Preferences | Page::Routine => return self.result(save),
            };
            let to = match nav {
                Nav::Next => flow::next(self.kb, &self.answers, page, false),
                Nav::Back => flow::previous(self.kb, &self.answers, page),
                Nav::Stop if self.stopped(save)? => return Ok(()),
                // Back to the question that stopped the check.
                Nav::Stop => Some(page),
            };
            let Some(to) = to else {
                return Ok(());
            };
            page = to;
        }
    }

    /// The chosen areas' ids, owned (the prompts below need `self` mutably).
    fn chosen_ids(&self) -> Vec<String> {
        self.answers
            .chosen(self.kb)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    fn region_names(&self) -> String {
        let names: Vec<&str> = self
            .answers
            .chosen(self.kb)
            .into_iter()
            .map(|r| report::region_name(self.kb, r))
            .collect();
        names.join(", ")
    }

    fn areas(&mut self) -> Result<Nav, PlainError> {
        self.announce(Page::Where)?;
        self.say(&numbered(self.kb.regions().iter().map(|r| r.name.as_str())))?;
        loop {
            let keep = if self.answers.regions.is_empty() {
                String::new()
            } else {
                format!(" Press enter to keep: {}.", self.region_names())
            };
            let line = self.ask(&format!("Type the numbers of the areas, separated by spaces (for example: 18 20). b goes back.{keep}"))?;
            match line.as_str() {
                "b" => return Ok(Nav::Back),
                "" if !self.answers.regions.is_empty() => return Ok(Nav::Next),
                "" => self.say("Choose at least one area.")?,
                _ => {
                    let mut chosen = Vec::new();
                    let mut bad = Vec::new();
                    for word in line
                        .split(|c: char| c == ',' || c.is_whitespace())
                        .filter(|w| !w.is_empty())
                    {
                        let by_number = word
                            .parse::<usize>()
                            .ok()
                            .and_then(|n| n.checked_sub(1))
                            .and_then(|i| self.kb.regions().get(i));
                        match by_number.or_else(|| self.kb.region(word)) {
                            Some(r) => chosen.push(r.id.clone()),
                            None => bad.push(word.to_owned()),
                        }
                    }
                    if !bad.is_empty() || chosen.is_empty() {
                        self.say(&format!(
                            "Not an area: {}. Use the numbers 1 to {}.",
                            bad.join(", "),
                            self.kb.regions().len()
                        ))?;
                        continue;
                    }
                    let old = std::mem::take(&mut self.answers.regions);
                    for id in chosen {
                        let details = old.get(&id).copied().unwrap_or_default();
                        self.answers.regions.insert(id, details);
                    }
                    self.say(&format!("Chosen: {}.", self.region_names()))?;
                    return Ok(Nav::Next);
                }
            }
        }
    }

    fn details(&mut self) -> Result<Nav, PlainError> {
        self.announce(Page::Details)?;
        let regions = self.chosen_ids();
        let mut i = 0;
        while i < regions.len() * 4 {
            let id = &regions[i / 4];
            match self.detail(id, i % 4)? {
                Nav::Next | Nav::Stop => i += 1,
                Nav::Back if i == 0 => return Ok(Nav::Back),
                Nav::Back => i -= 1,
            }
        }
        Ok(Nav::Next)
    }

    /// Asks one detail (0 feel, 1 strength, 2 since, 3 goal) of one area.
    fn detail(&mut self, id: &str, field: usize) -> Result<Nav, PlainError> {
        let name = self.kb.region(id).map_or(id.to_owned(), |r| r.name.clone());
        let d = self.answers.regions.get(id).copied().unwrap_or_default();
        let choices = |words: Vec<&str>| {
            words
                .iter()
                .enumerate()
                .map(|(i, w)| format!("{} {w}", i + 1))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let prompt = match field {
            0 => format!(
                "{name}: what does it feel like? {}. Enter keeps: {}.",
                choices(Feel::ALL.iter().map(|f| feel_words(*f)).collect()),
                feel_words(d.feel)
            ),
            1 => format!(
                "{name}: how strong is it, from 0 (nothing) to 10 (the worst)? Enter keeps: {}.",
                d.intensity
            ),
            2 => format!(
                "{name}: since when? 1 days, 2 weeks, 3 months. Enter keeps: {}.",
                d.since.as_str()
            ),
            _ => format!(
                "{name}: your goal? {}. Enter keeps: {}.",
                choices(Goal::ALL.iter().map(|g| goal_words(*g)).collect()),
                goal_words(d.goal)
            ),
        };
        loop {
            let line = self.ask(&prompt)?;
            if line == "b" {
                return Ok(Nav::Back);
            }
            if line.is_empty() {
                return Ok(Nav::Next);
            }
            let n = line.parse::<usize>().ok();
            let mut d = d;
            let ok = match (field, n) {
                (0, Some(n @ 1..=4)) => {
                    d.feel = Feel::ALL[n - 1];
                    true
                }
                (1, Some(n @ 0..=10)) => {
                    d.intensity = u8::try_from(n).unwrap_or(0);
                    true
                }
                (2, Some(n @ 1..=3)) => {
                    d.since = Since::ALL[n - 1];
                    true
                }
                (3, Some(n @ 1..=3)) => {
                    d.goal = Goal::ALL[n - 1];
                    true
                }
                _ => false,
            };
            if ok {
                self.answers.regions.insert(id.to_owned(), d);
                return Ok(Nav::Next);
            }
            self.say("Please type one of the numbers shown, press enter to keep the answer, or b to go back.")?;
        }
    }

    fn questions(&mut self, page: Page) -> Result<Nav, PlainError> {
        self.announce(page)?;
        let mut i = std::mem::take(&mut self.resume);
        loop {
            // The rows can change as answers come in (the age question adds two), so recount.
            let n = flow::questions(self.kb, &self.answers, page).len();
            if i >= n {
                return Ok(Nav::Next);
            }
            match self.question(page, i, n)? {
                Nav::Next => i += 1,
                Nav::Back if i == 0 => return Ok(Nav::Back),
                Nav::Back => i -= 1,
                Nav::Stop => {
                    self.resume = i;
                    return Ok(Nav::Stop);
                }
            }
        }
    }

    /// Asks question `i` of a section; returns where to go.
    fn question(&mut self, page: Page, i: usize, n: usize) -> Result<Nav, PlainError> {
        let (id, region, text, explain, current) = {
            let rows = flow::questions(self.kb, &self.answers, page);
            let row = &rows[i];
            let about = report::about(self.kb, &row.regions);
            let mut explain = format!("Why we ask: {}", row.item.explain);
            if let Some(c) = &row.item.clarifier {
                explain.push(' ');
                explain.push_str(c);
            }
            (
                row.item.id.clone(),
                row.region.map(str::to_owned),
                format!(
                    "Question {} of {n}: {about}{}",
                    i + 1,
                    crate::engine::fill(&row.item.question, &self.emergency)
                ),
                crate::engine::fill(&explain, &self.emergency),
                self.answers.reply(&row.item.id, row.region),
            )
        };
        let keep = current.map_or(String::new(), |r| format!(" Enter keeps: {}.", r.words()));
        loop {
            let line = self.ask(&format!("{text} ({ANSWER_HELP}).{keep}"))?;
            let reply = match line.to_lowercase().as_str() {
                "y" | "yes" | "1" => Reply::Yes,
                "n" | "no" | "2" => Reply::No,
                "?" | "not sure" | "notsure" | "u" | "3" => Reply::NotSure,
                "" if current.is_some() => return Ok(Nav::Next),
                "h" | "help" | "why" => {
                    self.say(&explain)?;
                    continue;
                }
                "b" | "back" => return Ok(Nav::Back),
                _ => {
                    self.say(&format!("Please answer with {ANSWER_HELP}."))?;
                    continue;
                }
            };
            self.answers.set(&id, region.as_deref(), reply);
            if reply.fires() && flow::stop(self.kb, &self.answers, &self.emergency).is_some() {
                return Ok(Nav::Stop);
            }
            return Ok(Nav::Next);
        }
    }

    fn review(&mut self) -> Result<Nav, PlainError> {
        loop {
            self.announce(Page::Review)?;
            let regions = self.chosen_ids();
            let all = flow::all_questions(self.kb, &self.answers);
            let mut n = 0;
            for id in &regions {
                n += 1;
                let d = self.answers.regions[id];
                let line = format!(
                    "{n}. {}: {}, {}/10, for {}, goal {}.",
                    report::region_name(self.kb, id),
                    feel_words(d.feel),
                    d.intensity,
                    d.since.as_str(),
                    goal_words(d.goal)
                );
                self.say(&line)?;
            }
            for (_, p) in &all {
                n += 1;
                let reply = self
                    .answers
                    .reply(&p.item.id, p.region)
                    .map_or("not answered", Reply::words);
                let about = report::about(self.kb, &p.regions);
                self.say(&format!("{n}. {reply}: {about}{}", p.item.question))?;
            }
            let line = self.ask("Type a number to change that answer, press enter to see the result, or b to go back.")?;
            if line.is_empty() {
                return Ok(Nav::Next);
            }
            if line == "b" {
                return Ok(Nav::Back);
            }
            match line.parse::<usize>().ok().and_then(|k| k.checked_sub(1)) {
                Some(k) if k < regions.len() => {
                    for field in 0..4 {
                        if let Nav::Back = self.detail(&regions[k].clone(), field)? {
                            break;
                        }
                    }
                }
                Some(k) if k < n => {
                    let (page, p) = &all[k - regions.len()];
                    let (page, id, region) =
                        (*page, p.item.id.clone(), p.region.map(str::to_owned));
                    let rows = flow::questions(self.kb, &self.answers, page);
                    if let Some(i) = rows
                        .iter()
                        .position(|r| r.item.id == id && r.region.map(str::to_owned) == region)
                    {
                        let total = rows.len();
                        if let Nav::Stop = self.question(page, i, total)? {
                            return Ok(Nav::Stop);
                        }
                    }
                }
                _ => self.say(&format!(
                    "Please type a number from 1 to {n}, or press enter."
                ))?,
            }
        }
    }

    fn result(&mut self, save: Option<&Path>) -> Result<(), PlainError> {
        self.announce(Page::Result)?;
        let advice = advise(self.kb, &self.answers, &self.emergency);
        let screening_only = crate::engine::Advice {
            screening: advice.screening.clone(),
            routine: None,
        };
        let text = report::text(self.kb, &screening_only);
        self.say(text.trim_end())?;
        if advice.screening.permit().is_some() {
            self.preferences()?;
            let advice = advise(self.kb, &self.answers, &self.emergency);
            if let Some(r) = &advice.routine {
                self.announce(Page::Routine)?;
                let text = report::routine_text(self.kb, r);
                self.say(text.trim())?;
            } else {
                // Nothing fitted the tools and time: the result says why.
                let text = report::text(self.kb, &advice);
                self.say(text.trim_end())?;
            }
        }
        self.save(save)
    }

    /// An emergency or urgent answer: its result at once. True when the person is done, false
    /// to go back and change the answer.
    fn stopped(&mut self, save: Option<&Path>) -> Result<bool, PlainError> {
        let Some(advice) = flow::stop(self.kb, &self.answers, &self.emergency) else {
            return Ok(false);
        };
        self.announce(Page::Result)?;
        let text = report::text(self.kb, &advice);
        self.say(text.trim_end())?;
        loop {
            match self
                .ask("Type b to go back and change that answer, or press enter to finish.")?
                .to_lowercase()
                .as_str()
            {
                "b" | "back" => return Ok(false),
                "" => {
                    self.save(save)?;
                    return Ok(true);
                }
                _ => self.say("Please type b, or press enter.")?,
            }
        }
    }

    /// Saves the answers in the answers format when `--save-answers` asked for it.
    fn save(&mut self, save: Option<&Path>) -> Result<(), PlainError> {
        if let Some(path) = save {
            let json =
                serde_json::to_string_pretty(&self.answers).map_err(std::io::Error::other)?;
            crate::export::replace(path, &json)?;
            self.say(&format!(
                "Your answers are saved in {}. Replay them with: fascia advise --answers {}",
                path.display(),
                path.display()
            ))?;
        }
        Ok(())
    }

    fn preferences(&mut self) -> Result<(), PlainError> {
        self.announce(Page::Preferences)?;
        let tools: Vec<(String, String)> = self
            .kb
            .tools()
            .iter()
            .filter(|t| !t.always_owned)
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect();
        self.say(&format!(
            "Tools: {}.",
            numbered(tools.iter().map(|(_, name)| name.as_str()))
        ))?;
        loop {
            let line = self.ask("Type the numbers of the tools you have, separated by spaces, or press enter for none. Hands, knuckles and elbows always count.")?;
            let picked: Option<Vec<String>> = line
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    w.parse::<usize>()
                        .ok()
                        .and_then(|n| n.checked_sub(1))
                        .and_then(|i| tools.get(i))
                        .map(|t| t.0.clone())
                })
                .collect();
            match picked {
                Some(p) => {
                    self.answers.preferences.tools = p;
                    break;
                }
                None => self.say(&format!("Please use the numbers 1 to {}.", tools.len()))?,
            }
        }
        loop {
            let line = self.ask("How many minutes do you have, from 2 to 120? Enter keeps 10.")?;
            match line.parse::<u32>() {
                _ if line.is_empty() => break,
                Ok(m) if crate::engine::answers::MINUTES.contains(&m) => {
                    self.answers.preferences.minutes = m;
                    break;
                }
                _ => self.say("Please type a number from 2 to 120.")?,
            }
        }
        loop {
            let line = self.ask("Which techniques? 1 let fascia choose, 2 direct (firmer, on the tender spot), 3 indirect (gentle, gliding). Enter keeps 1.")?;
            self.answers.preferences.technique = match line.as_str() {
                "" | "1" => Preference::Auto,
                "2" => Preference::Direct,
                "3" => Preference::Indirect,
                _ => {
                    self.say("Please type 1, 2 or 3.")?;
                    continue;
                }
            };
            return Ok(());
        }
    }

    fn reminder(&mut self) -> Result<(), PlainError> {
        self.say(
            "Browsing skips the safety check: choose Start the check from the menu for a routine.",
        )
    }

    fn browse(&mut self) -> Result<(), PlainError> {
        loop {
            self.say("")?;
            self.say("Browse: areas")?;
            self.reminder()?;
            self.say(&numbered(self.kb.regions().iter().map(|r| r.name.as_str())))?;
            let Some(line) = self.read("Type an area number, / and a word to search (for example /soleus), or b to go back.")? else {
                return Ok(());
            };
            if line == "b" || line.is_empty() {
                return Ok(());
            }
            if let Some(query) = line.strip_prefix('/') {
                self.search(query.trim())?;
                continue;
            }
            match line
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .filter(|&i| i < self.kb.regions().len())
            {
                Some(i) => {
                    let id = self.kb.regions()[i].id.clone();
                    self.browse_region(&id)?;
                }
                None => self.say("Please type one of the numbers.")?,
            }
        }
    }

    fn search(&mut self, query: &str) -> Result<(), PlainError> {
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

    fn browse_region(&mut self, region: &str) -> Result<(), PlainError> {
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

    fn technique(&mut self, id: &str) -> Result<(), PlainError> {
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
