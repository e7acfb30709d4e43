//! Benchmarks (divan): knowledge-base load and validation, and advice for a realistic answer set,
//! on the shipped knowledge base and on a synthetic one 100 times its size.

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

#[divan::bench]
fn load_and_validate_shipped() -> KnowledgeBase {
    KnowledgeBase::from_text(black_box(EMBEDDED), "bench").expect("valid")
}

#[divan::bench(sample_count = 10)]
fn load_and_validate_100x() -> KnowledgeBase {
    KnowledgeBase::from_text(black_box(&BIG), "bench").expect("valid")
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

mod render {
    //! A full frame of the busiest screens at 120x40, drawn to a test backend.

    use fascia::engine::Answers;
    use fascia::flow::Page;
    use fascia::kb::KnowledgeBase;
    use fascia::tui::app::App;
    use fascia::tui::theme::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn app(kb: &KnowledgeBase, page: Page) -> App<'_> {
        let mut app = App::new(kb, "112");
        app.answers = Answers::parse(super::ANSWERS, kb).expect("answers");
        app.go(page);
        app
    }

    fn draw(app: &App<'_>) {
        let theme = Theme::new(false);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        terminal
            .draw(|f| {
                fascia::tui::ui::draw(f, app, &theme);
            })
            .expect("draw");
    }

    /// From nothing to the first frame: load the built-in knowledge base, make the app, draw.
    #[divan::bench]
    fn startup_to_first_frame() {
        let kb = KnowledgeBase::embedded().expect("kb");
        draw(&App::new(&kb, "112"));
    }

    #[divan::bench(args = ["where", "area checks", "review", "result", "routine"])]
    fn frame_120x40(bencher: divan::Bencher, screen: &str) {
        let kb = KnowledgeBase::embedded().expect("kb");
        let page = match screen {
            "where" => Page::Where,
            "area checks" => Page::Area,
            "review" => Page::Review,
            "result" => Page::Result,
            _ => Page::Routine,
        };
        let app = app(&kb, page);
        assert_eq!(app.id().page(), Some(page));
        bencher.bench(|| draw(&app));
    }
}
