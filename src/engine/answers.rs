//! The answers a person gives (ANSWERS.md): regions with details, screening replies, preferences.
//! Parsed from JSON for `fascia advise`, built key by key by the interactive faces.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use super::details::{RegionDetails, Since};
use crate::kb::{KnowledgeBase, Line, Located, Problem, ScreeningItem, Section, parse_json};

/// A reply to one screening question. "Not sure" is its own answer and fires like yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    No,
    NotSure,
    Yes,
}

impl Reply {
    /// Whether the reply sets the item off (yes and not sure both do).
    pub fn fires(self) -> bool {
        self != Reply::No
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Reply::No => "no",
            Reply::NotSure => "not_sure",
            Reply::Yes => "yes",
        }
    }

    /// In words, for people.
    pub fn words(self) -> &'static str {
        match self {
            Reply::No => "no",
            Reply::NotSure => "not sure",
            Reply::Yes => "yes",
        }
    }
}

impl fmt::Display for Reply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The answer to an item: one reply, or one per region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    One(Reply),
    PerRegion(BTreeMap<String, Reply>),
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::One(r) => r.serialize(s),
            Answer::PerRegion(m) => m.serialize(s),
        }
    }
}

fn parse_reply<E: de::Error>(word: &str) -> Result<Reply, E> {
    match word {
        "yes" => Ok(Reply::Yes),
        "no" => Ok(Reply::No),
        "not_sure" => Ok(Reply::NotSure),
        other => Err(E::custom(format!(
            "`{other}` is not an answer: use \"yes\", \"no\" or \"not_sure\""
        ))),
    }
}

struct ReplyWord(Reply);

impl<'de> Deserialize<'de> for ReplyWord {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let word = String::deserialize(d)?;
        parse_reply(&word).map(ReplyWord)
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;
        impl<'de> Visitor<'de> for AnswerVisitor {
            type Value = Answer;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("\"yes\", \"no\", \"not_sure\" or an object of region id to answer")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Answer, E> {
                parse_reply(v).map(Answer::One)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answer, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((region, ReplyWord(reply))) =
                    map.next_entry::<String, ReplyWord>()?
                {
                    out.insert(region, reply);
                }
                Ok(Answer::PerRegion(out))
            }
        }
        d.deserialize_any(AnswerVisitor)
    }
}

/// Technique preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preference {
    #[default]
    Auto,
    Direct,
    Indirect,
}

impl Preference {
    pub const ALL: [Preference; 3] = [Preference::Auto, Preference::Direct, Preference::Indirect];

    pub fn as_str(self) -> &'static str {
        match self {
            Preference::Auto => "auto",
            Preference::Direct => "direct",
            Preference::Indirect => "indirect",
        }
    }
}

/// Shortest and longest session the routine builder accepts, in minutes.
pub const MINUTES: std::ops::RangeInclusive<u32> = 2..=120;

/// Tools owned, time available and technique preference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preferences {
    #[serde(default)]
    pub tools: Vec<String>,
    #[serde(default = "default_minutes", deserialize_with = "minutes")]
    pub minutes: u32,
    #[serde(default)]
    pub technique: Preference,
}

fn default_minutes() -> u32 {
    10
}

fn minutes<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = u64::deserialize(d)?;
    u32::try_from(v)
        .ok()
        .filter(|m| MINUTES.contains(m))
        .ok_or_else(|| {
            de::Error::custom(format!(
                "{v} minutes is out of range ({} to {})",
                MINUTES.start(),
                MINUTES.end()
            ))
        })
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            tools: Vec::new(),
            minutes: default_minutes(),
            technique: Preference::Auto,
        }
    }
}

/// The answer used for items that were asked but not answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DefaultAnswer {
    No,
    #[default]
    NotSure,
}

impl DefaultAnswer {
    pub fn reply(self) -> Reply {
        match self {
            DefaultAnswer::No => Reply::No,
            DefaultAnswer::NotSure => Reply::NotSure,
        }
    }
}

/// Everything a person answered: the ANSWERS.md document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    pub regions: BTreeMap<String, RegionDetails>,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_answer: Option<DefaultAnswer>,
    #[serde(default)]
    pub preferences: Preferences,
    /// Which checklist lines were marked, by item (line numbers from 0, in the item's order): what
    /// the person read and said yes or not sure to. Optional; the answer itself is in `answers`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub marked: BTreeMap<String, Vec<usize>>,
}

/// Why an answers file could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::kb::list_problems(problems, "", "\n"))]
pub struct AnswersError {
    pub problems: Vec<Located>,
}

impl Answers {
    /// Parses an answers document and checks every id and value against `kb`.
    pub fn parse(text: &str, kb: &KnowledgeBase) -> Result<Self, AnswersError> {
        let answers: Answers = parse_json(text).map_err(|p| AnswersError { problems: vec![p] })?;
        let problems = answers.check(kb);
        if problems.is_empty() {
            Ok(answers)
        } else {
            Err(AnswersError {
                problems: Located::all(text, problems),
            })
        }
    }

