//! The outline (`o`): every section of the report in order, the template's
//! missing sections in their place, each with its error and warning
//! counts; Enter goes there.

use crate::SectionKind;
use crate::rules;

use super::findings::Place;
use super::{App, Focus, Mode};

/// What a row of the outline stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineTarget {
    /// A stop of the section walk.
    Stop(usize),
    /// A numbered section the report lacks (its `section.missing` finding).
    Missing(SectionKind),
    /// Findings about the report as a whole.
    Report,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineRow {
    pub target: OutlineTarget,
    pub label: String,
    pub errors: usize,
    pub warnings: usize,
}

fn numbered_index(kind: SectionKind) -> Option<usize> {
    SectionKind::NUMBERED.iter().position(|k| *k == kind)
}

impl App {
    /// The outline's rows, in reading order.
    pub fn outline(&self) -> Vec<OutlineRow> {
        // Per stop (and one past the end for the report level): counts.
        let mut counts = vec![(0usize, 0usize); self.stops.len() + 1];
        let mut missing_counts: Vec<(SectionKind, usize, usize)> = Vec::new();
        for f in &self.findings {
            if f.rule == rules::Rule::SectionMissing {
                if let Some(k) = f.message.section() {
                    missing_counts.push((k, usize::from(f.is_error()), usize::from(!f.is_error())));
                    continue;
                }
            }
            let stop = match self.place(f) {
                Place::Cell(t, _, _) => self.stops.iter().position(|s| s.table == Some(t)),
                Place::Line(l) => self.stop_of_line(l),
                Place::List => Some(self.list_stop(f)),
            }
            .unwrap_or(self.stops.len())
            .min(self.stops.len());
            if f.is_error() {
                counts[stop].0 += 1;
            } else {
                counts[stop].1 += 1;
            }
        }
        let present: Vec<SectionKind> = self.report.sections.iter().map(|s| s.kind).collect();
        let mut missing: Vec<SectionKind> = SectionKind::NUMBERED
            .into_iter()
            .filter(|k| !present.contains(k))
            .collect();
        let missing_row = |k: SectionKind| {
            let (e, w) = missing_counts
                .iter()
                .filter(|(m, _, _)| *m == k)
                .fold((0, 0), |(e, w), (_, de, dw)| (e + de, w + dw));
            OutlineRow {
                target: OutlineTarget::Missing(k),
                label: k.canonical().to_string(),
                errors: e,
                warnings: w,
            }
        };
        let mut rows = Vec::new();
        for (i, stop) in self.stops.iter().enumerate() {
            let sec = self.report.sections.get(stop.section);
            if let Some(n) = sec.and_then(|s| numbered_index(s.kind)) {
                // The template's sections before this one that are missing.
                while let Some(&k) = missing.first()
                    && numbered_index(k).is_some_and(|m| m < n)
                {
                    rows.push(missing_row(k));
                    missing.remove(0);
                }
            }
            let heading = sec.map_or("", |s| s.heading.as_str());
            let second = i > 0 && self.stops[i - 1].section == stop.section;
            let label = match (second, stop.table) {
                (true, Some(t)) => format!("  └ {}", t.title()),
                _ => heading.to_string(),
            };
            rows.push(OutlineRow {
                target: OutlineTarget::Stop(i),
                label,
                errors: counts[i].0,
                warnings: counts[i].1,
            });
        }
        for k in missing {
            rows.push(missing_row(k));
        }
        let (e, w) = counts[self.stops.len()];
        if e + w > 0 {
            rows.push(OutlineRow {
                target: OutlineTarget::Report,
                label: super::super::strings::t(crate::i18n::Key::TuiOutlineReport).to_string(),
                errors: e,
                warnings: w,
            });
        }
        rows
    }

    /// Open the outline on the row of the current stop.
    pub(super) fn open_outline(&mut self) {
        let sel = self
            .outline()
            .iter()
            .position(|r| r.target == OutlineTarget::Stop(self.stop))
            .unwrap_or(0);
        self.mode = Mode::Outline { sel };
    }

    /// Enter on an outline row.
    pub(super) fn outline_go(&mut self, sel: usize) {
        self.mode = Mode::Normal;
        let Some(row) = self.outline().get(sel).cloned() else {
            return;
        };
        match row.target {
            OutlineTarget::Stop(i) => self.enter_stop(i),
            OutlineTarget::Missing(k) => {
                if let Some(i) = self.findings.iter().position(|f| {
                    f.rule == rules::Rule::SectionMissing && f.message.section() == Some(k)
                }) {
                    self.visit(i);
                    self.walk_at = Some(i);
                }
            }
            OutlineTarget::Report => {
                let walk = self.walk();
                if let Some(&i) = walk
                    .iter()
                    .find(|&&i| self.place(&self.findings[i]) == Place::List)
                {
                    self.visit(i);
                    self.walk_at = Some(i);
                } else {
                    self.focus = Focus::Findings;
                }
            }
        }
    }
}
