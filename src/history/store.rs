//! The history file: appends under an exclusive lock (idempotent by session id, cut back to the
//! last good record when a write fails part way), atomic deletes, and reading it back with damaged
//! lines reported and kept. Only a regular file is read or written.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Record, newest_first};

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
