//! Browse: search as you type, over techniques, areas and muscles.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};

use super::tool_picker::{self, Picked, Picker};
use super::{Cmd, Ctx, Screen, View, browse_list, technique};
use crate::browse::{Filter, Hit, Searcher, Target};
use crate::kb::{Kind, KnowledgeBase};
use crate::tui::action::Action;
use crate::tui::keys::{Binding, Key, bind, help_only};
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::widgets::{self as parts, Clicked};

/// While searching, letters are typed into the search, so only these keys act.
pub const KEYS: &[Binding] = &[
    bind(&[], "type", "to search", Action::Up),
    help_only(&[Key::Up], "↑", "move up", Action::Up),
    help_only(&[Key::Down], "↓", "move down", Action::Down),
    bind(&[], "↑↓", "move", Action::Up),
    help_only(&[Key::PageUp], "pgup", "a page up", Action::PageUp),
    help_only(&[Key::PageDown], "pgdn", "a page down", Action::PageDown),
    help_only(&[Key::Home], "home", "to the first result", Action::Home),
    help_only(&[Key::End], "end", "to the last result", Action::End),
    bind(&[Key::Enter], "enter", "open", Action::Next),
    bind(&[Key::Backspace], "bksp", "delete", Action::Erase),
    bind(&[Key::Ctrl('t')], "ctrl-t", "tool", Action::ToolFilter),
    bind(
        &[Key::Ctrl('f')],
        "ctrl-f",
        "direct/indirect",
        Action::KindFilter,
    ),
    bind(
        &[Key::Ctrl('x')],
        "ctrl-x",
        "clear filters",
        Action::ClearFilters,
    ),
    bind(&[Key::Esc], "esc", "back", Action::Back),
];

/// What was typed, what it finds (found again as it changes, with one matcher), and the result
/// under the cursor.
#[derive(Debug, Default)]
pub struct State {
    pub query: String,
    pub hit: usize,
    /// The first row in view, where the last click held the list (`widgets::Cursor`).
    pub top: usize,
    /// What the query finds that passes the filters.
    pub hits: Vec<Hit>,
    /// A tool (index into the tools) and a kind: techniques found must pass them.
    pub tool_filter: Option<usize>,
    pub kind_filter: Option<Kind>,
    /// The tool picker, while open.
    pub picker: Option<Picker>,
    searcher: Searcher,
}

impl State {
    /// The picker's keys while it is open, the search's otherwise.
    pub fn keys(&self) -> &'static [Binding] {
        if self.picker.is_some() {
            tool_picker::KEYS
        } else {
            KEYS
        }
    }

    /// What the tool picker did: closed, or closed on a tool (the search is run again).
    fn picked(&mut self, ctx: &Ctx<'_, '_>, picked: Picked) {
        if tool_picker::settle(&mut self.picker, &mut self.tool_filter, picked) {
            self.research(ctx);
        }
    }

    /// A click on a result moves the cursor there; on the one under the cursor, opens it. With
    /// the tool picker open, the click is the picker's.
    pub fn click<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        let at = layout(body);
        if let Some(picker) = &mut self.picker {
            let picked = picker.click(ctx.kb, at.body, x, y);
            self.picked(ctx, picked);
            return Cmd::Stay;
        }
        let width = at.width();
        let heights: Vec<usize> = self
            .hits
            .iter()
            .map(|h| wrapped(&h.label, width).len())
            .collect();
        match parts::follow(at.results, &heights, (&mut self.hit, &mut self.top), x, y) {
            Some(Clicked::Again(_)) => self.update(ctx, Action::Next),
            _ => Cmd::Stay,
        }
    }

    pub fn update<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        if let Some(picker) = &mut self.picker {
            let picked = picker.update(ctx.kb, &action);
            self.picked(ctx, picked);
            return Cmd::Stay;
        }
        if let Some(hit) = super::list_move(self.hit, self.hits.len(), super::PAGE, &action) {
            self.hit = hit;
            return Cmd::Stay;
        }
        match action {
            Action::Type(c) => {
                self.query.push(c);
                self.research(ctx);
            }
            Action::Erase => {
                self.query.pop();
                self.research(ctx);
            }
            Action::ToolFilter => self.picker = Some(Picker::new(self.tool_filter)),
            Action::KindFilter => {
                self.kind_filter = match self.kind_filter {
                    None => Some(Kind::Direct),
                    Some(Kind::Direct) => Some(Kind::Indirect),
                    Some(Kind::Indirect) => None,
                };
                self.research(ctx);
            }
            Action::ClearFilters => {
                (self.tool_filter, self.kind_filter) = (None, None);
                self.research(ctx);
            }
            Action::Next => match self.hits.get(self.hit).map(|h| &h.target) {
                Some(Target::Technique(id)) => {
                    return Cmd::Push(Screen::Technique(technique::State::new(id)));
                }
                Some(Target::Region(id)) => {
                    if let Some(index) = ctx.kb.regions().iter().position(|r| r.id == *id) {
                        return Cmd::Push(Screen::BrowseList(browse_list::State::with_filters(
                            ctx.kb,
                            index,
                            self.tool_filter,
                            self.kind_filter,
                        )));
                    }
                }
                None => {}
            },
            Action::Back => return Cmd::Back,
            _ => {}
        }
        Cmd::Stay
    }

    /// The filters as the library applies them.
    fn filter(&self, kb: &KnowledgeBase) -> Filter {
        Filter {
            region: None,
            tool: self
                .tool_filter
                .and_then(|i| kb.tools().get(i))
                .map(|t| t.id.clone()),
            kind: self.kind_filter,
        }
    }

    fn research(&mut self, ctx: &Ctx<'_, '_>) {
        let filter = self.filter(ctx.kb);
        self.hits = self.searcher.search(ctx.kb, &self.query);
        // Techniques must pass the filters; areas and muscles lead to a list that keeps them.
        self.hits.retain(|h| match &h.target {
            Target::Technique(id) => ctx
                .kb
                .technique(id)
                .is_some_and(|t| filter.allows(ctx.kb, t)),
            Target::Region(_) => true,
        });
        self.hit = 0;
    }
}

