//! Property tests.
//!
//! (a) Random tables written in four layouts — tab-separated like seed 001,
//!     markdown pipe tables, one cell per line like seed 002, and
//!     space-separated — inside a minimal report with the six section
//!     headings, parse back to the same values (and survive a normalize
//!     round trip).
//! (b) Robustness: arbitrary bytes, arbitrary text, and random mutations of
//!     the sample reports never panic in decode, parse, check or normalize.
//! (c) The fault campaign's operators (byte flips, truncation, line
//!     delete/duplicate/swap, CJK/control/CR/tab/NEL insertion, absurd
//!     numbers): valid JSON, no raw control character in the text output,
//!     normalize idempotent byte for byte.
//!
//! 512 cases each; the `#[ignore]`d `long_*` tests run 20 000
//! (`cargo test --test props -- --ignored`). A campaign on other inputs:
//! `PROPTEST_RNG_SEED=<n> PROPTEST_CASES=<n> cargo test --release --test
//! props -- --ignored long_campaign_mutations_hold` (without the seed the
//! cases are the same on every run).

use std::path::Path;
use std::sync::OnceLock;

use nianbao::cell::CellValue;
use nianbao::template::{ACTIVE, REQUESTS};
use nianbao::{Report, TableId, decode, normalize, parse, rules};
use proptest::prelude::*;
use proptest::test_runner::Config;

const CASES: u32 = 512;
const LONG_CASES: u32 = 20_000;

fn config(cases: u32) -> Config {
    let default = Config::default();
    Config {
        // `PROPTEST_CASES=N` runs N cases in every test instead (a campaign
        // with `--ignored long_campaign_mutations_hold`, or a quick look).
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        // Failures are reported with their minimal input; nothing is
        // written into the source tree.
        failure_persistence: None,
        // The same cases on every run (CI must not pass or fail by luck);
        // `PROPTEST_RNG_SEED=random` (or a number) explores others.
        rng_seed: match std::env::var("PROPTEST_RNG_SEED") {
            Ok(_) => default.rng_seed,
            Err(_) => proptest::test_runner::RngSeed::Fixed(2026),
        },
        ..default
    }
}

// ------------------------------------------------------------ values

/// Blank markers (the cell policy reads them as 0 and warns). `""` cannot
/// stand first in a row (it would be label padding) nor in the
/// space-separated layout; there it is written `/`.
const BLANKS: [&str; 5] = ["/", "-", "—", "无", ""];

#[derive(Debug, Clone)]
enum Val {
    /// A count: thousands separators, full-width digits, a leading space.
    Count {
        n: u64,
        sep: bool,
        full: bool,
        pad: bool,
    },
    /// The fee: an amount with up to three decimals.
    Fee {
        int: u64,
        frac: String,
        sep: bool,
        full: bool,
    },
    Blank(usize),
}

impl Val {
    fn want(&self) -> CellValue {
        match self {
            Val::Count { n, .. } => CellValue::Int(*n as i64),
            Val::Fee { int, frac, .. } => {
                let s = if frac.is_empty() {
                    int.to_string()
                } else {
                    format!("{int}.{frac}")
                };
                CellValue::Amount(s.parse().unwrap())
            }
            Val::Blank(_) => CellValue::Blank,
        }
    }

    fn is_blank(&self) -> bool {
        matches!(self, Val::Blank(_))
    }

    /// The cell's text. `first`: the first value of its row.
    fn render(&self, layout: Layout, first: bool) -> String {
        match self {
            Val::Count { n, sep, full, pad } => {
                let mut s = digits(*n, *sep, *full);
                if *pad && layout != Layout::Space {
                    s.insert(0, ' ');
                }
                s
            }
            Val::Fee {
                int,
                frac,
                sep,
                full,
            } => {
                let mut s = digits(*int, *sep, *full);
                if !frac.is_empty() {
                    s.push('.');
                    s.push_str(&fold_digits(frac, *full));
                }
                s
            }
            Val::Blank(i) => {
                let m = BLANKS[*i];
                if m.is_empty() && (first || layout == Layout::Space) {
                    "/".to_string()
                } else {
                    m.to_string()
                }
            }
        }
    }
}

