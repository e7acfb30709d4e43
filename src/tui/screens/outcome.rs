//! The result: the outcome as a banner, then why, what is left out or made gentler, and what
//! comes next (tools and time, or saving a summary for a clinician). Owns the advice it shows.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, StatefulWidget, Widget, Wrap};

use super::{Cmd, Ctx, Scroll, View};
use crate::engine::{Advice, Outcome, Screening};
use crate::flow::{self, Page};
use crate::kb::{KnowledgeBase, Tier};
use crate::summary::{BlockKind, blocks, stopped_early};
use crate::tui::action::{Action, Effect};
use crate::tui::keys::{
    BACK, BROWSE, Binding, Key, SCROLL_D, SCROLL_DOWN, SCROLL_HINT, SCROLL_U, SCROLL_UP, bind,
    label,
};
use crate::tui::text;
use crate::tui::widgets as parts;
use crate::words::headline;

const OUTCOME_GO_ON: &[Binding] = &[
    SCROLL_U,
    SCROLL_D,
    SCROLL_HINT,
    SCROLL_UP,
    SCROLL_DOWN,
    bind(
        &[Key::Enter],
        "enter",
        "choose tools and time",
        Action::Next,
    ),
    bind(&[Key::Char('e')], "e", "save as Markdown", Action::Export),
    BACK,
    BROWSE,
];

const SAVE: Binding = bind(
    &[Key::Char('e')],
    "e",
    "save for your clinician",
    Action::Export,
);
const BACK_TO_ANSWERS: Binding = bind(
    &[Key::Esc, Key::Backspace],
    "esc",
    "back to your answers",
    Action::Back,
);

const OUTCOME_STOP: &[Binding] = &[
    SCROLL_U,
    SCROLL_D,
    SCROLL_HINT,
    SCROLL_UP,
    SCROLL_DOWN,
    SAVE,
    BACK_TO_ANSWERS,
    BROWSE,
];

/// A referral stopped the check: the rest of the questions can still be answered for the
/// clinician.
const OUTCOME_REFER_STOP: &[Binding] = &[
    SCROLL_U,
    SCROLL_D,
    SCROLL_HINT,
    SCROLL_UP,
    SCROLL_DOWN,
    bind(
        &[Key::Char('f')],
        "f",
        "finish the questions for your clinician",
        Action::Finish,
    ),
    SAVE,
    BACK_TO_ANSWERS,
    BROWSE,
];

/// The advice shown, whether the check stopped early at an emergency or urgent answer (going
/// back then returns to that question), and how far the text is scrolled.
#[derive(Debug)]
pub struct State {
    pub advice: Advice,
    pub stopped: bool,
    pub scroll: Scroll,
}

impl State {
    pub fn new(advice: Advice, stopped: bool) -> Self {
        Self {
            advice,
            stopped,
            scroll: Scroll::default(),
        }
    }

    fn permits(&self) -> bool {
        self.advice.screening.permit().is_some()
    }

    pub fn keys(&self) -> &'static [Binding] {
        if self.permits() {
            OUTCOME_GO_ON
        } else if self.finishes() {
            OUTCOME_REFER_STOP
        } else {
            OUTCOME_STOP
        }
    }

    /// Whether a referral stopped the check before every question was asked.
    fn finishes(&self) -> bool {
        self.stopped && self.advice.screening.outcome == Outcome::Refer
    }

    pub fn update<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        if self.scroll.apply(&action) {
            return Cmd::Stay;
        }
        match action {
            Action::Export => ctx
                .effects
                .push(Effect::Export(Box::new(self.advice.clone()))),
            Action::Next if self.permits() => {
                return Cmd::Page(Page::Preferences);
            }
            Action::Finish if self.finishes() => {
                ctx.walk.finish();
                return match super::ask::next_screen(ctx.kb, ctx.answers, ctx.walk, false) {
                    Some(screen) => Cmd::Replace(screen),
                    None => Cmd::Page(Page::Review),
                };
            }
            Action::Back if self.stopped => return Cmd::Back,
            Action::Back => {
                if let Some(page) = flow::previous(ctx.kb, ctx.answers, Page::Result) {
                    return Cmd::Page(page);
                }
            }
            _ => {}
        }
        Cmd::Stay
    }
}

