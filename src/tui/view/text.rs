//! The text pane: the current section exactly as the file has it, wrapped
//! by display width, the selected cell's source line marked and kept in view.
//! Narrative lines that contradict the tables are drawn in the error style;
//! opening such a finding pins its line (from whatever section) in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::app::{App, Focus, Mode};
use super::super::strings as s;
use super::super::width::{pad_right, truncate, wrap};

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let th = &app.theme;
    // The text cursor's or a pinned line's own section, else the stop's.
    let (first, last) = app.text_range();
    let section = app
        .report
        .section_of_line(first)
        .and_then(|i| app.report.sections.get(i))
        .or_else(|| app.section());
    let heading = section.map(|s| s.heading.as_str()).unwrap_or("");
    let border = if app.focus == Focus::Text {
        th.border_focused
    } else {
        th.border
    };
    let title = truncate(
        &format!(" {} · {heading} ", s::t(crate::i18n::Key::TuiTextPane)),
        area.width.saturating_sub(4) as usize,
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(title, th.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if section.is_none() || inner.height == 0 || first > last {
        return;
    }
    let gutter = last.to_string().len() + 1;
    // Two columns on the right for the ` ◀` marker.
    let text_w = (inner.width as usize).saturating_sub(gutter + 2).max(4);
    let height = inner.height as usize;
    let target = if app.focus == Focus::Text && app.text_line > 0 {
        Some(app.text_line)
    } else {
        app.pinned_line.or_else(|| app.selected_line())
    }
    .filter(|l| (first..=last).contains(l));
    let editing = match &app.mode {
        Mode::EditingLine(e) => Some(e),
        _ => None,
    };
    let mut edit_rect: Option<Rect> = None;
    let wrong: Vec<usize> = app
        .findings
        .iter()
        .filter(|f| f.rule == crate::rules::Rule::NarrativeMismatch)
        .filter_map(|f| f.line)
        .collect();

    let start = app.text_start((first, last), target, text_w, height);
    let mut v = app.viewport.get();
    v.text_rows = height;
    v.text_width = text_w;
    v.text_start = start;
    app.viewport.set(v);

    let mut lines: Vec<Line> = Vec::with_capacity(height);
    let mut n = start;
    while n <= last && lines.len() < height {
        let text = app.report.line(n).unwrap_or("");
        let marked = Some(n) == target;
        let style = match (marked, wrong.contains(&n)) {
            (true, true) => th.error,
            (true, false) => th.source_line,
            (false, true) => th.finding_error,
            (false, false) => th.base,
        };
        let pieces = wrap(text, text_w);
        if editing.is_some_and(|e| e.line == n) {
            let y = inner.y + lines.len() as u16;
            let rows = pieces.len().min(height - lines.len()).max(1) as u16;
            edit_rect = Some(Rect::new(
                inner.x + gutter as u16,
                y,
                inner.width.saturating_sub(gutter as u16),
                rows,
            ));
        }
        for (i, piece) in pieces.into_iter().enumerate() {
            if lines.len() >= height {
                break;
            }
            let num = if i == 0 {
                format!("{n:>w$} ", w = gutter - 1)
            } else {
                " ".repeat(gutter)
            };
            let mut spans = vec![Span::styled(num, th.dim)];
            if marked && i == 0 {
                // The marker at the pane's right edge, whatever the wrap.
                spans.push(Span::styled(pad_right(&piece, text_w), style));
                spans.push(Span::styled(" ◀", th.source_line));
            } else {
                spans.push(Span::styled(piece, style));
            }
            lines.push(Line::from(spans));
        }
        n += 1;
    }
    frame.render_widget(Paragraph::new(lines).style(th.base), inner);
    if let (Some(rect), Some(e)) = (edit_rect, editing) {
        let rect = rect.intersection(inner);
        frame.render_widget(ratatui::widgets::Clear, rect);
        frame.render_widget(&e.textarea, rect);
    }
}
