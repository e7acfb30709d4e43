//! Carries out what `update` asks for: the only place the app writes files, reads the history,
//! reads the wall clock or rings the bell. Each result goes back to the app as an action.

use std::collections::VecDeque;
use std::io::Write;

use super::action::{Action, Effect};
use super::app::App;
use crate::history::{Loaded, Saved, Store};

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
            Effect::BeginSession => Action::SessionBegun {
                id: crate::history::new_id(),
                started: crate::history::now(),
            },
            Effect::Save(record) => Action::Saved(save(app.store.as_ref(), *record)),
            Effect::Export(advice) => {
                let dir = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
                let date = jiff::Zoned::now().date();
                let text = crate::report::markdown_on(app.kb, &app.answers, &advice, date);
                let stem = crate::report::hand_off_stem(advice.screening.outcome, date);
                Action::Exported(match crate::export::write_new(&dir, &stem, "md", &text) {
                    Ok(path) => Ok(format!("Saved to {}", path.display())),
                    Err(e) => Err(format!("Could not save the file in {}: {e}", dir.display())),
                })
            }
            Effect::LoadHistory => Action::HistoryLoaded(Box::new(load(app.store.as_ref()))),
            Effect::Delete(key) => {
                let store = app.store.as_ref();
                let result = store.map_or_else(
                    || Err(NO_PLACE.to_owned()),
                    |s| s.delete(&key).map_err(|e| e.to_string()),
                );
                Action::Deleted {
                    result,
                    loaded: Box::new(load(store)),
                }
            }
            Effect::LoadProfile => {
                let loaded = app
                    .profiles
                    .as_ref()
                    .map_or(Ok(None), |store| store.load().map_err(|e| e.to_string()));
                Action::ProfileLoaded {
                    loaded: Box::new(loaded),
                    today: jiff::Zoned::now().date(),
                }
            }
            Effect::SaveProfile(answers) => {
                let Some(store) = &app.profiles else {
                    continue;
                };
                let today = jiff::Zoned::now().date();
                let profile = crate::profile::Profile::after_check(
                    app.kb,
                    &answers,
                    today,
                    app.profile.as_ref(),
                );
                Action::ProfileSaved(Box::new(
                    store
                        .save(&profile)
                        .map(|()| profile)
                        .map_err(|e| e.to_string()),
                ))
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
        };
        queue.extend(app.update(result));
    }
    Ok(())
}

/// Appends the record once (stamping when it ended, and an id if it has none); says where.
fn save(store: Option<&Store>, mut record: crate::history::Record) -> Result<String, String> {
    record.at = crate::history::now();
    if record.id.is_empty() {
        record.id = crate::history::new_id();
    }
    let store = store.ok_or_else(|| NO_PLACE.to_owned())?;
    match store.append_once(&record) {
        Ok(Saved::Added | Saved::AlreadySaved) => Ok(store.path().display().to_string()),
        Err(e) => Err(e.to_string()),
    }
}

fn load(store: Option<&Store>) -> Result<Loaded, String> {
    match store {
        Some(store) => store.load_newest_first().map_err(|e| e.to_string()),
        None => Err("no place for the history was found (set FASCIA_DATA_DIR)".to_owned()),
    }
}
