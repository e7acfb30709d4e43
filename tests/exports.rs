//! The exports a clinician's system or a spreadsheet reads: FHIR R4 (the ratings as Observations
//! in a Bundle, the answers as a `QuestionnaireResponse`), CSV, and the Markdown hand-off.
//!
//! The FHIR shapes are checked by hand against the R4 (4.0.1) resource definitions, not with a
//! FHIR library: the Rust crates that carry the R4 models (fhirbolt, fhir-r4) turn on
//! `serde_json`'s `arbitrary_precision` for the whole test build, which would change how the app's
//! own JSON is read in every other test. [`check`] holds what the definitions require of the
//! elements used: each object's allowed element names, required elements and their cardinality,
//! the code lists bound as required (statuses, bundle type), the invariants that apply (qrs-1,
//! obs-6, qty-3, bdl-1), the primitive formats (id, code, uri, dateTime), and FHIR JSON's rule
//! that no value is null or empty.

mod common;

use std::collections::BTreeSet;

use fascia::engine::{Answers, Outcome, advise};
use fascia::history::{Rating, Record, Score, SessionStatus, StepDone, StepStatus};
use serde_json::Value;

/// The elements R4 defines for each structure used here (only those; anything else is an error).
#[allow(clippy::too_many_lines)] // a table of element names
fn allowed(kind: &str) -> &'static [&'static str] {
    match kind {
        "Bundle" => &[
            "resourceType",
            "id",
            "meta",
            "implicitRules",
            "language",
            "identifier",
            "type",
            "timestamp",
            "total",
            "link",
            "entry",
            "signature",
        ],
        "Bundle.entry" => &[
            "link", "fullUrl", "resource", "search", "request", "response",
        ],
        "Observation" => &[
            "resourceType",
            "id",
            "meta",
            "implicitRules",
            "language",
            "text",
            "contained",
            "extension",
            "modifierExtension",
            "identifier",
            "basedOn",
            "partOf",
            "status",
            "category",
            "code",
            "subject",
            "focus",
            "encounter",
            "effectiveDateTime",
            "effectivePeriod",
            "effectiveTiming",
            "effectiveInstant",
            "issued",
            "performer",
            "valueQuantity",
            "valueCodeableConcept",
            "valueString",
            "valueBoolean",
            "valueInteger",
            "valueRange",
            "valueRatio",
            "valueSampledData",
            "valueTime",
            "valueDateTime",
            "valuePeriod",
            "dataAbsentReason",
            "interpretation",
            "note",
            "bodySite",
            "method",
            "specimen",
            "device",
            "referenceRange",
            "hasMember",
            "derivedFrom",
            "component",
        ],
        "QuestionnaireResponse" => &[
            "resourceType",
            "id",
            "meta",
            "implicitRules",
            "language",
            "text",
            "contained",
            "extension",
            "modifierExtension",
            "identifier",
            "basedOn",
            "partOf",
            "questionnaire",
            "status",
            "subject",
            "encounter",
            "authored",
            "author",
            "source",
            "item",
        ],
        "QuestionnaireResponse.item" => &["linkId", "definition", "text", "answer", "item"],
        "QuestionnaireResponse.item.answer" => &[
            "valueBoolean",
            "valueDecimal",
            "valueInteger",
            "valueDate",
            "valueDateTime",
            "valueTime",
            "valueString",
            "valueUri",
            "valueAttachment",
            "valueCoding",
            "valueQuantity",
            "valueReference",
            "item",
        ],
        "CodeableConcept" => &["id", "extension", "coding", "text"],
        "Coding" => &[
            "id",
            "extension",
            "system",
            "version",
            "code",
            "display",
            "userSelected",
        ],
        "Quantity" => &[
            "id",
            "extension",
            "value",
            "comparator",
            "unit",
            "system",
            "code",
        ],
        "Annotation" => &[
            "id",
            "extension",
            "authorReference",
            "authorString",
            "time",
            "text",
        ],
        other => panic!("no definition for {other}"),
    }
}

