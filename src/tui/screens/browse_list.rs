//! Browse: the techniques of one area, filtered by tool and by direct or indirect work.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::tool_picker::{self, Picked, Picker};
use super::{Cmd, Ctx, Screen, View, technique};
use crate::browse::{self, Filter};
use crate::kb::{Kind, KnowledgeBase, Technique};
use crate::report::{duration_range, region_name, tool_name};
use crate::tui::action::Action;
use crate::tui::keys::{
    BACK, Binding, DOWN, FIRST, Key, LAST, MOVE, PAGE_DOWN, PAGE_HINT, PAGE_UP, SEARCH, START, UP,
    bind, label,
};
use crate::tui::widgets::{self as parts, Clicked};

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    MOVE,
    PAGE_UP,
    PAGE_DOWN,
    FIRST,
    LAST,
    PAGE_HINT,
    bind(&[Key::Enter], "enter", "open", Action::Next),
    bind(&[Key::Char('t')], "t", "tool", Action::ToolFilter),
    bind(
        &[Key::Char('x')],
        "x",
        "clear filters",
        Action::ClearFilters,
    ),
    bind(
        &[Key::Char('f')],
        "f",
        "direct/indirect",
        Action::KindFilter,
    ),
    SEARCH,
    START,
    BACK,
];

/// The area (index in body-map order), the filters, the techniques that pass them (found again
/// when a filter changes) and the row under the cursor.
#[derive(Debug)]
pub struct State<'kb> {
    pub region: usize,
    pub row: usize,
    /// The first row in view, where the last click held the list (`widgets::Cursor`).
    pub top: usize,
    /// A tool (index into the tools) and a kind.
    pub tool_filter: Option<usize>,
    pub kind_filter: Option<Kind>,
    pub list: Vec<&'kb Technique>,
    /// The tool picker, while open.
    pub picker: Option<Picker>,
}

impl<'kb> State<'kb> {
    pub fn new(kb: &'kb KnowledgeBase, region: usize) -> Self {
        let mut state = Self {
            region,
            row: 0,
            top: 0,
            tool_filter: None,
            kind_filter: None,
            list: Vec::new(),
            picker: None,
        };
        state.refilter(kb);
        state
    }

    /// The area's list with these filters already set (from the search).
    pub fn with_filters(
        kb: &'kb KnowledgeBase,
        region: usize,
        tool: Option<usize>,
        kind: Option<Kind>,
    ) -> Self {
        let mut state = Self::new(kb, region);
        (state.tool_filter, state.kind_filter) = (tool, kind);
        state.refilter(kb);
        state
    }

    /// The picker's keys while it is open, the list's otherwise.
    pub fn keys(&self) -> &'static [Binding] {
        if self.picker.is_some() {
            tool_picker::KEYS
        } else {
            KEYS
        }
    }

    fn refilter(&mut self, kb: &'kb KnowledgeBase) {
        let filter = Filter {
            region: kb.regions().get(self.region).map(|r| r.id.clone()),
            tool: self
                .tool_filter
                .and_then(|i| kb.tools().get(i))
                .map(|t| t.id.clone()),
            kind: self.kind_filter,
        };
        self.list = browse::techniques(kb, &filter);
        self.row = 0;
    }

    /// What the tool picker did: closed, or closed on a tool (the list is filtered again).
    fn picked(&mut self, kb: &'kb KnowledgeBase, picked: Picked) {
        if tool_picker::settle(&mut self.picker, &mut self.tool_filter, picked) {
            self.refilter(kb);
        }
    }

    pub fn update(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        if let Some(picker) = &mut self.picker {
            let picked = picker.update(ctx.kb, &action);
            self.picked(ctx.kb, picked);
            return Cmd::Stay;
        }
        if let Some(row) = super::list_move(self.row, self.list.len(), super::PAGE, &action) {
            self.row = row;
            return Cmd::Stay;
        }
        match action {
            Action::ToolFilter => self.picker = Some(Picker::new(self.tool_filter)),
            Action::ClearFilters => {
                (self.tool_filter, self.kind_filter) = (None, None);
                self.refilter(ctx.kb);
            }
            Action::KindFilter => {
                self.kind_filter = match self.kind_filter {
                    None => Some(Kind::Direct),
                    Some(Kind::Direct) => Some(Kind::Indirect),
                    Some(Kind::Indirect) => None,
                };
                self.refilter(ctx.kb);
            }
            Action::Next => {
                if let Some(t) = self.list.get(self.row) {
                    return Cmd::Push(Screen::Technique(technique::State::new(&t.id)));
                }
            }
            Action::Back => return Cmd::Back,
            _ => {}
        }
        Cmd::Stay
    }

    /// A click on a technique moves the cursor there; on the one under the cursor, opens it.
    /// With the tool picker open, the click is the picker's.
    pub fn click(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        let at = layout(body);
        if let Some(picker) = &mut self.picker {
            let picked = picker.click(ctx.kb, at.body, x, y);
            self.picked(ctx.kb, picked);
            return Cmd::Stay;
        }
        let heights: Vec<usize> = self
            .list
            .iter()
            .map(|t| lines(ctx.kb, t, at.width()).len())
            .collect();
        match parts::follow(at.inner, &heights, (&mut self.row, &mut self.top), x, y) {
            Some(Clicked::Again(_)) => self.update(ctx, Action::Next),
            _ => Cmd::Stay,
        }
    }
}

