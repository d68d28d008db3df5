//! The review TUI.

pub mod config;
pub mod theme;

use std::path::Path;
use std::process::ExitCode;

pub fn run(_file: Option<&Path>, _theme: Option<&str>) -> ExitCode {
    ExitCode::SUCCESS
}
