//! Invariants of the engine over random regions, answers and preferences (proptest).

mod common;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use fascia::engine::{
    Answer, Answers, DefaultAnswer, Outcome, Preference, Preferences, RegionDetails, Reply, Scope,
    Since, Step, advise,
};
use fascia::kb::{
    Effect, Feel, Goal, Kind, KnowledgeBase, Method, REGION_IDS, Section, TOOL_IDS, Tier,
};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

static KB: LazyLock<KnowledgeBase> = LazyLock::new(common::kb);

/// How often an item is set: red flags rarely, area exclusions now and then, cautions often, so
/// that most runs reach a routine and many of those carry cautions.
#[derive(Clone, Copy)]
enum Class {
    RedFlag,
    Excludes,
    Caution,
}

fn reply_of(byte: u8, class: Class) -> Option<Reply> {
    let (no, yes, not_sure) = match class {
        Class::RedFlag => (252, 253, 254),
        Class::Excludes => (244, 249, 253),
        Class::Caution => (139, 199, 249),
    };
    match byte {
        b if b <= no => Some(Reply::No),
        b if b <= yes => Some(Reply::Yes),
        b if b <= not_sure => Some(Reply::NotSure),
        _ => None,
    }
}

fn details() -> impl Strategy<Value = RegionDetails> {
    (
        select(Feel::ALL.to_vec()),
        0u8..=10,
        select(Since::ALL.to_vec()),
        select(Goal::ALL.to_vec()),
    )
        .prop_map(|(feel, intensity, since, goal)| RegionDetails {
            feel,
            intensity,
            since,
            goal,
        })
}

fn answers() -> impl Strategy<Value = Answers> {
    (
        subsequence(REGION_IDS.to_vec(), 1..=4),
        proptest::collection::vec(details(), 4),
        proptest::collection::vec(any::<u8>(), KB.items().len() * 24),
        select(vec![
            None,
            Some(DefaultAnswer::No),
            Some(DefaultAnswer::No),
            Some(DefaultAnswer::No),
            Some(DefaultAnswer::No),
            Some(DefaultAnswer::NotSure),
        ]),
        subsequence(TOOL_IDS.to_vec(), 0..=6),
        2u32..=60,
        select(Preference::ALL.to_vec()),
    )
        .prop_map(
            |(regions, details, bytes, default_answer, tools, minutes, technique)| {
                let regions: BTreeMap<String, RegionDetails> = regions
                    .iter()
                    .zip(details)
                    .map(|(r, d)| ((*r).to_owned(), d))
                    .collect();
                // Area items are answered per region for the chosen regions and their related ones,
                // so that screened related regions show up too.
                let mut targets: Vec<String> = regions.keys().cloned().collect();
                for r in regions.keys() {
                    targets.extend(
                        KB.region(r)
                            .into_iter()
                            .flat_map(|g| g.related.iter().map(|x| x.region.clone())),
                    );
                }
                let mut bytes = bytes.into_iter();
                let mut next = || bytes.next().unwrap_or(0);
                let mut replies = BTreeMap::new();
                for item in KB.items() {
                    let class = match item.tier {
                        Tier::Caution | Tier::None => Class::Caution,
                        Tier::Local => Class::Excludes,
                        Tier::Refer if item.effect != Effect::Global => Class::Excludes,
                        _ => Class::RedFlag,
                    };
                    let per_region = item.section == Section::Area && next() % 2 == 0;
                    if per_region {
                        let map: BTreeMap<String, Reply> = targets
                            .iter()
                            .filter_map(|t| reply_of(next(), class).map(|r| (t.clone(), r)))
                            .collect();
                        replies.insert(item.id.clone(), Answer::PerRegion(map));
                    } else if let Some(r) = reply_of(next(), class) {
                        replies.insert(item.id.clone(), Answer::One(r));
                    }
                }
                Answers {
                    regions,
                    answers: replies,
                    default_answer,
                    preferences: Preferences {
                        tools: tools.iter().map(|t| (*t).to_owned()).collect(),
                        minutes,
                        technique,
                    },
                    marked: BTreeMap::new(),
                }
            },
        )
}

