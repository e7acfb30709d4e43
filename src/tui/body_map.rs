//! The body map: front and back silhouettes drawn cell by cell, each cell belonging to a region
//! (or to the body between regions); which region a screen cell shows, moving between regions
//! with the arrow keys (to the nearest region in that direction, across the front and the back),
//! and which region a click lands on. Drawing is in `screens/where_.rs`.

use ratatui::layout::Rect;

use super::action::Action;
use crate::kb::KnowledgeBase;

/// Columns and rows of one view's art.
pub const COLS: u16 = 15;
pub const ROWS: u16 = 14;
/// Columns between the front and the back view (markers for the cursor go there).
pub const GAP: u16 = 5;

/// The front view, as the person faces you. Each letter is a region (see [`region_of`]), `.` is
/// the body between regions, a space is outside the body.
const FRONT: [&str; ROWS as usize] = [
    "      HHH      ",
    "      JJJ      ",
    "       .       ",
    " ...CCCCCCC... ",
    " .. CCCCCCC .. ",
    " .. ....... .. ",
    " FF ....... FF ",
    " FF PPPPPPP FF ",
    " AA OQD DQO AA ",
    "    OQD DQO    ",
    "    OQD DQO    ",
    "     SS SS     ",
    "     S   S     ",
    "    EE   EE    ",
];

/// The back view, as seen from behind.
const BACK: [&str; ROWS as usize] = [
    "      HHH      ",
    "      HHH      ",
    "      NNN      ",
    " ..TTTTTTTTT.. ",
    " .. RRUUURR .. ",
    " .. LUUUUUL .. ",
    " FF LBBBBBL FF ",
    " FF GGGGGGG FF ",
    " AA GGG GGG AA ",
    "    OMM MMO    ",
    "    OMM MMO    ",
    "     KK KK     ",
    "     K   K     ",
    "    EE   EE    ",
];

/// The region a letter of the art stands for.
pub fn region_of(code: char) -> Option<&'static str> {
    Some(match code {
        'H' => "head",
        'J' => "jaw",
        'N' => "neck",
        'T' => "upper_traps",
        'C' => "chest",
        'U' => "upper_back",
        'L' => "lats",
        'R' => "rotator_cuff",
        'F' => "forearms",
        'A' => "hands",
        'B' => "lower_back",
        'G' => "glutes",
        'P' => "hip_flexors",
        'O' => "outer_thigh",
        'Q' => "quads",
        'D' => "adductors",
        'M' => "hamstrings",
        'K' => "calves",
        'S' => "shins",
        'E' => "feet",
        _ => return None,
    })
}

/// Which view: the front (false) or the back (true).
pub type Back = bool;

/// What one cell of a view's art is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Outside,
    Body,
    Region(&'static str),
}

/// The art cell at (`col`, `row`) of a view.
pub fn cell(back: Back, col: u16, row: u16) -> Cell {
    let art = if back { &BACK } else { &FRONT };
    let code = art
        .get(usize::from(row))
        .and_then(|line| line.chars().nth(usize::from(col)));
    match code {
        None | Some(' ') => Cell::Outside,
        Some(c) => region_of(c).map_or(Cell::Body, Cell::Region),
    }
}

/// Every (view, column, row) cell of `region`.
pub fn cells_of(region: &str) -> impl Iterator<Item = (Back, u16, u16)> + '_ {
    [false, true].into_iter().flat_map(move |back| {
        (0..ROWS).flat_map(move |row| {
            (0..COLS).filter_map(move |col| {
                matches!(cell(back, col, row), Cell::Region(id) if id == region)
                    .then_some((back, col, row))
            })
        })
    })
}

/// Whether the region shows on that view.
pub fn shows_on(region: &str, back: Back) -> bool {
    cells_of(region).any(|(b, _, _)| b == back)
}

/// A place the cursor can stand: one connected shape of a region on a view (the left and the
/// right forearm are two parts of one region).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Spot {
    pub region: usize,
    pub back: Back,
    pub part: usize,
}

impl Spot {
    /// The first part of a region on a view.
    pub fn new(region: usize, back: Back) -> Self {
        Self {
            region,
            back,
            part: 0,
        }
    }
}

/// The connected shapes of `region` on a view, each as its cells, left to right.
fn parts(region: &str, back: Back) -> Vec<Vec<(u16, u16)>> {
    let mut left: Vec<(u16, u16)> = cells_of(region)
        .filter(|&(b, _, _)| b == back)
        .map(|(_, c, r)| (c, r))
        .collect();
    let mut out = Vec::new();
    while let Some(first) = left.pop() {
        let mut part = vec![first];
        let mut i = 0;
        while i < part.len() {
            let (c, r) = part[i];
            let (near, far): (Vec<_>, Vec<_>) = left
                .iter()
                .partition(|&&(c2, r2)| c.abs_diff(c2) + r.abs_diff(r2) == 1);
            part.extend(near);
            left = far;
            i += 1;
        }
        out.push(part);
    }
    out.sort_by_key(|p| p.iter().map(|&(c, _)| c).min());
    out
}

/// The centre of a part in half cells, in map columns (the back view right of the front).
fn centre(cells: &[(u16, u16)], back: Back) -> (i32, i32) {
    let n = i32::try_from(cells.len()).unwrap_or(1).max(1);
    let (sc, sr) = cells.iter().fold((0, 0), |(sc, sr), &(c, r)| {
        (sc + map_col(back, c), sr + i32::from(r))
    });
    (sc * 2 / n, sr * 2 / n)
}

fn map_col(back: Back, col: u16) -> i32 {
    i32::from(col) + if back { i32::from(COLS + GAP) } else { 0 }
}

