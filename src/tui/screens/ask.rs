//! What the interview's question screens share: the question asked and where it is in the walk,
//! answering it (then the next question, the review, or a stop's result at once), going back one
//! question, and the parts every question screen draws (the intro line and the answer box).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Cmd, Ctx, Screen, age, confirm, gate, item, outcome, which};
use crate::engine::{Answers, Ask, Response};
use crate::flow::{self, Page, Walk};
use crate::kb::{KnowledgeBase, Section};
use crate::tui::action::{Action, Effect};
use crate::tui::keys::Binding;
use crate::tui::theme::Theme;
use crate::tui::widgets::{self as parts, Clicked};

/// One question of the interview as a screen holds it.
#[derive(Debug, Clone)]
pub struct Asked<'kb> {
    pub ask: Ask<'kb>,
    /// How many answers came before it (going back undoes from here).
    pub depth: usize,
    /// Asked from the review to change one answer: the review follows.
    pub changing: bool,
    /// About how many questions are left, this one included.
    pub left: usize,
}

/// The screen for the walk's next question (`None` when nothing is left to ask).
pub fn next_screen<'kb>(
    kb: &'kb KnowledgeBase,
    answers: &Answers,
    walk: &Walk,
    changing: bool,
) -> Option<Screen<'kb>> {
    let ask = walk.next(kb, answers)?;
    Some(screen(kb, answers, walk, ask, changing))
}

/// The screen for `ask`, asked next in `walk`.
pub fn screen<'kb>(
    kb: &'kb KnowledgeBase,
    answers: &Answers,
    walk: &Walk,
    ask: Ask<'kb>,
    changing: bool,
) -> Screen<'kb> {
    let at = Asked {
        depth: walk.depth(),
        left: walk.left(kb, answers).max(1),
        changing,
        ask,
    };
    match &at.ask {
        Ask::Confirm(_) => Screen::Confirm(confirm::State { at, row: 0, top: 0 }),
        Ask::Age => Screen::Age(age::State { at, row: 1, top: 0 }),
        Ask::Gate { .. } => Screen::Gate(gate::State::new(at)),
        Ask::Item { .. } => Screen::Item(item::State { at }),
        Ask::WhichAreas { .. } => Screen::Which(which::State::new(at)),
    }
}

impl<'kb> Asked<'kb> {
    /// The page (step) of the check this question belongs to.
    pub fn page(&self) -> Page {
        flow::page_of(&self.ask)
    }

    /// Records `response`, then: the result at once on an emergency or urgent answer (back
    /// returns here), else the next question, else the review.
    pub fn respond(&self, ctx: &mut Ctx<'_, 'kb>, response: &Response) -> Cmd<'kb> {
        let at = (&self.ask, self.depth);
        if let Some(advice) = ctx
            .walk
            .answer(ctx.kb, ctx.answers, at, response, ctx.emergency)
        {
            // The check is over (for now): what may be remembered is.
            ctx.effects
                .push(Effect::SaveProfile(Box::new(ctx.answers.clone())));
            return Cmd::Push(Screen::Outcome(outcome::State::new(advice, true)));
        }
        match next_screen(ctx.kb, ctx.answers, ctx.walk, self.changing) {
            Some(screen) => Cmd::Replace(screen),
            None => Cmd::Page(Page::Review),
        }
    }

    /// Back: to the question before (undoing its answer), or the page before the questions; when
    /// changing one answer, back to the review.
    pub fn back(&self, ctx: &mut Ctx<'_, 'kb>) -> Cmd<'kb> {
        if self.changing {
            return Cmd::Page(Page::Review);
        }
        let Some(before) = self.depth.checked_sub(1) else {
            return flow::previous(ctx.kb, ctx.answers, Page::Emergency)
                .map_or(Cmd::Stay, Cmd::Page);
        };
        ctx.walk.rewind(ctx.answers, before);
        match next_screen(ctx.kb, ctx.answers, ctx.walk, false) {
            Some(screen) => Cmd::Replace(screen),
            None => Cmd::Stay,
        }
    }
}

/// The frame of a question screen: `intro` (dimmed) on the first line, then the question
/// (`question` rows), the list (`list`) and the box with the why and the keys (`detail` rows).
/// Draws the intro; returns the other three areas.
pub fn frame(area: Rect, buf: &mut Buffer, intro: &str, sizes: Sizes, theme: &Theme) -> [Rect; 3] {
    let [top, question, list, detail] = areas(area, sizes);
    intro_line(intro, top, buf, theme);
    [question, list, detail]
}

/// How a question screen divides its height: the question's rows, the list, the box's rows.
pub type Sizes = (u16, Constraint, u16);

/// The frame's areas (the intro line, the question, the list, the box), shared by drawing and
/// clicks.
pub fn areas(area: Rect, (question, list, detail): Sizes) -> [Rect; 4] {
    area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(question),
        list,
        Constraint::Length(detail),
    ]))
}

/// A click on a question screen's list (drawn in the frame of `sizes` in `body`, `len` rows):
/// the cursor follows it (`parts::follow`).
pub fn click(
    body: Rect,
    sizes: Sizes,
    len: usize,
    cursor: (&mut usize, &mut usize),
    (x, y): (u16, u16),
) -> Option<Clicked> {
    parts::follow(areas(body, sizes)[2], &parts::rows(len), cursor, x, y)
}

/// Draws a question screen's intro on its one line, ending with `…` should the window be too
/// narrow for it (the intros are written to fit 60 columns).
pub fn intro_line(intro: &str, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let line = Line::styled(intro.to_owned(), theme.dim);
    Paragraph::new(crate::tui::text::fit_line(line, usize::from(area.width))).render(area, buf);
}

/// The first line of a question screen: what this part of the check is about (short enough
/// for 60 columns; the "why" box says more).
pub fn intro(section: Section) -> &'static str {
    match section {
        Section::Emergency => "First, signs that need help now, asked of everyone.",
        Section::Health => "Your health: answers only change what is safe for you.",
        Section::Area => "Questions about the areas you chose.",
    }
}

/// The answer keys of a table (those whose action is an answer), as the box's last line.
pub fn choices<'a>(keys: &'static [Binding], theme: &Theme, note: &'a str) -> Line<'a> {
    let mut spans = Vec::new();
    for b in keys
        .iter()
        .filter(|b| matches!(b.action, Action::Answer(_) | Action::Next | Action::Toggle))
        .filter(|b| b.footer)
    {
        spans.push(Span::styled(b.label, theme.key));
        spans.push(Span::styled(format!(" {}", b.hint), theme.text));
        spans.push(Span::raw("    "));
    }
    if !note.is_empty() {
        spans.push(Span::styled(note, theme.dim));
    }
    Line::from(spans)
}

/// A bordered box of wrapped lines, with a cell of padding inside.
pub fn boxed(lines: Vec<Line<'_>>, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(crate::tui::text::boxed("", theme.border))
        .render(area, buf);
}

/// What "not sure" does, said next to the keys.
pub const NOT_SURE: &str = "(not sure counts as yes, to be safe)";

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::*;

    /// Every intro fits the smallest window the app draws in (60 columns, a cell of margin on
    /// each side), so it is never cut (`intro_line` would end it with `…`).
    #[test]
    fn intros_fit_sixty_columns() {
        for section in [Section::Emergency, Section::Health, Section::Area] {
            assert!(intro(section).width() <= 58, "{}", intro(section));
        }
    }
}
