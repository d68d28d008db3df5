//! The review TUI: state (`app`), keys (`keymap`, `action`), undo
//! (`history`), drawing (`view`), themes and config. It only calls the
//! domain library; the domain never sees the terminal.

pub mod action;
pub mod app;
pub mod config;
pub mod history;
pub mod keymap;
pub mod list;
pub mod shell;
pub mod strings;
pub mod theme;
pub mod view;
pub mod width;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use ratatui::crossterm::event::{self, Event};

use app::{App, MessageKind};

/// The report shown by `nianbao` with no file: a real report with one
/// broken cell, so the tool shows what it does with nothing to hand.
pub const SAMPLE: &str = include_str!("../../sample-reports/variant-single-wrong-cell.txt");

/// Load the report (or the bundled sample), then run the screen.
pub fn run(file: Option<&Path>, theme_name: Option<&str>, previous: Option<&Path>) -> ExitCode {
    let (report, bytes) = match file {
        Some(p) => match crate::load_with_bytes(p) {
            Ok((r, b)) => (r, Some(b)),
            Err(e) => {
                eprintln!("nianbao: {e}");
                return ExitCode::from(2);
            }
        },
        None => (crate::parse::parse(SAMPLE, "UTF-8"), None),
    };
    let previous = match previous.map(crate::load).transpose() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("nianbao: --previous: {e}");
            return ExitCode::from(2);
        }
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "nianbao: the review screen needs a terminal; for pipelines use `nianbao check` or `nianbao normalize`"
        );
        return ExitCode::from(2);
    }
    let dir = config::config_dir();
    let (cfg, mut warnings) = config::load_config(dir.as_deref());
    let (theme, tw) = theme::load(theme_name.unwrap_or(&cfg.theme), dir.as_deref());
    warnings.extend(tw);
    let mut app = App::new(report, file.map(Path::to_path_buf), theme);
    app.key_hints = cfg.key_hints;
    if let Some(p) = previous {
        app.set_previous(p);
    }
    if let (Some(p), Some(b), Some(dir)) = (file, bytes.as_deref(), crate::journal::journal_dir()) {
        app.attach_journal(crate::journal::Journal::new(&dir, p, b));
    }
    if let Some(w) = warnings.first() {
        app.message = Some((w.clone(), MessageKind::Error));
    }

    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &mut app);
    ratatui::restore();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nianbao: terminal error: {e}");
            ExitCode::from(2)
        }
    }
}

/// The coordinator's list over many files (a folder, or several files).
pub fn run_list(inputs: &[std::path::PathBuf], theme_name: Option<&str>) -> ExitCode {
    let files = crate::batch::expand(inputs);
    if files.is_empty() {
        // Nothing to list: the same message as `check` gives the folder.
        let path = inputs.first().cloned().unwrap_or_default();
        eprintln!(
            "nianbao: {}",
            crate::decode::LoadError::IsDirectory { path }
        );
        return ExitCode::from(2);
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "nianbao: the review screen needs a terminal; for pipelines use `nianbao check --summary csv`"
        );
        return ExitCode::from(2);
    }
    let dir = config::config_dir();
    let (cfg, mut warnings) = config::load_config(dir.as_deref());
    let (theme, tw) = theme::load(theme_name.unwrap_or(&cfg.theme), dir.as_deref());
    warnings.extend(tw);
    let mut sh = shell::Shell::new(files.clone(), theme);
    sh.key_hints = cfg.key_hints;
    sh.list.message = warnings.first().cloned();
    let rx = shell::spawn_loader(files);
    let mut terminal = ratatui::init();
    let result = (|| -> std::io::Result<()> {
        loop {
            sh.drain(&rx);
            terminal.draw(|f| sh.draw(f))?;
            // Poll, so rows appear while files load.
            if event::poll(std::time::Duration::from_millis(50))? {
                if let Event::Key(key) = event::read()? {
                    sh.on_key(key);
                }
            }
            if sh.quit {
                return Ok(());
            }
        }
    })();
    ratatui::restore();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nianbao: terminal error: {e}");
            ExitCode::from(2)
        }
    }
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    loop {
        terminal.draw(|f| view::draw(f, app))?;
        match event::read()? {
            Event::Key(key) => app.on_key(key),
            Event::Resize(..) => {}
            _ => {}
        }
        if app.quit {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod list_tests;
#[cfg(test)]
mod tests;
