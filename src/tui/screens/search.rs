//! Browse: search as you type, over techniques, areas and muscles.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Paragraph, Widget, Wrap};

use super::{Cmd, Ctx, Screen, View, browse_list, technique};
use crate::browse::{Hit, Searcher, Target};
use crate::tui::action::Action;
use crate::tui::keys::{Binding, Key, bind, help_only};
use crate::tui::widgets as parts;

/// While searching, letters are typed into the search, so only these keys act.
pub const KEYS: &[Binding] = &[
    bind(&[], "type", "to search", Action::Up),
    help_only(&[Key::Up], "↑", "move up", Action::Up),
    help_only(&[Key::Down], "↓", "move down", Action::Down),
    bind(&[], "↑↓", "move", Action::Up),
    help_only(&[Key::PageUp], "pgup", "a page up", Action::PageUp),
    help_only(&[Key::PageDown], "pgdn", "a page down", Action::PageDown),
    help_only(&[Key::Home], "home", "to the first result", Action::Home),
    help_only(&[Key::End], "end", "to the last result", Action::End),
    bind(&[Key::Enter], "enter", "open", Action::Next),
    bind(&[Key::Backspace], "bksp", "delete", Action::Erase),
    bind(&[Key::Esc], "esc", "back", Action::Back),
];

/// What was typed, what it finds (found again as it changes, with one matcher), and the result
/// under the cursor.
#[derive(Debug, Default)]
pub struct State {
    pub query: String,
    pub hit: usize,
    pub hits: Vec<Hit>,
    searcher: Searcher,
}

impl State {
    pub fn update<'kb>(&mut self, ctx: &mut Ctx<'_, 'kb>, action: Action) -> Cmd<'kb> {
        if let Some(hit) = super::list_move(self.hit, self.hits.len(), super::PAGE, &action) {
            self.hit = hit;
            return Cmd::Stay;
        }
        match action {
            Action::Type(c) => {
                self.query.push(c);
                self.research(ctx);
            }
            Action::Erase => {
                self.query.pop();
                self.research(ctx);
            }
            Action::Next => match self.hits.get(self.hit).map(|h| &h.target) {
                Some(Target::Technique(id)) => {
                    return Cmd::Push(Screen::Technique(technique::State::new(id)));
                }
                Some(Target::Region(id)) => {
                    if let Some(index) = ctx.kb.regions().iter().position(|r| r.id == *id) {
                        return Cmd::Push(Screen::BrowseList(browse_list::State::new(
                            ctx.kb, index,
                        )));
                    }
                }
                None => {}
            },
            Action::Back => return Cmd::Back,
            _ => {}
        }
        Cmd::Stay
    }

    fn research(&mut self, ctx: &Ctx<'_, '_>) {
        self.hits = self.searcher.search(ctx.kb, &self.query);
        self.hit = 0;
    }
}

impl Widget for View<'_, State> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, state) = (self.shared.theme, self.state);
        let body = parts::browse_reminder(buf, area, theme);
        let [input, results] = body.layout(&Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(1),
        ]));
        Paragraph::new(Line::from(vec![
            Span::raw(state.query.as_str()),
            Span::styled("_", theme.key),
        ]))
        .block(
            Block::bordered()
                .title(" Search ")
                .border_style(theme.title),
        )
        .render(input, buf);
        if state.hits.is_empty() {
            let text = if state.query.is_empty() {
                "Type part of a technique, area or muscle name, like calf, roll or soleus."
            } else {
                "Nothing matches. Try fewer letters."
            };
            Paragraph::new(Line::styled(text, theme.dim))
                .wrap(Wrap { trim: true })
                .render(results, buf);
            return;
        }
        let width = usize::from(results.width).saturating_sub(3);
        let items = state
            .hits
            .iter()
            .map(|h| {
                ListItem::new(
                    parts::wrap_words(&h.label, width)
                        .into_iter()
                        .map(Line::raw)
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        parts::list(buf, results, items, state.hit, true, theme);
    }
}
