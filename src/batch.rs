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
    /// The title as the report writes it (or the file name; empty when the
    /// file could not be read).
    pub title: String,
    /// The agency, from the title; the file stem when there is no title,
    /// empty when the file could not be read.
    pub agency: String,
    pub year: Option<u32>,
    /// The encoding or document format it was read as.
    pub encoding: String,
    pub counts: Counts,
    /// The first error finding's message (or the first warning's), shown
    /// in the language of the moment it is drawn.
    pub first: Option<crate::rules::Message>,
    /// Why the file could not be read (without its path).
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
    // A year is four ASCII digits starting with 20 (single bytes, so a byte
    // test at each character's start), then `年` after any space.
    let b = title.as_bytes();
    for (i, _) in title.char_indices() {
        let Some(four) = b.get(i..i + 4) else {
            break;
        };
        if !(four.starts_with(b"20") && four.iter().all(u8::is_ascii_digit)) {
            continue;
        }
        let Some(rest) = title[i + 4..].trim_start().strip_prefix('年') else {
            continue;
        };
        let year = title[i..i + 4].parse().ok();
        let before = title[..i].trim();
        if !before.is_empty() {
            return (Some(before.to_string()), year);
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

    /// [`Summary::status`] in words, in the process's language.
    pub fn status_label(&self) -> &'static str {
        use crate::i18n::{Key, text};
        text(match self.status() {
            "unreadable" => Key::StatusUnreadable,
            "errors" => Key::StatusErrors,
            "warnings" => Key::StatusWarnings,
            _ => Key::StatusClean,
        })
    }
}

/// The row of a file that could not be read: `reason` says why, without
/// the path (the row names the file); no agency, title or year (nothing
/// was read: the file's name is in the file column already).
pub fn unreadable(path: &Path, reason: &str) -> Summary {
    Summary {
        path: path.to_path_buf(),
        title: String::new(),
        agency: String::new(),
        year: None,
        encoding: String::new(),
        counts: Counts::default(),
        first: None,
        error: Some(reason.to_string()),
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

/// How deep [`expand`] reads into subfolders (the folder given is depth 0).
pub const MAX_DEPTH: usize = 8;

/// What was skipped in one folder given to [`expand_report`], and why.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Files that are not reports by their extension (README.md, .xlsx…).
    pub not_report: usize,
    /// The tool's own outputs (`*.normalized.txt`).
    pub output: usize,
    /// Hidden files and folders (a name starting with `.`).
    pub hidden: usize,
    /// Folders deeper than [`MAX_DEPTH`].
    pub too_deep: usize,
    /// Folders reached again through a symbolic link (a loop or a second
    /// way to the same folder).
    pub loops: usize,
    /// Folders that could not be listed.
    pub unreadable: usize,
}

impl Skipped {
    pub fn total(&self) -> usize {
        self.not_report + self.output + self.hidden + self.too_deep + self.loops + self.unreadable
    }

    /// Why, in words: `1 个不是报告文件、2 个隐藏文件`.
    pub fn describe(&self) -> String {
        use crate::i18n::Key;
        let parts: Vec<String> = [
            (self.not_report, Key::SkipNotReport),
            (self.output, Key::SkipOutput),
            (self.hidden, Key::SkipHidden),
            (self.too_deep, Key::SkipTooDeep),
            (self.loops, Key::SkipLoop),
            (self.unreadable, Key::SkipUnreadableDir),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, key)| crate::tr!(key, n = n, depth = MAX_DEPTH))
        .collect();
        parts.join(crate::i18n::text(crate::i18n::Key::ListSeparator))
    }
}

/// One folder given to [`expand_report`]: how many report files were found
/// in it and its subfolders, and what was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderScan {
    pub dir: PathBuf,
    pub found: usize,
    pub skipped: Skipped,
}

impl FolderScan {
    /// One line for stderr: `DIR：找到 N 个报告文件，跳过 M 项（…）`, or
    /// `DIR 中没有找到报告文件`.
    pub fn describe(&self) -> String {
        use crate::i18n::Key;
        let dir = self.dir.display();
        if self.found == 0 {
            return crate::tr!(Key::NoReportsFound, dir = dir);
        }
        match self.skipped.total() {
            0 => crate::tr!(Key::FoundFiles, dir = dir, found = self.found),
            n => crate::tr!(
                Key::FoundFilesSkipped,
                dir = dir,
                found = self.found,
                skipped = n,
                why = self.skipped.describe()
            ),
        }
    }
}

/// The files to check and what each folder given held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expanded {
    /// Files as given, folders replaced by the report files in them and
    /// their subfolders (each folder's files sorted by path).
    pub files: Vec<PathBuf>,
    /// One per folder given, in the order given.
    pub folders: Vec<FolderScan>,
}

