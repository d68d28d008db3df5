//! PDF input: the PDFs of `sample-reports/pdf/` (made by
//! `sample-reports/pdf/make_pdfs.py`: LibreOffice exports of the Word
//! samples, reportlab reports in the non-embedded Adobe font STSong-Light)
//! read as the same tables and findings as their Word or text originals;
//! encrypted and scanned PDFs are one-line errors (exit 2); hostile PDFs
//! generated here (thousands of pages, forms nested without end, a zlib
//! bomb, an operator flood) end in an error or a result, never a hang.
#![cfg(feature = "pdf")]

use std::io::Write;

use nianbao::cell::CellValue;
use nianbao::ingest::pdf::{self, PdfError};
use nianbao::{Origin, Report, TableId};
use serde_json::Value;

mod common;
use common::bin::{assert_code, run, sample, stderr, stdout};

/// A PDF and the original it must read like.
const PAIRS: [(&str, &str); 4] = [
    (
        "pdf/variant-nonzero-clean.pdf",
        "docx/variant-nonzero-clean.docx",
    ),
    (
        "pdf/variant-row-total-broken.pdf",
        "docx/variant-row-total-broken.docx",
    ),
    ("pdf/stsong-nonzero-clean.pdf", "variant-nonzero-clean.txt"),
    ("pdf/stsong-owner-password.pdf", "variant-nonzero-clean.txt"),
];

