//! Reliability: atomic saves under a concurrent reader, bad inputs through
//! every entry point of the binary, absurd cells and absurd files through
//! the library, and every encoding and line ending reading the same tables.
//!
//! Nothing here asserts how long anything takes; sizes are kept modest so
//! every test is quick in a debug build (the 51 MB file is sparse).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};

use nianbao::rules::{self, Finding, Rule};
use nianbao::{Report, TableId};

// ------------------------------------------------------------------ helpers

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-reports")
        .join(name)
}

fn sample_text(name: &str) -> String {
    std::fs::read_to_string(sample(name)).unwrap()
}

/// Run the binary with no terminal: stdin null, stdout and stderr piped.
fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run nianbao")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn parse_str(s: &str) -> Report {
    nianbao::parse::parse(s, "UTF-8")
}

/// The three tables (or their absence) of a report.
fn tables(r: &Report) -> [Option<nianbao::Table>; 3] {
    r.tables.clone()
}

/// Replace value cell `col` of the requests row whose line starts with
/// `row_label` (tab-separated: label, an empty label cell, the values).
fn set_request_cell(report: &str, row_label: &str, col: usize, value: &str) -> String {
    let mut hit = false;
    let out: Vec<String> = report
        .lines()
        .map(|l| {
            if l.starts_with(row_label) {
                let mut f: Vec<&str> = l.split('\t').collect();
                assert!(f.len() > col + 2, "{l}");
                f[col + 2] = value;
                hit = true;
                f.join("\t")
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(hit, "no row {row_label}");
    out.join("\n") + "\n"
}

/// Replace the whole line that starts with `prefix`.
fn replace_line(report: &str, prefix: &str, with: &str) -> String {
    let mut hit = false;
    let out: Vec<&str> = report
        .lines()
        .map(|l| {
            if l.starts_with(prefix) && !hit {
                hit = true;
                with
            } else {
                l
            }
        })
        .collect();
    assert!(hit, "no line {prefix}");
    out.join("\n") + "\n"
}

const NEW: &str = "一、本年新收政府信息公开申请数量";
const CARRIED: &str = "二、上年结转政府信息公开申请数量";
const CLEAN: &str = "variant-nonzero-clean.txt";

fn findings_of(report: &Report) -> Vec<Finding> {
    rules::check(report)
}

#[track_caller]
fn assert_invalid_at(findings: &[Finding], row: usize, col: usize) {
    assert!(
        findings.iter().any(|f| f.rule == Rule::CellInvalid
            && f.table == Some(TableId::Requests)
            && f.row == Some(row)
            && f.column == Some(col)),
        "no cell.invalid at requests ({row},{col}): {findings:#?}"
    );
    for f in findings {
        assert!(
            f.message.to_string().chars().count() < 300,
            "long message: {f:?}"
        );
    }
}

// ------------------------------------------------------------------ atomic save

/// A writer alternates two full normalized reports with `write_atomic`
/// while a reader reads the target in a loop: every read is one of the two,
/// whole; no temporary file is left.
#[test]
fn atomic_save_never_shows_a_partial_file() {
    let a = nianbao::normalize::normalize(&nianbao::load(&sample(CLEAN)).unwrap());
    let b = nianbao::normalize::normalize(
        &nianbao::load(&sample("variant-single-wrong-cell.txt")).unwrap(),
    );
    assert_ne!(a, b);
    let report_a = parse_str(&a);
    let report_b = parse_str(&b);

    // On tmpfs when there is one: the renames are as atomic there, and the
    // fsyncs of `write_atomic` cost nothing, so the test stays quick on a
    // slow or busy disk.
    let dir = tempfile::Builder::new()
        .prefix("nianbao-atomic")
        .tempdir_in("/dev/shm")
        .or_else(|_| tempfile::tempdir())
        .unwrap();
    let target = dir.path().join("out.normalized.txt");
    nianbao::save::write_atomic(&target, a.as_bytes()).unwrap();

    let done = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let start = Arc::new(Barrier::new(2));
    let reader = {
        let (target, done, start) = (target.clone(), done.clone(), start.clone());
        let reads = reads.clone();
        let (a, b) = (a.clone(), b.clone());
        let (ta, tb) = (tables(&report_a), tables(&report_b));
        std::thread::spawn(move || {
            start.wait();
            let (mut seen_a, mut seen_b) = (0usize, 0usize);
            loop {
                // Read once more after the writer is done.
                let last = done.load(Ordering::SeqCst);
                let bytes = std::fs::read(&target).expect("the target always exists");
                let s = std::str::from_utf8(&bytes).expect("whole UTF-8");
                assert!(!s.is_empty(), "empty read");
                let parsed = parse_str(s);
                if s == a {
                    assert_eq!(tables(&parsed), ta);
                    seen_a += 1;
                } else if s == b {
                    assert_eq!(tables(&parsed), tb);
                    seen_b += 1;
                } else {
                    panic!(
                        "read {} bytes that are neither version ({} / {} bytes)",
                        s.len(),
                        a.len(),
                        b.len()
                    );
                }
                reads.fetch_add(1, Ordering::SeqCst);
                if last {
                    return (seen_a, seen_b);
                }
            }
        })
    };

    // At least 300 writes (B, A, B, A, …), and on until the reader has read
    // 100 times while they go on (on tmpfs the writes outrun the parses).
    start.wait();
    let mut writes = 0usize;
    while writes < 300
        || (reads.load(Ordering::SeqCst) < 100 && !reader.is_finished() && writes < 200_000)
    {
        nianbao::save::write_atomic(&target, b.as_bytes()).unwrap();
        nianbao::save::write_atomic(&target, a.as_bytes()).unwrap();
        writes += 2;
    }
    done.store(true, Ordering::SeqCst);
    let (seen_a, seen_b) = reader.join().expect("the reader saw only whole files");
    let reads = reads.load(Ordering::SeqCst);
    eprintln!("atomic save: {writes} writes, {reads} reads ({seen_a} of A, {seen_b} of B)");
    // The last write was A.
    assert_eq!(std::fs::read(&target).unwrap(), a.as_bytes());

    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["out.normalized.txt"], "temporary files left");
}

// ------------------------------------------------------------------ bad inputs

/// Deterministic noise (xorshift), with NULs in it.
fn noise(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut v: Vec<u8> = (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    for i in (0..n).step_by(97) {
        v[i] = 0;
    }
    v
}

fn png_header() -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    v.extend_from_slice(&[0, 0, 0, 13]);
    v.extend_from_slice(b"IHDR");
    v.extend_from_slice(&[0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0]);
    v.extend_from_slice(&[0x1f, 0xf3, 0xff, 0x61]);
    v
}

fn elf_header() -> Vec<u8> {
    let mut v = vec![0x7f, b'E', b'L', b'F', 2, 1, 1, 0];
    v.extend_from_slice(&[0; 8]);
    v.extend_from_slice(&[2, 0, 0x3e, 0, 1, 0, 0, 0]);
    v.resize(64, 0);
    v
}

/// Whether the current user can read a file that has mode 000 (root can).
#[cfg(unix)]
fn make_unreadable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::read(p).is_err()
}

#[cfg(not(unix))]
fn make_unreadable(_: &Path) -> bool {
    false
}

/// One bad input through `check --format text`, `normalize` and the TUI
/// entry: exit 2, one stderr line naming the path, nothing on stdout, no
/// panic, no output file; the same reason from all three.
#[track_caller]
fn assert_bad_input(what: &str, path: &Path, must_mention: &[&str]) -> String {
    let shown = path.display().to_string();
    let p = path.as_os_str();
    let check = run(&["check".as_ref(), "--format".as_ref(), "text".as_ref(), p]);
    let normalize = run(&["normalize".as_ref(), p]);
    let tui = run(&[p]);
    let mut reason = String::new();
    for (cmd, o) in [("check", &check), ("normalize", &normalize), ("tui", &tui)] {
        let err = text(&o.stderr);
        let out = text(&o.stdout);
        let ctx = format!("{what} / {cmd}: stdout {out:?} stderr {err:?}");
        assert_eq!(o.status.code(), Some(2), "{ctx}");
        assert_eq!(err.lines().count(), 1, "{ctx}");
        assert!(err.ends_with('\n'), "{ctx}");
        assert!(err.starts_with("nianbao: "), "{ctx}");
        assert!(err.contains(&shown), "names the path: {ctx}");
        assert!(!err.contains("panicked"), "{ctx}");
        assert!(out.is_empty(), "nothing on stdout: {ctx}");
        for m in must_mention {
            assert!(err.contains(m), "mentions {m:?}: {ctx}");
        }
        if reason.is_empty() {
            reason = err.trim_end().to_string();
        } else {
            assert_eq!(reason, err.trim_end(), "same reason everywhere: {ctx}");
        }
    }
    // normalize wrote nothing beside a bad input.
    let out = nianbao::normalize::default_output(path);
    assert!(!out.exists(), "{what}: {} written", out.display());
    eprintln!("{what} → exit 2, {reason}");
    reason
}

#[test]
fn bad_inputs_exit_2_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    assert_bad_input("missing file", &d.join("missing.txt"), &["文件不存在"]);

    // A folder without reports: `check` and the list say none were found
    // in it, `normalize` (one file) that it is a folder; exit 2, one line.
    let sub = d.join("a-folder.txt");
    std::fs::create_dir(&sub).unwrap();
    let shown = sub.display().to_string();
    for (args, says) in [
        (
            vec!["check".as_ref(), sub.as_os_str()],
            "中没有找到报告文件",
        ),
        (vec![sub.as_os_str()], "中没有找到报告文件"),
        (vec!["normalize".as_ref(), sub.as_os_str()], "是文件夹"),
    ] {
        let o = run(&args);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains(&shown) && err.contains(says),
            "{args:?}: {err}"
        );
        assert!(o.stdout.is_empty(), "{args:?}");
    }

    let locked = d.join("locked.txt");
    std::fs::copy(sample(CLEAN), &locked).unwrap();
    if make_unreadable(&locked) {
        assert_bad_input("no read permission", &locked, &["没有读取权限"]);
    } else {
        eprintln!("no read permission → skipped: this user (root?) can read a mode-000 file");
    }

    let cases: Vec<(&str, &str, Vec<u8>, &[&str])> = vec![
        ("empty file", "empty.txt", Vec::new(), &["空的"]),
        (
            "whitespace only",
            "blank.txt",
            b" \n\t\r\n\x0c  \n\xe3\x80\x80\n".to_vec(),
            &["空的"],
        ),
        (
            "random bytes with NULs",
            "noise.txt",
            noise(4096),
            &["二进制"],
        ),
        ("PNG header", "image.txt", png_header(), &["二进制"]),
        ("ELF header", "program.txt", elf_header(), &["二进制"]),
    ];
    for (what, name, bytes, mention) in cases {
        let p = d.join(name);
        std::fs::write(&p, &bytes).unwrap();
        assert_bad_input(what, &p, mention);
    }

    // Over the limit: a sparse file, so it costs nothing to make.
    let big = d.join("huge.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(51 * 1024 * 1024)
        .unwrap();
    assert_bad_input("51 MB (sparse)", &big, &["50 MB"]);
}

