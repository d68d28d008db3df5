//! Write a corpus of generated reports for benchmarks and scaling tests:
//! random but consistent numbers, all table layouts, about a fifth broken.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Write N generated annual reports (varied values and layouts, some broken)
/// into a folder.
#[derive(Debug, Parser)]
#[command(name = "nianbao-corpus", version)]
struct Args {
    /// How many reports to write.
    count: u64,
    /// Folder to write them into (created if missing).
    dir: PathBuf,
    /// Seed: the same seed gives the same corpus.
    #[arg(long, default_value_t = 2024)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Err(e) = std::fs::create_dir_all(&args.dir) {
        eprintln!("nianbao-corpus: cannot create {}: {e}", args.dir.display());
        return ExitCode::from(2);
    }
    let width = args.count.to_string().len().max(5);
    let mut bytes = 0usize;
    let mut broken = 0u64;
    for i in 0..args.count {
        let g = nianbao::corpus::generate(args.seed, i);
        broken += u64::from(g.broken);
        bytes += g.text.len();
        let path = args.dir.join(format!("report-{i:0width$}.txt"));
        if let Err(e) = std::fs::write(&path, g.text) {
            eprintln!("nianbao-corpus: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    eprintln!(
        "nianbao-corpus: wrote {} reports ({} broken, {:.1} MB) to {}",
        args.count,
        broken,
        bytes as f64 / 1e6,
        args.dir.display()
    );
    ExitCode::SUCCESS
}
