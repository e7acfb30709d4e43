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
    /// Which characters of the label the query matched, in order (see [`highlights`]), found
    /// with the result so drawing it computes nothing.
    pub marks: Vec<usize>,
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
        let words: Vec<Vec<char>> = query
            .split_whitespace()
            .map(|w| w.to_lowercase().chars().collect())
            .collect();
        // A text whose words the query nearly spells scores like a good fuzzy match.
        let letters: usize = words.iter().map(Vec::len).filter(|&n| n >= 4).sum();
        let typo = u32::try_from(letters * 14).unwrap_or(u32::MAX);
        let mut score = |text: &str| {
            let fuzzy = pattern.score(Utf32Str::new(text, &mut buf), matcher);
            // The near-spelling check is the slow part: only where it could score higher.
            if fuzzy.is_none_or(|f| f < typo) && nearly_spelt(&words, text) {
                Some(typo)
            } else {
                fuzzy
            }
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
                    marks: Vec::new(),
                });
            }
        }
        for r in kb.regions() {
            if let Some(s) = score(&r.name).max(score(&r.id)) {
                hits.push(Hit {
                    label: format!("Area: {}", r.name),
                    target: Target::Region(r.id.clone()),
                    score: s,
                    marks: Vec::new(),
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
                        marks: Vec::new(),
                    });
                    // The techniques for that area work the muscle: found by it too, just below.
                    for t in kb.techniques_for(&r.id) {
                        hits.push(Hit {
                            label: format!("{} (works the {})", t.name, m.anatomical),
                            target: Target::Technique(t.id.clone()),
                            score: s.saturating_sub(1),
                            marks: Vec::new(),
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
        for hit in &mut hits {
            hit.marks = marks(&pattern, &mut self.matcher, &hit.label, query);
        }
        hits
    }
}

/// The longest word [`edits`] compares; no name in the knowledge base comes near it.
const LONGEST_WORD: usize = 40;

/// How many edits (a letter added, dropped, changed, or two swapped) turn `a` into `b`, counting
/// no further than `limit` (anything more is `limit + 1`). Three rows on the stack: this runs for
/// every word of every name on each key typed in a search.
fn edits(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit || a.len() > LONGEST_WORD || b.len() > LONGEST_WORD {
        return limit + 1;
    }
    let mut rows = [[0usize; LONGEST_WORD + 1]; 3];
    for (j, cell) in rows[1].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let [before, above, row] = [(i + 2) % 3, i % 3, (i + 1) % 3];
        rows[row][0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[above][j] + 1)
                .min(rows[row][j - 1] + 1)
                .min(rows[above][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[before][j - 2] + 1);
            }
            rows[row][j] = best;
        }
    }
    rows[(a.len() + 1) % 3][b.len()].min(limit + 1)
}

/// The words of `text` (lower case, letters only) that a query word of four letters or more
/// nearly spells: the word itself or its start, within one edit (two from eight letters).
pub fn near_words(query_word: &str, text: &str) -> Vec<(usize, usize)> {
    let q: Vec<char> = query_word.to_lowercase().chars().collect();
    let mut out = Vec::new();
    each_near_word(&q, text, &mut |span| {
        out.push(span);
        true
    });
    out
}

/// Calls `found` with the character span of each word of `text` that `q` (lower case) nearly
/// spells, until it returns false. Allocates nothing: it runs for every name on each key typed
/// in a search.
fn each_near_word(q: &[char], text: &str, found: &mut dyn FnMut((usize, usize)) -> bool) {
    if q.len() < 4 {
        return;
    }
    let allowed = if q.len() >= 8 { 2 } else { 1 };
    let mut word = ['\0'; LONGEST_WORD];
    let mut len = 0;
    let mut start = None;
    for (i, c) in text.chars().chain(std::iter::once(' ')).enumerate() {
        if c.is_alphabetic() {
            start.get_or_insert(i);
            for lower in c.to_lowercase() {
                if len < LONGEST_WORD {
                    word[len] = lower;
                }
                len += 1;
            }
        } else if let Some(s) = start.take() {
            let whole = &word[..len.min(LONGEST_WORD)];
            let prefix = &whole[..whole.len().min(q.len())];
            let near = len <= LONGEST_WORD
                && (edits(q, whole, allowed) <= allowed
                    || (whole.len() > q.len() && edits(q, prefix, allowed) <= allowed));
            if near && !found((s, i)) {
                return;
            }
            len = 0;
        }
    }
}

/// Whether every query word of four letters or more nearly spells a word of `text` (`words`:
/// the query's words in lower case); false when the query has no such word.
fn nearly_spelt(words: &[Vec<char>], text: &str) -> bool {
    let mut long = words.iter().filter(|w| w.len() >= 4).peekable();
    long.peek().is_some()
        && long.all(|w| {
            let mut near = false;
            each_near_word(w, text, &mut |_| {
                near = true;
                false
            });
            near
        })
}

/// Which characters of `label` to highlight for `query`: the fuzzy match's letters, or the
/// words the query nearly spells. (A search gives them with each hit: [`Hit::marks`].)
pub fn highlights(label: &str, query: &str) -> Vec<usize> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    marks(&pattern, &mut Matcher::new(Config::DEFAULT), label, query)
}

fn marks(pattern: &Pattern, matcher: &mut Matcher, label: &str, query: &str) -> Vec<usize> {
    let mut buf = Vec::new();
    let mut indices = Vec::new();
    if pattern
        .indices(Utf32Str::new(label, &mut buf), matcher, &mut indices)
        .is_some()
    {
        let mut out: Vec<usize> = indices.into_iter().map(|i| i as usize).collect();
        out.sort_unstable();
        out.dedup();
        return out;
    }
    let mut out: Vec<usize> = query
        .split_whitespace()
        .flat_map(|w| near_words(w, label))
        .flat_map(|(s, e)| s..e)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
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
    fn edits_count_each_kind_of_change_up_to_the_limit() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        for (a, b, limit, want) in [
            ("calf", "calf", 1, 0),
            ("calf", "calfs", 1, 1),
            ("calfs", "calf", 1, 1),
            ("calf", "half", 1, 1),
            ("hamstirng", "hamstring", 2, 1),
            ("forarm", "forearm", 1, 1),
            ("kitten", "sitting", 3, 3),
            ("kitten", "sitting", 1, 2),
            ("", "abc", 3, 3),
            ("abc", "", 1, 2),
            ("ab", "ba", 1, 1),
        ] {
            assert_eq!(edits(&chars(a), &chars(b), limit), want, "{a} -> {b}");
        }
    }

    #[test]
    fn search_techniques_keeps_the_filters() {
        let kb = kb();
        let found = search_techniques(&kb, "gastrocnemius", &Filter::default());
        assert!(!found.is_empty() && found.iter().all(|t| t.regions.contains(&"calves".into())));
    }
}
