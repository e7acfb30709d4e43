//! The layout and text helpers every screen shares: a readable column on wide screens, boxes
//! with one cell of padding, numbers kept with their units, wrapping by display width, and
//! cutting a line with an ellipsis (…) when it must be cut.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The widest column of running text, in cells (about 100 reads comfortably).
pub const READABLE: u16 = 100;

/// The ellipsis that ends a cut line.
pub const ELLIPSIS: char = '…';

/// `area`, narrowed to a centred column of at most [`READABLE`] cells.
pub fn readable(area: Rect) -> Rect {
    area.centered_horizontally(Constraint::Max(READABLE))
}

/// A bordered box with one cell of padding left and right, so text never touches the border.
pub fn boxed<'a>(title: impl Into<Line<'a>>, border: Style) -> Block<'a> {
    Block::bordered()
        .title(title)
        .border_style(border)
        .padding(Padding::horizontal(1))
}

/// Whether a word ends in a digit (a number, a range such as 30-60, or a count like 2x).
fn is_number(word: &str) -> bool {
    word.chars().last().is_some_and(|c| c.is_ascii_digit())
}

/// `text` with the space after every number made non-breaking, so a wrap never splits "about
/// 6 s" or "30 seconds" between the number and its unit (ratatui's wrap keeps U+00A0).
pub fn keep_units(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut words = text.split(' ').peekable();
    while let Some(word) = words.next() {
        out.push_str(word);
        if let Some(next) = words.peek() {
            let glue = is_number(word) && !word.is_empty() && !next.is_empty();
            out.push(if glue { '\u{a0}' } else { ' ' });
        }
    }
    out
}

/// Splits `text` into lines of at most `width` display cells at spaces, keeping numbers with
/// their units; a word longer than a line is split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let kept = keep_units(text);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in kept.split(' ') {
        let mut word = word.to_owned();
        while word.width() > width {
            let (head, tail) = split_at_width(&word, width);
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(head);
            word = tail;
        }
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The first part of `word` that fits `width` cells, and the rest.
fn split_at_width(word: &str, width: usize) -> (String, String) {
    let mut used = 0;
    for (i, c) in word.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width && i > 0 {
            return (word[..i].to_owned(), word[i..].to_owned());
        }
        used += w;
    }
    (word.to_owned(), String::new())
}

/// `text` cut to `width` cells, ending with an ellipsis when it had to be cut.
pub fn ellipsis(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let (head, _) = split_at_width(text, width - 1);
    let mut head = head;
    while head.width() > width - 1 {
        head.pop();
    }
    head.push(ELLIPSIS);
    head
}

/// A styled line cut to `width` cells, its last visible cell an ellipsis when it had to be cut.
pub fn fit_line(line: Line<'_>, width: usize) -> Line<'static> {
    let style = line.style;
    let alignment = line.alignment;
    let total: usize = line.spans.iter().map(|s| s.content.width()).sum();
    let mut room = if total > width { width } else { usize::MAX };
    let mut spans = Vec::new();
    for span in line.spans {
        let w = span.content.width();
        if total <= width || w < room {
            room = room.saturating_sub(w);
            spans.push(Span::styled(span.content.into_owned(), span.style));
            continue;
        }
        spans.push(Span::styled(ellipsis(&span.content, room), span.style));
        if !spans.last().is_some_and(|s| s.content.ends_with(ELLIPSIS)) {
            spans.push(Span::styled(ELLIPSIS.to_string(), span.style));
        }
        break;
    }
    let mut out = Line::from(spans).style(style);
    out.alignment = alignment;
    out
}

/// `text` in `style` wrapped to `width` as [`wrap`] wraps it; an item of a list ("- " first)
/// hangs its following lines under its text.
pub fn wrap_item(text: &str, style: Style, width: usize) -> Vec<Line<'static>> {
    let (marker, rest) = match text.strip_prefix("- ") {
        Some(rest) => ("- ", rest),
        None => ("", text),
    };
    let hang = marker.len();
    wrap(rest, width.saturating_sub(hang))
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let lead = if i == 0 { marker } else { &"  "[..hang] };
            Line::styled(format!("{lead}{line}"), style)
        })
        .collect()
}

