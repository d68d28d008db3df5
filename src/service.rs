//! The checking service: "load a file, load the year before, check" written
//! once, for every front end (`check`, `check --summary`, the folder view,
//! the review screen).
//!
//! A [`CheckRun`] is a set of files plus what relates them: one agency's
//! consecutive years are paired (unless `--previous` names last year's report
//! for all of them), and a file that is another's previous year is parsed
//! once, not once for itself and once for its successor: a small per-run cache
//! holds its report until every file that needs it has had it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::batch::{self, Summary};
use crate::decode::LoadError;
use crate::model::Report;
use crate::rules::{self, Finding};

/// One checked file: its report and the findings.
#[derive(Debug)]
pub struct Checked {
    pub report: Arc<Report>,
    pub findings: Vec<Finding>,
}

/// A report waiting for the files that still need it.
struct Slot {
    /// Kept only when it loaded; a file that failed is tried again by
    /// each user, who reports its own error.
    report: Option<Arc<Report>>,
    /// Uses left: the file's own check plus one per file it is the
    /// previous year of. At zero the report is dropped.
    uses_left: usize,
}

/// A set of files checked together.
pub struct CheckRun {
    files: Vec<PathBuf>,
    /// File index → the index of the same agency's file for the year before.
    pairs: HashMap<usize, usize>,
    /// Last year's report for every file (`--previous`), shared.
    previous: Option<Arc<Report>>,
    /// Reports of files that are another file's previous year.
    shared: HashMap<usize, Mutex<Slot>>,
}

impl CheckRun {
    /// Pair one agency's consecutive years among `files` (when there is no
    /// `previous` for all of them and more than one file).
    pub fn new(files: Vec<PathBuf>, previous: Option<Report>) -> Self {
        let pairs = if previous.is_none() && files.len() > 1 {
            batch::pair_files(&files)
        } else {
            HashMap::new()
        };
        CheckRun::with_pairs(files, pairs, previous)
    }

    /// A run whose pairs are already known.
    pub fn with_pairs(
        files: Vec<PathBuf>,
        pairs: HashMap<usize, usize>,
        previous: Option<Report>,
    ) -> Self {
        let mut shared: HashMap<usize, Mutex<Slot>> = HashMap::new();
        for &p in pairs.values() {
            let slot = shared.entry(p).or_insert_with(|| {
                Mutex::new(Slot {
                    report: None,
                    uses_left: 1,
                })
            });
            if let Ok(s) = slot.get_mut() {
                s.uses_left += 1;
            }
        }
        CheckRun {
            files,
            pairs,
            previous: previous.map(Arc::new),
            shared,
        }
    }

    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    pub fn pairs(&self) -> &HashMap<usize, usize> {
        &self.pairs
    }

    /// The report of file `i`, through the cache when another file needs it
    /// too. Each call counts as one use.
    fn report(&self, i: usize) -> Result<Arc<Report>, LoadError> {
        let path = &self.files[i];
        let Some(slot) = self.shared.get(&i) else {
            return crate::load(path).map(Arc::new);
        };
        // A poisoned slot only means another thread panicked while loading:
        // the slot itself is still consistent.
        let mut s = slot.lock().unwrap_or_else(|p| p.into_inner());
        let report = match &s.report {
            Some(r) => Ok(r.clone()),
            None => crate::load(path).map(Arc::new),
        };
        s.uses_left = s.uses_left.saturating_sub(1);
        s.report = match (&report, s.uses_left) {
            (Ok(r), 1..) => Some(r.clone()),
            _ => None,
        };
        report
    }

    /// Last year's report for file `i`: `--previous`, or its paired file.
    pub fn previous_of(&self, i: usize) -> Option<Arc<Report>> {
        if let Some(p) = &self.previous {
            return Some(Arc::clone(p));
        }
        let &p = self.pairs.get(&i)?;
        self.report(p).ok()
    }

    /// Load file `i` and check it (against last year's when there is one).
    pub fn check(&self, i: usize) -> Result<Checked, LoadError> {
        let report = self.report(i)?;
        let findings = match (&self.previous, self.pairs.get(&i)) {
            (Some(prev), _) => rules::check_with(&report, Some(prev)),
            (None, Some(&p)) => {
                let prev = self.report(p).ok();
                rules::check_with(&report, prev.as_deref())
            }
            (None, None) => rules::check(&report),
        };
        Ok(Checked { report, findings })
    }

    /// File `i` as a row of the coordinator's summary.
    pub fn summarize(&self, i: usize) -> Summary {
        let path = &self.files[i];
        match self.check(i) {
            Ok(c) => batch::summary(path, &c.report, &c.findings),
            Err(e) => batch::unreadable(path, &e.reason(crate::i18n::lang())),
        }
    }

    /// Every file's summary with its saved copy's counts (the folder
    /// list), checked in parallel, handed to `each` as it is done (in no
    /// particular order).
    pub fn for_each_summary(&self, each: impl Fn(usize, Summary) + Sync + Send) {
        use rayon::prelude::*;
        (0..self.files.len()).into_par_iter().for_each(|i| {
            let mut s = self.summarize(i);
            s.saved = self.saved_counts(i);
            each(i, s)
        });
    }