fn load(rel: &str) -> Report {
    nianbao::load(&sample(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn grid(report: &Report, id: TableId) -> Vec<Vec<CellValue>> {
    report
        .table(id)
        .unwrap_or_else(|| panic!("table {} not found", id.id()))
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.value.clone()).collect())
        .collect()
}

/// `check --format json` of one file, without what names the file or a
/// place in it (path, encoding, line, origin) and without the labels as
/// printed: the cells and the findings.
fn checked(rel: &str) -> (Value, Value, i32) {
    let out = run(&[
        "check",
        "--format",
        "json",
        &format!("sample-reports/{rel}"),
    ]);
    let code = out.status.code().expect("exit code");
    let json: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let report = &json["reports"][0];
    let mut tables = report["tables"].clone();
    for (_, table) in tables.as_object_mut().expect("tables").iter_mut() {
        if let Some(rows) = table.get_mut("rows").and_then(Value::as_array_mut) {
            for row in rows {
                if let Some(r) = row.as_object_mut() {
                    r.remove("label");
                }
            }
        }
    }
    let mut findings = report["findings"].clone();
    for f in findings.as_array_mut().expect("findings") {
        let f = f.as_object_mut().expect("finding");
        f.remove("line");
        f.remove("origin");
    }
    (tables, findings, code)
}

// ------------------------------------------------------ cells and findings

#[test]
fn pdfs_check_exactly_like_their_originals() {
    for (pdf, original) in PAIRS {
        let (want_tables, want_findings, want_code) = checked(original);
        let (tables, findings, code) = checked(pdf);
        assert_eq!(tables, want_tables, "{pdf}: tables");
        assert_eq!(findings, want_findings, "{pdf}: findings");
        assert_eq!(code, want_code, "{pdf}: exit code");
    }
    // The broken one really is broken: the comparison is not of two nothings.
    let (_, findings, code) = checked("pdf/variant-row-total-broken.pdf");
    assert_eq!(code, 1);
    let rules: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(rules.contains(&"requests.row-total"), "{rules:?}");
    assert!(rules.contains(&"narrative.mismatch"), "{rules:?}");
}

#[test]
fn every_cell_of_every_pdf_is_read() {
    for (pdf, original) in PAIRS {
        let want = load(original);
        let got = load(pdf);
        assert_eq!(got.encoding, "PDF", "{pdf}");
        for id in TableId::ALL {
            let (g, w) = (grid(&got, id), grid(&want, id));
            assert_eq!(g.len(), w.len(), "{pdf} {}", id.id());
            for (r, (gr, wr)) in g.iter().zip(&w).enumerate() {
                assert_eq!(gr, wr, "{pdf} {} row {r}", id.id());
            }
            for (r, row) in got.table(id).unwrap().rows.iter().enumerate() {
                assert!(row.found, "{pdf} {} row {r} not found", id.id());
                assert!(row.layout.is_none(), "{pdf} {} row {r}: layout", id.id());
            }
        }
    }
    // Independent of any parser: figures of the clean sample.
    let r = load("pdf/stsong-nonzero-clean.pdf");
    let req = r.table(TableId::Requests).unwrap();
    let row = |i: usize| -> Vec<Option<i64>> { (0..7).map(|c| req.count(i, c)).collect() };
    assert_eq!(row(0), [20, 4, 0, 1, 0, 0, 25].map(Some).to_vec());
    assert_eq!(row(20), [0, 1, 0, 0, 0, 0, 1].map(Some).to_vec());
    assert_eq!(
        r.table(TableId::Active).unwrap().rows[5].cells[0].value,
        CellValue::Amount(1.25)
    );
}

#[test]
fn findings_name_the_page_and_line() {
    let out = run(&["check", "sample-reports/pdf/variant-row-total-broken.pdf"]);
    assert_code(&out, 1);
    let text = stdout(&out);
    let row_total = text
        .lines()
        .find(|l| l.contains("requests.row-total"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        row_total.starts_with("sample-reports/pdf/variant-row-total-broken.pdf (第 3 页第 "),
        "{row_total}"
    );
    assert!(text.contains("（按 PDF 读取）"), "{text}");
    // Every text line has its origin, and the lines of the requests table
    // run on across the page break of the STSong report.
    let bytes = std::fs::read(sample("pdf/stsong-nonzero-clean.pdf")).unwrap();
    let doc = pdf::read(&bytes).unwrap();
    assert_eq!(doc.text.lines().count(), doc.origins.len());
    let origin_of = |needle: &str| {
        doc.text
            .lines()
            .position(|l| l.contains(needle))
            .map(|i| doc.origins[i].machine())
            .unwrap_or_else(|| panic!("{needle}"))
    };
    assert!(origin_of("1.属于国家秘密").starts_with("page 2 "));
    assert!(origin_of("（七）总计").starts_with("page 3 "));
    // Footers and the vertical group label are not text lines.
    for gone in ["- 1 -", "第 2 页", "— 3 —"] {
        assert!(!doc.text.contains(gone), "{gone}");
    }
    assert!(
        !doc.text.lines().any(|l| l.trim() == "三"),
        "vertical label"
    );
}

// ------------------------------------------------------------- unreadable

#[test]
fn unreadable_pdfs_exit_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let not_pdf = dir.path().join("not-a-pdf.pdf");
    std::fs::write(&not_pdf, "一、总体情况\n").unwrap();
    let truncated = dir.path().join("truncated.pdf");
    let whole = std::fs::read(sample("pdf/stsong-nonzero-clean.pdf")).unwrap();
    std::fs::write(&truncated, &whole[..whole.len() / 3]).unwrap();
    let cases = [
        (
            sample("pdf/encrypted-user-password.pdf"),
            "PDF 设有打开密码",
        ),
        (sample("pdf/scanned-no-text.pdf"), "没有文字层"),
        (not_pdf, "不是 PDF 文件"),
        (truncated, "PDF"),
    ];
    for (path, why) in cases {
        let out = run(&["check", path.to_str().unwrap()]);
        assert_code(&out, 2);
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(why), "{path:?}: {err}");
    }
    let err = stderr(&run(&["check", "sample-reports/pdf/scanned-no-text.pdf"]));
    assert!(
        err.contains("PDF 没有文字层（可能是扫描件）"),
        "Chinese first: {err}"
    );
    // One language at a time: English on request, with no Chinese beside it.
    let err = stderr(&run(&[
        "--lang",
        "en",
        "check",
        "sample-reports/pdf/scanned-no-text.pdf",
    ]));
    assert!(err.contains("no text layer (scanned?)"), "{err}");
    assert!(!err.contains("文字层"), "{err}");
}

