//! The full-screen app: terminal checks, setup and restore, and the event loop.

pub mod app;
pub mod big_digits;
pub mod body_map;
pub mod keys;
pub mod theme;
pub mod ui;

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use crossterm::execute;

use crate::kb::KnowledgeBase;
use app::App;
use theme::Theme;

/// Why the app could not start or run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(
        "the full-screen app needs a terminal (stdin and stdout must be a terminal). For scripts use `fascia advise --answers FILE`; see `fascia --help`"
    )]
    NoTerminal,
    #[error("terminal error: {0}")]
    Io(#[from] std::io::Error),
}

/// Runs the app until the person quits. Checks for a terminal before touching it, and always
/// restores it (ratatui's panic hook covers panics).
pub fn run(kb: &KnowledgeBase, emergency: &str, quiet: bool) -> Result<(), TuiError> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(TuiError::NoTerminal);
    }
    let no_color = theme::no_color_env();
    if no_color {
        // crossterm 0.29 turns colour commands into "reset all" under NO_COLOR, which also
        // drops REVERSED and BOLD; our monochrome theme sets no colours, so let it through.
        crossterm::style::force_color_output(true);
    }
    let theme = Theme::new(no_color);
    let mut app = App::new(kb, emergency);
    app.guided.quiet = quiet;
    app.store = crate::history::Store::default_location().ok();
    let mut terminal = ratatui::try_init()?;
    let result = execute!(std::io::stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, &mut app, &theme));
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::try_restore()?;
    result.map_err(TuiError::from)
}

/// How often the session screen redraws (the countdown and the pacing dot).
const FRAME: Duration = Duration::from_millis(100);

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App<'_>,
    theme: &Theme,
) -> std::io::Result<()> {
    let origin = Instant::now();
    while !app.quit {
        app.tick(origin.elapsed());
        if std::mem::take(&mut app.guided.bell) {
            let mut out = std::io::stdout();
            out.write_all(b"\x07")?;
            out.flush()?;
        }
        terminal.draw(|frame| ui::draw(frame, app, theme))?;
        // While a session runs, wake up at the next deadline or the next frame, whichever comes
        // first; otherwise wait for input.
        if app.screen == app::Screen::Session {
            let wait = app
                .guided
                .timer
                .as_ref()
                .and_then(crate::session::Timer::next_deadline)
                .map_or(FRAME, |deadline| {
                    deadline.saturating_sub(origin.elapsed()).min(FRAME)
                });
            if !event::poll(wait)? {
                continue;
            }
        }
        let ev = event::read()?;
        app.now = origin.elapsed();
        match ev {
            Event::Key(key) => app.on_key(key),
            Event::Mouse(mouse) if mouse.kind == MouseEventKind::Down(MouseButton::Left) => {
                let size = terminal.size()?;
                ui::click(
                    app,
                    ratatui::layout::Rect::new(0, 0, size.width, size.height),
                    mouse.column,
                    mouse.row,
                );
            }
            _ => {}
        }
    }
    Ok(())
}
