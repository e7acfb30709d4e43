//! What a change in a 0–10 rating means: a change of 2 points or 30% is called meaningful (the
//! size of change that people with pain rate as "much better", Farrar et al. 2001, Pain
//! 94:149–158); a smaller one is called small. Words for people to put next to the numbers.

/// Which way is better on a scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Pain or tightness: 0 none, 10 worst; lower is better.
    Pain,
    /// How freely the area moves: 0 hardly, 10 freely; higher is better.
    Ease,
}

/// How big a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    None,
    /// Less than 2 points and less than 30%.
    Small,
    /// 2 points or more, or 30% or more of the rating before.
    Meaningful,
}

/// A change from one rating to another on a 0–10 scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub scale: Scale,
    pub before: u8,
    pub after: u8,
    pub size: Size,
    /// Whether it went the good way for this scale (false when it did not change).
    pub better: bool,
}

/// The one-line note that says where "meaningful" comes from, for the foot of a screen or a file.
pub const MEANING_NOTE: &str = "A change of 2 points or 30% on the 0-10 scale is called meaningful: about the change people notice as much better (Farrar et al. 2001). A smaller change is called small.";

/// Classifies a change from `before` to `after` on `scale`. The 30% is of the rating before; from
/// 0, only the points count. Ratings above 10 are taken as 10.
pub fn change(scale: Scale, before: u8, after: u8) -> Change {
    let (before, after) = (before.min(10), after.min(10));
    let points = u32::from(before.abs_diff(after));
    // 30% or more of the rating before, in whole numbers: points / before >= 3 / 10.
    let share = before > 0 && points * 10 >= u32::from(before) * 3;
    let size = if points == 0 {
        Size::None
    } else if points >= 2 || share {
        Size::Meaningful
    } else {
        Size::Small
    };
    let better = match scale {
        Scale::Pain => after < before,
        Scale::Ease => after > before,
    };
    Change {
        scale,
        before,
        after,
        size,
        better,
    }
}

impl Change {
    /// The change in points, after minus before.
    pub fn points(&self) -> i16 {
        i16::from(self.after) - i16::from(self.before)
    }

    /// The change as a share of the rating before, in whole percent (`None` from 0).
    pub fn percent(&self) -> Option<i16> {
        (self.before > 0).then(|| self.points() * 100 / i16::from(self.before))
    }

    /// What it means, in a few words: `a meaningful improvement`, `a small change for the worse`,
    /// `no change`.
    pub fn meaning(&self) -> &'static str {
        match (self.size, self.better) {
            (Size::None, _) => "no change",
            (Size::Small, true) => "a small improvement",
            (Size::Small, false) => "a small change for the worse",
            (Size::Meaningful, true) => "a meaningful improvement",
            (Size::Meaningful, false) => "a meaningful change for the worse",
        }
    }

    /// The numbers and their meaning, e.g. `pain 6 → 3 (down 3 points): a meaningful
    /// improvement` or `moves freely 4 → 5 (up 1 point): a small improvement`.
    pub fn words(&self) -> String {
        let what = match self.scale {
            Scale::Pain => "pain",
            Scale::Ease => "moves freely",
        };
        if self.size == Size::None {
            return format!("{what} {} (no change)", self.before);
        }
        let points = self.points().unsigned_abs();
        let way = if self.points() < 0 { "down" } else { "up" };
        let unit = if points == 1 { "point" } else { "points" };
        format!(
            "{what} {} → {} ({way} {points} {unit}): {}",
            self.before,
            self.after,
            self.meaning()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(scale: Scale, before: u8, after: u8) -> Size {
        change(scale, before, after).size
    }

    #[test]
    fn two_points_is_meaningful_one_is_small_unless_it_is_30_percent() {
        assert_eq!(size(Scale::Pain, 10, 8), Size::Meaningful, "2 points (20%)");
        assert_eq!(size(Scale::Pain, 10, 9), Size::Small, "1 point (10%)");
        assert_eq!(size(Scale::Pain, 4, 3), Size::Small, "1 point (25%)");
        assert_eq!(size(Scale::Pain, 3, 2), Size::Meaningful, "1 point (33%)");
        assert_eq!(size(Scale::Pain, 1, 0), Size::Meaningful, "1 point (100%)");
        assert_eq!(size(Scale::Pain, 5, 5), Size::None);
        assert_eq!(
            size(Scale::Pain, 0, 1),
            Size::Small,
            "from 0 only points count"
        );
        assert_eq!(size(Scale::Pain, 0, 2), Size::Meaningful);
        assert_eq!(size(Scale::Ease, 4, 5), Size::Small, "1 point (25%)");
        assert_eq!(size(Scale::Ease, 3, 4), Size::Meaningful, "1 point (33%)");
        assert_eq!(
            size(Scale::Pain, 200, 8),
            Size::Meaningful,
            "taken as 10 → 8"
        );
    }

    #[test]
    fn exactly_30_percent_is_meaningful() {
        // No 0-10 whole number gives exactly 30% with 1 point but 10 → 7 is 3 points and 30%.
        assert_eq!(change(Scale::Pain, 10, 7).percent(), Some(-30));
        assert_eq!(size(Scale::Pain, 10, 7), Size::Meaningful);
        // Just under: 1 point of 4 is 25%, 1 point of 10 is 10%.
        assert_eq!(change(Scale::Pain, 4, 3).percent(), Some(-25));
    }

    #[test]
    fn the_words_say_the_numbers_the_way_and_the_meaning() {
        assert_eq!(
            change(Scale::Pain, 6, 3).words(),
            "pain 6 → 3 (down 3 points): a meaningful improvement"
        );
        assert_eq!(
            change(Scale::Ease, 4, 5).words(),
            "moves freely 4 → 5 (up 1 point): a small improvement"
        );
        assert_eq!(
            change(Scale::Pain, 2, 4).words(),
            "pain 2 → 4 (up 2 points): a meaningful change for the worse"
        );
        assert_eq!(
            change(Scale::Ease, 6, 5).meaning(),
            "a small change for the worse"
        );
        assert_eq!(
            change(Scale::Ease, 6, 6).words(),
            "moves freely 6 (no change)"
        );
    }
}
