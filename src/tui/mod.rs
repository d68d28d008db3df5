//! The review TUI: state (`app`: input, navigate, findings, outline, search,
//! edit, save), keys (`keymap`: one table per mode of both screens, read by
//! the input handlers, the hints and the help; `action`), undo (`history`),
//! drawing (`view`, which feeds the drawn layout back through
//! `app::Viewport`), the folder list (`list`, `shell`), themes and config.
//! It only calls the domain library; the domain never sees the terminal.

pub mod action;
pub mod app;
pub mod config;
pub mod history;
pub mod keymap;
pub mod list;
pub mod shell;
pub mod signals;
pub mod strings;
pub mod theme;
pub mod view;
pub mod width;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use crate::service::ExitStatus;

use ratatui::crossterm::event::{self, Event};

use app::{App, MessageKind};

/// The report shown by `nianbao` with no file: a real report with one
/// broken cell, so the tool shows what it does with nothing to hand.
pub const SAMPLE: &str = include_str!("../../sample-reports/variant-single-wrong-cell.txt");

/// Load the report (or the bundled sample), then run the screen.
pub fn run(file: Option<&Path>, theme_name: Option<&str>, previous: Option<&Path>) -> ExitCode {
    let (report, bytes, previous) = match file {
        Some(p) => match crate::service::open_for_review(p, previous) {
            Ok((r, b, prev)) => (r, Some(b), prev),
            Err(e) => {
                eprintln!("nianbao: {e}");
                return ExitCode::from(ExitStatus::Failed.code());
            }
        },
        None => match previous.map(crate::load).transpose() {
            Ok(prev) => (crate::parse::parse(SAMPLE, "UTF-8"), None, prev),
            Err(e) => {
                eprintln!("nianbao: --previous: {e}");
                return ExitCode::from(ExitStatus::Failed.code());
            }
        },
    };
    let Some(setup) = setup(
        theme_name,
        &format!(
            "`nianbao check`{}`nianbao normalize`",
            crate::i18n::text(crate::i18n::Key::TuiOr)
        ),
    ) else {
        return ExitCode::from(ExitStatus::Failed.code());
    };
    let mut app = App::new(report, file.map(Path::to_path_buf), setup.theme);
    app.key_hints = setup.key_hints;
    if let Some(p) = previous {
        app.set_previous(p);
    }
    if let (Some(p), Some(b)) = (file, bytes.as_deref()) {
        let dir = crate::journal::journal_dir();
        let writer = dir.as_deref().is_some_and(|d| app.take_lock(d, p));
        app.open_files(p, b, dir.as_deref().filter(|_| writer));
    }
    if let Some(w) = setup.warning {
        app.message = Some((w, MessageKind::Error));
    }
    in_terminal(|terminal, signals| {
        loop {
            terminal.draw(|f| view::draw(f, &app))?;
            // Wait for input, looking for SIGTERM / SIGHUP meanwhile, and
            // once more when input is ready: a closed terminal is "ready"
            // (its hang-up), and reading it would never return.
            loop {
                if let Some(sig) = signals.caught() {
                    return Ok(Some(sig));
                }
                if event::poll(signals::CHECK_EVERY)? {
                    break;
                }
            }
            if let Some(sig) = signals.caught() {
                return Ok(Some(sig));
            }
            match event::read()? {
                Event::Key(key) => app.on_key(key),
                Event::Paste(text) => app.on_paste(&text),
                _ => {}
            }
            if app.quit {
                return Ok(None);
            }
        }
    })
}

/// The coordinator's list over many files (a folder, or several files).
pub fn run_list(inputs: &[std::path::PathBuf], theme_name: Option<&str>) -> ExitCode {
    // Folders are read with their subfolders, as `check DIR` reads them.
    let expanded = crate::batch::expand_report(inputs);
    let files = expanded.files;
    if files.is_empty() {
        // Nothing to list: the same message as `check` gives the folder.
        let path = inputs.first().cloned().unwrap_or_default();
        eprintln!(
            "nianbao: {}",
            crate::decode::LoadError::IsDirectory { path }
        );
        return ExitCode::from(ExitStatus::Failed.code());
    }
    let Some(setup) = setup(theme_name, "`nianbao check --summary csv`") else {
        return ExitCode::from(ExitStatus::Failed.code());
    };
    let mut sh = shell::Shell::new(files.clone(), setup.theme);
    sh.key_hints = setup.key_hints;
    // What a folder held besides reports is said on the list's first line
    // (stderr would be hidden behind the screen).
    let skipped = expanded
        .folders
        .iter()
        .find(|f| f.skipped.total() > 0)
        .map(|f| f.describe());
    sh.list.message = setup.warning.or(skipped);
    let rx = shell::spawn_loader(files);
    in_terminal(|terminal, signals| {
        loop {
            if let Some(sig) = signals.caught() {
                return Ok(Some(sig));
            }
            sh.drain(&rx);
            if sh.take_redraw() {
                terminal.draw(|f| sh.draw(f))?;
            }
            // Poll, so rows appear while files load; idle, only input (or
            // a signal) wakes the loop, and nothing is drawn without it.
            if event::poll(sh.poll_timeout())? {
                // A hung-up terminal polls ready; its SIGHUP is caught by
                // then, and reading it would never return.
                if let Some(sig) = signals.caught() {
                    return Ok(Some(sig));
                }
                sh.on_event(event::read()?);
            }
            if sh.quit {
                return Ok(None);
            }
        }
    })
}

/// What both screens start from: the theme, the key-hint setting, and the
/// first warning about the user's config or theme files.
struct Setup {
    theme: theme::Theme,
    key_hints: bool,
    warning: Option<String>,
}

/// Check for a terminal (before touching it) and read config and theme.
fn setup(theme_name: Option<&str>, headless: &str) -> Option<Setup> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "nianbao: {}",
            crate::tr!(crate::i18n::Key::TuiNeedsTerminal, headless = headless)
        );
        return None;
    }
    let dir = config::config_dir();
    let (cfg, mut warnings) = config::load_config(dir.as_deref());
    let (theme, tw) = theme::load(theme_name.unwrap_or(&cfg.theme), dir.as_deref());
    warnings.extend(tw);
    Some(Setup {
        theme,
        key_hints: cfg.key_hints,
        warning: warnings.into_iter().next(),
    })
}

/// Run a screen in the terminal: `ratatui::init` (which also restores the
/// terminal on panic), the loop, `ratatui::restore`. The screen returns the
/// signal that ended it, if one did (SIGTERM, SIGHUP: see [`signals`]); the
/// terminal is restored all the same and the exit status is 128 + signo.
fn in_terminal(
    screen: impl FnOnce(
        &mut ratatui::DefaultTerminal,
        &signals::Signals,
    ) -> std::io::Result<Option<i32>>,
) -> ExitCode {
    let signals = signals::Signals::catch();
    let mut terminal = ratatui::init();
    // Pasted text arrives whole (a tab-separated row fills cells).
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::EnableBracketedPaste
    );
    let result = screen(&mut terminal, &signals);
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
    match result {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(sig)) => ExitCode::from(signals::exit_status(sig)),
        Err(e) => {
            eprintln!(
                "nianbao: {}",
                crate::tr!(
                    crate::i18n::Key::TuiTerminalError,
                    error = crate::i18n::IoReason(&e)
                )
            );
            ExitCode::from(ExitStatus::Failed.code())
        }
    }
}

#[cfg(test)]
mod tests;