/// Where the search's parts go in the screen's body, shared by drawing and clicks.
struct Layout {
    /// Below the reminder (the tool picker opens over it).
    body: Rect,
    input: Rect,
    filters: Rect,
    results: Rect,
}

fn layout(area: Rect) -> Layout {
    let body = parts::browse_reminder_area(text::readable(area), true);
    let [input, filters, results] = body.layout(&ratatui::layout::Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Min(1),
    ]));
    Layout {
        body,
        input,
        filters,
        results,
    }
}

impl Layout {
    /// The width a result's label wraps at.
    fn width(&self) -> usize {
        usize::from(self.results.width).saturating_sub(4)
    }
}

/// A result's label as the list shows it: wrapped at `width`.
fn wrapped(label: &str, width: usize) -> Vec<String> {
    parts::wrap_words(label, width)
}

impl Widget for View<'_, State> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (kb, theme, state) = (self.shared.kb, self.shared.theme, self.state);
        let at = layout(area);
        parts::browse_reminder(buf, text::readable(area), theme, true);
        let found = match state.hits.len() {
            _ if state.query.is_empty() => String::new(),
            1 => " · 1 result".to_owned(),
            n => format!(" · {n} results"),
        };
        Paragraph::new(Line::from(vec![
            Span::raw(state.query.as_str()),
            Span::styled("_", theme.key),
        ]))
        .block(text::boxed(format!(" Search{found} "), theme.title))
        .render(at.input, buf);
        parts::filters_line(
            buf,
            at.filters,
            KEYS,
            kb,
            (state.tool_filter, state.kind_filter),
            theme,
        );
        if state.hits.is_empty() {
            let text = if state.query.is_empty() {
                "Type part of a technique, area or muscle name, like calf, roll or soleus."
            } else {
                "Nothing matches. Try fewer letters, or clear the filters."
            };
            Paragraph::new(Line::styled(text, theme.dim))
                .wrap(Wrap { trim: true })
                .render(at.results.inner(Margin::new(1, 0)), buf);
        } else {
            let width = at.width();
            let items = state
                .hits
                .iter()
                .map(|h| ListItem::new(marked(&h.label, &h.marks, width, theme)))
                .collect();
            parts::list(buf, at.results, items, (state.hit, state.top), true, theme);
        }
        if let Some(picker) = state.picker {
            picker.render(kb, theme, at.body, buf);
        }
    }
}

/// A result's label wrapped at `width`, the letters the query matched underlined and bold (so
/// the mark shows without colour too).
fn marked(label: &str, marks: &[usize], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mark = theme.key.add_modifier(Modifier::UNDERLINED);
    let mut at = 0;
    let chars: Vec<char> = label.chars().collect();
    let mut lines = Vec::new();
    for line in wrapped(label, width) {
        // Wrapping drops the space at a break; find where this line starts in the label.
        while at < chars.len() && chars[at] == ' ' && !line.starts_with(' ') {
            at += 1;
        }
        // One span per run of marked or unmarked letters.
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut run = String::new();
        let mut run_marked = false;
        for c in line.chars() {
            let marked = marks.binary_search(&at).is_ok();
            if marked != run_marked && !run.is_empty() {
                let style = if run_marked { mark } else { theme.text };
                spans.push(Span::styled(std::mem::take(&mut run), style));
            }
            run_marked = marked;
            run.push(c);
            at += 1;
        }
        if !run.is_empty() {
            spans.push(Span::styled(
                run,
                if run_marked { mark } else { theme.text },
            ));
        }
        lines.push(Line::from(spans));
    }
    lines
}
