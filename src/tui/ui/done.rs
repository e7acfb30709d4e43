//! After a session: whether it was saved (and where), or why not, with the ratings still shown.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::report::region_name;
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let mut lines = match &app.guided.saved {
        Some(Ok(path)) => vec![Line::styled(
            format!("Saved to your history: {path}"),
            theme.ok,
        )],
        Some(Err(e)) => vec![
            Line::styled("Not saved: the history could not be written.", theme.danger),
            Line::raw(e.clone()),
            Line::raw("Nothing below is lost: fix the folder and press r to try again."),
        ],
        None => Vec::new(),
    };
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        if app.guided.completed {
            "Session completed."
        } else {
            "Session ended early."
        },
        theme.title,
    ));
    lines.push(Line::raw(""));
    for r in &app.guided.ratings {
        let after = r.after.unwrap_or(r.before);
        let change = i16::from(r.before.pain) - i16::from(after.pain);
        let word = match change {
            c if c > 0 => format!("{c} less pain"),
            c if c < 0 => format!("{} more pain", -c),
            _ => "no change in pain".to_owned(),
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<26}", region_name(app.kb, &r.region)),
                theme.title,
            ),
            Span::raw(format!(
                "pain {} -> {} ({word}), moves freely {} -> {}",
                r.before.pain, after.pain, r.before.ease, after.ease
            )),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("If an area feels worse the next day (more swollen, bruised, numb or much more painful), stop using tools on it and ask a doctor or physio.", theme.dim));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().border_style(theme.border)),
        area,
    );
}
