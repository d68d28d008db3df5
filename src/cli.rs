//! Command-line interface: argument parsing and the headless commands.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Arg, ArgAction, CommandFactory, Parser, Subcommand, ValueEnum};
use nianbao::i18n::{self, Key, Lang, text};
use nianbao::output;
use nianbao::rules::{self, counts};
use nianbao::service::{CheckRun, ExitStatus};
use nianbao::tr;

/// The language of this run: `--lang` on the command line (read before
/// clap, which writes `--help` in it), else `lang` in config.toml, else
/// the locale, else Chinese.
pub fn choose_lang() -> Lang {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .take_while(|a| a != "--")
        .collect();
    let flag = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).and_then(|v| Lang::parse(v)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::parse),
            None => None,
        });
    let config = if flag.is_some() { None } else { config_text() };
    i18n::choose(flag, config.as_deref(), |k| {
        std::env::var_os(k).map(|v| v.to_string_lossy().into_owned())
    })
}

/// The text of config.toml (the first 64 kB), if there is one.
fn config_text() -> Option<String> {
    use std::io::Read;
    let path = nianbao::dirs::config_dir()?.join("config.toml");
    let file = nianbao::decode::open_regular(&path).ok()?;
    let mut buf = Vec::new();
    file.take(64 * 1024).read_to_end(&mut buf).ok()?;
    Some(String::from_utf8_lossy(&buf).into_owned())
}

/// The text after `--help`: examples, exit status, and every rule id with
/// its name and what it checks (read from the rules module, so it cannot
/// drift from what `check` reports).
pub fn after_help() -> String {
    use unicode_width::UnicodeWidthStr;
    let mut s = format!("{}\n\n{}\n", text(Key::HelpExamples), text(Key::HelpRules));
    use nianbao::rules::Rule;
    let w = Rule::ALL.iter().map(|r| r.id().len()).max().unwrap_or(0);
    let nw = Rule::ALL
        .iter()
        .map(|r| r.name().width())
        .max()
        .unwrap_or(0);
    for rule in Rule::ALL {
        let pad = nw - rule.name().width();
        s.push_str(&format!(
            "  {:<w$}  {}{}  {}\n",
            rule.id(),
            rule.name(),
            " ".repeat(pad),
            rule.description()
        ));
    }
    s
}

/// The command line, every word of `--help` from the catalogue.
pub fn command() -> clap::Command {
    let cmd = localize(Cli::command(), Key::HelpAbout)
        .after_help(after_help())
        .subcommand_help_heading(text(Key::HelpHeadingCommands))
        .disable_help_subcommand(true)
        // `nianbao help [COMMAND]`, in the catalogue's words (main prints it).
        .subcommand(
            clap::Command::new("help")
                .about(text(Key::HelpHelp))
                .help_template(text(Key::HelpTemplate))
                .disable_help_flag(true)
                .arg(Arg::new("command").value_name("COMMAND")),
        )
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text(Key::HelpVersion))
                .help_heading(text(Key::HelpHeadingOptions)),
        )
        .mut_arg("files", |a| a.help(text(Key::HelpFiles)))
        .mut_arg("theme", |a| a.help(text(Key::HelpTheme)))
        .mut_arg("previous", |a| a.help(text(Key::HelpPrevious)))
        .mut_arg("lang", |a| {
            a.help(text(Key::HelpLang)).hide_possible_values(true)
        });
    cmd.mut_subcommand("check", |c| {
        localize(c, Key::HelpCheckAbout)
            .mut_arg("format", |a| {
                a.help(text(Key::HelpCheckFormat))
                    .hide_possible_values(true)
            })
            .mut_arg("previous", |a| a.help(text(Key::HelpCheckPrevious)))
            .mut_arg("fix", |a| a.help(text(Key::HelpCheckFix)))
            .mut_arg("force", |a| a.help(text(Key::HelpCheckForce)))
            .mut_arg("summary", |a| {
                a.help(text(Key::HelpCheckSummary))
                    .hide_possible_values(true)
            })
            .mut_arg("output", |a| a.help(text(Key::HelpCheckOutput)))
            .mut_arg("bom", |a| a.help(text(Key::HelpCheckBom)))
            .mut_arg("files", |a| a.help(text(Key::HelpCheckFiles)))
    })
    .mut_subcommand("normalize", |c| {
        localize(c, Key::HelpNormalizeAbout)
            .mut_arg("file", |a| a.help(text(Key::HelpNormalizeFile)))
            .mut_arg("output", |a| a.help(text(Key::HelpNormalizeOutput)))
            .mut_arg("force", |a| a.help(text(Key::HelpNormalizeForce)))
    })
}

