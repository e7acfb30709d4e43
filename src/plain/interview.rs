//! Plain mode's interview: one question at a time from the flow's walk (a checklist as a
//! numbered list, an item, which areas as numbered areas, age bands as numbers, "still true?"
//! as y/n), with back, why we ask, and the stop at once; and remembering between checks.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use super::prompt::numbered;
use super::{ANSWER_HELP, Nav, Plain, PlainError};
use crate::engine::{AgeBand, Ask, Reply, Response, fill};
use crate::flow::{self, Walk};
use crate::profile::Profile;

/// What the person typed to a question: a response, or back.
enum Typed {
    Said(Response),
    Back,
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Starts a check's interview from what was remembered (unless remembering is off): the
    /// answers that still hold today are confirmed on one question, the tools, minutes and
    /// technique are filled in. A profile that cannot be read is said in one line on stderr and
    /// ignored.
    pub(crate) fn start_interview(&mut self) {
        self.resume = None;
        self.profile = match self
            .profiles
            .as_ref()
            .map(crate::profile::ProfileStore::load)
        {
            Some(Ok(profile)) => profile,
            Some(Err(e)) => {
                eprintln!(
                    "fascia: your remembered answers could not be used, so every question is asked: {e}"
                );
                None
            }
            None => None,
        };
        let holding = self
            .profile
            .as_ref()
            .map(|p| p.holding(self.kb, self.today))
            .unwrap_or_default();
        if let Some(p) = &self.profile {
            self.answers.preferences = p.preferences.clone();
        }
        self.walk = Walk::new(holding);
    }

    /// Remembers what may be remembered of a finished check (unless remembering is off).
    pub(crate) fn remember_check(&mut self) -> Result<(), PlainError> {
        let Some(store) = &self.profiles else {
            return Ok(());
        };
        let profile =
            Profile::after_check(self.kb, &self.answers, self.today, self.profile.as_ref());
        match store.save(&profile) {
            Ok(()) => self.profile = Some(profile),
            Err(e) => self.say(&format!("Your answers could not be remembered: {e}"))?,
        }
        Ok(())
    }

    /// Walks the interview until nothing is left to ask (`Next`), back before its first
    /// question (`Back`), or an emergency or urgent answer (`Stop`; coming back asks it again).
    /// When `changing` one answer from the review, back returns to the review.
    pub(crate) fn interview(&mut self, changing: bool) -> Result<Nav, PlainError> {
        match self.resume.take() {
            Some(depth) => self.walk.rewind(&mut self.answers, depth),
            // Back from the review: the last question again.
            None if self.walk.next(self.kb, &self.answers).is_none() => {
                if let Some(last) = self.walk.depth().checked_sub(1) {
                    self.walk.rewind(&mut self.answers, last);
                }
            }
            None => {}
        }
        let mut step = None;
        loop {
            let Some(ask) = self.walk.next(self.kb, &self.answers) else {
                return Ok(Nav::Next);
            };
            let page = flow::page_of(&ask);
            if step != Some(page) && !changing {
                self.announce(page)?;
                step = Some(page);
            }
            let depth = self.walk.depth();
            match self.one(&ask)? {
                Typed::Said(response) => {
                    let at = (&ask, depth);
                    let stopped = self.walk.answer(
                        self.kb,
                        &mut self.answers,
                        at,
                        &response,
                        &self.emergency,
                    );
                    if stopped.is_some() {
                        self.resume = Some(depth);
                        return Ok(Nav::Stop);
                    }
                }
                Typed::Back if changing => return Ok(Nav::Back),
                Typed::Back => match depth.checked_sub(1) {
                    Some(before) => self.walk.rewind(&mut self.answers, before),
                    None => return Ok(Nav::Back),
                },
            }
        }
    }

    /// Changes one answer from the review: `ask`, then any question the new answer opens.
    pub(crate) fn change(&mut self, ask: &crate::engine::Ask<'_>) -> Result<Nav, PlainError> {
        let depth = self.walk.depth();
        match self.one(ask)? {
            Typed::Back => Ok(Nav::Back),
            Typed::Said(response) => {
                let at = (ask, depth);
                if self
                    .walk
                    .answer(self.kb, &mut self.answers, at, &response, &self.emergency)
                    .is_some()
                {
                    self.resume = Some(depth);
                    return Ok(Nav::Stop);
                }
                self.interview(true)
            }
        }
    }

