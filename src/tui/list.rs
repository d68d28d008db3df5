//! The coordinator's list: one row per report with its counts per rule
//! family, sortable and filterable, filled in while the files load.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::keymap::{self, Keymap};
use crate::batch::{Family, Summary};
use crate::i18n::{self, Key};

/// What the list can be sorted by (`o` cycles, `O` reverses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Agency,
    File,
    Encoding,
    Errors,
    Family(Family),
}

impl SortKey {
    pub const CYCLE: [SortKey; 8] = [
        SortKey::Errors,
        SortKey::Family(Family::Sums),
        SortKey::Family(Family::Layout),
        SortKey::Family(Family::Narrative),
        SortKey::Family(Family::CarryOver),
        SortKey::Agency,
        SortKey::File,
        SortKey::Encoding,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SortKey::Agency => i18n::text(Key::TuiSortAgency),
            SortKey::File => i18n::text(Key::TuiSortFile),
            SortKey::Encoding => i18n::text(Key::TuiSortEncoding),
            SortKey::Errors => i18n::text(Key::TuiSortErrors),
            SortKey::Family(f) => i18n::text(match f {
                Family::Sums => Key::FamilySums,
                Family::Layout => Key::FamilyLayout,
                Family::Narrative => Key::FamilyNarrative,
                Family::CarryOver => Key::FamilyCarryOver,
            }),
        }
    }
}

/// What a key in the list asks the shell to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    None,
    /// Open this entry (index into `entries`) in the review screen.
    Open(usize),
    Quit,
}

pub struct ListApp {
    pub files: Vec<PathBuf>,
    /// By file index; `None` until loaded.
    pub entries: Vec<Option<Summary>>,
    pub loaded: usize,
    pub sort: SortKey,
    pub descending: bool,
    pub filter: String,
    pub filtering: bool,
    /// Esc was pressed with nothing to clear: asking before quitting.
    pub confirm_quit: bool,
    pub errors_only: bool,
    /// Selected row of the visible list.
    pub selected: usize,
    /// The last problem (a file that could not be opened).
    pub message: Option<String>,
}

fn family_index(f: Family) -> usize {
    Family::ALL.iter().position(|x| *x == f).unwrap_or(0)
}

impl ListApp {
    pub fn new(files: Vec<PathBuf>) -> Self {
        let n = files.len();
        ListApp {
            files,
            entries: vec![None; n],
            loaded: 0,
            sort: SortKey::Errors,
            descending: true,
            filter: String::new(),
            filtering: false,
            confirm_quit: false,
            errors_only: false,
            selected: 0,
            message: None,
        }
    }

    pub fn loading(&self) -> bool {
        self.loaded < self.files.len()
    }

    /// A file's summary arrived (from the loader, or after a review).
    pub fn set(&mut self, index: usize, summary: Summary) {
        if let Some(slot) = self.entries.get_mut(index) {
            if slot.is_none() {
                self.loaded += 1;
            }
            *slot = Some(summary);
        }
    }

