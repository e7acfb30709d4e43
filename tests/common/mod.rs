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
