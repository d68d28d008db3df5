//! The status line: file, section, the selected cell's full labels, counts,
//! encoding, `[+]` for unsaved edits; hints or the last message on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, MessageKind, Mode};
use super::super::strings as s;
use super::super::width::{truncate, width};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let th = &app.theme;
    let (e, w) = app.counts();
    let section = app.section().map(|s| s.heading.as_str()).unwrap_or("");
    let cell = app.table().map(|t| {
        let (r, c) = app.cursor;
        let row = t.spec().rows.get(r).map_or("", |r| r.label);
        format!("{row} / {}", nianbao::template::column_label(t, r, c))
    });
    let mut left = format!(" {} · {section}", app.name);
    if let Some(cell) = cell {
        left.push_str(" · ");
        left.push_str(&cell);
    }
    left.push_str(&format!(
        " · {} · {}",
        s::errors_warnings(e, w),
        app.report.encoding
    ));
    let dirty = if app.dirty { " [+]" } else { "" };
    let (right, right_style) = match (&app.message, &app.mode) {
        (_, Mode::Editing(_)) => (s::EDIT_HINTS.to_string(), th.status),
        (Some((m, MessageKind::Error)), _) => (m.clone(), th.finding_error),
        (Some((m, MessageKind::Info)), _) => (m.clone(), th.status_message),
        (None, _) if app.key_hints => (s::HINTS.to_string(), th.status),
        (None, _) => (String::new(), th.status),
    };
    let total = area.width as usize;
    // Messages matter more than the file summary; hints matter least.
    let right = if app.message.is_some() {
        truncate(
            &right,
            (total / 2).max(total.saturating_sub(width(&left) + width(dirty) + 2)),
        )
    } else {
        truncate(
            &right,
            total.saturating_sub(width(&left) + width(dirty) + 2),
        )
    };
    let left_w = total.saturating_sub(width(&right) + width(dirty) + 2);
    let left = truncate(&left, left_w);
    let gap = total.saturating_sub(width(&left) + width(dirty) + width(&right) + 1);
    let line = Line::from(vec![
        Span::styled(left, th.status),
        Span::styled(dirty, th.status_dirty),
        Span::styled(" ".repeat(gap), th.status),
        Span::styled(right, right_style),
        Span::styled(" ", th.status),
    ]);
    frame.render_widget(Paragraph::new(line).style(th.status), area);
}
