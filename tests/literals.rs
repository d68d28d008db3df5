//! No user-visible words outside the language catalogue in the headless
//! program: every message it prints on stderr is `nianbao: ` and what the
//! catalogue (or an error type rendered through it) says, and `--help` is
//! filled from the catalogue.

use std::path::Path;

/// Files of the headless program (the review screen's strings are not in
/// the catalogue yet).
const HEADLESS: &[&str] = &[
    "src/cli.rs",
    "src/main.rs",
    "src/output.rs",
    "src/batch.rs",
    "src/workbook.rs",
    "src/decode.rs",
    "src/save.rs",
    "src/service.rs",
];

/// The string literals passed to `macro!(` in `code`.
fn first_literals<'a>(code: &'a str, mac: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices(mac) {
        let rest = code[at + mac.len()..].trim_start();
        if let Some(lit) = rest.strip_prefix('"') {
            if let Some(end) = lit.find('"') {
                out.push(&lit[..end]);
            }
        }
    }
    out
}

/// What a format string says once its placeholders and the program name
/// are taken out: nothing but punctuation and spaces is allowed.
fn words(format: &str) -> String {
    let mut s = String::new();
    let mut depth = 0;
    for c in format.replace("nianbao: ", "").chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 && (c.is_alphanumeric()) => s.push(c),
            _ => {}
        }
    }
    s
}

#[test]
fn headless_messages_come_from_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for file in HEADLESS {
        let text = std::fs::read_to_string(root.join(file)).expect(file);
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for mac in ["eprintln!(", "println!(", "eprint!(", "#[error("] {
            for lit in first_literals(code, mac) {
                if !words(lit).is_empty() {
                    found.push(format!("{file}: {mac}\"{lit}\""));
                }
            }
        }
        // clap's words: about and help only from the catalogue.
        for mac in [".help(", ".about(", ".after_help("] {
            for lit in first_literals(code, mac) {
                found.push(format!("{file}: {mac}\"{lit}\""));
            }
        }
    }
    assert!(found.is_empty(), "words outside the catalogue: {found:#?}");
}

#[test]
fn the_check_finds_a_literal() {
    assert_eq!(words("nianbao: {} wrote {path}"), "wrote");
    assert_eq!(words("nianbao: {}"), "");
    assert_eq!(
        first_literals("eprintln!(\"a {x}\", y)", "eprintln!("),
        ["a {x}"]
    );
}
