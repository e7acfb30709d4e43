//! Plain mode's guided session: the ratings before, then each step as timed lines ("Step 1 of
//! 3 ... Set 1 of 2, left side: 60 seconds ... Switch sides ... Rest 30 seconds"), the person
//! getting ready at their own pace before each step (or skipping it, or ending), the ratings
//! after, and the record saved once to the history. The waiting goes through [`Pace`], so tests
//! never sleep; the session's own clock is counted from the phases, not read from the wall.

use std::io::{BufRead, Write};
use std::time::Duration;

use super::prompt::is_quit;
use super::{Plain, PlainError};
use crate::change::{MEANING_NOTE, Scale, change};
use crate::engine::{Routine, Step};
use crate::history::{Rating, Record, Score};
use crate::report::{keep_off_lines, region_name, tool_line};
use crate::session::{Activity, Side, Timer, Transition, phases};
use crate::words::position as position_words;

/// How plain mode waits out a timed phase.
pub trait Pace {
    /// Waits `seconds` (a set or a rest).
    fn wait(&mut self, seconds: u32);
}

/// Waits for real.
#[derive(Debug, Default)]
pub struct Sleep;

impl Pace for Sleep {
    fn wait(&mut self, seconds: u32) {
        std::thread::sleep(Duration::from_secs(u64::from(seconds)));
    }
}

/// Does not wait (tests and demonstrations): the lines follow one another at once.
#[derive(Debug, Default)]
pub struct NoWait;

impl Pace for NoWait {
    fn wait(&mut self, _seconds: u32) {}
}

/// What the person chose before a step.
enum Ready {
    Go,
    Skip,
    End,
}

