//! The app's state and its one `update`: every key, click and screen change goes through here.

use std::time::Duration;

use crate::browse::{self, Filter, Hit, Target};
use crate::engine::{Advice, Answers, Preference, RegionDetails, Reply, Since, advise};
use crate::flow;
use crate::history::{Loaded, Rating, Record, Score, StepDone, Store};
use crate::kb::{Feel, Goal, Kind, KnowledgeBase, Section, Technique, Tool};
use crate::session::{Timer, Transition, phases};

use super::action::Action;
use super::keys::{self, Binding};
pub use super::screen::{Overlay, Pane, STEPS, Screen};

/// One question row (a prompt of the questionnaire).
pub type Row<'kb> = crate::engine::Prompt<'kb>;

/// One editable field of the details screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Feel,
    Intensity,
    Since,
    Goal,
}

pub const FIELDS: [Field; 4] = [Field::Feel, Field::Intensity, Field::Since, Field::Goal];

/// The rows of the preferences screen: time, technique, then each tool.
pub const PREF_FIXED_ROWS: usize = 2;

/// The guided session: timer, ratings, bell, and what happened when saving.
#[derive(Debug, Default)]
pub struct Guided {
    pub timer: Option<Timer>,
    /// Ratings before (and after) for each area of the routine; the cursor over them.
    pub ratings: Vec<Rating>,
    pub rate_field: usize,
    /// Whether the session ran to the end.
    pub completed: bool,
    /// No bell (`--quiet`, or `m` during a session); a bell waiting to be rung.
    pub quiet: bool,
    pub bell: bool,
    pub saved: Option<Result<String, String>>,
}

/// Everything the app knows. Rendering only reads it.
#[derive(Debug)]
pub struct App<'kb> {
    pub kb: &'kb KnowledgeBase,
    pub emergency: String,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub answers: Answers,
    pub pane: Pane,
    /// Cursor per screen.
    pub welcome: usize,
    pub region: usize,
    pub field: usize,
    pub question: usize,
    pub review: usize,
    pub pref: usize,
    pub step: usize,
    /// Scroll offset of the long text panes (outcome, step details).
    pub scroll: u16,
    /// The advice for the current answers, computed when the result is shown.
    pub advice: Option<Advice>,
    /// A one-line message (a hint, or where a file was written).
    pub status: Option<String>,
    /// Set when a review row sent the person back to change an answer.
    pub from_review: bool,
    /// Where the check stopped at an emergency or urgent answer (screen and question), so that
    /// going back from the result returns there.
    pub stopped_at: Option<(Screen, usize)>,
    /// Browse: the screens to go back to, innermost last.
    pub browse_stack: Vec<Screen>,
    /// Browse: the area whose techniques are listed, the row in that list, the technique shown.
    pub browse_region: usize,
    pub browse_row: usize,
    pub technique: Option<String>,
    /// Browse filters: a tool (index into the tools) and a kind.
    pub tool_filter: Option<usize>,
    pub kind_filter: Option<Kind>,
    /// Browse search: what was typed, and the selected result.
    pub query: String,
    pub hit: usize,
    /// The time now, since a fixed origin; the event loop sets it (tests set it by hand).
    pub now: Duration,
    /// The guided session.
    pub guided: Guided,
    /// Where sessions are saved.
    pub store: Option<Store>,
    /// History: what was loaded, the selected session and area.
    pub history: Option<Result<Loaded, String>>,
    pub history_row: usize,
    pub history_region: usize,
    pub quit: bool,
}

impl<'kb> App<'kb> {
    pub fn new(kb: &'kb KnowledgeBase, emergency: &str) -> Self {
        Self {
            kb,
            emergency: emergency.to_owned(),
            screen: Screen::Welcome,
            overlay: None,
            answers: Answers::default(),
            pane: Pane::First,
            welcome: 0,
            region: 0,
            field: 0,
            question: 0,
            review: 0,
            pref: 0,
            step: 0,
            scroll: 0,
            advice: None,
            status: None,
            from_review: false,
            stopped_at: None,
            browse_stack: Vec::new(),
            browse_region: 0,
            browse_row: 0,
            technique: None,
            tool_filter: None,
            kind_filter: None,
            query: String::new(),
            hit: 0,
            now: Duration::ZERO,
            guided: Guided::default(),
            store: None,
            history: None,
            history_row: 0,
            history_region: 0,
            quit: false,
        }
    }

