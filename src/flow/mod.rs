//! The safety check as a walk over pages: their order, titles and step numbers, which pages are
//! skipped, which questions each page asks, how far along the person is, and the stop-at-once
//! rule. Pure (no terminal, no files, no clock): the full-screen app and plain mode both walk it,
//! and neither knows the page order by itself.

use std::collections::BTreeMap;

use crate::engine::{
    self, Advice, Answer, Answers, Ask, Interview, Outcome, Prompt, Remembered, Reply, Response,
};
use crate::kb::{KnowledgeBase, Section, Tier};

/// One page of the check, in the order they are walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Where,
    Details,
    Emergency,
    Health,
    Area,
    Review,
    Result,
    Preferences,
    Routine,
}

/// Every page, in order.
pub const PAGES: [Page; 9] = [
    Page::Where,
    Page::Details,
    Page::Emergency,
    Page::Health,
    Page::Area,
    Page::Review,
    Page::Result,
    Page::Preferences,
    Page::Routine,
];

/// How many numbered steps the check has ("Step n of `STEPS`").
pub const STEPS: usize = PAGES.len();

/// The question pages, in order.
pub const QUESTION_PAGES: [Page; 3] = [Page::Emergency, Page::Health, Page::Area];

impl Page {
    /// The page's title, as the header and plain mode announce it.
    pub const fn title(self) -> &'static str {
        match self {
            Page::Where => "Where does it feel tight or sore?",
            Page::Details => "How does it feel?",
            Page::Emergency => "Emergency signs",
            Page::Health => "Health screen",
            Page::Area => "Area checks",
            Page::Review => "Review your answers",
            Page::Result => "Result",
            Page::Preferences => "Your tools and time",
            Page::Routine => "Your routine",
        }
    }

    /// The step number, from 1.
    pub fn number(self) -> usize {
        PAGES.iter().position(|p| *p == self).map_or(0, |i| i + 1)
    }

    /// The screening section a question page asks.
    pub const fn section(self) -> Option<Section> {
        match self {
            Page::Emergency => Some(Section::Emergency),
            Page::Health => Some(Section::Health),
            Page::Area => Some(Section::Area),
            _ => None,
        }
    }

    /// Whether the page is one of the questions (before the review).
    pub const fn is_question(self) -> bool {
        self.section().is_some()
    }

    /// Whether the page comes before the review (where the answers are still being given).
    pub fn before_review(self) -> bool {
        self.number() < Page::Review.number()
    }
}

/// The questions a page asks for the current answers, in order (none on other pages). Answers can
/// add questions (the age question adds two), so ask again after each answer.
pub fn questions<'kb>(kb: &'kb KnowledgeBase, answers: &Answers, page: Page) -> Vec<Prompt<'kb>> {
    let Some(section) = page.section() else {
        return Vec::new();
    };
    engine::prompts(kb, answers)
        .into_iter()
        .filter(|p| p.item.section == section)
        .collect()
}

/// Every question of every question page, in order, with its page (for the review).
pub fn all_questions<'kb>(kb: &'kb KnowledgeBase, answers: &Answers) -> Vec<(Page, Prompt<'kb>)> {
    engine::prompts(kb, answers)
        .into_iter()
        .filter_map(|p| {
            let page = QUESTION_PAGES
                .into_iter()
                .find(|page| page.section() == Some(p.item.section))?;
            Some((page, p))
        })
        .collect()
}

/// The reply to one question of the review: an area question asked once across the chosen
/// areas is answered area by area by the interview, so its reply is the most cautious of them
/// (`None` while any area is unanswered).
pub fn reply(answers: &Answers, prompt: &Prompt<'_>) -> Option<Reply> {
    let id = &prompt.item.id;
    if let Some(r) = answers.reply(id, prompt.region) {
        return Some(r);
    }
    if prompt.region.is_some() || prompt.regions.is_empty() {
        return None;
    }
    prompt
        .regions
        .iter()
        .map(|g| answers.reply(id, Some(g)))
        .collect::<Option<Vec<Reply>>>()?
        .into_iter()
        .max()
}

/// Whether a page is shown for these answers: a question page with no questions is skipped.
pub fn shown(kb: &KnowledgeBase, answers: &Answers, page: Page) -> bool {
    !page.is_question() || !questions(kb, answers, page).is_empty()
}

/// The page after `page`, skipping pages with nothing to ask. When the person came from the
/// review to change one answer (`changing`), the review follows any page before it.
pub fn next(kb: &KnowledgeBase, answers: &Answers, page: Page, changing: bool) -> Option<Page> {
    if changing && page.before_review() {
        return Some(Page::Review);
    }
    PAGES
        .into_iter()
        .skip(page.number())
        .find(|p| shown(kb, answers, *p))
}

