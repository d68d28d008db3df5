//! A corpus generator: varied reports made from the bundled samples, with
//! random but consistent numbers, in every table layout, some of them broken.
//! Used by the batch benchmark, the scaling tests and `nianbao-corpus`.

use crate::model::{Block, Report};
use crate::template::{ACTIVE, APPEALS, REQUESTS, TableId, requests_rows as rr};
use crate::{normalize, parse};

/// A small deterministic PRNG (xorshift64*): no dependency, same corpus for
/// the same seed on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// How a generated report writes its tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The canonical tab-separated layout.
    Tab,
    /// Markdown pipe tables.
    Pipe,
    /// One cell per line, rows separated by blank lines (Word copy).
    CellPerLine,
    /// Space-separated (PDF text).
    Space,
}

impl Layout {
    pub const ALL: [Layout; 4] = [
        Layout::Tab,
        Layout::Pipe,
        Layout::CellPerLine,
        Layout::Space,
    ];
}

const BASES: [&str; 4] = [
    include_str!("../sample-reports/variant-nonzero-clean.txt"),
    include_str!("../sample-reports/seed-003.txt"),
    include_str!("../sample-reports/seed-004.txt"),
    include_str!("../sample-reports/real-01-shuyang-2025.txt"),
];

const AGENCIES: [&str; 6] = [
    "某区发展和改革局",
    "某县人民政府办公室",
    "某市生态环境局",
    "某区城市管理局",
    "某县教育局",
    "某区人力资源和社会保障局",
];

fn small(rng: &mut Rng) -> i64 {
    match rng.below(10) {
        0..=5 => 0,
        6..=8 => rng.below(10) as i64,
        _ => rng.below(300) as i64,
    }
}

/// Fill the report's tables with random values that satisfy every rule.
pub fn randomize(report: &mut Report, rng: &mut Rng) {
    // Requests: per applicant column, leaves → (七), carry-over, new.
    let mut grid = [[0i64; 7]; 25];
    for c in 0..6 {
        let scale = if c == 0 { 3 } else { 1 };
        let mut outcome = 0;
        for row in grid
            .iter_mut()
            .take(rr::LAST_OUTCOME + 1)
            .skip(rr::FIRST_OUTCOME)
        {
            let v = small(rng) * scale / if c == 0 { 1 } else { 2 };
            row[c] = v;
            outcome += v;
        }
        grid[rr::OUTCOME_TOTAL][c] = outcome;
        let out = rng.below(5) as i64;
        grid[rr::CARRIED_OUT][c] = out;
        let carried_in = (rng.below(5) as i64).min(outcome + out);
        grid[rr::CARRIED_IN][c] = carried_in;
        grid[rr::NEW][c] = outcome + out - carried_in;
    }
    for row in grid.iter_mut() {
        row[6] = row[..6].iter().sum();
    }
    for (r, row) in grid.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            report.set_cell(TableId::Requests, r, c, &v.to_string());
        }
    }
    for g in APPEALS.groups {
        let mut sum = 0;
        for c in g.parts() {
            let v = small(rng) / 3;
            sum += v;
            report.set_cell(TableId::Appeals, 0, c, &v.to_string());
        }
        if let Some(total) = g.total {
            report.set_cell(TableId::Appeals, 0, total, &sum.to_string());
        }
    }
    for (r, spec) in ACTIVE.rows.iter().enumerate() {
        for c in 0..spec.width {
            let v = if spec.kind == crate::template::CellKind::Amount {
                format!("{}.{:02}", rng.below(5000), rng.below(100))
            } else {
                small(rng).to_string()
            };
            report.set_cell(TableId::Active, r, c, &v);
        }
    }
}

/// Break one thing: a cell off by one, or a lost cell.
fn break_one(report: &mut Report, rng: &mut Rng) {
    let r = rng.below(REQUESTS.rows.len() as u64) as usize;
    let c = rng.below(7) as usize;
    if rng.chance(75) {
        let v = report
            .table(TableId::Requests)
            .and_then(|t| t.count(r, c))
            .unwrap_or(0);
        report.set_cell(TableId::Requests, r, c, &(v + 1).to_string());
    } else {
        report.shift_row(TableId::Requests, r, -1);
    }
}

fn table_rows(report: &Report, id: TableId) -> Vec<(String, Vec<String>)> {
    let Some(t) = report.table(id) else {
        return Vec::new();
    };
    let spec = id.spec();
    t.rows
        .iter()
        .zip(spec.rows)
        .map(|(row, rs)| {
            let label = match id {
                TableId::Requests => rs
                    .layout
                    .iter()
                    .copied()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
                TableId::Appeals => String::new(),
                TableId::Active => rs.label.to_string(),
            };
            let vals = row
                .cells
                .iter()
                .map(|c| c.value.canonical(&c.raw))
                .collect();
            (label, vals)
        })
        .collect()
}

