//! Keys as data: one keymap per mode of each screen. The input handlers,
//! the `?` overlay and the status-line hints all read these tables, so help
//! and hints never drift from behaviour.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use crate::i18n::{self, Key};

pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub label: &'static str,
    pub action: Action,
    pub help: Key,
    /// The word shown after the key in the status-line hints (none: the
    /// binding is in help only).
    pub hint: Option<Key>,
}

/// What a key that no binding names does in a mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unbound {
    Ignore,
    /// A text field takes it as typing ([`Action::Input`]).
    Input,
    /// Any other key means this (help: any key closes).
    Means(Action),
}

/// The keys of one mode.
pub struct Keymap {
    pub bindings: &'static [Binding],
    pub unbound: Unbound,
    /// Keys read by a rule rather than listed one by one (normal mode's
    /// digits, Shift-Tab); listed in help by a binding without keys.
    pub special: fn(KeyEvent) -> Option<Action>,
    /// Between two hints on the status line.
    pub hint_sep: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn b(
    keys: &'static [(KeyCode, KeyModifiers)],
    label: &'static str,
    action: Action,
    help: Key,
    hint: Option<Key>,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
        hint,
    }
}

fn no_special(_: KeyEvent) -> Option<Action> {
    None
}

/// Normal mode of the review screen.
pub static NORMAL: Keymap = Keymap {
    bindings: BINDINGS,
    unbound: Unbound::Ignore,
    special: normal_special,
    hint_sep: "  ",
};

pub static BINDINGS: &[Binding] = &[
    b(
        &[(KeyCode::Char('?'), NONE)],
        "?",
        Action::Help,
        Key::KhHelp,
        Some(Key::HintHelp),
    ),
    b(
        &[(KeyCode::Char('n'), NONE)],
        "n",
        Action::NextError,
        Key::KhNextError,
        Some(Key::HintNextError),
    ),
    b(
        &[(KeyCode::Char('N'), NONE)],
        "N",
        Action::PrevError,
        Key::KhPrevError,
        None,
    ),
    b(
        &[(KeyCode::Char('f'), NONE)],
        "f",
        Action::ApplyFix,
        Key::KhApplyFix,
        Some(Key::HintFix),
    ),
    b(
        &[(KeyCode::Char('s'), NONE)],
        "s",
        Action::Save,
        Key::KhSaveAsks,
        Some(Key::HintSave),
    ),
    b(
        &[(KeyCode::Char('q'), NONE)],
        "q",
        Action::Quit,
        Key::KhQuit,
        Some(Key::HintQuit),
    ),
    b(
        &[(KeyCode::Char('o'), NONE)],
        "o",
        Action::Outline,
        Key::KhOutline,
        Some(Key::HintOutline),
    ),
    b(
        &[(KeyCode::Char('/'), NONE)],
        "/",
        Action::Search,
        Key::KhSearch,
        Some(Key::HintSearch),
    ),
    b(
        &[(KeyCode::Char(']'), NONE)],
        "]",
        Action::NextSection,
        Key::KhNextSection,
        Some(Key::HintNextSection),
    ),
    b(
        &[(KeyCode::Char('['), NONE)],
        "[",
        Action::PrevSection,
        Key::KhPrevSection,
        None,
    ),
    b(
        &[(KeyCode::Left, NONE), (KeyCode::Char('h'), NONE)],
        "← h",
        Action::Left,
        Key::KhLeft,
        None,
    ),
    b(
        &[(KeyCode::Right, NONE), (KeyCode::Char('l'), NONE)],
        "→ l",
        Action::Right,
        Key::KhRight,
        None,
    ),
    b(
        &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)],
        "↑ k",
        Action::Up,
        Key::KhUp,
        None,
    ),
    b(
        &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)],
        "↓ j",
        Action::Down,
        Key::KhDown,
        None,
    ),
    b(
        &[(KeyCode::PageUp, NONE)],
        "PgUp",
        Action::PageUp,
        Key::KhPageUp,
        None,
    ),
    b(
        &[(KeyCode::PageDown, NONE)],
        "PgDn",
        Action::PageDown,
        Key::KhPageDown,
        None,
    ),
    b(
        &[(KeyCode::Tab, NONE)],
        "Tab S-Tab",
        Action::FocusNext,
        Key::KhFocus,
        None,
    ),
    b(
        &[(KeyCode::Enter, NONE), (KeyCode::Char('e'), NONE)],
        "Enter e",
        Action::Edit,
        Key::KhEdit,
        None,
    ),
    b(
        &[(KeyCode::Delete, NONE), (KeyCode::Backspace, NONE)],
        "Del BkSp",
        Action::ClearCell,
        Key::KhClear,
        None,
    ),
    b(
        &[(KeyCode::Home, NONE)],
        "Home",
        Action::Home,
        Key::KhHome,
        None,
    ),
    b(
        &[(KeyCode::End, NONE)],
        "End",
        Action::End,
        Key::KhEnd,
        None,
    ),
    b(
        &[(KeyCode::Char('g'), NONE)],
        "g",
        Action::Top,
        Key::KhTop,
        None,
    ),
    b(
        &[(KeyCode::Char('G'), NONE)],
        "G",
        Action::Bottom,
        Key::KhBottom,
        None,
    ),
    b(&[], "0-9 - .", Action::EditWith('0'), Key::KhEditWith, None),
    b(
        &[(KeyCode::Char('<'), NONE)],
        "<",
        Action::ShiftLeft,
        Key::KhShiftLeft,
        None,
    ),
    b(
        &[(KeyCode::Char('>'), NONE)],
        ">",
        Action::ShiftRight,
        Key::KhShiftRight,
        None,
    ),
    b(
        &[(KeyCode::Char('u'), NONE)],
        "u",
        Action::Undo,
        Key::KhUndo,
        None,
    ),
    b(
        &[(KeyCode::Char('r'), CTRL)],
        "Ctrl-r",
        Action::Redo,
        Key::KhRedo,
        None,
    ),
    b(
        &[(KeyCode::Char('z'), NONE)],
        "z",
        Action::ToggleText,
        Key::KhToggleText,
        None,
    ),
];

