//! A checklist (SCREENING.md v3, pick which): every line of its items, each one sign with its
//! time window and when to answer no, wrapped whole at any size. The person marks the lines that
//! apply (yes or not sure) and confirms; "none of these" is taken only once every line has been
//! on screen. A marked line answers its item, and nothing asked later can turn it into a no.

use std::cell::Cell;
use std::collections::BTreeMap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};

use super::ask::{self, Asked};
use super::{Cmd, Ctx, View};
use crate::engine::{Ask, Reply, Response, fill};
use crate::kb::KnowledgeBase;
use crate::tui::action::Action;
use crate::tui::keys::{
    BACK, Binding, DOWN, FIRST, Key, LAST, MOVE, PAGE_DOWN, PAGE_HINT, PAGE_UP, UP, bind,
};
use crate::tui::text;
use crate::tui::widgets as parts;

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    PAGE_UP,
    PAGE_DOWN,
    FIRST,
    LAST,
    PAGE_HINT,
    bind(
        &[Key::Char(' '), Key::Char('y')],
        "space",
        "applies",
        Action::Toggle,
    ),
    bind(
        &[Key::Char('u')],
        "u",
        "not sure",
        Action::Answer(Reply::NotSure),
    ),
    bind(&[Key::Enter], "enter", "done", Action::Next),
    bind(
        &[Key::Char('n')],
        "n",
        "none of these",
        Action::Answer(Reply::No),
    ),
    BACK,
];

/// The checklist asked, the line under the cursor, each line's mark, and how far the list has
/// been on screen.
#[derive(Debug)]
pub struct State<'kb> {
    pub at: Asked<'kb>,
    pub row: usize,
    /// The first row in view, where the last click held the list (`widgets::Cursor`).
    pub top: usize,
    /// Per line: unmarked, yes or not sure.
    pub marks: Vec<Option<Reply>>,
    /// How many lines from the top have been drawn whole (the view counts them as it draws).
    pub seen: Cell<usize>,
}

impl<'kb> State<'kb> {
    pub fn new(at: Asked<'kb>) -> Self {
        let n = at.ask.lines().len();
        Self {
            at,
            row: 0,
            top: 0,
            marks: vec![None; n],
            // The line under the cursor is on screen from the start.
            seen: Cell::new(n.min(1)),
        }
    }

    /// Whether every line has been on screen.
    fn all_seen(&self) -> bool {
        self.seen.get() >= self.marks.len()
    }

    pub fn update(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        if let Some(row) = super::list_move(self.row, self.marks.len(), super::PAGE, &action) {
            self.row = row;
            // A line the cursor reached has been on screen.
            self.seen.set(self.seen.get().max(row + 1));
            return Cmd::Stay;
        }
        match action {
            Action::Toggle => self.flip(Reply::Yes),
            Action::Answer(Reply::NotSure) => self.flip(Reply::NotSure),
            Action::Answer(Reply::No) if self.marks.iter().any(Option::is_some) => {
                *ctx.status = Some(
                    "You marked some lines: press enter to confirm them, or unmark them first."
                        .to_owned(),
                );
            }
            Action::Answer(Reply::No) | Action::Next => {
                let marks: BTreeMap<usize, Reply> = self
                    .marks
                    .iter()
                    .enumerate()
                    .filter_map(|(i, m)| m.map(|r| (i, r)))
                    .collect();
                if marks.is_empty() && !self.all_seen() {
                    // "None of these" only once every line has been read.
                    self.row = self.seen.get().min(self.marks.len().saturating_sub(1));
                    *ctx.status =
                        Some("Please read every line first: the list goes on below.".to_owned());
                    return Cmd::Stay;
                }
                let response = if marks.is_empty() {
                    Response::Reply(Reply::No)
                } else {
                    Response::Lines(marks)
                };
                return self.at.respond(ctx, &response);
            }
            Action::Back => return self.at.back(ctx),
            _ => {}
        }
        Cmd::Stay
    }

    /// Marks the line under the cursor `reply`, or unmarks it when it already was.
    fn flip(&mut self, reply: Reply) {
        if let Some(m) = self.marks.get_mut(self.row) {
            *m = if *m == Some(reply) { None } else { Some(reply) };
        }
    }

    /// A click on a line moves the cursor there; a click on the line under the cursor marks or
    /// unmarks it (a checkbox).
    pub fn click(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        let [_, _, list, _] = layout(self, body, ctx.kb, ctx.emergency);
        let heights: Vec<usize> = rows(&self.at.ask, &self.marks, list.width, ctx.emergency)
            .iter()
            .map(Vec::len)
            .collect();
        match parts::follow(list, &heights, (&mut self.row, &mut self.top), x, y) {
            Some(parts::Clicked::Again(_)) => self.update(ctx, Action::Toggle),
            _ => Cmd::Stay,
        }
    }
}

