//! `fascia kb stats --questions`: every question of the check as a person reads it, in the
//! order asked, whole (each checklist line with its item, tier and "answer no if"), for a
//! clinician to read through.

use std::io::Write;

use serde::Serialize;

use super::Failure;
use fascia::engine::AgeBand;
use fascia::kb::{KnowledgeBase, ScreeningItem};

/// One checklist, or one question asked alone, with when it is asked.
#[derive(Serialize)]
pub struct Asked {
    /// The checklist's id; empty for a question asked alone.
    pub checklist: String,
    pub section: String,
    pub heading: String,
    pub lines: Vec<Said>,
}

/// One line (or question) and the item it answers.
#[derive(Serialize)]
pub struct Said {
    pub item: String,
    pub tier: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer_no_if: Option<String>,
    /// Areas it is asked about (empty: everyone); items it hangs on (empty: always).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub only_if: Vec<String>,
}

fn said(item: &ScreeningItem, text: &str, no_if: Option<&String>) -> Said {
    Said {
        item: item.id.clone(),
        tier: item.tier.to_string(),
        text: text.to_owned(),
        answer_no_if: no_if.cloned(),
        areas: item.asked_for.clone(),
        only_if: item.only_if.clone(),
    }
}

/// Every checklist and question, in the order the knowledge base asks them.
pub fn list(kb: &KnowledgeBase) -> Vec<Asked> {
    let mut out: Vec<Asked> = Vec::new();
    for item in kb.items() {
        if fascia::engine::interview::AGE_ITEMS.contains(&item.id.as_str()) {
            if !out.iter().any(|a| a.heading == "How old are you?") {
                out.push(Asked {
                    checklist: String::new(),
                    section: item.section.to_string(),
                    heading: "How old are you?".to_owned(),
                    lines: AgeBand::ALL
                        .iter()
                        .map(|b| Said {
                            item: "under_16, age_50_plus".to_owned(),
                            tier: "refer, none".to_owned(),
                            text: b.words().to_owned(),
                            answer_no_if: None,
                            areas: Vec::new(),
                            only_if: Vec::new(),
                        })
                        .collect(),
                });
            }
            continue;
        }
        let Some(gate) = item.gate.as_deref().and_then(|g| kb.gate(g)) else {
            out.push(Asked {
                checklist: String::new(),
                section: item.section.to_string(),
                heading: item.question.clone(),
                lines: vec![said(item, &item.question, None)],
            });
            continue;
        };
        let lines = item
            .lines
            .iter()
            .map(|l| said(item, &l.text, l.no_if.as_ref()));
        match out.iter_mut().find(|a| a.checklist == gate.id) {
            Some(asked) => asked.lines.extend(lines),
            None => out.push(Asked {
                checklist: gate.id.clone(),
                section: gate.section.to_string(),
                heading: gate.question.clone(),
                lines: lines.collect(),
            }),
        }
    }
    out
}

/// Prints the list as text: a block per checklist, every line whole.
pub fn print(kb: &KnowledgeBase, out: &mut dyn Write) -> Result<(), Failure> {
    for asked in list(kb) {
        writeln!(out)?;
        if asked.checklist.is_empty() {
            writeln!(out, "Asked alone ({}): {}", asked.section, asked.heading)?;
        } else {
            writeln!(
                out,
                "Checklist {} ({}): {}",
                asked.checklist, asked.section, asked.heading
            )?;
        }
        for (n, l) in asked.lines.iter().enumerate() {
            let mut when = Vec::new();
            if !l.areas.is_empty() {
                when.push(format!("areas {}", l.areas.join(", ")));
            }
            if !l.only_if.is_empty() {
                when.push(format!("after {}", l.only_if.join(" or ")));
            }
            let when = if when.is_empty() {
                String::new()
            } else {
                format!("; {}", when.join("; "))
            };
            writeln!(out, "  {:>2}. {}", n + 1, l.text)?;
            writeln!(out, "      [{} {}{when}]", l.tier, l.item)?;
            if let Some(no) = &l.answer_no_if {
                writeln!(out, "      Answer no if {no}")?;
            }
        }
    }
    Ok(())
}