/// Normal mode: a digit, `-` or `.` starts an edit with it; Shift-Tab.
fn normal_special(key: KeyEvent) -> Option<Action> {
    if key.code == KeyCode::BackTab {
        return Some(Action::FocusPrev);
    }
    if key.code == KeyCode::Esc && key.modifiers == NONE {
        return Some(Action::Back);
    }
    if let KeyCode::Char(c) = key.code
        && key.modifiers == NONE
        && (c.is_ascii_digit() || c == '-' || c == '.')
    {
        return Some(Action::EditWith(c));
    }
    None
}

/// The cell editor: Enter commits, Esc cancels, the rest is typing.
pub static EDITOR: Keymap = Keymap {
    bindings: &[
        b(
            &[(KeyCode::Enter, NONE)],
            "Enter",
            Action::Commit,
            Key::KhEdCommit,
            Some(Key::HintCommit),
        ),
        b(
            &[(KeyCode::Esc, NONE)],
            "Esc",
            Action::Cancel,
            Key::KhEdCancel,
            Some(Key::HintCancel),
        ),
        b(
            &[(KeyCode::Tab, NONE)],
            "Tab",
            Action::CommitRight,
            Key::KhEdRight,
            None,
        ),
        b(
            &[(KeyCode::BackTab, NONE)],
            "S-Tab",
            Action::CommitLeft,
            Key::KhEdLeft,
            None,
        ),
        b(
            &[(KeyCode::Up, NONE)],
            "↑",
            Action::CommitUp,
            Key::KhEdUp,
            None,
        ),
        b(
            &[(KeyCode::Down, NONE)],
            "↓",
            Action::CommitDown,
            Key::KhEdDown,
            None,
        ),
    ],
    unbound: Unbound::Input,
    special: no_special,
    hint_sep: "  ",
};

/// The text line editor: Enter commits, Esc cancels, the rest is typing.
pub static LINE_EDITOR: Keymap = Keymap {
    bindings: &[
        b(
            &[(KeyCode::Enter, NONE)],
            "Enter",
            Action::Commit,
            Key::KhLineCommit,
            Some(Key::HintCommit),
        ),
        b(
            &[(KeyCode::Esc, NONE)],
            "Esc",
            Action::Cancel,
            Key::KhLineCancel,
            Some(Key::HintCancel),
        ),
    ],
    unbound: Unbound::Input,
    special: no_special,
    hint_sep: "  ",
};

