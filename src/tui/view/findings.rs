//! The findings panel: the current table's findings with their numbers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::app::{App, Focus};
use super::super::strings as s;
use super::super::width::truncate;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let th = &app.theme;
    let list = app.table_findings();
    let e = list.iter().filter(|f| f.is_error()).count();
    let title = format!(
        " {} · {} ",
        s::FINDINGS,
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
        frame.render_widget(Paragraph::new(s::NO_FINDINGS).style(th.dim), inner);
        return;
    }
    let h = inner.height as usize;
    let sel = app.finding_sel.min(list.len() - 1);
    let first = if sel >= h { sel + 1 - h } else { 0 };
    let w = inner.width as usize;
    let lines: Vec<Line> = list
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
            let text = format!("{mark} {:<22} {}", f.rule, f.message);
            Line::from(Span::styled(truncate(&text, w), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).style(th.base), inner);
}
