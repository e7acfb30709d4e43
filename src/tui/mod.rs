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
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event, MouseButton,
    MouseEventKind,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{Command, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use crate::kb::{KnowledgeBase, LoadError};
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
    /// The knowledge base could not be loaded (the built-in one is parsed after the first frame).
    #[error("{0}")]
    Kb(#[from] LoadError),
}

/// The knowledge base the app runs on: one read from a file (and checked) before the terminal
/// was touched, or the built-in one, parsed just after the first frame is drawn (the welcome
/// screen reads nothing from it), before the first key is read.
#[derive(Debug)]
pub enum Kb {
    Ready(Box<KnowledgeBase>),
    Embedded,
}

impl Kb {
    fn load(self) -> Result<KnowledgeBase, LoadError> {
        match self {
            Self::Ready(kb) => Ok(*kb),
            Self::Embedded => KnowledgeBase::embedded(),
        }
    }
}

/// Runs the app until the person quits or a stop signal arrives. Checks for a terminal before
/// touching it, and always restores it: on quitting, on a signal (after saving a session in
/// progress as ended early), on an error, and on a panic (the hook also turns mouse reporting and
/// bracketed paste off).
/// `profiles` is where remembered answers are kept (`None`: remembering is off).
pub fn run(
    kb: Kb,
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
    let stop = Stop::install()?;
    set_panic_hook();
    let store = crate::history::Store::default_location().ok();
    let result = enter().map_err(TuiError::from).and_then(|mut terminal| {
        // The first frame, then the knowledge base (keys typed meanwhile wait in the terminal).
        let sessions = {
            let empty = KnowledgeBase::empty();
            let mut first = App::new(&empty, emergency);
            first.store.clone_from(&store);
            first.profiles.clone_from(&profiles);
            effects::run(
                &mut first,
                vec![action::Effect::CountHistory],
                &mut std::io::sink(),
            )?;
            frame(&mut terminal, &mut first, &theme)?;
            first.sessions
        };
        let kb = kb.load()?;
        let mut app = App::new(&kb, emergency);
        app.quiet = quiet;
        app.store = store;
        app.profiles = profiles;
        app.sessions = sessions;
        let result = event_loop(&mut terminal, &mut app, &theme, &stop);
        if result.is_err() || stop.requested().is_some() {
            // A session in progress is kept (as ended early) even when the terminal failed.
            let effects = app.stop();
            effects::run(&mut app, effects, &mut std::io::sink())?;
        }
        Ok(result?)
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
        ClicksAndWheel,
        EnableBracketedPaste
    )?;
    // Starts crossterm's input source now, before the size is first asked: from here on a resize
    // (SIGWINCH) becomes an event, and the backend keeps the size it reports.
    event::poll(Duration::ZERO)?;
    Terminal::new(Clamped::new(CrosstermBackend::new(std::io::stdout())))
}

/// Undoes [`enter`] and shows the cursor; every step is tried even if one fails.
fn restore() -> std::io::Result<()> {
    let mut out = std::io::stdout();
    let modes = execute!(out, DisableBracketedPaste, DisableMouseCapture);
    let raw = disable_raw_mode();
    let screen = execute!(out, LeaveAlternateScreen, Show);
    modes.and(raw).and(screen)
}

/// Mouse reporting for presses, releases and the wheel only, in the SGR encoding (modes 1000 and
/// 1006). crossterm's `EnableMouseCapture` also asks for every movement (mode 1003), which would
/// wake the app each time the pointer crosses the window; nothing here uses movement.
/// `DisableMouseCapture` still turns every mode off.
struct ClicksAndWheel;

impl Command for ClicksAndWheel {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str("\x1b[?1000h\x1b[?1006h")
    }
}

/// Restores the terminal before the panic message is printed.
fn set_panic_hook() {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        hook(info);
    }));
}

/// How often the session screen redraws while its clock runs (the countdown, gauge and pacing dot).
const FRAME: Duration = Duration::from_millis(100);

/// Draws a frame and tells the app what it learnt: how far the screen can scroll, and whether
/// the window is too small (the size message covers a session: its clock holds meanwhile).
fn frame(
    terminal: &mut Terminal<Clamped>,
    app: &mut App<'_>,
    theme: &Theme,
) -> std::io::Result<()> {
    let mut fit = None;
    terminal.draw(|frame| fit = ui::draw(frame, app, theme))?;
    if let Some(max) = fit {
        app.update(Action::Fit(max));
    }
    let size = terminal.size()?;
    let (min_width, min_height) = ui::min_size(app);
    let too_small = size.width < min_width || size.height < min_height;
    if too_small != app.too_small {
        app.update(Action::TooSmall(too_small));
    }
    Ok(())
}

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
        frame(terminal, app, theme)?;
        // While a session's clock runs (its countdown, gauge and pacing dot move), wake up at
        // the phase's end or the next frame, whichever comes first; otherwise sleep until input
        // comes (a stop signal wakes the wait as a resize does: see `signals`).
        let wait = app
            .session_deadline()
            .map(|deadline| deadline.saturating_sub(origin.elapsed()).min(FRAME));
        if let Some(wait) = wait
            && !event::poll(wait)?
        {
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
                        execute!(out, ClicksAndWheel)?;
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
            // The next frame is drawn at the new size (a stop signal also comes as a resize).
            Event::Resize(width, height) => {
                terminal
                    .backend_mut()
                    .resized(ratatui::layout::Size::new(width, height));
                continue;
            }
            // A paste (`Event::Paste`, bracketed paste is on) is never taken as key presses, so
            // never as answers; other events are not ours either.
            _ => continue,
        };
        let effects = app.update(action);
        effects::run(app, effects, &mut out)?;
    }
    Ok(())
}