/// Problems found, each with its path.
struct Check(Vec<String>);

impl Check {
    fn fail(&mut self, path: &str, what: &str) {
        self.0.push(format!("{path}: {what}"));
    }

    /// The element names are those R4 defines, and no value is null or empty.
    fn object<'a>(
        &mut self,
        v: &'a Value,
        kind: &str,
        path: &str,
    ) -> Option<&'a serde_json::Map<String, Value>> {
        let Some(map) = v.as_object() else {
            self.fail(path, "not an object");
            return None;
        };
        for (k, val) in map {
            if !allowed(kind).contains(&k.as_str()) {
                self.fail(path, &format!("{k} is not an element of {kind}"));
            }
            let empty = match val {
                Value::Null => true,
                Value::String(s) => s.trim().is_empty(),
                Value::Array(a) => a.is_empty(),
                Value::Object(o) => o.is_empty(),
                _ => false,
            };
            if empty {
                self.fail(
                    &format!("{path}.{k}"),
                    "null or empty (FHIR JSON allows neither)",
                );
            }
        }
        Some(map)
    }

    fn required<'a>(
        &mut self,
        map: &'a serde_json::Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Option<&'a Value> {
        let v = map.get(key);
        if v.is_none() {
            self.fail(path, &format!("{key} is required (1..1)"));
        }
        v
    }

    fn code_in(&mut self, v: Option<&Value>, codes: &[&str], path: &str) {
        if let Some(v) = v
            && !v.as_str().is_some_and(|s| codes.contains(&s))
        {
            self.fail(path, &format!("{v} is not one of {codes:?}"));
        }
    }

    fn coding(&mut self, v: &Value, path: &str) {
        let Some(m) = self.object(v, "Coding", path) else {
            return;
        };
        let system = m.get("system").and_then(Value::as_str);
        if !system.is_some_and(|s| s.starts_with("http://") || s.starts_with("urn:")) {
            self.fail(path, "system is not an absolute URI");
        }
        let code = m.get("code").and_then(Value::as_str).unwrap_or("");
        if code.is_empty() || code.trim() != code || code.contains("  ") {
            self.fail(path, "code is not a FHIR code");
        }
    }

    fn concept(&mut self, v: &Value, path: &str) {
        let Some(m) = self.object(v, "CodeableConcept", path) else {
            return;
        };
        if m.get("coding").is_none() && m.get("text").is_none() {
            self.fail(path, "neither coding nor text");
        }
        for (i, c) in m
            .get("coding")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            self.coding(c, &format!("{path}.coding[{i}]"));
        }
    }

    fn date_time(&mut self, v: Option<&Value>, path: &str) {
        let Some(s) = v.and_then(Value::as_str) else {
            self.fail(path, "not a string");
            return;
        };
        // An R4 dateTime: a date, or a time to the second with a zone.
        let ok = s.parse::<jiff::civil::Date>().is_ok() && s.len() == 10
            || (s.len() >= 20 && s.as_bytes()[10] == b'T' && s.parse::<jiff::Timestamp>().is_ok());
        if !ok {
            self.fail(path, &format!("{s} is not a FHIR dateTime"));
        }
    }

    fn observation(&mut self, v: &Value, path: &str) {
        let Some(m) = self.object(v, "Observation", path) else {
            return;
        };
        let id = m.get("id").and_then(Value::as_str).unwrap_or("");
        if id.is_empty()
            || id.len() > 64
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        {
            self.fail(path, &format!("id {id:?} is not a FHIR id"));
        }
        let status = self.required(m, "status", path);
        self.code_in(
            status,
            &[
                "registered",
                "preliminary",
                "final",
                "amended",
                "corrected",
                "cancelled",
                "entered-in-error",
                "unknown",
            ],
            path,
        );
        if let Some(code) = self.required(m, "code", path) {
            self.concept(code, &format!("{path}.code"));
        }
        for (i, c) in m
            .get("category")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            self.concept(c, &format!("{path}.category[{i}]"));
        }
        if let Some(b) = m.get("bodySite") {
            self.concept(b, &format!("{path}.bodySite"));
        }
        if m.contains_key("effectiveDateTime") {
            self.date_time(
                m.get("effectiveDateTime"),
                &format!("{path}.effectiveDateTime"),
            );
        }
        let values: Vec<&String> = m.keys().filter(|k| k.starts_with("value")).collect();
        if values.len() > 1 {
            self.fail(path, "more than one value[x]");
        }
        if !values.is_empty() && m.contains_key("dataAbsentReason") {
            self.fail(path, "obs-6: dataAbsentReason with a value");
        }
        if let Some(q) = m.get("valueQuantity")
            && let Some(q) = self.object(q, "Quantity", &format!("{path}.valueQuantity"))
        {
            if !q.get("value").is_some_and(Value::is_number) {
                self.fail(path, "valueQuantity.value is not a number");
            }
            if q.contains_key("code") && !q.contains_key("system") {
                self.fail(path, "qty-3: a unit code without its system");
            }
        }
        for (i, n) in m
            .get("note")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            if let Some(a) = self.object(n, "Annotation", &format!("{path}.note[{i}]")) {
                self.required(a, "text", &format!("{path}.note[{i}]"));
            }
        }
    }

    fn bundle(&mut self, v: &Value) {
        let Some(m) = self.object(v, "Bundle", "Bundle") else {
            return;
        };
        self.code_in(m.get("resourceType"), &["Bundle"], "Bundle.resourceType");
        let kind = self.required(m, "type", "Bundle");
        self.code_in(
            kind,
            &[
                "document",
                "message",
                "transaction",
                "transaction-response",
                "batch",
                "batch-response",
                "history",
                "searchset",
                "collection",
            ],
            "Bundle.type",
        );
        if m.contains_key("total")
            && !matches!(kind.and_then(Value::as_str), Some("searchset" | "history"))
        {
            self.fail("Bundle", "bdl-1: total only in a search or history");
        }
        for (i, e) in m
            .get("entry")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let path = format!("Bundle.entry[{i}]");
            if let Some(e) = self.object(e, "Bundle.entry", &path)
                && let Some(r) = e.get("resource")
            {
                self.observation(r, &format!("{path}.resource"));
            }
        }
    }

    fn item(&mut self, v: &Value, path: &str, link_ids: &mut BTreeSet<String>) {
        let Some(m) = self.object(v, "QuestionnaireResponse.item", path) else {
            return;
        };
        match self.required(m, "linkId", path).and_then(Value::as_str) {
            Some(id) if !link_ids.insert(id.to_owned()) => {
                self.fail(path, &format!("linkId {id} twice"));
            }
            Some(_) => {}
            None => self.fail(path, "linkId is not a string"),
        }
        if m.contains_key("answer") && m.contains_key("item") {
            self.fail(path, "qrs-1: nested items beneath both item and answer");
        }
        for (i, a) in m
            .get("answer")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let apath = format!("{path}.answer[{i}]");
            let Some(a) = self.object(a, "QuestionnaireResponse.item.answer", &apath) else {
                continue;
            };
            let values: Vec<&String> = a.keys().filter(|k| k.starts_with("value")).collect();
            if values.len() != 1 {
                self.fail(&apath, "value[x] must be given once (1..1)");
            }
            if let Some(c) = a.get("valueCoding") {
                self.coding(c, &format!("{apath}.valueCoding"));
            }
        }
        for (i, child) in m
            .get("item")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            self.item(child, &format!("{path}.item[{i}]"), link_ids);
        }
    }

    fn questionnaire_response(&mut self, v: &Value) {
        let path = "QuestionnaireResponse";
        let Some(m) = self.object(v, path, path) else {
            return;
        };
        self.code_in(m.get("resourceType"), &[path], path);
        let status = self.required(m, "status", path);
        self.code_in(
            status,
            &[
                "in-progress",
                "completed",
                "amended",
                "entered-in-error",
                "stopped",
            ],
            path,
        );
        if m.contains_key("authored") {
            self.date_time(m.get("authored"), "QuestionnaireResponse.authored");
        }
        let mut ids = BTreeSet::new();
        for (i, item) in m
            .get("item")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            self.item(item, &format!("{path}.item[{i}]"), &mut ids);
        }
    }
}