/// A device or a pipe has no size up front and may never end: it is refused
/// for what it is before anything is read (the 50 MB limit still holds
/// while reading a regular file that grows). The binary runs under a 1 GB
/// address-space limit (`ulimit -v`), so this test is safe either way.
#[cfg(unix)]
#[test]
fn an_endless_stream_is_refused_before_reading() {
    let limited = |args: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v 1000000 && exec '{}' {args}",
                env!("CARGO_BIN_EXE_nianbao")
            ))
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run sh")
    };
    if !Command::new("sh")
        .args(["-c", "ulimit -v 1000000"])
        .status()
        .is_ok_and(|s| s.success())
        || !Path::new("/dev/zero").exists()
    {
        eprintln!("skipping: no ulimit -v or no /dev/zero here");
        return;
    }
    // `-o -`: nothing is written anywhere, whatever happens.
    for args in ["normalize /dev/zero -o -", "/dev/zero"] {
        let o = limited(args);
        let err = text(&o.stderr);
        eprintln!(
            "/dev/zero ({args}) → exit {:?}, {}",
            o.status.code(),
            err.trim_end()
        );
        assert_eq!(o.status.code(), Some(2), "{args}: {err}");
        assert_eq!(err.lines().count(), 1, "{args}: {err}");
        assert!(err.contains("/dev/zero"), "{args}: {err}");
        // A device is refused for what it is, before anything is read.
        assert!(err.contains("是设备"), "{args}: {err:?}");
        assert!(o.stdout.is_empty(), "{args}");
    }
}

