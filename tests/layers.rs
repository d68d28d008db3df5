//! The dependency order of `src/lib.rs` holds: no module uses a module of a
//! later layer (outside its tests), and the domain never names the terminal
//! crates.

use std::path::{Path, PathBuf};

/// The layers of `src/lib.rs`, lowest first.
const LAYERS: &[(&str, usize)] = &[
    ("template", 1),
    ("i18n", 1),
    ("model", 2),
    ("cell", 2),
    ("decode", 3),
    ("ingest", 3),
    ("parse", 4),
    ("load", 5),
    ("rules", 6),
    ("normalize", 7),
    ("output", 7),
    ("save", 7),
    ("journal", 7),
    ("lock", 7),
    ("dirs", 7),
    ("batch", 8),
    ("workbook", 8),
    ("service", 9),
    ("tui", 10),
    ("corpus", 10),
];

fn layer(name: &str) -> Option<usize> {
    let name = match name {
        "Report" | "Block" | "Cell" | "Row" | "Section" | "Table" => "model",
        "TableId" | "SectionKind" => "template",
        "load_with_bytes" => "load",
        other => other,
    };
    LAYERS.iter().find(|(n, _)| *n == name).map(|&(_, l)| l)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_uses_a_later_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).expect("under src");
        let top = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|s| s.trim_end_matches(".rs"))
            .unwrap_or("");
        let Some(own) = layer(top) else {
            continue; // lib.rs, main.rs, cli.rs, bin/
        };
        let text = std::fs::read_to_string(file).expect("read");
        // Only the code: a module's tests may use anything.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + 7..];
            // `crate::a::…`, or the heads of a group `crate::{a::…, b}`.
            let names: Vec<String> = match rest.strip_prefix('{') {
                Some(group) => group
                    .split('}')
                    .next()
                    .unwrap_or("")
                    .split(',')
                    .map(|n| n.trim().split("::").next().unwrap_or("").to_string())
                    .collect(),
                None => vec![
                    rest.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect(),
                ],
            };
            for name in names {
                if let Some(l) = layer(&name)
                    && l > own
                {
                    wrong.push(format!("{}: uses crate::{name}", rel.display()));
                }
            }
        }
        if own < 10 && (code.contains("ratatui") || code.contains("crossterm")) {
            wrong.push(format!("{}: names the terminal crates", rel.display()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(files.len() > 20, "{files:?}");
}
