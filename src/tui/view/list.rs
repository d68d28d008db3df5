//! The list view: one row per report, counts per rule family, a gauge while
//! loading.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph};

use super::super::list::ListApp;
use super::super::strings as s;
use super::super::theme::Theme;
use super::super::width::{pad_left, pad_right, truncate, width};
use crate::batch::{Family, Summary};
use crate::i18n::Key;
use crate::tr;

fn count(e: u32, w: u32) -> String {
    match (e, w) {
        (0, 0) => "·".to_string(),
        (e, 0) => format!("{e}"),
        (e, w) => format!("{e}/{w}"),
    }
}

/// Column widths: agency (flexible), year, file, encoding, 4 families,
/// total, the saved copy's total, first finding (rest).
const FIXED: [usize; 8] = [4, 13, 7, 7, 7, 7, 7, 7];

pub fn draw(frame: &mut Frame, list: &ListApp, theme: &Theme, area: Rect) {
    let th = theme;
    frame.render_widget(Block::default().style(th.base), area);
    let loading = list.loading();
    let [main, gauge, status] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(u16::from(loading)),
        Constraint::Length(1),
    ])
    .areas(area);
    let rows = list.visible();
    let title = tr!(
        Key::TuiListTitle,
        shown = rows.len(),
        total = list.files.len(),
        by = list.sort.name(),
        dir = if list.descending { " ↓" } else { " ↑" }
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border_focused)
        .title(Span::styled(
            truncate(&title, area.width.saturating_sub(4) as usize),
            th.title,
        ));
    let inner = block.inner(main);
    frame.render_widget(block, main);

    let w = inner.width as usize;
    let agency_w = (w / 4).clamp(8, 30);
    let file_w = (w / 6).clamp(8, 28);
    let fixed: usize = agency_w
        + 1
        + FIXED[0]
        + 1
        + file_w
        + 1
        + FIXED.iter().skip(1).map(|x| x + 1).sum::<usize>();
    let rest = w.saturating_sub(fixed);
    let head = [
        pad_right(s::t(Key::TuiColAgency), agency_w),
        pad_right(s::t(Key::TuiColYear), FIXED[0]),
        pad_right(s::t(Key::TuiColFile), file_w),
        pad_right(s::t(Key::TuiColReadAs), FIXED[1]),
        pad_left(s::t(Key::TuiColSums), FIXED[2]),
        pad_left(s::t(Key::TuiColLayout), FIXED[3]),
        pad_left(s::t(Key::TuiColText), FIXED[4]),
        pad_left(s::t(Key::TuiColCarry), FIXED[5]),
        pad_left(s::t(Key::TuiColTotal), FIXED[6]),
        pad_left(s::t(Key::TuiColSaved), FIXED[7]),
        truncate(s::t(Key::TuiColFirst), rest),
    ]
    .join(" ");
    let mut lines = vec![Line::from(Span::styled(truncate(&head, w), th.header))];
    let body_h = (inner.height as usize).saturating_sub(1);
    let sel = list.selected.min(rows.len().saturating_sub(1));
    let first = if sel >= body_h { sel + 1 - body_h } else { 0 };
    for (vis, &i) in rows.iter().enumerate().skip(first).take(body_h) {
        let Some(s) = list.entries[i].as_ref() else {
            continue;
        };
        let style = if vis == sel {
            th.selection
        } else if s.error.is_some() || s.counts.total_errors() > 0 {
            th.finding_error
        } else if s.counts.total_warnings() > 0 {
            th.finding_warning
        } else {
            th.base
        };
        lines.push(Line::from(Span::styled(
            row_text(s, agency_w, file_w, rest),
            style,
        )));
    }
    if rows.is_empty() && !loading {
        lines.push(Line::from(Span::styled(s::t(Key::TuiNoMatch), th.dim)));
    }
    frame.render_widget(Paragraph::new(lines).style(th.base), inner);

    if loading {
        let done = list.loaded;
        let total = list.files.len().max(1);
        let g = Gauge::default()
            .gauge_style(th.selection)
            .ratio((done as f64 / total as f64).clamp(0.0, 1.0))
            .label(tr!(Key::TuiReading, done = done, total = total));
        frame.render_widget(g, gauge);
    }
    let left = if list.confirm_quit {
        format!(" {}", s::t(crate::i18n::Key::TuiListConfirmQuit))
    } else if let Some(m) = &list.message {
        format!(" {m}")
    } else if list.filtering {
        tr!(Key::TuiFilterTyping, filter = list.filter)
    } else if !list.filter.is_empty() || list.errors_only {
        tr!(
            Key::TuiFilterShown,
            filter = if list.filter.is_empty() {
                "-"
            } else {
                &list.filter
            },
            errors = if list.errors_only {
                s::t(Key::TuiErrorsOnly)
            } else {
                ""
            }
        )
    } else {
        String::new()
    };
    let total = status.width as usize;
    // Whole hints only, as many as fit after the left part.
    let hints = list
        .keymap()
        .hints_within(total.saturating_sub(width(&left) + 2));
    let right = hints.as_str();
    let gap = total.saturating_sub(width(&left) + width(right) + 1);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(truncate(&left, total), th.status),
            Span::styled(" ".repeat(gap), th.status),
            Span::styled(right, th.status),
            Span::styled(" ", th.status),
        ]))
        .style(th.status),
        status,
    );
}

fn row_text(sm: &Summary, agency_w: usize, file_w: usize, rest: usize) -> String {
    let file = sm
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut cells = vec![
        pad_right(&sm.agency, agency_w),
        pad_right(
            &sm.year.map(|y| y.to_string()).unwrap_or_default(),
            FIXED[0],
        ),
        pad_right(&file, file_w),
        pad_right(crate::decode::display_name(&sm.encoding), FIXED[1]),
    ];
    for (k, _) in Family::ALL.iter().enumerate() {
        cells.push(pad_left(
            &count(sm.counts.errors[k], sm.counts.warnings[k]),
            FIXED[2 + k],
        ));
    }
    cells.push(pad_left(
        &count(sm.counts.total_errors(), sm.counts.total_warnings()),
        FIXED[6],
    ));
    let saved = sm
        .saved
        .map(|c| s::list_saved(&count(c.total_errors(), c.total_warnings())))
        .unwrap_or_default();
    cells.push(pad_left(&saved, FIXED[7]));
    let tail = match (&sm.error, &sm.first) {
        (Some(e), _) => tr!(Key::Unreadable, error = e),
        (None, Some(m)) => m.to_string(),
        (None, None) => String::new(),
    };
    cells.push(truncate(&tail, rest));
    cells.join(" ")
}
