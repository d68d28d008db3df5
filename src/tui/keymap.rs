//! Keys as data: one keymap per mode of each screen. The input handlers,
//! the `?` overlay and the status-line hints all read these tables, so help
//! and hints never drift from behaviour.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
    /// The word shown after the key in the status-line hints (none: the
    /// binding is in help only).
    pub hint: Option<&'static str>,
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
    help: &'static str,
    hint: Option<&'static str>,
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
        "this help",
        Some("help"),
    ),
    b(
        &[(KeyCode::Char('n'), NONE)],
        "n",
        Action::NextError,
        "下一个问题；搜索后为下一个结果 (next finding / hit)",
        Some("next error"),
    ),
    b(
        &[(KeyCode::Char('N'), NONE)],
        "N",
        Action::PrevError,
        "上一个问题 / 上一个结果 (previous)",
        None,
    ),
    b(
        &[(KeyCode::Char('f'), NONE)],
        "f",
        Action::ApplyFix,
        "apply the suggested fix of the finding here (undoable)",
        Some("修正"),
    ),
    b(
        &[(KeyCode::Char('s'), NONE)],
        "s",
        Action::Save,
        "write <name>.normalized.txt; asks first if a file changed on disk",
        Some("save"),
    ),
    b(
        &[(KeyCode::Char('q'), NONE)],
        "q",
        Action::Quit,
        "quit (asks first when there are unsaved edits)",
        Some("quit"),
    ),
    b(
        &[(KeyCode::Char('o'), NONE)],
        "o",
        Action::Outline,
        "大纲：各章节及其问题数，Enter 前往 (outline of sections)",
        Some("大纲"),
    ),
    b(
        &[(KeyCode::Char('/'), NONE)],
        "/",
        Action::Search,
        "搜索行名和原文；之后 n/N 在结果间移动，Esc 结束 (search)",
        Some("搜索"),
    ),
    b(
        &[(KeyCode::Char(']'), NONE)],
        "]",
        Action::NextSection,
        "next section (grid shows its table)",
        Some("next section"),
    ),
    b(
        &[(KeyCode::Char('['), NONE)],
        "[",
        Action::PrevSection,
        "previous section",
        None,
    ),
    b(
        &[(KeyCode::Left, NONE), (KeyCode::Char('h'), NONE)],
        "← h",
        Action::Left,
        "previous column",
        None,
    ),
    b(
        &[(KeyCode::Right, NONE), (KeyCode::Char('l'), NONE)],
        "→ l",
        Action::Right,
        "next column",
        None,
    ),
    b(
        &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)],
        "↑ k",
        Action::Up,
        "previous row / scroll up",
        None,
    ),
    b(
        &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)],
        "↓ j",
        Action::Down,
        "next row / scroll down",
        None,
    ),
    b(
        &[(KeyCode::PageUp, NONE)],
        "PgUp",
        Action::PageUp,
        "page up",
        None,
    ),
    b(
        &[(KeyCode::PageDown, NONE)],
        "PgDn",
        Action::PageDown,
        "page down",
        None,
    ),
    b(
        &[(KeyCode::Tab, NONE)],
        "Tab S-Tab",
        Action::FocusNext,
        "focus: grid → findings → text (Shift-Tab: backwards)",
        None,
    ),
    b(
        &[(KeyCode::Enter, NONE), (KeyCode::Char('e'), NONE)],
        "Enter e",
        Action::Edit,
        "edit the cell or the text line; on a finding: go there",
        None,
    ),
    b(
        &[(KeyCode::Delete, NONE), (KeyCode::Backspace, NONE)],
        "Del BkSp",
        Action::ClearCell,
        "清空单元格（空白按 0 计，并提示）",
        None,
    ),
    b(
        &[(KeyCode::Home, NONE)],
        "Home",
        Action::Home,
        "行首 (first column; text: first line)",
        None,
    ),
    b(
        &[(KeyCode::End, NONE)],
        "End",
        Action::End,
        "行尾 (last column; text: last line)",
        None,
    ),
    b(
        &[(KeyCode::Char('g'), NONE)],
        "g",
        Action::Top,
        "第一行 (first row / line / finding)",
        None,
    ),
    b(
        &[(KeyCode::Char('G'), NONE)],
        "G",
        Action::Bottom,
        "最后一行 (last row / line / finding)",
        None,
    ),
    b(
        &[],
        "0-9 - .",
        Action::EditWith('0'),
        "start editing with that character replacing the value",
        None,
    ),
    b(
        &[(KeyCode::Char('<'), NONE)],
        "<",
        Action::ShiftLeft,
        "shift the row's values one column left",
        None,
    ),
    b(
        &[(KeyCode::Char('>'), NONE)],
        ">",
        Action::ShiftRight,
        "shift the row's values one column right",
        None,
    ),
    b(
        &[(KeyCode::Char('u'), NONE)],
        "u",
        Action::Undo,
        "undo the last edit or shift",
        None,
    ),
    b(
        &[(KeyCode::Char('r'), CTRL)],
        "Ctrl-r",
        Action::Redo,
        "redo",
        None,
    ),
    b(
        &[(KeyCode::Char('z'), NONE)],
        "z",
        Action::ToggleText,
        "hide / show the text pane",
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
            "commit the value",
            Some("commit"),
        ),
        b(
            &[(KeyCode::Esc, NONE)],
            "Esc",
            Action::Cancel,
            "cancel the edit",
            Some("cancel"),
        ),
        b(
            &[(KeyCode::Tab, NONE)],
            "Tab",
            Action::CommitRight,
            "确定并右移一格（粘贴制表符分隔的一行即逐格填入）",
            None,
        ),
        b(
            &[(KeyCode::BackTab, NONE)],
            "S-Tab",
            Action::CommitLeft,
            "确定并左移一格",
            None,
        ),
        b(
            &[(KeyCode::Up, NONE)],
            "↑",
            Action::CommitUp,
            "确定并上移一行",
            None,
        ),
        b(
            &[(KeyCode::Down, NONE)],
            "↓",
            Action::CommitDown,
            "确定并下移一行（← → 在格内移动光标）",
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
            "保存这一行的修改（可撤销）",
            Some("确定"),
        ),
        b(
            &[(KeyCode::Esc, NONE)],
            "Esc",
            Action::Cancel,
            "放弃这一行的修改",
            Some("取消"),
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
            "向上滚动 (scroll up)",
            None,
        ),
        b(
            &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)],
            "↓ j",
            Action::Down,
            "向下滚动 (scroll down)",
            None,
        ),
        b(
            &[(KeyCode::PageUp, NONE)],
            "PgUp",
            Action::PageUp,
            "上一页",
            None,
        ),
        b(
            &[(KeyCode::PageDown, NONE), (KeyCode::Char(' '), NONE)],
            "PgDn",
            Action::PageDown,
            "下一页",
            Some("下一页"),
        ),
        b(
            &[(KeyCode::Home, NONE), (KeyCode::Char('g'), NONE)],
            "Home g",
            Action::Home,
            "开头",
            None,
        ),
        b(
            &[(KeyCode::End, NONE), (KeyCode::Char('G'), NONE)],
            "End G",
            Action::End,
            "末尾",
            None,
        ),
        b(
            &[],
            "其他键",
            Action::CloseHelp,
            "关闭帮助 (any other key closes)",
            None,
        ),
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
            "搜索",
            Some("搜索"),
        ),
        b(
            &[(KeyCode::Esc, NONE)],
            "Esc",
            Action::Cancel,
            "取消",
            Some("取消"),
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
            "上一节",
            None,
        ),
        b(
            &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)],
            "↓ j",
            Action::Down,
            "下一节",
            None,
        ),
        b(
            &[(KeyCode::PageUp, NONE)],
            "PgUp",
            Action::PageUp,
            "上一页",
            None,
        ),
        b(
            &[(KeyCode::PageDown, NONE)],
            "PgDn",
            Action::PageDown,
            "下一页",
            None,
        ),
        b(
            &[(KeyCode::Home, NONE), (KeyCode::Char('g'), NONE)],
            "Home g",
            Action::Home,
            "第一节",
            None,
        ),
        b(
            &[(KeyCode::End, NONE), (KeyCode::Char('G'), NONE)],
            "End G",
            Action::End,
            "最后一节",
            None,
        ),
        b(
            &[(KeyCode::Enter, NONE)],
            "Enter",
            Action::Commit,
            "前往该节（缺少的章节：选中其问题）",
            Some("前往"),
        ),
        b(
            &[
                (KeyCode::Esc, NONE),
                (KeyCode::Char('o'), NONE),
                (KeyCode::Char('q'), NONE),
            ],
            "Esc o q",
            Action::Cancel,
            "关闭大纲",
            Some("关闭"),
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
            "save, then quit",
            Some("save and quit"),
        ),
        b(
            &[(KeyCode::Char('d'), NONE)],
            "d",
            Action::DiscardAndQuit,
            "discard the edits and quit",
            Some("discard and quit"),
        ),
        b(
            &[
                (KeyCode::Esc, NONE),
                (KeyCode::Char('c'), NONE),
                (KeyCode::Char('q'), NONE),
            ],
            "Esc c q",
            Action::Cancel,
            "back to the report",
            Some("cancel"),
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
            "保存，然后返回列表",
            Some("保存并返回列表"),
        ),
        b(
            &[(KeyCode::Char('d'), NONE)],
            "d",
            Action::DiscardAndQuit,
            "放弃修改，返回列表",
            Some("放弃修改并返回列表"),
        ),
        b(
            &[
                (KeyCode::Esc, NONE),
                (KeyCode::Char('c'), NONE),
                (KeyCode::Char('q'), NONE),
            ],
            "Esc c q",
            Action::Cancel,
            "回到报告",
            Some("取消"),
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
            "apply the journalled edits",
            Some("restore them"),
        ),
        b(
            &[(KeyCode::Char('d'), NONE)],
            "d",
            Action::DiscardJournal,
            "throw the journal away",
            Some("discard them"),
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
            "从保存的版本继续（默认）(continue from the saved copy)",
            Some("从保存的版本继续"),
        ),
        b(
            &[(KeyCode::Char('i'), NONE)],
            "i",
            Action::StartFromInput,
            "从原文开始（保存时仍写入同一文件）(start from the input)",
            Some("从原文开始"),
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
            "仍然保存 (save anyway)",
            Some("仍然保存"),
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
            "不保存，回到报告 (cancel)",
            Some("取消"),
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
            "next report",
            None,
        ),
        b(
            &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)],
            "↑ k",
            Action::Up,
            "previous report",
            None,
        ),
        b(
            &[(KeyCode::PageDown, NONE)],
            "PgDn",
            Action::PageDown,
            "page down",
            None,
        ),
        b(
            &[(KeyCode::PageUp, NONE)],
            "PgUp",
            Action::PageUp,
            "page up",
            None,
        ),
        b(
            &[(KeyCode::Home, NONE), (KeyCode::Char('g'), NONE)],
            "Home g",
            Action::Home,
            "first report",
            None,
        ),
        b(
            &[(KeyCode::End, NONE), (KeyCode::Char('G'), NONE)],
            "End G",
            Action::End,
            "last report",
            None,
        ),
        b(
            &[(KeyCode::Enter, NONE)],
            "Enter",
            Action::Open,
            "review the selected report",
            Some("open"),
        ),
        b(
            &[(KeyCode::Char('o'), NONE)],
            "o",
            Action::SortNext,
            "sort by the next key",
            Some("sort"),
        ),
        b(
            &[(KeyCode::Char('O'), NONE)],
            "O",
            Action::SortReverse,
            "reverse the order",
            Some("reverse"),
        ),
        b(
            &[(KeyCode::Char('/'), NONE)],
            "/",
            Action::Filter,
            "filter by agency, title or file name",
            Some("filter"),
        ),
        b(
            &[(KeyCode::Char('e'), NONE)],
            "e",
            Action::ErrorsOnly,
            "show only reports with errors",
            Some("errors only"),
        ),
        b(
            &[(KeyCode::Char('q'), NONE)],
            "q",
            Action::Quit,
            "quit",
            Some("quit"),
        ),
        b(
            &[(KeyCode::Esc, NONE)],
            "Esc",
            Action::Back,
            "清除筛选；没有筛选时询问是否退出 (clear the filter, or ask to quit)",
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
        "退出 nianbao",
        Some("退出"),
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
        "end the filter (it stays applied)",
        Some("done"),
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
                let word = b.hint?;
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