/// The page before `page`, skipping pages with nothing to ask; `None` on the first page.
pub fn previous(kb: &KnowledgeBase, answers: &Answers, page: Page) -> Option<Page> {
    PAGES
        .into_iter()
        .take(page.number().saturating_sub(1))
        .rev()
        .find(|p| shown(kb, answers, *p))
}

/// The question page (step) an interview question belongs to: by its section, so the confirm
/// and age questions are part of the health screen.
pub fn page_of(ask: &Ask<'_>) -> Page {
    match ask.section() {
        Section::Emergency => Page::Emergency,
        Section::Health => Page::Health,
        Section::Area => Page::Area,
    }
}

/// What the person had answered: the item answers and the checklist lines marked.
type Given = (BTreeMap<String, Answer>, BTreeMap<String, Vec<usize>>);

/// The interview as it is walked: the interview itself, and the state before each answer given,
/// so that going back one question undoes exactly that answer and what followed it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Walk {
    interview: Interview,
    /// Before answer `i`: the interview, the item answers and the lines marked.
    before: Vec<(Interview, Given)>,
}

impl Walk {
    /// A new walk; `remembered` are the earlier answers that still hold today.
    pub fn new(remembered: Vec<Remembered>) -> Self {
        Self {
            interview: Interview::new(remembered),
            before: Vec::new(),
        }
    }

    /// How many answers were given so far (the depth of the next question).
    pub fn depth(&self) -> usize {
        self.before.len()
    }

    /// The next question, or `None` when every question asked has an answer.
    pub fn next<'kb>(&self, kb: &'kb KnowledgeBase, answers: &Answers) -> Option<Ask<'kb>> {
        self.interview.next(kb, answers)
    }

    /// About how many questions are left, this one included, if every answer from here is no.
    pub fn left(&self, kb: &KnowledgeBase, answers: &Answers) -> usize {
        self.interview.left(kb, answers)
    }

    /// Goes back to just before answer `depth` (undoing it and every answer after it); nothing
    /// happens when fewer answers were given.
    pub fn rewind(&mut self, answers: &mut Answers, depth: usize) {
        if let Some((interview, (items, marked))) = self.before.get(depth).cloned() {
            self.before.truncate(depth);
            self.interview = interview;
            answers.answers = items;
            answers.marked = marked;
        }
    }

    /// Asks every remaining question although a global refer fired ("finish the questions for
    /// your clinician"): the answers go into the hand-off.
    pub fn finish(&mut self) {
        self.interview.finish();
    }

    /// Whether the person chose to finish the questions after a referral.
    pub fn finishing(&self) -> bool {
        self.interview.finishing()
    }

    /// Records the response to the question asked at `depth` (undoing any earlier answer to it
    /// first) and applies the stop-at-once rule: `Some` is the advice to show at once.
    ///
    /// An emergency stops at once. Urgent stops at once too, unless the next question is a
    /// follow-up that could make it an emergency ("is any of it happening right now?"). A global
    /// refer stops once nothing that could make it more urgent is left to ask (the interview asks
    /// only that after a refer), unless the person chose to finish the questions.
    pub fn answer(
        &mut self,
        kb: &KnowledgeBase,
        answers: &mut Answers,
        at: (&Ask<'_>, usize),
        response: &Response,
        emergency: &str,
    ) -> Option<Advice> {
        let (ask, depth) = at;
        self.rewind(answers, depth);
        self.before.push((
            self.interview.clone(),
            (answers.answers.clone(), answers.marked.clone()),
        ));
        self.interview.answer(kb, answers, ask, response);
        let advice = stop(kb, answers, emergency)?;
        let next = self.interview.next(kb, answers);
        let stops = match advice.screening.outcome {
            Outcome::Emergency => true,
            Outcome::Urgent => !next.as_ref().is_some_and(|a| raises(kb, answers, a)),
            Outcome::Refer => !self.interview.finishing() && next.is_none(),
            Outcome::Routine | Outcome::NothingSafe => false,
        };
        stops.then_some(advice)
    }
}