/// Files to list: files as given, folders replaced by the report files in
/// them, not in their subfolders (sorted). The folder list of the review
/// screen reads this; `check` reads subfolders too ([`expand_report`]), and
/// the list can switch to it once its tests follow.
pub fn expand(inputs: &[PathBuf]) -> Vec<PathBuf> {
    expand_to(inputs, 0).files
}

/// Files to check, with what each folder held: subfolders are read down to
/// [`MAX_DEPTH`], a folder reached twice (a symbolic-link loop) is read
/// once, hidden files and folders are skipped.
pub fn expand_report(inputs: &[PathBuf]) -> Expanded {
    expand_to(inputs, MAX_DEPTH)
}

/// [`expand_report`] reading subfolders down to `max_depth` (0: the folder
/// itself only).
pub fn expand_to(inputs: &[PathBuf], max_depth: usize) -> Expanded {
    let mut out = Expanded::default();
    for p in inputs {
        if p.is_dir() {
            let mut files = Vec::new();
            let mut skipped = Skipped::default();
            let mut seen = std::collections::HashSet::new();
            walk(p, 0, max_depth, &mut files, &mut skipped, &mut seen);
            files.sort();
            out.folders.push(FolderScan {
                dir: p.clone(),
                found: files.len(),
                skipped,
            });
            out.files.extend(files);
        } else {
            out.files.push(p.clone());
        }
    }
    out
}

fn walk(
    dir: &Path,
    depth: usize,
    max_depth: usize,
    files: &mut Vec<PathBuf>,
    skipped: &mut Skipped,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    // The real folder: a link back up, or a second link to one folder,
    // is read once.
    match dir.canonicalize() {
        Ok(real) => {
            if !seen.insert(real) {
                skipped.loops += 1;
                return;
            }
        }
        Err(_) => {
            skipped.unreadable += 1;
            return;
        }
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        skipped.unreadable += 1;
        return;
    };
    let mut subdirs = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_lowercase();
        if name.starts_with('.') {
            skipped.hidden += 1;
        } else if path.is_dir() {
            subdirs.push(path);
        } else if name.ends_with(".normalized.txt") {
            skipped.output += 1;
        } else if path.is_file() && is_report_file(&path) {
            files.push(path);
        } else {
            skipped.not_report += 1;
        }
    }
    for sub in subdirs {
        if depth + 1 > max_depth {
            skipped.too_deep += 1;
        } else {
            walk(&sub, depth + 1, max_depth, files, skipped, seen);
        }
    }
}

/// The key agencies sort by: their names in pinyin (北京 `bei jing` before
/// 上海 `shang hai` before 卫东 `wei dong`), characters without a reading as
/// they are, lower-cased. Compare keys, then the names themselves, to order
/// the list ([`agency_order`]).
pub fn pinyin_key(name: &str) -> String {
    use pinyin::ToPinyin;
    let mut key = String::with_capacity(name.len() * 2);
    for c in name.chars() {
        match c.to_pinyin() {
            Some(p) => {
                key.push_str(p.plain());
                key.push(' ');
            }
            None => key.extend(c.to_lowercase()),
        }
    }
    key
}

/// Order of two agency names: by [`pinyin_key`], then by the names.
pub fn agency_order(a: &str, b: &str) -> std::cmp::Ordering {
    pinyin_key(a).cmp(&pinyin_key(b)).then_with(|| a.cmp(b))
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
    let text: std::borrow::Cow<'_, str> = match simdutf8::compat::from_utf8(&buf) {
        Ok(s) => s.into(),
        Err(e) if e.error_len().is_none() => simdutf8::basic::from_utf8(&buf[..e.valid_up_to()])
            .unwrap_or_default()
            .into(),
        Err(_) => match crate::decode::decode(path, &buf) {
            Ok(d) => d.text.into_owned().into(),
            Err(_) => String::from_utf8_lossy(&buf).into_owned().into(),
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

/// The header of the summary table, in the process's language.
pub fn summary_header() -> Vec<String> {
    use crate::i18n::{Key, text};
    let mut h: Vec<String> = [Key::ColFile, Key::ColAgency, Key::ColYear, Key::ColEncoding]
        .iter()
        .map(|&k| text(k).to_string())
        .collect();
    for f in Family::ALL {
        h.push(crate::tr!(Key::ColErrors, family = f.label()));
        h.push(crate::tr!(Key::ColWarnings, family = f.label()));
    }
    h.push(text(Key::ColFirst).into());
    h.push(text(Key::ColStatus).into());
    h
}

/// One summary row's cells as text, in the header's order.
pub fn summary_fields(s: &Summary) -> Vec<String> {
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
        (Some(e), _) => crate::tr!(crate::i18n::Key::Unreadable, error = e),
        (None, Some(m)) => m.to_string(),
        (None, None) => String::new(),
    });
    v.push(s.status_label().to_string());
    // Report text reaches a terminal: control characters made visible.
    v.into_iter()
        .map(|f| crate::output::escape_controls(&f).into_owned())
        .collect()
}

