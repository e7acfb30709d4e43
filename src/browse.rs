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
        // A fuzzy match, or a word spelt nearly right ("hamstirng"): whichever scores higher.
        let mut score = |text: &str| {
            pattern
                .score(Utf32Str::new(text, &mut buf), matcher)
                .max(typo_score(query, text))
        };
        let mut hits = Vec::new();
        let regions_of = |t: &Technique| -> String {
            t.regions
                .iter()
                .filter_map(|r| kb.region(r))
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        for t in kb.techniques() {
            if let Some(s) = score(&t.name) {
                hits.push(Hit {
                    label: format!("{} ({})", t.name, regions_of(t)),
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
                    // The techniques for that area work the muscle: found by it too, just below.
                    for t in kb.techniques_for(&r.id) {
                        hits.push(Hit {
                            label: format!("{} (works the {})", t.name, m.anatomical),
                            target: Target::Technique(t.id.clone()),
                            score: s.saturating_sub(1),
                        });
                    }
                }
            }
        }
        hits.sort_by_key(|h| std::cmp::Reverse(h.score));
        let floor = hits.first().map_or(0, |h| h.score * 3 / 4);
        hits.retain(|h| h.score >= floor);
        // Each place once, where it scored best.
        let mut seen = Vec::new();
        hits.retain(|h| {
            let new = !seen.contains(&h.target);
            if new {
                seen.push(h.target.clone());
            }
            new
        });
        hits
    }
}

/// How many edits (a letter added, dropped, changed, or two swapped) turn `a` into `b`.
fn edits(a: &[char], b: &[char]) -> usize {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The words of `text` (lower case, letters only) that a query word of four letters or more
/// nearly spells: the word itself or its start, within one edit (two from eight letters).
pub fn near_words(query_word: &str, text: &str) -> Vec<(usize, usize)> {
    let q: Vec<char> = query_word.to_lowercase().chars().collect();
    if q.len() < 4 {
        return Vec::new();
    }
    let allowed = if q.len() >= 8 { 2 } else { 1 };
    let mut out = Vec::new();
    let mut start = None;
    let chars: Vec<char> = text.chars().collect();
    for i in 0..=chars.len() {
        let letter = chars.get(i).is_some_and(|c| c.is_alphabetic());
        match (start, letter) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word: Vec<char> = chars[s..i].iter().flat_map(|c| c.to_lowercase()).collect();
                let prefix = &word[..word.len().min(q.len())];
                if edits(&q, &word) <= allowed
                    || (word.len() > q.len() && edits(&q, prefix) <= allowed)
                {
                    out.push((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A score for a text whose words the query nearly spells (every query word of four letters
/// or more must), scored like a good fuzzy match; `None` otherwise.
fn typo_score(query: &str, text: &str) -> Option<u32> {
    let words: Vec<&str> = query
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4)
        .collect();
    if words.is_empty() || !words.iter().all(|w| !near_words(w, text).is_empty()) {
        return None;
    }
    let letters: usize = words.iter().map(|w| w.chars().count()).sum();
    u32::try_from(letters * 14).ok()
}

/// Which characters of `label` to highlight for `query`: the fuzzy match's letters, or the
/// words the query nearly spells.
pub fn highlights(label: &str, query: &str) -> Vec<usize> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut indices = Vec::new();
    if pattern
        .indices(Utf32Str::new(label, &mut buf), &mut matcher, &mut indices)
        .is_some()
    {
        let mut out: Vec<usize> = indices.into_iter().map(|i| i as usize).collect();
        out.sort_unstable();
        out.dedup();
        return out;
    }
    query
        .split_whitespace()
        .flat_map(|w| near_words(w, label))
        .flat_map(|(s, e)| s..e)
        .collect()
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
        assert!(!found.is_empty());
    }

    #[test]
    fn a_typo_still_finds_it() {
        let kb = kb();
        for (typo, area) in [
            ("hamstirng", "hamstrings"),
            ("calfs", "calves"),
            ("forarm", "forearms"),
        ] {
            let found = search_techniques(&kb, typo, &Filter::default());
            assert!(
                !found.is_empty() && found.iter().any(|t| t.regions.contains(&area.into())),
                "{typo}"
            );
        }
        assert!(search(&kb, "zzzzqqq").is_empty());
    }

    #[test]
    fn techniques_are_found_by_their_muscles_and_matches_are_marked() {
        let kb = kb();
        let hits = search(&kb, "soleus");
        let calf_techniques: Vec<&str> =
            kb.techniques_for("calves").map(|t| t.id.as_str()).collect();
        assert!(
            hits.iter().any(|h| matches!(&h.target, Target::Technique(id) if calf_techniques.contains(&id.as_str()))),
            "soleus finds the calf techniques"
        );
        let marked = highlights("Muscle: calf (soleus), in calves", "soleus");
        assert_eq!(marked.len(), 6);
        let marked = highlights("Back of the thighs: hamstrings", "hamstirng");
        assert!(!marked.is_empty(), "a near spelling is marked too");
    }

    #[test]
    fn search_techniques_keeps_the_filters() {
        let kb = kb();
        let found = search_techniques(&kb, "gastrocnemius", &Filter::default());
        assert!(!found.is_empty() && found.iter().all(|t| t.regions.contains(&"calves".into())));
    }
}