#[test]
fn folders_list_pdfs_and_normalize_writes_text_beside_them() {
    let dir = tempfile::tempdir().unwrap();
    let src = sample("pdf/stsong-nonzero-clean.pdf");
    let pdf_path = dir.path().join("report.pdf");
    std::fs::copy(&src, &pdf_path).unwrap();
    let before = std::fs::read(&pdf_path).unwrap();
    let out = run(&["check", dir.path().to_str().unwrap()]);
    assert_code(&out, 0);
    assert!(stdout(&out).contains("report.pdf"), "{}", stdout(&out));
    let out = run(&["normalize", pdf_path.to_str().unwrap()]);
    assert_code(&out, 0);
    let written = dir.path().join("report.normalized.txt");
    let text = std::fs::read_to_string(&written).expect("normalized text");
    assert!(text.contains("行政规范性文件"), "{text}");
    assert_eq!(std::fs::read(&pdf_path).unwrap(), before, "PDF untouched");
    // The normalized text reads as the same tables.
    let again = nianbao::load(&written).unwrap();
    let original = load("variant-nonzero-clean.txt");
    for id in TableId::ALL {
        assert_eq!(grid(&again, id), grid(&original, id), "{}", id.id());
    }
}

// ------------------------------------------------------------ hostile PDFs

/// A PDF from object bodies (object n is `objects[n - 1]`), catalog first.
fn build(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", i + 1).unwrap();
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for o in offsets {
        writeln!(out, "{o:010} 00000 n ").unwrap();
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

const FONT: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/// One page drawing `content`, with font F1 and the given XObjects.
fn one_page(content: &[u8], xobjects: &str, extra: Vec<Vec<u8>>) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R >> /XObject << {xobjects} >> >> >>"
        )
        .into_bytes(),
        stream("", content),
        FONT.as_bytes().to_vec(),
    ];
    objects.extend(extra);
    build(&objects)
}

#[test]
fn a_plain_generated_pdf_reads() {
    let pdf = one_page(b"BT /F1 12 Tf 72 700 Td (Hello 2023) Tj ET", "", vec![]);
    let doc = pdf::read(&pdf).unwrap();
    assert_eq!(doc.text, "Hello 2023\n");
    assert_eq!(doc.origins, [Origin::PageLine { page: 1, line: 1 }]);
}

#[test]
fn thousands_of_pages_are_refused() {
    let n = pdf::MAX_PAGES + 1;
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", i + 4)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes(),
        stream("", b"BT /F1 12 Tf 72 700 Td (1) Tj ET"),
    ];
    for _ in 0..n {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R \
                 /Resources << /Font << /F1 {} 0 R >> >> >>",
                n + 4
            )
            .into_bytes(),
        );
    }
    objects.push(FONT.as_bytes().to_vec());
    assert_eq!(
        pdf::read(&build(&objects)),
        Err(PdfError::TooManyPages(pdf::MAX_PAGES))
    );
}

#[test]
fn forms_nested_without_end_finish() {
    // Form 6 draws a digit and itself; forms 7..=56 draw each other in a
    // chain 50 deep. Both end at the depth limit.
    let mut extra = vec![stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] \
         /Resources << /Font << /F1 5 0 R >> /XObject << /Me 6 0 R >> >>",
        b"BT /F1 12 Tf 72 700 Td (7) Tj ET /Me Do /Me Do",
    )];
    for i in 7..=56 {
        extra.push(stream(
            &format!(
                "/Type /XObject /Subtype /Form /BBox [0 0 595 842] \
                 /Resources << /Font << /F1 5 0 R >> /XObject << /Next {} 0 R >> >>",
                i + 1
            ),
            format!("BT /F1 12 Tf 100 {} Td (8) Tj ET /Next Do", 800 - i * 10).as_bytes(),
        ));
    }
    let pdf = one_page(b"/Self Do /Chain Do", "/Self 6 0 R /Chain 7 0 R", extra);
    match pdf::read(&pdf) {
        Ok(doc) => {
            // The self-drawing form doubles at each level: 2^depth glyphs at
            // most, all at one place; the chain stops after a few levels.
            assert!(doc.text.matches('8').count() < 20, "{}", doc.text);
            assert!(doc.text.len() < 1_000_000);
        }
        Err(e) => assert!(matches!(e, PdfError::TooManyOps(..)), "{e}"),
    }
}

