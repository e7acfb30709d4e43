//! Past sessions, newest first, and for one area at a time the pain before and after each.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, ListItem, Paragraph, Sparkline, Widget, Wrap,
};

use super::{Cmd, View};
use crate::history::{Loaded, local_time};
use crate::kb::KnowledgeBase;
use crate::report::region_name;
use crate::tui::action::Action;
use crate::tui::keys::{BACK, Binding, DOWN, Key, UP, bind, help_only};
use crate::tui::widgets as parts;

pub const KEYS: &[Binding] = &[
    UP,
    DOWN,
    bind(&[], "↑↓", "session", Action::Up),
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
    BACK,
];

/// What was read (or why it could not be), the areas in it (body-map order), and the session
/// and area under the cursor.
#[derive(Debug)]
pub struct State<'kb> {
    pub loaded: Result<Loaded, String>,
    pub regions: Vec<&'kb str>,
    pub row: usize,
    pub region: usize,
}

impl<'kb> State<'kb> {
    pub fn new(kb: &'kb KnowledgeBase, loaded: Result<Loaded, String>) -> Self {
        let regions = match &loaded {
            Ok(l) => kb
                .regions()
                .iter()
                .filter(|r| {
                    l.records
                        .iter()
                        .any(|rec| rec.ratings.iter().any(|x| x.region == r.id))
                })
                .map(|r| r.id.as_str())
                .collect(),
            Err(_) => Vec::new(),
        };
        Self {
            loaded,
            regions,
            row: 0,
            region: 0,
        }
    }

    pub fn update(&mut self, action: Action) -> Cmd<'kb> {
        let sessions = self.loaded.as_ref().map_or(0, |l| l.records.len());
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(sessions.saturating_sub(1)),
            Action::Left => self.region = self.region.saturating_sub(1),
            Action::Right => {
                self.region = (self.region + 1).min(self.regions.len().saturating_sub(1));
            }
            Action::Back => return Cmd::Back,
            _ => {}
        }
        Cmd::Stay
    }
}

fn put(buf: &mut Buffer, widget: impl Widget, area: Rect) {
    widget.render(area, buf);
}

impl Widget for View<'_, State<'_>> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (kb, theme, state) = (self.shared.kb, self.shared.theme, self.state);
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
        let warn = u16::from(!loaded.damaged.is_empty());
        let [note, list, chart] = area.layout(&Layout::vertical([
            Constraint::Length(warn),
            Constraint::Percentage(40),
            Constraint::Min(8),
        ]));
        if warn > 0 {
            put(
                buf,
                Paragraph::new(Line::styled(
                    format!(
                        "{} damaged line(s) in the history file were skipped; they are kept in the file.",
                        loaded.damaged.len()
                    ),
                    theme.warn,
                )),
                note,
            );
        }
        let block = Block::bordered()
            .title(match loaded.records.len() {
                1 => " 1 session ".to_owned(),
                n => format!(" {n} sessions "),
            })
            .border_style(theme.border);
        let inner = block.inner(list);
        put(buf, block, list);
        let items = loaded
            .records
            .iter()
            .rev()
            .map(|r| {
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
                ListItem::new(Line::from(vec![
                    Span::styled(format!("{}  ", local_time(&r.at)), theme.title),
                    Span::raw(format!(
                        "{:<13}",
                        if r.completed {
                            "completed"
                        } else {
                            "ended early"
                        }
                    )),
                    Span::raw(format!("pain {}", pains.join(", "))),
                ]))
            })
            .collect();
        parts::list(buf, inner, items, state.row, true, theme);
        draw_chart(buf, chart, &self, loaded);
    }
}

fn draw_chart(buf: &mut Buffer, area: Rect, view: &View<'_, State<'_>>, loaded: &Loaded) {
    let (kb, theme, state) = (view.shared.kb, view.shared.theme, view.state);
    let regions = &state.regions;
    let Some(region) = regions.get(state.region.min(regions.len().saturating_sub(1))) else {
        return;
    };
    let block = Block::bordered()
        .title(format!(
            " {}: pain before (B) and after (A) each session  ←→ other area ",
            region_name(kb, region)
        ))
        .border_style(theme.border);
    let inner = block.inner(area);
    put(buf, block, area);
    let [trend, bars] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(4),
    ]));
    let points: Vec<(&str, u8, Option<u8>)> = loaded
        .records
        .iter()
        .filter_map(|r| {
            r.ratings
                .iter()
                .find(|x| x.region == *region)
                .map(|x| (r.at.as_str(), x.before.pain, x.after.map(|a| a.pain)))
        })
        .collect();
    let [label, spark] = trend.layout(&Layout::horizontal([
        Constraint::Length(23),
        Constraint::Min(1),
    ]));
    put(
        buf,
        Paragraph::new(Line::styled("Pain after, over time: ", theme.dim)),
        label,
    );
    let after: Vec<u64> = points
        .iter()
        .map(|p| u64::from(p.2.unwrap_or(p.1)))
        .collect();
    put(
        buf,
        Sparkline::default()
            .data(&after)
            .max(10)
            .style(theme.chosen),
        spark,
    );
    // As many recent sessions as fit: each group is two 3-wide bars and gaps (9 columns).
    let fit = usize::from(bars.width / 9).max(1);
    let recent = &points[points.len().saturating_sub(fit)..];
    let groups: Vec<BarGroup<'_>> = recent
        .iter()
        .map(|(at, before, after)| {
            let date = local_time(at).get(5..10).unwrap_or("").to_owned();
            let mut b = vec![
                Bar::default()
                    .value(u64::from(*before))
                    .label("B")
                    .text_value(before.to_string())
                    .style(theme.dim),
            ];
            if let Some(a) = after {
                b.push(
                    Bar::default()
                        .value(u64::from(*a))
                        .label("A")
                        .text_value(a.to_string())
                        .style(theme.chosen),
                );
            }
            BarGroup::default().label(Line::raw(date)).bars(&b)
        })
        .collect();
    let mut chart = BarChart::default()
        .bar_width(3)
        .bar_gap(1)
        .group_gap(2)
        .max(10);
    for g in groups {
        chart = chart.data(g);
    }
    put(buf, chart, bars);
}
