//! The session history: one JSON object per line in `history.jsonl` under the platform data
//! directory. Appends are a single write under an exclusive lock, so two running copies never
//! interleave or lose a record; a damaged line is reported and skipped, never rewritten. A write
//! that fails part way is cut back to the last good record. Only a regular file is read or written:
//! a symbolic link, a FIFO, a device or a directory in its place is refused.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The record format's version, stored in every record.
pub const VERSION: u32 = 1;

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
}

/// One session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub v: u32,
    /// When the session ended, RFC 3339 in UTC.
    pub at: String,
    pub regions: Vec<String>,
    pub routine: Vec<StepDone>,
    pub ratings: Vec<Rating>,
    /// False when the session was ended early.
    pub completed: bool,
    /// How many steps were begun.
    pub steps_done: usize,
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

    /// Appends one record as one line. Under an exclusive lock it checks that the file ends with a
    /// newline (a crash may have left half a line) and writes the record in a single write, so a
    /// crash can at worst damage the new line, never an earlier one. If the write fails (a full
    /// disk), the file is cut back to the last good record.
    pub fn append(&self, record: &Record) -> Result<(), HistoryError> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| self.write_error(e))?;
        }
        let mut line = serde_json::to_string(record).map_err(|e| self.write_error(e.into()))?;
        line.push('\n');
        let Some(mut file) = self.open(
            OpenOptions::new().read(true).append(true).create(true),
            |e| self.write_error(e),
        )?
        else {
            return Err(self.write_error(std::io::ErrorKind::NotFound.into()));
        };
        file.lock().map_err(|e| self.write_error(e))?;
        let result = (|| {
            let len = file.seek(SeekFrom::End(0))?;
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
            written
        })();
        let unlocked = file.unlock();
        result.and(unlocked).map_err(|e| self.write_error(e))
    }

    /// Every readable record, oldest first, and the lines that could not be read. A missing file
    /// is an empty history.
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
