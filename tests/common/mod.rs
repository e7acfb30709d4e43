//! Helpers shared by the integration tests: the shipped KB, the invalid-KB fixture patches, and
//! a key-press driver for the app.
#![allow(dead_code)]

pub mod drive;
pub mod sizes;

use std::path::{Path, PathBuf};

use fascia::kb::{EMBEDDED, KnowledgeBase};
use serde_json::Value;

/// The real binary, with none of fascia's variables from the caller's environment.
pub fn fascia() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_fascia"));
    cmd.env_remove("FASCIA_KB")
        .env_remove("FASCIA_EMERGENCY_NUMBER")
        .env_remove("FASCIA_DATA_DIR")
        // Nothing is remembered between tests unless a test asks for it.
        .env("FASCIA_NO_REMEMBER", "1")
        .env("NO_COLOR", "1");
    cmd
}

pub fn kb() -> KnowledgeBase {
    KnowledgeBase::embedded().expect("the shipped knowledge base loads")
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// One invalid-KB fixture: the patched KB text and the problem it must produce.
pub struct Defect {
    pub name: String,
    pub text: String,
    pub path: String,
    pub message: String,
}

/// Resolves a JSON pointer whose segments may be `id=X` (the array element with that id).
fn resolve(doc: &Value, pointer: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = doc;
    for seg in pointer.trim_start_matches('/').split('/') {
        let seg = match (seg.strip_prefix("id="), cur) {
            (Some(id), Value::Array(items)) => items
                .iter()
                .position(|x| x["id"] == id)
                .unwrap_or_else(|| panic!("no element with id {id}"))
                .to_string(),
            _ => seg.to_owned(),
        };
        cur = match cur {
            Value::Array(items) => seg
                .parse::<usize>()
                .ok()
                .and_then(|i| items.get(i))
                .unwrap_or(&Value::Null),
            Value::Object(map) => map.get(&seg).unwrap_or(&Value::Null),
            _ => &Value::Null,
        };
        out.push(seg);
    }
    out
}

fn parent<'a>(doc: &'a mut Value, segs: &[String]) -> &'a mut Value {
    segs[..segs.len() - 1]
        .iter()
        .fold(doc, |cur, seg| match cur {
            Value::Array(items) => &mut items[seg.parse::<usize>().expect("index")],
            other => &mut other[seg.as_str()],
        })
}

/// Applies RFC 6902 add / remove / replace / copy operations (paths may use `id=X`).
pub fn apply(doc: &mut Value, ops: &[Value]) {
    for op in ops {
        let segs = resolve(doc, op["path"].as_str().expect("path"));
        let last = segs.last().expect("non-empty path").clone();
        let value = match op["op"].as_str().expect("op") {
            "copy" => {
                let from = resolve(doc, op["from"].as_str().expect("from"));
                Some(
                    from.iter()
                        .fold(&*doc, |cur, s| match cur {
                            Value::Array(items) => &items[s.parse::<usize>().expect("index")],
                            other => &other[s.as_str()],
                        })
                        .clone(),
                )
            }
            "remove" => None,
            _ => Some(op["value"].clone()),
        };
        let kind = op["op"].as_str().unwrap_or_default();
        match (parent(doc, &segs), value) {
            (Value::Array(items), v) => {
                let i = if last == "-" {
                    items.len()
                } else {
                    last.parse().expect("index")
                };
                match (kind, v) {
                    ("add", Some(v)) => items.insert(i, v),
                    (_, Some(v)) => items[i] = v,
                    (_, None) => {
                        items.remove(i);
                    }
                }
            }
            (Value::Object(map), Some(v)) => {
                map.insert(last, v);
            }
            (Value::Object(map), None) => {
                map.remove(&last);
            }
            _ => panic!("bad patch target {}", op["path"]),
        }
    }
}