fn check(f: impl FnOnce(&mut Check)) {
    let mut c = Check(Vec::new());
    f(&mut c);
    assert!(c.0.is_empty(), "not valid R4:\n{}", c.0.join("\n"));
}

fn record(id: &str, at: &str, ratings: Vec<Rating>) -> Record {
    Record {
        v: fascia::history::VERSION,
        id: id.into(),
        started: Some("2026-11-20T08:50:00Z".into()),
        at: at.into(),
        regions: ratings.iter().map(|r| r.region.clone()).collect(),
        routine: vec![StepDone {
            region: "calves".into(),
            technique: "calves_hand_glide_seated".into(),
            tool: "hands".into(),
            seconds: 120,
            status: Some(StepStatus::Completed),
        }],
        ratings,
        completed: true,
        steps_done: 1,
        status: Some(SessionStatus::Completed),
    }
}

fn rating(region: &str, before: (u8, u8), after: Option<(u8, u8)>) -> Rating {
    Rating {
        region: region.into(),
        before: Score {
            pain: before.0,
            ease: before.1,
        },
        after: after.map(|(pain, ease)| Score { pain, ease }),
    }
}

#[test]
fn the_ratings_are_r4_observations_with_the_pain_score_code() {
    let kb = common::kb();
    let records = vec![
        record(
            "abc123",
            "2026-11-20T09:00:00Z",
            vec![
                rating("calves", (6, 4), Some((3, 7))),
                rating("lower_back", (5, 5), None),
            ],
        ),
        record("old", "2026-11-19T09:00:00Z", vec![]),
    ];
    let bundle = serde_json::to_value(fascia::fhir::observations(&kb, &records)).expect("json");
    check(|c| c.bundle(&bundle));
    assert_eq!(bundle["type"], "collection");
    let obs: Vec<&Value> = bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| &e["resource"])
        .collect();
    // Calves: pain and moves freely, before and after; lower back: before only.
    assert_eq!(obs.len(), 6);
    let pain: Vec<&&Value> = obs
        .iter()
        .filter(|o| o["code"]["coding"][0]["code"] == "72514-3")
        .collect();
    assert_eq!(pain.len(), 3);
    for o in &pain {
        assert_eq!(o["code"]["coding"][0]["system"], "http://loinc.org");
        assert_eq!(
            o["code"]["coding"][0]["display"],
            "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
        );
    }
    let calves_pain: Vec<&&Value> = pain
        .iter()
        .filter(|o| o["bodySite"]["text"] == "Calves")
        .copied()
        .collect();
    let [before, after] = calves_pain.as_slice() else {
        panic!("two calves pain ratings")
    };
    assert_eq!(before["valueQuantity"]["value"], 6);
    assert_eq!(after["valueQuantity"]["value"], 3);
    assert_eq!(
        before["effectiveDateTime"], "2026-11-20T08:50:00Z",
        "before: when it began"
    );
    assert_eq!(
        after["effectiveDateTime"], "2026-11-20T09:00:00Z",
        "after: when it ended"
    );
    assert!(
        before["code"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("before"))
    );
    assert!(
        after["code"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("after"))
    );
    assert_ne!(before["id"], after["id"]);
    assert!(
        obs.iter().any(|o| o["bodySite"]["text"] == "Lower back"),
        "plain area names"
    );
    let ids: BTreeSet<&str> = obs.iter().filter_map(|o| o["id"].as_str()).collect();
    assert_eq!(ids.len(), obs.len(), "every id different");
    // No ratings, no observations; and an empty history is a valid empty collection.
    let empty = serde_json::to_value(fascia::fhir::observations(&kb, &[])).expect("json");
    check(|c| c.bundle(&empty));
}