/// zlib data that inflates to `1 + 258 × n` spaces, in about 13 bits per
/// 258 bytes (a fixed-Huffman block of length-258 distance-1 copies).
fn zlib_bomb(n: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u32,
        len: u32,
    }
    impl Bits {
        /// `count` bits of `value`, least significant first.
        fn put(&mut self, value: u32, count: u32) {
            for i in 0..count {
                self.acc |= ((value >> i) & 1) << self.len;
                self.len += 1;
                if self.len == 8 {
                    self.out.push(self.acc as u8);
                    self.acc = 0;
                    self.len = 0;
                }
            }
        }
        /// A Huffman code: most significant bit first.
        fn code(&mut self, code: u32, count: u32) {
            for i in (0..count).rev() {
                self.put((code >> i) & 1, 1);
            }
        }
    }
    let mut b = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        len: 0,
    };
    b.put(1, 1); // last block
    b.put(1, 2); // fixed Huffman
    b.code(0x30 + u32::from(b' '), 8); // literal ' '
    for _ in 0..n {
        b.code(0b1100_0101, 8); // length symbol 285: 258 bytes
        b.code(0, 5); // distance code 0: distance 1
    }
    b.code(0, 7); // end of block
    b.put(0, 7);
    b.out.extend_from_slice(&[0, 0, 0, 0]); // (wrong) Adler-32: never reached
    b.out
}

#[test]
fn a_zlib_bomb_is_refused() {
    // 120 MB of spaces in about 750 kB, as the page content…
    let bomb = zlib_bomb(120 * 1024 * 1024 / 258);
    assert!(bomb.len() < 1_000_000);
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        stream("/Filter /FlateDecode", &bomb),
    ];
    let too_big = PdfError::TooBig(pdf::MAX_DECODED_BYTES / (1024 * 1024));
    assert_eq!(pdf::read(&build(&objects)), Err(too_big.clone()));
    // …and as an object stream, which lopdf would unpack while loading.
    objects[3] = stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", &bomb);
    assert_eq!(pdf::read(&build(&objects)), Err(too_big));
}

/// An encrypted PDF (RC4, 40-bit, empty user password) whose font (object
/// 9) stands in a Flate object stream (object 6) holding `objstm`, found
/// through a cross-reference stream, as lopdf's encrypted load unpacks
/// them. `encrypt_key` is how the trailer spells `/Encrypt`.
fn encrypted_with_object_stream(objstm: &[u8], first: usize, encrypt_key: &str) -> Vec<u8> {
    use lopdf::encryption::{EncryptionVersion, encrypt_object};
    use lopdf::{Dictionary, EncryptionState, Object, Permissions, Stream, StringFormat};
    let id = b"nianbao-test-id!".to_vec();
    let mut doc = lopdf::Document::with_version("1.7");
    let id_string = Object::String(id.clone(), StringFormat::Hexadecimal);
    doc.trailer
        .set("ID", Object::Array(vec![id_string.clone(), id_string]));
    let state = EncryptionState::try_from(EncryptionVersion::V1 {
        document: &doc,
        owner_password: "",
        user_password: "",
        permissions: Permissions::all(),
    })
    .unwrap();
    let sealed = |n: u32, data: &[u8]| {
        let mut o = Object::Stream(Stream::new(Dictionary::new(), data.to_vec()));
        encrypt_object(&state, (n, 0), &mut o).unwrap();
        o.as_stream().unwrap().content.clone()
    };
    let hex = |b: &[u8]| b.iter().map(|c| format!("{c:02X}")).collect::<String>();
    let enc = state.encode().unwrap();
    let string = |k: &[u8]| hex(enc.get(k).unwrap().as_str().unwrap());
    let content = b"BT /F1 12 Tf 72 700 Td (Hello 2023) Tj ET";
    let objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
          /Resources << /Font << /F1 9 0 R >> >> >>"
            .to_vec(),
        stream("", &sealed(4, content)),
        format!(
            "<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P {} >>",
            string(b"O"),
            string(b"U"),
            enc.get(b"P").unwrap().as_i64().unwrap()
        )
        .into_bytes(),
        stream(
            &format!("/Type /ObjStm /N 1 /First {first} /Filter /FlateDecode"),
            &sealed(6, objstm),
        ),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", i + 1).unwrap();
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    // The cross-reference stream (object 7): 0 free, 1–7 in the file, 8
    // free, 9 in object stream 6 at index 0.
    let xref_at = out.len();
    offsets.push(xref_at);
    let mut rows = vec![[0u8, 0, 0, 0, 0, 0xFF, 0xFF]];
    for o in &offsets {
        let o = (*o as u32).to_be_bytes();
        rows.push([1, o[0], o[1], o[2], o[3], 0, 0]);
    }
    rows.push([0, 0, 0, 0, 0, 0, 0]);
    rows.push([2, 0, 0, 0, 6, 0, 0]);
    let data: Vec<u8> = rows.concat();
    writeln!(out, "7 0 obj").unwrap();
    out.extend_from_slice(&stream(
        &format!(
            "/Type /XRef /Size 10 /W [1 4 2] /Root 1 0 R /{encrypt_key} 5 0 R \
             /ID [<{0}> <{0}>]",
            hex(&id)
        ),
        &data,
    ));
    write!(out, "\nendobj\nstartxref\n{xref_at}\n%%EOF\n").unwrap();
    out
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(data).unwrap();
    z.finish().unwrap()
}

