//! Command-line interface: argument parsing and the headless commands.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use nianbao::output;
use nianbao::rules::{self, counts};
use nianbao::service::{CheckRun, ExitStatus};

const EXAMPLES: &str = "\
Examples:
  nianbao report.txt                     review a report in the terminal
  nianbao                                review the bundled sample report
  nianbao reports/                       list every report of a folder, worst first
  nianbao --previous 2023.txt 2024.txt   review, checking carry-over against last year
  nianbao check sample-reports/*.txt     check many reports (exit 1 on errors)
  nianbao check --format json a.txt      machine-readable findings and tables
  nianbao check --fix a.txt              also write a.normalized.txt with the suggested fixes
  nianbao check reports/ --summary csv   one row per report, for a circular
  nianbao normalize a.txt                write a.normalized.txt beside a.txt
  nianbao normalize a.txt -o -           write the normalized report to stdout
  nianbao normalize --force a.txt        replace an a.normalized.txt that differs

Reads text (UTF-8, UTF-16, GB18030/GBK), Word (.docx) and web pages (.html).

Exit status: 0 no error findings, 1 some error finding, 2 a file could not be
read or written (with a one-line reason on stderr).";

/// The text after `--help`: examples, exit status, and every rule id (read
/// from the rules module, so it cannot drift from what `check` reports).
pub fn after_help() -> String {
    let mut s = format!("{EXAMPLES}\n\nRules:\n");
    use nianbao::rules::Rule;
    let w = Rule::ALL.iter().map(|r| r.id().len()).max().unwrap_or(0);
    for rule in Rule::ALL {
        s.push_str(&format!("  {:<w$}  {}\n", rule.id(), rule.description()));
    }
    s
}

/// Review Chinese government information-disclosure annual reports
/// (政府信息公开工作年度报告): check the template's tables, fix them in a
/// terminal grid, write a normalized file.
#[derive(Debug, Parser)]
#[command(name = "nianbao", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Report to open in the review screen (omit to open the bundled
    /// sample); a folder or several files open the list of reports.
    pub files: Vec<PathBuf>,

    /// Colour theme: dark, light, high-contrast, or a user theme name.
    #[arg(long, global = true)]
    pub theme: Option<String>,

    /// Last year's report, to check this year's 二、上年结转 against its
    /// 四、结转下年度继续办理 in the review screen.
    #[arg(long, value_name = "LAST_YEAR_FILE")]
    pub previous: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check reports against the template's rules and print the findings.
    Check {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Last year's report: check this year's 二、上年结转 against its
        /// 四、结转下年度继续办理 (requests.carry-over).
        #[arg(long, value_name = "LAST_YEAR_FILE")]
        previous: Option<PathBuf>,
        /// Also write `<stem>.normalized.txt` beside each input with every
        /// unambiguous suggested fix applied, and list the fixes.
        #[arg(long)]
        fix: bool,
        /// With --fix: replace an existing `<stem>.normalized.txt` that
        /// differs from what would be written (refused otherwise).
        #[arg(long, requires = "fix")]
        force: bool,
        /// Print one summary row per report (counts per rule family and
        /// the first finding) instead of the findings: for a circular.
        #[arg(long, value_enum, value_name = "FORMAT")]
        summary: Option<SummaryFormat>,
        /// Report files or folders of them: text (UTF-8, UTF-16 or
        /// GB18030/GBK), Word (.docx) or web pages (.html, .htm). One agency's reports for consecutive
        /// years are paired for requests.carry-over.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write the normalized report: UTF-8, LF, tables in one canonical
    /// tab-separated layout. The input is never overwritten.
    Normalize {
        /// Report file.
        file: PathBuf,
        /// Output path; default `<stem>.normalized.txt` beside the input;
        /// `-` for standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace an existing output file that differs from what would be
        /// written (refused otherwise).
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Csv,
    Markdown,
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Check {
            format,
            previous,
            fix,
            force,
            summary,
            files,
        }) => {
            let mut expanded = nianbao::batch::expand(&files);
            if expanded.is_empty() {
                // Folders without report files: report them as unreadable.
                expanded = files;
            }
            let files = expanded;
            if let Some(kind) = summary {
                return print_summary(&files, kind);
            }
            let previous = match previous.as_deref().map(nianbao::load).transpose() {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("nianbao: --previous: {e}");
                    return exit(ExitStatus::Failed);
                }
            };
            // One agency's consecutive years pair up (unless --previous names
            // last year's report for all of them).
            let run = CheckRun::new(files, previous);
            check(&run, format, fix, force)
        }
        Some(Command::Normalize {
            file,
            output,
            force,
        }) => normalize(&file, output.as_deref(), force),
        None => review(&cli),
    }
}

/// Files checked in parallel per batch: output stays in input order and
/// memory stays bounded whatever the number of files.
const BATCH: usize = 256;

/// The review screen (one file, the bundled sample, or the folder list).
#[cfg(feature = "tui")]
fn review(cli: &Cli) -> ExitCode {
    match cli.files.as_slice() {
        [one] if !one.is_dir() => {
            nianbao::tui::run(Some(one), cli.theme.as_deref(), cli.previous.as_deref())
        }
        [] => nianbao::tui::run(None, cli.theme.as_deref(), cli.previous.as_deref()),
        many => nianbao::tui::run_list(many, cli.theme.as_deref()),
    }
}

/// Built without the review screen: say so, and what works.
#[cfg(not(feature = "tui"))]
fn review(_: &Cli) -> ExitCode {
    eprintln!(
        "nianbao: this build has no review screen (built without the `tui` feature); use `nianbao check` or `nianbao normalize`"
    );
    exit(ExitStatus::Failed)
}

fn exit(status: ExitStatus) -> ExitCode {
    ExitCode::from(status.code())
}

/// `check --summary`: one row per report.
fn print_summary(files: &[PathBuf], kind: SummaryFormat) -> ExitCode {
    let rows = CheckRun::new(files.to_vec(), None).summaries();
    for r in rows.iter().filter_map(|r| r.error.as_ref()) {
        eprintln!("nianbao: {}", output::escape_controls(r));
    }
    let text = match kind {
        SummaryFormat::Csv => nianbao::batch::to_csv(&rows),
        SummaryFormat::Markdown => nianbao::batch::to_markdown(&rows),
    };
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .is_err()
    {
        return exit(ExitStatus::Failed);
    }
    let worst = rows
        .iter()
        .map(|r| match (&r.error, r.counts.total_errors()) {
            (Some(_), _) => ExitStatus::Failed,
            (None, 0) => ExitStatus::Clean,
            (None, _) => ExitStatus::Findings,
        })
        .max()
        .unwrap_or_default();
    exit(worst)
}

/// What checking one file produced, rendered for the chosen format.
struct Checked {
    text: String,
    status: ExitStatus,
    error: Option<String>,
    /// What `--fix` did, for stderr.
    notes: Vec<String>,
}

/// Apply every unambiguous suggestion and write the normalized file; the
/// lines that list what was done (for stderr), and whether the file could
/// be written (or already held exactly this).
fn write_fixed(
    path: &Path,
    report: &nianbao::Report,
    findings: &[rules::Finding],
    force: bool,
) -> (Vec<String>, bool) {
    let mut fixed = report.clone();
    let done = rules::suggest::apply_all(&mut fixed, findings);
    let target = nianbao::normalize::default_output(path);
    let shown = path.display();
    let mut lines: Vec<String> = done
        .iter()
        .map(|s| format!("nianbao: {shown}: fixed {}", s.describe()))
        .collect();
    let text = nianbao::normalize::normalize(&fixed);
    match nianbao::save::write_output(&target, text.as_bytes(), force) {
        Ok(_) => lines.push(format!(
            "nianbao: wrote {} ({} fix{})",
            target.display(),
            done.len(),
            if done.len() == 1 { "" } else { "es" }
        )),
        // Nothing was fixed on disk: say only why.
        Err(e) => return (vec![format!("nianbao: {e}")], false),
    }
    (lines, true)
}

fn check_one(run: &CheckRun, index: usize, format: Format, fix: bool, force: bool) -> Checked {
    let path = run.files()[index].as_path();
    let shown = path.display().to_string();
    match run.check(index) {
        Ok(checked) => {
            let (report, findings) = (&*checked.report, &checked.findings);
            let (notes, written) = if fix {
                write_fixed(path, report, findings, force)
            } else {
                (Vec::new(), true)
            };
            let text = match format {
                Format::Text => {
                    let mut t = String::new();
                    for f in findings {
                        t.push_str(&output::text_line(&shown, report, f));
                        t.push('\n');
                    }
                    t.push_str(&output::summary_line(&shown, report, findings));
                    t.push('\n');
                    t
                }
                Format::Json => output::report_json_string(&shown, report, findings),
            };
            Checked {
                text,
                // An output that could not be written is exit 2.
                status: if written {
                    ExitStatus::of(findings)
                } else {
                    ExitStatus::Failed
                },
                error: None,
                notes,
            }
        }
        Err(e) => Checked {
            text: match format {
                Format::Json => output::json_text(&output::error_json(&shown, &e.to_string())),
                Format::Text => String::new(),
            },
            status: ExitStatus::Failed,
            error: Some(e.to_string()),
            notes: Vec::new(),
        },
    }
}

fn check(run: &CheckRun, format: Format, fix: bool, force: bool) -> ExitCode {
    let files = run.files();
    use rayon::prelude::*;
    let mut worst = ExitStatus::Clean;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut first = true;
    let write = |out: &mut std::io::BufWriter<std::io::StdoutLock>, s: &str| -> bool {
        out.write_all(s.as_bytes()).is_ok()
    };
    if format == Format::Json && !write(&mut out, "{\"reports\": [") {
        return exit(ExitStatus::Failed);
    }
    for start in (0..files.len()).step_by(BATCH) {
        let end = (start + BATCH).min(files.len());
        let results: Vec<Checked> = (start..end)
            .into_par_iter()
            .map(|i| check_one(run, i, format, fix, force))
            .collect();
        for r in results {
            worst = worst.max(r.status);
            if let Some(e) = &r.error {
                eprintln!("nianbao: {}", output::escape_controls(e));
            }
            for n in &r.notes {
                eprintln!("{}", output::escape_controls(n));
            }
            let piece = match format {
                Format::Json if first => r.text,
                Format::Json => format!(",\n{}", r.text),
                Format::Text => r.text,
            };
            first = false;
            if !write(&mut out, &piece) {
                // Standard output closed (a pager quit): stop quietly.
                return exit(worst.max(ExitStatus::Failed));
            }
        }
    }
    if format == Format::Json {
        let _ = write(&mut out, "]}\n");
    }
    let _ = out.flush();
    exit(worst)
}

fn normalize(input: &Path, output: Option<&Path>, force: bool) -> ExitCode {
    let report = match nianbao::load(input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("nianbao: {e}");
            return exit(ExitStatus::Failed);
        }
    };
    let text = nianbao::normalize::normalize(&report);
    let findings = rules::check(&report);
    let (e, w) = counts(&findings);
    let target = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| nianbao::normalize::default_output(input));
    if target.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        if out
            .write_all(text.as_bytes())
            .and_then(|_| out.flush())
            .is_err()
        {
            eprintln!("nianbao: cannot write to standard output");
            return exit(ExitStatus::Failed);
        }
    } else {
        if same_file(input, &target) {
            eprintln!(
                "nianbao: refusing to overwrite the input {}; choose another -o",
                input.display()
            );
            return exit(ExitStatus::Failed);
        }
        if let Err(err) = nianbao::save::write_output(&target, text.as_bytes(), force) {
            eprintln!("nianbao: {err}");
            return exit(ExitStatus::Failed);
        }
    }
    let dest = if target.as_os_str() == "-" {
        "standard output".to_string()
    } else {
        target.display().to_string()
    };
    eprintln!(
        "nianbao: wrote {dest}; {e} errors, {w} warnings in the report (run `nianbao check` for details)"
    );
    // Like `check`: 1 when the report has an error finding.
    exit(ExitStatus::of(&findings))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
