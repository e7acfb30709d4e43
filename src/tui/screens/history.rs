//! Past sessions, newest first (the order of `fascia history`), a session in full, deleting one
//! (after a yes; the history is read again), and for one area at a time the pain and how freely
//! it moves before and after each session, with the selected session marked. Only the rows in
//! view are put into words, so a long history stays quick. The charts and the detail are drawn
//! in `history_view`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::{Cmd, Ctx, Scroll, View};
use crate::history::{Loaded, Record, local_time};
use crate::kb::KnowledgeBase;
use crate::report::region_name;
use crate::tui::action::{Action, Effect};
use crate::tui::keys::{
    BACK, Binding, DOWN, FIRST, Key, LAST, PAGE_DOWN, PAGE_UP, SCROLL_D, SCROLL_U, UP, bind,
    help_only,
};
use crate::tui::widgets::{self as parts, Clicked};

const DELETE: Binding = bind(&[Key::Char('d')], "d", "delete", Action::Delete);

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    bind(&[], "↑↓", "session", Action::Up),
    PAGE_UP,
    PAGE_DOWN,
    FIRST,
    LAST,
    help_only(
        &[Key::Left, Key::Char('h')],
        "← h",
        "previous area",
        Action::Left,
    ),
    help_only(
        &[Key::Right, Key::Char('l')],
        "→ l",
        "next area",
        Action::Right,
    ),
    bind(&[], "←→", "area", Action::Left),
    bind(&[Key::Enter], "enter", "details", Action::Details),
    DELETE,
    BACK,
];

/// A session in full.
pub const DETAIL_KEYS: &[Binding] = &[SCROLL_U, SCROLL_D, DELETE, BACK];

/// Asking whether to delete.
pub const CONFIRM_KEYS: &[Binding] = &[
    bind(&[Key::Char('y')], "y", "delete it", Action::Confirm),
    bind(&[Key::Char('n'), Key::Esc], "n", "keep it", Action::Cancel),
];

/// What was read (newest first, or why it could not be), the areas in it (body-map order) with
/// the sessions that rated each (oldest first), and what is on screen.
#[derive(Debug)]
pub struct State<'kb> {
    pub loaded: Result<Loaded, String>,
    pub regions: Vec<&'kb str>,
    /// Per area of `regions`: indices into the records of the sessions that rated it, oldest
    /// first (so a chart reads left to right in time).
    pub series: Vec<Vec<usize>>,
    pub row: usize,
    /// The first row in view, where the last click held the list (`widgets::Cursor`).
    pub top: usize,
    pub region: usize,
    /// The selected session in full.
    pub detail: bool,
    /// Asking "Delete this session? y/n".
    pub confirm_delete: bool,
    pub scroll: Scroll,
}

impl<'kb> State<'kb> {
    pub fn new(kb: &'kb KnowledgeBase, loaded: Result<Loaded, String>) -> Self {
        let (regions, series) = match &loaded {
            Ok(l) => kb
                .regions()
                .iter()
                .filter_map(|r| {
                    let rated: Vec<usize> = (0..l.records.len())
                        .rev()
                        .filter(|&i| l.records[i].ratings.iter().any(|x| x.region == r.id))
                        .collect();
                    (!rated.is_empty()).then_some((r.id.as_str(), rated))
                })
                .unzip(),
            Err(_) => (Vec::new(), Vec::new()),
        };
        Self {
            loaded,
            regions,
            series,
            row: 0,
            top: 0,
            region: 0,
            detail: false,
            confirm_delete: false,
            scroll: Scroll::default(),
        }
    }

    pub fn keys(&self) -> &'static [Binding] {
        if self.confirm_delete {
            CONFIRM_KEYS
        } else if self.detail {
            DETAIL_KEYS
        } else {
            KEYS
        }
    }

    /// The records, newest first (none when the history could not be read).
    pub fn records(&self) -> &[Record] {
        self.loaded.as_ref().map_or(&[], |l| &l.records)
    }

    /// The selected session.
    pub fn selected(&self) -> Option<&Record> {
        self.records().get(self.row)
    }

    pub fn update(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        if let Action::Deleted { result, loaded } = action {
            *ctx.status = Some(match result {
                Ok(0) => "That session was not in the history any more.".to_owned(),
                Ok(_) => "Deleted. Every other session is kept.".to_owned(),
                Err(e) => format!("Not deleted: {e}"),
            });
            let (row, region) = (self.row, self.region);
            *self = Self::new(ctx.kb, *loaded);
            self.row = row.min(self.records().len().saturating_sub(1));
            self.region = region.min(self.regions.len().saturating_sub(1));
            return Cmd::Stay;
        }
        if self.confirm_delete {
            match action {
                Action::Confirm => {
                    self.confirm_delete = false;
                    if let Some(r) = self.selected() {
                        ctx.effects.push(Effect::Delete(r.key()));
                    }
                }
                Action::Cancel | Action::Back => self.confirm_delete = false,
                _ => {}
            }
            return Cmd::Stay;
        }
        let sessions = self.records().len();
        match action {
            Action::Delete if sessions > 0 => self.confirm_delete = true,
            Action::Back if self.detail => self.detail = false,
            Action::Back => return Cmd::Back,
            _ if self.detail => {
                self.scroll.apply(&action);
            }
            Action::Left => self.region = self.region.saturating_sub(1),
            Action::Right => {
                self.region = (self.region + 1).min(self.regions.len().saturating_sub(1));
            }
            Action::Details if sessions > 0 => {
                self.detail = true;
                self.scroll = Scroll::default();
            }
            ref a => {
                if let Some(row) = super::list_move(self.row, sessions, super::PAGE, a) {
                    self.row = row;
                }
            }
        }
        Cmd::Stay
    }
}