fn fold_digits(s: &str, full: bool) -> String {
    if full {
        s.chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
            .collect()
    } else {
        s.to_string()
    }
}

/// `n` with optional `,` thousands separators and full-width digits.
fn digits(n: u64, sep: bool, full: bool) -> String {
    let plain = n.to_string();
    let grouped = if sep && plain.len() > 3 {
        let mut out = String::new();
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        plain
    };
    grouped
        .chars()
        .map(|c| {
            if full && c.is_ascii_digit() {
                char::from_u32(c as u32 + 0xFEE0).unwrap()
            } else {
                c
            }
        })
        .collect()
}

fn count() -> impl Strategy<Value = Val> {
    prop_oneof![
        12 => (0u64..30, prop::bool::weighted(0.15), prop::bool::weighted(0.1))
            .prop_map(|(n, full, pad)| Val::Count { n, sep: false, full, pad }),
        3 => (
            0u64..5_000_000,
            any::<bool>(),
            prop::bool::weighted(0.2),
            prop::bool::weighted(0.1)
        )
            .prop_map(|(n, sep, full, pad)| Val::Count { n, sep, full, pad }),
        1 => (0..BLANKS.len()).prop_map(Val::Blank),
    ]
}

fn fee() -> impl Strategy<Value = Val> {
    prop_oneof![
        8 => (
            prop_oneof![0u64..100, 0u64..10_000_000],
            "[0-9]{0,3}",
            any::<bool>(),
            prop::bool::weighted(0.2)
        )
            .prop_map(|(int, frac, sep, full)| Val::Fee { int, frac, sep, full }),
        1 => (0..BLANKS.len()).prop_map(Val::Blank),
    ]
}

/// The three tables' values in template order.
#[derive(Debug, Clone)]
struct Grids {
    active: Vec<Vec<Val>>,
    requests: Vec<Vec<Val>>,
    appeals: Vec<Val>,
}

fn grids() -> impl Strategy<Value = Grids> {
    let active = (
        prop::collection::vec(prop::collection::vec(count(), 3), 2),
        prop::collection::vec(count(), 3),
        fee(),
    )
        .prop_map(|(g1, singles, fee)| {
            let mut rows = g1;
            rows.extend(singles.into_iter().map(|v| vec![v]));
            rows.push(vec![fee]);
            rows
        });
    let requests = prop::collection::vec(prop::collection::vec(count(), 7), 25);
    let appeals = prop::collection::vec(count(), 15);
    (active, requests, appeals).prop_map(|(active, requests, appeals)| Grids {
        active,
        requests,
        appeals,
    })
}

// ----------------------------------------------------------- layouts

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Tab-separated, label cells spread over leading columns, trailing
    /// empty cells (seed 001).
    Tab,
    /// Every tab field a markdown pipe cell, `|---|` after header rows.
    Pipe,
    /// One cell per line, each prefixed with a tab, rows separated by blank
    /// lines (seed 002).
    CellPerLine,
    /// Space-separated, labels written without spaces.
    Space,
}

const LAYOUTS: [Layout; 4] = [
    Layout::Tab,
    Layout::Pipe,
    Layout::CellPerLine,
    Layout::Space,
];

/// A row of the written table: its fields, and whether it is a header row
/// (a `|---|` follows the last header row of a block in the pipe layout).
struct Line {
    fields: Vec<String>,
    header: bool,
}

fn header(fields: &[&str]) -> Line {
    Line {
        fields: fields.iter().map(|s| s.to_string()).collect(),
        header: true,
    }
}

fn data(labels: &[&str], values: &[Val], trailing: usize, layout: Layout) -> Line {
    let mut fields: Vec<String> = labels.iter().map(|s| s.to_string()).collect();
    fields.extend(
        values
            .iter()
            .enumerate()
            .map(|(i, v)| v.render(layout, i == 0)),
    );
    fields.extend(std::iter::repeat_n(String::new(), trailing));
    Line {
        fields,
        header: false,
    }
}

