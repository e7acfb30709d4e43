//! Validator checks for the interview data: gates (checklist screens) and how long each answer
//! may be remembered (`recheck`).

use std::collections::HashMap;

use super::model::{KbData, Tier};
use super::validate::Problem;

/// Items whose answers change from day to day (INTERVIEW.md): asked at every check.
pub const ASKED_EVERY_TIME: [&str; 5] = [
    "fever_acute_illness",
    "sensation_masking",
    "recent_injury_72h",
    "open_wound",
    "local_inflammation",
];

/// The longest an answer may be remembered, in months (the PAR-Q+ clearance period).
pub const MAX_RECHECK_MONTHS: u32 = 12;

/// Every problem with the gates and recheck periods.
pub fn check(kb: &KbData) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut add = |path: String, message: String| out.push(Problem { path, message });
    let mut gates: HashMap<&str, usize> = HashMap::new();
    for (i, g) in kb.gates.iter().enumerate() {
        if gates.insert(g.id.as_str(), i).is_some() {
            add(
                format!("gates[{i}].id"),
                format!("duplicate gate id `{}`", g.id),
            );
        }
    }
    let mut used = vec![0usize; kb.gates.len()];
    for (i, item) in kb.screening.iter().enumerate() {
        if let Some(gate) = &item.gate {
            match gates.get(gate.as_str()) {
                None => add(
                    format!("screening[{i}].gate"),
                    format!("unknown gate `{gate}`"),
                ),
                Some(&g) if kb.gates[g].section != item.section => add(
                    format!("screening[{i}].gate"),
                    format!(
                        "gate `{gate}` is a {} screen but `{}` is a {} item",
                        kb.gates[g].section, item.id, item.section
                    ),
                ),
                Some(&g) => used[g] += 1,
            }
        }
        let path = format!("screening[{i}].recheck");
        if item.recheck > MAX_RECHECK_MONTHS {
            add(
                path.clone(),
                format!(
                    "an answer is remembered at most {MAX_RECHECK_MONTHS} months, not {}",
                    item.recheck
                ),
            );
        }
        let fast = matches!(item.tier, Tier::Emergency | Tier::Urgent)
            || ASKED_EVERY_TIME.contains(&item.id.as_str());
        if fast && item.recheck != 0 {
            add(
                path,
                format!(
                    "`{}` changes from day to day and must be asked at every check (recheck 0)",
                    item.id
                ),
            );
        }
    }
    for (g, n) in used.iter().enumerate() {
        if *n == 0 {
            add(
                format!("gates[{g}]"),
                format!("gate `{}` has no items", kb.gates[g].id),
            );
        }
    }
    out
}
