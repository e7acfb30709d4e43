//! The question pages (emergency signs, health screen, area checks): a checklist of items, each
//! answered yes, no or not sure, with the selected question in full and why it is asked. An
//! emergency or urgent answer shows its result at once (the flow's stop rule).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph, Widget, Wrap};

use super::{Cmd, Ctx, Screen, Shared, View, outcome};
use crate::engine::{Answers, Prompt, Reply, fill};
use crate::flow::{self, Page};
use crate::kb::KnowledgeBase;
use crate::tui::action::Action;
use crate::tui::keys::{BACK, Binding, DOWN, Key, MOVE, UP, bind};
use crate::tui::widgets as parts;

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    bind(&[Key::Char('y')], "y", "yes", Action::Answer(Reply::Yes)),
    bind(&[Key::Char('n')], "n", "no", Action::Answer(Reply::No)),
    bind(
        &[Key::Char('u')],
        "u",
        "not sure",
        Action::Answer(Reply::NotSure),
    ),
    bind(&[Key::Enter], "enter", "next", Action::Next),
    BACK,
];

/// One question page: its questions for the current answers (asked again whenever an answer
/// changes), the one under the cursor, and whether the person came from the review.
#[derive(Debug)]
pub struct State<'kb> {
    pub page: Page,
    pub question: usize,
    pub rows: Vec<Prompt<'kb>>,
    pub changing: bool,
}

impl<'kb> State<'kb> {
    pub fn new(kb: &'kb KnowledgeBase, answers: &Answers, page: Page) -> Self {
        Self {
            page,
            question: 0,
            rows: flow::questions(kb, answers, page),
            changing: false,
        }
    }

    /// Comes back to the page: the questions asked again, from the top.
    pub fn reenter(&mut self, kb: &'kb KnowledgeBase, answers: &Answers) {
        self.rows = flow::questions(kb, answers, self.page);
        self.question = 0;
        self.changing = false;
    }

    /// The reply given to a row, if any.
    pub fn reply(answers: &Answers, row: &Prompt<'_>) -> Option<Reply> {
        answers.reply(&row.item.id, row.region)
    }

    pub fn update(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        match action {
            Action::Up => self.question = self.question.saturating_sub(1),
            Action::Down => {
                self.question = (self.question + 1).min(self.rows.len().saturating_sub(1));
            }
            Action::Answer(reply) => {
                let Some(row) = self.rows.get(self.question) else {
                    return Cmd::Stay;
                };
                if let Some(advice) = flow::answer(ctx.kb, ctx.answers, row, reply, ctx.emergency) {
                    return self.stop(advice);
                }
                // Move to the next unanswered row (answers can add rows, e.g. the age gate).
                self.rows = flow::questions(ctx.kb, ctx.answers, self.page);
                let rows = &self.rows;
                self.question = (self.question + 1..rows.len())
                    .find(|&i| Self::reply(ctx.answers, &rows[i]).is_none())
                    .unwrap_or_else(|| (self.question + 1).min(rows.len().saturating_sub(1)));
            }
            Action::Next => return self.next(ctx),
            Action::Back => {
                if let Some(page) = flow::previous(ctx.kb, ctx.answers, self.page) {
                    return Cmd::Page(page);
                }
            }
            _ => {}
        }
        Cmd::Stay
    }

