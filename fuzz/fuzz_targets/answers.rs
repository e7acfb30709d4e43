//! Fuzzes the answers loader: any bytes through the strict JSON reader, the checks against the
//! built-in knowledge base and, when they pass, the engine. It must never panic.
#![no_main]

use std::sync::OnceLock;

use fascia::engine::{Answers, advise};
use fascia::kb::KnowledgeBase;
use libfuzzer_sys::fuzz_target;

static KB: OnceLock<KnowledgeBase> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let kb = KB.get_or_init(|| KnowledgeBase::embedded().expect("the built-in knowledge base"));
    if let Ok(text) = fascia::json::text(data)
        && let Ok(answers) = Answers::parse(text, kb)
    {
        let _ = advise(kb, &answers, "112");
    }
});
