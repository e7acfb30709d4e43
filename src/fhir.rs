//! FHIR R4 for clinicians' systems: the session ratings as Observations in a Bundle, and the
//! screening answers as a `QuestionnaireResponse`. Plain serde types that write only the elements
//! used, in the order of the R4 resource definitions (resourceType first); no FHIR library.

use serde::Serialize;

use crate::engine::{Answers, Reply, feel_words, goal_words, questionnaire};
use crate::history::Record;
use crate::kb::KnowledgeBase;
use crate::report::{region_name, since_words};

/// LOINC's code for a 0-10 pain score: "Pain severity - 0-10 verbal numeric rating [Score] -
/// Reported".
pub const PAIN_SCORE_LOINC: &str = "72514-3";
const PAIN_SCORE_DISPLAY: &str = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
const LOINC: &str = "http://loinc.org";
const UCUM: &str = "http://unitsofmeasure.org";
const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";

#[derive(Debug, Clone, Serialize)]
pub struct Coding {
    pub system: &'static str,
    pub code: &'static str,
    pub display: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct CodeableConcept {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quantity {
    pub value: u8,
    pub unit: &'static str,
    pub system: &'static str,
    pub code: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Annotation {
    pub text: String,
}

/// An R4 Observation: one rating of one area, before or after a session.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    pub resource_type: &'static str,
    pub id: String,
    pub status: &'static str,
    pub category: Vec<CodeableConcept>,
    pub code: CodeableConcept,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_date_time: Option<String>,
    pub value_quantity: Quantity,
    pub note: Vec<Annotation>,
    pub body_site: CodeableConcept,
}

/// A Bundle entry. No `fullUrl`: it is optional in a collection, and R4 allows only an absolute
/// URL or a `urn:uuid:` / `urn:oid:` there, which these local ratings do not have.
#[derive(Debug, Clone, Serialize)]
pub struct BundleEntry {
    pub resource: Observation,
}

/// An R4 Bundle of type `collection`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    pub resource_type: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entry: Vec<BundleEntry>,
}

/// A FHIR id: letters, digits, `-` and `.` only, at most 64 characters.
fn fhir_id(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .take(64)
        .collect()
}

/// An RFC 3339 time as a FHIR dateTime (to the second, in UTC), or `None` if it is not a time.
fn date_time(at: &str) -> Option<String> {
    let t = at.parse::<jiff::Timestamp>().ok()?;
    Some(t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// Every rating of every record as Observations: pain (coded with LOINC 72514-3) and how freely
/// the area moves (text only: there is no standard code), before and after, each with the area
/// as its body site. The ratings before are timed at the session's start (its end when the
/// record does not say), those after at its end.
pub fn observations(kb: &KnowledgeBase, records: &[Record]) -> Bundle {
    let mut entry = Vec::new();
    for r in records {
        let key = r.key();
        let end = date_time(&r.at);
        let start = r
            .started
            .as_deref()
            .and_then(date_time)
            .or_else(|| end.clone());
        for rating in &r.ratings {
            let area = region_name(kb, &rating.region);
            let mut add = |when: &str, time: &Option<String>, pain: bool, value: u8| {
                let what = if pain { "pain" } else { "moves-freely" };
                let id = fhir_id(&format!("{key}-{}-{what}-{when}", rating.region));
                let (coding, text) = if pain {
                    (
                        vec![Coding {
                            system: LOINC,
                            code: PAIN_SCORE_LOINC,
                            display: PAIN_SCORE_DISPLAY,
                        }],
                        format!("Pain or tightness {when} self-massage, 0 (none) to 10 (worst)"),
                    )
                } else {
                    (
                        Vec::new(),
                        format!(
                            "How freely the area moves {when} self-massage, 0 (hardly) to 10 (freely)"
                        ),
                    )
                };
                entry.push(BundleEntry {
                    resource: Observation {
                        resource_type: "Observation",
                        id,
                        status: "final",
                        category: vec![CodeableConcept {
                            coding: vec![Coding {
                                system: OBSERVATION_CATEGORY,
                                code: "survey",
                                display: "Survey",
                            }],
                            text: "Survey".to_owned(),
                        }],
                        code: CodeableConcept { coding, text },
                        effective_date_time: time.clone(),
                        value_quantity: Quantity {
                            value: value.min(10),
                            unit: "{score}",
                            system: UCUM,
                            code: "{score}",
                        },
                        note: vec![Annotation {
                            text: format!(
                                "Rated by the person {when} a self-massage session (fascia session {key}, {})",
                                r.status().words()
                            ),
                        }],
                        body_site: CodeableConcept {
                            coding: Vec::new(),
                            text: area.to_owned(),
                        },
                    },
                });
            };
            add("before", &start, true, rating.before.pain);
            add("before", &start, false, rating.before.ease);
            if let Some(after) = rating.after {
                add("after", &end, true, after.pain);
                add("after", &end, false, after.ease);
            }
        }
    }
    Bundle {
        resource_type: "Bundle",
        kind: "collection",
        entry,
    }
}

/// One answer of a `QuestionnaireResponse` item.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemAnswer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_coding: Option<Coding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_string: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_integer: Option<u8>,
}

/// A `QuestionnaireResponse` item: an answered question, or a group of them.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub link_id: String,
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answer: Vec<ItemAnswer>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<Item>,
}

/// An R4 `QuestionnaireResponse`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireResponse {
    pub resource_type: &'static str,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authored: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<Item>,
}