fn side_words(side: Option<Side>) -> &'static str {
    match side {
        Some(Side::Left) => ", left side",
        Some(Side::Right) => ", right side",
        None => "",
    }
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// The guided session of the routine of the last check.
    pub(crate) fn guided(&mut self) -> Result<(), PlainError> {
        let Some(routine) = self.advice.as_ref().and_then(|a| a.routine.clone()) else {
            return self.say("There is no routine yet: finish the check first (1).");
        };
        self.say("")?;
        let n = routine.steps.len();
        self.say(&format!(
            "Guided session: {n} {}. Before each step you get into position at your own pace; then the times are called out line by line.",
            if n == 1 { "step" } else { "steps" }
        ))?;
        let Some(mut ratings) = self.rate_before(&routine)? else {
            return self.say("The session was not started.");
        };
        let id = crate::history::new_id();
        let started = crate::history::now();
        let mut timer = Timer::start(phases(&routine), Duration::ZERO);
        // Quitting from here on saves the session as it stands, then quits.
        self.in_session = true;
        let mut ran = self.follow(&routine, &mut timer);
        timer.end();
        let said = ran.is_ok();
        if said {
            self.say("")?;
            self.say(&format!("Session {}.", timer.status().words()))?;
            ran = self.rate_after(&mut ratings);
        }
        self.in_session = false;
        let quit = match ran {
            Ok(()) => None,
            Err(e) if is_quit(&e) => Some(e),
            Err(e) => return Err(e),
        };
        let record = Record::from_session(
            &id,
            Some(started),
            crate::history::now(),
            &routine,
            ratings,
            &timer,
        );
        if let Some(quit) = quit {
            if !said {
                self.say(&format!("Session {}.", timer.status().words()))?;
            }
            match self.try_save(&record) {
                Ok(path) => self.say(&format!("Saved to your history: {path}"))?,
                Err(e) => self.say(&format!("Not saved: {e}"))?,
            }
            return Err(quit);
        }
        self.save_record(&record)?;
        self.say_record(&record)?;
        self.say(MEANING_NOTE)
    }

    /// The steps, each after the person is ready (or skipped, or the session ended).
    fn follow(&mut self, routine: &Routine, timer: &mut Timer) -> Result<(), PlainError> {
        let mut now = Duration::ZERO;
        timer.hold(now);
        while let Some(step) = timer.current().map(|p| p.step) {
            let Some(s) = routine.steps.get(step) else {
                break;
            };
            match self.get_ready(routine, step, s)? {
                Ready::Skip => {
                    timer.skip(now);
                    self.say(&format!("Step {} skipped.", step + 1))?;
                    continue;
                }
                Ready::End => {
                    timer.end();
                    break;
                }
                Ready::Go => {}
            }
            timer.release(now);
            self.run_step(timer, &mut now, step)?;
            timer.hold(now);
        }
        Ok(())
    }

    /// The phases of one step, called out as they come; the clock moves by each phase's length.
    fn run_step(
        &mut self,
        timer: &mut Timer,
        now: &mut Duration,
        step: usize,
    ) -> Result<(), PlainError> {
        while let Some(p) = timer.current().copied() {
            if p.step != step {
                break;
            }
            let line = match p.activity {
                Activity::Work => format!(
                    "Set {} of {}{}: {} seconds. Go.",
                    p.set,
                    p.sets,
                    side_words(p.side),
                    p.seconds
                ),
                Activity::Rest => format!("Rest {} seconds.", p.seconds),
                Activity::GetReady => format!("Get ready: {} seconds.", p.seconds),
            };
            self.say(&line)?;
            self.out.flush()?;
            self.pace.wait(p.seconds);
            *now += Duration::from_secs(u64::from(p.seconds));
            match timer.tick(*now) {
                Some(Transition::SwitchSides) => self.say("Switch sides: now the right side.")?,
                Some(Transition::NextStep | Transition::Finished) => {
                    self.say(&format!("Step {} done.", step + 1))?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Before a step: where, with what, how, what to keep off and when to stop; then the
    /// person says when they are ready (the end of the input ends the session).
    fn get_ready(&mut self, routine: &Routine, i: usize, s: &Step) -> Result<Ready, PlainError> {
        self.say("")?;
        self.say(&format!(
            "Step {} of {}: {}, {}. {} seconds in all.",
            i + 1,
            routine.steps.len(),
            region_name(self.kb, &s.region),
            s.name,
            s.seconds
        ))?;
        self.say(&format!(
            "Get into position: {}. Tool: {}.",
            position_words(s.position),
            tool_line(self.kb, s)
        ))?;
        if let Some(t) = self.kb.technique(&s.technique) {
            let how: Vec<String> = t
                .steps
                .iter()
                .enumerate()
                .map(|(n, x)| format!("{}. {x}", n + 1))
                .collect();
            self.say(&format!("How to: {}", how.join(" ")))?;
        }
        for k in keep_off_lines(s) {
            self.say(&format!("Keep off: {k}"))?;
        }
        self.say(&format!("Stop if: {}", s.stop_if.join(" ")))?;
        loop {
            let Some(line) = self.read(
                "Press enter when you are ready, s to skip this step, or e to end the session.",
            )?
            else {
                return Ok(Ready::End);
            };
            match line.to_lowercase().as_str() {
                "" => return Ok(Ready::Go),
                "s" | "skip" => return Ok(Ready::Skip),
                "e" | "end" => return Ok(Ready::End),
                _ => self.say("Please press enter, or type s or e.")?,
            }
        }
    }

    /// Pain and how freely each area moves, before; `None` when the input ended.
    fn rate_before(&mut self, routine: &Routine) -> Result<Option<Vec<Rating>>, PlainError> {
        self.say("First move each area, then rate how it feels right now.")?;
        let mut regions: Vec<String> = Vec::new();
        for s in &routine.steps {
            if !regions.contains(&s.region) {
                regions.push(s.region.clone());
            }
        }
        let mut ratings = Vec::new();
        for region in regions {
            let name = region_name(self.kb, &region).to_owned();
            let pain = self.answers.regions.get(&region).map_or(5, |d| d.intensity);
            let Some(pain) =
                self.rating(&format!("{name}: pain or tightness"), "none", "worst", pain)?
            else {
                return Ok(None);
            };
            let Some(ease) = self.rating(
                &format!("{name}: how freely it moves"),
                "hardly",
                "freely",
                5,
            )?
            else {
                return Ok(None);
            };
            ratings.push(Rating {
                region,
                before: Score { pain, ease },
                after: None,
            });
        }
        Ok(Some(ratings))
    }

    /// The same ratings after (enter keeps the rating before; the end of the input keeps all).
    fn rate_after(&mut self, ratings: &mut [Rating]) -> Result<(), PlainError> {
        self.say("Do the same movement tests again, then rate each area now.")?;
        for r in ratings.iter_mut() {
            let name = region_name(self.kb, &r.region).to_owned();
            let pain = self
                .rating(
                    &format!("{name}: pain or tightness now"),
                    "none",
                    "worst",
                    r.before.pain,
                )?
                .unwrap_or(r.before.pain);
            let ease = self
                .rating(
                    &format!("{name}: how freely it moves now"),
                    "hardly",
                    "freely",
                    r.before.ease,
                )?
                .unwrap_or(r.before.ease);
            r.after = Some(Score { pain, ease });
        }
        Ok(())
    }

    /// A rating from 0 to 10 (enter keeps `default`); `None` when the input ended.
    fn rating(
        &mut self,
        what: &str,
        low: &str,
        high: &str,
        default: u8,
    ) -> Result<Option<u8>, PlainError> {
        loop {
            let Some(line) = self.read(&format!(
                "{what}, from 0 ({low}) to 10 ({high})? Enter keeps {default}."
            ))?
            else {
                return Ok(None);
            };
            match line.parse::<u8>() {
                _ if line.is_empty() => return Ok(Some(default)),
                Ok(n) if n <= 10 => return Ok(Some(n)),
                _ => self.say("Please type a number from 0 to 10.")?,
            }
        }
    }

    /// Saves the session once (the same id however often it is tried); r tries again.
    fn save_record(&mut self, record: &Record) -> Result<(), PlainError> {
        loop {
            match self.try_save(record) {
                Ok(path) => return self.say(&format!("Saved to your history: {path}")),
                Err(e) => {
                    self.say(&format!("Not saved: {e}"))?;
                    let again = self.read(
                        "Type r to try saving again, or press enter to go on without saving.",
                    )?;
                    if !again.is_some_and(|a| a.eq_ignore_ascii_case("r")) {
                        return Ok(());
                    }
                }
            }
        }
    }

    /// Saves the session once; where, or why not.
    fn try_save(&self, record: &Record) -> Result<String, String> {
        match &self.store {
            Some(store) => store
                .append_once(record)
                .map(|_| store.path().display().to_string())
                .map_err(|e| e.to_string()),
            None => Err("no place to save the history was found (set FASCIA_DATA_DIR)".to_owned()),
        }
    }

    /// How the session went: steps done and skipped, and each area with what its change means.
    pub(crate) fn say_record(&mut self, r: &Record) -> Result<(), PlainError> {
        self.say(&format!(
            "Session {}: {}.",
            r.status().words(),
            r.steps_words()
        ))?;
        for x in &r.ratings {
            let name = region_name(self.kb, &x.region).to_owned();
            let line = match x.after {
                Some(a) => format!(
                    "{name}: {}; {}.",
                    change(Scale::Pain, x.before.pain, a.pain).words(),
                    change(Scale::Ease, x.before.ease, a.ease).words()
                ),
                None => format!(
                    "{name}: pain {}, moves freely {} before; not rated after.",
                    x.before.pain, x.before.ease
                ),
            };
            self.say(&line)?;
        }
        Ok(())
    }
}