/// Label fields of a requests row as seed 001 writes them: the template's
/// three label columns, except that 一, 二, 3. 其他, (七) and 四 stand in the
/// first column followed by one empty cell (seed 001's shifted rows).
fn requests_labels(row: usize, layout: Layout) -> Vec<String> {
    let spec = &REQUESTS.rows[row];
    if layout == Layout::Space {
        // One cell, no spaces: `(三)不予公开1.属于国家秘密`.
        let joined: String = spec.layout.concat();
        return vec![joined.chars().filter(|c| !c.is_whitespace()).collect()];
    }
    let trimmed: Vec<String> = {
        let mut v: Vec<String> = spec.layout.iter().map(|s| s.to_string()).collect();
        while v.last().is_some_and(String::is_empty) {
            v.pop();
        }
        v
    };
    if layout == Layout::CellPerLine {
        // Seed 002: the label spread kept, no padding after the label.
        return trimmed;
    }
    match row {
        0 | 1 | 24 => vec![spec.layout[0].to_string(), String::new()],
        22 => vec!["3. 其他".to_string(), String::new()],
        23 => vec!["(七) 总计".to_string(), String::new()],
        2 | 3 => spec.layout[..2].iter().map(|s| s.to_string()).collect(),
        _ => trimmed,
    }
}

fn active_lines(g: &Grids, layout: Layout) -> Vec<Line> {
    let mut out = Vec::new();
    let pad = |n: usize| if layout == Layout::Tab { n } else { 0 };
    for (r, spec) in ACTIVE.rows.iter().enumerate() {
        if let Some(group) = spec.group {
            let mut h = vec![group.title];
            h.extend(std::iter::repeat_n("", 3));
            out.push(header(&h[..if layout == Layout::Tab { 4 } else { 1 }]));
            let mut h = vec!["信息内容"];
            h.extend_from_slice(group.columns);
            if layout == Layout::Tab {
                h.resize(4, "");
            }
            out.push(header(&h));
        }
        let trailing = pad(3 - spec.width);
        out.push(data(&[spec.label], &g.active[r], trailing, layout));
    }
    out
}

