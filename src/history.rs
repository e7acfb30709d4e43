//! The session history: one JSON object per line in `history.jsonl` under the platform data
//! directory. Appends are a single write under an exclusive lock, so two running copies never
//! interleave or lose a record; each session has an id, and appending one that is already there
//! is a no-op, so one session is one record whatever is pressed. A damaged line is reported and
//! skipped, never rewritten. A write that fails part way is cut back to the last good record.
//! Deleting a record rewrites the file atomically (a temporary file renamed over it) under the
//! same lock, keeping every other line as it was. Only a regular file is read or written: a
//! symbolic link, a FIFO, a device or a directory in its place is refused. Everything that lists
//! sessions lists them newest first ([`newest_first`]).

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use crate::session::{SessionStatus, StepStatus};

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

/// Whether a save added the record or found it already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Added,
    AlreadySaved,
}

/// A line that could not be read, left in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Damaged {
    pub line: usize,
    pub error: String,
}

/// What a history file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub records: Vec<Record>,
    pub damaged: Vec<Damaged>,
}

/// Why the history could not be read or written. Each names the file.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error(
        "no data directory could be found for the history (set XDG_DATA_HOME or FASCIA_DATA_DIR)"
    )]
    NoDataDir,
    #[error("cannot write the history file {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot read the history file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "the history file {path} is a symbolic link; fascia does not follow it (put the file itself there, or set FASCIA_DATA_DIR)"
    )]
    Symlink { path: String },
    #[error(
        "the history file {path} is {kind}, not a regular file; fascia reads and writes only a regular file there (move it away, or set FASCIA_DATA_DIR)"
    )]
    NotAFile { path: String, kind: &'static str },
}

/// What a file that is not a regular file is, in words.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else {
        "something else"
    }
}