impl StatefulWidget for View<'_, State> {
    /// How far the text can scroll, measured while drawing.
    type State = Option<u16>;

    fn render(self, area: Rect, buf: &mut Buffer, fit: &mut Option<u16>) {
        let theme = self.shared.theme;
        let s = &self.state.advice.screening;
        let (banner_style, banner) = match s.outcome {
            Outcome::Emergency => (
                theme.danger,
                format!(
                    "!! {} - CALL {} NOW !!",
                    headline(s).to_uppercase(),
                    self.shared.emergency.to_uppercase()
                ),
            ),
            Outcome::Urgent => (
                theme.danger,
                format!("!! {} !!", headline(s).to_uppercase()),
            ),
            Outcome::Refer | Outcome::NothingSafe => (theme.warn, format!("! {}", headline(s))),
            Outcome::Routine => (theme.ok, "You can go ahead".to_owned()),
        };
        let area = text::readable(area);
        // The headline and its message are never cut: the top takes their wrapped height (and
        // the reasons below scroll), leaving at least three rows for the box below.
        let top_lines = vec![
            Line::styled(banner, banner_style),
            Line::raw(text::keep_units(&s.message)),
            Line::raw(""),
        ];
        let top_height =
            text::wrapped_height(&top_lines, area.width).min(area.height.saturating_sub(3));
        let [top, body] = area.layout(&Layout::vertical([
            Constraint::Length(top_height),
            Constraint::Min(3),
        ]));
        Paragraph::new(top_lines)
            .wrap(Wrap { trim: true })
            .render(top, buf);
        let mut lines = reasons(self.shared.kb, s, banner_style, theme);
        if s.stopped_early {
            let back = label(self.state.keys(), &Action::Back);
            let mut say = format!("Press {back} to go back to the question.");
            if self.state.finishes() {
                let finish = label(self.state.keys(), &Action::Finish);
                say = format!(
                    "Press {finish} to finish the questions for your clinician (your answers go into the summary), or {back} to go back to the question."
                );
            }
            lines.insert(1, Line::styled(say, theme.title));
        }
        if s.outcome == Outcome::Routine && s.excluded.is_empty() && s.modifications.is_empty() {
            lines.push(Line::raw(
                "Nothing you told us rules out an area or needs a gentler routine.",
            ));
            lines.push(Line::raw(""));
        }
        if s.outcome == Outcome::Routine {
            lines.push(Line::styled(
                format!(
                    "Press {} to choose your tools and how much time you have.",
                    label(self.state.keys(), &Action::Next)
                ),
                theme.title,
            ));
        } else {
            lines.push(Line::styled(
                format!(
                    "Press {} to save this summary for your doctor or physio.",
                    label(self.state.keys(), &Action::Export)
                ),
                theme.dim,
            ));
        }
        lines.push(Line::styled(crate::report::DISCLAIMER, theme.dim));
        *fit = Some(parts::scrolled_text(
            buf,
            body,
            lines,
            self.state.scroll.offset,
            Block::bordered().border_style(theme.border),
        ));
    }
}

fn reasons<'a>(
    kb: &KnowledgeBase,
    s: &'a Screening,
    banner_style: Style,
    theme: &crate::tui::theme::Theme,
) -> Vec<Line<'a>> {
    let mut lines: Vec<Line<'_>> = Vec::new();
    if s.stopped_early {
        lines.push(Line::styled(stopped_early(s), theme.warn));
        lines.push(Line::raw(""));
    }
    for block in blocks(kb, s) {
        lines.push(Line::styled(block.title, theme.title));
        let (marker, style) = match block.kind {
            BlockKind::Why => ("!  ", banner_style),
            BlockKind::LeftOut => ("x  ", theme.warn),
            BlockKind::Gentler => ("~  ", theme.warn),
            BlockKind::Noted => ("-  ", theme.dim),
        };
        for e in block.entries {
            let marker = if e.tier.is_some_and(|t| t >= Tier::Urgent) {
                "!! "
            } else {
                marker
            };
            lines.push(Line::from(vec![
                Span::styled(marker, style),
                Span::styled(e.head, theme.text),
            ]));
            for line in e.body {
                lines.push(Line::raw(format!("   {line}")));
            }
            if let Some(n) = e.not_sure {
                lines.push(Line::styled(format!("   {n}"), theme.warn));
            }
        }
        lines.push(Line::raw(""));
    }
    lines
}
