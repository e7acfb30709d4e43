//! Plain mode's result: the advice, the tools and time, the routine, and saving the answers.

use std::io::{BufRead, Write};
use std::path::Path;

use super::prompt::numbered;
use super::{Plain, PlainError};
use crate::engine::{Preference, advise};
use crate::flow::{self, Page};
use crate::report;

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    pub(crate) fn result(&mut self, save: Option<&Path>) -> Result<(), PlainError> {
        self.announce(Page::Result)?;
        let advice = advise(self.kb, &self.answers, &self.emergency);
        let screening_only = crate::engine::Advice {
            screening: advice.screening.clone(),
            routine: None,
        };
        let text = report::text(self.kb, &screening_only);
        self.say(text.trim_end())?;
        self.advice = Some(advice.clone());
        if advice.screening.permit().is_some() {
            self.preferences()?;
            let advice = advise(self.kb, &self.answers, &self.emergency);
            if let Some(r) = &advice.routine {
                self.announce(Page::Routine)?;
                let text = report::routine_text(self.kb, r);
                self.say(text.trim())?;
                self.say("At the menu, 5 starts the guided session (timed lines, your ratings before and after, saved to your history) and 6 saves the hand-off for a doctor or physio.")?;
            } else {
                // Nothing fitted the tools and time: the result says why.
                let text = report::text(self.kb, &advice);
                self.say(text.trim_end())?;
            }
            self.advice = Some(advice);
        } else {
            self.say("At the menu, 6 saves this as a hand-off for a doctor or physio.")?;
        }
        self.remember_check()?;
        self.save(save)
    }

    /// An emergency, urgent or referral answer: its result at once. Then the person is done,
    /// goes back to change the answer, or (after a referral) finishes the questions for their
    /// clinician.
    pub(crate) fn stopped(&mut self, save: Option<&Path>) -> Result<Stopped, PlainError> {
        let Some(advice) = flow::stop(self.kb, &self.answers, &self.emergency) else {
            return Ok(Stopped::Back);
        };
        self.announce(Page::Result)?;
        let text = report::text(self.kb, &advice);
        self.say(text.trim_end())?;
        let refer = advice.screening.outcome == crate::engine::Outcome::Refer;
        let prompt = if refer {
            "Type f to finish the questions for your clinician (your answers go into the summary), b to go back and change that answer, or press enter to finish."
        } else {
            "Type b to go back and change that answer, or press enter to finish."
        };
        loop {
            match self.ask(prompt)?.to_lowercase().as_str() {
                "b" | "back" => return Ok(Stopped::Back),
                "f" | "finish" if refer => {
                    self.walk.finish();
                    self.resume = None;
                    return Ok(Stopped::Finish);
                }
                "" => {
                    self.say("At the menu, 6 saves this as a hand-off for a doctor or physio.")?;
                    self.advice = Some(advice);
                    self.remember_check()?;
                    self.save(save)?;
                    return Ok(Stopped::Done);
                }
                _ if refer => self.say("Please type f or b, or press enter.")?,
                _ => self.say("Please type b, or press enter.")?,
            }
        }
    }

    /// Saves the answers in the answers format when `--save-answers` asked for it.
    pub(crate) fn save(&mut self, save: Option<&Path>) -> Result<(), PlainError> {
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

    pub(crate) fn preferences(&mut self) -> Result<(), PlainError> {
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
        let kept: Vec<String> = tools
            .iter()
            .filter(|(id, _)| self.answers.preferences.tools.contains(id))
            .map(|(_, name)| name.clone())
            .collect();
        loop {
            let line = if kept.is_empty() {
                self.ask("Type the numbers of the tools you have, separated by spaces, or press enter for none. Hands, knuckles and elbows always count.")?
            } else {
                let line = self.ask(&format!("Type the numbers of the tools you have, separated by spaces, 0 for none, or press enter to keep: {}. Hands, knuckles and elbows always count.", kept.join(", ")))?;
                match line.as_str() {
                    "" => break,
                    "0" => String::new(),
                    _ => line,
                }
            };
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
        let minutes = crate::engine::answers::MINUTES;
        if let Some(m) = self.ask_until(
            &format!(
                "How many minutes do you have, from 2 to 120? Enter keeps {}.",
                self.answers.preferences.minutes
            ),
            "Please type a number from 2 to 120.",
            |line| match line.parse::<u32>() {
                _ if line.is_empty() => Some(None),
                Ok(m) if minutes.contains(&m) => Some(Some(m)),
                _ => None,
            },
        )? {
            self.answers.preferences.minutes = m;
        }
        loop {
            let kept = Preference::ALL
                .iter()
                .position(|p| *p == self.answers.preferences.technique)
                .map_or(1, |i| i + 1);
            let line = self.ask(&format!("Which techniques? 1 let fascia choose, 2 direct (firmer, on the tender spot), 3 indirect (gentle, gliding). Enter keeps {kept}."))?;
            self.answers.preferences.technique = match line.as_str() {
                "" => self.answers.preferences.technique,
                "1" => Preference::Auto,
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
}

/// What the person chose after a result that stopped the check.
pub(crate) enum Stopped {
    /// Done: the result stands.
    Done,
    /// Back to the question that stopped the check.
    Back,
    /// On with the remaining questions, for the clinician.
    Finish,
}