    /// The chosen regions in body-map order.
    pub fn chosen(&self) -> Vec<&'kb str> {
        self.answers.chosen(self.kb)
    }

    /// The question rows of a section, for the current answers.
    pub fn rows(&self, section: Section) -> Vec<Row<'kb>> {
        flow::QUESTION_PAGES
            .into_iter()
            .find(|p| p.section() == Some(section))
            .map_or_else(Vec::new, |page| {
                flow::questions(self.kb, &self.answers, page)
            })
    }

    /// The reply given on screen for a row, if any.
    pub fn reply(&self, row: &Row<'_>) -> Option<Reply> {
        self.answers.reply(&row.item.id, row.region)
    }

    /// Every row of every question screen, in order (for the review).
    pub fn all_rows(&self) -> Vec<(Screen, Row<'kb>)> {
        flow::all_questions(self.kb, &self.answers)
            .into_iter()
            .map(|(page, row)| (Screen::of(page), row))
            .collect()
    }

    /// Tools in the order the preferences screen lists them.
    pub fn tools(&self) -> &'kb [Tool] {
        self.kb.tools()
    }

    /// The current screen's own bindings, whatever overlay is open (the help overlay lists them).
    pub fn screen_table(&self) -> &'static [Binding] {
        let permit = self
            .advice
            .as_ref()
            .is_some_and(|a| a.screening.permit().is_some());
        keys::table(self.screen, permit)
    }

    /// Every binding in force: the overlay's or the screen's, then the global ones.
    pub fn bindings(&self) -> impl Iterator<Item = &'static Binding> {
        let own = self
            .overlay
            .map_or_else(|| self.screen_table(), keys::overlay_table);
        own.iter().chain(keys::global(self.screen, self.overlay))
    }

    /// Applies a key press.
    pub fn on_key(&mut self, key: crossterm::event::KeyEvent) {
        if let Some(action) = keys::action_for(self.bindings(), self.screen, self.overlay, key) {
            self.update(action);
        }
    }

    /// The one place state changes.
    pub fn update(&mut self, action: Action) {
        self.status = None;
        if let Some(overlay) = self.overlay {
            match (overlay, action) {
                (_, Action::ForceQuit) | (Overlay::ConfirmQuit, Action::Confirm) => {
                    self.quit = true;
                }
                (Overlay::ConfirmQuit, Action::Cancel | Action::Back)
                | (Overlay::Help, Action::Help | Action::Back | Action::Cancel | Action::Next) => {
                    self.overlay = None;
                }
                _ => {}
            }
            return;
        }
        match action {
            Action::ForceQuit => self.quit = true,
            Action::Quit if self.screen == Screen::Welcome => self.quit = true,
            Action::Quit => self.overlay = Some(Overlay::ConfirmQuit),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Browse => {
                self.browse_stack.push(self.screen);
                self.go(Screen::BrowseRegions);
            }
            Action::Search => {
                self.browse_stack.push(self.screen);
                self.query.clear();
                self.hit = 0;
                self.go(Screen::BrowseSearch);
            }
            Action::StartCheck => {
                self.browse_stack.clear();
                self.go(Screen::Where);
            }
            Action::StartSession => self.start_session(),
            Action::OpenHistory => self.open_history(),
            Action::Back if self.screen.is_browse() || self.screen == Screen::History => {
                let previous = self.browse_stack.pop().unwrap_or(Screen::Welcome);
                self.screen = previous;
                self.scroll = 0;
            }
            Action::Back => self.back(),
            Action::Next => self.next(),
            Action::NextPane => {
                self.pane = if self.pane == Pane::First {
                    Pane::Second
                } else {
                    Pane::First
                };
            }
            _ => self.screen_action(action),
        }
    }

    fn screen_action(&mut self, action: Action) {
        match self.screen {
            Screen::Welcome => match action {
                Action::Up => self.welcome = self.welcome.saturating_sub(1),
                Action::Down => {
                    self.welcome = (self.welcome + 1).min(keys::WELCOME_MENU.len() - 1);
                }
                _ => {}
            },
            Screen::Where | Screen::BrowseRegions => self.where_action(action),
            Screen::Details => self.details_action(action),
            Screen::Emergency | Screen::Health | Screen::Area => self.question_action(action),
            Screen::Review => match action {
                Action::Up => self.review = self.review.saturating_sub(1),
                Action::Down => {
                    self.review = (self.review + 1).min(self.review_len().saturating_sub(1));
                }
                Action::Toggle => self.change_from_review(),
                _ => {}
            },
            Screen::Outcome | Screen::Routine if matches!(action, Action::Export) => self.export(),
            Screen::Outcome | Screen::BrowseTechnique => self.scroll_action(action),
            Screen::Preferences => self.pref_action(action),
            Screen::BrowseList => self.browse_list_action(action),
            Screen::BrowseSearch => self.search_action(action),
            Screen::RateBefore | Screen::RateAfter => self.rate_action(action),
            Screen::Session => self.session_action(action),
            Screen::Done if action == Action::Retry => self.save_session(),
            Screen::Done => {}
            Screen::History => self.history_action(action),
            Screen::Routine => match (self.pane, action) {
                (Pane::First, Action::Up) => {
                    self.step = self.step.saturating_sub(1);
                    self.scroll = 0;
                }
                (Pane::First, Action::Down) => {
                    let n = self
                        .advice
                        .as_ref()
                        .and_then(|a| a.routine.as_ref())
                        .map_or(0, |r| r.steps.len());
                    self.step = (self.step + 1).min(n.saturating_sub(1));
                    self.scroll = 0;
                }
                _ => self.scroll_action(action),
            },
        }
    }

    fn scroll_action(&mut self, action: Action) {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            _ => {}
        }
    }

    fn where_action(&mut self, action: Action) {
        let n = self.kb.regions().len();
        match action {
            Action::Toggle if self.screen == Screen::BrowseRegions => self.open_region(self.region),
            Action::Toggle => self.toggle_region(self.region),
            Action::Up | Action::Down | Action::Left | Action::Right
                if self.pane == Pane::First =>
            {
                if let Some(next) = super::body_map::step(self.kb, self.region, action) {
                    self.region = next;
                }
            }
            Action::Up => self.region = self.region.saturating_sub(1),
            Action::Down => self.region = (self.region + 1).min(n - 1),
            _ => {}
        }
    }

    /// Chooses or un-chooses the region at `index` (body-map order).
    pub fn toggle_region(&mut self, index: usize) {
        let Some(region) = self.kb.regions().get(index) else {
            return;
        };
        self.region = index;
        if self.answers.regions.remove(&region.id).is_none() {
            self.answers
                .regions
                .insert(region.id.clone(), RegionDetails::default());
        }
    }

    /// The routine being followed (from the last advice).
    pub fn routine(&self) -> Option<&crate::engine::Routine> {
        self.advice.as_ref().and_then(|a| a.routine.as_ref())
    }

    /// From the routine: rate each of its areas first (pain defaults to the strength given).
    fn start_session(&mut self) {
        let Some(routine) = self.routine() else {
            return;
        };
        let mut regions: Vec<String> = Vec::new();
        for s in &routine.steps {
            if !regions.contains(&s.region) {
                regions.push(s.region.clone());
            }
        }
        self.guided.ratings = regions
            .into_iter()
            .map(|region| {
                let pain = self.answers.regions.get(&region).map_or(5, |d| d.intensity);
                Rating {
                    region,
                    before: Score { pain, ease: 5 },
                    after: None,
                }
            })
            .collect();
        self.guided.rate_field = 0;
        self.guided.saved = None;
        self.go(Screen::RateBefore);
    }

    fn rate_action(&mut self, action: Action) {
        let total = self.guided.ratings.len() * 2;
        let after = self.screen == Screen::RateAfter;
        match action {
            Action::Up => self.guided.rate_field = self.guided.rate_field.saturating_sub(1),
            Action::Down => {
                self.guided.rate_field = (self.guided.rate_field + 1).min(total.saturating_sub(1));
            }
            Action::Left | Action::Right => {
                let Some(r) = self.guided.ratings.get_mut(self.guided.rate_field / 2) else {
                    return;
                };
                let score = if after {
                    r.after.get_or_insert(r.before)
                } else {
                    &mut r.before
                };
                let value = if self.guided.rate_field.is_multiple_of(2) {
                    &mut score.pain
                } else {
                    &mut score.ease
                };
                *value = if action == Action::Right {
                    (*value + 1).min(10)
                } else {
                    value.saturating_sub(1)
                };
            }
            _ => {}
        }
    }

    fn session_action(&mut self, action: Action) {
        if matches!(action, Action::Up | Action::Down) {
            self.scroll_action(action);
            return;
        }
        let now = self.now;
        let Some(timer) = self.guided.timer.as_mut() else {
            return;
        };
        let transition = match action {
            Action::Toggle if timer.is_paused() => {
                timer.resume(now);
                None
            }
            Action::Toggle => {
                timer.pause(now);
                None
            }
            Action::SkipStep => Some(timer.skip(now)),
            Action::PreviousStep => Some(timer.back(now)),
            Action::EndSession => {
                timer.end();
                self.guided.completed = false;
                self.finish_session();
                return;
            }
            Action::Mute => {
                self.guided.quiet = !self.guided.quiet;
                self.status = Some(
                    if self.guided.quiet {
                        "Bell off."
                    } else {
                        "Bell on."
                    }
                    .to_owned(),
                );
                return;
            }
            _ => None,
        };
        if let Some(t) = transition {
            self.announce(t);
        }
    }

    /// Advances the session timer to `now`; called by the event loop (and by tests).
    pub fn tick(&mut self, now: Duration) {
        self.now = now;
        if self.screen != Screen::Session {
            return;
        }
        if let Some(t) = self.guided.timer.as_mut().and_then(|timer| timer.tick(now)) {
            self.announce(t);
        }
    }

    /// Rings the bell and says what changed at a transition.
    fn announce(&mut self, t: Transition) {
        self.guided.bell = !self.guided.quiet;
        if t == Transition::NextStep {
            self.scroll = 0;
        }
        let phase = self.guided.timer.as_ref().and_then(Timer::current).copied();
        self.status = match (t, phase) {
            (Transition::Finished, _) | (_, None) => {
                self.guided.completed = t == Transition::Finished;
                self.finish_session();
                return;
            }
            (Transition::SwitchSides, Some(p)) => Some(format!(
                "Switch sides: now the {} side.",
                if p.side == Some(crate::session::Side::Right) {
                    "right"
                } else {
                    "left"
                }
            )),
            (Transition::NextStep, Some(p)) => Some(format!("Next: step {}.", p.step + 1)),
            (Transition::Next, Some(p)) if p.activity == crate::session::Activity::Rest => {
                Some("Rest.".to_owned())
            }
            (Transition::Next, Some(p)) => Some(format!("Set {} of {}.", p.set, p.sets)),
        };
    }

    fn finish_session(&mut self) {
        for r in &mut self.guided.ratings {
            r.after.get_or_insert(r.before);
        }
        self.guided.rate_field = 0;
        self.go(Screen::RateAfter);
    }

    /// Leaves at once (a stop signal, or a terminal that failed): a session in progress is saved as
    /// ended early, with no ratings after it, then the app quits.
    pub fn stop(&mut self) {
        match self.screen {
            Screen::Session if self.guided.saved.is_none() => {
                if let Some(timer) = self.guided.timer.as_mut() {
                    timer.end();
                }
                self.guided.completed = false;
                self.save_session();
            }
            Screen::RateAfter if self.guided.saved.is_none() => self.save_session(),
            _ => {}
        }
        self.quit = true;
    }

    /// Saves the finished session to the history; the screen keeps everything if that fails.
    fn save_session(&mut self) {
        let Some(routine) = self.routine() else {
            return;
        };
        let record = Record {
            v: crate::history::VERSION,
            at: crate::history::now(),
            regions: self
                .guided
                .ratings
                .iter()
                .map(|r| r.region.clone())
                .collect(),
            routine: routine
                .steps
                .iter()
                .map(|s| StepDone {
                    region: s.region.clone(),
                    technique: s.technique.clone(),
                    tool: s.tool.clone(),
                    seconds: s.seconds,
                })
                .collect(),
            ratings: self.guided.ratings.clone(),
            completed: self.guided.completed,
            steps_done: self.guided.timer.as_ref().map_or(0, Timer::steps_reached),
        };
        self.guided.saved = Some(match &self.store {
            Some(store) => match store.append(&record) {
                Ok(()) => Ok(store.path().display().to_string()),
                Err(e) => Err(e.to_string()),
            },
            None => Err("no place to save the history was found (set FASCIA_DATA_DIR)".to_owned()),
        });
        self.history = None;
        self.go(Screen::Done);
    }

    fn open_history(&mut self) {
        self.history = Some(match &self.store {
            Some(store) => store.load().map_err(|e| e.to_string()),
            None => Err("no place for the history was found (set FASCIA_DATA_DIR)".to_owned()),
        });
        self.history_row = 0;
        self.history_region = 0;
        self.browse_stack.push(self.screen);
        self.go(Screen::History);
    }

    /// The areas that appear in the history, in body-map order.
    pub fn history_regions(&self) -> Vec<&'kb str> {
        let Some(Ok(loaded)) = &self.history else {
            return Vec::new();
        };
        self.kb
            .regions()
            .iter()
            .filter(|r| {
                loaded
                    .records
                    .iter()
                    .any(|rec| rec.ratings.iter().any(|x| x.region == r.id))
            })
            .map(|r| r.id.as_str())
            .collect()
    }

    fn history_action(&mut self, action: Action) {
        let sessions = match &self.history {
            Some(Ok(l)) => l.records.len(),
            _ => 0,
        };
        let regions = self.history_regions().len();
        match action {
            Action::Up => self.history_row = self.history_row.saturating_sub(1),
            Action::Down => {
                self.history_row = (self.history_row + 1).min(sessions.saturating_sub(1));
            }
            Action::Left => self.history_region = self.history_region.saturating_sub(1),
            Action::Right => {
                self.history_region = (self.history_region + 1).min(regions.saturating_sub(1));
            }
            _ => {}
        }
    }

    /// Browse: the techniques of the area being browsed that pass the filters.
    pub fn browse_list(&self) -> Vec<&'kb Technique> {
        let filter = Filter {
            region: self
                .kb
                .regions()
                .get(self.browse_region)
                .map(|r| r.id.clone()),
            tool: self
                .tool_filter
                .and_then(|i| self.kb.tools().get(i))
                .map(|t| t.id.clone()),
            kind: self.kind_filter,
        };
        browse::techniques(self.kb, &filter)
    }

    /// Browse search results for what was typed.
    pub fn hits(&self) -> Vec<Hit> {
        browse::search(self.kb, &self.query)
    }

    /// Browse: opens the technique list of the area at `index`.
    pub fn open_region(&mut self, index: usize) {
        self.browse_stack.push(self.screen);
        self.browse_region = index;
        self.browse_row = 0;
        self.go(Screen::BrowseList);
    }

    fn open_technique(&mut self, id: &str) {
        self.browse_stack.push(self.screen);
        self.technique = Some(id.to_owned());
        self.go(Screen::BrowseTechnique);
    }

    fn browse_list_action(&mut self, action: Action) {
        let n = self.browse_list().len();
        match action {
            Action::Up => self.browse_row = self.browse_row.saturating_sub(1),
            Action::Down => self.browse_row = (self.browse_row + 1).min(n.saturating_sub(1)),
            Action::ToolFilter => {
                let tools = self.kb.tools().len();
                self.tool_filter = match self.tool_filter {
                    None => Some(0),
                    Some(i) if i + 1 < tools => Some(i + 1),
                    Some(_) => None,
                };
                self.browse_row = 0;
            }
            Action::KindFilter => {
                self.kind_filter = match self.kind_filter {
                    None => Some(Kind::Direct),
                    Some(Kind::Direct) => Some(Kind::Indirect),
                    Some(Kind::Indirect) => None,
                };
                self.browse_row = 0;
            }
            _ => {}
        }
    }

    fn search_action(&mut self, action: Action) {
        match action {
            Action::Type(c) => {
                self.query.push(c);
                self.hit = 0;
            }
            Action::Erase => {
                self.query.pop();
                self.hit = 0;
            }
            Action::Up => self.hit = self.hit.saturating_sub(1),
            Action::Down => self.hit = (self.hit + 1).min(self.hits().len().saturating_sub(1)),
            _ => {}
        }
    }

    fn details_action(&mut self, action: Action) {
        let chosen = self.chosen();
        let total = chosen.len() * FIELDS.len();
        match action {
            Action::Up => self.field = self.field.saturating_sub(1),
            Action::Down => self.field = (self.field + 1).min(total.saturating_sub(1)),
            Action::Left | Action::Right | Action::Toggle => {
                let forward = !matches!(action, Action::Left);
                let Some(region) = chosen.get(self.field / FIELDS.len()) else {
                    return;
                };
                let Some(d) = self.answers.regions.get_mut(*region) else {
                    return;
                };
                match FIELDS[self.field % FIELDS.len()] {
                    Field::Feel => d.feel = cycle(Feel::ALL, d.feel, forward),
                    Field::Intensity => {
                        d.intensity = if forward {
                            (d.intensity + 1).min(10)
                        } else {
                            d.intensity.saturating_sub(1)
                        };
                    }
                    Field::Since => d.since = cycle(&Since::ALL, d.since, forward),
                    Field::Goal => d.goal = cycle(Goal::ALL, d.goal, forward),
                }
            }
            _ => {}
        }
    }

    fn question_action(&mut self, action: Action) {
        let Some(section) = self.screen.section() else {
            return;
        };
        let rows = self.rows(section);
        match action {
            Action::Up => self.question = self.question.saturating_sub(1),
            Action::Down => self.question = (self.question + 1).min(rows.len().saturating_sub(1)),
            Action::Answer(reply) => {
                let Some(row) = rows.get(self.question) else {
                    return;
                };
                if let Some(advice) =
                    flow::answer(self.kb, &mut self.answers, row, reply, &self.emergency)
                {
                    self.show_stop(advice);
                    return;
                }
                // Move to the next unanswered row (answers can add rows, e.g. the age gate).
                let rows = self.rows(section);
                if let Some(next) =
                    (self.question + 1..rows.len()).find(|&i| self.reply(&rows[i]).is_none())
                {
                    self.question = next;
                } else {
                    self.question = (self.question + 1).min(rows.len().saturating_sub(1));
                }
            }
            _ => {}
        }
    }

    fn pref_action(&mut self, action: Action) {
        let rows = PREF_FIXED_ROWS + self.tools().len();
        let prefs = &mut self.answers.preferences;
        match (self.pref, action) {
            (_, Action::Up) => self.pref = self.pref.saturating_sub(1),
            (_, Action::Down) => self.pref = (self.pref + 1).min(rows - 1),
            (0, Action::Left) => {
                prefs.minutes =
                    (prefs.minutes.saturating_sub(1)).max(*crate::engine::answers::MINUTES.start());
            }
            (0, Action::Right) => {
                prefs.minutes = (prefs.minutes + 1).min(*crate::engine::answers::MINUTES.end());
            }
            (1, Action::Left | Action::Right | Action::Toggle) => {
                prefs.technique = cycle(
                    &Preference::ALL,
                    prefs.technique,
                    !matches!(action, Action::Left),
                );
            }
            (i, Action::Toggle) if i >= PREF_FIXED_ROWS => {
                let tool = &self.kb.tools()[i - PREF_FIXED_ROWS];
                if tool.always_owned {
                    self.status = Some(format!("{} are always available.", tool.name));
                } else if let Some(pos) = prefs.tools.iter().position(|t| *t == tool.id) {
                    prefs.tools.remove(pos);
                } else {
                    prefs.tools.push(tool.id.clone());
                }
            }
            _ => {}
        }
    }

    /// Review rows: one per chosen region, then one per question row.
    pub fn review_len(&self) -> usize {
        self.answers.regions.len() + self.all_rows().len()
    }

    fn change_from_review(&mut self) {
        let regions = self.answers.regions.len();
        if self.review < regions {
            self.go(Screen::Details);
            self.field = self.review * FIELDS.len();
        } else {
            let rows = self.all_rows();
            let Some((screen, row)) = rows.get(self.review - regions) else {
                return;
            };
            let section = screen.section();
            let index = section.map_or(0, |s| {
                self.rows(s)
                    .iter()
                    .position(|r| r.item.id == row.item.id && r.region == row.region)
                    .unwrap_or(0)
            });
            self.go(*screen);
            self.question = index;
        }
        self.from_review = true;
    }

    fn go(&mut self, screen: Screen) {
        self.stopped_at = None;
        self.screen = screen;
        self.pane = Pane::First;
        self.scroll = 0;
        self.question = 0;
    }

    fn next(&mut self) {
        match self.screen {
            Screen::Welcome => {
                if let Some(item) = keys::WELCOME_MENU.get(self.welcome) {
                    self.update(item.action);
                }
            }
            Screen::RateBefore => {
                let Some(routine) = self.routine() else {
                    return;
                };
                self.guided.timer = Some(Timer::start(phases(routine), self.now));
                self.guided.completed = false;
                self.go(Screen::Session);
            }
            Screen::RateAfter => self.save_session(),
            Screen::Done => {
                // Start afresh, keeping where sessions are saved and the bell setting.
                let quiet = self.guided.quiet;
                *self = Self {
                    store: self.store.clone(),
                    now: self.now,
                    ..Self::new(self.kb, &self.emergency)
                };
                self.guided.quiet = quiet;
            }
            Screen::BrowseRegions | Screen::BrowseList | Screen::BrowseSearch => self.browse_next(),
            Screen::Where if self.answers.regions.is_empty() => {
                self.status =
                    Some("Choose at least one area first: move to it and press space.".into());
            }
            Screen::Where | Screen::Details => {
                self.field = 0;
                self.walk_on();
            }
            Screen::Emergency | Screen::Health | Screen::Area => self.next_question_page(),
            Screen::Review => {
                if let Some((screen, _)) = self
                    .all_rows()
                    .into_iter()
                    .find(|(_, r)| self.reply(r).is_none())
                {
                    self.status =
                        Some("Some questions are not answered yet: they are shown first.".into());
                    self.go(screen);
                    return;
                }
                self.from_review = false;
                self.advice = Some(advise(self.kb, &self.answers, &self.emergency));
                self.go(Screen::Outcome);
            }
            Screen::Outcome => {
                if self
                    .advice
                    .as_ref()
                    .is_some_and(|a| a.screening.permit().is_some())
                {
                    self.pref = 0;
                    self.go(Screen::Preferences);
                }
            }
            Screen::Preferences => {
                self.advice = Some(advise(self.kb, &self.answers, &self.emergency));
                self.step = 0;
                if self.advice.as_ref().is_some_and(|a| a.routine.is_some()) {
                    self.go(Screen::Routine);
                } else {
                    // Nothing fits the tools and time: the result screen says why.
                    self.go(Screen::Outcome);
                }
            }
            Screen::Routine | Screen::BrowseTechnique | Screen::Session | Screen::History => {}
        }
    }

    /// When the answers so far hold an emergency or urgent sign, shows that result at once
    /// (going back returns to this question). True when it stopped.
    fn stop_now(&mut self) -> bool {
        let Some(advice) = flow::stop(self.kb, &self.answers, &self.emergency) else {
            return false;
        };
        self.show_stop(advice);
        true
    }

    /// Shows the result of a stop at once; going back returns to this question.
    fn show_stop(&mut self, advice: Advice) {
        let at = (self.screen, self.question);
        self.advice = Some(advice);
        self.from_review = false;
        self.go(Screen::Outcome);
        self.stopped_at = Some(at);
    }

    /// Enter on a question page: on to the next page only when every question here is answered.
    fn next_question_page(&mut self) {
        let Some(section) = self.screen.section() else {
            return;
        };
        if self.stop_now() {
            return;
        }
        let rows = self.rows(section);
        let open: Vec<usize> = (0..rows.len())
            .filter(|&i| self.reply(&rows[i]).is_none())
            .collect();
        if let Some(&first) = open.first() {
            self.question = first;
            self.status = Some(format!(
                "{} question{} on this page still need an answer: y yes, n no, u not sure.",
                open.len(),
                if open.len() == 1 { "" } else { "s" }
            ));
            return;
        }
        self.walk_on();
    }

    /// On to the next page of the check (back to the review when changing one answer).
    fn walk_on(&mut self) {
        let Some(page) = self.screen.page() else {
            return;
        };
        if let Some(next) = flow::next(self.kb, &self.answers, page, self.from_review) {
            self.go(Screen::of(next));
        }
    }

    /// Enter on a browse screen: open the area, technique or search result under the cursor.
    fn browse_next(&mut self) {
        match self.screen {
            Screen::BrowseRegions => self.open_region(self.region),
            Screen::BrowseList => {
                if let Some(t) = self.browse_list().get(self.browse_row) {
                    let id = t.id.clone();
                    self.open_technique(&id);
                }
            }
            Screen::BrowseSearch => match self.hits().get(self.hit).map(|h| h.target.clone()) {
                Some(Target::Technique(id)) => self.open_technique(&id),
                Some(Target::Region(id)) => {
                    if let Some(index) = self.kb.regions().iter().position(|r| r.id == id) {
                        self.open_region(index);
                    }
                }
                None => {}
            },
            _ => {}
        }
    }

    fn back(&mut self) {
        if self.screen == Screen::Outcome
            && let Some((screen, question)) = self.stopped_at.take()
        {
            self.go(screen);
            self.question = question;
            return;
        }
        let previous = match self.screen {
            Screen::RateBefore => Screen::Routine,
            Screen::Where => Screen::Welcome,
            // A session is ended with e (it is then rated and saved), not left by going back.
            screen => match screen
                .page()
                .and_then(|page| flow::previous(self.kb, &self.answers, page))
            {
                Some(page) => Screen::of(page),
                None => return,
            },
        };
        self.from_review = false;
        self.go(previous);
    }

    /// Writes the Markdown hand-off next to where fascia was started and says where.
    fn export(&mut self) {
        let Some(advice) = &self.advice else { return };
        let text = crate::report::markdown(self.kb, &self.answers, advice);
        let dir = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
        self.status = Some(
            match crate::export::write_new(&dir, "fascia-routine", "md", &text) {
                Ok(path) => format!("Saved to {}", path.display()),
                Err(e) => format!("Could not save the file in {}: {e}", dir.display()),
            },
        );
    }
}

/// The next (or previous) value in a vocabulary, wrapping around.
fn cycle<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
    let i = all.iter().position(|x| *x == current).unwrap_or(0);
    let n = all.len();
    all[if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }]
}
