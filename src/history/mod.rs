//! The session history: one JSON object per line in `history.jsonl` under the platform data
//! directory. Appends are a single write under an exclusive lock, so two running copies never
//! interleave or lose a record; each session has an id, and appending one that is already there
//! is a no-op, so one session is one record whatever is pressed. A damaged line is reported and
//! skipped, never rewritten. A write that fails part way is cut back to the last good record.
//! Deleting a record rewrites the file atomically (a temporary file renamed over it) under the
//! same lock, keeping every other line as it was. Only a regular file is read or written: a
//! symbolic link, a FIFO, a device or a directory in its place is refused. Everything that lists
//! sessions lists them newest first ([`newest_first`]).

use serde::{Deserialize, Serialize};

pub use crate::session::{SessionStatus, StepStatus};

mod store;
pub use store::{Damaged, HistoryError, Loaded, Saved, Store, parse};

/// The record format's version, stored in every record. Version 2 added `id`, `started`,
/// `status` and each step's `status`, and counts in `steps_done` only the steps that ran to their
/// end (version 1 counted the steps begun).
pub const VERSION: u32 = 2;

/// A rating: pain or tightness (0 none to 10 worst) and how freely the area moves (0 hardly to 10
/// freely).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub pain: u8,
    pub ease: u8,
}

/// Ratings for one area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub region: String,
    pub before: Score,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Score>,
}

/// One step as it was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepDone {
    pub region: String,
    pub technique: String,
    pub tool: String,
    pub seconds: u32,
    /// What became of the step (`None` in version 1 records).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StepStatus>,
}

/// One session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub v: u32,
    /// The session's id ([`new_id`]), the same however often it is saved. Empty in version 1
    /// records: see [`Record::key`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// When the session began, RFC 3339 in UTC (the time of the ratings before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    /// When the session ended, RFC 3339 in UTC (the time of the ratings after).
    pub at: String,
    pub regions: Vec<String>,
    pub routine: Vec<StepDone>,
    pub ratings: Vec<Rating>,
    /// True only when every step ran to its end.
    pub completed: bool,
    /// How many steps ran to their end (version 1: how many were begun).
    pub steps_done: usize,
    /// How the session ended (`None` in version 1 records: see [`Record::status`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SessionStatus>,
}

impl Record {
    /// A record of a session as the timer saw it: each step's status, completed only when every
    /// step ran, ended early when it was ended or quit. `id` comes from [`new_id`] when the
    /// session began; `started` and `at` are RFC 3339 times ([`now`]).
    pub fn from_session(
        id: &str,
        started: Option<String>,
        at: String,
        routine: &crate::engine::Routine,
        ratings: Vec<Rating>,
        timer: &crate::session::Timer,
    ) -> Self {
        let statuses = timer.step_statuses();
        let status = timer.status();
        let mut regions: Vec<String> = Vec::new();
        for s in &routine.steps {
            if !regions.contains(&s.region) {
                regions.push(s.region.clone());
            }
        }
        Record {
            v: VERSION,
            id: id.to_owned(),
            started,
            at,
            regions,
            routine: routine
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| StepDone {
                    region: s.region.clone(),
                    technique: s.technique.clone(),
                    tool: s.tool.clone(),
                    seconds: s.seconds,
                    status: Some(statuses.get(i).copied().unwrap_or(StepStatus::NotReached)),
                })
                .collect(),
            ratings,
            completed: status == SessionStatus::Completed,
            steps_done: timer.steps_completed(),
            status: Some(status),
        }
    }

    /// The id that names this record: its `id`, or for a version 1 record (which has none) a
    /// short hash of its contents, stable from run to run.
    pub fn key(&self) -> String {
        if !self.id.is_empty() {
            return self.id.clone();
        }
        let text = serde_json::to_string(self).unwrap_or_default();
        format!("{:012x}", fnv1a(text.as_bytes()) & 0xffff_ffff_ffff)
    }

    /// How the session ended; for a version 1 record, from `completed`.
    pub fn status(&self) -> SessionStatus {
        self.status.unwrap_or(if self.completed {
            SessionStatus::Completed
        } else {
            SessionStatus::EndedEarly
        })
    }

    /// Steps that ran to their end, that were skipped, and all the steps; `None` for a version 1
    /// record, which does not say.
    pub fn step_counts(&self) -> Option<StepCounts> {
        if self.v < 2 || self.routine.iter().any(|s| s.status.is_none()) {
            return None;
        }
        let count = |want: StepStatus| {
            self.routine
                .iter()
                .filter(|s| s.status == Some(want))
                .count()
        };
        Some(StepCounts {
            done: count(StepStatus::Completed),
            skipped: count(StepStatus::Skipped),
            total: self.routine.len(),
        })
    }

    /// The steps in words, e.g. `2 of 3 steps done, 1 skipped` (version 1: `2 steps begun`).
    pub fn steps_words(&self) -> String {
        match self.step_counts() {
            Some(c) if c.skipped > 0 => format!(
                "{} of {} steps done, {} skipped",
                c.done, c.total, c.skipped
            ),
            Some(c) => format!("{} of {} steps done", c.done, c.total),
            None => format!(
                "{} {} begun",
                self.steps_done,
                if self.steps_done == 1 {
                    "step"
                } else {
                    "steps"
                }
            ),
        }
    }
}

/// How many steps of a session were done and skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepCounts {
    pub done: usize,
    pub skipped: usize,
    pub total: usize,
}

/// 64-bit FNV-1a: a small stable hash for ids.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A new session id: 12 hex digits from the time, the process and a counter, so two sessions
/// (in one process or two) never share one. Make it once, when the session begins.
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = jiff::Timestamp::now().as_nanosecond();
    let seed = format!("{nanos}/{}/{n}", std::process::id());
    format!("{:012x}", fnv1a(seed.as_bytes()) & 0xffff_ffff_ffff)
}

/// Sorts records newest first (by the time each ended; records of the same time keep the later
/// one in the file first). The one order of the app, plain mode and `fascia history`.
pub fn newest_first(records: &mut [Record]) {
    let time = |r: &Record| r.at.parse::<jiff::Timestamp>().ok();
    // Reversing first, then a stable sort, puts the later of two equal times first.
    records.reverse();
    records.sort_by(|a, b| match (time(a), time(b)) {
        (Some(x), Some(y)) => y.cmp(&x),
        _ => b.at.cmp(&a.at),
    });
}

/// The current time as RFC 3339 in UTC, for `Record::at`.
pub fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string())
}

/// A record's time in the local time zone, e.g. `2026-11-21 10:04`.
pub fn local_time(at: &str) -> String {
    at.parse::<jiff::Timestamp>().map_or_else(
        |_| at.to_owned(),
        |t| {
            t.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}