/// The help overlay: the arrows and pages scroll, any other key closes it.
pub static HELP: Keymap = Keymap {
    bindings: &[
        b(
            &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)],
            "↑ k",
            Action::Up,
            Key::KhHelpUp,
            None,
        ),
        b(
            &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)],
            "↓ j",
            Action::Down,
            Key::KhHelpDown,
            None,
        ),
        b(
            &[(KeyCode::PageUp, NONE)],
            "PgUp",
            Action::PageUp,
            Key::KhPageUp,
            None,
        ),
        b(
            &[(KeyCode::PageDown, NONE), (KeyCode::Char(' '), NONE)],
            "PgDn",
            Action::PageDown,
            Key::KhPageDown,
            Some(Key::HintPageDown),
        ),
        b(
            &[(KeyCode::Home, NONE), (KeyCode::Char('g'), NONE)],
            "Home g",
            Action::Home,
            Key::KhHelpHome,
            None,
        ),
        b(
            &[(KeyCode::End, NONE), (KeyCode::Char('G'), NONE)],
            "End G",
            Action::End,
            Key::KhHelpEnd,
            None,
        ),
        b(&[], "", Action::CloseHelp, Key::KhHelpClose, None),
    ],
    unbound: Unbound::Means(Action::CloseHelp),
    special: no_special,
    hint_sep: "  ",
};

/// The search prompt: Enter searches, Esc cancels, the rest is typing.
pub static SEARCH: Keymap = Keymap {
    bindings: &[
        b(
            &[(KeyCode::Enter, NONE)],
            "Enter",
            Action::Commit,
            Key::KhSearchGo,
            Some(Key::HintSearch),
        ),
        b(
            &[(KeyCode::Esc, NONE)],
            "Esc",
            Action::Cancel,
            Key::KhSearchCancel,
            Some(Key::HintCancel),
        ),
    ],
    unbound: Unbound::Input,
    special: no_special,
    hint_sep: "  ",
};

/// The outline overlay.
pub static OUTLINE: Keymap = Keymap {
    bindings: &[
        b(
            &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)],
            "↑ k",
            Action::Up,
            Key::KhOutUp,
            None,
        ),
        b(
            &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)],
            "↓ j",
            Action::Down,
            Key::KhOutDown,
            None,
        ),
        b(
            &[(KeyCode::PageUp, NONE)],
            "PgUp",
            Action::PageUp,
            Key::KhPageUp,
            None,
        ),
        b(
            &[(KeyCode::PageDown, NONE)],
            "PgDn",
            Action::PageDown,
            Key::KhPageDown,
            None,
        ),
        b(
            &[(KeyCode::Home, NONE), (KeyCode::Char('g'), NONE)],
            "Home g",
            Action::Home,
            Key::KhOutHome,
            None,
        ),
        b(
            &[(KeyCode::End, NONE), (KeyCode::Char('G'), NONE)],
            "End G",
            Action::End,
            Key::KhOutEnd,
            None,
        ),
        b(
            &[(KeyCode::Enter, NONE)],
            "Enter",
            Action::Commit,
            Key::KhOutGo,
            Some(Key::HintGo),
        ),
        b(
            &[
                (KeyCode::Esc, NONE),
                (KeyCode::Char('o'), NONE),
                (KeyCode::Char('q'), NONE),
            ],
            "Esc o q",
            Action::Cancel,
            Key::KhOutClose,
            Some(Key::HintClose),
        ),
    ],
    unbound: Unbound::Ignore,
    special: no_special,
    hint_sep: "  ",
};

/// The unsaved-edits prompt on quitting.
pub static QUIT_PROMPT: Keymap = Keymap {
    bindings: &[
        b(
            &[(KeyCode::Char('s'), NONE)],
            "s",
            Action::SaveAndQuit,
            Key::KhSaveQuit,
            Some(Key::HintSaveQuit),
        ),
        b(
            &[(KeyCode::Char('d'), NONE)],
            "d",
            Action::DiscardAndQuit,
            Key::KhDiscardQuit,
            Some(Key::HintDiscardQuit),
        ),
        b(
            &[
                (KeyCode::Esc, NONE),
                (KeyCode::Char('c'), NONE),
                (KeyCode::Char('q'), NONE),
            ],
            "Esc c q",
            Action::Cancel,
            Key::KhBackToReport,
            Some(Key::HintCancel),
        ),
    ],
    unbound: Unbound::Ignore,
    special: no_special,
    hint_sep: "   ",
};

