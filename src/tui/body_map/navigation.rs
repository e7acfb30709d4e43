//! Body-map navigation tests: every region reachable from every region by arrows, no arrow
//! bouncing back, crossing between the views, and clicks landing on each shape.

use std::collections::BTreeSet;

use super::*;

const ARROWS: [Action; 4] = [Action::Up, Action::Down, Action::Left, Action::Right];

#[test]
fn every_region_is_reachable_from_every_region_by_arrows() {
    let kb = KnowledgeBase::embedded().expect("kb");
    let all = all_spots(&kb);
    for &start in &all {
        let mut seen = BTreeSet::from([start]);
        let mut todo = vec![start];
        while let Some(at) = todo.pop() {
            for a in &ARROWS {
                if let Some(next) = step(&kb, at, a)
                    && seen.insert(next)
                {
                    todo.push(next);
                }
            }
        }
        let missing: Vec<_> = all.iter().filter(|s| !seen.contains(s)).collect();
        assert!(
            missing.is_empty(),
            "from {start:?} not reached: {missing:?}"
        );
    }
}

#[test]
fn an_arrow_never_bounces_back_and_stops_only_at_an_edge() {
    let kb = KnowledgeBase::embedded().expect("kb");
    for start in all_spots(&kb) {
        for a in &ARROWS {
            // Pressing the same arrow again and again never comes back to a place: it ends
            // at an edge (where the screen says so).
            let mut at = start;
            let mut seen = BTreeSet::from([at]);
            while let Some(next) = step(&kb, at, a) {
                assert!(
                    seen.insert(next),
                    "{a:?} from {start:?} comes back to {next:?} ({})",
                    kb.regions()[next.region].id
                );
                at = next;
            }
        }
    }
}

#[test]
fn right_from_the_front_crosses_to_the_back_and_left_comes_back() {
    let kb = KnowledgeBase::embedded().expect("kb");
    let index = |id: &str| kb.regions().iter().position(|r| r.id == id).expect(id);
    let mut at = Spot::new(index("chest"), false);
    while let Some(next) = step(&kb, at, &Action::Right) {
        at = next;
        if at.back {
            break;
        }
    }
    assert!(at.back, "right from the chest reaches the back view");
    let mut at = Spot::new(index("upper_back"), true);
    while let Some(next) = step(&kb, at, &Action::Left) {
        at = next;
    }
    assert!(!at.back, "left from the upper back reaches the front view");
}

#[test]
fn a_click_on_any_cell_of_a_region_lands_on_it_at_every_scale() {
    let kb = KnowledgeBase::embedded().expect("kb");
    for room in [Rect::new(3, 2, 40, 20), Rect::new(0, 0, 120, 60)] {
        let p = Placement::fit(room);
        for (i, r) in kb.regions().iter().enumerate() {
            for (back, col, row) in cells_of(&r.id) {
                let x = p.view_x(back) + col * p.scale + p.scale - 1;
                let y = p.area.y + 1 + row * p.scale;
                let hit = p.hit(&kb, x, y).expect("a region");
                assert_eq!((hit.region, hit.back), (i, back), "{} at {x},{y}", r.id);
            }
        }
    }
}
