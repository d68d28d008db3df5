//! Overlays: the `?` help (read from the key table) and the quit prompt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::super::app::{App, OutlineTarget};
use super::super::keymap::{self, BINDINGS};
use super::super::strings as s;
use super::super::width::{pad_right, truncate, width as width_of};

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

/// A binding's keys as the help shows them; a binding for every other key
/// has none.
pub fn label(b: &keymap::Binding) -> &'static str {
    if b.label.is_empty() {
        s::t(crate::i18n::Key::TuiKeyOther)
    } else {
        b.label
    }
}

/// The help's rows: (key, text, is a heading). Normal mode's keys first,
/// then the other modes', the legend of the grid's and text's marks, and
/// the themes.
pub fn help_lines() -> Vec<(&'static str, String, bool)> {
    let mut out: Vec<(&'static str, String, bool)> = BINDINGS
        .iter()
        .map(|b| (label(b), s::t(b.help).to_string(), false))
        .collect();
    for (title, map) in [
        (s::t(crate::i18n::Key::TuiHelpEditor), &keymap::EDITOR),
        (
            s::t(crate::i18n::Key::TuiHelpLineEditor),
            &keymap::LINE_EDITOR,
        ),
        (s::t(crate::i18n::Key::TuiHelpOutline), &keymap::OUTLINE),
        (s::t(crate::i18n::Key::TuiHelpHelp), &keymap::HELP),
    ] {
        out.push(("", String::new(), false));
        out.push(("", title.to_string(), true));
        out.extend(
            map.bindings
                .iter()
                .map(|b| (label(b), s::t(b.help).to_string(), false)),
        );
    }
    out.push(("", String::new(), false));
    out.push(("", s::t(crate::i18n::Key::TuiLegendTitle).to_string(), true));
    out.extend(
        s::LEGEND
            .iter()
            .map(|(k, t)| (*k, s::t(*t).to_string(), false)),
    );
    out.push(("", String::new(), false));
    out.push((
        "",
        s::themes_line(super::super::theme::bundled_names()),
        true,
    ));
    out
}

pub fn help(frame: &mut Frame, app: &App, area: Rect, scroll: usize) {
    let th = &app.theme;
    let all = help_lines();
    let rect = centered(area, 84, all.len() as u16 + 2);
    let body = rect.height.saturating_sub(2) as usize;
    let scroll = scroll.min(all.len().saturating_sub(body));
    let mut v = app.viewport.get();
    v.help_rows = body;
    app.viewport.set(v);
    let lines: Vec<Line> = all
        .iter()
        .skip(scroll)
        .take(body)
        .map(|(key, text, heading)| {
            if *heading {
                Line::from(Span::styled(text.clone(), th.dim))
            } else {
                Line::from(vec![
                    Span::styled(pad_right(key, 10), th.help_key),
                    Span::styled(text.clone(), th.help_text),
                ])
            }
        })
        .collect();
    let more = scroll + body < all.len();
    let title = format!(
        "{}{}",
        s::t(crate::i18n::Key::TuiHelpTitle),
        if more { s::HELP_MORE } else { "" }
    );
    clear(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border_focused)
        .title(Span::styled(title, th.title));
    frame.render_widget(Paragraph::new(lines).block(block).style(th.help_text), rect);
}

pub fn quit(frame: &mut Frame, app: &App, area: Rect) {
    let th = &app.theme;
    let rect = centered(area, 56, 5);
    clear(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border_focused)
        .title(Span::styled(s::t(crate::i18n::Key::TuiQuitTitle), th.title));
    let lines = vec![
        Line::from(Span::styled(s::t(crate::i18n::Key::TuiQuitText), th.prompt)),
        Line::from(""),
        Line::from(Span::styled(app.keymap().hints(), th.help_key)),
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
        .title(Span::styled(
            s::t(crate::i18n::Key::TuiRestoreTitle),
            th.title,
        ));
    let lines = vec![
        Line::from(Span::styled(s::restore_text(changes), th.prompt)),
        Line::from(""),
        Line::from(Span::styled(keymap::RESTORE_PROMPT.hints(), th.help_key)),
    ];
    frame.render_widget(Paragraph::new(lines).block(block).style(th.prompt), rect);
}

/// A prompt: its lines, then the hints of its keymap.
pub fn prompt(frame: &mut Frame, app: &App, area: Rect, title: &str, text: &[String]) {
    let th = &app.theme;
    let hints = app.keymap().hints();
    let widest = text
        .iter()
        .map(|l| width_of(l))
        .chain([width_of(&hints), width_of(title)])
        .max()
        .unwrap_or(0);
    let w = u16::try_from(widest + 4)
        .unwrap_or(u16::MAX)
        .min(area.width);
    // Wrapped lines take more rows on a narrow screen.
    let inner = usize::from(w.saturating_sub(2)).max(1);
    let rows: usize = text
        .iter()
        .chain([&hints])
        .map(|l| width_of(l).div_ceil(inner).max(1))
        .sum();
    let h = u16::try_from(rows + 3).unwrap_or(u16::MAX);
    let rect = centered(area, w, h);
    clear(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border_focused)
        .title(Span::styled(title.to_string(), th.title));
    let mut lines: Vec<Line> = text
        .iter()
        .map(|l| Line::from(Span::styled(l.clone(), th.prompt)))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(hints, th.help_key)));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .style(th.prompt)
            .wrap(ratatui::widgets::Wrap { trim: false }),
        rect,
    );
}

/// The outline: sections in order with their counts, the missing ones in
/// their place; the selected row highlighted and kept in view.
pub fn outline(frame: &mut Frame, app: &App, area: Rect, sel: usize) {
    let th = &app.theme;
    let rows = app.outline();
    let w = area.width.min(72);
    let h = (rows.len() as u16 + 2).min(area.height);
    let rect = centered(area, w, h);
    clear(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border_focused)
        .title(Span::styled(
            s::t(crate::i18n::Key::TuiOutlineTitle),
            th.title,
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let body = inner.height as usize;
    let sel = sel.min(rows.len().saturating_sub(1));
    let first = if sel >= body { sel + 1 - body } else { 0 };
    let width = inner.width as usize;
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(body)
        .map(|(i, r)| {
            let here = r.target == OutlineTarget::Stop(app.stop);
            let counts = match (r.errors, r.warnings) {
                (0, 0) => "·".to_string(),
                (e, 0) => format!("✗{e}"),
                (0, w) => format!("!{w}"),
                (e, w) => format!("✗{e} !{w}"),
            };
            let missing = matches!(r.target, OutlineTarget::Missing(_));
            let label = if missing {
                format!("{}{}", r.label, s::t(crate::i18n::Key::TuiOutlineMissing))
            } else {
                r.label.clone()
            };
            let lead = if here { "▸ " } else { "  " };
            let room = width.saturating_sub(width_of(&counts) + 3);
            let text = format!("{lead}{} {}", pad_right(&label, room), counts);
            let style = if i == sel {
                th.finding_selected
            } else if r.errors > 0 {
                th.finding_error
            } else if r.warnings > 0 {
                th.finding_warning
            } else if missing {
                th.dim
            } else {
                th.help_text
            };
            Line::from(Span::styled(truncate(&text, width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).style(th.help_text), inner);
}
