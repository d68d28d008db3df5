//! Many reports at once: the coordinator's summary (one row per report,
//! counts per rule family), the agency and year read from the title, the
//! pairing of one agency's consecutive years for `requests.carry-over`, and
//! the summary as CSV or Markdown. No terminal code.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::model::Report;
use crate::rules::{Finding, Severity};
use crate::template::SectionKind;

pub use crate::rules::Family;

/// Errors and warnings per family, in [`Family::ALL`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: [u32; 4],
    pub warnings: [u32; 4],
}

impl Counts {
    pub fn of(findings: &[Finding]) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            let i = f.rule.family().index();
            match f.severity {
                Severity::Error => c.errors[i] += 1,
                Severity::Warning => c.warnings[i] += 1,
            }
        }
        c
    }

    pub fn total_errors(&self) -> u32 {
        self.errors.iter().sum()
    }

    pub fn total_warnings(&self) -> u32 {
        self.warnings.iter().sum()
    }
}

/// One report's row in the coordinator's list.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub path: PathBuf,
    /// The title as the report writes it (or the file name).
    pub title: String,
    /// The agency, from the title; the file stem when there is no title.
    pub agency: String,
    pub year: Option<u32>,
    /// The encoding or document format it was read as.
    pub encoding: String,
    pub counts: Counts,
    /// The first error finding's message (or the first warning's).
    pub first: Option<String>,
    /// Why the file could not be read.
    pub error: Option<String>,
    /// The counts of the saved normalized copy beside the report
    /// (`normalize::default_output`), when the list looked for one and
    /// there is one it could read.
    pub saved: Option<Counts>,
}

/// The title lines of a report: the title block before the first section,
/// without preamble sentences.
pub fn title_of(report: &Report) -> Option<String> {
    let title = report
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Title)?;
    let last = title.last_line.min(report.lines.len());
    title_in(report.lines.range(title.first_line.saturating_sub(1)..last))
}

/// The title in the lines before the first section heading.
pub fn title_in<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for line in lines.into_iter().take(9) {
        let l = line.trim().trim_start_matches('#').trim();
        let l = l.trim_start_matches('\u{feff}');
        if crate::parse::rows::is_footer(l) {
            continue; // "Page 9 - …", "— 5 —"
        }
        if l.is_empty()
            || l == "正文"
            || l.starts_with("根据")
            || l.starts_with("依据")
            || l.chars().count() > 40
        {
            if parts.is_empty() {
                continue;
            }
            break;
        }
        if l.starts_with('(') || l.starts_with('（') {
            break; // a date line: (2026年1月23日)
        }
        parts.push(l);
        if l.contains("报告") {
            break;
        }
    }
    let joined: String = parts.concat();
    (!joined.is_empty() && (joined.contains("报告") || joined.contains("年"))).then_some(joined)
}

/// Agency and year from a title: "西工区城市管理局 2023 年政府信息公开工作年度报告"
/// or "2024 年上海市科委政府信息公开工作年度报告".
pub fn agency_and_year(title: &str) -> (Option<String>, Option<u32>) {
    let chars: Vec<char> = title.chars().collect();
    for i in 0..chars.len() {
        let four: String = chars[i..chars.len().min(i + 4)].iter().collect();
        if four.len() == 4 && four.starts_with("20") && four.chars().all(|c| c.is_ascii_digit()) {
            let after: String = chars[i + 4..].iter().collect();
            let rest = after.trim_start();
            if let Some(rest) = rest.strip_prefix('年') {
                let year = four.parse().ok();
                let before: String = chars[..i].iter().collect::<String>().trim().to_string();
                if !before.is_empty() {
                    return (Some(before), year);
                }
                let rest = rest.trim_start().trim_start_matches("度").trim_start();
                let end = ["政府信息公开", "政务公开", "政务信息公开", "年度报告"]
                    .iter()
                    .filter_map(|k| rest.find(k))
                    .min()
                    .unwrap_or(rest.len());
                let agency = rest[..end].trim().to_string();
                return ((!agency.is_empty()).then_some(agency), year);
            }
        }
    }
    (None, None)
}

/// Summarise one report's findings.
pub fn summary(path: &Path, report: &Report, findings: &[Finding]) -> Summary {
    let title = title_of(report);
    let (agency, year) = title.as_deref().map_or((None, None), agency_and_year);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let first = findings
        .iter()
        .find(|f| f.is_error())
        .or_else(|| findings.first())
        .map(|f| f.message.clone());
    Summary {
        path: path.to_path_buf(),
        title: title.unwrap_or_else(|| stem.clone()),
        agency: agency.unwrap_or(stem),
        year,
        encoding: report.encoding.clone(),
        counts: Counts::of(findings),
        first,
        error: None,
        saved: None,
    }
}

