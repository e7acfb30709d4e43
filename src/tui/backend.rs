//! The terminal backend with a sanity limit on the window size: a terminal that reports
//! 65535×65535 would otherwise make ratatui allocate buffers of hundreds of gigabytes.

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

/// [`CrosstermBackend`] on stdout, reporting at most [`MAX_COLUMNS`] × [`MAX_ROWS`].
#[derive(Debug)]
pub struct Clamped(pub CrosstermBackend<std::io::Stdout>);

impl Backend for Clamped {
    type Error = std::io::Error;

    fn draw<'a, I>(&mut self, content: I) -> std::io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> std::io::Result<()> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> std::io::Result<()> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> std::io::Result<()> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> std::io::Result<()> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> std::io::Result<()> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> std::io::Result<()> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> std::io::Result<Size> {
        self.0.size().map(clamp)
    }

    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        let size = self.0.window_size()?;
        Ok(WindowSize {
            columns_rows: clamp(size.columns_rows),
            pixels: size.pixels,
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Backend::flush(&mut self.0)
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
