//! Review: every answer on one list (the areas first, then each question); space goes back to
//! change one, enter shows the result.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::{Cmd, Ctx, Screen, View, ask, details, outcome};
use crate::engine::{Answers, Prompt, Reply, advise};
use crate::flow::{self, Page};
use crate::kb::KnowledgeBase;
use crate::tui::action::{Action, Effect};
use crate::tui::keys::{BACK, BROWSE, Binding, DOWN, Key, MOVE, UP, bind, label};
use crate::tui::widgets::{self as parts, Clicked};
use crate::words;

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    crate::tui::keys::PAGE_UP,
    crate::tui::keys::PAGE_DOWN,
    crate::tui::keys::FIRST,
    crate::tui::keys::LAST,
    crate::tui::keys::PAGE_HINT,
    bind(
        &[Key::Char(' ')],
        "space",
        "change this answer",
        Action::Toggle,
    ),
    bind(&[Key::Enter], "enter", "see the result", Action::Next),
    BACK,
    BROWSE,
];

/// The row under the cursor, and every question with its page (asked again on coming back).
#[derive(Debug)]
pub struct State<'kb> {
    pub row: usize,
    /// The first row in view, where the last click held the list (`widgets::Cursor`).
    pub top: usize,
    pub rows: Vec<(Page, Prompt<'kb>)>,
}

impl<'kb> State<'kb> {
    pub fn new(kb: &'kb KnowledgeBase, answers: &Answers) -> Self {
        Self {
            row: 0,
            top: 0,
            rows: flow::all_questions(kb, answers),
        }
    }

    /// The questions asked again (answers may have changed since).
    pub fn refresh(&mut self, kb: &'kb KnowledgeBase, answers: &Answers) {
        self.rows = flow::all_questions(kb, answers);
    }

    /// Review rows: one per chosen region, then one per question.
    pub fn len(&self, answers: &Answers) -> usize {
        answers.regions.len() + self.rows.len()
    }

    pub fn update(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        match action {
            ref a @ (Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Home
            | Action::End
            | Action::Wheel { .. }) => {
                let len = self.len(ctx.answers);
                self.row = super::list_move(self.row, len, super::PAGE, a).unwrap_or(self.row);
            }
            Action::Toggle => return self.change(ctx),
            Action::Next => {
                if let Some((page, _)) = self
                    .rows
                    .iter()
                    .find(|(_, r)| flow::reply(ctx.answers, r).is_none())
                {
                    *ctx.status =
                        Some("Some questions are not answered yet: they are shown first.".into());
                    return Cmd::Page(*page);
                }
                let advice = advise(ctx.kb, ctx.answers, ctx.emergency);
                // The check is finished: what may be remembered is.
                ctx.effects
                    .push(Effect::SaveProfile(Box::new(ctx.answers.clone())));
                return Cmd::Push(Screen::Outcome(outcome::State::new(advice, false)));
            }
            Action::Back => {
                if let Some(page) = flow::previous(ctx.kb, ctx.answers, Page::Review) {
                    return Cmd::Page(page);
                }
            }
            _ => {}
        }
        Cmd::Stay
    }

    /// A click on an answer moves the cursor there; on the answer under the cursor, goes back
    /// to change it, as space does.
    pub fn click(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        let list = layout(body, &self.intro(ctx.answers)).list;
        let rows = parts::rows(self.len(ctx.answers));
        match parts::follow(list, &rows, (&mut self.row, &mut self.top), x, y) {
            Some(Clicked::Again(_)) => self.change(ctx),
            _ => Cmd::Stay,
        }
    }

    /// The instructions above the list: how many answers say yes or not sure, and the keys.
    fn intro(&self, answers: &Answers) -> String {
        let yes = self
            .rows
            .iter()
            .filter(|(_, r)| flow::reply(answers, r).is_some_and(Reply::fires))
            .count();
        format!(
            "Check your answers. {yes} answered yes or not sure. {} changes one; {} shows the result.",
            capitalised(label(KEYS, &Action::Toggle)),
            label(KEYS, &Action::Next)
        )
    }

    /// Back through the interview for the row under the cursor, to change that answer (then any
    /// question the new answer opens), then here again.
    fn change(&self, ctx: &Ctx<'_, 'kb>) -> Cmd<'kb> {
        let regions = ctx.answers.regions.len();
        if self.row < regions {
            return Cmd::Push(Screen::Details(details::State {
                field: self.row * details::FIELDS.len(),
                top: 0,
                changing: true,
            }));
        }
        let Some((_, row)) = self.rows.get(self.row - regions) else {
            return Cmd::Stay;
        };
        let ask = flow::change(ctx.kb, row);
        Cmd::Push(ask::screen(ctx.kb, ctx.answers, ctx.walk, ask, true))
    }
}

/// Where the instructions and the list go in the screen's body, shared by drawing and clicks.
struct Layout {
    top: Rect,
    list: Rect,
}

/// The layout for instructions reading `intro` (they wrap, up to three lines).
fn layout(body: Rect, intro: &str) -> Layout {
    let area = crate::tui::text::readable(body);
    let height = crate::tui::text::wrapped_height(&[Line::raw(intro)], area.width).min(3);
    let [top, list] = area.layout(&ratatui::layout::Layout::vertical([
        Constraint::Length(height.max(1)),
        Constraint::Min(3),
    ]));
    Layout { top, list }
}

impl Widget for View<'_, State<'_>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (kb, answers, theme) = (self.shared.kb, self.shared.answers, self.shared.theme);
        let reply = |r: &Prompt<'_>| flow::reply(answers, r);
        let intro = self.state.intro(answers);
        let at = layout(area, &intro);
        // The instructions wrap rather than being cut.
        Paragraph::new(Line::styled(intro, theme.dim))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(at.top, buf);
        let mut items = Vec::new();
        for id in answers.chosen(kb) {
            let Some(d) = answers.regions.get(id) else {
                continue;
            };
            let name = kb.region(id).map_or(id, |r| r.name.as_str());
            items.push(ListItem::new(Line::from(vec![
                Span::styled(format!("{:<10}", "Area"), theme.dim),
                Span::styled(format!("{name}: "), theme.title),
                Span::raw(format!(
                    "{}, {}/10, for {}, {}",
                    words::feel_short(d.feel),
                    d.intensity,
                    d.since.as_str(),
                    words::goal_short(d.goal)
                )),
            ])));
        }
        for (page, row) in &self.state.rows {
            let section = match page {
                Page::Emergency => "Emergency",
                Page::Health => "Health",
                _ => "Area",
            };
            let (word, style) = match reply(row) {
                Some(Reply::Yes) => ("yes", theme.warn),
                Some(Reply::NotSure) => ("not sure", theme.warn),
                Some(Reply::No) => ("no", theme.text),
                None => ("not answered", theme.warn),
            };
            let about = words::about(kb, &row.regions);
            items.push(ListItem::new(Line::from(vec![
                Span::styled(format!("{section:<10}"), theme.dim),
                Span::styled(format!("{word:<9} "), style),
                Span::raw(format!("{about}{}", words::item_named(answers, row.item))),
            ])));
        }
        let cursor = (self.state.row, self.state.top);
        parts::list(buf, at.list, items, cursor, true, theme);
    }
}

/// "Space" for "space", at the start of a sentence.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
