//! Writing a new file atomically: written to a temporary file beside it, synced, then renamed to
//! a name that does not exist yet, so nothing is overwritten or left half written.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `contents` to `dir/stem.ext`, or `stem-2.ext`, `stem-3.ext`, ... if taken.
pub fn write_new(dir: &Path, stem: &str, ext: &str, contents: &str) -> std::io::Result<PathBuf> {
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(contents.as_bytes())?;
    file.as_file().sync_all()?;
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match file.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => file = e.file,
            Err(e) => return Err(e.error),
        }
    }
    Err(std::io::Error::other("too many files with that name"))
}

/// Writes `contents` to `path` atomically, replacing what was there (a file the person named).
pub fn replace(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(contents.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(path).map(|_| ()).map_err(|e| e.error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_overwrites() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = write_new(dir.path(), "r", "md", "one").expect("first");
        let b = write_new(dir.path(), "r", "md", "two").expect("second");
        assert_eq!(a.file_name().and_then(|n| n.to_str()), Some("r.md"));
        assert_eq!(b.file_name().and_then(|n| n.to_str()), Some("r-2.md"));
        assert_eq!(std::fs::read_to_string(a).expect("read"), "one");
        assert_eq!(std::fs::read_to_string(b).expect("read"), "two");
        assert_eq!(
            std::fs::read_dir(dir.path()).expect("dir").count(),
            2,
            "no temporary file left"
        );
    }
}