/// The screen's parts: the intro line, the heading (the question and the areas, as many rows as
/// they wrap to), the list, and why we ask with a note on the marks (likewise). The keys are in
/// the footer, so every other row goes to the lines. Shared by the view and clicks.
fn layout(state: &State<'_>, area: Rect, kb: &KnowledgeBase, emergency: &str) -> [Rect; 4] {
    let (head, why) = (heading(state, kb, emergency), why(state, emergency));
    let rows = |lines: &[Line<'_>]| text::wrapped_height(lines, area.width);
    let (head, why) = (rows(&head), rows(&why));
    area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(head),
        Constraint::Min(3),
        Constraint::Length(why),
    ]))
}

/// The checklist's question, and the areas it is about.
fn heading<'a>(state: &State<'_>, kb: &KnowledgeBase, emergency: &str) -> Vec<Line<'a>> {
    let Ask::Gate { gate, regions, .. } = &state.at.ask else {
        return Vec::new();
    };
    let mut head = vec![Line::raw(fill(&gate.question, emergency))];
    if !regions.is_empty() {
        head.push(Line::raw(format!(
            "Areas: {}",
            crate::flow::area_names(kb, regions)
        )));
    }
    head
}

/// Why we ask, and how many lines are marked (or that more are below).
fn why<'a>(state: &State<'_>, emergency: &str) -> Vec<Line<'a>> {
    let Ask::Gate { gate, .. } = &state.at.ask else {
        return Vec::new();
    };
    let marked = state.marks.iter().filter(|m| m.is_some()).count();
    let note = if marked > 0 {
        format!(" ({marked} marked: enter when done)")
    } else if state.all_seen() {
        String::new()
    } else {
        " (more lines below)".to_owned()
    };
    vec![Line::raw(format!(
        "Why we ask: {}{note}",
        fill(&gate.explain, emergency)
    ))]
}

/// Columns before a line's text: the cursor marker and the box ("> [x] ").
const LEAD: u16 = 6;

/// The checklist's rows for a list `width` columns wide: each line wrapped whole with a hanging
/// indent under its mark, then when to answer no (flagged: drawn dim). Shared by the view and
/// clicks.
fn rows(
    ask: &Ask<'_>,
    marks: &[Option<Reply>],
    width: u16,
    emergency: &str,
) -> Vec<Vec<(bool, String)>> {
    // The scrollbar's column is always kept (and a space before it), so the wrapping never
    // depends on the scrolling.
    let text_width = usize::from(width.saturating_sub(LEAD + 2)).max(8);
    ask.lines()
        .iter()
        .zip(marks)
        .map(|((_, _, line), mark)| {
            let box_ = match mark {
                Some(Reply::Yes) => "[x] ",
                Some(Reply::NotSure) => "[?] ",
                _ => "[ ] ",
            };
            let mut out: Vec<(bool, String)> =
                parts::wrap_words(&fill(&line.text, emergency), text_width)
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| (false, format!("{}{l}", if i == 0 { box_ } else { "    " })))
                    .collect();
            if let Some(no) = &line.no_if {
                let text = format!("Answer no if {}", fill(no, emergency));
                out.extend(
                    parts::wrap_words(&text, text_width)
                        .into_iter()
                        .map(|l| (true, format!("    {l}"))),
                );
            }
            out
        })
        .collect()
}

impl Widget for View<'_, State<'_>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (shared, theme, state) = (&self.shared, self.shared.theme, self.state);
        let Ask::Gate { gate, .. } = &state.at.ask else {
            return;
        };
        let [intro, head, list, foot] = layout(state, area, shared.kb, shared.emergency);
        ask::intro_line(ask::intro(gate.section), intro, buf, theme);
        let styled = |lines: Vec<Line<'static>>, style| {
            Paragraph::new(
                lines
                    .into_iter()
                    .map(|l| l.style(style))
                    .collect::<Vec<_>>(),
            )
            .wrap(Wrap { trim: true })
        };
        let mut heading = heading(state, shared.kb, shared.emergency);
        if let Some(areas) = heading.get_mut(1) {
            *areas = areas.clone().style(theme.dim);
        }
        if let Some(question) = heading.first_mut() {
            *question = question.clone().style(theme.title);
        }
        Paragraph::new(heading)
            .wrap(Wrap { trim: true })
            .render(head, buf);
        let items: Vec<ListItem> = rows(&state.at.ask, &state.marks, list.width, shared.emergency)
            .into_iter()
            .map(|lines| parts::flagged_item(lines, theme.dim))
            .collect();
        let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
        let cursor = (state.row, state.top);
        let first = parts::first_shown(&heights, cursor, list.height);
        let mut used = 0;
        let whole = heights[first..]
            .iter()
            .take_while(|h| {
                used += **h;
                used <= usize::from(list.height)
            })
            .count();
        state.seen.set(state.seen.get().max(first + whole));
        parts::list(buf, list, items, cursor, true, theme);
        // Drawn after the list has counted what is on screen, so the note is up to date.
        styled(why(state, shared.emergency), theme.dim).render(foot, buf);
    }
}
