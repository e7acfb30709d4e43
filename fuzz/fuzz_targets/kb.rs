//! Fuzzes the knowledge-base loader: any bytes through the strict JSON reader, parsing,
//! validation and error location. It must never panic.
#![no_main]

use fascia::kb::KnowledgeBase;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = fascia::json::text(data) {
        let _ = KnowledgeBase::from_text(text, "fuzz.json");
    }
});
