//! The grid: frozen row labels, two header levels, aligned value columns,
//! scrolling to keep the cursor in view, cells styled by the findings.

use crate::cell::CellValue;
use crate::model::{Cell, Table};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::app::{App, Focus, Mark, Mode};
use super::super::strings as s;
use super::super::width::{center, pad_left, pad_right, truncate, width};

/// The row labels give way to the columns down to this width.
const MIN_LABEL: usize = 12;

/// Text shown for a cell.
pub(super) fn cell_text(cell: &Cell) -> String {
    match &cell.value {
        CellValue::Int(v) => v.to_string(),
        CellValue::Amount(_) => cell.raw.to_string(),
        CellValue::Blank if cell.raw.is_empty() => "_".to_string(),
        CellValue::Blank | CellValue::Invalid => cell.raw.to_string(),
        CellValue::Missing => "?".to_string(),
    }
}

/// Column widths of a table (display columns, without the separator).
fn column_widths(t: &Table) -> Vec<usize> {
    let spec = t.id.spec();
    (0..spec.width())
        .map(|c| {
            let head = width(spec.short_columns.get(c).copied().unwrap_or(""));
            let vals = t
                .rows
                .iter()
                .filter_map(|r| r.cells.get(c))
                .map(|cell| width(&cell_text(cell)))
                .max()
                .unwrap_or(1);
            head.max(vals).clamp(4, 14)
        })
        .collect()
}

