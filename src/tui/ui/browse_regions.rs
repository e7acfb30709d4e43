//! Browse: the areas on the body map and in a list; enter opens an area's techniques.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, theme: &Theme) {
    let body = super::browse_reminder(frame, area, theme);
    super::where_::picker(frame, body, app, theme);
}
