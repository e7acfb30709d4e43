//! The body map: where each region sits on the front and back views, moving between regions
//! with the arrow keys, and which region a mouse click lands on.

use ratatui::layout::Rect;

use super::action::Action;
use crate::kb::KnowledgeBase;

/// Width of one cell of the map, in columns.
pub const CELL: u16 = 11;
/// Columns between the front and the back view.
pub const GAP: u16 = 3;
/// Rows of each view.
pub const ROWS: usize = 9;
/// Size the map needs (the title row included).
pub const WIDTH: u16 = 6 * CELL + GAP;
pub const HEIGHT: u16 = 10;
const _: () = assert!(HEIGHT as usize == ROWS + 1);

/// The front view, top to bottom, three cells a row (left side, middle, right side).
const FRONT: [[&str; 3]; ROWS] = [
    ["", "head", ""],
    ["", "jaw", ""],
    ["", "chest", ""],
    ["forearms", "", "forearms"],
    ["hands", "hip_flexors", "hands"],
    ["outer_thigh", "quads", "outer_thigh"],
    ["", "adductors", ""],
    ["", "shins", ""],
    ["", "feet", ""],
];

/// The back view.
const BACK: [[&str; 3]; ROWS] = [
    ["", "head", ""],
    ["", "neck", ""],
    ["rotator_cuff", "upper_traps", "rotator_cuff"],
    ["lats", "upper_back", "lats"],
    ["forearms", "lower_back", "forearms"],
    ["hands", "glutes", "hands"],
    ["outer_thigh", "hamstrings", "outer_thigh"],
    ["", "calves", ""],
    ["", "feet", ""],
];

/// A short label that fits a cell with brackets around it (at most `CELL - 2` characters).
pub fn label(region: &str) -> &'static str {
    match region {
        "head" => "Head",
        "jaw" => "Jaw",
        "neck" => "Neck",
        "upper_traps" => "Shoulder",
        "chest" => "Chest",
        "upper_back" => "Up back",
        "lats" => "Side",
        "rotator_cuff" => "Sh.blade",
        "forearms" => "Forearm",
        "hands" => "Hand",
        "lower_back" => "Low back",
        "glutes" => "Buttock",
        "hip_flexors" => "Hip",
        "outer_thigh" => "Out.thigh",
        "quads" => "Thigh",
        "adductors" => "In.thigh",
        "hamstrings" => "Hamstr.",
        "calves" => "Calf",
        "shins" => "Shin",
        "feet" => "Foot",
        _ => "?",
    }
}

/// Every cell with a region: (row, column 0..6 where 0..3 is the front and 3..6 the back, id).
pub fn cells() -> impl Iterator<Item = (usize, usize, &'static str)> {
    (0..ROWS).flat_map(|row| {
        (0..6).filter_map(move |col| {
            let id = if col < 3 {
                FRONT[row][col]
            } else {
                BACK[row][col - 3]
            };
            (!id.is_empty()).then_some((row, col, id))
        })
    })
}

/// The screen rectangle of a cell, with the map drawn at `area` (title row first).
pub fn cell_rect(area: Rect, row: usize, col: usize) -> Rect {
    #[allow(clippy::cast_possible_truncation)] // row < 9, col < 6
    let (row, col) = (row as u16, col as u16);
    let x = area.x + col * CELL + if col >= 3 { GAP } else { 0 };
    Rect::new(x, area.y + 1 + row, CELL, 1).intersection(area)
}

/// The region (index in KB order) at a screen position, if the map drawn at `area` has one there.
pub fn hit(kb: &KnowledgeBase, area: Rect, x: u16, y: u16) -> Option<usize> {
    let position = ratatui::layout::Position::new(x, y);
    cells()
        .find(|&(row, col, _)| cell_rect(area, row, col).contains(position))
        .and_then(|(_, _, id)| kb.regions().iter().position(|r| r.id == id))
}

/// The region reached from `current` by an arrow key: the nearest cell in that direction that
/// holds another region (moving across from the front to the back view and back).
pub fn step(kb: &KnowledgeBase, current: usize, action: &Action) -> Option<usize> {
    let id = kb.regions().get(current)?.id.as_str();
    let (row, col, _) = cells().find(|&(_, _, c)| c == id)?;
    #[allow(clippy::cast_possible_wrap)] // tiny grid
    let (row, col) = (row as isize, col as isize);
    let (dr, dc) = match action {
        Action::Up => (-1, 0),
        Action::Down => (1, 0),
        Action::Left => (0, -1),
        Action::Right => (0, 1),
        _ => return None,
    };
    cells()
        .filter(|&(_, _, c)| c != id)
        .filter_map(|(r, c, cid)| {
            #[allow(clippy::cast_possible_wrap)]
            let (r, c) = (r as isize, c as isize);
            let (along, across) = if dr == 0 {
                ((c - col) * dc, (r - row).abs())
            } else {
                ((r - row) * dr, (c - col).abs())
            };
            (along > 0).then_some((along * 2 + across * 3, r, c, cid))
        })
        .min()
        .and_then(|(_, _, _, cid)| kb.regions().iter().position(|r| r.id == cid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_a_cell_and_its_label_fits_with_brackets() {
        let kb = crate::kb::KnowledgeBase::embedded().expect("kb");
        for r in kb.regions() {
            assert!(
                cells().any(|(_, _, id)| id == r.id),
                "{} is not on the map",
                r.id
            );
            assert!(
                label(&r.id).chars().count() + 2 <= usize::from(CELL),
                "{}",
                r.id
            );
        }
    }
}
