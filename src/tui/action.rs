//! What the person asks for (keys, clicks and the wheel become these), and what `update` asks the
//! event loop to do in return.

use crate::engine::Reply;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
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
}
