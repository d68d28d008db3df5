//! Moving around: the section walk, the cursor, the panes' scrolling, the
//! jumps to findings.

use crate::TableId;
use crate::model::Report;

use super::super::action::Action;
use super::super::strings as s;
use super::super::width::wrapped_rows;
use super::{App, Focus, MessageKind, Stop};

impl App {
    pub(super) fn row_width(&self, t: TableId, row: usize) -> usize {
        t.spec().rows.get(row).map_or(0, |r| r.width)
    }

    pub(super) fn enter_stop(&mut self, i: usize) {
        if self.stops.is_empty() {
            return;
        }
        self.stop = i.min(self.stops.len() - 1);
        self.cursor = (0, 0);
        self.finding_sel = 0;
        let first = self.section().map_or(1, |s| s.first_line);
        self.text_scroll = first;
        if self.table().is_some() {
            self.focus = Focus::Grid;
            self.follow = true;
        } else {
            self.focus = Focus::Text;
            self.follow = false;
            self.text_line = first;
        }
    }

    pub(super) fn go_to_cell(&mut self, t: TableId, row: usize, col: usize) {
        if self.table() != Some(t)
            && let Some(i) = self.stops.iter().position(|s| s.table == Some(t))
        {
            self.enter_stop(i);
        }
        let w = self.row_width(t, row);
        self.cursor = (row, col.min(w.saturating_sub(1)));
        self.focus = Focus::Grid;
        self.follow = true;
    }

    pub(super) fn movement(&mut self, action: Action) {
        match self.focus {
            Focus::Grid => {
                let Some(t) = self.table() else { return };
                let rows = t.spec().rows.len();
                let (mut r, mut c) = self.cursor;
                match action {
                    Action::Left => c = c.saturating_sub(1),
                    Action::Right => c += 1,
                    Action::Up => r = r.saturating_sub(1),
                    Action::Down => r = (r + 1).min(rows - 1),
                    Action::PageUp => r = r.saturating_sub(self.page(Focus::Grid)),
                    Action::PageDown => r = (r + self.page(Focus::Grid)).min(rows - 1),
                    Action::Home => c = 0,
                    Action::End => c = usize::MAX,
                    Action::Top => r = 0,
                    Action::Bottom => r = rows - 1,
                    _ => {}
                }
                let w = self.row_width(t, r);
                self.cursor = (r, c.min(w.saturating_sub(1)));
                self.follow = true;
            }
            Focus::Findings => {
                let n = self.table_findings().len();
                match action {
                    Action::Up => self.finding_sel = self.finding_sel.saturating_sub(1),
                    Action::Down => {
                        self.finding_sel = (self.finding_sel + 1).min(n.saturating_sub(1))
                    }
                    Action::PageUp => {
                        self.finding_sel =
                            self.finding_sel.saturating_sub(self.page(Focus::Findings))
                    }
                    Action::PageDown => {
                        self.finding_sel =
                            (self.finding_sel + self.page(Focus::Findings)).min(n.saturating_sub(1))
                    }
                    Action::Home | Action::Top => self.finding_sel = 0,
                    Action::End | Action::Bottom => self.finding_sel = n.saturating_sub(1),
                    _ => {}
                }
            }
            Focus::Text => {
                let (first, last) = self.text_range();
                let page = self.page(Focus::Text);
                let cur = self.text_line.clamp(first, last.max(first));
                let drawn = self.viewport.get();
                if drawn.text_rows > 0 {
                    // Scroll from what the last frame showed.
                    self.text_scroll = drawn.text_start;
                }
                self.text_line = match action {
                    Action::Up => cur.saturating_sub(1).max(first),
                    Action::Down => (cur + 1).min(last),
                    Action::PageUp => cur.saturating_sub(page).max(first),
                    Action::PageDown => (cur + page).min(last),
                    Action::Home | Action::Top => first,
                    Action::End | Action::Bottom => last,
                    _ => cur,
                };
                self.follow = true;
            }
        }
    }