/// Whether the next question could make an urgent outcome an emergency: a follow-up of the
/// emergency tier ("is any of it still there now?"), or the answer that completes an emergency
/// rule the answers so far half fired (sudden belly pain, then the age question).
fn raises(kb: &KnowledgeBase, answers: &Answers, ask: &Ask<'_>) -> bool {
    let follow_up =
        |i: &crate::kb::ScreeningItem| i.tier == Tier::Emergency && !i.only_if.is_empty();
    let asks: Vec<&str> = match ask {
        Ask::Item { item, .. } if follow_up(item) => return true,
        Ask::Gate { items, .. } if items.iter().any(|i| follow_up(i)) => return true,
        Ask::Item { item, .. } => vec![item.id.as_str()],
        Ask::Gate { items, .. } => items.iter().map(|i| i.id.as_str()).collect(),
        Ask::Age => engine::interview::AGE_ITEMS.to_vec(),
        Ask::Confirm(remembered) => remembered.iter().map(|r| r.item.as_str()).collect(),
        Ask::WhichAreas { .. } => Vec::new(),
    };
    kb.combinations()
        .iter()
        .filter(|c| c.tier == Tier::Emergency)
        .any(|c| {
            c.all.iter().any(|p| asks.contains(&p.as_str()))
                && c.all
                    .iter()
                    .all(|p| answers.fires(p) || asks.contains(&p.as_str()))
        })
}

/// "In any of the areas you chose — Calves, Back of the neck — ": for area questions asked once
/// across several areas; "Calves: " for one; nothing for questions asked of everyone.
pub fn across(kb: &KnowledgeBase, regions: &[&str]) -> String {
    let names: Vec<&str> = regions
        .iter()
        .map(|r| crate::words::region_name(kb, r))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => format!("{one}: "),
        many => format!("In any of the areas you chose — {} — ", many.join(", ")),
    }
}

/// The names of `regions`, joined: "Calves, Back of the neck".
pub fn area_names(kb: &KnowledgeBase, regions: &[&str]) -> String {
    let names: Vec<&str> = regions
        .iter()
        .map(|r| crate::words::region_name(kb, r))
        .collect();
    names.join(", ")
}

/// A question with the areas it is about, and the emergency number filled in.
pub fn question_text(
    kb: &KnowledgeBase,
    regions: &[&str],
    question: &str,
    emergency: &str,
) -> String {
    let text = engine::fill(question, emergency);
    if regions.len() > 1 {
        // "In any of the areas ... — is there ...": the question goes on in lower case.
        let mut chars = text.chars();
        let first: String = chars
            .next()
            .map(char::to_lowercase)
            .into_iter()
            .flatten()
            .collect();
        format!("{}{first}{}", across(kb, regions), chars.as_str())
    } else {
        format!("{}{text}", across(kb, regions))
    }
}

/// "3 March 2026".
pub fn day_words(date: jiff::civil::Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month =
        usize::try_from(date.month() - 1).map_or("", |m| MONTHS.get(m).copied().unwrap_or(""));
    format!("{} {month} {}", date.day(), date.year())
}

/// A remembered answer in words: the item's short title, the area if it has one, the reply.
pub fn remembered_words(kb: &KnowledgeBase, r: &Remembered) -> String {
    let title = kb
        .item(&r.item)
        .map_or(r.item.as_str(), |i| i.title.as_str());
    match &r.region {
        Some(g) => format!(
            "{title} ({}): {}",
            crate::words::region_name(kb, g),
            r.reply.words()
        ),
        None => format!("{title}: {}", r.reply.words()),
    }
}

/// The day the oldest of the remembered answers was given ("Still true since ...?").
pub fn since(remembered: &[Remembered]) -> Option<jiff::civil::Date> {
    remembered.iter().map(|r| r.since).min()
}

/// The question that changes one answer from the review: the item on its own (its checklist
/// lines, for an item on a checklist; for an area item, about the one area of that row), or the
/// age question for the two age items.
pub fn change<'kb>(kb: &'kb KnowledgeBase, prompt: &Prompt<'kb>) -> Ask<'kb> {
    if engine::interview::AGE_ITEMS.contains(&prompt.item.id.as_str()) {
        return Ask::Age;
    }
    let regions = prompt
        .region
        .map_or_else(|| prompt.regions.clone(), |r| vec![r]);
    match prompt.item.gate.as_deref().and_then(|g| kb.gate(g)) {
        Some(gate) => Ask::Gate {
            gate,
            items: vec![prompt.item],
            regions,
        },
        None => Ask::Item {
            item: prompt.item,
            regions,
        },
    }
}

/// The stop-at-once rule: when the answers so far hold a yes or not sure to an emergency or urgent
/// sign, the check stops and this is the advice to show before any other question.
pub fn stop(kb: &KnowledgeBase, answers: &Answers, emergency: &str) -> Option<Advice> {
    engine::stop(kb, answers, emergency)
}

/// Records one answer and applies the stop-at-once rule: `Some` is the advice to show at once.
pub fn answer(
    kb: &KnowledgeBase,
    answers: &mut Answers,
    prompt: &Prompt<'_>,
    reply: Reply,
    emergency: &str,
) -> Option<Advice> {
    answers.set(&prompt.item.id, prompt.region, reply);
    if reply.fires() {
        stop(kb, answers, emergency)
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