/// The unsaved-edits prompt on leaving a review opened from the list.
pub static BACK_PROMPT: Keymap = Keymap {
    bindings: &[
        b(
            &[(KeyCode::Char('s'), NONE)],
            "s",
            Action::SaveAndQuit,
            Key::KhSaveBack,
            Some(Key::HintSaveBack),
        ),
        b(
            &[(KeyCode::Char('d'), NONE)],
            "d",
            Action::DiscardAndQuit,
            Key::KhDiscardBack,
            Some(Key::HintDiscardBack),
        ),
        b(
            &[
                (KeyCode::Esc, NONE),
                (KeyCode::Char('c'), NONE),
                (KeyCode::Char('q'), NONE),
            ],
            "Esc c q",
            Action::Cancel,
            Key::KhBackToReport,
            Some(Key::HintCancel),
        ),
    ],
    unbound: Unbound::Ignore,
    special: no_special,
    hint_sep: "   ",
};

/// The prompt for edits an earlier session left in the journal.
pub static RESTORE_PROMPT: Keymap = Keymap {
    bindings: &[
        b(
            &[(KeyCode::Char('r'), NONE), (KeyCode::Enter, NONE)],
            "r Enter",
            Action::Restore,
            Key::KhRestore,
            Some(Key::HintRestore),
        ),
        b(
            &[(KeyCode::Char('d'), NONE)],
            "d",
            Action::DiscardJournal,
            Key::KhDiscardJournal,
            Some(Key::HintDiscardJournal),
        ),
    ],
    unbound: Unbound::Ignore,
    special: no_special,
    hint_sep: "   ",
};

/// A saved normalized copy differs from what the input reads as.
pub static SAVED_COPY_PROMPT: Keymap = Keymap {
    bindings: &[
        b(
            &[(KeyCode::Char('c'), NONE), (KeyCode::Enter, NONE)],
            "c Enter",
            Action::ContinueSaved,
            Key::KhContinueSaved,
            Some(Key::HintContinueSaved),
        ),
        b(
            &[(KeyCode::Char('i'), NONE)],
            "i",
            Action::StartFromInput,
            Key::KhStartFromInput,
            Some(Key::HintStartFromInput),
        ),
        // Leaving without choosing (nothing is loaded or changed yet); no
        // hint, the two choices keep the prompt's line.
        b(
            &[(KeyCode::Char('q'), NONE), (KeyCode::Esc, NONE)],
            "q Esc",
            Action::Quit,
            Key::KhQuit,
            None,
        ),
    ],
    unbound: Unbound::Ignore,
    special: no_special,
    hint_sep: "   ",
};

/// Before `s`, when the input or the output changed on disk.
pub static CONFIRM_SAVE: Keymap = Keymap {
    bindings: &[
        b(
            &[(KeyCode::Char('y'), NONE)],
            "y",
            Action::SaveAnyway,
            Key::KhSaveAnyway,
            Some(Key::HintSaveAnyway),
        ),
        b(
            &[
                (KeyCode::Esc, NONE),
                (KeyCode::Char('n'), NONE),
                (KeyCode::Char('c'), NONE),
                (KeyCode::Char('q'), NONE),
            ],
            "Esc n c q",
            Action::Cancel,
            Key::KhCancelSave,
            Some(Key::HintCancelSave),
        ),
    ],
    unbound: Unbound::Ignore,
    special: no_special,
    hint_sep: "   ",
};