    /// The counts of file `i`'s saved normalized copy
    /// (`normalize::default_output`), checked like the file itself (with
    /// its pair); `None` when there is none, or it cannot be read.
    pub fn saved_counts(&self, i: usize) -> Option<batch::Counts> {
        let out = crate::normalize::default_output(self.files.get(i)?);
        if !std::fs::metadata(&out).is_ok_and(|m| m.is_file()) {
            return None;
        }
        let copy = crate::load(&out).ok()?;
        let findings = match (&self.previous, self.pairs.get(&i)) {
            (Some(prev), _) => rules::check_with(&copy, Some(prev)),
            (None, Some(&p)) => {
                let prev = self.report(p).ok();
                rules::check_with(&copy, prev.as_deref())
            }
            (None, None) => rules::check(&copy),
        };
        Some(batch::Counts::of(&findings))
    }

    /// Every file's summary, in input order.
    pub fn summaries(&self) -> Vec<Summary> {
        use rayon::prelude::*;
        (0..self.files.len())
            .into_par_iter()
            .map(|i| self.summarize(i))
            .collect()
    }
}

/// Load one file for review: its report, its bytes (the journal keys on
/// them) and last year's report when `previous` names a file.
pub fn open_for_review(
    path: &Path,
    previous: Option<&Path>,
) -> Result<(Report, Vec<u8>, Option<Report>), OpenError> {
    let (report, bytes) = crate::load_with_bytes(path).map_err(OpenError::Report)?;
    let previous = previous
        .map(crate::load)
        .transpose()
        .map_err(OpenError::Previous)?;
    Ok((report, bytes, previous))
}

/// Why a report could not be opened for review.
#[derive(Debug)]
pub enum OpenError {
    Report(LoadError),
    Previous(LoadError),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Report(e) => write!(f, "{e}"),
            OpenError::Previous(e) => {
                f.write_str(&crate::tr!(crate::i18n::Key::OpenPrevious, error = e))
            }
        }
    }
}

impl std::error::Error for OpenError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OpenError::Report(e) | OpenError::Previous(e) => Some(e),
        }
    }
}

/// What a headless command tells its caller: the process exit status.
/// Ordered, so the worst of several files is their `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum ExitStatus {
    /// No error finding.
    #[default]
    Clean,
    /// At least one error finding.
    Findings,
    /// A file could not be read, or an output could not be written.
    Failed,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Failed => 2,
        }
    }

    /// `Findings` when any finding is an error, else `Clean`.
    pub fn of(findings: &[Finding]) -> ExitStatus {
        if findings.iter().any(Finding::is_error) {
            ExitStatus::Findings
        } else {
            ExitStatus::Clean
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;

    const CLEAN: &str = include_str!("../sample-reports/variant-nonzero-clean.txt");

    /// Two years of one agency: the 2024 report's 二、上年结转 differs from
    /// the 2023 report's 四、结转下年度继续办理 in no column (same text), so
    /// carry-over findings depend on the 2023 file being read as its pair.
    fn two_years(dir: &Path) -> Vec<PathBuf> {
        let y2023 = dir.join("a-2023.txt");
        let y2024 = dir.join("a-2024.txt");
        std::fs::write(&y2023, CLEAN).unwrap();
        std::fs::write(&y2024, CLEAN.replacen("2023 年", "2024 年", 1)).unwrap();
        vec![y2023, y2024]
    }

    #[test]
    fn a_paired_file_is_shared_then_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let run = CheckRun::new(two_years(dir.path()), None);
        assert_eq!(run.pairs(), &[(1, 0)].into_iter().collect());
        // File 0 is needed twice: by its own check and as file 1's previous.
        let uses = |run: &CheckRun| run.shared[&0].lock().unwrap().uses_left;
        assert_eq!(uses(&run), 2);
        let second = run.check(1).unwrap();
        assert_eq!(uses(&run), 1);
        assert!(run.shared[&0].lock().unwrap().report.is_some());
        let first = run.check(0).unwrap();
        assert_eq!(uses(&run), 0);
        assert!(run.shared[&0].lock().unwrap().report.is_none());
        // The checks are those of the rules with the pair spelled out.
        let direct = crate::rules::check_with(&second.report, Some(&first.report));
        assert_eq!(second.findings, direct);
    }

    #[test]
    fn carry_over_is_checked_against_the_pair() {
        let dir = tempfile::tempdir().unwrap();
        let files = two_years(dir.path());
        // Make 2024's 二、上年结转 disagree with 2023's 四 in the 总计 column.
        let text = std::fs::read_to_string(&files[1]).unwrap();
        let line = text
            .lines()
            .find(|l| l.starts_with("二、上年结转"))
            .expect("carried-in row")
            .to_string();
        let mut cells: Vec<String> = line.split('\t').map(str::to_string).collect();
        let last = cells.iter().rposition(|c| !c.is_empty()).expect("a value");
        cells[last] = "999".into();
        std::fs::write(&files[1], text.replacen(&line, &cells.join("\t"), 1)).unwrap();
        let run = CheckRun::new(files, None);
        let rules: Vec<Rule> = run
            .check(1)
            .unwrap()
            .findings
            .iter()
            .map(|f| f.rule)
            .collect();
        assert!(rules.contains(&Rule::CarryOver), "{rules:?}");
        assert_eq!(
            ExitStatus::of(&run.check(1).unwrap().findings),
            ExitStatus::Findings
        );
    }

    #[test]
    fn exit_status_orders_worst_last() {
        assert!(ExitStatus::Clean < ExitStatus::Findings);
        assert!(ExitStatus::Findings < ExitStatus::Failed);
        assert_eq!(
            [ExitStatus::Clean, ExitStatus::Failed, ExitStatus::Findings]
                .into_iter()
                .max(),
            Some(ExitStatus::Failed)
        );
        assert_eq!(ExitStatus::Failed.code(), 2);
    }
}