/// `lines` (each at most `width` cells) cut to `height` rows: when they do not all fit, the
/// last row shown ends with an ellipsis, so text is never cut silently at the bottom of its box.
pub fn clip(mut lines: Vec<Line<'static>>, height: usize, width: usize) -> Vec<Line<'static>> {
    if lines.len() <= height {
        return lines;
    }
    lines.truncate(height);
    if let Some(mut last) = lines.pop() {
        while last
            .spans
            .last()
            .is_some_and(|s| s.content.trim_end().is_empty())
        {
            last.spans.pop();
        }
        if let Some(span) = last.spans.last_mut() {
            span.content = span.content.trim_end().to_owned().into();
        }
        // Right after the text when there is room, else in place of its last cell.
        if last.width() < width {
            let style = last.spans.last().map_or(last.style, |s| s.style);
            last.spans.push(Span::styled(ELLIPSIS.to_string(), style));
        } else {
            last = fit_line(last, width.saturating_sub(1));
        }
        lines.push(last);
    }
    lines
}

/// How many rows `lines` take wrapped at `width` (what a `Paragraph` with word wrap draws).
pub fn wrapped_height(lines: &[Line<'_>], width: u16) -> u16 {
    let paragraph = ratatui::widgets::Paragraph::new(lines.to_vec())
        .wrap(ratatui::widgets::Wrap { trim: true });
    u16::try_from(paragraph.line_count(width)).unwrap_or(u16::MAX)
}

/// How many columns [`cut_visibly`] lets a row run on past its area to see that it does.
const SPILL: u16 = 16;

/// Renders `draw` with room to run on to the right, copies what fits into `area` of `buf`, and
/// ends every row that ran past it with an ellipsis: a list's rows are then cut visibly, never
/// silently. (For widgets that do not wrap; a wrapping widget would wrap at the wider width.)
///
/// The room to the right is [`SPILL`] columns: a row that runs on shows something there unless
/// the text breaks off at a run of that many spaces, which no row has.
pub fn cut_visibly(buf: &mut Buffer, area: Rect, draw: impl FnOnce(&mut Buffer, Rect)) {
    if area.is_empty() {
        return;
    }
    let wide = Rect::new(0, 0, area.width.saturating_add(SPILL), area.height);
    let mut scratch = Buffer::empty(wide);
    draw(&mut scratch, wide);
    for y in 0..area.height {
        for x in 0..area.width {
            buf[(area.x + x, area.y + y)] = scratch[(x, y)].clone();
        }
        let spilled = (area.width..wide.width).any(|x| scratch[(x, y)].symbol() != " ");
        if spilled {
            buf[(area.x + area.width - 1, area.y + y)].set_char(ELLIPSIS);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_stays_with_its_unit() {
        let lines = wrap("hold the point for about 6 s then let go", 25);
        assert!(lines.iter().any(|l| l.contains("6\u{a0}s")), "{lines:?}");
        assert!(lines.iter().all(|l| l.width() <= 25));
        assert_eq!(keep_units("2 to 3 minutes"), "2\u{a0}to 3\u{a0}minutes");
    }

    #[test]
    fn cut_text_ends_with_an_ellipsis() {
        assert_eq!(ellipsis("Back of the thighs", 8), "Back of…");
        assert_eq!(ellipsis("Calves", 8), "Calves");
        let line = fit_line(
            Line::from(vec![Span::raw("Head "), Span::raw("and base")]),
            7,
        );
        assert_eq!(line.to_string(), "Head a…");
        assert_eq!(line.width(), 7);
    }

    #[test]
    fn a_list_item_hangs_and_clipped_text_ends_with_an_ellipsis() {
        let lines = wrap_item("- Calves: face a wall and lean", Style::new(), 12);
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["- Calves:", "  face a", "  wall and", "  lean"]);
        let clipped = clip(lines.clone(), 2, 12);
        let text: Vec<String> = clipped.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["- Calves:", "  face a…"]);
        assert_eq!(clip(lines.clone(), 9, 12).len(), 4);
        let full = vec![Line::raw("abcdef"), Line::raw("ghijkl")];
        assert_eq!(clip(full, 1, 6)[0].to_string(), "abcd…");
    }

    #[test]
    fn wrapping_counts_display_width() {
        let lines = wrap("日本語 テキスト abc", 6);
        assert!(lines.iter().all(|l| l.width() <= 6), "{lines:?}");
    }
}
