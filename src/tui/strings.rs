//! The app's own words, in one place (for the language catalogue to take
//! over mechanically). Older ones are English; the ones added with the
//! outline, the findings walk, the text editor, search and the legend are
//! Chinese first. The report's own words (labels, section names, findings)
//! come from the domain. Key help and hint words live in `keymap`, beside
//! the keys they describe. `rule_name` is the rules' Chinese short names
//! until the `Rule` enum carries them.

pub const TEXT_PANE: &str = "原文";
pub const GRID_PANE: &str = "表";
pub const NO_TABLE: &str = "This section has no standard table. ] next section, [ previous.";
pub const TABLE_NOT_FOUND: &str =
    "The standard table of this section was not found in the file (table.missing).";
pub const FINDINGS: &str = "Findings";
pub const NO_FINDINGS: &str = "No findings in this table.";
pub fn themes_line(names: &[&str]) -> String {
    format!(
        "Themes: {} (--theme NAME, or theme = \"…\" in config.toml)",
        names.join(", ")
    )
}

pub const HELP_TITLE: &str = " Keys 按键 — ↑↓ PgDn 滚动，其他键关闭 ";
pub const HELP_MORE: &str = "▼ ";
pub const QUIT_TITLE: &str = " Unsaved edits ";
pub const QUIT_TEXT: &str = "The report has edits that are not saved.";
pub const SAMPLE_NAME: &str = "bundled sample";
pub const NOTHING_TO_UNDO: &str = "Nothing to undo";
pub const NOTHING_TO_REDO: &str = "Nothing to redo";
pub const NO_FINDINGS_LEFT: &str = "没有发现问题 (no findings)";
pub const NOT_EDITABLE: &str = "No value cell here";

pub fn errors_warnings(e: usize, w: usize) -> String {
    format!(
        "{e} error{} {w} warning{}",
        if e == 1 { "" } else { "s" },
        if w == 1 { "" } else { "s" }
    )
}

pub fn saved(path: &str) -> String {
    format!("Saved {path}")
}

pub fn save_failed(path: &str, err: &str) -> String {
    format!("Could not save {path}: {err}")
}

pub fn undone(what: &str) -> String {
    format!("Undid {what}")
}

pub fn redone(what: &str) -> String {
    format!("Redid {what}")
}

pub fn shifted(dir: &str, dropped: &str) -> String {
    if dropped.is_empty() {
        format!("Shifted row {dir}")
    } else {
        format!("Shifted row {dir}; value “{dropped}” fell off the edge (u undoes)")
    }
}

pub const RESTORE_TITLE: &str = " Unsaved edits found ";

pub fn restore_text(changes: usize) -> String {
    format!("An earlier session left {changes} unsaved change(s) to this file in the journal.")
}

pub fn restored(n: usize) -> String {
    format!("Restored {n} change(s) from the journal; s saves them")
}

pub fn stale_journal(changes: usize, aside: &str) -> String {
    format!(
        "A journal with {changes} unsaved change(s) was not applied: the file has changed since. Kept at {aside}"
    )
}

pub fn journal_failed(err: &str) -> String {
    format!("Could not write the edit journal ({err}); save soon with s")
}

pub const NO_FIX: &str = "No suggested fix for the finding here";

pub fn fixed(what: &str) -> String {
    format!("Applied fix: {what} (u undoes)")
}

pub fn ambiguous_fix(n: usize) -> String {
    format!("{n} different single-cell fixes would do; none is suggested")
}

/// Grid header marks: columns hidden to the left / right.
pub const HIDDEN_LEFT: &str = "‹";
pub const HIDDEN_RIGHT: &str = "›";

/// `n`: which finding of how many, e.g. `3/7 ✗ 勾稽关系`.
pub fn walk_position(k: usize, n: usize, error: bool, name: &str) -> String {
    let mark = if error { "✗" } else { "!" };
    format!("{k}/{n} {mark} {name}")
}

/// The candidate fixes of a finding with several, as the detail line lists
/// them: `：一、本年新收 / 商业企业 → 4；… / 总计 → 25`.
pub fn candidate_list(choices: &[String]) -> String {
    format!("：{}", choices.join("；"))
}

/// A finding with several possible single-cell fixes.
pub fn candidates(n: usize) -> String {
    format!(" · {n} 种可能的修正")
}

/// After a fix in the detail line: the key that applies it.
pub const FIX_KEY: &str = "（按 f 修正）";

/// The outline overlay.
pub const OUTLINE_TITLE: &str = " 大纲 (outline) ";
pub const OUTLINE_REPORT: &str = "（全文）报告层面的问题";
pub const OUTLINE_MISSING: &str = "（缺少）";