/// With no terminal, the TUI entry on a good file says so and exits 2
/// without writing anything to stdout (no escape sequences).
#[test]
fn tui_without_a_terminal_exits_2_untouched() {
    let o = run(&[sample(CLEAN).as_os_str()]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("审阅界面需要终端"), "{err}");
    assert!(o.stdout.is_empty(), "{:?}", text(&o.stdout));
    eprintln!(
        "good file, TUI without a terminal → exit 2, {}",
        err.trim_end()
    );
}

/// Text without tables: exit 1 and the three tables reported missing.
#[test]
fn prose_without_tables_is_three_missing_tables() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("prose.txt");
    std::fs::write(
        &p,
        "本机关2023年认真贯彻落实《中华人民共和国政府信息公开条例》，\
         持续加强政务公开工作，各项工作有序推进。\n",
    )
    .unwrap();
    let o = run(&["check".as_ref(), p.as_os_str()]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    let missing = out
        .lines()
        .filter(|l| l.contains("error[table.missing]"))
        .count();
    assert_eq!(missing, 3, "{out}");
    assert!(o.stderr.is_empty(), "{}", text(&o.stderr));
    eprintln!("prose without tables → exit 1, 3 × table.missing");
}

/// One unreadable file among good ones: exit 2, the good one still checked.
#[test]
fn a_missing_file_does_not_hide_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::copy(sample(CLEAN), &good).unwrap();
    let missing = dir.path().join("missing.txt");
    let o = run(&["check".as_ref(), good.as_os_str(), missing.as_os_str()]);
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(2), "{out}{err}");
    assert!(
        out.lines()
            .any(|l| l.starts_with(&format!("{}：0 个错误，0 个警告", good.display()))),
        "{out}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&missing.display().to_string()), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    eprintln!("check good.txt missing.txt → exit 2, {}", err.trim_end());
}