#[test]
fn an_encrypted_pdf_with_an_object_stream_reads() {
    let font = format!("9 0 {FONT}");
    for key in ["Encrypt", "Encr#79pt", "#45ncrypt"] {
        let pdf = encrypted_with_object_stream(&zlib(font.as_bytes()), 4, key);
        // The file is encrypted: its content stream is no plain text.
        assert!(!pdf.windows(5).any(|w| w == b"Hello"));
        let doc = pdf::read(&pdf).unwrap_or_else(|e| panic!("{key}: {e:?}"));
        assert_eq!(doc.text, "Hello 2023\n", "{key}");
    }
}

/// The peak resident size of one run of the binary, in MB, with its exit
/// code and error output (`wait4` reports on that child alone).
#[cfg(target_os = "linux")]
fn peak_of_run(args: &[&std::ffi::OsStr]) -> (i32, i64, String) {
    let dir = tempfile::tempdir().unwrap();
    let err_path = dir.path().join("stderr");
    // Reaped by `wait4` below (for its resource usage), not by `wait`.
    #[allow(clippy::zombie_processes)]
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: wait4 writes only into the status and the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t);
    assert!(libc::WIFEXITED(status), "killed: {status}");
    let err = std::fs::read_to_string(&err_path).unwrap();
    (libc::WEXITSTATUS(status), usage.ru_maxrss / 1024, err)
}

/// lopdf's encrypted load decrypts and unpacks object streams itself,
/// without our load filter: a zlib bomb there took all it unpacked (a GB
/// here). It is now unpacked by us, within the limit, like any stream.
#[test]
fn a_zlib_bomb_in_an_encrypted_object_stream_is_refused() {
    let too_big = PdfError::TooBig(pdf::MAX_DECODED_BYTES / (1024 * 1024));
    // 120 MB of spaces, in the library…
    let bomb = zlib_bomb(120 * 1024 * 1024 / 258);
    for key in ["Encrypt", "Encr#79pt"] {
        let pdf = encrypted_with_object_stream(&bomb, 4, key);
        assert_eq!(pdf::read(&pdf), Err(too_big.clone()), "{key}");
    }
    // …and 1 GiB through the binary, whose peak stays near the limit.
    #[cfg(target_os = "linux")]
    {
        let bomb = zlib_bomb(1024 * 1024 * 1024 / 258);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bomb.pdf");
        std::fs::write(&path, encrypted_with_object_stream(&bomb, 4, "Encrypt")).unwrap();
        let (code, peak_mb, err) = peak_of_run(&[std::ffi::OsStr::new("check"), path.as_os_str()]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("PDF 解压后超过 100 MB"), "{err}");
        assert!(peak_mb < 500, "peak {peak_mb} MB");
    }
}

