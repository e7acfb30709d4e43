//! The terminal backend with a sanity limit on the window size (a terminal that reports
//! 65535×65535 would otherwise make ratatui allocate buffers of hundreds of gigabytes), which asks
//! the terminal for its size once and then learns it from resize events.

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// The largest window drawn; a bigger one is drawn in its top-left corner.
pub const MAX_COLUMNS: u16 = 800;
pub const MAX_ROWS: u16 = 300;

/// Clamps a reported size to [`MAX_COLUMNS`] × [`MAX_ROWS`].
pub fn clamp(size: Size) -> Size {
    Size {
        width: size.width.min(MAX_COLUMNS),
        height: size.height.min(MAX_ROWS),
    }
}

/// [`CrosstermBackend`] on stdout, reporting at most [`MAX_COLUMNS`] × [`MAX_ROWS`]. The size is
/// asked of the terminal once (crossterm opens `/dev/tty` for each ask) and then kept until
/// [`Clamped::resized`] says it changed, so a frame makes no system call but its write.
#[derive(Debug)]
pub struct Clamped {
    backend: CrosstermBackend<std::io::Stdout>,
    size: std::cell::Cell<Option<Size>>,
}

impl Clamped {
    pub fn new(backend: CrosstermBackend<std::io::Stdout>) -> Self {
        Self {
            backend,
            size: std::cell::Cell::new(None),
        }
    }

    /// The window is now `size` (from a resize event).
    pub fn resized(&mut self, size: Size) {
        self.size.set(Some(clamp(size)));
    }
}

impl Backend for Clamped {
    type Error = std::io::Error;

    fn draw<'a, I>(&mut self, content: I) -> std::io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.backend.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> std::io::Result<()> {
        self.backend.append_lines(n)
    }

    fn hide_cursor(&mut self) -> std::io::Result<()> {
        self.backend.hide_cursor()
    }

    fn show_cursor(&mut self) -> std::io::Result<()> {
        self.backend.show_cursor()
    }

    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        self.backend.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> std::io::Result<()> {
        self.backend.set_cursor_position(position)
    }

    fn clear(&mut self) -> std::io::Result<()> {
        self.backend.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> std::io::Result<()> {
        self.backend.clear_region(clear_type)
    }

    fn size(&self) -> std::io::Result<Size> {
        if let Some(size) = self.size.get() {
            return Ok(size);
        }
        let size = clamp(self.backend.size()?);
        self.size.set(Some(size));
        Ok(size)
    }

    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        let size = self.backend.window_size()?;
        Ok(WindowSize {
            columns_rows: clamp(size.columns_rows),
            pixels: size.pixels,
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Backend::flush(&mut self.backend)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absurd_sizes_are_clamped_and_sane_ones_kept() {
        assert_eq!(
            clamp(Size::new(65535, 65535)),
            Size::new(MAX_COLUMNS, MAX_ROWS)
        );
        assert_eq!(clamp(Size::new(80, 24)), Size::new(80, 24));
        assert_eq!(clamp(Size::new(0, 0)), Size::new(0, 0));
    }
}