/// The folder list.
pub static LIST: Keymap = Keymap {
    bindings: &[
        b(
            &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)],
            "↓ j",
            Action::Down,
            Key::KhListDown,
            None,
        ),
        b(
            &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)],
            "↑ k",
            Action::Up,
            Key::KhListUp,
            None,
        ),
        b(
            &[(KeyCode::PageDown, NONE)],
            "PgDn",
            Action::PageDown,
            Key::KhPageDown,
            None,
        ),
        b(
            &[(KeyCode::PageUp, NONE)],
            "PgUp",
            Action::PageUp,
            Key::KhPageUp,
            None,
        ),
        b(
            &[(KeyCode::Home, NONE), (KeyCode::Char('g'), NONE)],
            "Home g",
            Action::Home,
            Key::KhListHome,
            None,
        ),
        b(
            &[(KeyCode::End, NONE), (KeyCode::Char('G'), NONE)],
            "End G",
            Action::End,
            Key::KhListEnd,
            None,
        ),
        b(
            &[(KeyCode::Enter, NONE)],
            "Enter",
            Action::Open,
            Key::KhListOpen,
            Some(Key::HintOpen),
        ),
        b(
            &[(KeyCode::Char('o'), NONE)],
            "o",
            Action::SortNext,
            Key::KhListSort,
            Some(Key::HintSort),
        ),
        b(
            &[(KeyCode::Char('O'), NONE)],
            "O",
            Action::SortReverse,
            Key::KhListReverse,
            Some(Key::HintReverse),
        ),
        b(
            &[(KeyCode::Char('/'), NONE)],
            "/",
            Action::Filter,
            Key::KhListFilter,
            Some(Key::HintFilter),
        ),
        b(
            &[(KeyCode::Char('e'), NONE)],
            "e",
            Action::ErrorsOnly,
            Key::KhListErrors,
            Some(Key::HintErrorsOnly),
        ),
        b(
            &[(KeyCode::Char('q'), NONE)],
            "q",
            Action::Quit,
            Key::KhListQuit,
            Some(Key::HintQuit),
        ),
        b(
            &[(KeyCode::Esc, NONE)],
            "Esc",
            Action::Back,
            Key::KhListEsc,
            None,
        ),
    ],
    unbound: Unbound::Ignore,
    special: no_special,
    hint_sep: "  ",
};

/// Asking before the list quits on Esc.
pub static LIST_CONFIRM_QUIT: Keymap = Keymap {
    bindings: &[b(
        &[
            (KeyCode::Char('y'), NONE),
            (KeyCode::Char('q'), NONE),
            (KeyCode::Enter, NONE),
        ],
        "y q Enter",
        Action::Quit,
        Key::KhConfirmQuit,
        Some(Key::HintQuit),
    )],
    unbound: Unbound::Means(Action::Cancel),
    special: no_special,
    hint_sep: "  ",
};

/// The list's filter field: Enter or Esc ends it, the rest is typing.
pub static LIST_FILTER: Keymap = Keymap {
    bindings: &[b(
        &[(KeyCode::Enter, NONE), (KeyCode::Esc, NONE)],
        "Enter Esc",
        Action::Commit,
        Key::KhFilterDone,
        Some(Key::HintDone),
    )],
    unbound: Unbound::Input,
    special: no_special,
    hint_sep: "  ",
};

impl Keymap {
    /// The action a key press means in this mode.
    pub fn action(&self, key: KeyEvent) -> Option<Action> {
        let key = normalize(key)?;
        let bound = self
            .bindings
            .iter()
            .find(|b| {
                b.keys
                    .iter()
                    .any(|&(code, mods)| code == key.code && mods == key.modifiers)
            })
            .map(|b| b.action);
        bound
            .or_else(|| (self.special)(key))
            .or(match self.unbound {
                Unbound::Ignore => None,
                Unbound::Input => Some(Action::Input(key)),
                Unbound::Means(a) => Some(a),
            })
    }

    /// The status-line hints: `key word` for each binding with a hint word,
    /// the key being the first of its label.
    pub fn hint_list(&self) -> Vec<String> {
        self.bindings
            .iter()
            .filter_map(|b| {
                let word = i18n::text(b.hint?);
                let key = b.label.split(' ').next().unwrap_or(b.label);
                Some(format!("{key} {word}"))
            })
            .collect()
    }

    /// All the hints on one line.
    pub fn hints(&self) -> String {
        self.hint_list().join(self.hint_sep)
    }

    /// As many whole hints as fit in `room` columns.
    pub fn hints_within(&self, room: usize) -> String {
        let mut out = String::new();
        for h in self.hint_list() {
            let next = if out.is_empty() {
                h
            } else {
                format!("{out}{}{h}", self.hint_sep)
            };
            if super::width::width(&next) > room {
                break;
            }
            out = next;
        }
        out
    }
}

/// Only presses count; Shift is dropped from characters (`<`, `>`, `?`, `N`
/// arrive with it on some terminals and not on others).
pub fn normalize(key: KeyEvent) -> Option<KeyEvent> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let mut key = key;
    if matches!(key.code, KeyCode::Char(_)) {
        key.modifiers.remove(KeyModifiers::SHIFT);
    }
    if key.code == KeyCode::BackTab {
        key.modifiers.remove(KeyModifiers::SHIFT);
    }
    Some(key)
}

/// The action a key means in normal mode.
pub fn lookup(key: KeyEvent) -> Option<Action> {
    NORMAL.action(key)
}