/// First visible column so that the cursor column fits.
fn first_col(widths: &[usize], avail: usize, cursor: usize) -> usize {
    let mut first = 0;
    loop {
        let used: usize = widths[first..=cursor.min(widths.len() - 1)]
            .iter()
            .map(|w| w + 1)
            .sum();
        if used <= avail || first >= cursor {
            return first;
        }
        first += 1;
    }
}

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let th = &app.theme;
    let border = if app.focus == Focus::Grid {
        th.border_focused
    } else {
        th.border
    };
    let id = app.table();
    let title = match id {
        Some(t) => format!(
            " {} · {} ({}) ",
            s::t(crate::i18n::Key::TuiGridPane),
            t.title(),
            t.id()
        ),
        None => format!(" {} ", s::t(crate::i18n::Key::TuiGridPane)),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(
            truncate(&title, area.width.saturating_sub(4) as usize),
            th.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(id) = id else {
        let kind_has_table = app
            .section()
            .and_then(|sec| sec.kind.table())
            .is_some_and(|t| app.report.table(t).is_none());
        let msg = if kind_has_table {
            s::t(crate::i18n::Key::TuiTableNotFound)
        } else {
            s::t(crate::i18n::Key::TuiNoTable)
        };
        frame.render_widget(
            Paragraph::new(msg)
                .style(th.dim)
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    };
    let Some(table) = app.report.table(id) else {
        return;
    };
    if inner.width < 4 || inner.height < 3 {
        return;
    }
    let spec = id.spec();
    let widths = column_widths(table);
    let total_w = inner.width as usize;
    let max_label = spec.rows.iter().map(|r| width(r.short)).max().unwrap_or(4);
    let mut label_w = max_label
        .min(total_w / 3)
        .max(6)
        .min(total_w.saturating_sub(6));
    // Compact: the columns side by side before the labels' tails (the
    // status line shows a row's whole label).
    let need: usize = widths.iter().map(|w| w + 1).sum();
    if label_w + 1 + need > total_w {
        let shortest = MIN_LABEL.min(label_w);
        label_w = total_w.saturating_sub(1 + need).clamp(shortest, label_w);
    }
    let avail = total_w.saturating_sub(label_w + 1);
    let (cur_r, cur_c) = app.cursor;
    let c0 = first_col(&widths, avail, cur_c);
    let mut visible = Vec::new();
    let mut used = 0;
    for (c, w) in widths.iter().enumerate().skip(c0) {
        if used + w + 1 > avail {
            break;
        }
        visible.push(c);
        used += w + 1;
    }

    let hidden_left = visible.first().is_some_and(|&c| c > 0);
    let hidden_right = visible.last().is_some_and(|&c| c + 1 < widths.len());
    let mut lines: Vec<Line> = Vec::new();
    // Header level 1: groups spanning columns; ‹ › where columns are hidden.
    let mut spans = vec![
        Span::styled(
            pad_left(if hidden_left { s::HIDDEN_LEFT } else { "" }, label_w),
            th.header,
        ),
        Span::styled("│", th.border),
    ];
    for g in id.spec().groups {
        let cols: Vec<usize> = visible
            .iter()
            .copied()
            .filter(|c| *c >= g.first && *c <= g.last)
            .collect();
        if cols.is_empty() {
            continue;
        }
        let w: usize = cols.iter().map(|c| widths[*c] + 1).sum::<usize>() - 1;
        spans.push(Span::styled(center(g.short, w), th.header));
        spans.push(Span::styled("│", th.border));
    }
    if hidden_right {
        spans.push(Span::styled(s::HIDDEN_RIGHT, th.header));
    }
    lines.push(Line::from(spans));
    // Header level 2: the columns.
    let mut spans = vec![
        Span::styled(pad_right("", label_w), th.header),
        Span::styled("│", th.border),
    ];
    for &c in &visible {
        spans.push(Span::styled(
            pad_left(spec.short_columns.get(c).copied().unwrap_or(""), widths[c]),
            th.header,
        ));
        spans.push(Span::raw(" "));
    }
    lines.push(Line::from(spans));

    // Body, scrolled to keep the cursor row in view.
    let body_h = (inner.height as usize).saturating_sub(2);
    let mut v = app.viewport.get();
    v.grid_rows = body_h;
    app.viewport.set(v);
    let r0 = if cur_r >= body_h {
        cur_r + 1 - body_h
    } else {
        0
    };
    let editing = match &app.mode {
        Mode::Editing(e) if e.table == id => Some((e.row, e.col)),
        _ => None,
    };
    let marks = &app.marks[id as usize];
    let mut edit_rect = None;
    for (r, row) in table.rows.iter().enumerate().skip(r0).take(body_h) {
        let label_style = if r == cur_r {
            th.label.patch(th.title)
        } else {
            th.label
        };
        let mut spans = vec![
            Span::styled(pad_right(spec.rows[r].short, label_w), label_style),
            Span::styled("│", th.border),
        ];
        let mut x = inner.x as usize + label_w + 1;
        for &c in &visible {
            let w = widths[c];
            let text = row.cells.get(c).map(cell_text).unwrap_or_default();
            let mark = marks
                .get(r)
                .and_then(|m| m.get(c))
                .copied()
                .unwrap_or(Mark::None);
            let selected = (r, c) == (cur_r, cur_c) && app.focus == Focus::Grid;
            let style = cell_style(app, mark, selected, row.cells.get(c).is_some());
            if editing == Some((r, c)) {
                edit_rect = Some(Rect::new(
                    x as u16,
                    inner.y + 2 + (r - r0) as u16,
                    w as u16,
                    1,
                ));
            }
            spans.push(Span::styled(pad_left(&text, w), style));
            spans.push(Span::raw(" "));
            x += w + 1;
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines).style(th.base), inner);
    if let (Some(rect), Mode::Editing(e)) = (edit_rect, &app.mode) {
        let rect = rect.intersection(inner);
        frame.render_widget(ratatui::widgets::Clear, rect);
        frame.render_widget(&e.textarea, rect);
    }
}

fn cell_style(app: &App, mark: Mark, selected: bool, exists: bool) -> Style {
    let th = &app.theme;
    if !exists {
        return th.base;
    }
    let base = match mark {
        Mark::Error => th.error,
        Mark::Warning => th.warning,
        Mark::Soft => th.error_soft,
        Mark::None => th.value,
    };
    if selected {
        base.patch(th.selection)
    } else {
        base
    }
}