    /// The lines of the section the text pane shows: the text cursor's
    /// section when the pane has focus, else a pinned line's, else the
    /// current stop's.
    pub fn text_range(&self) -> (usize, usize) {
        let sec = if self.focus == Focus::Text && self.text_line > 0 {
            self.report.section_of_line(self.text_line)
        } else {
            None
        }
        .or_else(|| {
            self.pinned_line
                .and_then(|l| self.report.section_of_line(l))
        })
        .and_then(|i| self.report.sections.get(i))
        .or_else(|| self.section());
        sec.map_or((1, 1), |s| {
            (
                s.first_line,
                s.last_line.min(self.report.lines.len()).max(s.first_line),
            )
        })
    }

    /// Focus the text pane on line `l`.
    pub(super) fn focus_text_line(&mut self, l: usize) {
        self.focus = Focus::Text;
        self.show_text = true;
        self.text_line = l.max(1);
        self.follow = true;
    }

    /// `e` / Enter in the text pane: a line of a table goes to its cell;
    /// a narrative line is edited in place.
    pub(super) fn edit_text_line(&mut self) {
        let l = self.text_line;
        if l == 0 || self.report.line(l).is_none() {
            return;
        }
        for t in TableId::ALL {
            let Some(tb) = self.report.table(t) else {
                continue;
            };
            if l < tb.first_line || l > tb.last_line || tb.prose_lines.contains(&l) {
                continue;
            }
            let cell = tb.rows.iter().enumerate().find_map(|(r, row)| {
                row.cells
                    .iter()
                    .position(|c| c.line == Some(l))
                    .map(|c| (r, c))
                    .or_else(|| (row.line == Some(l)).then_some((r, 0)))
            });
            match cell {
                Some((r, c)) => self.go_to_cell(t, r, c),
                None => self.set_message(s::t(crate::i18n::Key::TuiTableLine), MessageKind::Info),
            }
            return;
        }
        self.start_line_edit(l);
    }

    /// A page of the pane `focus`: the rows the last frame showed (before
    /// the first frame, a guess).
    pub(super) fn page(&self, focus: Focus) -> usize {
        let v = self.viewport.get();
        let (drawn, guess) = match focus {
            Focus::Grid => (v.grid_rows, 10),
            Focus::Findings => (v.findings_rows, 5),
            Focus::Text => (v.text_rows, 10),
        };
        if drawn > 0 { drawn } else { guess }
    }

    /// The first line the text pane shows for lines `first..=last`, `rows`
    /// rows of `width` columns: the scroll position, moved (when following)
    /// so that `target` is in view. The one place the text pane's scroll is
    /// computed.
    pub fn text_start(
        &self,
        (first, last): (usize, usize),
        target: Option<usize>,
        width: usize,
        rows: usize,
    ) -> usize {
        let fits = |start: usize, t: usize| {
            let mut used = 0;
            for n in start..=t {
                used += wrapped_rows(self.report.line(n).unwrap_or(""), width);
                if used > rows {
                    return false;
                }
            }
            true
        };
        let mut start = self.text_scroll.clamp(first, last);
        if self.follow
            && let Some(t) = target
            && (t < start || !fits(start, t))
        {
            start = t.saturating_sub(2).max(first);
            while start < t && !fits(start, t) {
                start += 1;
            }
        }
        start
    }
}

/// The section walk: every section, each with the table that stands in it.
/// A table found outside any section of its kind joins the section it
/// stands in; a table section whose table is missing shows that.
pub(super) fn build_stops(report: &Report) -> Vec<Stop> {
    let mut stops: Vec<Stop> = report
        .sections
        .iter()
        .enumerate()
        .map(|(i, sec)| {
            let table = TableId::ALL.into_iter().find(|&t| {
                report.table(t).is_some_and(|tb| {
                    tb.first_line >= sec.first_line && tb.first_line <= sec.last_line
                })
            });
            Stop { section: i, table }
        })
        .collect();
    // A section holding two tables (a heading lost): give the second its own stop.
    for t in TableId::ALL {
        if report.table(t).is_some() && !stops.iter().any(|s| s.table == Some(t)) {
            let sec = report
                .table(t)
                .and_then(|tb| report.section_of_line(tb.first_line))
                .unwrap_or(0);
            let at = stops
                .iter()
                .rposition(|s| s.section == sec)
                .map_or(stops.len(), |i| i + 1);
            stops.insert(
                at,
                Stop {
                    section: sec,
                    table: Some(t),
                },
            );
        }
    }
    if stops.is_empty() {
        stops.push(Stop {
            section: 0,
            table: None,
        });
    }
    stops
}