/// What a run of many reports adds up to: the first paragraph of the
/// circular (通报).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub reports: usize,
    /// Reports with at least one error finding.
    pub with_errors: usize,
    /// Reports with warnings and no error.
    pub warnings_only: usize,
    pub clean: usize,
    /// Files that could not be read: counted apart, never as clean.
    pub unreadable: usize,
    /// Per rule with error findings: (rule, findings, reports), most
    /// findings first.
    pub by_rule: Vec<(crate::rules::Rule, usize, usize)>,
}

impl Tally {
    /// Add up the summaries and, beside each, its findings (empty for an
    /// unreadable file).
    pub fn of(rows: &[Summary], findings: &[Vec<Finding>]) -> Tally {
        use crate::rules::Rule;
        let mut t = Tally {
            reports: rows.len(),
            ..Tally::default()
        };
        for r in rows {
            match r.status() {
                "unreadable" => t.unreadable += 1,
                "errors" => t.with_errors += 1,
                "warnings" => t.warnings_only += 1,
                _ => t.clean += 1,
            }
        }
        let mut per: Vec<(Rule, usize, usize)> = Rule::ALL.iter().map(|&r| (r, 0, 0)).collect();
        for fs in findings {
            let mut seen = [false; Rule::ALL.len()];
            for f in fs.iter().filter(|f| f.is_error()) {
                let Some(i) = Rule::ALL.iter().position(|&r| r == f.rule) else {
                    continue;
                };
                per[i].1 += 1;
                if !seen[i] {
                    seen[i] = true;
                    per[i].2 += 1;
                }
            }
        }
        per.retain(|&(_, n, _)| n > 0);
        // Most findings first; then the most reports; then the rules' order.
        per.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)));
        t.by_rule = per;
        t
    }

    /// The paragraph a coordinator pastes into the circular (通报): how
    /// many reports, how many with errors, how many unreadable, the most
    /// common problems by rule (at most `top`) with counts.
    pub fn paragraph(&self, top: usize) -> String {
        use crate::i18n::Key;
        let counts = if self.reports == 1 {
            Key::NoticeCountsOne
        } else {
            Key::NoticeCounts
        };
        let mut p = crate::tr!(
            counts,
            total = self.reports,
            errors = self.with_errors,
            warnings = self.warnings_only,
            clean = self.clean,
            unreadable = self.unreadable
        );
        if self.by_rule.is_empty() {
            p.push_str(crate::i18n::text(Key::NoticeNoProblems));
        } else {
            let items: Vec<String> = self
                .by_rule
                .iter()
                .take(top)
                .map(|&(rule, count, reports)| {
                    let item = if reports == 1 {
                        Key::NoticeTopItemOne
                    } else {
                        Key::NoticeTopItem
                    };
                    crate::tr!(item, rule = rule.name(), count = count, reports = reports)
                })
                .collect();
            let sep = crate::i18n::text(Key::ListSeparator);
            p.push_str(&crate::tr!(Key::NoticeTop, list = items.join(sep)));
        }
        p
    }
}

/// How many rules the circular's paragraph names.
pub const NOTICE_TOP: usize = 5;

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

/// The summary as a Markdown table, for the office's circular (通报),
/// opening with the paragraph of `tally` when there is one.
pub fn to_markdown(rows: &[Summary], tally: Option<&Tally>) -> String {
    let head = summary_header();
    let mut out = match tally {
        Some(t) => format!("{}\n\n", md_field(&t.paragraph(NOTICE_TOP))),
        None => String::new(),
    };
    out.push_str(&format!(
        "| {} |\n|{}\n",
        head.join(" | "),
        "---|".repeat(head.len())
    ));
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
            first: Some(crate::rules::Message::CellInvalid {
                row: "一、本年新收",
                column: "自然人",
                raw: "x | \"y\"".into(),
            }),
            error: None,
            saved: None,
        };
        let csv = to_csv(std::slice::from_ref(&s));
        assert!(csv.contains("\"a,b.txt\""));
        assert!(csv.contains("x | \"\"y\"\"”"), "{csv}");
        let md = to_markdown(&[s], None);
        assert!(md.contains("x \\| \"y\""));
    }
}
