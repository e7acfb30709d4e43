//! The every-screen-at-every-size harness: the four sizes every screen is planned for, drawing
//! the app into a test buffer, and the checks every screen must pass at every size (no row cut
//! without an ellipsis, at a box's side or bottom or the window's margin; on question pages, the answer keys and
//! the "why" in view). Each screen's owner adds its states to a `states` table (see
//! `tests/tui_snapshots.rs`) and calls [`check`].

use fascia::tui::action::Action;
use fascia::tui::app::App;
use fascia::tui::keys::Binding;
use fascia::tui::theme::Theme;
use fascia::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// 60x20 is the smallest the app draws in, 80x24 the default terminal, then a roomy one and a
/// very large one.
pub const SIZES: [(u16, u16); 4] = [(60, 20), (80, 24), (120, 40), (200, 60)];

/// The app drawn at `width` x `height`.
pub fn draw(app: &App<'_>, width: u16, height: u16, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|f| {
            ui::draw(f, app, theme);
        })
        .expect("draw");
    terminal
}

/// The rows of a buffer as text.
pub fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// Box-drawing and scrollbar glyphs: a frame, not text.
fn is_frame(s: &str) -> bool {
    s.chars().all(|c| {
        matches!(
            c,
            '\u{2500}'..='\u{259f}' | '▲' | '▼' | '◀' | '▶' | '←' | '→' | '↑' | '↓'
        )
    })
}

/// Whether the vertical line at (`x`, `y`) is a box's right side (its top corner is ┐ or ┤),
/// not the left side of a box drawn over other text (an overlay).
fn is_right_border(buf: &Buffer, x: usize, y: u16) -> bool {
    let x = u16::try_from(x).unwrap_or(u16::MAX);
    if !matches!(buf[(x, y)].symbol(), "│" | "┐" | "┘" | "┤" | "║") {
        return false;
    }
    let mut row = y;
    loop {
        match buf[(x, row)].symbol() {
            "┐" | "┤" | "╮" => return true,
            "┌" | "├" | "╭" => return false,
            _ if row == 0 => return false,
            _ => row -= 1,
        }
    }
}

/// Rows with text cut without an ellipsis: a letter or digit right against a box's right
/// border or the window's right edge. (Boxes have a cell of padding, so text that fits never
/// touches the border: text that does was cut.) Returns "row N: text" for each.
pub fn cut_rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    let mut out = Vec::new();
    for y in 0..area.height {
        let row: Vec<&str> = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
        for x in 1..row.len() {
            let edge = x + 1 == row.len();
            let before = if edge { row[x] } else { row[x - 1] };
            let border = edge || is_right_border(buf, x, y);
            let text = before.chars().any(char::is_alphanumeric) && !is_frame(before);
            if border && text && before != "…" {
                out.push(format!("row {y}: {}", row.concat().trim_end()));
                break;
            }
        }
    }
    out
}

/// Scrollbar glyphs (ratatui's default vertical bar): a box that shows one scrolls, and says
/// so.
fn is_scrollbar(s: &str) -> bool {
    matches!(s, "█" | "║" | "▲" | "▼" | "↑" | "↓")
}

/// The longest word a wrapped line leaves room for at its end when the next one does not fit.
const LONGEST_WORD: usize = 14;

