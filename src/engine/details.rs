//! What a person says about one chosen area (ANSWERS.md `regions`): how it feels, how strongly,
//! since when, and the goal, each with its default.

use serde::de;
use serde::{Deserialize, Deserializer, Serialize};

use crate::kb::{Feel, Goal};

/// How long the area has felt this way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Since {
    Days,
    Weeks,
    Months,
}

impl Since {
    pub const ALL: [Since; 3] = [Since::Days, Since::Weeks, Since::Months];

    pub fn as_str(self) -> &'static str {
        match self {
            Since::Days => "days",
            Since::Weeks => "weeks",
            Since::Months => "months",
        }
    }
}

/// What a chosen region feels like, how strong, since when, and the goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionDetails {
    #[serde(default = "default_feel")]
    pub feel: Feel,
    #[serde(default = "default_intensity", deserialize_with = "intensity")]
    pub intensity: u8,
    #[serde(default = "default_since")]
    pub since: Since,
    #[serde(default = "default_goal")]
    pub goal: Goal,
}

fn default_feel() -> Feel {
    Feel::Tight
}
fn default_intensity() -> u8 {
    3
}
fn default_since() -> Since {
    Since::Days
}
fn default_goal() -> Goal {
    Goal::Relief
}

impl Default for RegionDetails {
    fn default() -> Self {
        Self {
            feel: default_feel(),
            intensity: default_intensity(),
            since: default_since(),
            goal: default_goal(),
        }
    }
}

fn intensity<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    let v = u64::deserialize(d)?;
    u8::try_from(v)
        .ok()
        .filter(|v| *v <= 10)
        .ok_or_else(|| de::Error::custom(format!("intensity {v} is out of range (0 to 10)")))
}
