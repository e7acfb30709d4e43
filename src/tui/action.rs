//! What the person asks for (keys, clicks and the wheel become these), and what `update` asks the
//! event loop to do in return.

use std::time::Duration;

use ratatui::layout::Rect;

use crate::engine::{Advice, Answers, Reply};
use crate::history::{Loaded, Record};
use crate::profile::Profile;

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
    /// After a referral stopped the check: ask the remaining questions for the clinician.
    Finish,
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
    /// Start the work now (during the get-ready countdown).
    BeginNow,
    /// Show the how-to steps first, or the stop signs first (session).
    HowTo,
    /// Open the selected session in full (history).
    Details,
    /// Delete the selected session, after a yes (history).
    Delete,
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
    /// The window became too small to draw in (true) or big enough again (false): a session
    /// under the size message holds its clock.
    TooSmall(bool),
    /// What came of an effect.
    Saved(Result<String, String>),
    Exported(Result<String, String>),
    HistoryLoaded(Box<Result<Loaded, String>>),
    /// A session began: its id (one per session, however often it is saved) and when.
    SessionBegun {
        id: String,
        started: String,
    },
    /// A session was deleted (how many records went, or why not) and the history read again.
    Deleted {
        result: Result<usize, String>,
        loaded: Box<Result<Loaded, String>>,
    },
    /// The remembered profile as read at the start of a check (none, or why it could not be
    /// used), and today's date for what still holds.
    ProfileLoaded {
        loaded: Box<Result<Option<Profile>, String>>,
        today: jiff::civil::Date,
    },
    /// The profile as saved after a check, or why it could not be.
    ProfileSaved(Box<Result<Profile, String>>),
    /// How many sessions the history holds (a line count, read once at start).
    HistoryCount(usize),
}

/// What `update` asks the event loop to do; what comes of it comes back as an [`Action`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Append a finished session to the history once (the loop stamps the time; a record with
    /// the same id already there is not written again); then `Saved`.
    Save(Box<Record>),
    /// Write the Markdown hand-off of this advice, dated today, next to where fascia was
    /// started, named for what it is; then `Exported`.
    Export(Box<Advice>),
    /// Read the history, newest first; then `HistoryLoaded`.
    LoadHistory,
    /// A session begins: give it its id and start time; then `SessionBegun`.
    BeginSession,
    /// Delete the session with this key ([`Record::key`]), then read the history again; then
    /// `Deleted`.
    Delete(String),
    /// Count the saved sessions (the lines of the history file); then `HistoryCount`.
    CountHistory,
    /// Ring the terminal bell.
    Bell,
    /// Read the remembered profile (nothing when remembering is off); then `ProfileLoaded`.
    LoadProfile,
    /// Remember what may be remembered of these answers, dated today (nothing when remembering
    /// is off); then `ProfileSaved`.
    SaveProfile(Box<Answers>),
}
