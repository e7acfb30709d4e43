//! A bare ratatui app, the yardstick for fascia's start-up: `ratatui::init` (raw mode, the
//! alternate screen, the panic hook), one frame with a bordered block, a paragraph and a footer,
//! then it waits for a key and restores the terminal. `scripts/measure-startup.sh` times it beside
//! fascia and whiptail.

use ratatui::crossterm::event::{self, Event};
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::{Block, Paragraph, Wrap};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let result = terminal
        .draw(|frame| {
            let [body, footer] = frame.area().layout(&Layout::vertical([
                Constraint::Min(0),
                Constraint::Length(1),
            ]));
            frame.render_widget(
                Paragraph::new("A bare ratatui app: one frame, then any key quits.")
                    .wrap(Wrap { trim: true })
                    .block(Block::bordered().title(" bare ")),
                body,
            );
            frame.render_widget(Paragraph::new("any key: quit"), footer);
        })
        .and_then(|_| {
            loop {
                if let Event::Key(_) = event::read()? {
                    break Ok(());
                }
            }
        });
    ratatui::restore();
    result
}