impl Summary {
    /// The counts, or `None` for a file that could not be read (its counts
    /// are not zeros: nothing was checked).
    pub fn checked_counts(&self) -> Option<&Counts> {
        match self.error {
            Some(_) => None,
            None => Some(&self.counts),
        }
    }

    /// `unreadable`, `errors`, `warnings` or `clean`: the summary's status
    /// column.
    pub fn status(&self) -> &'static str {
        match self.checked_counts() {
            None => "unreadable",
            Some(c) if c.total_errors() > 0 => "errors",
            Some(c) if c.total_warnings() > 0 => "warnings",
            Some(_) => "clean",
        }
    }
}

/// The row of a file that could not be read.
pub fn unreadable(path: &Path, error: &str) -> Summary {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Summary {
        path: path.to_path_buf(),
        title: stem.clone(),
        agency: stem,
        year: None,
        encoding: String::new(),
        counts: Counts::default(),
        first: None,
        error: Some(error.to_string()),
        saved: None,
    }
}

/// Is this a file the tool reads (by extension), and not its own output?
pub fn is_report_file(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    !name.ends_with(".normalized.txt")
        && !name.starts_with('.')
        && [".txt", ".docx", ".html", ".htm", ".pdf"]
            .iter()
            .any(|e| name.ends_with(e))
}