    /// Asks one question and reads the answer.
    fn one(&mut self, ask: &Ask<'_>) -> Result<Typed, PlainError> {
        let left = self.walk.left(self.kb, &self.answers).max(1);
        let count = format!("Question {}, about {left} left", self.walk.depth() + 1);
        match ask {
            Ask::Confirm(remembered) => {
                self.say("Last time you told us (kept on this computer only):")?;
                for r in remembered {
                    self.say(&format!("- {}", flow::remembered_words(self.kb, r)))?;
                }
                let since = flow::since(remembered)
                    .map_or_else(String::new, |d| format!(" since {}", flow::day_words(d)));
                self.choose(&format!("{count}: still true{since}? y still true, n something changed (asks them again), b back."), |line| match line {
                    "y" | "yes" => Some(Response::Confirmed(true)),
                    "n" | "no" => Some(Response::Confirmed(false)),
                    _ => None,
                }, "")
            }
            Ask::Age => {
                let bands = numbered(AgeBand::ALL.iter().map(|b| b.words()));
                self.choose(
                    &format!("{count}: how old are you? {bands}. Type a number, h why we ask, b back."),
                    |line| {
                        let i = line.parse::<usize>().ok()?.checked_sub(1)?;
                        AgeBand::ALL.get(i).map(|b| Response::Age(*b))
                    },
                    "Why we ask: children need a doctor's advice first, and from 50 a few signs need a doctor soon.",
                )
            }
            Ask::Gate { gate, regions, .. } => {
                let question = fill(&gate.question, &self.emergency);
                let areas = if regions.is_empty() {
                    String::new()
                } else {
                    format!(" (areas: {})", flow::area_names(self.kb, regions))
                };
                self.say(&format!("{count}: {question}{areas}"))?;
                let lines = ask.lines();
                for (n, (_, _, line)) in lines.iter().enumerate() {
                    self.say(&format!("{}. {}", n + 1, fill(&line.text, &self.emergency)))?;
                    if let Some(no) = &line.no_if {
                        self.say(&format!("   Answer no if {}", fill(no, &self.emergency)))?;
                    }
                }
                let why = format!("Why we ask: {}", fill(&gate.explain, &self.emergency));
                let count = lines.len();
                self.choose(
                    "Type the numbers of the lines that apply (like 2 5), a number with ? if you are not sure (like 3?), n for none of these, h why we ask, b back.",
                    |line| marks(line, count),
                    &why,
                )
            }
            Ask::Item { item, regions } => {
                let question =
                    flow::question_text(self.kb, regions, &item.question, &self.emergency);
                let mut why = format!("Why we ask: {}", item.explain);
                if let Some(c) = &item.clarifier {
                    why.push(' ');
                    why.push_str(c);
                }
                let why = fill(&why, &self.emergency);
                self.choose(
                    &format!("{count}: {question} ({ANSWER_HELP})."),
                    |line| match line {
                        "y" | "yes" | "1" => Some(Response::Reply(Reply::Yes)),
                        "n" | "no" | "2" => Some(Response::Reply(Reply::No)),
                        "?" | "not sure" | "notsure" | "u" | "3" => {
                            Some(Response::Reply(Reply::NotSure))
                        }
                        _ => None,
                    },
                    &why,
                )
            }
            Ask::WhichAreas {
                item,
                reply,
                regions,
            } => {
                let said = crate::words::item_text(&self.answers, item);
                self.which(&count, &said, *reply, regions)
            }
        }
    }

    /// "Which areas?": the numbers of the areas the reply applies to.
    fn which(
        &mut self,
        count: &str,
        question: &str,
        reply: Reply,
        regions: &[&str],
    ) -> Result<Typed, PlainError> {
        let names = numbered(
            regions
                .iter()
                .map(|r| crate::words::region_name(self.kb, r)),
        );
        let question = fill(question, &self.emergency);
        let regions: Vec<String> = regions.iter().map(|r| (*r).to_owned()).collect();
        self.choose(
                    &format!("{count}: which areas? You answered {} to: {question} {names}. Type the numbers of the areas it applies to, separated by spaces (the others count as no), ? if you are not sure which, or b to go back.", reply.words()),
                    |line| {
                        if line == "?" {
                            let all = regions.iter().map(|r| (r.clone(), Reply::NotSure));
                            return Some(Response::Areas(all.collect()));
                        }
                        let picked: Option<BTreeMap<String, Reply>> = line
                            .split(|c: char| c == ',' || c.is_whitespace())
                            .filter(|w| !w.is_empty())
                            .map(|w| {
                                let i = w.parse::<usize>().ok()?.checked_sub(1)?;
                                regions.get(i).map(|r| (r.clone(), reply))
                            })
                            .collect();
                        picked.filter(|p| !p.is_empty()).map(Response::Areas)
                    },
                    "",
                )
    }

    /// Reads lines until `parse` takes one, b goes back, or h shows `why`.
    fn choose(
        &mut self,
        prompt: &str,
        parse: impl Fn(&str) -> Option<Response>,
        why: &str,
    ) -> Result<Typed, PlainError> {
        loop {
            let line = self.ask(prompt)?.to_lowercase();
            match line.as_str() {
                "b" | "back" => return Ok(Typed::Back),
                "h" | "help" | "why" if !why.is_empty() => {
                    self.say(why)?;
                    continue;
                }
                _ => {}
            }
            if let Some(response) = parse(&line) {
                return Ok(Typed::Said(response));
            }
            self.say("Please type one of the answers shown.")?;
        }
    }
}

/// A checklist's answer typed as line numbers (`3` yes, `3?` not sure), or `n` for none of
/// these, or `?` alone for not sure about every line; `None` when it is not one of those.
fn marks(line: &str, count: usize) -> Option<Response> {
    match line {
        "n" | "no" | "none" => return Some(Response::Reply(Reply::No)),
        "?" | "u" | "not sure" | "notsure" => return Some(Response::Reply(Reply::NotSure)),
        _ => {}
    }
    let marked: Option<BTreeMap<usize, Reply>> = line
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let (number, reply) = match w.strip_suffix('?') {
                Some(n) => (n, Reply::NotSure),
                None => (w, Reply::Yes),
            };
            let i = number.parse::<usize>().ok()?.checked_sub(1)?;
            (i < count).then_some((i, reply))
        })
        .collect();
    marked.filter(|m| !m.is_empty()).map(Response::Lines)
}
