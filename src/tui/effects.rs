//! Carries out what `update` asks for: the only place the app writes files, reads the history,
//! reads the wall clock or rings the bell. Each result goes back to the app as an action.

use std::collections::VecDeque;
use std::io::Write;

use super::action::{Action, Effect};
use super::app::App;

const NO_PLACE: &str = "no place to save the history was found (set FASCIA_DATA_DIR)";

/// Runs `effects` (and any their results lead to); the bell is written to `out`.
pub fn run(app: &mut App<'_>, effects: Vec<Effect>, out: &mut impl Write) -> std::io::Result<()> {
    let mut queue = VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        let result = match effect {
            Effect::Bell => {
                out.write_all(b"\x07")?;
                out.flush()?;
                continue;
            }
            Effect::Save(record) => {
                let mut record = *record;
                record.at = crate::history::now();
                if record.id.is_empty() {
                    record.id = crate::history::new_id();
                }
                Action::Saved(match &app.store {
                    Some(store) => match store.append(&record) {
                        Ok(()) => Ok(store.path().display().to_string()),
                        Err(e) => Err(e.to_string()),
                    },
                    None => Err(NO_PLACE.to_owned()),
                })
            }
            Effect::Export(text) => {
                let dir = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
                Action::Exported(
                    match crate::export::write_new(&dir, "fascia-routine", "md", &text) {
                        Ok(path) => Ok(format!("Saved to {}", path.display())),
                        Err(e) => Err(format!("Could not save the file in {}: {e}", dir.display())),
                    },
                )
            }
            Effect::CountHistory => {
                // One record a line: counting lines is cheap and needs no parsing.
                let count = app
                    .store
                    .as_ref()
                    .and_then(|store| std::fs::read(store.path()).ok())
                    .map_or(0, |bytes| {
                        bytes
                            .split(|&b| b == b'\n')
                            .filter(|l| !l.is_empty())
                            .count()
                    });
                Action::HistoryCount(count)
            }
            Effect::LoadHistory => Action::HistoryLoaded(Box::new(match &app.store {
                Some(store) => store.load().map_err(|e| e.to_string()),
                None => Err("no place for the history was found (set FASCIA_DATA_DIR)".to_owned()),
            })),
        };
        queue.extend(app.update(result));
    }
    Ok(())
}
