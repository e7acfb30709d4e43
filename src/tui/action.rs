//! What the person asks for (keys, clicks and the wheel become these), and what `update` asks the
//! event loop to do in return.

use std::time::Duration;

use ratatui::layout::Rect;

use crate::engine::Reply;
use crate::history::{Loaded, Record};

/// What a key asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    /// To the first row or the top of the text.
    Home,
    /// To the last row or the end of the text.
    End,
    /// Mouse capture on or off (off lets the terminal select text).
    MouseCapture,
    Toggle,
    Next,
    Back,
    NextPane,
    Help,
    Quit,
    ForceQuit,
    Confirm,
    Cancel,
    Answer(Reply),
    Export,
    /// Open the technique library.
    Browse,
    /// Open the search (browse).
    Search,
    /// Start the safety check (from the library).
    StartCheck,
    ToolFilter,
    KindFilter,
    /// Clear the tool and kind filters.
    ClearFilters,
    /// A typed character (search).
    Type(char),
    /// Delete the last typed character (search).
    Erase,
    /// Start the guided session (from the routine).
    StartSession,
    SkipStep,
    PreviousStep,
    EndSession,
    /// Bell on or off.
    Mute,
    OpenHistory,
    /// Try saving again.
    Retry,
    /// A left click at (`x`, `y`) on a screen whose body (the frame without the header, status
    /// and footer) is `body`.
    Click {
        x: u16,
        y: u16,
        body: Rect,
    },
    /// The mouse wheel: up (true) or down.
    Wheel {
        up: bool,
    },
    /// The time now, since a fixed origin (the event loop sends it; tests send it by hand).
    Tick(Duration),
    /// The last drawing measured how far the text in front can scroll.
    Fit(u16),
    /// What came of an effect.
    Saved(Result<String, String>),
    Exported(Result<String, String>),
    HistoryLoaded(Box<Result<Loaded, String>>),
    /// How many sessions the history holds (a line count, read once at start).
    HistoryCount(usize),
}

/// What `update` asks the event loop to do; what comes of it comes back as an [`Action`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Append a finished session to the history (the loop stamps the time); then `Saved`.
    Save(Box<Record>),
    /// Write the Markdown hand-off next to where fascia was started; then `Exported`.
    Export(String),
    /// Read the history; then `HistoryLoaded`.
    LoadHistory,
    /// Count the saved sessions (the lines of the history file); then `HistoryCount`.
    CountHistory,
    /// Ring the terminal bell.
    Bell,
}
