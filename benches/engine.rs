//! Benchmarks (divan): knowledge-base load (trusted, as at start-up, and strict with every check,
//! as for `--kb PATH`) and advice for a realistic answer set, on the shipped knowledge base and on
//! a synthetic one 100 times its size. The app's frames and keys are in `screens.rs`.

use std::hint::black_box;
use std::sync::LazyLock;

use fascia::engine::{Answers, advise};
use fascia::kb::{EMBEDDED, KbData, KnowledgeBase};

fn main() {
    divan::main();
}

const ANSWERS: &str = r#"{
  "regions": {
    "calves": { "feel": "tight", "intensity": 5, "since": "weeks", "goal": "relief" },
    "hamstrings": { "feel": "sore_after_exercise", "intensity": 4, "goal": "recover" },
    "neck": { "feel": "knot", "intensity": 6 },
    "lower_back": { "feel": "aching_long_term", "intensity": 3 }
  },
  "answers": {
    "blood_thinners": "not_sure",
    "pregnancy": "yes",
    "open_wound": { "calves": "no", "hamstrings": "no", "neck": "no", "lower_back": "yes" }
  },
  "default_answer": "no",
  "preferences": { "tools": ["foam_roller_medium", "tennis_ball", "roller_stick"], "minutes": 15 }
}"#;

/// The shipped knowledge base with every region, technique, item, rule and source copied
/// `factor` times under new ids (copies of a region point at copies of its neighbours).
fn synthetic(factor: usize) -> String {
    let base: KbData = serde_json::from_str(EMBEDDED).expect("shipped kb");
    let mut kb = base.clone();
    for n in 1..factor {
        let id = |s: &str| format!("{s}_{n}");
        for r in &base.regions {
            let mut r = r.clone();
            r.id = id(&r.id);
            for rel in &mut r.related {
                rel.region = id(&rel.region);
            }
            kb.regions.push(r);
        }
        for t in &base.techniques {
            let mut t = t.clone();
            t.id = id(&t.id);
            t.regions = t.regions.iter().map(|r| id(r)).collect();
            kb.techniques.push(t);
        }
        for i in &base.screening {
            let mut i = i.clone();
            i.id = id(&i.id);
            i.only_if = i.only_if.iter().map(|g| id(g)).collect();
            // A line answers one item only: each copy's lines are its own.
            for l in &mut i.lines {
                l.text = format!("{} (copy {n})", l.text);
            }
            kb.screening.push(i);
        }
        for c in &base.combinations {
            let mut c = c.clone();
            c.id = id(&c.id);
            c.all = c.all.iter().map(|x| id(x)).collect();
            kb.combinations.push(c);
        }
        for s in &base.sources {
            let mut s = s.clone();
            s.id = id(&s.id);
            kb.sources.push(s);
        }
    }
    kb.screening.sort_by_key(|i| i.section);
    serde_json::to_string(&kb).expect("serialize")
}

static BIG: LazyLock<String> = LazyLock::new(|| synthetic(100));

/// Start-up's load of the built-in knowledge base: a plain `serde_json` parse and the lookup
/// tables, no validation (the shipped file is validated by `cargo test`).
#[divan::bench]
fn load_trusted_shipped() -> KnowledgeBase {
    black_box(KnowledgeBase::embedded()).expect("valid")
}

/// A file from outside (`--kb PATH`): strict parse (one document, no key twice) and every check.
#[divan::bench]
fn load_and_validate_shipped() -> KnowledgeBase {
    KnowledgeBase::from_text(black_box(EMBEDDED), "bench").expect("valid")
}

/// The strict parse alone (no validation, no tables), for the split.
#[divan::bench]
fn strict_parse_shipped() -> KbData {
    fascia::json::parse(black_box(EMBEDDED)).expect("valid")
}

#[divan::bench(sample_count = 10)]
fn load_and_validate_100x() -> KnowledgeBase {
    KnowledgeBase::from_text(black_box(&BIG), "bench").expect("valid")
}

#[divan::bench(sample_count = 10)]
fn strict_parse_100x() -> KbData {
    fascia::json::parse(black_box(&BIG)).expect("valid")
}

#[divan::bench]
fn advise_shipped(bencher: divan::Bencher) {
    let kb = KnowledgeBase::from_text(EMBEDDED, "bench").expect("valid");
    bencher.bench(|| {
        let answers = Answers::parse(black_box(ANSWERS), &kb).expect("answers");
        advise(&kb, &answers, "112")
    });
}

#[divan::bench(sample_count = 20)]
fn advise_100x(bencher: divan::Bencher) {
    let kb = KnowledgeBase::from_text(&BIG, "bench").expect("valid");
    bencher.bench(|| {
        let answers = Answers::parse(black_box(ANSWERS), &kb).expect("answers");
        advise(&kb, &answers, "112")
    });
}
