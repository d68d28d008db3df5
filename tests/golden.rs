//! The machine contract does not drift: `check --format json` on every bundled
//! sample (text, Word, web, PDF) is compared byte for byte with `tests/golden/`.
//!
//! A deliberate change of behaviour (a layout now read, a new finding) updates
//! the files with `NIANBAO_UPDATE_GOLDEN=1 cargo test --test golden`, and the
//! diff of `tests/golden/` in the commit shows exactly what changed.

use std::path::PathBuf;

mod common;
use common::bin::{manifest_dir, run};

fn samples() -> Vec<String> {
    let mut out = Vec::new();
    let mut dirs = vec!["", "docx", "html"];
    // PDFs are read only with the `pdf` feature (on by default).
    if cfg!(feature = "pdf") {
        dirs.push("pdf");
    }
    for dir in dirs {
        let full = manifest_dir().join("sample-reports").join(dir);
        for entry in std::fs::read_dir(&full).expect("sample-reports") {
            let path = entry.expect("entry").path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(ext, "txt" | "docx" | "html" | "htm" | "pdf") {
                let rel = path
                    .strip_prefix(manifest_dir())
                    .expect("under the crate")
                    .to_string_lossy()
                    .into_owned();
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

fn golden_path(sample: &str) -> PathBuf {
    let name = sample
        .trim_start_matches("sample-reports/")
        .replace('/', "__");
    manifest_dir()
        .join("tests/golden")
        .join(format!("{name}.json"))
}

#[test]
fn check_json_is_byte_identical_to_the_golden_files() {
    let update = std::env::var_os("NIANBAO_UPDATE_GOLDEN").is_some();
    let mut drift = Vec::new();
    let samples = samples();
    assert!(samples.len() >= 30, "samples: {samples:?}");
    for sample in &samples {
        let out = run(&["check", "--format", "json", sample]);
        let code = out.status.code().expect("exit code");
        let actual = format!(
            "{}\n// exit {code}\n",
            String::from_utf8(out.stdout)
                .expect("UTF-8 JSON")
                .trim_end()
        );
        let path = golden_path(sample);
        if update {
            std::fs::write(&path, &actual).expect("write golden");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == actual => {}
            Ok(_) => drift.push(format!("{sample}: differs from {}", path.display())),
            Err(_) => drift.push(format!("{sample}: no golden file {}", path.display())),
        }
    }
    assert!(
        drift.is_empty(),
        "check --format json drifted (NIANBAO_UPDATE_GOLDEN=1 to accept):\n{}",
        drift.join("\n")
    );
}