#[test]
fn an_operator_flood_is_refused() {
    let flood = b"q Q ".repeat(600_000);
    let pdf = one_page(&flood, "", vec![]);
    assert!(matches!(pdf::read(&pdf), Err(PdfError::TooManyOps(1, _))));
    // Ten million operands and no operator: read, kept a few at a time.
    let numbers = b"1 ".repeat(10_000_000);
    let pdf = one_page(&numbers, "", vec![]);
    assert_eq!(pdf::read(&pdf), Err(PdfError::NoText));
}

#[test]
fn a_rotated_page_reads_as_displayed() {
    // /Rotate 90: text drawn running up the page is upright on screen, and
    // the line nearer the page's left edge is shown on top.
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Rotate 90 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
           /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_vec(),
        stream(
            "",
            b"BT /F1 12 Tf 0 1 -1 0 100 100 Tm (Hello) Tj ET \
              BT /F1 12 Tf 0 1 -1 0 80 100 Tm (World) Tj 200 0 Td (2023) Tj ET",
        ),
        FONT.as_bytes().to_vec(),
    ];
    let doc = pdf::read(&build(&objects)).unwrap();
    let words: Vec<Vec<&str>> = doc
        .text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(words, [vec!["World", "2023"], vec!["Hello"]]);
    assert!(
        doc.text.contains("World  "),
        "a column break: {:?}",
        doc.text
    );
    // The same page unrotated: one character per line, not words.
    objects[1] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec();
    let doc = pdf::read(&build(&objects)).unwrap();
    assert!(!doc.text.contains("Hello"), "{}", doc.text);
}

#[test]
fn text_without_a_unicode_map_is_not_called_a_scan() {
    let font = "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H \
                /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun >>] >>";
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
           /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_vec(),
        stream("", b"BT /F1 12 Tf 72 700 Td <00410042> Tj ET"),
        font.as_bytes().to_vec(),
    ];
    assert_eq!(pdf::read(&build(&objects)), Err(PdfError::Undecodable));
}

#[test]
fn a_pdf_without_its_extension_is_still_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("download");
    std::fs::copy(sample("pdf/stsong-nonzero-clean.pdf"), &path).unwrap();
    let report = nianbao::load(&path).unwrap();
    assert_eq!(report.encoding, "PDF");
    let original = load("variant-nonzero-clean.txt");
    for id in TableId::ALL {
        assert_eq!(grid(&report, id), grid(&original, id), "{}", id.id());
    }
}

#[test]
fn a_page_of_scattered_chinese_characters_finishes() {
    // 90 000 lone 一 on a grid (every one a candidate for vertical text):
    // the layout's neighbour scans are bounded, so this stays linear.
    let font = "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H \
                /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light \
                /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> >>] >>";
    let mut content = b"BT /F1 1 Tf 1 1 Td ".to_vec();
    for _ in 0..300 {
        for _ in 0..300 {
            content.extend_from_slice(b"<4E00> Tj 5 0 Td ");
        }
        content.extend_from_slice(b"-1500 5 Td ");
    }
    content.extend_from_slice(b"ET");
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1600 1600] /Contents 4 0 R \
           /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_vec(),
        stream("", &content),
        font.as_bytes().to_vec(),
    ];
    let doc = pdf::read(&build(&objects)).unwrap();
    assert_eq!(doc.text.matches('一').count(), 90_000);
    assert_eq!(doc.text.lines().count(), 300);
}

