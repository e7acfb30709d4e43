//! What cautions allow on one region: the strictest combination of every modification that applies.

use std::collections::BTreeSet;

use crate::kb::{
    Firmness, Kind, KnowledgeBase, ModificationSet, Position, Pressure, Technique, Tool,
};

/// The combined limits on one region. The default allows everything; each merge only restricts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Limits {
    pub indirect_only: bool,
    pub max_pressure: Option<Pressure>,
    pub max_firmness: Option<Firmness>,
    pub exclude_tools: BTreeSet<String>,
    pub max_hold_seconds: Option<u32>,
    pub exclude_positions: BTreeSet<Position>,
    pub keep_off: BTreeSet<String>,
}

fn stricter<T: Ord + Copy>(a: Option<T>, b: Option<T>) -> Option<T> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

impl Limits {
    /// Adds one modification set; the result is never less strict than before.
    pub fn merge(&mut self, m: &ModificationSet) {
        self.merge_limits(&Limits {
            indirect_only: m.indirect_only,
            max_pressure: m.max_pressure,
            max_firmness: m.max_firmness,
            exclude_tools: m.exclude_tools.iter().cloned().collect(),
            max_hold_seconds: m.max_hold_seconds,
            exclude_positions: m.exclude_positions.iter().copied().collect(),
            keep_off: m.keep_off.iter().cloned().collect(),
        });
    }

    /// Adds other combined limits; the result is never less strict than either.
    pub fn merge_limits(&mut self, other: &Limits) {
        self.indirect_only |= other.indirect_only;
        self.max_pressure = stricter(self.max_pressure, other.max_pressure);
        self.max_firmness = stricter(self.max_firmness, other.max_firmness);
        self.exclude_tools
            .extend(other.exclude_tools.iter().cloned());
        self.max_hold_seconds = stricter(self.max_hold_seconds, other.max_hold_seconds);
        self.exclude_positions
            .extend(other.exclude_positions.iter().copied());
        self.keep_off.extend(other.keep_off.iter().cloned());
    }

    /// True when nothing is limited.
    pub fn is_empty(&self) -> bool {
        *self == Limits::default()
    }

    /// Whether a tool may be used under these limits.
    pub fn allows_tool(&self, tool: &Tool) -> bool {
        !self.exclude_tools.contains(&tool.id)
            && self.max_firmness.is_none_or(|max| tool.firmness <= max)
    }

    /// Whether the technique itself (kind, pressure, position, time on one spot) fits. Tools are
    /// checked separately, because a substitute may fit where the first choice does not. Zones to
    /// keep off do not drop a technique: every technique says how it keeps off the zones it works
    /// near, and the step shows that instruction (safety contract v2).
    pub fn allows_technique(&self, t: &Technique) -> bool {
        (!self.indirect_only || t.kind == Kind::Indirect)
            && self.max_pressure.is_none_or(|max| t.pressure <= max)
            && !self.exclude_positions.contains(&t.position)
            && self
                .max_hold_seconds
                .is_none_or(|cap| t.dosage.min_seconds <= cap)
    }

    /// Whether some tool the technique names, or a stand-in the knowledge base allows for it,
    /// fits the limits.
    pub fn allows_some_tool(&self, kb: &KnowledgeBase, t: &Technique) -> bool {
        t.tools.iter().any(|wanted| {
            kb.tool(wanted).is_some_and(|tool| self.allows_tool(tool))
                || kb
                    .stand_ins(t, wanted)
                    .iter()
                    .any(|(tool, _)| self.allows_tool(tool))
        })
    }

    /// Whether the technique can be done at all under these limits (with some tool).
    pub fn survives(&self, kb: &KnowledgeBase, t: &Technique) -> bool {
        self.allows_technique(t) && self.allows_some_tool(kb, t)
    }

    /// Short labels of what is limited, for output (`indirect_only`, `light_pressure`, ...).
    pub fn labels(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.indirect_only {
            out.push("indirect_only".to_owned());
        }
        match self.max_pressure {
            Some(Pressure::Light) => out.push("light_pressure".to_owned()),
            Some(Pressure::Moderate) => out.push("moderate_pressure_max".to_owned()),
            _ => {}
        }
        match self.max_firmness {
            Some(Firmness::Soft) => out.push("soft_tools_only".to_owned()),
            Some(Firmness::Medium) => out.push("medium_tools_max".to_owned()),
            _ => {}
        }
        out.extend(self.exclude_tools.iter().map(|t| format!("no_{t}")));
        if let Some(h) = self.max_hold_seconds {
            out.push(format!("hold_max_{h}s"));
        }
        out.extend(self.exclude_positions.iter().map(|p| format!("no_{p}")));
        out.extend(self.keep_off.iter().map(|z| format!("keep_off_{z}")));
        out
    }

    /// The same limits in plain words, one line each.
    pub fn describe(&self, kb: &KnowledgeBase) -> Vec<String> {
        let mut out = Vec::new();
        if self.indirect_only {
            out.push("gentle (indirect) techniques only".to_owned());
        }
        if let Some(p) = self.max_pressure {
            out.push(format!("{p} pressure at most"));
        }
        if let Some(f) = self.max_firmness {
            out.push(format!("{f} tools at most"));
        }
        if !self.exclude_tools.is_empty() {
            let names: Vec<&str> = self
                .exclude_tools
                .iter()
                .map(|t| kb.tool(t).map_or(t.as_str(), |t| t.name.as_str()))
                .collect();
            out.push(format!("not with: {}", names.join(", ")));
        }
        if let Some(h) = self.max_hold_seconds {
            out.push(format!("at most {h} seconds on one spot"));
        }
        if !self.exclude_positions.is_empty() {
            let names: Vec<&str> = self
                .exclude_positions
                .iter()
                .map(|p| position_words(*p))
                .collect();
            out.push(format!("no positions: {}", names.join(", ")));
        }
        for z in &self.keep_off {
            if let Some(zone) = kb.zone(z) {
                out.push(format!("keep off {}", zone.name.to_lowercase()));
            }
        }
        out
    }
}

/// A position in plain words.
pub fn position_words(p: Position) -> &'static str {
    match p {
        Position::FloorBack => "on the floor, face up",
        Position::FloorFront => "on the floor, face down",
        Position::FloorSide => "on the floor, on your side",
        Position::Seated => "seated",
        Position::Standing => "standing",
        Position::Wall => "standing against a wall",
    }
}