fn requests_lines(g: &Grids, layout: Layout) -> Vec<Line> {
    let mut out = if layout == Layout::Space {
        vec![
            header(&["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]),
            header(&["申请人情况", "自然人", "法人或其他组织", "总计"]),
            header(&[
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
            ]),
        ]
    } else {
        vec![
            header(&[
                "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)",
                "",
                "申请人情况",
                "",
                "",
                "",
                "",
                "",
                "总计",
                "",
            ]),
            header(&["", "", "自然人", "法人或其他组织", "", "", "", "", "", ""]),
            header(&[
                "",
                "",
                "",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "",
                "",
            ]),
        ]
    };
    for r in 0..REQUESTS.rows.len() {
        let labels = requests_labels(r, layout);
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        // Seed 001: rows with two label fields carry one trailing empty cell.
        let trailing = usize::from(layout != Layout::Space && labels.len() == 2);
        out.push(data(&labels, &g.requests[r], trailing, layout));
    }
    out
}

fn appeals_lines(g: &Grids, layout: Layout) -> Vec<Line> {
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut out = if layout == Layout::Space {
        vec![
            header(&["行政复议", "行政诉讼"]),
            header(&["未经复议直接起诉", "复议后起诉"]),
            header(&heads),
        ]
    } else {
        let mut l1 = vec![""; 15];
        l1[0] = "行政复议";
        l1[5] = "行政诉讼";
        let mut l2: Vec<&str> = heads.to_vec();
        l2.resize(15, "");
        l2[5] = "未经复议直接起诉";
        l2[10] = "复议后起诉";
        let mut l3 = vec![""; 5];
        l3.extend(heads);
        l3.extend(heads);
        vec![header(&l1), header(&l2), header(&l3)]
    };
    out.push(data(&[], &g.appeals, 0, layout));
    out
}

/// Write one table's lines in a layout.
fn write_table(lines: &[Line], layout: Layout, out: &mut String) {
    for (i, line) in lines.iter().enumerate() {
        match layout {
            Layout::Tab => {
                out.push_str(&line.fields.join("\t"));
                out.push('\n');
            }
            Layout::Space => {
                let cells: Vec<&str> = line
                    .fields
                    .iter()
                    .map(String::as_str)
                    .filter(|f| !f.is_empty())
                    .collect();
                out.push_str(&cells.join(" "));
                out.push('\n');
            }
            Layout::Pipe => {
                out.push_str("| ");
                out.push_str(&line.fields.join(" | "));
                out.push_str(" |\n");
                let next_is_data = lines.get(i + 1).is_some_and(|l| !l.header);
                if line.header && next_is_data {
                    out.push('|');
                    out.push_str(&"---|".repeat(line.fields.len()));
                    out.push('\n');
                }
            }
            Layout::CellPerLine => {
                for f in &line.fields {
                    out.push('\t');
                    out.push_str(f);
                    out.push('\n');
                }
                out.push('\n');
            }
        }
    }
}

/// A minimal report: title, the six section headings, the three tables.
fn report_text(g: &Grids, layout: Layout) -> String {
    let mut s = String::new();
    s.push_str("某某局2023年政府信息公开工作年度报告\n\n");
    s.push_str("一、总体情况\n\n本机关认真贯彻落实政府信息公开条例。\n\n");
    s.push_str("二、主动公开政府信息情况\n\n");
    write_table(&active_lines(g, layout), layout, &mut s);
    s.push_str("\n三、收到和处理政府信息公开申请情况\n\n");
    write_table(&requests_lines(g, layout), layout, &mut s);
    s.push_str("\n四、政府信息公开行政复议、行政诉讼情况\n\n");
    write_table(&appeals_lines(g, layout), layout, &mut s);
    s.push_str("\n五、存在的主要问题及改进情况\n\n一是公开质量有待提升。\n\n");
    s.push_str("六、其他需要报告的事项\n\n本年度无其他需要报告的事项。\n");
    s
}

fn values(r: &Report, id: TableId) -> Option<Vec<Vec<CellValue>>> {
    r.table(id).map(|t| {
        t.rows
            .iter()
            .map(|row| row.cells.iter().map(|c| c.value.clone()).collect())
            .collect()
    })
}

fn wanted(rows: &[Vec<Val>]) -> Vec<Vec<CellValue>> {
    rows.iter()
        .map(|r| r.iter().map(Val::want).collect())
        .collect()
}

/// Blank cells as (table, row, column).
fn blanks(g: &Grids) -> Vec<(TableId, usize, usize)> {
    let mut out = Vec::new();
    for (id, rows) in [
        (TableId::Active, &g.active),
        (TableId::Requests, &g.requests),
        (TableId::Appeals, &vec![g.appeals.clone()]),
    ] {
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if v.is_blank() {
                    out.push((id, r, c));
                }
            }
        }
    }
    out.sort();
    out
}

fn layout_roundtrip(g: &Grids, layout: Layout) -> Result<(), TestCaseError> {
    let text = report_text(g, layout);
    let r = parse::parse(&text, "UTF-8");
    let ctx = || format!("{layout:?} layout:\n{text}");
    prop_assert_eq!(
        values(&r, TableId::Active),
        Some(wanted(&g.active)),
        "{}",
        ctx()
    );
    prop_assert_eq!(
        values(&r, TableId::Requests),
        Some(wanted(&g.requests)),
        "{}",
        ctx()
    );
    prop_assert_eq!(
        values(&r, TableId::Appeals),
        Some(wanted(std::slice::from_ref(&g.appeals))),
        "{}",
        ctx()
    );
    // The cell findings are exactly the blanks; no layout trouble.
    let findings = rules::check(&r);
    let mut got: Vec<(TableId, usize, usize)> = findings
        .iter()
        .filter(|f| f.rule.family() == rules::Family::Layout)
        .map(|f| {
            prop_assert_eq!(f.rule, rules::Rule::CellBlank, "{:?}\n{}", f, ctx());
            Ok((f.table.unwrap(), f.row.unwrap(), f.column.unwrap()))
        })
        .collect::<Result<_, TestCaseError>>()?;
    got.sort();
    prop_assert_eq!(got, blanks(g), "{}", ctx());
    // The normalized file reads the same and is stable.
    let out = normalize::normalize(&r);
    let r2 = parse::parse(&out, "UTF-8");
    for id in TableId::ALL {
        prop_assert_eq!(values(&r2, id), values(&r, id), "{}\n{}", ctx(), out);
    }
    prop_assert_eq!(normalize::normalize(&r2), out);
    Ok(())
}