/// The text original drawn as a PDF in a non-embedded Chinese font with a
/// predefined encoding (`GBK-EUC-H`: GBK bytes; `UniGB-UTF16-H`: UTF-16BE):
/// each line at its own baseline, each tab-separated cell at its own x,
/// a footer on every page, pages of 60 lines (so tables break across pages).
fn drawn_original(encoding: &str) -> Vec<u8> {
    let text = std::fs::read_to_string(sample("variant-nonzero-clean.txt")).unwrap();
    let encode = |s: &str| -> Vec<u8> {
        match encoding {
            "GBK-EUC-H" => encoding_rs::GBK.encode(s).0.into_owned(),
            _ => s.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        }
    };
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02X}")).collect::<String>();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let pages: Vec<&[&str]> = lines.chunks(60).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        Vec::new(), // the page tree, once the pages are numbered
        format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /{encoding} \
             /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>] >>"
        )
        .into_bytes(),
    ];
    let mut kids = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let mut content = String::from("BT /F1 9 Tf\n");
        for (i, line) in page.iter().enumerate() {
            let y = 800.0 - 12.0 * i as f32;
            let mut x = 30.0;
            for cell in line.split('\t') {
                if !cell.is_empty() {
                    content.push_str(&format!("1 0 0 1 {x} {y} Tm <{}> Tj\n", hex(&encode(cell))));
                }
                // Every character counted an em wide: cells never overlap.
                x += 9.0 * cell.chars().count() as f32 + 20.0;
            }
        }
        content.push_str(&format!(
            "1 0 0 1 1000 30 Tm <{}> Tj\nET",
            hex(&encode(&format!("第 {} 页", p + 1)))
        ));
        let n = objects.len() + 1;
        kids.push(format!("{n} 0 R"));
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 2000 842] /Contents {} 0 R \
                 /Resources << /Font << /F1 3 0 R >> >> >>",
                n + 1
            )
            .into_bytes(),
        );
        objects.push(stream("", content.as_bytes()));
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        kids.len()
    )
    .into_bytes();
    build(&objects)
}

#[test]
fn predefined_chinese_encodings_read_every_cell() {
    let original = load("variant-nonzero-clean.txt");
    for encoding in ["GBK-EUC-H", "UniGB-UTF16-H", "UniGB-UCS2-H"] {
        let bytes = drawn_original(encoding);
        let doc = pdf::read(&bytes).unwrap_or_else(|e| panic!("{encoding}: {e}"));
        assert!(!doc.text.contains("第 1 页"), "{encoding}: footer kept");
        assert!(
            doc.origins
                .iter()
                .any(|o| matches!(o, Origin::PageLine { page: 2, .. }))
        );
        let mut report = nianbao::parse::parse(&doc.text, doc.encoding);
        report.origins = doc.origins;
        for id in TableId::ALL {
            assert_eq!(
                grid(&report, id),
                grid(&original, id),
                "{encoding} {}\n{}",
                id.id(),
                doc.text
            );
        }
    }
}

#[test]
fn vertical_writing_stays_off_the_table_rows() {
    // A group label in a vertical font (UniGB-UCS2-V) beside two rows.
    let font = |enc: &str| {
        format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /{enc} \
             /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> >>] >>"
        )
    };
    let ucs2 = |s: &str| -> String {
        s.encode_utf16()
            .flat_map(u16::to_be_bytes)
            .map(|b| format!("{b:02X}"))
            .collect()
    };
    let content = format!(
        "BT /F2 10 Tf 1 0 0 1 40 700 Tm <{}> Tj ET \
         BT /F1 10 Tf 1 0 0 1 70 690 Tm <{}> Tj 1 0 0 1 300 690 Tm <{}> Tj \
         1 0 0 1 70 660 Tm <{}> Tj 1 0 0 1 300 660 Tm <{}> Tj ET",
        ucs2("三、本年度办理结果"),
        ucs2("（一）予以公开"),
        ucs2("9"),
        ucs2("（二）部分公开"),
        ucs2("2"),
    );
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
           /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>"
            .to_vec(),
        stream("", content.as_bytes()),
        font("UniGB-UCS2-H").into_bytes(),
        font("UniGB-UCS2-V").into_bytes(),
    ];
    let doc = pdf::read(&build(&objects)).unwrap();
    let lines: Vec<Vec<&str>> = doc
        .text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        lines,
        [vec!["（一）予以公开", "9"], vec!["（二）部分公开", "2"]]
    );
}
