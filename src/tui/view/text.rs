//! The text pane: the current section exactly as the file has it, wrapped
//! by display width, the selected cell's source line marked and kept in view.
//! Narrative lines that contradict the tables are drawn in the error style;
//! opening such a finding pins its line (from whatever section) in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::app::{App, Focus};
use super::super::strings as s;
use super::super::width::{truncate, wrap};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let th = &app.theme;
    // A pinned narrative line shows its own section.
    let section = app
        .pinned_line
        .and_then(|l| app.report.section_of_line(l))
        .and_then(|i| app.report.sections.get(i))
        .or_else(|| app.section());
    let heading = section.map(|s| s.heading.as_str()).unwrap_or("");
    let border = if app.focus == Focus::Text {
        th.border_focused
    } else {
        th.border
    };
    let title = truncate(
        &format!(" {} · {heading} ", s::TEXT_PANE),
        area.width.saturating_sub(4) as usize,
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(title, th.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(section) = section else { return };
    let (first, last) = (
        section.first_line,
        section.last_line.min(app.report.lines.len()),
    );
    if inner.height == 0 || first > last {
        return;
    }
    let gutter = last.to_string().len() + 1;
    let text_w = (inner.width as usize).saturating_sub(gutter + 1).max(4);
    let height = inner.height as usize;
    let target = app
        .pinned_line
        .or_else(|| app.selected_line())
        .filter(|l| (first..=last).contains(l));
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
        for (i, piece) in wrap(text, text_w).into_iter().enumerate() {
            if lines.len() >= height {
                break;
            }
            let num = if i == 0 {
                format!("{n:>w$} ", w = gutter - 1)
            } else {
                " ".repeat(gutter)
            };
            let mut spans = vec![Span::styled(num, th.dim), Span::styled(piece, style)];
            if marked && i == 0 {
                spans.push(Span::styled(" ◀", th.source_line));
            }
            lines.push(Line::from(spans));
        }
        n += 1;
    }
    frame.render_widget(Paragraph::new(lines).style(th.base), inner);
}
