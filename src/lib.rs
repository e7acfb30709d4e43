//! fascia: safe self-myofascial release routines. The library holds the knowledge base and the
//! engine, shared by the command line, the full-screen app and the plain mode.

pub mod browse;
pub mod change;
pub mod csv;
pub mod engine;
pub mod export;
pub mod fhir;
pub mod flow;
pub mod history;
pub mod json;
pub mod kb;
pub mod locate;
pub mod plain;
pub mod profile;
pub mod report;
pub mod sanitize;
pub mod session;
pub mod summary;
pub mod technique_text;
pub mod tui;
pub mod words;
