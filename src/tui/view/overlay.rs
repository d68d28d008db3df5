//! Overlays: the `?` help (read from the key table) and the quit prompt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::super::app::App;
use super::super::keymap::{self, BINDINGS};
use super::super::strings as s;
use super::super::width::pad_right;

/// Clear the overlay's rectangle and one column either side: a wide (CJK)
/// character just outside would otherwise spill its second half over the
/// box's border.
fn clear(frame: &mut Frame, rect: Rect) {
    let area = frame.area();
    let x = rect.x.saturating_sub(1);
    let right = (rect.x + rect.width + 1).min(area.x + area.width);
    frame.render_widget(Clear, Rect::new(x, rect.y, right - x, rect.height));
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub fn help(frame: &mut Frame, app: &App, area: Rect) {
    let th = &app.theme;
    let mut lines: Vec<Line> = BINDINGS
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(pad_right(b.label, 10), th.help_key),
                Span::styled(b.help, th.help_text),
            ])
        })
        .collect();
    // The themes note only where there is room for it.
    if area.height as usize >= lines.len() + 4 {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            s::themes_line(super::super::theme::bundled_names()),
            th.dim,
        )));
    }
    let rect = centered(area, 84, lines.len() as u16 + 2);
    clear(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border_focused)
        .title(Span::styled(s::HELP_TITLE, th.title));
    frame.render_widget(Paragraph::new(lines).block(block).style(th.help_text), rect);
}

pub fn quit(frame: &mut Frame, app: &App, area: Rect) {
    let th = &app.theme;
    let rect = centered(area, 56, 5);
    clear(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border_focused)
        .title(Span::styled(s::QUIT_TITLE, th.title));
    let lines = vec![
        Line::from(Span::styled(s::QUIT_TEXT, th.prompt)),
        Line::from(""),
        Line::from(Span::styled(keymap::QUIT_PROMPT.hints(), th.help_key)),
    ];
    frame.render_widget(Paragraph::new(lines).block(block).style(th.prompt), rect);
}

pub fn restore(frame: &mut Frame, app: &App, area: Rect, changes: usize) {
    let th = &app.theme;
    let rect = centered(area, 76, 5);
    clear(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border_focused)
        .title(Span::styled(s::RESTORE_TITLE, th.title));
    let lines = vec![
        Line::from(Span::styled(s::restore_text(changes), th.prompt)),
        Line::from(""),
        Line::from(Span::styled(keymap::RESTORE_PROMPT.hints(), th.help_key)),
    ];
    frame.render_widget(Paragraph::new(lines).block(block).style(th.prompt), rect);
}