/// Every `*.patch.json` fixture, applied to the shipped KB.
pub fn defects() -> Vec<Defect> {
    let dir = fixtures().join("invalid");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".patch.json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|file| {
            let fixture: Value =
                serde_json::from_str(&std::fs::read_to_string(&file).expect("read"))
                    .expect("fixture json");
            let mut doc: Value = serde_json::from_str(EMBEDDED).expect("shipped kb json");
            apply(&mut doc, fixture["patch"].as_array().expect("patch"));
            // `[id=X]` in the expected path names the element's index in the patched document.
            let mut path = fixture["expect"]["path"]
                .as_str()
                .expect("expect.path")
                .to_owned();
            while let Some(start) = path.find("[id=") {
                let end = start + path[start..].find(']').expect("]");
                let id = &path[start + 4..end];
                let array = path[..start].rsplit('.').next().expect("array name");
                let index = doc[array]
                    .as_array()
                    .expect("array")
                    .iter()
                    .position(|x| x["id"] == id)
                    .expect("id");
                path = format!("{}[{index}]{}", &path[..start], &path[end + 1..]);
            }
            Defect {
                name: file
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned(),
                text: serde_json::to_string_pretty(&doc).expect("serialize"),
                path,
                message: fixture["expect"]["message"]
                    .as_str()
                    .expect("expect.message")
                    .to_owned(),
            }
        })
        .collect()
}

/// What a person who knows their item-level answers (`reply`, for every item and area) answers
/// to one question of the interview: a gate or an item asked across areas gets the worst reply
/// of what it covers, "which areas?" the areas where the reply fires, remembered answers are
/// still true.
pub fn respond(
    kb: &KnowledgeBase,
    ask: &fascia::engine::Ask<'_>,
    reply: &dyn Fn(&str, Option<&str>) -> fascia::engine::Reply,
) -> fascia::engine::Response {
    use fascia::engine::{AgeBand, Ask, Reply, Response};
    let worst = |id: &str, regions: &[&str]| {
        if regions.is_empty() {
            reply(id, None)
        } else {
            regions
                .iter()
                .map(|r| reply(id, Some(r)))
                .max()
                .unwrap_or(Reply::No)
        }
    };
    match ask {
        Ask::Confirm(_) => Response::Confirmed(true),
        Ask::Age => Response::Age(
            match (reply("under_16", None), reply("age_50_plus", None)) {
                (Reply::NotSure, _) => AgeBand::NotSure,
                (Reply::Yes, _) => AgeBand::Under16,
                (_, Reply::NotSure) => AgeBand::Unsure50,
                (_, Reply::Yes) => AgeBand::From50,
                _ => AgeBand::From16To49,
            },
        ),
        Ask::Gate { items, regions, .. } => {
            // Pick which: the first line of each item whose reply fires is marked with it.
            let mut marks = std::collections::BTreeMap::new();
            let mut number = 0;
            for i in items {
                let scope = kb.expand(&i.asked_for);
                let rs: Vec<&str> = regions
                    .iter()
                    .copied()
                    .filter(|r| scope.contains(r))
                    .collect();
                let r = worst(&i.id, &rs);
                if r.fires() {
                    marks.insert(number, r);
                }
                number += i.lines.len();
            }
            if marks.is_empty() {
                Response::Reply(Reply::No)
            } else {
                Response::Lines(marks)
            }
        }
        Ask::Item { item, regions } => Response::Reply(worst(&item.id, regions)),
        Ask::WhichAreas { item, regions, .. } => Response::Areas(
            regions
                .iter()
                .filter(|r| reply(&item.id, Some(r)).fires())
                .map(|r| ((*r).to_owned(), reply(&item.id, Some(r))))
                .collect(),
        ),
    }
}