/// Whether every modification of every fired caution that covers the step's region is respected,
/// checked straight against the knowledge base (not through the engine's own limits).
fn respects_cautions(
    kb: &KnowledgeBase,
    advice: &fascia::engine::Advice,
    step: &Step,
) -> Result<(), String> {
    for f in advice
        .screening
        .fired
        .iter()
        .filter(|f| f.tier == Tier::Caution && !f.combination)
    {
        let item = kb.item(&f.id).ok_or("unknown item")?;
        let covers = match item.effect {
            Effect::Global => true,
            Effect::Listed => kb
                .expand(&item.effect_regions)
                .contains(&step.region.as_str()),
            Effect::Region => f.regions.contains(&step.region),
        };
        if !covers
            || (f.scope == Scope::Regions
                && !f.regions.contains(&step.region)
                && item.effect != Effect::Global)
        {
            continue;
        }
        for set in &item.modifications {
            if !set.regions.is_empty() && !kb.expand(&set.regions).contains(&step.region.as_str()) {
                continue;
            }
            let t = kb.technique(&step.technique).ok_or("unknown technique")?;
            let tool = kb.tool(&step.tool).ok_or("unknown tool")?;
            let why = |what: &str| {
                Err(format!(
                    "{}: step {} breaks {what} of {}",
                    step.region, step.technique, f.id
                ))
            };
            if set.indirect_only && step.kind != Kind::Indirect {
                return why("indirect_only");
            }
            if set.max_pressure.is_some_and(|p| step.pressure > p) {
                return why("max_pressure");
            }
            if set.max_firmness.is_some_and(|m| tool.firmness > m) {
                return why("max_firmness");
            }
            if set.exclude_tools.contains(&step.tool) {
                return why("exclude_tools");
            }
            if set.max_hold_seconds.is_some_and(|h| {
                step.seconds_per_set > h || step.hold_seconds.is_some_and(|x| x > h)
            }) {
                return why("max_hold_seconds");
            }
            if set.exclude_positions.contains(&step.position) {
                return why("exclude_positions");
            }
            // A zone to keep off that the technique works near is an instruction shown with the
            // step, marked as the person's (contract v2).
            if set.keep_off.iter().any(|z| {
                t.near_zones.iter().any(|n| n.zone == *z)
                    && !step.keeps_off.iter().any(|k| k.zone == *z && k.caution)
            }) {
                return why("keep_off");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn same_input_same_output(a in answers()) {
        prop_assert_eq!(advise(&KB, &a, "112"), advise(&KB, &a, "112"));
    }

    #[test]
    fn no_routine_past_a_red_flag(a in answers()) {
        let advice = advise(&KB, &a, "112");
        let s = &advice.screening;
        let red = s.fired.iter().any(|f| matches!(f.tier, Tier::Emergency | Tier::Urgent) || (f.tier == Tier::Refer && f.scope == Scope::Global));
        prop_assert_eq!(red, matches!(s.outcome, Outcome::Emergency | Outcome::Urgent | Outcome::Refer));
        prop_assert_eq!(advice.routine.is_some(), s.outcome == Outcome::Routine);
        if red {
            prop_assert!(advice.routine.is_none() && s.permit().is_none());
        }
    }

    #[test]
    fn steps_land_only_on_screened_allowed_regions_and_respect_every_caution(a in answers()) {
        let advice = advise(&KB, &a, "112");
        let Some(routine) = &advice.routine else { return Ok(()) };
        prop_assert!(!routine.steps.is_empty(), "a routine has at least one step");
        prop_assert!(routine.total_seconds <= routine.budget_seconds);
        prop_assert_eq!(routine.total_seconds, routine.steps.iter().map(|s| s.seconds).sum::<u32>());
        for step in &routine.steps {
            prop_assert!(!advice.screening.excluded.iter().any(|e| e.region == step.region), "step on excluded {}", step.region);
            let chosen = a.regions.contains_key(&step.region);
            if !chosen {
                // A related region: every area item that applies to it was answered no, by name.
                for item in KB.items().iter().filter(|i| i.section == Section::Area && KB.expand(&i.asked_for).contains(&step.region.as_str())) {
                    let gate_open = item.only_if.is_empty() || item.only_if.iter().any(|g| a.reply(g, None).unwrap_or(a.default_reply()).fires());
                    if gate_open {
                        prop_assert_eq!(a.reply(&item.id, Some(&step.region)), Some(Reply::No), "{} unscreened for {}", step.region, item.id);
                        prop_assert!(matches!(a.answers.get(&item.id), Some(Answer::PerRegion(_))));
                    }
                }
            }
            let t = KB.technique(&step.technique).expect("technique");
            prop_assert!(t.regions.contains(&step.region));
            let shown = format!("{:?}{:?}{}", step.cues, step.stop_if, step.reason);
            prop_assert!(!shown.contains("{emergency}"), "raw placeholder in a step: {}", shown);
            if let Err(e) = respects_cautions(&KB, &advice, step) {
                prop_assert!(false, "{}", e);
            }
        }
    }

    #[test]
    fn a_caution_never_makes_a_step_harder(a in answers(), extra in select(KB.items().iter().filter(|i| i.tier == Tier::Caution).map(|i| i.id.clone()).collect::<Vec<_>>())) {
        // One region and plenty of time, so every step is at its full dose in both runs.
        let mut a = a;
        let first = a.regions.keys().next().cloned().expect("a region");
        a.regions.retain(|r, _| *r == first);
        a.preferences.minutes = 120;
        let mut more = a.clone();
        more.answers.insert(extra.clone(), Answer::One(Reply::Yes));
        let (before, after) = (advise(&KB, &a, "112"), advise(&KB, &more, "112"));
        let (Some(rb), Some(ra)) = (&before.routine, &after.routine) else { return Ok(()) };
        for s in &ra.steps {
            let Some(b) = rb.steps.iter().find(|b| b.region == s.region) else { continue };
            let firm = |id: &str| KB.tool(id).map(|t| t.firmness);
            let held = |x: &Step| if x.method == Method::Hold { x.hold_seconds.unwrap_or(0) } else { 0 };
            prop_assert!(s.kind == Kind::Indirect || b.kind == Kind::Direct, "{} became direct with {}", s.region, extra);
            prop_assert!(s.pressure <= b.pressure, "{} got firmer pressure with {}", s.region, extra);
            prop_assert!(firm(&s.tool) <= firm(&b.tool), "{} got a firmer tool with {}", s.region, extra);
            prop_assert!(held(s) <= held(b), "{} is held longer with {}", s.region, extra);
        }
    }
}

/// Every region, tool set and preference, with no cautions: the routine's steps.
fn tool_answers() -> impl Strategy<Value = Answers> {
    (
        subsequence(REGION_IDS.to_vec(), 1..=3),
        subsequence(TOOL_IDS.to_vec(), 0..=4),
        select(Preference::ALL.to_vec()),
        details(),
    )
        .prop_map(|(regions, tools, technique, d)| Answers {
            regions: regions.iter().map(|r| ((*r).to_owned(), d)).collect(),
            answers: BTreeMap::new(),
            default_answer: Some(DefaultAnswer::No),
            preferences: Preferences {
                tools: tools.iter().map(|t| (*t).to_owned()).collect(),
                minutes: 60,
                technique,
            },
            marked: BTreeMap::new(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Safety v2: a step's tool is the technique's own (owned) tool, or a stand-in the knowledge
    /// base allows for exactly this technique's position and method, of the same form and never
    /// firmer; so its steps, position and cues describe the tool actually used.
    #[test]
    fn every_step_is_doable_with_the_tool_it_uses(a in prop_oneof![tool_answers(), answers()]) {
        let advice = advise(&KB, &a, "112");
        let Some(routine) = &advice.routine else { return Ok(()) };
        for step in &routine.steps {
            let tool = KB.tool(&step.tool).expect("tool");
            prop_assert!(tool.always_owned || a.preferences.tools.contains(&step.tool), "{} not owned", step.tool);
            let t = KB.technique(&step.technique).expect("technique");
            match &step.substitute_for {
                None => prop_assert!(t.tools.contains(&step.tool), "{} is not a tool of {}", step.tool, t.id),
                Some(wanted) => {
                    prop_assert!(t.tools.contains(wanted));
                    let wanted_tool = KB.tool(wanted).expect("tool");
                    prop_assert_eq!(tool.form, wanted_tool.form, "{} for {} in {}", step.tool, wanted, t.id);
                    prop_assert!(tool.firmness <= wanted_tool.firmness);
                    let s = tool.stands_in_for.iter().find(|s| s.tool == *wanted).expect("stand-in");
                    prop_assert!(s.positions.contains(&step.position) && s.methods.contains(&step.method), "{} cannot do {} ({:?}, {:?})", step.tool, t.id, step.position, step.method);
                    // A technique with its own tool owned would have been chosen first.
                    prop_assert!(!KB.techniques_for(&step.region).any(|o| o.tools.iter().any(|x| x == &step.tool)) || advice.screening.modifications.iter().any(|m| m.region == step.region));
                }
            }
        }
    }

    /// Safety v2: a referral (emergency, urgent, refer) carries no technique advice in any output.
    #[test]
    fn referral_outcomes_carry_no_technique_advice(a in answers()) {
        let advice = advise(&KB, &a, "112");
        let s = &advice.screening;
        if !matches!(s.outcome, Outcome::Emergency | Outcome::Urgent | Outcome::Refer) {
            return Ok(());
        }
        prop_assert!(s.modifications.is_empty() && s.excluded.is_empty() && advice.routine.is_none());
        let json = fascia::report::json(&advice);
        prop_assert_eq!(&json["modifications"], &serde_json::json!([]));
        prop_assert!(json.get("routine").is_none());
        for out in [fascia::report::text(&KB, &advice), fascia::report::markdown(&KB, &a, &advice)] {
            for banned in ["Made gentler", "Left out", "Also worth checking", "Routine"] {
                prop_assert!(!out.contains(banned), "`{}` in a referral:\n{}", banned, out);
            }
        }
    }

    /// Safety v2: a suggestion never brings back an excluded region, a region of a group that a
    /// fired refer or local item rules out, or a region the fired cautions would leave empty.
    #[test]
    fn suggestions_never_bring_back_a_ruled_out_region(a in answers()) {
        let advice = advise(&KB, &a, "112");
        let Some(routine) = &advice.routine else { return Ok(()) };
        let s = &advice.screening;
        for sug in &routine.suggestions {
            prop_assert!(!s.excluded.iter().any(|e| e.region == sug.region), "{} excluded", sug.region);
            for f in s.fired.iter().filter(|f| matches!(f.tier, Tier::Refer | Tier::Local)) {
                prop_assert!(!f.regions.contains(&sug.region), "{} ruled out by {}", sug.region, f.id);
                let group = match KB.item(&f.id) {
                    Some(i) if i.effect == Effect::Listed => KB.expand(&i.effect_regions),
                    Some(i) if i.effect == Effect::Region && !i.per_region => KB.expand(&i.asked_for),
                    _ => Vec::new(),
                };
                prop_assert!(!group.contains(&sug.region.as_str()), "{} in the group {} rules out", sug.region, f.id);
            }
        }
    }

    /// Safety v2: every caution that fired is shown, by its plain title, in text and Markdown,
    /// and listed in JSON; no output names an item, feel or goal by its id.
    #[test]
    fn every_fired_caution_is_shown_in_plain_words(a in answers()) {
        let advice = advise(&KB, &a, "112");
        let text = fascia::report::text(&KB, &advice);
        let markdown = fascia::report::markdown(&KB, &a, &advice);
        let json = fascia::report::json(&advice);
        for f in advice.screening.fired.iter().filter(|f| f.tier == Tier::Caution) {
            let title = fascia::summary::item_title(&KB, &f.id);
            prop_assert!(text.contains(&title), "text lacks {}", title);
            prop_assert!(markdown.contains(&title), "markdown lacks {}", title);
            prop_assert!(json["fired"].as_array().expect("fired").iter().any(|x| x["id"] == f.id.as_str()));
        }
        let ids = KB.items().iter().map(|i| i.id.as_str())
            .chain(KB.combinations().iter().map(|c| c.id.as_str()))
            .chain(Feel::ALL.iter().map(|f| f.as_str()))
            .chain(Goal::ALL.iter().map(|g| g.as_str()));
        for id in ids.filter(|id| id.contains('_')) {
            prop_assert!(!text.contains(id) && !markdown.contains(id), "raw id {} in an output", id);
        }
    }

    /// Test before and after: every routine has a movement test for each area it works on.
    #[test]
    fn every_routine_tests_each_area_before_and_after(a in answers()) {
        let advice = advise(&KB, &a, "112");
        let Some(routine) = &advice.routine else { return Ok(()) };
        for step in &routine.steps {
            prop_assert!(routine.tests.iter().any(|t| t.region == step.region && !t.how.is_empty()));
        }
        let text = fascia::report::text(&KB, &advice);
        prop_assert!(text.contains(fascia::report::TEST_BEFORE) && text.contains(fascia::report::TEST_AFTER));
    }
}