// ------------------------------------------------------- robustness

/// The decoded text of every sample report.
fn samples() -> &'static [String] {
    static SAMPLES: OnceLock<Vec<String>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-reports");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let n = p.file_name().unwrap().to_string_lossy();
                n.ends_with(".txt") && !n.contains(".normalized.")
            })
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| {
                let bytes = std::fs::read(p).unwrap();
                decode::decode(p, &bytes).unwrap().text.into_owned()
            })
            .collect()
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    /// Insert text at a character position of a line.
    Insert(usize, usize, String),
    /// Replace a whole line.
    Replace(usize, String),
    /// Join a line with the next one.
    Join(usize),
    /// Split a line at a character position.
    Split(usize, usize),
}

fn snippet() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\t".to_string()),
        Just("|".to_string()),
        Just(" | ".to_string()),
        Just("\t\t\t".to_string()),
        Just("|---|---|".to_string()),
        Just("#".to_string()),
        Just("0".to_string()),
        Just("１,２３４".to_string()),
        Just("—".to_string()),
        Just("\r".to_string()),
        Just("\u{feff}".to_string()),
        Just("（七）总计".to_string()),
        Just("三、收到和处理政府信息公开申请情况".to_string()),
        Just("行政复议".to_string()),
        "[0-9]{1,20}",
        "[0-9,.\\-/|\\t ]{1,12}",
        "\\PC{1,8}",
        any::<String>(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let idx = any::<usize>();
    prop_oneof![
        1 => idx.prop_map(Mutation::Delete),
        1 => idx.prop_map(Mutation::Duplicate),
        1 => (idx, idx).prop_map(|(a, b)| Mutation::Swap(a, b)),
        3 => (idx, idx, snippet()).prop_map(|(l, p, s)| Mutation::Insert(l, p, s)),
        1 => (idx, snippet()).prop_map(|(l, s)| Mutation::Replace(l, s)),
        1 => idx.prop_map(Mutation::Join),
        1 => (idx, idx).prop_map(|(l, p)| Mutation::Split(l, p)),
    ]
}

fn char_pos(s: &str, p: usize) -> usize {
    let n = s.chars().count() + 1;
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .nth(p % n)
        .unwrap()
}

fn mutate(text: &str, muts: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for m in muts {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let n = lines.len();
        match m {
            Mutation::Delete(i) => {
                lines.remove(i % n);
            }
            Mutation::Duplicate(i) => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Mutation::Swap(a, b) => lines.swap(a % n, b % n),
            Mutation::Insert(l, p, s) => {
                let line = &mut lines[l % n];
                let at = char_pos(line, *p);
                line.insert_str(at, s);
            }
            Mutation::Replace(l, s) => lines[l % n] = s.clone(),
            Mutation::Join(i) => {
                let i = i % n;
                if i + 1 < n {
                    let next = lines.remove(i + 1);
                    lines[i].push_str(&next);
                }
            }
            Mutation::Split(l, p) => {
                let i = l % n;
                let at = char_pos(&lines[i], *p);
                let tail = lines[i].split_off(at);
                lines.insert(i + 1, tail);
            }
        }
    }
    lines.join("\n")
}

#[derive(Debug, Clone, Copy)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

fn encode(text: &str, enc: Encoding) -> Vec<u8> {
    match enc {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        Encoding::Utf16Le => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        Encoding::Utf16Be => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        Encoding::Gb18030 => encoding_rs::GB18030.encode(text).0.into_owned(),
    }
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        4 => Just(Encoding::Utf8),
        1 => Just(Encoding::Utf8Bom),
        1 => Just(Encoding::Utf16Le),
        1 => Just(Encoding::Utf16Be),
        1 => Just(Encoding::Gb18030),
    ]
}