/// The lines a person would type in plain mode to choose `regions` and answer every question
/// of the interview with `reply` (item by item, as the interview asks them), keeping the
/// default details, tools and time, then quit. `remembered` are the answers a return check
/// confirms.
pub fn plain_script_with(
    kb: &KnowledgeBase,
    regions: &[&str],
    reply: &dyn Fn(&str, Option<&str>) -> fascia::engine::Reply,
    finish: bool,
    remembered: Vec<fascia::engine::Remembered>,
) -> String {
    use fascia::engine::{AgeBand, Answers, Ask, Reply, Response};
    let numbers: Vec<String> = regions
        .iter()
        .map(|r| {
            (kb.regions()
                .iter()
                .position(|x| x.id == *r)
                .expect("region")
                + 1)
            .to_string()
        })
        .collect();
    let mut lines = vec!["1".to_owned(), numbers.join(" ")];
    lines.extend(std::iter::repeat_n(String::new(), regions.len() * 4));
    let mut answers = Answers {
        regions: regions
            .iter()
            .map(|r| ((*r).to_owned(), fascia::engine::RegionDetails::default()))
            .collect(),
        ..Answers::default()
    };
    let mut walk = fascia::flow::Walk::new(remembered);
    while let Some(ask) = walk.next(kb, &answers) {
        let response = respond(kb, &ask, reply);
        let letter = |r: Reply| match r {
            Reply::Yes => "y",
            Reply::No => "n",
            Reply::NotSure => "?",
        };
        lines.push(match (&ask, &response) {
            (_, Response::Confirmed(still)) => if *still { "y" } else { "n" }.to_owned(),
            (_, Response::Age(band)) => {
                (AgeBand::ALL.iter().position(|b| b == band).expect("band") + 1).to_string()
            }
            (Ask::WhichAreas { regions, .. }, Response::Areas(picked)) => regions
                .iter()
                .enumerate()
                .filter(|(_, r)| picked.contains_key(**r))
                .map(|(i, _)| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(" "),
            (_, Response::Reply(r)) => letter(*r).to_owned(),
            (_, Response::Lines(marks)) => marks
                .iter()
                .map(|(n, r)| match r {
                    Reply::NotSure => format!("{}?", n + 1),
                    _ => (n + 1).to_string(),
                })
                .collect::<Vec<_>>()
                .join(" "),
            other => panic!("no line for {other:?}"),
        });
        let depth = walk.depth();
        if walk
            .answer(kb, &mut answers, (&ask, depth), &response, "112")
            .is_some()
        {
            // An emergency or urgent answer shows its result at once: enter finishes.
            lines.extend([String::new(), "3".into()]);
            return lines.join("\n") + "\n";
        }
    }
    lines.push(String::new()); // review: see the result
    if finish {
        lines.extend(std::iter::repeat_n(String::new(), 3)); // tools, minutes, technique
    }
    lines.push("3".into()); // quit from the menu
    lines.join("\n") + "\n"
}

/// A plain-mode check with every answer no, finished, then quit.
pub fn plain_script(
    kb: &KnowledgeBase,
    regions: &[&str],
    remembered: Vec<fascia::engine::Remembered>,
) -> String {
    plain_script_with(
        kb,
        regions,
        &|_, _| fascia::engine::Reply::No,
        true,
        remembered,
    )
}

/// A finished session saved `at` (id `id`), one step on the calves, rated `pain` and `ease`
/// (before, after).
pub fn calf_record(id: &str, at: &str, pain: (u8, u8), ease: (u8, u8)) -> fascia::history::Record {
    fascia::history::Record {
        v: 2,
        id: id.to_owned(),
        started: None,
        at: at.to_owned(),
        regions: vec!["calves".into()],
        routine: vec![fascia::history::StepDone {
            region: "calves".into(),
            technique: "nope".into(),
            tool: "hands".into(),
            seconds: 60,
            status: Some(fascia::history::StepStatus::Completed),
        }],
        ratings: vec![fascia::history::Rating {
            region: "calves".into(),
            before: fascia::history::Score {
                pain: pain.0,
                ease: ease.0,
            },
            after: Some(fascia::history::Score {
                pain: pain.1,
                ease: ease.1,
            }),
        }],
        completed: true,
        steps_done: 1,
        status: Some(fascia::history::SessionStatus::Completed),
    }
}
