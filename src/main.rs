//! The `nianbao` command: the review TUI, and the headless `check` and
//! `normalize` commands for publishing pipelines.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    cli::run(args)
}