/// Where the browse list's parts go in the screen's body, shared by drawing and clicks.
struct Layout {
    /// Below the reminder (the tool picker opens over it).
    body: Rect,
    filters: Rect,
    /// The list's box, and the list inside it.
    list: Rect,
    inner: Rect,
}

fn layout(area: Rect) -> Layout {
    let body = parts::browse_reminder_area(crate::tui::text::readable(area), false);
    let [filters, list] = body.layout(&ratatui::layout::Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
    ]));
    Layout {
        body,
        filters,
        list,
        inner: block(String::new()).inner(list),
    }
}

impl Layout {
    /// The width a technique's facts wrap at (its name takes three more).
    fn width(&self) -> usize {
        usize::from(self.inner.width).saturating_sub(6)
    }
}

fn block<'a>(title: String) -> ratatui::widgets::Block<'a> {
    crate::tui::text::boxed(title, ratatui::style::Style::new())
}

/// A technique's rows in the list: its name, then its kind, pressure, time and tools indented,
/// wrapped at `width` (the name at three more), with whether each row is the name.
fn lines(kb: &KnowledgeBase, t: &Technique, width: usize) -> Vec<(bool, String)> {
    let tools: Vec<&str> = t.tools.iter().map(|id| tool_name(kb, id)).collect();
    let [lo, hi] = t.dosage.total_seconds;
    let about = format!(
        "{} · {} pressure · {} · {}",
        t.kind,
        t.pressure,
        duration_range(lo, hi),
        tools.join(", ")
    );
    parts::wrap_words(&t.name, width + 3)
        .into_iter()
        .map(|l| (true, l))
        .chain(
            parts::wrap_words(&about, width)
                .into_iter()
                .map(|l| (false, format!("   {l}"))),
        )
        .collect()
}

/// "1 technique", "12 techniques".
fn count(n: usize) -> String {
    if n == 1 {
        "1 technique".to_owned()
    } else {
        format!("{n} techniques")
    }
}

impl Widget for View<'_, State<'_>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (kb, theme, state) = (self.shared.kb, self.shared.theme, self.state);
        let at = layout(area);
        parts::browse_reminder(buf, crate::tui::text::readable(area), theme, false);
        parts::filters_line(
            buf,
            at.filters,
            KEYS,
            kb,
            (state.tool_filter, state.kind_filter),
            theme,
        );
        let region = kb.regions().get(state.region).map_or("", |r| r.id.as_str());
        block(format!(
            " {} · {} ",
            region_name(kb, region),
            count(state.list.len())
        ))
        .border_style(theme.border)
        .render(at.list, buf);
        if state.list.is_empty() {
            let all = kb.techniques_for(region).count();
            Paragraph::new(vec![
                Line::styled(
                    format!("None of the {all} techniques here matches the filter."),
                    theme.warn,
                ),
                Line::raw(format!(
                    "Press {} to change the tool or {} to change direct/indirect.",
                    label(KEYS, &Action::ToolFilter),
                    label(KEYS, &Action::KindFilter)
                )),
            ])
            .wrap(Wrap { trim: true })
            .render(at.inner, buf);
            return;
        }
        let items = state
            .list
            .iter()
            .map(|t| parts::flagged_item(lines(kb, t, at.width()), theme.title))
            .collect();
        parts::list(buf, at.inner, items, (state.row, state.top), true, theme);
        if let Some(picker) = state.picker {
            picker.render(kb, theme, at.body, buf);
        }
    }
}