    /// The result of a stop, shown on top of this page so that going back returns here.
    fn stop(&mut self, advice: crate::engine::Advice) -> Cmd<'kb> {
        self.changing = false;
        Cmd::Push(Screen::Outcome(outcome::State::new(advice, true)))
    }

    /// Enter: on to the next page only when every question here is answered.
    fn next(&mut self, ctx: &mut Ctx<'_, 'kb>) -> Cmd<'kb> {
        if let Some(advice) = flow::stop(ctx.kb, ctx.answers, ctx.emergency) {
            return self.stop(advice);
        }
        let open: Vec<usize> = (0..self.rows.len())
            .filter(|&i| Self::reply(ctx.answers, &self.rows[i]).is_none())
            .collect();
        if let Some(&first) = open.first() {
            self.question = first;
            *ctx.status = Some(format!(
                "{} question{} on this page still need an answer: y yes, n no, u not sure.",
                open.len(),
                if open.len() == 1 { "" } else { "s" }
            ));
            return Cmd::Stay;
        }
        match flow::next(ctx.kb, ctx.answers, self.page, self.changing) {
            Some(page) => Cmd::Page(page),
            None => Cmd::Stay,
        }
    }

    /// A click on a row selects it.
    pub fn click(&mut self, body: Rect, y: u16) {
        let [_, list, _] = split(body);
        if y >= list.y && y < list.y + list.height {
            let index = parts::offset(self.question, list.height) + usize::from(y - list.y);
            if index < self.rows.len() {
                self.question = index;
            }
        }
    }
}

/// The answer column: words, never only a colour.
fn mark(reply: Option<Reply>) -> &'static str {
    match reply {
        Some(Reply::Yes) => "yes     ",
        Some(Reply::No) => "no      ",
        Some(Reply::NotSure) => "not sure",
        None => "   -    ",
    }
}

fn intro(page: Page) -> &'static str {
    match page {
        Page::Emergency => {
            "First, signs that need help now. They can feel like a tight muscle, so everyone is asked."
        }
        Page::Health => "Your health. Each answer only changes what is safe for you.",
        _ => "Questions about the areas you chose.",
    }
}

fn row_text(shared: &Shared<'_>, row: &Prompt<'_>) -> String {
    format!(
        "{}{}",
        crate::words::about(shared.kb, &row.regions),
        fill(&row.item.question, shared.emergency)
    )
}

fn split(area: Rect) -> [Rect; 3] {
    let detail = (area.height / 2).clamp(7, 12);
    area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(detail),
    ]))
}

impl Widget for View<'_, State<'_>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (shared, theme, answers) = (&self.shared, self.shared.theme, self.shared.answers);
        let rows = &self.state.rows;
        let [top, list, detail] = split(area);
        Paragraph::new(Line::styled(intro(self.state.page), theme.dim)).render(top, buf);
        let items = rows
            .iter()
            .map(|row| {
                let reply = State::reply(answers, row);
                let style = match reply {
                    Some(Reply::Yes | Reply::NotSure) => theme.warn,
                    _ => theme.text,
                };
                ListItem::new(Line::from(vec![
                    Span::styled(format!("{}  ", mark(reply)), style),
                    Span::raw(row_text(shared, row)),
                ]))
            })
            .collect();
        parts::list(buf, list, items, self.state.question, true, theme);
        let Some(row) = rows.get(self.state.question) else {
            return;
        };
        let mut lines = vec![
            Line::styled(row_text(shared, row), theme.title),
            Line::raw(""),
        ];
        lines.push(Line::from(vec![
            Span::styled("Why we ask: ", theme.dim),
            Span::raw(fill(&row.item.explain, shared.emergency)),
        ]));
        if let Some(c) = &row.item.clarifier {
            lines.push(Line::from(vec![
                Span::styled("Note: ", theme.dim),
                Span::raw(fill(c, shared.emergency)),
            ]));
        }
        lines.push(Line::raw(""));
        let current = State::reply(answers, row);
        let mut choices = Vec::new();
        // The answer keys, from the key table (the hints cannot disagree with the keys).
        for b in KEYS
            .iter()
            .filter(|b| matches!(b.action, Action::Answer(_)))
        {
            let Action::Answer(reply) = b.action else {
                continue;
            };
            let style = if current == Some(reply) {
                theme.cursor
            } else {
                theme.text
            };
            choices.push(Span::styled(b.label, theme.key));
            choices.push(Span::styled(format!(" {}", b.hint), style));
            choices.push(Span::raw("    "));
        }
        choices.push(Span::styled(
            "(not sure counts as yes, to be safe)",
            theme.dim,
        ));
        lines.push(Line::from(choices));
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().border_style(theme.border))
            .render(detail, buf);
    }
}
