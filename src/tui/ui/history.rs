//! History: past sessions, and for one area at a time its pain before (B) and after (A) each
//! session as bars with their values, plus a sparkline of the trend. Readable without colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, ListItem, Paragraph, Sparkline, Wrap};

use crate::history::{Loaded, local_time};
use crate::report::region_name;
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let loaded = match &app.history {
        Some(Ok(l)) => l,
        Some(Err(e)) => {
            frame.render_widget(
                Paragraph::new(vec![
                    Line::styled("The history could not be read.", theme.danger),
                    Line::raw(e.as_str()),
                ])
                .wrap(Wrap { trim: true }),
                area,
            );
            return;
        }
        None => return,
    };
    if loaded.records.is_empty() {
        frame.render_widget(
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
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!("{} damaged line(s) in the history file were skipped; they are kept in the file.", loaded.damaged.len()),
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
    frame.render_widget(block, list);
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
                        region_name(app.kb, &x.region),
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
    super::list(frame, inner, items, app.history_row, true, theme);
    draw_chart(frame, chart, app, loaded, theme);
}

fn draw_chart(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, loaded: &Loaded, theme: &Theme) {
    let regions = app.history_regions();
    let Some(region) = regions.get(app.history_region.min(regions.len().saturating_sub(1))) else {
        return;
    };
    let block = Block::bordered()
        .title(format!(
            " {}: pain before (B) and after (A) each session  ←→ other area ",
            region_name(app.kb, region)
        ))
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
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
    frame.render_widget(
        Paragraph::new(Line::styled("Pain after, over time: ", theme.dim)),
        label,
    );
    let after: Vec<u64> = points
        .iter()
        .map(|p| u64::from(p.2.unwrap_or(p.1)))
        .collect();
    frame.render_widget(
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
    frame.render_widget(chart, bars);
}