/// `nianbao help [COMMAND]`: the help of the program or of one command.
pub fn print_help(command: Option<&str>) {
    let mut cmd = command_built();
    let mut target = match command.and_then(|n| cmd.find_subcommand_mut(n)) {
        Some(sub) => sub.clone(),
        None => cmd,
    };
    let _ = target.print_help();
}

/// [`command`], built (subcommands' global arguments in place).
fn command_built() -> clap::Command {
    let mut cmd = crate::usage::localize(command());
    cmd.build();
    cmd
}

/// About, usage heading, argument headings and the help flag of one
/// (sub)command in the catalogue's words.
fn localize(cmd: clap::Command, about: Key) -> clap::Command {
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    let mut cmd = cmd
        .about(text(about))
        .help_template(text(Key::HelpTemplate))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(text(Key::HelpHelp))
                .help_heading(text(Key::HelpHeadingOptions)),
        );
    for (id, positional) in ids {
        let heading = if positional {
            Key::HelpHeadingArgs
        } else {
            Key::HelpHeadingOptions
        };
        cmd = cmd.mut_arg(id, |a| a.help_heading(text(heading)));
    }
    cmd
}

// The argument help below is for readers of this file; what `--help`
// prints comes from the catalogue ([`command`]).

#[derive(Debug, Parser)]
#[command(name = "nianbao", version, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    // Report to open in the review screen; a folder or several files open
    // the list of reports.
    pub files: Vec<PathBuf>,

    // Colour theme (review screen only).
    #[arg(long, global = true)]
    pub theme: Option<String>,

    // Last year's report, for the review screen's carry-over check.
    #[arg(long, value_name = "LAST_YEAR_FILE")]
    pub previous: Option<PathBuf>,

    // Language (read before parsing by `choose_lang`; here so clap accepts
    // and checks it).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    // Check reports against the template's rules and print the findings.
    Check {
        // Output format (text by default).
        #[arg(long, value_enum)]
        format: Option<Format>,
        // Last year's report for every file (requests.carry-over).
        #[arg(long, value_name = "LAST_YEAR_FILE")]
        previous: Option<PathBuf>,
        // Also write `<stem>.normalized.txt` with the fixes applied.
        #[arg(long)]
        fix: bool,
        // With --fix: replace a differing `<stem>.normalized.txt`.
        #[arg(long, requires = "fix")]
        force: bool,
        // One row per report instead of the findings.
        #[arg(long, value_enum, value_name = "FORMAT")]
        summary: Option<SummaryFormat>,
        // Where the summary goes (a file; `-` for standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        // A UTF-8 BOM before the CSV on standard output too.
        #[arg(long)]
        bom: bool,
        // Report files or folders of them.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    // Write the normalized report; the input is never overwritten.
    Normalize {
        // Report file.
        file: PathBuf,
        // Output path; `-` for standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        // Replace a differing output file.
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
    Xlsx,
}

/// A first file that is not there and is a command misspelled (`chek`,
/// `normalise`, `hlep`): its name and the command it is near. Without
/// this, `nianbao chek a.txt` would open the list on two missing files.
pub fn misspelled_command(cli: &Cli) -> Option<(String, String)> {
    if cli.command.is_some() {
        return None;
    }
    let first = cli.files.first()?;
    let name = first.to_str()?;
    if name.chars().count() < 3
        || name.contains(['.', '/', '\\'])
        || first.symlink_metadata().is_ok()
    {
        return None;
    }
    let lower = name.to_lowercase();
    command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .map(|c| (edit_distance(&lower, &c), c))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| (name.to_string(), c))
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let swap = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = swap.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// An option given where it does not apply: one line of why, exit 2.
fn refuse(why: String) -> ExitCode {
    eprintln!("nianbao: {why}");
    exit(ExitStatus::Failed)
}

/// Why the options of `check` do not go together, if they do not.
fn check_conflicts(
    format: Option<Format>,
    fix: bool,
    summary: Option<SummaryFormat>,
    output: Option<&Path>,
    bom: bool,
) -> Option<String> {
    match summary {
        None if output.is_some() => Some(tr!(Key::ConflictOutputNoSummary)),
        None if bom => Some(tr!(Key::ConflictBomNoSummary)),
        None => None,
        Some(_) if fix => Some(tr!(Key::ConflictFixSummary)),
        Some(_) if format.is_some() => Some(tr!(Key::ConflictJsonSummary)),
        Some(SummaryFormat::Csv) => None,
        Some(_) if bom => Some(tr!(Key::ConflictBomNoSummary)),
        Some(SummaryFormat::Xlsx) if output.is_none_or(|o| o.as_os_str() == "-") => {
            Some(tr!(Key::ConflictXlsxNoOutput))
        }
        Some(_) => None,
    }
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Check {
            format,
            previous,
            fix,
            force,
            summary,
            output,
            bom,
            files,
        }) => {
            if cli.theme.is_some() {
                return refuse(tr!(Key::ConflictTheme, command = "check"));
            }
            if let Some(why) = check_conflicts(format, fix, summary, output.as_deref(), bom) {
                return refuse(why);
            }
            // `-o` into a folder that is not there: said at once, before
            // every report is read (one line, not after the whole run).
            if let Some(t) = output.as_deref().filter(|o| o.as_os_str() != "-")
                && t.parent()
                    .is_some_and(|p| !p.as_os_str().is_empty() && !p.is_dir())
            {
                let e = std::io::Error::from(std::io::ErrorKind::NotFound);
                return refuse(tr!(
                    Key::ErrWrite,
                    path = t.display(),
                    error = i18n::IoReason(&e)
                ));
            }
            let Some((files, worst)) = expand_inputs(&files) else {
                return exit(ExitStatus::Failed);
            };
            if let Some(kind) = summary {
                let target = output.as_deref().filter(|o| o.as_os_str() != "-");
                let status = print_summary(&files, kind, target, bom);
                return exit(worst.max(status));
            }
            let previous = match previous.as_deref().map(nianbao::load).transpose() {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("nianbao: {}", tr!(Key::OpenPrevious, error = e));
                    return exit(ExitStatus::Failed);
                }
            };
            // One agency's consecutive years pair up (unless --previous names
            // last year's report for all of them).
            let run = CheckRun::new(files, previous);
            check(&run, format.unwrap_or(Format::Text), fix, force, worst)
        }
        Some(Command::Normalize {
            file,
            output,
            force,
        }) => {
            if cli.theme.is_some() {
                return refuse(tr!(Key::ConflictTheme, command = "normalize"));
            }
            normalize(&file, output.as_deref(), force)
        }
        None => {
            let many = cli.files.len() > 1 || cli.files.iter().any(|f| f.is_dir());
            if cli.previous.is_some() && cli.files.iter().any(|f| f.is_dir()) {
                return refuse(tr!(Key::ConflictPreviousFolder));
            }
            if cli.previous.is_some() && many {
                return refuse(tr!(Key::ConflictPreviousMany, n = cli.files.len()));
            }
            if many {
                // The list: a folder without reports says so (the list shows
                // the rest); nothing at all to list is exit 2.
                let expanded = nianbao::batch::expand_report(&cli.files);
                for f in expanded.folders.iter().filter(|f| f.found == 0) {
                    eprintln!("nianbao: {}", output::escape_controls(&f.describe()));
                }
                if expanded.files.is_empty() {
                    return exit(ExitStatus::Failed);
                }
            }
            review(&cli)
        }
    }
}