/// Run every stage on a text; none may panic. The normalized output must
/// itself go through every stage.
fn all_stages_on_text(text: &str) {
    let r = parse::parse(text, "UTF-8");
    let findings = rules::check(&r);
    let _ = rules::counts(&findings);
    for f in &findings {
        let _ = nianbao::output::text_line("x.txt", &r, f);
    }
    let _ = nianbao::output::report_json("x.txt", &r, &findings).to_string();
    let _ = r.blocks();
    let out = normalize::normalize(&r);
    let r2 = parse::parse(&out, "UTF-8");
    let _ = rules::check(&r2);
    let _ = normalize::normalize(&r2);
}

fn all_stages_on_bytes(bytes: &[u8]) {
    if let Ok(d) = decode::decode(Path::new("x.txt"), bytes) {
        all_stages_on_text(&d.text);
    }
}

/// Arbitrary bytes, sometimes spliced into a sample so that decoding gets
/// past the binary check.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            prop::collection::vec(any::<u8>(), 0..64),
        )
            .prop_map(|(s, at, junk)| {
                let text = s.get(samples()).as_bytes();
                let at = at.index(text.len() + 1);
                [&text[..at], &junk[..], &text[at..]].concat()
            }),
    ]
}

fn mutated_sample() -> impl Strategy<Value = (String, Vec<u8>)> {
    (
        any::<prop::sample::Index>(),
        prop::collection::vec(mutation(), 1..12),
        encoding(),
    )
        .prop_map(|(s, muts, enc)| {
            let text = mutate(s.get::<String>(samples()), &muts);
            let bytes = encode(&text, enc);
            (text, bytes)
        })
}

// ------------------------------------------------------- mutation campaign

/// The fault campaign's text operators: CJK prose, terminal controls, line
/// ends of every kind (CR, NEL, U+2028), tabs, absurd numbers.
fn campaign_snippet() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("含补正".to_string()),
        Just("4件，含补正2件".to_string()),
        Just("，、。".to_string()),
        Just("（七）总计".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{1b}]0;title\u{7}".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{7f}".to_string()),
        Just("\u{9b}2J".to_string()),
        Just("\r".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("\u{85}".to_string()),
        Just("\u{2028}".to_string()),
        Just("99999999999999999999999999".to_string()),
        Just("18446744073709551616".to_string()),
        Just("9223372036854775807".to_string()),
        Just("-1".to_string()),
        Just("1e309".to_string()),
        Just("NaN".to_string()),
        Just("０．５".to_string()),
        Just("１２３４５６７８９０１２３４５６７８９０".to_string()),
        "[0-9]{15,40}",
        "[\u{4e00}-\u{9fff}]{1,6}",
        "[\u{0}-\u{1f}\u{7f}-\u{9f}]{1,3}",
    ]
}

/// Line delete, duplicate and swap; insertions of the campaign's snippets.
fn campaign_mutation() -> impl Strategy<Value = Mutation> {
    let idx = any::<usize>();
    prop_oneof![
        1 => idx.prop_map(Mutation::Delete),
        1 => idx.prop_map(Mutation::Duplicate),
        1 => (idx, idx).prop_map(|(a, b)| Mutation::Swap(a, b)),
        4 => (idx, idx, campaign_snippet()).prop_map(|(l, p, s)| Mutation::Insert(l, p, s)),
        1 => (idx, campaign_snippet()).prop_map(|(l, s)| Mutation::Replace(l, s)),
    ]
}

/// Byte-level operators on the encoded file.
#[derive(Debug, Clone)]
enum ByteOp {
    /// XOR one byte with a mask.
    Flip(prop::sample::Index, u8),
    /// Keep only the first part of the file.
    Truncate(prop::sample::Index),
}

fn byte_op() -> impl Strategy<Value = ByteOp> {
    prop_oneof![
        3 => (any::<prop::sample::Index>(), 1..=255u8).prop_map(|(i, m)| ByteOp::Flip(i, m)),
        1 => any::<prop::sample::Index>().prop_map(ByteOp::Truncate),
    ]
}

