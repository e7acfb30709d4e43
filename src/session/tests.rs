//! Tests of the session timeline and timer.

use std::time::Duration;

use super::*;

fn s(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn phase(step: usize, side: Option<Side>, seconds: u32) -> Phase {
    Phase {
        step,
        set: 1,
        sets: 1,
        side,
        activity: Activity::Work,
        seconds,
    }
}

#[test]
fn deadlines_do_not_drift_when_ticks_are_late() {
    let mut t = Timer::start(
        vec![phase(0, None, 30), phase(1, None, 30), phase(2, None, 30)],
        s(0),
    );
    // A tick 0.9 s late still starts the second phase's clock at 30 s, not at 30.9 s.
    assert_eq!(
        t.tick(Duration::from_millis(30_900)),
        Some(Transition::NextStep)
    );
    assert_eq!(
        t.remaining(Duration::from_millis(30_900)),
        Duration::from_millis(29_100)
    );
    // A very late tick skips through every phase whose time is up.
    assert_eq!(t.tick(s(95)), Some(Transition::Finished));
    assert!(t.is_done());
}

#[test]
fn pause_keeps_the_time_left() {
    let mut t = Timer::start(vec![phase(0, None, 60)], s(100));
    t.pause(s(110));
    assert_eq!(t.remaining(s(500)), s(50));
    assert_eq!(t.tick(s(500)), None, "no time passes while paused");
    t.resume(s(500));
    assert_eq!(t.remaining(s(520)), s(30));
    assert_eq!(t.tick(s(550)), Some(Transition::Finished));
}

#[test]
fn sides_switch_and_steps_skip_and_go_back() {
    let mut t = Timer::start(
        vec![
            phase(0, Some(Side::Left), 10),
            phase(0, Some(Side::Right), 10),
            phase(1, None, 10),
        ],
        s(0),
    );
    assert_eq!(t.tick(s(10)), Some(Transition::SwitchSides));
    assert_eq!(t.current().map(|p| p.side), Some(Some(Side::Right)));
    assert_eq!(t.skip(s(12)), Transition::NextStep);
    assert_eq!(t.current().map(|p| p.step), Some(1));
    assert_eq!(
        t.remaining(s(12)),
        s(10),
        "a skipped-to step starts in full"
    );
    assert_eq!(
        t.back(s(12)),
        Transition::NextStep,
        "just begun: back goes to the previous step"
    );
    assert_eq!(
        t.current().map(|p| (p.step, p.side)),
        Some((0, Some(Side::Left)))
    );
    t.tick(s(17));
    assert_eq!(
        t.back(s(17)),
        Transition::NextStep,
        "part way: back restarts this step"
    );
    assert_eq!(t.remaining(s(17)), s(10));
    assert_eq!(t.skip(s(18)), Transition::NextStep);
    assert_eq!(t.skip(s(18)), Transition::Finished);
    assert_eq!(t.steps_reached(), 2);
}

#[test]
fn phases_follow_sets_sides_and_rests() {
    let kb = crate::kb::KnowledgeBase::embedded().expect("kb");
    let answers: crate::engine::Answers = serde_json::from_str(
        r#"{"regions": {"calves": {}}, "default_answer": "no", "preferences": {"tools": ["foam_roller_medium"], "minutes": 30}}"#,
    )
    .expect("answers");
    let advice = crate::engine::advise(&kb, &answers, "112");
    let routine = advice.routine.expect("routine");
    let step = &routine.steps[0];
    let ps = phases(&routine);
    let work: u32 = ps
        .iter()
        .filter(|p| p.activity == Activity::Work)
        .map(|p| p.seconds)
        .sum();
    let all: u32 = ps.iter().map(|p| p.seconds).sum();
    assert_eq!(all, step.seconds, "the phases add up to the step's time");
    assert_eq!(
        work,
        step.seconds_per_set * step.sets * if step.per_side { 2 } else { 1 }
    );
}

fn ready(step: usize, side: Option<Side>) -> Phase {
    Phase {
        activity: Activity::GetReady,
        ..phase(step, side, 5)
    }
}

/// Two steps, the first on both sides, each side and step after a get-ready phase.
fn two_steps() -> Vec<Phase> {
    vec![
        ready(0, Some(Side::Left)),
        phase(0, Some(Side::Left), 10),
        ready(0, Some(Side::Right)),
        phase(0, Some(Side::Right), 10),
        ready(1, None),
        phase(1, None, 10),
    ]
}

#[test]
fn a_session_that_runs_to_the_end_is_completed() {
    let mut t = Timer::start(two_steps(), s(0));
    assert_eq!(t.tick(s(5)), Some(Transition::Next), "ready, then work");
    assert_eq!(t.current().map(|p| p.activity), Some(Activity::Work));
    assert_eq!(t.tick(s(15)), Some(Transition::SwitchSides));
    assert_eq!(
        t.current().map(|p| p.activity),
        Some(Activity::GetReady),
        "time to get ready for the other side"
    );
    assert_eq!(t.tick(s(30)), Some(Transition::NextStep));
    assert_eq!(t.tick(s(45)), Some(Transition::Finished));
    assert_eq!(t.step_statuses(), vec![StepStatus::Completed; 2]);
    assert_eq!(t.status(), SessionStatus::Completed);
    assert_eq!(t.steps_completed(), 2);
}

#[test]
fn skipping_every_step_is_not_completed() {
    let mut t = Timer::start(two_steps(), s(0));
    assert_eq!(t.skip(s(1)), Transition::NextStep);
    assert_eq!(t.skip(s(2)), Transition::Finished);
    assert!(t.is_done());
    assert_eq!(t.step_statuses(), vec![StepStatus::Skipped; 2]);
    assert_eq!(t.status(), SessionStatus::SkippedSome);
    assert_eq!(t.steps_completed(), 0);
}

#[test]
fn skipping_one_step_records_it_as_skipped() {
    let mut t = Timer::start(two_steps(), s(0));
    t.tick(s(8));
    assert_eq!(t.skip(s(8)), Transition::NextStep, "skipped part way");
    assert_eq!(t.tick(s(100)), Some(Transition::Finished));
    assert_eq!(
        t.step_statuses(),
        vec![StepStatus::Skipped, StepStatus::Completed]
    );
    assert_eq!(t.status(), SessionStatus::SkippedSome);
}

#[test]
fn ending_early_records_what_was_done_and_what_was_not() {
    let mut t = Timer::start(two_steps(), s(0));
    t.tick(s(20));
    t.end();
    assert_eq!(
        t.step_statuses(),
        vec![StepStatus::Stopped, StepStatus::NotReached]
    );
    assert_eq!(t.status(), SessionStatus::EndedEarly);
    // Ending after the first step ran: that one is done; the second was only getting ready.
    let mut t = Timer::start(two_steps(), s(0));
    t.tick(s(31));
    t.end();
    assert_eq!(
        t.step_statuses(),
        vec![StepStatus::Completed, StepStatus::NotReached]
    );
    assert_eq!(t.status(), SessionStatus::EndedEarly);
    // Ended while getting ready for the first step: nothing was begun.
    let mut t = Timer::start(two_steps(), s(0));
    t.tick(s(2));
    t.end();
    assert_eq!(
        t.step_statuses(),
        vec![StepStatus::NotReached, StepStatus::NotReached]
    );
    // A session not ended yet counts as ended early if it were saved now (a quit).
    let t = Timer::start(two_steps(), s(0));
    assert_eq!(t.status(), SessionStatus::EndedEarly);
}

#[test]
fn a_step_skipped_then_done_after_going_back_is_done() {
    let mut t = Timer::start(two_steps(), s(0));
    t.skip(s(1));
    assert_eq!(
        t.back(s(1)),
        Transition::NextStep,
        "in get-ready: back a step"
    );
    assert_eq!(t.current().map(|p| p.step), Some(0));
    assert_eq!(t.tick(s(100)), Some(Transition::Finished));
    assert_eq!(t.status(), SessionStatus::Completed);
}

#[test]
fn get_ready_can_be_cut_short() {
    let mut t = Timer::start(two_steps(), s(0));
    assert_eq!(t.remaining(s(2)), s(3));
    assert_eq!(t.begin_now(s(2)), Some(Transition::Next));
    assert_eq!(t.current().map(|p| p.activity), Some(Activity::Work));
    assert_eq!(t.remaining(s(2)), s(10), "the work starts in full, now");
    assert_eq!(
        t.begin_now(s(3)),
        None,
        "only a get-ready phase is cut short"
    );
    assert_eq!(
        t.up_next().map(|p| (p.step, p.side)),
        Some((0, Some(Side::Right)))
    );
    t.tick(s(12));
    assert_eq!(t.up_next().map(|p| p.step), Some(1));
}

#[test]
fn the_app_holding_the_clock_never_resumes_a_pause_of_the_person() {
    let mut t = Timer::start(vec![phase(0, None, 60)], s(0));
    t.hold(s(10));
    assert!(t.is_held() && !t.is_paused() && !t.is_running());
    assert_eq!(t.tick(s(500)), None, "no time passes under an overlay");
    t.release(s(500));
    assert_eq!(t.remaining(s(500)), s(50));
    t.pause(s(510));
    t.hold(s(520));
    t.release(s(530));
    assert!(
        t.is_paused() && !t.is_running(),
        "still paused by the person"
    );
    assert_eq!(t.remaining(s(900)), s(40));
    t.hold(s(900));
    t.resume(s(910));
    assert!(!t.is_running(), "still held by the app");
    t.release(s(920));
    assert!(t.is_running());
    assert_eq!(t.tick(s(960)), Some(Transition::Finished));
}

#[test]
fn get_ready_phases_come_before_each_step_and_side() {
    let kb = crate::kb::KnowledgeBase::embedded().expect("kb");
    let answers: crate::engine::Answers = serde_json::from_str(
        r#"{"regions": {"calves": {}, "neck": {}}, "default_answer": "no", "preferences": {"tools": ["foam_roller_medium"], "minutes": 30}}"#,
    )
    .expect("answers");
    let routine = crate::engine::advise(&kb, &answers, "112")
        .routine
        .expect("routine");
    let with = phases_with_get_ready(&routine, 5);
    let without = phases(&routine);
    let sides: usize = routine
        .steps
        .iter()
        .map(|s| if s.per_side { 2 } else { 1 })
        .sum();
    let ready: Vec<&Phase> = with
        .iter()
        .filter(|p| p.activity == Activity::GetReady)
        .collect();
    assert_eq!(ready.len(), sides);
    assert_eq!(with.len(), without.len() + sides);
    for (i, p) in with.iter().enumerate() {
        let starts = i == 0 || with[i - 1].step != p.step || with[i - 1].side != p.side;
        assert_eq!(starts, p.activity == Activity::GetReady, "phase {i}");
    }
}