// ------------------------------------------------------------------ absurd cells

#[test]
fn absurd_numbers_are_invalid_cells() {
    let clean = sample_text(CLEAN);
    let before = findings_of(&parse_str(&clean));
    assert!(
        !before.iter().any(|f| f.rule == Rule::CellInvalid),
        "{before:#?}"
    );
    let forty = "1234567890".repeat(4);
    for (what, row, label, col, value) in [
        ("40 digits", 0, NEW, 0, forty.as_str()),
        ("-0", 0, NEW, 1, "-0"),
        ("+5", 1, CARRIED, 1, "+5"),
        (
            "16 full-width digits",
            1,
            CARRIED,
            0,
            "１２３４５６７８９０１２３４５６",
        ),
        ("1,2,3", 0, NEW, 6, "1,2,3"),
    ] {
        let report = parse_str(&set_request_cell(&clean, label, col, value));
        let findings = findings_of(&report);
        assert_invalid_at(&findings, row, col);
        let cell = report
            .table(TableId::Requests)
            .unwrap()
            .cell(row, col)
            .unwrap();
        assert_eq!(cell.count(), None, "{what}: {cell:?}");
        eprintln!("{what} in requests ({row},{col}) → cell.invalid");
    }
}

/// The 40-digit cell through the binary: exit 1, a finding, no overflow.
#[test]
fn forty_digit_cell_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("forty.txt");
    let forty = "9".repeat(40);
    std::fs::write(&p, set_request_cell(&sample_text(CLEAN), NEW, 0, &forty)).unwrap();
    let o = run(&["check".as_ref(), p.as_os_str()]);
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(
        out.lines()
            .any(|l| l.contains("error[cell.invalid]") && l.ends_with("(requests r0 c0)")),
        "{out}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let o = run(&[
        "normalize".as_ref(),
        p.as_os_str(),
        "-o".as_ref(),
        "-".as_ref(),
    ]);
    // Like `check`: the invalid cell is an error finding.
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains(&forty), "the raw text is kept");
}

#[test]
fn a_100k_character_cell_and_line_inside_the_table() {
    let clean = sample_text(CLEAN);
    let huge = "8".repeat(100_000);
    let findings = findings_of(&parse_str(&set_request_cell(&clean, NEW, 1, &huge)));
    assert_invalid_at(&findings, 0, 1);

    // A 100 000-character prose line between rows 一 and 二.
    let clean_report = parse_str(&clean);
    let line = "说明".repeat(50_000);
    let with_line = clean.replacen(&format!("\n{CARRIED}"), &format!("\n{line}\n{CARRIED}"), 1);
    assert_ne!(with_line, clean);
    let report = parse_str(&with_line);
    let req = report.table(TableId::Requests).expect("requests table");
    let clean_req = clean_report.table(TableId::Requests).unwrap();
    for r in 0..clean_req.rows.len() {
        for c in 0..clean_req.rows[r].cells.len() {
            assert_eq!(req.count(r, c), clean_req.count(r, c), "({r},{c})");
        }
    }
    for f in findings_of(&report) {
        assert!(f.message.to_string().chars().count() < 300, "{f:?}");
    }
}

