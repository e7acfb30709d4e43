//! The remembered profile (INTERVIEW.md): the answers that may be remembered, each with the day it
//! was first given, and the tools, minutes and technique preference, in `profile.json` beside the
//! history. Written atomically and readable by its owner only; a damaged file is reported and
//! ignored, never trusted.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::engine::{Answer, Answers, Preferences, Remembered};
use crate::kb::KnowledgeBase;

/// The format version this fascia writes and reads.
pub const VERSION: u32 = 1;

/// What is remembered between checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub version: u32,
    pub answers: Vec<Remembered>,
    pub preferences: Preferences,
}

impl Profile {
    /// The profile after a finished check: every answer to an item that may be remembered
    /// (`recheck` above 0), dated today, or dated as before when it did not change (so a
    /// confirmed answer still runs out 12 months after it was first given); and the preferences.
    pub fn after_check(
        kb: &KnowledgeBase,
        answers: &Answers,
        today: Date,
        earlier: Option<&Profile>,
    ) -> Self {
        let since = |item: &str, region: Option<&str>, reply| {
            earlier
                .and_then(|p| {
                    p.answers.iter().find(|r| {
                        r.item == item && r.region.as_deref() == region && r.reply == reply
                    })
                })
                .map_or(today, |r| r.since.min(today))
        };
        let mut remembered = Vec::new();
        for (id, answer) in &answers.answers {
            if kb.item(id).is_none_or(|i| i.recheck == 0) {
                continue;
            }
            let replies: Vec<(Option<&str>, crate::engine::Reply)> = match answer {
                Answer::One(r) => vec![(None, *r)],
                Answer::PerRegion(map) => map.iter().map(|(g, r)| (Some(g.as_str()), *r)).collect(),
            };
            for (region, reply) in replies {
                remembered.push(Remembered {
                    item: id.clone(),
                    region: region.map(str::to_owned),
                    reply,
                    since: since(id, region, reply),
                });
            }
        }
        // Areas not in this check keep what was remembered about them.
        if let Some(p) = earlier {
            remembered.extend(
                p.answers
                    .iter()
                    .filter(|r| {
                        r.region
                            .as_ref()
                            .is_some_and(|g| !answers.regions.contains_key(g))
                    })
                    .cloned(),
            );
        }
        Self {
            version: VERSION,
            answers: remembered,
            preferences: answers.preferences.clone(),
        }
    }

    /// The remembered answers that still hold on `today`.
    pub fn holding(&self, kb: &KnowledgeBase, today: Date) -> Vec<Remembered> {
        self.answers
            .iter()
            .filter(|r| r.holds(kb, today))
            .cloned()
            .collect()
    }
}

/// Why the profile could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("the profile {path} could not be read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the profile {path} is damaged and was ignored: {message}")]
    Damaged { path: PathBuf, message: String },
    #[error("the profile {path} is not a regular file; fascia neither reads nor replaces it")]
    NotAFile { path: PathBuf },
    #[error("the profile {path} could not be saved: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The profile file.
#[derive(Debug, Clone)]
pub struct ProfileStore {
    path: PathBuf,
}

impl ProfileStore {
    /// `profile.json` in `dir` (the folder of the history).
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join("profile.json"),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Refuses a link, a folder, a FIFO or a device in place of the file.
    fn check_kind(&self) -> Result<bool, ProfileError> {
        match std::fs::symlink_metadata(&self.path) {
            Ok(m) if m.file_type().is_file() => Ok(true),
            Ok(_) => Err(ProfileError::NotAFile {
                path: self.path.clone(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(source) => Err(ProfileError::Read {
                path: self.path.clone(),
                source,
            }),
        }
    }

    /// The profile, or `None` when there is none yet. A damaged file (not strict JSON, an unknown
    /// field, another version) is an error for the caller to report; it is never half-trusted.
    pub fn load(&self) -> Result<Option<Profile>, ProfileError> {
        if !self.check_kind()? {
            return Ok(None);
        }
        let bytes = std::fs::read(&self.path).map_err(|source| ProfileError::Read {
            path: self.path.clone(),
            source,
        })?;
        let damaged = |message: String| ProfileError::Damaged {
            path: self.path.clone(),
            message,
        };
        let profile: Profile =
            crate::json::parse_bytes(&bytes).map_err(|e| damaged(e.to_string()))?;
        if profile.version != VERSION {
            return Err(damaged(format!(
                "it has format version {}, and this fascia reads version {VERSION}",
                profile.version
            )));
        }
        Ok(Some(profile))
    }

    /// Writes the profile atomically (a temporary file renamed into place), owner-only.
    pub fn save(&self, profile: &Profile) -> Result<(), ProfileError> {
        let write = |source| ProfileError::Write {
            path: self.path.clone(),
            source,
        };
        self.check_kind()?;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(write)?;
        }
        let json = serde_json::to_string_pretty(profile)
            .map_err(std::io::Error::other)
            .map_err(write)?;
        crate::export::replace(&self.path, &(json + "\n")).map_err(write)
    }

    /// Deletes the profile; true when there was one.
    pub fn forget(&self) -> Result<bool, ProfileError> {
        match std::fs::remove_file(&self.path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(source) => Err(ProfileError::Write {
                path: self.path.clone(),
                source,
            }),
        }
    }
}
