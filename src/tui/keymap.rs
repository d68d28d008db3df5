//! Keys as data: one table that both the input handler and the `?` overlay
//! read, so help never drifts from behaviour.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

pub static BINDINGS: &[Binding] = &[
    Binding {
        keys: &[(KeyCode::Char(']'), NONE)],
        label: "]",
        action: Action::NextSection,
        help: "next section (grid shows its table)",
    },
    Binding {
        keys: &[(KeyCode::Char('['), NONE)],
        label: "[",
        action: Action::PrevSection,
        help: "previous section",
    },
    Binding {
        keys: &[(KeyCode::Left, NONE), (KeyCode::Char('h'), NONE)],
        label: "← h",
        action: Action::Left,
        help: "previous column",
    },
    Binding {
        keys: &[(KeyCode::Right, NONE), (KeyCode::Char('l'), NONE)],
        label: "→ l",
        action: Action::Right,
        help: "next column",
    },
    Binding {
        keys: &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)],
        label: "↑ k",
        action: Action::Up,
        help: "previous row / scroll up",
    },
    Binding {
        keys: &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)],
        label: "↓ j",
        action: Action::Down,
        help: "next row / scroll down",
    },
    Binding {
        keys: &[(KeyCode::PageUp, NONE)],
        label: "PgUp",
        action: Action::PageUp,
        help: "page up",
    },
    Binding {
        keys: &[(KeyCode::PageDown, NONE)],
        label: "PgDn",
        action: Action::PageDown,
        help: "page down",
    },
    Binding {
        keys: &[(KeyCode::Tab, NONE)],
        label: "Tab S-Tab",
        action: Action::FocusNext,
        help: "focus: grid → findings → text (Shift-Tab: backwards)",
    },
    Binding {
        keys: &[(KeyCode::Enter, NONE), (KeyCode::Char('e'), NONE)],
        label: "Enter e",
        action: Action::Edit,
        help: "edit the cell (Enter commits, Esc cancels); on a finding: go there",
    },
    Binding {
        keys: &[],
        label: "0-9 - .",
        action: Action::EditWith('0'),
        help: "start editing with that character replacing the value",
    },
    Binding {
        keys: &[(KeyCode::Char('n'), NONE)],
        label: "n",
        action: Action::NextError,
        help: "next cell named by an error, across tables",
    },
    Binding {
        keys: &[(KeyCode::Char('N'), NONE)],
        label: "N",
        action: Action::PrevError,
        help: "previous error cell",
    },
    Binding {
        keys: &[(KeyCode::Char('<'), NONE)],
        label: "<",
        action: Action::ShiftLeft,
        help: "shift the row's values one column left",
    },
    Binding {
        keys: &[(KeyCode::Char('>'), NONE)],
        label: ">",
        action: Action::ShiftRight,
        help: "shift the row's values one column right",
    },
    Binding {
        keys: &[(KeyCode::Char('f'), NONE)],
        label: "f",
        action: Action::ApplyFix,
        help: "apply the suggested fix of the finding here (undoable)",
    },
    Binding {
        keys: &[(KeyCode::Char('u'), NONE)],
        label: "u",
        action: Action::Undo,
        help: "undo the last edit or shift",
    },
    Binding {
        keys: &[(KeyCode::Char('r'), CTRL)],
        label: "Ctrl-r",
        action: Action::Redo,
        help: "redo",
    },
    Binding {
        keys: &[(KeyCode::Char('s'), NONE)],
        label: "s",
        action: Action::Save,
        help: "write <name>.normalized.txt beside the input (never the input)",
    },
    Binding {
        keys: &[(KeyCode::Char('z'), NONE)],
        label: "z",
        action: Action::ToggleText,
        help: "hide / show the text pane",
    },
    Binding {
        keys: &[(KeyCode::Char('?'), NONE)],
        label: "?",
        action: Action::Help,
        help: "this help",
    },
    Binding {
        keys: &[(KeyCode::Char('q'), NONE)],
        label: "q",
        action: Action::Quit,
        help: "quit (asks first when there are unsaved edits)",
    },
];

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
    let key = normalize(key)?;
    if key.code == KeyCode::BackTab {
        return Some(Action::FocusPrev);
    }
    if let KeyCode::Char(c) = key.code
        && key.modifiers == NONE
        && (c.is_ascii_digit() || c == '-' || c == '.')
    {
        return Some(Action::EditWith(c));
    }
    BINDINGS
        .iter()
        .find(|b| {
            b.keys
                .iter()
                .any(|&(code, mods)| code == key.code && mods == key.modifiers)
        })
        .map(|b| b.action)
}
