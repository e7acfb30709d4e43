//! The full-screen app: terminal checks, setup and restore, and the event loop.

pub mod action;
pub mod app;
pub mod backend;
pub mod big_digits;
pub mod body_map;
pub mod effects;
pub mod keys;
pub mod overlay;
pub mod screens;
pub mod signals;
pub mod text;
pub mod theme;
pub mod ui;
pub mod widgets;

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use crossterm::cursor::Show;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use crate::kb::KnowledgeBase;
use action::Action;
use app::App;
use backend::Clamped;
use signals::Stop;
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
    /// A stop signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) ended the app; the terminal was restored.
    #[error("stopped by signal {0}")]
    Stopped(i32),
}

/// Runs the app until the person quits or a stop signal arrives. Checks for a terminal before
/// touching it, and always restores it: on quitting, on a signal (after saving a session in
/// progress as ended early), on an error, and on a panic (the hook also turns mouse reporting and
/// bracketed paste off).
/// `profiles` is where remembered answers are kept (`None`: remembering is off).
pub fn run(
    kb: &KnowledgeBase,
    emergency: &str,
    quiet: bool,
    profiles: Option<crate::profile::ProfileStore>,
) -> Result<(), TuiError> {
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
    app.quiet = quiet;
    app.store = crate::history::Store::default_location().ok();
    app.profiles = profiles;
    let stop = Stop::install()?;
    set_panic_hook();
    // The welcome menu shows how many sessions are saved.
    effects::run(
        &mut app,
        vec![action::Effect::CountHistory],
        &mut std::io::sink(),
    )?;
    let result = enter().and_then(|mut terminal| {
        let result = event_loop(&mut terminal, &mut app, &theme, &stop);
        if result.is_err() || stop.requested().is_some() {
            // A session in progress is kept (as ended early) even when the terminal failed.
            let effects = app.stop();
            effects::run(&mut app, effects, &mut std::io::sink())?;
        }
        result
    });
    let restored = restore();
    // After SIGHUP the terminal is gone and restoring it may fail: the signal is still the news.
    if let Some(signal) = stop.requested() {
        return Err(TuiError::Stopped(signal));
    }
    result?;
    restored?;
    Ok(())
}

/// Raw mode, the alternate screen, mouse reporting and bracketed paste.
fn enter() -> std::io::Result<Terminal<Clamped>> {
    enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    Terminal::new(Clamped(CrosstermBackend::new(std::io::stdout())))
}

/// Undoes [`enter`] and shows the cursor; every step is tried even if one fails.
fn restore() -> std::io::Result<()> {
    let mut out = std::io::stdout();
    let modes = execute!(out, DisableBracketedPaste, DisableMouseCapture);
    let raw = disable_raw_mode();
    let screen = execute!(out, LeaveAlternateScreen, Show);
    modes.and(raw).and(screen)
}

/// Restores the terminal before the panic message is printed.
fn set_panic_hook() {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        hook(info);
    }));
}

/// How often the session screen redraws (the countdown and the pacing dot).
const FRAME: Duration = Duration::from_millis(100);

/// How long to wait for input outside a session before looking for a stop signal again.
const IDLE: Duration = Duration::from_millis(250);

fn event_loop(
    terminal: &mut Terminal<Clamped>,
    app: &mut App<'_>,
    theme: &Theme,
    stop: &Stop,
) -> std::io::Result<()> {
    let origin = Instant::now();
    // Debug builds only: lets the pseudo-terminal tests check the panic path.
    #[cfg(debug_assertions)]
    assert!(
        std::env::var_os("FASCIA_TEST_PANIC").is_none(),
        "FASCIA_TEST_PANIC is set"
    );
    let mut out = std::io::stdout();
    while !app.quit {
        if stop.requested().is_some() {
            let effects = app.stop();
            effects::run(app, effects, &mut out)?;
            break;
        }
        let effects = app.tick(origin.elapsed());
        effects::run(app, effects, &mut out)?;
        let mut fit = None;
        terminal.draw(|frame| fit = ui::draw(frame, app, theme))?;
        if let Some(max) = fit {
            app.update(Action::Fit(max));
        }
        // The size message covers a session: its clock holds until the window is big enough.
        let size = terminal.size()?;
        let (min_width, min_height) = ui::min_size(app);
        let too_small = size.width < min_width || size.height < min_height;
        if too_small != app.too_small {
            app.update(Action::TooSmall(too_small));
        }
        // While a session runs, wake up at the next deadline or the next frame, whichever comes
        // first; otherwise wait for input, looking for a stop signal now and then.
        let wait = match app.session_deadline() {
            Some(deadline) => deadline.map_or(FRAME, |deadline| {
                deadline.saturating_sub(origin.elapsed()).min(FRAME)
            }),
            None => IDLE,
        };
        if !event::poll(wait)? {
            continue;
        }
        let ev = event::read()?;
        app.now = origin.elapsed();
        let action = match ev {
            Event::Key(key) => {
                let mouse = app.mouse;
                let effects = app.on_key(key);
                effects::run(app, effects, &mut out)?;
                if app.mouse != mouse {
                    if app.mouse {
                        execute!(out, EnableMouseCapture)?;
                    } else {
                        execute!(out, DisableMouseCapture)?;
                    }
                }
                continue;
            }
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    let size = terminal.size()?;
                    let frame = Rect::new(0, 0, size.width, size.height);
                    let Some(body) = ui::clickable(app, frame) else {
                        continue;
                    };
                    Action::Click {
                        x: mouse.column,
                        y: mouse.row,
                        body,
                    }
                }
                MouseEventKind::ScrollUp => Action::Wheel { up: true },
                MouseEventKind::ScrollDown => Action::Wheel { up: false },
                _ => continue,
            },
            // A paste (`Event::Paste`, bracketed paste is on) is never taken as key presses, so
            // never as answers; other events are not ours either.
            _ => continue,
        };
        let effects = app.update(action);
        effects::run(app, effects, &mut out)?;
    }
    Ok(())
}
