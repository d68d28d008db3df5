//! The status line: file, error/warning counts and `[+]` first (they must
//! survive at 80 columns), then the section, the selected cell's full labels
//! and the encoding; the last message or the key hints on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, MessageKind, Mode};
use super::super::keymap;
use super::super::strings as s;
use super::super::width::{truncate, width};

/// The columns the file name keeps when a message needs its room.
const MIN_NAME: usize = 8;

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let th = &app.theme;
    let (e, w) = app.counts();
    let counts = format!(" · {}", s::errors_warnings(e, w));
    let dirty = if app.dirty {
        " [+]"
    } else if app.read_only.is_some() {
        s::t(crate::i18n::Key::TuiReadOnlyMark)
    } else {
        ""
    };
    let section = app.section().map(|s| s.heading.as_str()).unwrap_or("");
    let mut detail = format!(" · {section}");
    if let Some(t) = app.table() {
        let (r, c) = app.cursor;
        let row = t.spec().rows.get(r).map_or("", |r| r.label);
        detail.push_str(&format!(
            " · {row} / {}",
            crate::template::column_label(t, r, c)
        ));
    }
    if let Some(sum) = app.row_sum() {
        detail.push_str(&format!(" · {sum}"));
    }
    if let Some(origin) = app.selected_line().and_then(|l| app.report.origin(l)) {
        detail.push_str(&format!(" · {origin}"));
    }
    detail.push_str(&format!(
        " · {}",
        crate::decode::display_name(&app.report.encoding)
    ));

    // What goes on the right, and whether it outranks the detail.
    // What goes on the right (a prompt and a mode's hints, or a message),
    // and whether it outranks the detail.
    let (right, hints, right_style, urgent) = match (&app.message, &app.mode) {
        (_, Mode::Editing(_)) => (
            String::new(),
            Some(&keymap::EDITOR),
            th.status_message,
            true,
        ),
        (_, Mode::Search { query }) => (
            format!("{}{query}▏  ", s::t(crate::i18n::Key::TuiSearchPrompt)),
            Some(&keymap::SEARCH),
            th.status_message,
            true,
        ),
        (_, Mode::EditingLine(_)) => (
            String::new(),
            Some(&keymap::LINE_EDITOR),
            th.status_message,
            true,
        ),
        (Some((m, MessageKind::Warning)), _) => (m.clone(), None, th.finding_error, true),
        (Some((m, MessageKind::Error)), _) => (m.clone(), None, th.finding_error, true),
        (Some((m, MessageKind::Info)), _) => (m.clone(), None, th.status_message, true),
        (None, _) if app.key_hints => (String::new(), Some(&keymap::NORMAL), th.status, false),
        (None, _) => (String::new(), None, th.status, false),
    };
    let total = area.width as usize;
    // A message outranks the file name: the name gives up columns (down to
    // a few) when that lets the message read whole at 80 columns. A
    // warning or an error too long even then takes those columns anyway
    // (its reason comes first, details after); other messages are cut and
    // the name kept. The counts stay.
    let mut name = format!(" {}", app.name);
    if hints.is_none() && !right.is_empty() {
        let keep = total.saturating_sub(width(&counts) + width(dirty) + width(&right) + 2);
        let pressing = matches!(
            app.message,
            Some((_, MessageKind::Warning | MessageKind::Error))
        );
        if keep >= MIN_NAME || pressing {
            name = truncate(&name, keep.max(MIN_NAME));
        }
    }
    let core = truncate(
        &format!("{name}{counts}"),
        total.saturating_sub(width(dirty)),
    );
    let mut room = total.saturating_sub(width(&core) + width(dirty));
    let (detail, right) = if urgent {
        // A space before it; a mode's hints whole, as many as fit.
        let mut right = truncate(&right, room.saturating_sub(2));
        if let Some(km) = hints {
            right.push_str(&km.hints_within(room.saturating_sub(2 + width(&right))));
        }
        room = room.saturating_sub(width(&right) + 1);
        (truncate(&detail, room), right)
    } else {
        let detail = truncate(&detail, room);
        room = room.saturating_sub(width(&detail));
        // Whole hints only, as many as fit with a space before them.
        let right = match hints {
            Some(_) => app.keymap().hints_within(room.saturating_sub(2)),
            None => right,
        };
        (detail, right)
    };
    let used = width(&core) + width(dirty) + width(&detail) + width(&right);
    let gap = total.saturating_sub(used + 1);
    let line = Line::from(vec![
        Span::styled(core, th.status),
        Span::styled(dirty, th.status_dirty),
        Span::styled(detail, th.status),
        Span::styled(" ".repeat(gap), th.status),
        Span::styled(right, right_style),
        Span::styled(" ", th.status),
    ]);
    frame.render_widget(Paragraph::new(line).style(th.status), area);
}
