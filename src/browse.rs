//! The technique library without the questionnaire: filter by region, tool and kind, and fuzzy
//! search over techniques, regions and muscles. Shared by `fascia browse` and the app's browse
//! screens. Pure: no terminal, no I/O.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::kb::{Kind, KnowledgeBase, Technique};

/// What to show. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub region: Option<String>,
    /// Techniques that use this tool, or that it can stand in for (never a firmer stand-in).
    pub tool: Option<String>,
    pub kind: Option<Kind>,
}

impl Filter {
    /// Whether `t` passes the filter.
    pub fn allows(&self, kb: &KnowledgeBase, t: &Technique) -> bool {
        self.region.as_ref().is_none_or(|r| t.regions.contains(r))
            && self.kind.is_none_or(|k| t.kind == k)
            && self.tool.as_ref().is_none_or(|tool| uses_tool(kb, t, tool))
    }
}

/// Whether `tool` is one of the technique's tools, or can stand in for one of them in this
/// technique (`KnowledgeBase::stand_ins`).
pub fn uses_tool(kb: &KnowledgeBase, t: &Technique, tool: &str) -> bool {
    t.tools
        .iter()
        .any(|wanted| wanted == tool || kb.stand_ins(t, wanted).iter().any(|(s, _)| s.id == tool))
}

/// The techniques that pass `filter`, in knowledge-base order.
pub fn techniques<'kb>(kb: &'kb KnowledgeBase, filter: &Filter) -> Vec<&'kb Technique> {
    kb.techniques()
        .iter()
        .filter(|t| filter.allows(kb, t))
        .collect()
}

/// What a search result points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Region(String),
    Technique(String),
}

/// One search result: what matched (the text shown), and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub label: String,
    pub target: Target,
    pub score: u32,
}

/// Fuzzy search over technique names, region names and muscle names (everyday and anatomical),
/// best first; ties keep knowledge-base order. Matches scoring under three quarters of the best
/// one are left out: a fuzzy matcher also finds letters scattered across unrelated names.
/// An empty query finds nothing.
pub fn search(kb: &KnowledgeBase, query: &str) -> Vec<Hit> {
    Searcher::default().search(kb, query)
}

/// A fuzzy matcher kept between searches (search as you type builds it once).
pub struct Searcher {
    matcher: Matcher,
}

impl Default for Searcher {
    fn default() -> Self {
        Self {
            matcher: Matcher::new(Config::DEFAULT),
        }
    }
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Searcher")
    }
}

impl Searcher {
    /// What `query` finds, best first (see [`search`]).
    pub fn search(&mut self, kb: &KnowledgeBase, query: &str) -> Vec<Hit> {
        if query.trim().is_empty() {
            return Vec::new();
        }
        let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        let matcher = &mut self.matcher;
        let mut buf = Vec::new();
        let mut score = |text: &str| pattern.score(Utf32Str::new(text, &mut buf), matcher);
        let mut hits = Vec::new();
        for t in kb.techniques() {
            if let Some(s) = score(&t.name) {
                let regions: Vec<&str> = t
                    .regions
                    .iter()
                    .filter_map(|r| kb.region(r))
                    .map(|r| r.name.as_str())
                    .collect();
                hits.push(Hit {
                    label: format!("{} ({})", t.name, regions.join(", ")),
                    target: Target::Technique(t.id.clone()),
                    score: s,
                });
            }
        }
        for r in kb.regions() {
            if let Some(s) = score(&r.name).max(score(&r.id)) {
                hits.push(Hit {
                    label: format!("Area: {}", r.name),
                    target: Target::Region(r.id.clone()),
                    score: s,
                });
            }
            for m in &r.muscles {
                if let Some(s) = score(&m.name).max(score(&m.anatomical)) {
                    hits.push(Hit {
                        label: format!(
                            "Muscle: {} ({}), in {}",
                            m.name,
                            m.anatomical,
                            r.name.to_lowercase()
                        ),
                        target: Target::Region(r.id.clone()),
                        score: s,
                    });
                }
            }
        }
        hits.sort_by_key(|h| std::cmp::Reverse(h.score));
        let floor = hits.first().map_or(0, |h| h.score * 3 / 4);
        hits.retain(|h| h.score >= floor);
        hits
    }
}

/// The techniques a search finds: those it names, and those on the areas or muscles it names.
pub fn search_techniques<'kb>(
    kb: &'kb KnowledgeBase,
    query: &str,
    filter: &Filter,
) -> Vec<&'kb Technique> {
    let hits = search(kb, query);
    let mut out: Vec<&Technique> = Vec::new();
    for hit in &hits {
        let found: Vec<&Technique> = match &hit.target {
            Target::Technique(id) => kb.technique(id).into_iter().collect(),
            Target::Region(id) => kb.techniques_for(id).collect(),
        };
        for t in found {
            if filter.allows(kb, t) && !out.iter().any(|o| o.id == t.id) {
                out.push(t);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("kb")
    }

    #[test]
    fn filters_combine() {
        let kb = kb();
        let all = techniques(&kb, &Filter::default());
        assert_eq!(all.len(), kb.techniques().len());
        let calves = Filter {
            region: Some("calves".into()),
            ..Filter::default()
        };
        let indirect = Filter {
            kind: Some(Kind::Indirect),
            ..calves.clone()
        };
        let by_kind = techniques(&kb, &indirect);
        assert!(
            !by_kind.is_empty()
                && by_kind
                    .iter()
                    .all(|t| t.kind == Kind::Indirect && t.regions.contains(&"calves".into()))
        );
        let stick = Filter {
            tool: Some("roller_stick".into()),
            ..calves
        };
        assert!(
            techniques(&kb, &stick)
                .iter()
                .all(|t| uses_tool(&kb, t, "roller_stick"))
        );
    }

    #[test]
    fn a_soft_ball_may_stand_in_but_a_hard_one_never_replaces_a_soft_one() {
        let kb = kb();
        for t in kb.techniques() {
            if t.tools == ["tennis_ball"] {
                assert!(!uses_tool(&kb, t, "lacrosse_ball"), "{}", t.id);
            }
        }
    }

    #[test]
    fn search_finds_techniques_regions_and_muscles() {
        let kb = kb();
        let hits = search(&kb, "soleus");
        assert!(
            hits.iter()
                .any(|h| h.target == Target::Region("calves".into()) && h.label.contains("soleus"))
        );
        assert!(
            search(&kb, "calves")
                .iter()
                .any(|h| h.target == Target::Region("calves".into()))
        );
        let t = &kb.techniques()[0];
        assert!(
            search(&kb, &t.name)
                .first()
                .is_some_and(|h| h.target == Target::Technique(t.id.clone()))
        );
        assert!(search(&kb, "").is_empty());
        assert!(search(&kb, "zzzzqqq").is_empty());
        let found = search_techniques(&kb, "gastrocnemius", &Filter::default());
        assert!(!found.is_empty() && found.iter().all(|t| t.regions.contains(&"calves".into())));
    }
}