fn answers(text: &str) -> Answers {
    Answers::parse(text, &common::kb()).expect("answers")
}

#[test]
fn the_answers_are_an_r4_questionnaire_response() {
    let kb = common::kb();
    let a = answers(
        r#"{"regions": {"calves": {"feel": "tight", "intensity": 4}, "neck": {}},
            "answers": {"blood_thinners": "not_sure", "open_wound": {"calves": "yes", "neck": "no"}},
            "default_answer": "no"}"#,
    );
    let qr = serde_json::to_value(fascia::fhir::questionnaire_response(
        &kb,
        &a,
        false,
        Some("2026-11-27".into()),
    ))
    .expect("json");
    check(|c| c.questionnaire_response(&qr));
    assert_eq!(qr["status"], "completed");
    assert_eq!(qr["authored"], "2026-11-27");
    let items = qr["item"].as_array().expect("items");
    let find = |id: &str| {
        items
            .iter()
            .find(|i| i["linkId"] == id)
            .unwrap_or_else(|| panic!("no item {id}"))
    };
    let thinners = find("blood_thinners");
    // Its text is what the person read: the item's line.
    let line = kb.item("blood_thinners").expect("item").asks().join("; ");
    assert_eq!(thinners["text"], line.as_str());
    assert_eq!(
        thinners["answer"][0]["valueCoding"]["code"], "LA12688-0",
        "not sure is never no"
    );
    assert_eq!(
        thinners["answer"][0]["valueCoding"]["display"],
        "Don't know"
    );
    let wound = find("open_wound");
    assert!(
        wound.get("answer").is_none(),
        "a question per area holds its answers in nested items"
    );
    let per_area: Vec<(&str, &str)> = wound["item"]
        .as_array()
        .expect("nested")
        .iter()
        .map(|i| {
            (
                i["text"].as_str().unwrap_or(""),
                i["answer"][0]["valueCoding"]["code"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        per_area.contains(&("Calves", "LA33-6"))
            && per_area.contains(&("Back of the neck", "LA32-8")),
        "{per_area:?}"
    );
    let areas = find("areas");
    assert_eq!(areas["item"][0]["text"], "Calves");
    // A question the file does not answer is listed without an answer (never as a no).
    let unanswered: Vec<&Value> = items
        .iter()
        .filter(|i| i.get("answer").is_none() && i.get("item").is_none())
        .collect();
    assert!(!unanswered.is_empty());
}

#[test]
fn every_fixture_gives_a_valid_questionnaire_response() {
    let kb = common::kb();
    for name in ["calves_routine.json", "emergency.json"] {
        let text = std::fs::read_to_string(common::fixtures().join("answers").join(name))
            .expect("fixture");
        let a = answers(&text);
        let advice = advise(&kb, &a, "112");
        let qr = serde_json::to_value(fascia::fhir::questionnaire_response(
            &kb,
            &a,
            advice.screening.stopped_early,
            None,
        ))
        .expect("json");
        check(|c| c.questionnaire_response(&qr));
    }
}

#[test]
fn csv_has_a_header_and_one_row_per_area_per_session() {
    let kb = common::kb();
    let records = vec![
        record(
            "new",
            "2026-11-21T09:00:00Z",
            vec![
                rating("calves", (6, 4), Some((3, 7))),
                rating("neck", (2, 5), Some((2, 5))),
            ],
        ),
        record(
            "old",
            "2026-11-20T09:00:00Z",
            vec![rating("calves", (4, 4), None)],
        ),
    ];
    let csv = fascia::csv::history(&kb, &records);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert_eq!(lines[0], fascia::csv::HEADER.join(","));
    assert!(lines[1].starts_with("new,2026-11-21T09:00:00Z,completed,1,0,1,Calves,6,3,a meaningful improvement,4,7,a meaningful improvement,"), "{}", lines[1]);
    assert!(
        lines[2].contains(",Back of the neck,2,2,no change,5,5,no change,"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].contains(",Calves,4,,,4,,,"),
        "not rated after: empty, {}",
        lines[3]
    );
    assert!(!csv.chars().any(|c| c.is_control() && c != '\n'));
    let columns = fascia::csv::HEADER.len();
    for l in &lines {
        assert_eq!(l.split(',').count(), columns, "{l}");
    }
}

#[test]
fn the_hand_off_leads_with_a_dated_card_and_folds_the_no_answers() {
    let kb = common::kb();
    let text = std::fs::read_to_string(common::fixtures().join("answers/calves_routine.json"))
        .expect("fixture");
    let a = answers(&text);
    let advice = advise(&kb, &a, "112");
    let date = jiff::civil::date(2026, 11, 27);
    let md = fascia::report::markdown_on(&kb, &a, &advice, date);
    assert!(
        md.starts_with("# fascia: Self-massage routine, 27 November 2026\n"),
        "{md}"
    );
    assert!(md.contains("Date: 2026-11-27"));
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("no {s:?} in\n{md}"));
    let card = at("## Routine card");
    assert!(card < at("## Outcome"), "the card first");
    assert!(at("## Outcome") < at("## Answers"));
    assert!(at(fascia::report::TEST_BEFORE) < at("| 1 |"));
    assert!(at("**What to keep off**") < at("## Outcome"));
    assert!(at("**When to stop**") < at("## Outcome"));
    assert!(
        at("Answered yes or not sure") < at("<details>"),
        "no answers folded at the end"
    );
    let details = &md[at("<details>")..at("</details>")];
    assert!(details.contains("| no"));
    assert!(!details.contains("| yes") && !details.contains("| not sure"));
    let before = &md[..at("<details>")];
    assert!(
        !before.contains("| no |"),
        "no answers only in the folded list"
    );
    // Plain words: no screening item id, no outcome id.
    for item in kb.items().iter().filter(|i| i.id.contains('_')) {
        assert!(!md.contains(&item.id), "raw id {}", item.id);
    }
    assert!(!md.contains("(routine)"));
}

#[test]
fn a_referral_hand_off_is_named_and_titled_as_one() {
    let kb = common::kb();
    let text = std::fs::read_to_string(common::fixtures().join("answers/emergency.json"))
        .expect("fixture");
    let a = answers(&text);
    let advice = advise(&kb, &a, "112");
    let date = jiff::civil::date(2026, 11, 27);
    assert!(advice.screening.is_referral());
    let md = fascia::report::markdown_on(&kb, &a, &advice, date);
    assert!(
        md.starts_with("# fascia: Referral summary, 27 November 2026\n"),
        "{md}"
    );
    assert!(!md.contains("## Routine card"));
    let name = fascia::report::hand_off_file_name;
    assert_eq!(name(Outcome::Routine, date), "fascia-routine-2026-11-27.md");
    for o in [Outcome::Emergency, Outcome::Urgent, Outcome::Refer] {
        assert_eq!(name(o, date), "fascia-referral-summary-2026-11-27.md");
    }
    assert_eq!(
        name(Outcome::NothingSafe, date),
        "fascia-screening-summary-2026-11-27.md"
    );
    assert_eq!(
        fascia::report::hand_off_stem(Outcome::Routine, date),
        "fascia-routine-2026-11-27"
    );
}
