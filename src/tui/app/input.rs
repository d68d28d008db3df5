//! Keys to actions: the keymap of the current mode turns a key into an
//! [`Action`]; `update` carries it out in that mode.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::action::Action;
use super::super::keymap::{self, Keymap};
use super::{App, Focus, MessageKind, Mode};

impl App {
    /// The keys of the mode the app is in.
    pub fn keymap(&self) -> &'static Keymap {
        match self.mode {
            Mode::Normal => &keymap::NORMAL,
            Mode::Editing(_) => &keymap::EDITOR,
            Mode::EditingLine(_) => &keymap::LINE_EDITOR,
            Mode::Help { .. } => &keymap::HELP,
            Mode::Outline { .. } => &keymap::OUTLINE,
            Mode::Search { .. } => &keymap::SEARCH,
            Mode::QuitPrompt if self.back_to_list => &keymap::BACK_PROMPT,
            Mode::QuitPrompt => &keymap::QUIT_PROMPT,
            Mode::RestorePrompt { .. } => &keymap::RESTORE_PROMPT,
            Mode::SavedCopyPrompt => &keymap::SAVED_COPY_PROMPT,
            Mode::ConfirmSave { .. } => &keymap::CONFIRM_SAVE,
        }
    }

    /// Handle a key press in whatever mode the app is in.
    pub fn on_key(&mut self, key: KeyEvent) {
        if let Some(action) = self.keymap().action(key) {
            self.update(action);
        }
    }

    /// Carry out one action in the mode the app is in.
    pub fn update(&mut self, action: Action) {
        match &mut self.mode {
            Mode::Normal => self.update_normal(action),
            &mut Mode::Help { scroll } => {
                let body = self.viewport.get().help_rows.max(1);
                let last = super::super::view::overlay::help_lines()
                    .len()
                    .saturating_sub(body);
                let scroll = scroll.min(last);
                let to = match action {
                    Action::Up => scroll.saturating_sub(1),
                    Action::Down => (scroll + 1).min(last),
                    Action::PageUp => scroll.saturating_sub(body),
                    Action::PageDown => (scroll + body).min(last),
                    Action::Home => 0,
                    Action::End => last,
                    _ => {
                        self.mode = Mode::Normal;
                        return;
                    }
                };
                self.mode = Mode::Help { scroll: to };
            }
            &mut Mode::Outline { sel } => {
                let n = self.outline().len();
                let page = self.page(Focus::Grid);
                let to = match action {
                    Action::Up => sel.saturating_sub(1),
                    Action::Down => (sel + 1).min(n.saturating_sub(1)),
                    Action::PageUp => sel.saturating_sub(page),
                    Action::PageDown => (sel + page).min(n.saturating_sub(1)),
                    Action::Home => 0,
                    Action::End => n.saturating_sub(1),
                    Action::Commit => return self.outline_go(sel),
                    Action::Cancel => {
                        self.mode = Mode::Normal;
                        return;
                    }
                    _ => sel,
                };
                self.mode = Mode::Outline { sel: to };
            }
            Mode::RestorePrompt { .. } => match action {
                Action::Restore => {
                    self.mode = Mode::Normal;
                    self.restore_journal();
                }
                Action::DiscardJournal => {
                    self.mode = Mode::Normal;
                    self.discard_journal();
                }
                _ => {}
            },
            Mode::SavedCopyPrompt => match action {
                Action::ContinueSaved => self.choose_start(true),
                Action::StartFromInput => self.choose_start(false),
                Action::Quit => self.quit = true,
                _ => {}
            },
            &mut Mode::ConfirmSave { then_quit, .. } => match action {
                Action::SaveAnyway => {
                    self.mode = Mode::Normal;
                    if self.save_anyway() && then_quit {
                        self.quit = true;
                    }
                }
                Action::Cancel => self.mode = Mode::Normal,
                _ => {}
            },
            Mode::QuitPrompt => match action {
                Action::SaveAndQuit => {
                    self.mode = Mode::Normal;
                    if self.save_asking(true) {
                        self.quit = true;
                    }
                }
                Action::DiscardAndQuit => {
                    self.discard_journal();
                    self.quit = true;
                }
                Action::Cancel => self.mode = Mode::Normal,
                _ => {}
            },
            Mode::Search { query } => match action {
                Action::Commit => {
                    let q = std::mem::take(query);
                    self.run_search(q);
                }
                Action::Cancel => self.mode = Mode::Normal,
                Action::Input(key) => match key.code {
                    KeyCode::Backspace => {
                        query.pop();
                    }
                    KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                        query.push(c)
                    }
                    _ => {}
                },
                _ => {}
            },
            Mode::EditingLine(editor) => match action {
                Action::Commit => self.commit_line_edit(),
                Action::Cancel => self.mode = Mode::Normal,
                Action::Input(key) => {
                    editor.textarea.input(key);
                }
                _ => {}
            },
            Mode::Editing(editor) => match action {
                Action::Commit => self.commit_edit(),
                Action::CommitLeft
                | Action::CommitRight
                | Action::CommitUp
                | Action::CommitDown => {
                    self.commit_edit();
                    let dir = match action {
                        Action::CommitLeft => Action::Left,
                        Action::CommitRight => Action::Right,
                        Action::CommitUp => Action::Up,
                        _ => Action::Down,
                    };
                    self.movement(dir);
                }
                Action::Cancel => self.mode = Mode::Normal,
                Action::Input(key) => {
                    editor.textarea.input(key);
                }
                _ => {}
            },
        }
    }

    /// Carry out one action in normal mode.
    pub(super) fn update_normal(&mut self, action: Action) {
        let warning = matches!(self.message, Some((_, MessageKind::Warning)));
        // Esc reads a standing warning away first.
        if action == Action::Back && warning {
            self.message = None;
            return;
        }
        // Then it ends a search.
        if action == Action::Back && self.search.is_some() {
            self.search = None;
            self.message = None;
            return;
        }
        if action == Action::Back && !self.back_to_list {
            return;
        }
        if !matches!(action, Action::Save) && !warning {
            self.message = None;
        }
        if !matches!(
            action,
            Action::Help | Action::Outline | Action::FocusNext | Action::FocusPrev
        ) {
            self.pinned_line = None;
        }
        if !matches!(
            action,
            Action::Help
                | Action::Outline
                | Action::Search
                | Action::FocusNext
                | Action::FocusPrev
                | Action::ApplyFix
                | Action::NextError
                | Action::PrevError
        ) {
            self.walk_at = None;
        }
        let changes = match action {
            Action::Edit | Action::EditWith(_) => self.focus != Focus::Findings,
            Action::ClearCell
            | Action::ShiftLeft
            | Action::ShiftRight
            | Action::Undo
            | Action::Redo
            | Action::Save
            | Action::ApplyFix => true,
            _ => false,
        };
        if changes && self.refused_read_only() {
            return;
        }
        match action {
            Action::NextSection => {
                self.enter_stop((self.stop + 1).min(self.stops.len().saturating_sub(1)))
            }
            Action::PrevSection => self.enter_stop(self.stop.saturating_sub(1)),
            Action::Left
            | Action::Right
            | Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Home
            | Action::End
            | Action::Top
            | Action::Bottom => self.movement(action),
            Action::ClearCell if self.focus == Focus::Grid => {
                if let Some(t) = self.table() {
                    let (r, c) = self.cursor;
                    self.set_cell_recorded(t, r, c, "");
                }
            }
            Action::Search => self.start_search(),
            Action::NextError | Action::PrevError if self.search.is_some() => {
                self.next_hit(action == Action::NextError)
            }
            Action::FocusNext | Action::FocusPrev => {
                let order = [Focus::Grid, Focus::Findings, Focus::Text];
                let i = order.iter().position(|f| *f == self.focus).unwrap_or(0);
                let next = if action == Action::FocusNext {
                    (i + 1) % 3
                } else {
                    (i + 2) % 3
                };
                self.focus = order[next];
                if self.focus == Focus::Text {
                    self.show_text = true;
                    let l = self
                        .pinned_line
                        .or_else(|| self.selected_line())
                        .unwrap_or(self.viewport.get().text_start);
                    self.focus_text_line(l);
                }
            }
            Action::Edit => match self.focus {
                Focus::Findings => self.jump_to_selected_finding(),
                Focus::Grid => self.start_edit(None),
                Focus::Text => self.edit_text_line(),
            },
            Action::EditWith(c) if self.focus == Focus::Grid => self.start_edit(Some(c)),
            Action::NextError => self.next_finding(true),
            Action::PrevError => self.next_finding(false),
            Action::ShiftLeft => self.shift(-1),
            Action::ShiftRight => self.shift(1),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => {
                self.save();
            }
            Action::Quit => {
                if self.dirty {
                    self.mode = Mode::QuitPrompt;
                } else {
                    self.quit = true;
                }
            }
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Outline => self.open_outline(),
            Action::Back => self.update_normal(Action::Quit),
            Action::ApplyFix => self.apply_fix(),
            Action::ToggleText => {
                self.show_text = !self.show_text;
                if !self.show_text && self.focus == Focus::Text {
                    self.focus = Focus::Grid;
                }
            }
            // The other modes' actions.
            _ => {}
        }
    }
}
