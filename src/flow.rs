//! The safety check as a walk over pages: their order, titles and step numbers, which pages are
//! skipped, which questions each page asks, how far along the person is, and the stop-at-once
//! rule. Pure (no terminal, no files, no clock): the full-screen app and plain mode both walk it,
//! and neither knows the page order by itself.

use crate::engine::{self, Advice, Answers, Prompt, Reply};
use crate::kb::{KnowledgeBase, Section};

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

/// How far along a question page is: (answered, asked).
pub fn progress(kb: &KnowledgeBase, answers: &Answers, page: Page) -> (usize, usize) {
    let rows = questions(kb, answers, page);
    let done = rows
        .iter()
        .filter(|r| answers.reply(&r.item.id, r.region).is_some())
        .count();
    (done, rows.len())
}

/// The first question of a page not answered yet, if any.
pub fn first_open(kb: &KnowledgeBase, answers: &Answers, page: Page) -> Option<usize> {
    questions(kb, answers, page)
        .iter()
        .position(|r| answers.reply(&r.item.id, r.region).is_none())
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
mod tests {
    use super::*;
    use crate::engine::RegionDetails;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the shipped knowledge base loads")
    }

    fn with_regions(regions: &[&str]) -> Answers {
        let mut a = Answers::default();
        for r in regions {
            a.regions.insert((*r).to_owned(), RegionDetails::default());
        }
        a
    }

    #[test]
    fn pages_are_numbered_in_order() {
        let numbers: Vec<usize> = PAGES.iter().map(|p| p.number()).collect();
        assert_eq!(numbers, (1..=STEPS).collect::<Vec<_>>());
        assert_eq!(Page::Result.title(), "Result");
    }

    #[test]
    fn walking_forward_and_back_visits_every_shown_page() {
        let kb = kb();
        let answers = with_regions(&["calves"]);
        let mut forward = vec![Page::Where];
        while let Some(p) = next(&kb, &answers, *forward.last().expect("a page"), false) {
            forward.push(p);
        }
        let mut back = vec![Page::Routine];
        while let Some(p) = previous(&kb, &answers, *back.last().expect("a page")) {
            back.push(p);
        }
        back.reverse();
        assert_eq!(forward, back);
        assert_eq!(forward.first(), Some(&Page::Where));
        assert_eq!(forward.last(), Some(&Page::Routine));
    }

    #[test]
    fn a_question_page_with_no_questions_is_skipped() {
        let kb = kb();
        let answers = with_regions(&["calves"]);
        let empty = QUESTION_PAGES
            .into_iter()
            .find(|p| questions(&kb, &Answers::default(), *p).is_empty());
        if let Some(page) = empty {
            assert!(!shown(&kb, &Answers::default(), page));
        }
        assert!(shown(&kb, &answers, Page::Emergency));
        assert_eq!(
            next(&kb, &answers, Page::Details, true),
            Some(Page::Review),
            "changing one answer returns to the review"
        );
    }

    #[test]
    fn a_yes_to_an_emergency_sign_stops_at_once() {
        let kb = kb();
        let mut answers = with_regions(&["calves"]);
        let first = questions(&kb, &answers, Page::Emergency)
            .into_iter()
            .next()
            .expect("an emergency question");
        assert!(answer(&kb, &mut answers, &first, Reply::No, "112").is_none());
        let stopped = answer(&kb, &mut answers, &first, Reply::Yes, "112");
        assert!(stopped.is_some_and(|a| a.screening.stopped_early && a.routine.is_none()));
        assert_eq!(progress(&kb, &answers, Page::Emergency).0, 1);
    }
}