fn apply_bytes(mut b: Vec<u8>, ops: &[ByteOp]) -> Vec<u8> {
    for op in ops {
        if b.is_empty() {
            break;
        }
        match op {
            ByteOp::Flip(i, m) => {
                let i = i.index(b.len());
                b[i] ^= m;
            }
            ByteOp::Truncate(i) => b.truncate(i.index(b.len())),
        }
    }
    b
}

fn campaign_input() -> impl Strategy<Value = Vec<u8>> {
    (
        any::<prop::sample::Index>(),
        prop::collection::vec(campaign_mutation(), 0..8),
        prop::collection::vec(byte_op(), 0..3),
        encoding(),
    )
        .prop_map(|(s, muts, ops, enc)| {
            let text = mutate(s.get::<String>(samples()), &muts);
            apply_bytes(encode(&text, enc), &ops)
        })
}

/// What the campaign asserts on one input: no panic anywhere, the JSON is
/// valid, the text output holds no raw control character, and normalizing
/// the normalized report changes no byte.
fn campaign_holds(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(d) = decode::decode(Path::new("x.txt"), bytes) else {
        return Ok(());
    };
    let r = parse::parse(&d.text, d.encoding);
    let findings = rules::check(&r);
    let json = nianbao::output::report_json_string("x.txt", &r, &findings);
    prop_assert!(
        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
        "invalid JSON: {json}"
    );
    prop_assert!(
        !json
            .chars()
            .any(|c| matches!(c as u32, 0..=0x1f | 0x7f..=0x9f))
    );
    for f in &findings {
        let line = nianbao::output::text_line("x.txt", &r, f);
        prop_assert!(!line.chars().any(char::is_control), "{line:?}");
    }
    let n1 = normalize::normalize(&r);
    let n2 = normalize::normalize(&parse::parse(&n1, "UTF-8"));
    prop_assert_eq!(n1, n2, "normalize is not idempotent");
    Ok(())
}

// ------------------------------------------------------------ tests

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn tab_layout_reads_back(g in grids()) {
        layout_roundtrip(&g, Layout::Tab)?;
    }

    #[test]
    fn pipe_layout_reads_back(g in grids()) {
        layout_roundtrip(&g, Layout::Pipe)?;
    }

    #[test]
    fn cell_per_line_layout_reads_back(g in grids()) {
        layout_roundtrip(&g, Layout::CellPerLine)?;
    }

    #[test]
    fn space_layout_reads_back(g in grids()) {
        layout_roundtrip(&g, Layout::Space)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in bytes()) {
        all_stages_on_bytes(&b);
    }

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        all_stages_on_text(&s);
    }

    #[test]
    fn mutated_samples_never_panic((text, bytes) in mutated_sample()) {
        all_stages_on_text(&text);
        all_stages_on_bytes(&bytes);
    }

    #[test]
    fn campaign_mutations_hold(bytes in campaign_input()) {
        campaign_holds(&bytes)?;
    }
}

proptest! {
    // Each case runs the binary three times: few cases.
    #![proptest_config(config(24))]

    /// Through the binary: `check --fix --format json` and `normalize`
    /// never modify the input, print valid JSON, exit 0, 1 or 2, and the
    /// normalized file normalizes to itself.
    #[test]
    fn campaign_through_the_binary(bytes in campaign_input()) {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("r.txt");
        std::fs::write(&input, &bytes).unwrap();
        let run = |args: &[&std::ffi::OsStr]| {
            std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
                .args(args)
                .stdin(std::process::Stdio::null())
                .output()
                .unwrap()
        };
        let os = std::ffi::OsStr::new;
        let o = run(&[os("check"), os("--fix"), os("--format"), os("json"), input.as_os_str()]);
        prop_assert!(matches!(o.status.code(), Some(0..=2)), "{:?}", o.status);
        prop_assert!(serde_json::from_slice::<serde_json::Value>(&o.stdout).is_ok());
        prop_assert_eq!(&std::fs::read(&input).unwrap(), &bytes, "input modified");
        let out = dir.path().join("n.txt");
        let o = run(&[os("normalize"), input.as_os_str(), os("-o"), out.as_os_str()]);
        prop_assert!(matches!(o.status.code(), Some(0..=2)), "{:?}", o.status);
        prop_assert_eq!(&std::fs::read(&input).unwrap(), &bytes, "input modified");
        if o.status.code() != Some(2) {
            let once = std::fs::read(&out).unwrap();
            let again = dir.path().join("nn.txt");
            let o = run(&[os("normalize"), out.as_os_str(), os("-o"), again.as_os_str()]);
            prop_assert!(o.status.code() != Some(2), "{}", String::from_utf8_lossy(&o.stderr));
            prop_assert_eq!(std::fs::read(&again).unwrap(), once, "normalize not idempotent");
        }
    }
}

