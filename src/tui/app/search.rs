//! `/`: search the row labels of the tables and the lines of the text;
//! after a search `n`/`N` move between its hits until Esc ends it.

use crate::TableId;

use super::super::strings as s;
use super::{App, MessageKind, Mode};

/// Where a search matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Hit {
    /// A row label of a table.
    Row(TableId, usize),
    /// A line of the text (1-based).
    Line(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub hits: Vec<Hit>,
    /// The hit shown last.
    pub at: Option<usize>,
}

impl App {
    pub(super) fn start_search(&mut self) {
        self.mode = Mode::Search {
            query: String::new(),
        };
    }

    /// Every hit of `query`, in reading order (by the stop showing it).
    pub fn search_hits(&self, query: &str) -> Vec<Hit> {
        let q = query.to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let mut keyed: Vec<((usize, u8, usize), Hit)> = Vec::new();
        for (stop, st) in self.stops.iter().enumerate() {
            let Some(t) = st.table else { continue };
            for (r, spec) in t.spec().rows.iter().enumerate() {
                if spec.label.to_lowercase().contains(&q) || spec.short.to_lowercase().contains(&q)
                {
                    keyed.push(((stop, 0, r), Hit::Row(t, r)));
                }
            }
        }
        for (i, line) in self.report.lines.iter().enumerate() {
            if line.to_lowercase().contains(&q) {
                let l = i + 1;
                let stop = self.stop_of_line(l).unwrap_or(self.stops.len());
                keyed.push(((stop, 1, l), Hit::Line(l)));
            }
        }
        keyed.sort();
        keyed.dedup_by(|a, b| a.1 == b.1);
        keyed.into_iter().map(|(_, h)| h).collect()
    }

    /// Enter in the search prompt.
    pub(super) fn run_search(&mut self, query: String) {
        self.mode = Mode::Normal;
        let hits = self.search_hits(&query);
        if hits.is_empty() {
            self.set_message(s::search_none(&query), MessageKind::Info);
            self.search = None;
            return;
        }
        self.search = Some(Search {
            query,
            hits,
            at: None,
        });
        self.next_hit(true);
    }

    /// `n` / `N` after a search.
    pub(super) fn next_hit(&mut self, forward: bool) {
        let Some(search) = self.search.as_ref() else {
            return;
        };
        let n = search.hits.len();
        if n == 0 {
            return;
        }
        let i = match search.at {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None if forward => 0,
            None => n - 1,
        };
        let hit = search.hits[i];
        let msg = s::search_position(i + 1, n, &search.query);
        if let Some(sr) = self.search.as_mut() {
            sr.at = Some(i);
        }
        match hit {
            Hit::Row(t, r) => {
                let c = self.cursor.1;
                self.go_to_cell(t, r, c);
            }
            Hit::Line(l) => {
                if let Some(st) = self.stop_of_line(l) {
                    self.enter_stop(st);
                }
                self.pinned_line = Some(l);
                self.focus_text_line(l);
            }
        }
        self.set_message(msg, MessageKind::Info);
    }
}