    /// Checks ids and shapes against the knowledge base.
    pub fn check(&self, kb: &KnowledgeBase) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut add = |path: String, message: String| out.push(Problem { path, message });
        if self.regions.is_empty() {
            add("regions".into(), "choose at least one region".into());
        }
        let valid_regions = || {
            kb.regions()
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        for id in self.regions.keys() {
            if kb.region(id).is_none() {
                add(
                    format!("regions.{id}"),
                    format!("unknown region `{id}` (valid: {})", valid_regions()),
                );
            }
        }
        for (id, answer) in &self.answers {
            let Some(item) = kb.item(id) else {
                add(
                    format!("answers.{id}"),
                    format!("unknown screening item `{id}`"),
                );
                continue;
            };
            if let Answer::PerRegion(map) = answer {
                if item.section != Section::Area {
                    add(
                        format!("answers.{id}"),
                        format!(
                            "`{id}` takes one answer (\"yes\", \"no\" or \"not_sure\"), not one per region"
                        ),
                    );
                }
                for region in map.keys() {
                    if kb.region(region).is_none() {
                        add(
                            format!("answers.{id}.{region}"),
                            format!("unknown region `{region}` (valid: {})", valid_regions()),
                        );
                    }
                }
            }
        }
        for (id, lines) in &self.marked {
            let Some(item) = kb.item(id) else {
                add(
                    format!("marked.{id}"),
                    format!("unknown screening item `{id}`"),
                );
                continue;
            };
            for (i, line) in lines.iter().enumerate() {
                if *line >= item.lines.len() {
                    add(
                        format!("marked.{id}[{i}]"),
                        format!(
                            "`{id}` has {} checklist line{}, numbered from 0: there is no line {line}",
                            item.lines.len(),
                            if item.lines.len() == 1 { "" } else { "s" }
                        ),
                    );
                }
            }
            if !lines.is_empty() && !self.fires(id) {
                add(
                    format!("marked.{id}"),
                    format!(
                        "lines of `{id}` are marked, so its answer must be \"yes\" or \"not_sure\""
                    ),
                );
            }
        }
        for (i, tool) in self.preferences.tools.iter().enumerate() {
            if kb.tool(tool).is_none() {
                let valid = kb
                    .tools()
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                add(
                    format!("preferences.tools[{i}]"),
                    format!("unknown tool `{tool}` (valid: {valid})"),
                );
            }
        }
        out
    }

    /// The chosen regions, in body-map (knowledge-base) order; unknown ids are left out.
    pub fn chosen<'kb>(&self, kb: &'kb KnowledgeBase) -> Vec<&'kb str> {
        kb.regions()
            .iter()
            .filter(|r| self.regions.contains_key(&r.id))
            .map(|r| r.id.as_str())
            .collect()
    }

    /// The reply given to `item` for `region` (or its single reply), if one was given.
    pub fn reply(&self, item: &str, region: Option<&str>) -> Option<Reply> {
        match (self.answers.get(item)?, region) {
            (Answer::One(r), _) => Some(*r),
            (Answer::PerRegion(map), Some(region)) => map.get(region).copied(),
            (Answer::PerRegion(_), None) => None,
        }
    }

    /// Records a reply: for one region (keeping the other regions' replies), or for the item.
    pub fn set(&mut self, item: &str, region: Option<&str>, reply: Reply) {
        match region {
            Some(region) => {
                let entry = self
                    .answers
                    .entry(item.to_owned())
                    .or_insert_with(|| Answer::PerRegion(BTreeMap::new()));
                if let Answer::One(_) = entry {
                    *entry = Answer::PerRegion(BTreeMap::new());
                }
                if let Answer::PerRegion(map) = entry {
                    map.insert(region.to_owned(), reply);
                }
            }
            None => {
                self.answers.insert(item.to_owned(), Answer::One(reply));
            }
        }
    }

    /// Records which of an item's checklist lines were marked (none: forgets any earlier marks).
    pub fn mark(&mut self, item: &str, lines: Vec<usize>) {
        if lines.is_empty() {
            self.marked.remove(item);
        } else {
            self.marked.insert(item.to_owned(), lines);
        }
    }

    /// The checklist lines of `item` the person marked, in its order.
    pub fn marked_lines<'a>(&self, item: &'a ScreeningItem) -> Vec<&'a Line> {
        self.marked
            .get(&item.id)
            .into_iter()
            .flatten()
            .filter_map(|n| item.lines.get(*n))
            .collect()
    }

    /// Whether the item was answered yes or not sure (for any area).
    pub fn fires(&self, item: &str) -> bool {
        match self.answers.get(item) {
            Some(Answer::One(r)) => r.fires(),
            Some(Answer::PerRegion(map)) => map.values().any(|r| r.fires()),
            None => false,
        }
    }

    /// The answer used for unanswered items.
    pub fn default_reply(&self) -> Reply {
        self.default_answer.unwrap_or_default().reply()
    }
}