    /// Indexes (into `entries`) of the rows shown, filtered and sorted.
    pub fn visible(&self) -> Vec<usize> {
        let needle = self.filter.to_lowercase();
        let mut rows: Vec<usize> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.as_ref().map(|s| (i, s)))
            .filter(|(_, s)| !self.errors_only || s.counts.total_errors() > 0 || s.error.is_some())
            .filter(|(_, s)| {
                needle.is_empty()
                    || s.agency.to_lowercase().contains(&needle)
                    || s.title.to_lowercase().contains(&needle)
                    || s.path.to_string_lossy().to_lowercase().contains(&needle)
            })
            .map(|(i, _)| i)
            .collect();
        let key = |i: &usize| -> (i64, String) {
            let Some(s) = self.entries[*i].as_ref() else {
                return (0, String::new());
            };
            let unreadable = i64::from(s.error.is_some()) * 1_000_000;
            match self.sort {
                // By pinyin (北京 before 上海 before 卫东), then the name.
                SortKey::Agency => (
                    0,
                    format!("{}\u{0}{}", crate::batch::pinyin_key(&s.agency), s.agency),
                ),
                SortKey::File => (0, s.path.to_string_lossy().into_owned()),
                SortKey::Encoding => (0, s.encoding.clone()),
                SortKey::Errors => (
                    unreadable
                        + i64::from(s.counts.total_errors()) * 1000
                        + i64::from(s.counts.total_warnings()),
                    String::new(),
                ),
                SortKey::Family(f) => {
                    let k = family_index(f);
                    (
                        unreadable
                            + i64::from(s.counts.errors[k]) * 1000
                            + i64::from(s.counts.warnings[k]),
                        String::new(),
                    )
                }
            }
        };
        // Stable: equal keys keep file order.
        rows.sort_by(|a, b| {
            let (ka, kb) = (key(a), key(b));
            let ord = ka.cmp(&kb);
            if self.descending { ord.reverse() } else { ord }
        });
        rows
    }

    /// The keys of the mode the list is in.
    pub fn keymap(&self) -> &'static Keymap {
        if self.filtering {
            &keymap::LIST_FILTER
        } else if self.confirm_quit {
            &keymap::LIST_CONFIRM_QUIT
        } else {
            &keymap::LIST
        }
    }

    /// Handle a key.
    pub fn on_key(&mut self, key: KeyEvent) -> Outcome {
        if keymap::normalize(key).is_none() {
            return Outcome::None;
        }
        let action = self.keymap().action(key);
        if self.confirm_quit {
            self.confirm_quit = false;
            return match action {
                Some(Action::Quit) => Outcome::Quit,
                _ => Outcome::None,
            };
        }
        if self.filtering {
            if let Some(a) = action {
                self.update_filter(a);
            }
            self.selected = 0;
            return Outcome::None;
        }
        let n = self.visible().len();
        // Rows may have left the view (a review fixed them, a filter).
        self.selected = self.selected.min(n.saturating_sub(1));
        self.message = None;
        match action {
            Some(a) => self.update(a, n),
            None => Outcome::None,
        }
    }

    /// Typing into the filter.
    fn update_filter(&mut self, action: Action) {
        match action {
            Action::Commit => self.filtering = false,
            Action::Input(key) => match key.code {
                KeyCode::Backspace => {
                    self.filter.pop();
                }
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    self.filter.push(c)
                }
                _ => {}
            },
            _ => {}
        }
    }

    /// Carry out an action on the list of `n` visible rows.
    fn update(&mut self, action: Action, n: usize) -> Outcome {
        match action {
            Action::Quit => return Outcome::Quit,
            Action::Back => {
                // Back out of a filter first; at the top, ask.
                if !self.filter.is_empty() || self.errors_only {
                    self.filter.clear();
                    self.errors_only = false;
                    self.selected = 0;
                } else {
                    self.confirm_quit = true;
                }
            }
            Action::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::PageDown => self.selected = (self.selected + 20).min(n.saturating_sub(1)),
            Action::PageUp => self.selected = self.selected.saturating_sub(20),
            Action::Home => self.selected = 0,
            Action::End => self.selected = n.saturating_sub(1),
            Action::SortNext => {
                let i = SortKey::CYCLE
                    .iter()
                    .position(|k| *k == self.sort)
                    .unwrap_or(0);
                self.sort = SortKey::CYCLE[(i + 1) % SortKey::CYCLE.len()];
                // Counts read worst first; names read A to Z.
                self.descending = matches!(self.sort, SortKey::Errors | SortKey::Family(_));
            }
            Action::SortReverse => self.descending = !self.descending,
            Action::Filter => {
                self.filtering = true;
                self.filter.clear();
            }
            Action::ErrorsOnly => {
                self.errors_only = !self.errors_only;
                self.selected = 0;
            }
            Action::Open => {
                if let Some(&i) = self.visible().get(self.selected) {
                    return Outcome::Open(i);
                }
            }
            _ => {}
        }
        Outcome::None
    }
}