/// The files to check: folders read (subfolders too), one line on stderr
/// per folder that held something else besides reports, and an error for
/// a folder with no report. `None` when there is nothing to check; the
/// status is `Failed` when a folder held no report.
fn expand_inputs(inputs: &[PathBuf]) -> Option<(Vec<PathBuf>, ExitStatus)> {
    let expanded = nianbao::batch::expand_report(inputs);
    let mut worst = ExitStatus::Clean;
    for f in &expanded.folders {
        if f.found == 0 {
            worst = ExitStatus::Failed;
        }
        if f.found == 0 || f.skipped.total() > 0 {
            eprintln!("nianbao: {}", output::escape_controls(&f.describe()));
        }
    }
    (!expanded.files.is_empty()).then_some((expanded.files, worst))
}

/// Files checked ahead of the first one not yet written: output stays in
/// input order and memory stays bounded whatever the number of files.
const BATCH: usize = 128;

/// Files one worker checks in a row within a batch (one task, one output
/// buffer).
const CHUNK: usize = 16;

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
    eprintln!("nianbao: {}", text(Key::ErrNoTui));
    exit(ExitStatus::Failed)
}

fn exit(status: ExitStatus) -> ExitCode {
    ExitCode::from(status.code())
}

/// `check --summary`: one row per report, to standard output or to
/// `target`; the status of the worst file.
fn print_summary(
    files: &[PathBuf],
    kind: SummaryFormat,
    target: Option<&Path>,
    bom: bool,
) -> ExitStatus {
    use rayon::prelude::*;
    let run = CheckRun::new(files.to_vec(), None);
    let keep_findings = kind != SummaryFormat::Csv;
    let results: Vec<(nianbao::batch::Summary, Vec<rules::Finding>)> = (0..files.len())
        .into_par_iter()
        .map(|i| {
            let path = &run.files()[i];
            match run.check(i) {
                Ok(c) => {
                    let s = nianbao::batch::summary(path, &c.report, &c.findings);
                    let f = if keep_findings {
                        c.findings
                    } else {
                        Vec::new()
                    };
                    (s, f)
                }
                Err(e) => (
                    nianbao::batch::unreadable(path, &e.reason(i18n::lang())),
                    Vec::new(),
                ),
            }
        })
        .collect();
    let (rows, findings): (Vec<_>, Vec<_>) = results.into_iter().unzip();
    for r in &rows {
        if let Some(reason) = &r.error {
            let line = tr!(Key::LoadAt, path = r.path.display(), reason = reason);
            eprintln!("nianbao: {}", output::escape_controls(&line));
        }
    }
    let bytes = match kind {
        SummaryFormat::Csv => {
            // A BOM when written to a file (Excel and WPS on Chinese Windows
            // read a CSV without one as GBK) or when asked for.
            let mut b = if target.is_some() || bom {
                "\u{feff}".to_string()
            } else {
                String::new()
            };
            b.push_str(&nianbao::batch::to_csv(&rows));
            b.into_bytes()
        }
        SummaryFormat::Markdown => {
            let tally = nianbao::batch::Tally::of(&rows, &findings);
            nianbao::batch::to_markdown(&rows, Some(&tally)).into_bytes()
        }
        SummaryFormat::Xlsx => match nianbao::workbook::summary_xlsx(&rows, &findings) {
            Ok(b) => b,
            Err(e) => {
                let shown = target.map(|t| t.display().to_string()).unwrap_or_default();
                eprintln!("nianbao: {}", tr!(Key::ErrWrite, path = shown, error = e));
                return ExitStatus::Failed;
            }
        },
    };
    if let Some(t) = target.filter(|t| files.iter().any(|f| same_file(f, t))) {
        eprintln!(
            "nianbao: {}",
            tr!(Key::ErrOverwriteInput, path = t.display())
        );
        return ExitStatus::Failed;
    }
    let written = match target {
        Some(t) => match std::fs::write(t, &bytes) {
            Ok(()) => {
                eprintln!("nianbao: {}", tr!(Key::NoteWrote, path = t.display()));
                true
            }
            Err(e) => {
                eprintln!(
                    "nianbao: {}",
                    tr!(
                        Key::ErrWrite,
                        path = t.display(),
                        error = i18n::IoReason(&e)
                    )
                );
                false
            }
        },
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes).and_then(|_| out.flush()).is_ok()
        }
    };
    if !written {
        return ExitStatus::Failed;
    }
    rows.iter()
        .map(|r| match (&r.error, r.counts.total_errors()) {
            (Some(_), _) => ExitStatus::Failed,
            (None, 0) => ExitStatus::Clean,
            (None, _) => ExitStatus::Findings,
        })
        .max()
        .unwrap_or_default()
}