#[test]
fn a_row_of_10000_cells_gives_a_short_layout_warning() {
    let clean = sample_text(CLEAN);
    let cells = vec!["1"; 10_000].join("\t");
    let report = parse_str(&replace_line(&clean, NEW, &format!("{NEW}\t\t{cells}")));
    let findings = findings_of(&report);
    let layout: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule == Rule::TableLayout && f.row == Some(0))
        .collect();
    assert_eq!(layout.len(), 1, "{findings:#?}");
    let n = layout[0].message.to_string().chars().count();
    eprintln!(
        "10 000-cell row → table.layout, message of {n} chars: {}",
        layout[0]
            .message
            .to_string()
            .chars()
            .take(120)
            .collect::<String>()
    );
    assert!(n < 300, "table.layout message is {n} characters long");
}

// ------------------------------------------------------------------ absurd files

#[test]
fn a_1mb_line_without_newline() {
    let clean = sample_text(CLEAN);
    let clean_report = parse_str(&clean);
    let dir = tempfile::tempdir().unwrap();

    // Alone: a file that is one 1 MB line.
    let p = dir.path().join("one-line.txt");
    std::fs::write(&p, "政".repeat(350_000)).unwrap();
    let report = nianbao::load(&p).unwrap();
    let findings = findings_of(&report);
    assert_eq!(
        findings
            .iter()
            .filter(|f| f.rule == Rule::TableMissing)
            .count(),
        3,
        "{findings:#?}"
    );

    // After a report: the tables are as before.
    let p = dir.path().join("tail.txt");
    let mut s = clean.clone();
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s.push_str(&"务".repeat(350_000));
    std::fs::write(&p, &s).unwrap();
    let report = nianbao::load(&p).unwrap();
    assert_eq!(tables(&report), tables(&clean_report));
}

#[test]
fn two_hundred_thousand_short_lines() {
    let clean = sample_text(CLEAN);
    let clean_report = parse_str(&clean);
    let mut s = clean.clone();
    if !s.ends_with('\n') {
        s.push('\n');
    }
    for i in 0..200_000 {
        s.push_str(if i % 2 == 0 { "附\n" } else { "x\n" });
    }
    let report = parse_str(&s);
    assert_eq!(report.lines.len(), clean_report.lines.len() + 200_000);
    assert_eq!(tables(&report), tables(&clean_report));
    assert_eq!(findings_of(&report), findings_of(&clean_report));
}

#[test]
fn cr_only_line_endings_read_like_lf() {
    let clean = sample_text(CLEAN);
    assert!(!clean.contains('\r'));
    let dir = tempfile::tempdir().unwrap();
    let lf = dir.path().join("lf.txt");
    let cr = dir.path().join("cr.txt");
    std::fs::write(&lf, &clean).unwrap();
    std::fs::write(&cr, clean.replace('\n', "\r")).unwrap();
    let a = nianbao::load(&lf).unwrap();
    let b = nianbao::load(&cr).unwrap();
    assert_eq!(a.lines, b.lines);
    assert_eq!(tables(&a), tables(&b));
    assert_eq!(findings_of(&a), findings_of(&b));
}

#[test]
fn utf16be_bom_and_gb18030_read_like_utf8() {
    let clean = sample_text(CLEAN);
    let utf8 = nianbao::load(&sample(CLEAN)).unwrap();
    let dir = tempfile::tempdir().unwrap();

    let p = dir.path().join("utf16be.txt");
    let mut bytes = vec![0xFE, 0xFF];
    for u in clean.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    std::fs::write(&p, &bytes).unwrap();
    let be = nianbao::load(&p).unwrap();
    assert_eq!(be.encoding, "UTF-16BE");
    assert_eq!(be.lines, utf8.lines);
    assert_eq!(tables(&be), tables(&utf8));

    let gbk_path = sample("variant-gbk.txt");
    let raw = std::fs::read(&gbk_path).unwrap();
    assert!(std::str::from_utf8(&raw).is_err(), "really not UTF-8");
    assert!(!raw.starts_with(&[0xEF, 0xBB, 0xBF]), "no BOM");
    let gbk = nianbao::load(&gbk_path).unwrap();
    assert_eq!(gbk.encoding, "gb18030");
    assert_eq!(gbk.lines, utf8.lines);
    assert_eq!(tables(&gbk), tables(&utf8));
}