/// A shape of the art: its region, view, part number and centre.
type Shape = (&'static str, Back, usize, (i32, i32));

/// Every shape of the art, worked out once.
fn shapes() -> &'static [Shape] {
    static SHAPES: std::sync::OnceLock<Vec<Shape>> = std::sync::OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut out = Vec::new();
        for code in 'A'..='Z' {
            let Some(region) = region_of(code) else {
                continue;
            };
            for back in [false, true] {
                for (part, cells) in parts(region, back).iter().enumerate() {
                    out.push((region, back, part, centre(cells, back)));
                }
            }
        }
        out
    })
}

/// Every spot of every region, with its centre.
fn spots(kb: &KnowledgeBase) -> Vec<(Spot, (i32, i32))> {
    let mut out = Vec::new();
    for (region, r) in kb.regions().iter().enumerate() {
        for &(_, back, part, centre) in shapes().iter().filter(|s| s.0 == r.id) {
            out.push((Spot { region, back, part }, centre));
        }
    }
    out
}

/// Every place the cursor can stand on the map.
pub fn all_spots(kb: &KnowledgeBase) -> Vec<Spot> {
    spots(kb).into_iter().map(|(s, _)| s).collect()
}

/// Where an arrow moves the cursor from `from`: the nearest shape of another region whose
/// centre lies that way (distance across the arrow counts double). Moving right from the
/// front's right edge reaches the back view, and left comes back. `None` at an edge of the map.
pub fn step(kb: &KnowledgeBase, from: Spot, action: &Action) -> Option<Spot> {
    let all = spots(kb);
    let &(_, (col, row)) = all
        .iter()
        .find(|(s, _)| *s == from)
        .or_else(|| all.iter().find(|(s, _)| s.region == from.region))?;
    let (dc, dr) = match action {
        Action::Up => (0, -1),
        Action::Down => (0, 1),
        Action::Left => (-1, 0),
        Action::Right => (1, 0),
        _ => return None,
    };
    all.iter()
        .filter(|(s, _)| !(s.region == from.region && s.back == from.back))
        .filter_map(|&(s, (c, r))| {
            let (along, across) = if dr == 0 {
                ((c - col) * dc, (r - row).abs())
            } else {
                ((r - row) * dr, (c - col).abs())
            };
            (along > 0).then_some((along + 2 * across, s))
        })
        .min()
        .map(|(_, s)| s)
}

/// The part of `region` on view `back` that holds the cell (`col`, `row`).
fn part_at(region: &str, back: Back, col: u16, row: u16) -> usize {
    parts(region, back)
        .iter()
        .position(|p| p.contains(&(col, row)))
        .unwrap_or(0)
}

/// How the map is drawn in an area: the scale (each art cell becomes `sx` x `sy` screen cells)
/// and where each view starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub area: Rect,
    pub scale: u16,
}

impl Placement {
    /// The size of the map at a scale (the view titles take the first row).
    pub fn size(scale: u16) -> (u16, u16) {
        (scale * (2 * COLS + GAP), scale * ROWS + 1)
    }

    /// The largest scale (1 to 3) that fits `room`, centred in it.
    pub fn fit(room: Rect) -> Self {
        let scale = (1..=3)
            .rev()
            .find(|&s| Self::size(s).0 <= room.width && Self::size(s).1 <= room.height)
            .unwrap_or(1);
        let (w, h) = Self::size(scale);
        let (w, h) = (w.min(room.width), h.min(room.height));
        let area = Rect::new(
            room.x + (room.width - w) / 2,
            room.y + (room.height - h) / 2,
            w,
            h,
        );
        Self { area, scale }
    }

    /// The first screen column of a view.
    pub fn view_x(self, back: Back) -> u16 {
        self.area.x + if back { self.scale * (COLS + GAP) } else { 0 }
    }

    /// The art cell under a screen position, if it is on a view.
    pub fn cell_at(self, x: u16, y: u16) -> Option<(Back, u16, u16)> {
        if y <= self.area.y || y >= self.area.bottom() || x < self.area.x || x >= self.area.right()
        {
            return None;
        }
        let row = (y - self.area.y - 1) / self.scale;
        for back in [false, true] {
            let x0 = self.view_x(back);
            if x >= x0 && x < x0 + COLS * self.scale {
                return Some((back, (x - x0) / self.scale, row));
            }
        }
        None
    }

    /// The spot (region in KB order, view and part) a click at a screen position lands on.
    pub fn hit(self, kb: &KnowledgeBase, x: u16, y: u16) -> Option<Spot> {
        let (back, col, row) = self.cell_at(x, y)?;
        let Cell::Region(id) = cell(back, col, row) else {
            return None;
        };
        let region = kb.regions().iter().position(|r| r.id == id)?;
        Some(Spot {
            region,
            back,
            part: part_at(id, back, col, row),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::kb::View;

    #[test]
    fn every_region_is_drawn_on_the_views_the_knowledge_base_gives() {
        let kb = KnowledgeBase::embedded().expect("kb");
        for r in kb.regions() {
            let (front, back) = (shows_on(&r.id, false), shows_on(&r.id, true));
            let expected = match r.view {
                View::Front => (true, false),
                View::Back => (false, true),
                View::Both => (true, true),
            };
            assert_eq!((front, back), expected, "{}", r.id);
        }
        for art in [FRONT, BACK] {
            for line in art {
                assert_eq!(line.chars().count(), usize::from(COLS), "{line:?}");
                assert!(
                    line.chars()
                        .all(|c| c == ' ' || c == '.' || region_of(c).is_some())
                );
            }
        }
    }
}

#[cfg(test)]
mod navigation;