/// The history file.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// `history.jsonl` in `dir`.
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join("history.jsonl"),
        }
    }

    /// The default place: `FASCIA_DATA_DIR`, else the platform data directory (on Linux
    /// `$XDG_DATA_HOME/fascia`, by default `~/.local/share/fascia`).
    pub fn default_location() -> Result<Self, HistoryError> {
        if let Some(dir) = std::env::var_os("FASCIA_DATA_DIR").filter(|d| !d.is_empty()) {
            return Ok(Self::in_dir(Path::new(&dir)));
        }
        directories::ProjectDirs::from("", "", "fascia")
            .map(|d| Self::in_dir(d.data_dir()))
            .ok_or(HistoryError::NoDataDir)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Opens the history file with `options` if it exists (or is created), refusing anything but
    /// a regular file, without following a symbolic link and without blocking on a FIFO.
    fn open(
        &self,
        options: &mut OpenOptions,
        io_error: impl Fn(std::io::Error) -> HistoryError,
    ) -> Result<Option<File>, HistoryError> {
        let path = || self.path.display().to_string();
        let refuse = |meta: &std::fs::Metadata| {
            if meta.file_type().is_symlink() {
                HistoryError::Symlink { path: path() }
            } else {
                HistoryError::NotAFile {
                    path: path(),
                    kind: kind_of(meta),
                }
            }
        };
        match std::fs::symlink_metadata(&self.path) {
            Ok(meta) if !meta.is_file() => return Err(refuse(&meta)),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(e)),
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // Closes the gap between the check above and the open.
            options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let file = match options.open(&self.path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            #[cfg(unix)]
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
                return Err(HistoryError::Symlink { path: path() });
            }
            Err(e) => return Err(io_error(e)),
        };
        let meta = file.metadata().map_err(&io_error)?;
        if meta.is_file() {
            Ok(Some(file))
        } else {
            Err(refuse(&meta))
        }
    }

    fn write_error(&self, source: std::io::Error) -> HistoryError {
        HistoryError::Write {
            path: self.path.display().to_string(),
            source,
        }
    }

    /// Opens the file with `options` and takes the exclusive lock, making sure the file locked is
    /// still the one at the path: a delete may have renamed a new file over it meanwhile, and a
    /// write to the old one would be lost. `None` when the file does not exist (and `options` do
    /// not create it).
    fn lock_current(&self, options: &OpenOptions) -> Result<Option<File>, HistoryError> {
        for _ in 0..1000 {
            let Some(file) = self.open(&mut options.clone(), |e| self.write_error(e))? else {
                return Ok(None);
            };
            file.lock().map_err(|e| self.write_error(e))?;
            if self.is_current(&file) {
                return Ok(Some(file));
            }
            let _ = file.unlock();
        }
        Err(self.write_error(std::io::Error::other(
            "the file kept being replaced while fascia waited for it",
        )))
    }

    /// Whether `file` is the file now at the path.
    #[cfg(unix)]
    fn is_current(&self, file: &File) -> bool {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::symlink_metadata(&self.path)) {
            (Ok(open), Ok(now)) => open.dev() == now.dev() && open.ino() == now.ino(),
            _ => false,
        }
    }

    #[cfg(not(unix))]
    fn is_current(&self, _file: &File) -> bool {
        true
    }

    /// Appends one record as one line (nothing if a record with its id is there already: see
    /// [`Store::append_once`]).
    pub fn append(&self, record: &Record) -> Result<(), HistoryError> {
        self.append_once(record).map(|_| ())
    }

    /// Appends one record as one line, unless a record with the same id is there already (then
    /// it is a no-op that says so). Under an exclusive lock it checks that the file ends with a
    /// newline (a crash may have left half a line) and writes the record in a single write, so a
    /// crash can at worst damage the new line, never an earlier one. If the write fails (a full
    /// disk), the file is cut back to the last good record.
    pub fn append_once(&self, record: &Record) -> Result<Saved, HistoryError> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| self.write_error(e))?;
        }
        let mut line = serde_json::to_string(record).map_err(|e| self.write_error(e.into()))?;
        line.push('\n');
        let Some(mut file) =
            self.lock_current(OpenOptions::new().read(true).append(true).create(true))?
        else {
            return Err(self.write_error(std::io::ErrorKind::NotFound.into()));
        };
        let result = (|| {
            let len = file.seek(SeekFrom::End(0))?;
            if !record.id.is_empty() && len > 0 {
                let mut bytes = Vec::new();
                file.seek(SeekFrom::Start(0))?;
                file.read_to_end(&mut bytes)?;
                if holds_id(&bytes, &record.id) {
                    return Ok(Saved::AlreadySaved);
                }
            }
            if len > 0 {
                file.seek(SeekFrom::Start(len - 1))?;
                let mut last = [0u8];
                file.read_exact(&mut last)?;
                if last[0] != b'\n' {
                    line.insert(0, '\n');
                }
            }
            let written = file
                .write_all(line.as_bytes())
                .and_then(|()| file.sync_data());
            if written.is_err() {
                // Never leave half a line behind: it would be reported as damaged on every run.
                let _ = file.set_len(len);
                let _ = file.sync_data();
            }
            written.map(|()| Saved::Added)
        })();
        let unlocked = file.unlock();
        let saved = result.map_err(|e| self.write_error(e))?;
        unlocked.map_err(|e| self.write_error(e))?;
        Ok(saved)
    }

    /// Deletes the session `key` names ([`Record::key`]; a version 1 session saved twice is one
    /// session, and both copies go) and says how many records went: 0 when none has that id.
    /// Under the same lock appends take, the file is written anew beside the old one, synced, and
    /// renamed over it, so a crash leaves either the old file or the new one; every other line,
    /// damaged ones too, is kept byte for byte.
    pub fn delete(&self, key: &str) -> Result<usize, HistoryError> {
        let Some(mut file) = self.lock_current(OpenOptions::new().read(true).append(true))? else {
            return Ok(0);
        };
        let result = self.rewrite_without(&mut file, key);
        let unlocked = file.unlock();
        let gone = result.map_err(|e| self.write_error(e))?;
        unlocked.map_err(|e| self.write_error(e))?;
        Ok(gone)
    }

    fn rewrite_without(&self, file: &mut File, key: &str) -> std::io::Result<usize> {
        let mut bytes = Vec::new();
        file.seek(SeekFrom::Start(0))?;
        file.read_to_end(&mut bytes)?;
        let mut kept = Vec::with_capacity(bytes.len());
        let mut gone = 0;
        for line in bytes.split_inclusive(|&b| b == b'\n') {
            let body = line.strip_suffix(b"\n").unwrap_or(line);
            let matches = !body.iter().all(u8::is_ascii_whitespace)
                && crate::json::parse_bytes::<Record>(body).is_ok_and(|r| r.key() == key);
            if matches {
                gone += 1;
            } else {
                kept.extend_from_slice(line);
            }
        }
        if gone == 0 {
            return Ok(0);
        }
        let dir = self
            .path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut new = tempfile::NamedTempFile::new_in(dir)?;
        new.write_all(&kept)?;
        new.as_file()
            .set_permissions(file.metadata()?.permissions())?;
        new.as_file().sync_all()?;
        new.persist(&self.path).map_err(|e| e.error)?;
        // The rename itself is durable once the folder is synced (where folders can be opened).
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(gone)
    }

    /// Every readable record, newest first ([`newest_first`]), and the lines that could not be
    /// read.
    pub fn load_newest_first(&self) -> Result<Loaded, HistoryError> {
        let mut loaded = self.load()?;
        newest_first(&mut loaded.records);
        Ok(loaded)
    }

    /// Every readable record in the order of the file (oldest first), and the lines that could
    /// not be read. A missing file is an empty history.
    pub fn load(&self) -> Result<Loaded, HistoryError> {
        let read_error = |source| HistoryError::Read {
            path: self.path.display().to_string(),
            source,
        };
        let Some(mut file) = self.open(OpenOptions::new().read(true), read_error)? else {
            return Ok(Loaded::default());
        };
        file.lock_shared().map_err(read_error)?;
        let mut bytes = Vec::new();
        let read = file.read_to_end(&mut bytes);
        let _ = file.unlock();
        read.map_err(read_error)?;
        Ok(parse(&bytes))
    }
}

/// Whether a history file holds a record with this id (a quick look for the id's text, then a
/// parse of the lines that have it).
fn holds_id(bytes: &[u8], id: &str) -> bool {
    let needle = format!("\"id\":\"{id}\"");
    // The standard library's substring search is fast even in a debug build; per-byte loops
    // here are not, and this runs on every save.
    let text = String::from_utf8_lossy(bytes);
    text.contains(&needle)
        && text
            .lines()
            .filter(|line| line.contains(&needle))
            .any(|line| {
                crate::json::parse_bytes::<Record>(line.as_bytes()).is_ok_and(|r| r.id == id)
            })
}

/// Parses history lines; blank lines are ignored, damaged ones reported.
pub fn parse(bytes: &[u8]) -> Loaded {
    let mut out = Loaded::default();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match crate::json::parse_bytes::<Record>(line) {
            Ok(r) => out.records.push(r),
            Err(e) => out.damaged.push(Damaged {
                line: i + 1,
                error: e.to_string(),
            }),
        }
    }
    out
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
