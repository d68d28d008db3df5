//! The findings panel: the current table's findings with their numbers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::app::{App, Focus};
use super::super::strings as s;
use super::super::width::{pad_right, truncate, width, wrap_words};
use crate::rules::Finding;
use crate::rules::suggest::Suggestion;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let th = &app.theme;
    let list = app.table_findings();
    let e = list.iter().filter(|f| f.is_error()).count();
    let title = format!(
        " {} · {} ",
        s::t(crate::i18n::Key::TuiFindings),
        s::errors_warnings(e, list.len() - e)
    );
    let border = if app.focus == Focus::Findings {
        th.border_focused
    } else {
        th.border
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(title, th.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut v = app.viewport.get();
    v.findings_rows = inner.height as usize;
    app.viewport.set(v);
    if list.is_empty() {
        frame.render_widget(
            Paragraph::new(s::t(crate::i18n::Key::TuiNoFindings)).style(th.dim),
            inner,
        );
        return;
    }
    let w = inner.width as usize;
    let detail = detail_lines(app, w);
    let h = (inner.height as usize).saturating_sub(detail.len());
    let sel = app.finding_sel.min(list.len() - 1);
    let first = if sel >= h { sel + 1 - h } else { 0 };
    let mut lines: Vec<Line> = list
        .iter()
        .enumerate()
        .skip(first)
        .take(h)
        .map(|(i, f)| {
            let (mark, style) = if f.is_error() {
                ("✗", th.finding_error)
            } else {
                ("!", th.finding_warning)
            };
            let style = if i == sel && app.focus == Focus::Findings {
                th.finding_selected
            } else {
                style
            };
            let text = format!(
                "{mark} {} {}{}",
                pad_right(s::rule_name(f.rule), NAME_W),
                f.message,
                fix_text(f)
            );
            Line::from(Span::styled(truncate(&text, w), style))
        })
        .collect();
    while lines.len() < h {
        lines.push(Line::from(""));
    }
    for piece in detail {
        lines.push(Line::from(Span::styled(piece, th.finding_selected)));
    }
    frame.render_widget(Paragraph::new(lines).style(th.base), inner);
}

/// Columns of the rule's name in a row (正文与表格不符 and
/// `missing section` are 14, 15).
const NAME_W: usize = 14;

/// Rows the detail line takes at most.
const DETAIL_MAX: usize = 3;

/// A finding's fix as shown: `→ 4`, a row's values, or how many candidates.
pub fn fix_text(f: &Finding) -> String {
    match (&f.suggestion, f.alternatives) {
        (Some(Suggestion::Cell { value, .. }), _) => format!(" → {value}"),
        (Some(Suggestion::Row { values, .. }), _) => {
            let shown: Vec<&str> = values
                .iter()
                .map(|v| if v.is_empty() { "_" } else { v.as_str() })
                .collect();
            format!(" → {}", shown.join(" "))
        }
        (None, Some(n)) => s::candidates(n),
        (None, None) => String::new(),
    }
}

/// The selected finding in full: mark, Chinese name, message, fix, and
/// the rule id last.
pub fn detail_text(f: &Finding) -> String {
    let mark = if f.is_error() { "✗" } else { "!" };
    let key = if f.suggestion.is_some() {
        s::t(crate::i18n::Key::TuiFixKey)
    } else {
        ""
    };
    let choices: Vec<String> = f.candidates.iter().map(|c| c.describe()).collect();
    let choices = if choices.is_empty() {
        String::new()
    } else {
        s::candidate_list(&choices)
    };
    format!(
        "{mark} {} · {}{}{choices}{key} · {}",
        s::rule_name(f.rule),
        f.message,
        fix_text(f),
        f.rule
    )
}

fn detail_lines(app: &App, w: usize) -> Vec<String> {
    let Some(f) = app.selected_finding() else {
        return Vec::new();
    };
    let full = detail_text(f);
    // The rule id last, whole: on the last row if it fits, else its own.
    let id = format!(" · {}", f.rule);
    let body = full.strip_suffix(&id).unwrap_or(&full);
    let mut pieces = wrap_words(body, w.max(2));
    match pieces.last_mut() {
        Some(last) if width(last) + width(&id) <= w => last.push_str(&id),
        _ => pieces.push(truncate(id.trim_start_matches(" · "), w)),
    }
    if pieces.len() > DETAIL_MAX {
        pieces.truncate(DETAIL_MAX);
        if let Some(last) = pieces.last_mut() {
            *last = truncate(&format!("{last}……"), w);
        }
    }
    pieces
}

/// Rows the detail of the selected finding takes in a panel `w` wide.
pub fn detail_rows(app: &App, w: usize) -> usize {
    detail_lines(app, w).len()
}
