//! The history screen's charts (pain, and how freely the area moves, before and after each
//! session, for one area, with the selected session marked) and a session in full.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};

use super::View;
use super::history::{State, put, when};
use crate::change::{MEANING_NOTE, Scale, change};
use crate::history::{Rating, Record, Score};
use crate::report::region_name;
use crate::tui::theme::Theme;
use crate::tui::widgets as parts;
use crate::words::tool_name;

/// Each session takes two 5-wide bars, a gap between them and two after: 13 columns, room for a
/// `MM-DD HH:MM` label.
const GROUP: u16 = 13;

/// The charts of the area chosen with ←→: the sessions around the selected one.
pub(super) fn charts(buf: &mut Buffer, area: Rect, view: &View<'_, State<'_>>) {
    let (kb, theme, state) = (view.shared.kb, view.shared.theme, view.state);
    let pick = state.region.min(state.regions.len().saturating_sub(1));
    let (Some(region), Some(series)) = (state.regions.get(pick), state.series.get(pick)) else {
        return;
    };
    let records = state.records();
    let block = Block::bordered()
        .padding(ratatui::widgets::Padding::horizontal(1))
        .title(format!(
            " {}: before (B) and after (A) each session, oldest on the left; ←→ other area ",
            region_name(kb, region)
        ))
        .border_style(theme.border);
    let inner = block.inner(area);
    put(buf, block, area);
    // The sessions around the selected one (or the nearest in time that rated this area).
    let fit = usize::from(inner.width / GROUP).max(1);
    let at = series
        .iter()
        .position(|&i| i <= state.row)
        .unwrap_or(series.len().saturating_sub(1));
    let start = at
        .saturating_sub(fit / 2)
        .min(series.len().saturating_sub(fit));
    let shown = &series[start..(start + fit).min(series.len())];
    let rated = records
        .get(state.row)
        .is_some_and(|r| r.ratings.iter().any(|x| x.region == *region));
    let [pain_title, pain, ease_title, ease] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let marked = if rated {
        "the selected session is highlighted"
    } else {
        "the selected session did not rate this area"
    };
    put(
        buf,
        Paragraph::new(Line::styled(
            format!("Pain or tightness (0 none, 10 worst); {marked}"),
            theme.dim,
        )),
        pain_title,
    );
    put(
        buf,
        Paragraph::new(Line::styled(
            "Moves freely (0 hardly, 10 freely)",
            theme.dim,
        )),
        ease_title,
    );
    for (scale, rect) in [(Scale::Pain, pain), (Scale::Ease, ease)] {
        let mut chart = BarChart::default()
            .bar_width(5)
            .bar_gap(1)
            .group_gap(2)
            .max(10);
        for &i in shown {
            let Some(r) = records.get(i) else { continue };
            let Some(rating) = r.ratings.iter().find(|x| x.region == *region) else {
                continue;
            };
            chart = chart.data(group(r, rating, scale, i == state.row, theme));
        }
        put(buf, chart, rect);
    }
}

/// One session's bars: before, and after when it was rated.
fn group<'a>(r: &Record, x: &Rating, scale: Scale, selected: bool, theme: &Theme) -> BarGroup<'a> {
    let value = |s: Score| match scale {
        Scale::Pain => s.pain,
        Scale::Ease => s.ease,
    };
    let (before_style, after_style) = if selected {
        (theme.cursor, theme.cursor)
    } else {
        (theme.dim, theme.chosen)
    };
    let mut bars = vec![
        Bar::default()
            .value(u64::from(value(x.before)))
            .label("B")
            .text_value(value(x.before).to_string())
            .style(before_style),
    ];
    if let Some(a) = x.after {
        bars.push(
            Bar::default()
                .value(u64::from(value(a)))
                .label("A")
                .text_value(value(a).to_string())
                .style(after_style),
        );
    }
    let date = when(r);
    let label = date.get(5..).unwrap_or(&date).to_owned();
    let label = if selected {
        Line::styled(label, theme.cursor)
    } else {
        Line::raw(label)
    };
    BarGroup::default().label(label).bars(&bars)
}

/// The selected session in full: when, how it ended, each area before and after with what the
/// change means, and each step with what became of it.
pub(super) fn detail(buf: &mut Buffer, area: Rect, view: &View<'_, State<'_>>) {
    let (kb, theme, state) = (view.shared.kb, view.shared.theme, view.state);
    let Some(r) = state.selected() else {
        return;
    };
    let mut lines = vec![
        Line::styled(
            format!("{} · {} · {}", when(r), r.status().words(), r.steps_words()),
            theme.title,
        ),
        Line::raw(""),
        Line::styled("How each area felt, before and after (0-10)", theme.title),
    ];
    for x in &r.ratings {
        let name = region_name(kb, &x.region);
        lines.push(Line::raw(match x.after {
            Some(a) => format!(
                "{name}: {}; {}",
                change(Scale::Pain, x.before.pain, a.pain).words(),
                change(Scale::Ease, x.before.ease, a.ease).words()
            ),
            None => format!(
                "{name}: pain {}, moves freely {} before; not rated after",
                x.before.pain, x.before.ease
            ),
        }));
    }
    lines.push(Line::styled(MEANING_NOTE, theme.dim));
    lines.push(Line::raw(""));
    lines.push(Line::styled("The routine, step by step", theme.title));
    for (i, s) in r.routine.iter().enumerate() {
        let technique = kb
            .technique(&s.technique)
            .map_or(s.technique.as_str(), |t| t.name.as_str());
        let status = s.status.map_or("not recorded", |st| st.words());
        lines.push(Line::raw(format!(
            "{}. {} · {} · {} · {} s: {status}",
            i + 1,
            region_name(kb, &s.region),
            technique,
            tool_name(kb, &s.tool),
            s.seconds
        )));
    }
    parts::scrolled_text(
        buf,
        area,
        lines,
        state.scroll.offset,
        Block::bordered()
            .padding(ratatui::widgets::Padding::horizontal(1))
            .title(" Session in full (esc: back to the list) ")
            .border_style(theme.border),
    );
}