/// What checking one file produced beside its output (which goes into its
/// chunk's buffer): nothing allocated for a file that only has output.
struct Outcome {
    status: ExitStatus,
    error: Option<String>,
    /// What `--fix` did, for stderr.
    notes: Vec<String>,
}

/// The files of one chunk, checked one after the other by one worker: their
/// output run together in one buffer, in order, and each file's outcome.
struct Chunk {
    out: Vec<u8>,
    outcomes: Vec<Outcome>,
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
        .map(|s| {
            let note = tr!(Key::NoteFixed, path = shown, fix = s.describe());
            format!("nianbao: {note}")
        })
        .collect();
    let text = nianbao::normalize::normalize(&fixed);
    match nianbao::save::write_output(&target, text.as_bytes(), force) {
        Ok(written) => {
            let key = match written {
                nianbao::save::Written::Wrote => Key::NoteWroteFixes,
                nianbao::save::Written::Unchanged => Key::NoteUnchangedFixes,
            };
            lines.push(format!(
                "nianbao: {}",
                tr!(key, path = target.display(), n = done.len())
            ));
        }
        // Nothing was fixed on disk: say only why.
        Err(e) => return (vec![format!("nianbao: {e}")], false),
    }
    (lines, true)
}

/// Check file `index` and append what it prints to `out` (a JSON report is
/// preceded by `,\n` unless it is the first file).
fn check_one(
    run: &CheckRun,
    index: usize,
    format: Format,
    fix: bool,
    force: bool,
    out: &mut Vec<u8>,
) -> Outcome {
    let path = run.files()[index].as_path();
    let shown = path.display().to_string();
    if format == Format::Json && index > 0 {
        out.extend_from_slice(b",\n");
    }
    match run.check(index) {
        Ok(checked) => {
            let (report, findings) = (&*checked.report, &checked.findings);
            let (notes, written) = if fix {
                write_fixed(path, report, findings, force)
            } else {
                (Vec::new(), true)
            };
            match format {
                Format::Text => {
                    for f in findings {
                        out.extend_from_slice(output::text_line(&shown, report, f).as_bytes());
                        out.push(b'\n');
                    }
                    out.extend_from_slice(
                        output::summary_line(&shown, report, findings).as_bytes(),
                    );
                    out.push(b'\n');
                }
                Format::Json => output::write_report_json(out, &shown, report, findings),
            }
            Outcome {
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
        Err(e) => {
            if format == Format::Json {
                // The JSON contract: the reason in English for every user.
                output::write_error_json(out, &shown, &e.message(Lang::En));
            }
            Outcome {
                status: ExitStatus::Failed,
                error: Some(e.to_string()),
                notes: Vec::new(),
            }
        }
    }
}

/// Check every file; `worst` is the status so far (a folder without
/// reports is already a failure). The files are cut into chunks, taken in
/// input order by one task per thread of rayon's pool (the threads, and
/// their allocator's heaps, that paired the files); each rendered chunk goes through a channel to this thread,
/// which writes them in input order as they come. A pipeline, where
/// batches made every worker wait at each batch's end while this thread
/// wrote; a worker takes a chunk only within [`BATCH`] files of the first
/// one not yet written, so memory stays bounded whatever the number of
/// files.
fn check(run: &CheckRun, format: Format, fix: bool, force: bool, worst: ExitStatus) -> ExitCode {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex, mpsc};
    let files = run.files();
    let mut worst = worst;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    if format == Format::Json && out.write_all(b"{\"reports\": [").is_err() {
        return exit(ExitStatus::Failed);
    }
    let chunks = files.len().div_ceil(CHUNK);
    let window = (BATCH / CHUNK).max(1);
    let workers = rayon::current_num_threads().clamp(1, chunks.max(1));
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The first chunk not yet written, and a wake-up when it moves on.
    let written = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel::<(usize, Chunk)>();
    let closed = rayon::in_place_scope(|s| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, stop, written) = (&next, &stop, &written);
            s.spawn(move |_| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k >= chunks {
                        break;
                    }
                    {
                        // A poisoned lock only means a panic elsewhere:
                        // the count itself is consistent.
                        let mut w = written.0.lock().unwrap_or_else(|p| p.into_inner());
                        while k >= *w + window && !stop.load(Ordering::Relaxed) {
                            w = written.1.wait(w).unwrap_or_else(|p| p.into_inner());
                        }
                    }
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let from = k * CHUNK;
                    let to = (from + CHUNK).min(files.len());
                    let mut chunk = Chunk {
                        out: Vec::with_capacity(CHUNK * 4096),
                        outcomes: Vec::with_capacity(to - from),
                    };
                    for i in from..to {
                        let o = check_one(run, i, format, fix, force, &mut chunk.out);
                        chunk.outcomes.push(o);
                    }
                    if tx.send((k, chunk)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Chunks that came before their turn, by index.
        let mut early: std::collections::BTreeMap<usize, Chunk> = Default::default();
        let mut want = 0;
        for (k, chunk) in rx {
            early.insert(k, chunk);
            while let Some(chunk) = early.remove(&want) {
                for o in &chunk.outcomes {
                    worst = worst.max(o.status);
                    if let Some(e) = &o.error {
                        eprintln!("nianbao: {}", output::escape_controls(e));
                    }
                    for n in &o.notes {
                        eprintln!("{}", output::escape_controls(n));
                    }
                }
                if out.write_all(&chunk.out).is_err() {
                    // Standard output closed (a pager quit): stop quietly.
                    // Under the lock, so that no worker misses the wake-up.
                    let guard = written.0.lock().unwrap_or_else(|p| p.into_inner());
                    stop.store(true, Ordering::Relaxed);
                    drop(guard);
                    written.1.notify_all();
                    return true;
                }
                want += 1;
                *written.0.lock().unwrap_or_else(|p| p.into_inner()) = want;
                written.1.notify_all();
            }
        }
        false
    });
    if closed {
        return exit(worst.max(ExitStatus::Failed));
    }
    if format == Format::Json {
        let _ = out.write_all(b"]}\n");
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
    let mut written = nianbao::save::Written::Wrote;
    if target.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        if out
            .write_all(text.as_bytes())
            .and_then(|_| out.flush())
            .is_err()
        {
            eprintln!("nianbao: {}", i18n::text(Key::ErrStdout));
            return exit(ExitStatus::Failed);
        }
    } else {
        if same_file(input, &target) {
            eprintln!(
                "nianbao: {}",
                tr!(Key::ErrOverwriteInput, path = input.display())
            );
            return exit(ExitStatus::Failed);
        }
        match nianbao::save::write_output(&target, text.as_bytes(), force) {
            Ok(w) => written = w,
            Err(err) => {
                eprintln!("nianbao: {err}");
                return exit(ExitStatus::Failed);
            }
        }
    }
    let dest = if target.as_os_str() == "-" {
        i18n::text(Key::StandardOutput).to_string()
    } else {
        target.display().to_string()
    };
    let key = match written {
        nianbao::save::Written::Wrote => Key::NoteNormalized,
        nianbao::save::Written::Unchanged => Key::NoteNormalizedUnchanged,
    };
    let note = tr!(
        key,
        dest = dest,
        errors = output::count_errors(e),
        warnings = output::count_warnings(w)
    );
    eprintln!("nianbao: {}", output::escape_controls(&note));
    // Like `check`: 1 when the report has an error finding.
    exit(ExitStatus::of(&findings))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
