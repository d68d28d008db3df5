//! The `nianbao` command: the review TUI, and the headless `check` and
//! `normalize` commands for publishing pipelines.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    cli::run(args)
}

/// mimalloc: the parser makes many small allocations (a line, a cell);
/// measured 10–15 % faster `check` over many files than the system malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