/// A reply as a LOINC answer code: yes LA33-6, no LA32-8, not sure LA12688-0 ("Don't know").
/// Not sure is never written as no.
pub fn reply_coding(reply: Reply) -> Coding {
    let (code, display) = match reply {
        Reply::Yes => ("LA33-6", "Yes"),
        Reply::No => ("LA32-8", "No"),
        Reply::NotSure => ("LA12688-0", "Don't know"),
    };
    Coding {
        system: LOINC,
        code,
        display,
    }
}

fn coded(reply: Reply) -> Vec<ItemAnswer> {
    vec![ItemAnswer {
        value_coding: Some(reply_coding(reply)),
        value_string: None,
        value_integer: None,
    }]
}

fn text_answer(s: &str) -> Vec<ItemAnswer> {
    vec![ItemAnswer {
        value_coding: None,
        value_string: Some(s.to_owned()),
        value_integer: None,
    }]
}

/// The answers as a `QuestionnaireResponse`: a group of the areas chosen (how each feels, how
/// strongly, since when, the goal), then one item per question asked, its linkId the screening
/// item's id and its text the question, answered yes, no or not sure; a question asked about
/// each area holds one nested item per area (linkId `item.area`). A question the answers do not
/// answer is listed without an answer (it was counted as the default answer), or left out when
/// `reached_only` (an interactive check that stopped early). `authored` is the date (or time).
pub fn questionnaire_response(
    kb: &KnowledgeBase,
    answers: &Answers,
    reached_only: bool,
    authored: Option<String>,
) -> QuestionnaireResponse {
    let mut items = Vec::new();
    let areas: Vec<Item> = answers
        .regions
        .iter()
        .map(|(id, d)| {
            let link = |what: &str| format!("areas.{id}.{what}");
            Item {
                link_id: format!("areas.{id}"),
                text: region_name(kb, id).to_owned(),
                answer: Vec::new(),
                item: vec![
                    Item {
                        link_id: link("feel"),
                        text: "How it feels".to_owned(),
                        answer: text_answer(feel_words(d.feel)),
                        item: Vec::new(),
                    },
                    Item {
                        link_id: link("intensity"),
                        text: "How strong, 0 to 10".to_owned(),
                        answer: vec![ItemAnswer {
                            value_coding: None,
                            value_string: None,
                            value_integer: Some(d.intensity),
                        }],
                        item: Vec::new(),
                    },
                    Item {
                        link_id: link("since"),
                        text: "How long it has felt this way".to_owned(),
                        answer: text_answer(since_words(d.since)),
                        item: Vec::new(),
                    },
                    Item {
                        link_id: link("goal"),
                        text: "The goal".to_owned(),
                        answer: text_answer(goal_words(d.goal)),
                        item: Vec::new(),
                    },
                ],
            }
        })
        .collect();
    if !areas.is_empty() {
        items.push(Item {
            link_id: "areas".to_owned(),
            text: "Areas chosen".to_owned(),
            answer: Vec::new(),
            item: areas,
        });
    }
    for q in questionnaire(kb, answers) {
        let id = &q.item.id;
        if q.regions.is_empty() {
            let reply = answers.reply(id, None);
            if reply.is_none() && reached_only {
                continue;
            }
            items.push(Item {
                link_id: id.clone(),
                text: crate::words::item_text(answers, q.item),
                answer: reply.map(coded).unwrap_or_default(),
                item: Vec::new(),
            });
            continue;
        }
        let nested: Vec<Item> = q
            .regions
            .iter()
            .filter_map(|r| {
                let reply = answers.reply(id, Some(r));
                (reply.is_some() || !reached_only).then(|| Item {
                    link_id: format!("{id}.{r}"),
                    text: region_name(kb, r).to_owned(),
                    answer: reply.map(coded).unwrap_or_default(),
                    item: Vec::new(),
                })
            })
            .collect();
        if nested.is_empty() {
            continue;
        }
        items.push(Item {
            link_id: id.clone(),
            text: crate::words::item_text(answers, q.item),
            answer: Vec::new(),
            item: nested,
        });
    }
    QuestionnaireResponse {
        resource_type: "QuestionnaireResponse",
        status: "completed",
        authored,
        item: items,
    }
}
