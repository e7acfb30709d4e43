//! Plain mode's check: the flow's pages as questions, one at a time, with back and the stop
//! at once on an emergency or urgent answer.

use std::io::{BufRead, Write};
use std::path::Path;

use super::prompt::numbered;
use super::result::Stopped;
use super::{Nav, Plain, PlainError};
use crate::engine::{Answers, Reply, Since};
use crate::flow::{self, Page};
use crate::kb::{Feel, Goal};
use crate::report;
use crate::words::{feel as feel_words, goal as goal_words};

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    pub(crate) fn check(&mut self, save: Option<&Path>) -> Result<(), PlainError> {
        self.answers = Answers::default();
        self.start_interview();
        let mut page = Page::Where;
        loop {
            let nav = match page {
                Page::Where => self.areas()?,
                Page::Details => self.details()?,
                Page::Emergency | Page::Health | Page::Area => {
                    let nav = self.interview(false)?;
                    // The interview is one walk over the three question steps: back leaves it
                    // for the page before the first, on for the page after the last.
                    page = if matches!(nav, Nav::Back) {
                        Page::Emergency
                    } else {
                        Page::Area
                    };
                    nav
                }
                Page::Review => self.review()?,
                // The result goes on to the tools and the routine by itself.
                Page::Result | Page::Preferences | Page::Routine => return self.result(save),
            };
            let to = match nav {
                Nav::Next => flow::next(self.kb, &self.answers, page, false),
                Nav::Back => flow::previous(self.kb, &self.answers, page),
                Nav::Stop => match self.stopped(save)? {
                    Stopped::Done => return Ok(()),
                    // Back to the question that stopped the check.
                    Stopped::Back => Some(page),
                    Stopped::Finish if self.walk.next(self.kb, &self.answers).is_some() => {
                        Some(page)
                    }
                    Stopped::Finish => Some(Page::Review),
                },
            };
            let Some(to) = to else {
                return Ok(());
            };
            page = to;
        }
    }

    /// The chosen areas' ids, owned (the prompts below need `self` mutably).
    pub(crate) fn chosen_ids(&self) -> Vec<String> {
        self.answers
            .chosen(self.kb)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    pub(crate) fn region_names(&self) -> String {
        let names: Vec<&str> = self
            .answers
            .chosen(self.kb)
            .into_iter()
            .map(|r| report::region_name(self.kb, r))
            .collect();
        names.join(", ")
    }

    pub(crate) fn areas(&mut self) -> Result<Nav, PlainError> {
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

    pub(crate) fn details(&mut self) -> Result<Nav, PlainError> {
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
    pub(crate) fn detail(&mut self, id: &str, field: usize) -> Result<Nav, PlainError> {
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

    pub(crate) fn review(&mut self) -> Result<Nav, PlainError> {
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
                let reply = flow::reply(&self.answers, p).map_or("not answered", Reply::words);
                let about = report::about(self.kb, &p.regions);
                let named = crate::words::item_named(&self.answers, p.item);
                self.say(&format!("{n}. {reply}: {about}{named}"))?;
            }
            // A bad answer repeats only the prompt: the list is said again only after a change.
            let pick = self.ask_until(
                "Type a number to change that answer, press enter to see the result, or b to go back.",
                &format!("Please type a number from 1 to {n}, press enter, or type b."),
                |line| match line {
                    "" => Some(Pick::Result),
                    "b" | "B" => Some(Pick::Back),
                    _ => line
                        .parse::<usize>()
                        .ok()
                        .and_then(|k| k.checked_sub(1))
                        .filter(|k| *k < n)
                        .map(Pick::Row),
                },
            )?;
            match pick {
                Pick::Result => return Ok(Nav::Next),
                Pick::Back => return Ok(Nav::Back),
                Pick::Row(k) if k < regions.len() => {
                    for field in 0..4 {
                        if let Nav::Back = self.detail(&regions[k].clone(), field)? {
                            break;
                        }
                    }
                }
                Pick::Row(k) => {
                    let ask = flow::change(self.kb, &all[k - regions.len()].1);
                    // The one answer, then any question it opens, then the review again.
                    if let Nav::Stop = self.change(&ask)? {
                        return Ok(Nav::Stop);
                    }
                }
            }
        }
    }
}

/// What was typed at the review.
enum Pick {
    Result,
    Back,
    /// The answer on this row (from 0), to change it.
    Row(usize),
}
