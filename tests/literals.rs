//! No user-visible words outside the language catalogue in the headless
//! program: every message it prints on stderr is `nianbao: ` and what the
//! catalogue (or an error type rendered through it) says, and `--help` is
//! filled from the catalogue.

use std::path::Path;

/// Files of the headless program (the review screen's are checked by
/// `screen_words_come_from_the_catalogue`).
const HEADLESS: &[&str] = &[
    "src/cli.rs",
    "src/main.rs",
    "src/usage.rs",
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

/// The review screen's files: every `.rs` under src/tui except the test
/// modules. `theme.rs` and `config.rs` are left out: their warnings come
/// from the catalogue too, but their literals are the configuration's own
/// vocabulary (TOML keys, colour and modifier names, file and variable
/// names), which stays English as the bundled theme files spell it.
fn tui_files() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("src/tui") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                if !p.ends_with("tests") {
                    dirs.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "rs")
                && !p.ends_with("theme.rs")
                && !p.ends_with("config.rs")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The string literals of `code` (comments and `#[cfg(test)]` modules
/// dropped; raw strings are not used in src/tui).
fn string_literals(code: &str) -> Vec<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = Vec::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut chars = line.chars().peekable();
        let mut in_str = false;
        let mut cur = String::new();
        let mut prev = ' ';
        while let Some(c) = chars.next() {
            if in_str {
                match c {
                    '\\' => {
                        cur.push(c);
                        if let Some(n) = chars.next() {
                            cur.push(n);
                        }
                    }
                    '"' => {
                        out.push(std::mem::take(&mut cur));
                        in_str = false;
                    }
                    _ => cur.push(c),
                }
            } else if c == '"' && prev != '\'' {
                in_str = true;
            } else if c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            prev = c;
        }
    }
    out
}

/// Key names a keymap shows as they are (the keys on the keyboard).
const KEY_NAMES: &[&str] = &[
    "PgUp", "PgDn", "Enter", "Esc", "Tab", "S-Tab", "Home", "End", "Del", "BkSp", "Ctrl-r",
];

#[test]
fn screen_words_come_from_the_catalogue() {
    let mut found = Vec::new();
    for file in tui_files() {
        let text = std::fs::read_to_string(&file).expect("read");
        for lit in string_literals(&text) {
            let han = lit.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            // English words: a run of three or more letters outside
            // placeholders, not a key name.
            let mut word = String::new();
            let mut english = false;
            for w in words_of(&lit) {
                if w.chars().count() >= 3 && !KEY_NAMES.iter().any(|k| k.contains(w.as_str())) {
                    english = true;
                    word = w;
                    break;
                }
            }
            if han || english {
                let name = file
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap_or(&file);
                found.push(format!("{}: \"{lit}\" ({word})", name.display()));
            }
        }
    }
    // Names the program uses that are not words to translate: the sample's
    // file name, the program's own name, command lines quoted in messages.
    found.retain(|f| {
        ![
            "nianbao-sample.normalized.txt",
            "variant-single-wrong-cell.txt",
            "`nianbao check",
            "nianbao: {}",
            "nianbao: {e}",
            "nianbao: --previous",
            "\"UTF-8\"",
            // A file-name suffix and a thread's name (for debuggers).
            "\".normalized.txt\"",
            "\"signal-watchdog\"",
        ]
        .iter()
        .any(|ok| f.contains(ok))
    });
    assert!(found.is_empty(), "words outside the catalogue: {found:#?}");
}

/// The runs of letters of `s` outside `{…}` placeholders.
fn words_of(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 && c.is_ascii_alphabetic() => {
                cur.push(c);
                continue;
            }
            _ => {}
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[test]
fn the_screen_check_finds_a_literal() {
    let lits = string_literals("let a = format!(\"Saved {path}\"); // \"note\"\n");
    assert_eq!(lits, ["Saved {path}"]);
    assert_eq!(words_of("Saved {path}"), ["Saved"]);
}

/// Every `.rs` file under `dir` (relative to the crate).
fn rs_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("source dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Whether a format string says something in words: a Chinese character,
/// or a run of three or more ASCII letters, outside its placeholders.
fn says_words(format: &str) -> bool {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let mut depth = 0;
    let mut run = 0;
    for c in format.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 && han(c) => return true,
            c if depth == 0 && c.is_ascii_alphabetic() => {
                run += 1;
                if run >= 3 {
                    return true;
                }
                continue;
            }
            _ => {}
        }
        run = 0;
    }
    false
}

/// The finding messages, the reader's notes and the lines' origins are
/// data (`rules::Message`, `LayoutNote`, `Origin`) rendered through the
/// catalogue: no `format!` in the rules, the parser or the document
/// readers spells out words, Chinese or English. The exceptions build
/// report text, not messages.
#[test]
fn rule_and_parser_messages_come_from_the_catalogue() {
    // Report text the reader rebuilds (a claim's excerpt as the report
    // words it: `未收到…申请`), not a message.
    const REPORT_TEXT: &[&str] = &["未{kw}{clause}"];
    let mut found = Vec::new();
    for file in rs_files("src/rules")
        .into_iter()
        .chain(rs_files("src/parse"))
    {
        let text = std::fs::read_to_string(&file).expect("read");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for lit in first_literals(code, "format!(") {
            if says_words(lit) && !REPORT_TEXT.contains(&lit) {
                let name = file
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap_or(&file);
                found.push(format!("{}: format!(\"{lit}\")", name.display()));
            }
        }
    }
    assert!(found.is_empty(), "words outside the catalogue: {found:#?}");
}

#[test]
fn the_rules_check_finds_a_literal() {
    assert!(says_words("{label}: 未找到此行"));
    assert!(says_words("{row}: row not found"));
    assert!(!says_words("{label} / {col} → {value}"));
    assert!(!says_words("\"{}\""));
}