impl<'kb> State<'kb> {
    /// A click on a session moves the cursor there; on the session under the cursor, opens it
    /// in full, as enter does.
    pub fn click(&mut self, ctx: &mut Ctx<'_, 'kb>, body: Rect, x: u16, y: u16) -> Cmd<'kb> {
        if self.detail || self.confirm_delete {
            return Cmd::Stay;
        }
        let Some(at) = self.layout(body) else {
            return Cmd::Stay;
        };
        let rows = parts::rows(self.records().len());
        match parts::follow(at.list, &rows, (&mut self.row, &mut self.top), x, y) {
            Some(Clicked::Again(_)) => self.update(ctx, Action::Details),
            _ => Cmd::Stay,
        }
    }

    /// Where the screen's parts go in its body, shared by drawing and clicks (`None` when there
    /// is no session to show).
    fn layout(&self, body: Rect) -> Option<Layout> {
        let loaded = self
            .loaded
            .as_ref()
            .ok()
            .filter(|l| !l.records.is_empty())?;
        let warn = u16::from(!loaded.damaged.is_empty() || self.confirm_delete);
        let [note, rest] = body.layout(&ratatui::layout::Layout::vertical([
            Constraint::Length(warn),
            Constraint::Min(1),
        ]));
        let [block, chart] = rest.layout(&ratatui::layout::Layout::vertical([
            Constraint::Percentage(40),
            Constraint::Min(8),
        ]));
        Some(Layout {
            note,
            rest,
            block,
            list: list_block(String::new()).inner(block),
            chart,
        })
    }
}

/// The history's parts: a note line (a warning, or the question before deleting), and below
/// it the session in full (`rest`), or the list's box (the list inside) above the charts.
struct Layout {
    note: Rect,
    rest: Rect,
    block: Rect,
    list: Rect,
    chart: Rect,
}

fn list_block<'a>(title: String) -> Block<'a> {
    Block::bordered()
        .padding(ratatui::widgets::Padding::horizontal(1))
        .title(title)
}

pub(super) fn put(buf: &mut Buffer, widget: impl Widget, area: Rect) {
    widget.render(area, buf);
}

/// A session's time as the list and the charts show it: date and time, so two sessions on one
/// day are told apart.
pub(super) fn when(r: &Record) -> String {
    local_time(&r.at)
}

impl Widget for View<'_, State<'_>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, state) = (self.shared.theme, self.state);
        let loaded = match &state.loaded {
            Ok(l) => l,
            Err(e) => {
                put(
                    buf,
                    Paragraph::new(vec![
                        Line::styled("The history could not be read.", theme.danger),
                        Line::raw(e.as_str()),
                    ])
                    .wrap(Wrap { trim: true }),
                    area,
                );
                return;
            }
        };
        if loaded.records.is_empty() {
            put(buf,
            Paragraph::new("No sessions yet. Finish a guided session (g on your routine) to see here how it helps.").wrap(Wrap { trim: true }),
            area,
        );
            return;
        }
        let Some(at) = state.layout(area) else {
            return;
        };
        if state.confirm_delete {
            let when = state.selected().map(when).unwrap_or_default();
            put(
                buf,
                Paragraph::new(Line::styled(
                    format!("Delete the session of {when}? y deletes it, n keeps it."),
                    theme.warn,
                )),
                at.note,
            );
        } else if !loaded.damaged.is_empty() {
            put(
                buf,
                Paragraph::new(Line::styled(
                    format!(
                        "{} damaged line(s) in the history file were skipped; they are kept in the file.",
                        loaded.damaged.len()
                    ),
                    theme.warn,
                )),
                at.note,
            );
        }
        if state.detail {
            super::history_view::detail(buf, at.rest, &self);
            return;
        }
        draw_list(buf, &at, &self, loaded);
        super::history_view::charts(buf, at.chart, &self);
    }
}

/// The sessions in view (only those are put into words), the selected one highlighted.
fn draw_list(buf: &mut Buffer, at: &Layout, view: &View<'_, State<'_>>, loaded: &Loaded) {
    let (kb, theme, state) = (view.shared.kb, view.shared.theme, view.state);
    let block = list_block(match loaded.records.len() {
        1 => " 1 session, newest first ".to_owned(),
        n => format!(" {n} sessions, newest first "),
    })
    .border_style(theme.border);
    put(buf, block, at.block);
    let inner = at.list;
    let height = usize::from(inner.height).max(1);
    let first = parts::first_shown(
        &parts::rows(loaded.records.len()),
        (state.row, state.top),
        inner.height,
    );
    let lines: Vec<Line<'_>> = loaded
        .records
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, r)| {
            let pains: Vec<String> = r
                .ratings
                .iter()
                .map(|x| {
                    format!(
                        "{} {}->{}",
                        region_name(kb, &x.region),
                        x.before.pain,
                        x.after
                            .map_or_else(|| "?".to_owned(), |a| a.pain.to_string())
                    )
                })
                .collect();
            let style = if i == state.row {
                theme.cursor
            } else {
                theme.text
            };
            Line::from(vec![
                Span::styled(format!("{}  ", when(r)), theme.title),
                Span::styled(
                    format!(
                        "{}, {}  pain {}",
                        r.status().words(),
                        r.steps_words(),
                        pains.join(", ")
                    ),
                    style,
                ),
            ])
        })
        .collect();
    put(buf, Paragraph::new(lines), inner);
}
