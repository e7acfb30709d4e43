//! `fascia forget`: deletes the remembered answers, and the session history when asked to
//! (`--history`, or a yes at the terminal); says what it deleted.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use fascia::history::Store;
use fascia::profile::ProfileStore;

use super::Failure;

/// Where the remembered answers are kept: `profile.json` beside the history (`None` when no
/// place for the history is known).
pub fn profiles() -> Option<ProfileStore> {
    let store = Store::default_location().ok()?;
    store.path().parent().map(ProfileStore::in_dir)
}

/// Deletes the profile; then the history with `history`, or when the person says yes at a
/// terminal.
pub fn run(history: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let store = Store::default_location().map_err(|e| Failure::BadInput(e.to_string()))?;
    let dir = store.path().parent().unwrap_or_else(|| Path::new("."));
    let profile = ProfileStore::in_dir(dir);
    let forgot = profile
        .forget()
        .map_err(|e| Failure::BadInput(e.to_string()))?;
    if forgot {
        writeln!(
            out,
            "Deleted your remembered answers ({}).",
            profile.path().display()
        )?;
    } else {
        writeln!(out, "No answers were remembered on this computer.")?;
    }
    let delete_history = history || (std::io::stdin().is_terminal() && ask_history(out)?);
    if !delete_history {
        writeln!(out, "Your session history is kept.")?;
        return Ok(());
    }
    match std::fs::remove_file(store.path()) {
        Ok(()) => writeln!(
            out,
            "Deleted your session history ({}).",
            store.path().display()
        )?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            writeln!(out, "There was no session history to delete.")?;
        }
        Err(e) => {
            return Err(Failure::BadInput(format!(
                "the session history {} could not be deleted: {e}",
                store.path().display()
            )));
        }
    }
    Ok(())
}

/// "Also delete your session history? [y/N]": true only for a yes.
fn ask_history(out: &mut dyn Write) -> Result<bool, Failure> {
    write!(out, "Also delete your session history? [y/N] ")?;
    out.flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(matches!(line.trim().to_lowercase().as_str(), "y" | "yes"))
}