proptest! {
    #![proptest_config(config(LONG_CASES))]

    #[test]
    #[ignore = "long run: cargo test --test props -- --ignored"]
    fn long_layouts_read_back(g in grids()) {
        for layout in LAYOUTS {
            layout_roundtrip(&g, layout)?;
        }
    }

    #[test]
    #[ignore = "long run: cargo test --test props -- --ignored"]
    fn long_arbitrary_bytes_never_panic(b in bytes()) {
        all_stages_on_bytes(&b);
    }

    #[test]
    #[ignore = "long run: cargo test --test props -- --ignored"]
    fn long_arbitrary_text_never_panics(s in any::<String>()) {
        all_stages_on_text(&s);
    }

    #[test]
    #[ignore = "long run: cargo test --test props -- --ignored"]
    fn long_mutated_samples_never_panic((text, bytes) in mutated_sample()) {
        all_stages_on_text(&text);
        all_stages_on_bytes(&bytes);
    }

    #[test]
    #[ignore = "long run: cargo test --test props -- --ignored"]
    fn long_campaign_mutations_hold(bytes in campaign_input()) {
        campaign_holds(&bytes)?;
    }
}

#[test]
fn layout_generators_match_the_seeds() {
    // The generators' all-zero output has the seeds' table lines.
    let zero = Val::Count {
        n: 0,
        sep: false,
        full: false,
        pad: false,
    };
    let fee = Val::Fee {
        int: 0,
        frac: String::new(),
        sep: false,
        full: false,
    };
    let mut active: Vec<Vec<Val>> = ACTIVE
        .rows
        .iter()
        .map(|r| vec![zero.clone(); r.width])
        .collect();
    active[5] = vec![fee];
    let g = Grids {
        active,
        requests: vec![vec![zero.clone(); 7]; 25],
        appeals: vec![zero.clone(); 15],
    };
    let seed = |n: &str| {
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("sample-reports")
                .join(n),
        )
        .unwrap()
    };
    let seed1 = seed("seed-001.txt");
    let mut tab = String::new();
    write_table(&requests_lines(&g, Layout::Tab), Layout::Tab, &mut tab);
    write_table(&appeals_lines(&g, Layout::Tab), Layout::Tab, &mut tab);
    for line in tab.lines().skip(3).filter(|l| l.contains("\t0")) {
        // Seed 001 writes (二) with ASCII brackets; the template full-width.
        if line.contains("部分公开") {
            continue;
        }
        assert!(seed1.lines().any(|l| l == line), "{line:?} not in seed 001");
    }
    let seed2 = seed("seed-002.txt");
    let mut cpl = String::new();
    write_table(
        &requests_lines(&g, Layout::CellPerLine),
        Layout::CellPerLine,
        &mut cpl,
    );
    // Same number of value lines as seed 002's requests table.
    assert_eq!(cpl.lines().filter(|l| *l == "\t0").count(), 175);
    assert!(seed2.contains("\n\t三、本年度办理结果\n\t（一）予以公开\n\t0\n"));
    assert!(cpl.contains("\n\t三、本年度办理结果\n\t(一) 予以公开\n\t0\n"));
    for layout in LAYOUTS {
        layout_roundtrip(&g, layout).unwrap();
    }
}