/// Headings of the help's sections.
pub const HELP_EDITOR: &str = "编辑单元格时 (editing a cell)";
pub const HELP_LINE_EDITOR: &str = "编辑原文行时 (editing a text line)";
pub const HELP_OUTLINE: &str = "大纲中 (in the outline)";
pub const HELP_HELP: &str = "帮助中 (in this help)";
pub const LEGEND_TITLE: &str = "图例 (legend)";

/// What the marks on screen mean.
pub const LEGEND: &[(&str, &str)] = &[
    ("_", "空白单元格，按 0 计 (a blank cell)"),
    ("?", "缺少的单元格 (a cell the row does not have)"),
    ("→", "原文中的制表符 (a tab in the file)"),
    (
        "◀",
        "所选单元格所在的原文行 (the selected cell's source line)",
    ),
    ("✗", "错误 (an error)"),
    ("!", "警告 (a warning)"),
    (
        "‹ ›",
        "左侧 / 右侧还有列 (columns hidden to the left / right)",
    ),
    ("[+]", "有未保存的修改 (unsaved edits)"),
    (
        "[只读]",
        "另一个窗口正在编辑此文件 (another screen holds the file)",
    ),
    (
        SAVED_MARK,
        "列表 Saved 列：已有保存的规范化副本，后为其错误/警告数 (list: a saved normalized copy, its counts)",
    ),
];

/// The text line editor.
pub fn line_edited(n: usize) -> String {
    format!("已修改第 {n} 行 (line {n} edited; u undoes)")
}
pub const TABLE_LINE: &str = "这一行属于表格，但没有对应的单元格 (a table line without a cell)";

/// The folder list asks before Esc quits.
pub const LIST_CONFIRM_QUIT: &str = "退出 nianbao？ y/q/Enter 退出，其他键取消 (quit?)";

/// Search.
pub fn search_position(k: usize, n: usize, query: &str) -> String {
    format!("搜索“{query}”：{k}/{n}（n/N 下一个/上一个，Esc 结束）")
}
pub fn search_none(query: &str) -> String {
    format!("没有找到“{query}”")
}
pub const SEARCH_PROMPT: &str = "搜索: ";

pub fn pasted(n: usize) -> String {
    format!("粘贴了 {n} 格 (pasted {n} cells; u undoes)")
}

/// The status line's check of a requests row: its six applicant columns
/// added up, beside its 总计.
pub fn row_sum(sum: i64, total: Option<i64>) -> String {
    match total {
        Some(t) => format!("六列之和 {sum} / 总计 {t}"),
        None => format!("六列之和 {sum}"),
    }
}

/// One writer per file: a second screen on a file another screen holds.
pub fn read_only(holder: Option<&crate::lock::Holder>) -> String {
    match holder {
        Some(h) => format!(
            "只读：另一个 nianbao 正在编辑此文件（pid {}，主机 {}，自 {} 起），不能修改或保存 (read-only: pid {} holds this file)",
            h.pid,
            h.host,
            h.since_utc(),
            h.pid
        ),
        None => "只读：另一个 nianbao 正在编辑此文件，不能修改或保存 (read-only: another screen holds this file)".to_string(),
    }
}
/// The status line's mark of a read-only screen.
pub const READ_ONLY_MARK: &str = " [只读]";

/// Saved work is the starting point.
pub const SAVED_COPY_TITLE: &str = " 已有保存的版本 (a saved copy) ";
pub fn saved_copy_text(copy: &str) -> String {
    format!(
        "{copy} 与原文读出的内容不同（之前保存的修改）。(the saved copy differs from the input)"
    )
}
pub fn continued_from(copy: &str) -> String {
    format!("从 {copy} 继续 (continuing from the saved copy)")
}
pub const STARTED_FROM_INPUT: &str =
    "从原文开始；保存仍写入同一文件 (started from the input; s still writes the same file)";
/// Before `s`: what changed on disk.
pub const CONFIRM_SAVE_TITLE: &str = " 保存前请确认 (save?) ";
pub const INPUT_CHANGED: &str =
    "原文在打开后被修改过 (the input changed on disk since it was opened)";
pub const INPUT_GONE: &str = "原文已不存在 (the input is gone)";
pub const OUTPUT_CHANGED: &str = "输出文件已被其他程序修改，保存会覆盖它 (the output was changed by someone else; saving replaces it)";

/// The folder list: the column of the saved normalized copy's counts.
pub const LIST_SAVED_HEAD: &str = "Saved";
/// A report with a saved copy: the mark, then the copy's errors/warnings.
pub const SAVED_MARK: &str = "◆";
pub fn list_saved(counts: &str) -> String {
    format!("{SAVED_MARK}{counts}")
}