/// Files to check: files as given, folders replaced by the report files in
/// them (sorted, not recursive).
pub fn expand(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map(|rd| {
                    rd.filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|f| f.is_file() && is_report_file(f))
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Agency and year of a file from its first two kilobytes (the title stands
/// before the first section): cheap enough to pair thousands of files.
pub fn agency_year_of_file(path: &Path) -> (Option<String>, Option<u32>) {
    use std::io::Read;
    // A Word or web document has no readable prefix: read it whole.
    if crate::ingest::is_document(path) {
        return crate::load(path)
            .ok()
            .and_then(|r| title_of(&r))
            .as_deref()
            .map_or((None, None), agency_and_year);
    }
    // The title stands in the first lines; 2 kB hold it in every report seen.
    let mut buf = Vec::with_capacity(2048);
    // Never a blocking open: a FIFO among the files is refused here too.
    let Ok(f) = crate::decode::open_regular(path) else {
        return (None, None);
    };
    if f.take(2048).read_to_end(&mut buf).is_err() {
        return (None, None);
    }
    // A prefix may end inside a character: UTF-8 cut at the last whole
    // character (no detector run for that); anything else decoded as usual.
    let text = match std::str::from_utf8(&buf) {
        Ok(s) => s.to_owned(),
        Err(e) if e.error_len().is_none() => {
            String::from_utf8_lossy(&buf[..e.valid_up_to()]).into_owned()
        }
        Err(_) => match crate::decode::decode(path, &buf) {
            Ok(d) => d.text.into_owned(),
            Err(_) => String::from_utf8_lossy(&buf).into_owned(),
        },
    };
    let lines = crate::parse::split_lines(&text);
    let end = lines
        .iter()
        .position(|l| crate::parse::sections::classify_heading(l).is_some())
        .unwrap_or(lines.len());
    title_in(lines.range(0..end))
        .as_deref()
        .map_or((None, None), agency_and_year)
}

/// For each file (by index), the index of the same agency's file for the
/// year before, from the files' titles.
pub fn pair_files(files: &[PathBuf]) -> HashMap<usize, usize> {
    use rayon::prelude::*;
    let keys: Vec<(Option<String>, Option<u32>)> =
        files.par_iter().map(|p| agency_year_of_file(p)).collect();
    let mut by_key: HashMap<(&str, u32), usize> = HashMap::new();
    for (i, (a, y)) in keys.iter().enumerate() {
        if let (Some(a), Some(y)) = (a, y) {
            by_key.entry((a.as_str(), *y)).or_insert(i);
        }
    }
    keys.iter()
        .enumerate()
        .filter_map(|(i, (a, y))| {
            let prev = *by_key.get(&(a.as_deref()?, y.and_then(|y| y.checked_sub(1))?))?;
            Some((i, prev))
        })
        .collect()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn md_field(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The header of the summary table.
pub fn summary_header() -> Vec<String> {
    let mut h: Vec<String> = ["file", "agency", "year", "encoding"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for f in Family::ALL {
        h.push(format!("{} errors", f.name()));
        h.push(format!("{} warnings", f.name()));
    }
    h.push("first finding".into());
    h.push("status".into());
    h
}

fn summary_fields(s: &Summary) -> Vec<String> {
    let mut v = vec![
        s.path.display().to_string(),
        s.agency.clone(),
        s.year.map(|y| y.to_string()).unwrap_or_default(),
        s.encoding.clone(),
    ];
    for i in 0..Family::ALL.len() {
        // An unreadable file's count cells are empty, not 0: it was not
        // checked, and must not sum or sort as clean.
        match s.checked_counts() {
            Some(c) => {
                v.push(c.errors[i].to_string());
                v.push(c.warnings[i].to_string());
            }
            None => v.extend([String::new(), String::new()]),
        }
    }
    v.push(match (&s.error, &s.first) {
        (Some(e), _) => format!("unreadable: {e}"),
        (None, Some(m)) => m.clone(),
        (None, None) => String::new(),
    });
    v.push(s.status().to_string());
    // Report text reaches a terminal: control characters made visible.
    v.into_iter()
        .map(|f| crate::output::escape_controls(&f).into_owned())
        .collect()
}

/// The summary as CSV (RFC 4180 quoting).
pub fn to_csv(rows: &[Summary]) -> String {
    let mut out = String::new();
    let line = |fields: Vec<String>| {
        fields
            .iter()
            .map(|f| csv_field(f))
            .collect::<Vec<_>>()
            .join(",")
    };
    out.push_str(&line(summary_header()));
    out.push_str("\r\n");
    for s in rows {
        out.push_str(&line(summary_fields(s)));
        out.push_str("\r\n");
    }
    out
}

/// The summary as a Markdown table, for the office's circular (通报).
pub fn to_markdown(rows: &[Summary]) -> String {
    let head = summary_header();
    let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
    for s in rows {
        let fields: Vec<String> = summary_fields(s).iter().map(|f| md_field(f)).collect();
        out.push_str(&format!("| {} |\n", fields.join(" | ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_and_year_from_titles() {
        assert_eq!(
            agency_and_year("西工区城市管理局 2023 年政府信息公开工作年度报告"),
            (Some("西工区城市管理局".into()), Some(2023))
        );
        assert_eq!(
            agency_and_year("2024 年上海市科委政府信息公开工作年度报告"),
            (Some("上海市科委".into()), Some(2024))
        );
        assert_eq!(
            agency_and_year("北京市西城区城市管理指挥中心2023年政务信息公开工作年度报告"),
            (Some("北京市西城区城市管理指挥中心".into()), Some(2023))
        );
        assert_eq!(agency_and_year("工作年度报告"), (None, None));
    }

    #[test]
    fn titles_of_samples() {
        let r = crate::load(Path::new("sample-reports/seed-002.txt")).unwrap();
        assert_eq!(
            title_of(&r).as_deref(),
            Some("北京市西城区城市管理指挥中心2023年政务信息公开工作年度报告")
        );
        let r = crate::load(Path::new("sample-reports/real-01-shuyang-2025.txt")).unwrap();
        let (agency, year) = agency_and_year(&title_of(&r).unwrap());
        assert_eq!(
            (agency.as_deref(), year),
            (Some("沐阳县人民政府"), Some(2025))
        );
        let r = crate::load(Path::new("sample-reports/real-02-shanghai-stcsm-2024.txt")).unwrap();
        let (agency, year) = agency_and_year(&title_of(&r).unwrap());
        assert_eq!((agency.as_deref(), year), (Some("上海市科委"), Some(2024)));
    }

    #[test]
    fn csv_quotes_and_markdown_escapes() {
        let s = Summary {
            path: "a,b.txt".into(),
            title: "t".into(),
            agency: "某局".into(),
            year: Some(2023),
            encoding: "UTF-8".into(),
            counts: Counts::default(),
            first: Some("x | \"y\"".into()),
            error: None,
            saved: None,
        };
        let csv = to_csv(std::slice::from_ref(&s));
        assert!(csv.contains("\"a,b.txt\""));
        assert!(csv.contains("\"x | \"\"y\"\"\""));
        let md = to_markdown(&[s]);
        assert!(md.contains("x \\| \"y\""));
    }
}