/// Write one table in a layout.
pub fn write_table(report: &Report, id: TableId, layout: Layout, out: &mut String) {
    if layout == Layout::Tab {
        if let Some(t) = report.table(id) {
            normalize::write_table(t, out);
        }
        return;
    }
    let header = id.spec().plain_header;
    match layout {
        Layout::Pipe => {
            out.push_str(&format!("| {} |\n", header.join(" | ")));
            out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
            for (label, vals) in table_rows(report, id) {
                let mut cells = Vec::new();
                if id != TableId::Appeals {
                    cells.push(label);
                }
                cells.extend(vals);
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
        }
        Layout::CellPerLine => {
            for h in header {
                out.push_str(&format!("\t{h}\n"));
            }
            out.push('\n');
            for (label, vals) in table_rows(report, id) {
                if id != TableId::Appeals {
                    out.push_str(&format!("\t{label}\n"));
                }
                for v in vals {
                    out.push_str(&format!("\t{v}\n"));
                }
                out.push('\n');
            }
        }
        Layout::Space => {
            out.push_str(&header.join(" "));
            out.push('\n');
            for (label, vals) in table_rows(report, id) {
                let vals: Vec<String> = vals
                    .into_iter()
                    .map(|v| if v.is_empty() { "-".into() } else { v })
                    .collect();
                if id == TableId::Appeals {
                    out.push_str(&vals.join(" "));
                } else {
                    out.push_str(&format!("{label} {}", vals.join(" ")));
                }
                out.push('\n');
            }
        }
        Layout::Tab => {}
    }
}

/// Write a whole report with its tables in a layout.
pub fn write_report(report: &Report, layout: Layout) -> String {
    let mut out = String::new();
    for block in report.blocks() {
        match block {
            Block::Narrative(n) => {
                let line = report.line(n).unwrap_or("");
                // The base's narrative states the base's figures; the numbers
                // are new, so a sentence that states figures is replaced.
                if crate::parse::facts::claims::claims_in(line, n).is_empty() {
                    out.push_str(line);
                } else {
                    out.push_str("本机关依法依规办理政府信息公开申请，按时答复申请人。");
                }
                out.push('\n');
            }
            Block::Table(id) => write_table(report, id, layout, &mut out),
        }
    }
    out
}

/// One generated report: which base, layout and whether it was broken.
#[derive(Debug, Clone)]
pub struct Generated {
    pub text: String,
    pub layout: Layout,
    pub broken: bool,
}

/// The `index`-th report of the corpus with this seed.
pub fn generate(seed: u64, index: u64) -> Generated {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0x1000_0000_01B3));
    let base = BASES[rng.below(BASES.len() as u64) as usize];
    let mut report = parse::parse(base, "UTF-8");
    randomize(&mut report, &mut rng);
    let broken = rng.chance(20);
    if broken {
        break_one(&mut report, &mut rng);
    }
    let layout = Layout::ALL[rng.below(4) as usize];
    let agency = AGENCIES[rng.below(AGENCIES.len() as u64) as usize];
    let mut text = format!("{agency}（{index}）2023 年政府信息公开工作年度报告\n\n");
    text.push_str(&write_report(&report, layout));
    Generated {
        text,
        layout,
        broken,
    }
}

/// A report with a narrative of about `bytes` bytes (for the scaling note).
pub fn with_long_narrative(bytes: usize) -> String {
    let base = BASES[0];
    let para = "本机关坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政府信息公开条例，持续深化政务公开，不断提升公开质量和实效。\n";
    let mut text = String::with_capacity(bytes + base.len());
    // The long narrative goes in section 一, before the tables.
    let mut lines = base.lines();
    for l in lines.by_ref() {
        text.push_str(l);
        text.push('\n');
        if l.contains("总体情况") {
            break;
        }
    }
    while text.len() < bytes {
        text.push_str(para);
    }
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    #[test]
    fn generated_reports_read_back_and_break_only_when_told() {
        for i in 0..40 {
            let g = generate(7, i);
            let report = parse::parse(&g.text, "UTF-8");
            let findings = rules::check(&report);
            let errors = findings.iter().filter(|f| f.is_error()).count();
            if !g.broken {
                assert_eq!(
                    errors, 0,
                    "report {i} ({:?}) should pass: {findings:#?}",
                    g.layout
                );
            }
            assert!(
                report.table(TableId::Requests).is_some(),
                "report {i} {:?}",
                g.layout
            );
        }
    }

    #[test]
    fn long_narrative_keeps_tables() {
        let text = with_long_narrative(200_000);
        assert!(text.len() >= 200_000);
        let report = parse::parse(&text, "UTF-8");
        assert!(rules::check(&report).iter().all(|f| !f.is_error()));
    }
}
