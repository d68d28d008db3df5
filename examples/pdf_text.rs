//! Print the text nianbao reads from a PDF, each line with its origin:
//! `cargo run --example pdf_text -- report.pdf`.

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: pdf_text FILE.pdf");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            std::process::exit(2);
        }
    };
    match nianbao::ingest::pdf::read(&bytes) {
        Ok(doc) => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            for (line, origin) in doc.text.lines().zip(&doc.origins) {
                // A closed pipe (`| head`) ends the listing quietly.
                if writeln!(out, "{origin:>18} | {}", line.replace('\t', " ⇥ ")).is_err() {
                    return;
                }
            }
        }
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            std::process::exit(2);
        }
    }
}