/// Rows with running text cut at a box's bottom border: a wrapped paragraph whose last visible
/// line is not its last line. The buffer alone cannot say whether more text follows, so the
/// check looks for what such a cut leaves behind, all at once, on the box's last inner row:
///
/// - it is running text, not a table or list row: it has words separated by single spaces
///   (columns are padded with runs of spaces) and the row above it has text too;
/// - it was wrapped, not ended: it reaches within [`LONGEST_WORD`] cells of the box's inner
///   right edge (a wrap leaves only as much room as the next word would have needed) and does
///   not end a sentence or clause (`.` `:` `!` `?` `)` `…`);
/// - the box does not scroll: no scrollbar on its right, inside or on the border;
/// - the box is whole: its bottom border unbroken, no other box (an overlay) drawn over it.
///
/// A paragraph that ends its last line mid-sentence and fills the box exactly would be taken
/// for a cut one; none does, and such text ends with a full stop. Returns "row N: text" for each.
pub fn cut_at_bottom(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    let at = |x: u16, y: u16| buf[(x, y)].symbol();
    let mut out = Vec::new();
    for y0 in 0..area.height {
        for x0 in 0..area.width {
            if at(x0, y0) != "┌" {
                continue;
            }
            let Some(x1) = (x0 + 1..area.width).find(|&x| at(x, y0) == "┐") else {
                continue;
            };
            let Some(y1) = (y0 + 1..area.height).find(|&y| at(x0, y) != "│" && at(x0, y) != "├")
            else {
                continue;
            };
            // A whole box: its bottom unbroken, and no other box (an overlay) over its inside.
            let whole = at(x0, y1) == "└"
                && at(x1, y1) == "┘"
                && (x0 + 1..x1).all(|x| at(x, y1) == "─")
                && (x0 + 1..x1).all(|x| !matches!(at(x, y1 - 1), "│" | "┌" | "└"));
            if !whole || y1 < y0 + 3 {
                continue;
            }
            let scrolls =
                (y0 + 1..y1).any(|y| (x1.saturating_sub(2)..=x1).any(|x| is_scrollbar(at(x, y))));
            if scrolls {
                continue;
            }
            let row = |y: u16| -> String { (x0 + 1..x1).map(|x| at(x, y)).collect() };
            let (last, above) = (row(y1 - 1), row(y1 - 2));
            let text = last.trim();
            let prose = !text.is_empty() && !text.contains("  ") && !above.trim().is_empty();
            let right = last.trim_end().chars().count();
            let inner = usize::from(x1 - x0 - 1);
            let wrapped = right + LONGEST_WORD >= inner
                && !text.ends_with(['.', ':', '!', '?', ')', '…', '"']);
            if prose && wrapped {
                out.push(format!(
                    "row {}: text cut at the box's bottom: {}",
                    y1 - 1,
                    text
                ));
            }
        }
    }
    out
}

/// What a question page must show at every size: the keys that answer and the "why we ask".
pub fn question_page_problems(buf: &Buffer, keys: &[Binding]) -> Vec<String> {
    let text = rows(buf).join("\n");
    let mut out = Vec::new();
    // The keys that answer: yes / no / not sure, or the one that chooses on a picker.
    let mut answering: Vec<&Binding> = keys
        .iter()
        .filter(|b| matches!(b.action, Action::Answer(_)))
        .collect();
    if answering.is_empty() {
        answering.extend(keys.iter().filter(|b| b.action == Action::Next));
    }
    for b in answering {
        let key = format!("{} {}", b.label, b.hint);
        if !text.contains(&key) {
            out.push(format!("the answer key {key:?} is not in view"));
        }
    }
    if !text.to_lowercase().contains("why") {
        out.push("the \"why we ask\" is not in view".to_owned());
    }
    out
}

/// Every check for one screen state at every size: panics naming the state, the size and the
/// rows at fault.
/// Rows whose text stops in the middle of a word one cell short of the window's edge (the
/// margin), which [`cut_rows`] cannot tell from a line that wraps there: drawn one column wider
/// (`wider`), the same row shows the same text and another letter after it, so the narrower one
/// was cut. A wrapped line is not: a word never fits into one more column with its space. (Rows
/// the wider layout moves, such as centred text, are not compared.)
pub fn cut_at_margin(buf: &Buffer, wider: &Buffer) -> Vec<String> {
    let (narrow, wide) = (rows(buf), rows(wider));
    let mut out = Vec::new();
    for (y, (row, more)) in narrow.iter().zip(&wide).enumerate() {
        let cells: Vec<char> = row.chars().collect();
        let wider_cells: Vec<char> = more.chars().collect();
        let n = cells.len();
        if n < 2 || wider_cells.len() != n + 1 {
            continue;
        }
        let at_margin =
            cells[n - 1] == ' ' && cells[n - 2].is_alphanumeric() && cells[n - 3] != ' ';
        if at_margin
            && cells[..n - 1] == wider_cells[..n - 1]
            && wider_cells[n - 1].is_alphanumeric()
        {
            out.push(format!("row {y} (cut at the margin): {}", row.trim_end()));
        }
    }
    out
}

pub fn check(name: &str, app: &App<'_>, question_page: bool) {
    let theme = Theme::new(false);
    for (w, h) in SIZES {
        let terminal = draw(app, w, h, &theme);
        let buf = terminal.backend().buffer();
        let mut problems = cut_rows(buf);
        problems.extend(cut_at_bottom(buf));
        problems.extend(cut_at_margin(
            buf,
            draw(app, w + 1, h, &theme).backend().buffer(),
        ));
        if question_page {
            problems.extend(question_page_problems(buf, app.screen().keys()));
        }
        assert!(
            problems.is_empty(),
            "{name} at {w}x{h}:\n{}\n\n{}",
            problems.join("\n"),
            rows(buf).join("\n")
        );
    }
}
