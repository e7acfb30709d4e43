//! Colours and emphasis. With `NO_COLOR` only modifiers are used, and every meaning also has a
//! symbol or a word, so nothing rests on colour alone.

use ratatui::style::{Color, Modifier, Style};

/// The styles the screens use.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    /// The cursor (the row or cell the keys act on).
    pub cursor: Style,
    /// A cursor in a pane without the keyboard.
    pub cursor_unfocused: Style,
    /// The area under the cursor on the body map. Never reversed: a reversed blank looks like a
    /// chosen area's solid fill, so without colour the map marks the cursor by its glyph.
    pub map_cursor: Style,
    /// Something chosen (a region, a tool).
    pub chosen: Style,
    pub key: Style,
    pub danger: Style,
    pub warn: Style,
    pub ok: Style,
    pub border: Style,
}

impl Theme {
    pub fn new(no_color: bool) -> Self {
        let bold = Modifier::BOLD;
        if no_color {
            let plain = Style::new();
            return Self {
                text: plain,
                dim: plain,
                title: plain.add_modifier(bold),
                cursor: plain.add_modifier(Modifier::REVERSED),
                cursor_unfocused: plain.add_modifier(Modifier::UNDERLINED),
                map_cursor: plain.add_modifier(bold),
                chosen: plain.add_modifier(bold),
                key: plain.add_modifier(bold),
                danger: plain.add_modifier(bold | Modifier::REVERSED),
                warn: plain.add_modifier(bold),
                ok: plain.add_modifier(bold),
                border: plain,
            };
        }
        let cursor = Style::new()
            .fg(Color::Black)
            .bg(Color::Cyan)
            .add_modifier(bold);
        Self {
            text: Style::new(),
            dim: Style::new().fg(Color::Gray),
            title: Style::new().fg(Color::Cyan).add_modifier(bold),
            cursor,
            cursor_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            map_cursor: cursor,
            chosen: Style::new().fg(Color::Green).add_modifier(bold),
            key: Style::new().fg(Color::Yellow).add_modifier(bold),
            danger: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(bold),
            warn: Style::new().fg(Color::Yellow).add_modifier(bold),
            ok: Style::new().fg(Color::Green).add_modifier(bold),
            border: Style::new().fg(Color::DarkGray),
        }
    }
}

/// Whether the `NO_COLOR` convention asks for no colour (set and not empty).
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
