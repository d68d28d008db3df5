//! Reading a file's bytes into text: size limit, binary detection, BOMs,
//! UTF-8, UTF-16 and GB18030/GBK (detected with chardetng).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::i18n::{Key, Lang};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// Largest report accepted (50 MB). Real reports are a few tens of kB.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// Why a file could not be read. Its text is rendered through the language
/// catalogue ([`LoadError::message`]); `Display` uses the process's language.
#[derive(Debug)]
pub enum LoadError {
    NotFound {
        path: PathBuf,
    },
    IsDirectory {
        path: PathBuf,
    },
    /// A FIFO, a device or a socket: reading it could block or never end.
    NotRegular {
        path: PathBuf,
        kind: NotRegularKind,
    },
    PermissionDenied {
        path: PathBuf,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Empty {
        path: PathBuf,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    Binary {
        path: PathBuf,
        why: BinaryWhy,
    },
    /// A Word (.docx) or web page (.html) that cannot be read as a report.
    Document {
        path: PathBuf,
        why: crate::ingest::DocumentError,
    },
}

/// Why bytes look like binary data rather than text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryWhy {
    /// This many NUL bytes.
    Nul(usize),
    /// `bad` control or undecodable characters in `total` bytes.
    Controls { bad: usize, total: usize },
}

impl BinaryWhy {
    fn message(self, lang: Lang) -> String {
        use crate::tr_in;
        match self {
            BinaryWhy::Nul(1) => lang.text(Key::LoadBinaryNulOne).to_owned(),
            BinaryWhy::Nul(n) => tr_in!(lang, Key::LoadBinaryNul, n = n),
            BinaryWhy::Controls { bad, total } => {
                tr_in!(lang, Key::LoadBinaryControls, bad = bad, total = total)
            }
        }
    }
}

/// What a path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRegularKind {
    Fifo,
    Device,
    Socket,
    Special,
}

impl NotRegularKind {
    fn key(self) -> Key {
        match self {
            NotRegularKind::Fifo => Key::LoadKindFifo,
            NotRegularKind::Device => Key::LoadKindDevice,
            NotRegularKind::Socket => Key::LoadKindSocket,
            NotRegularKind::Special => Key::LoadKindSpecial,
        }
    }
}

impl LoadError {
    /// The one-line message in `lang`: the path, then why. `check --format
    /// json` writes it in English whatever the interface language (the JSON
    /// stays the same bytes for every user).
    pub fn message(&self, lang: Lang) -> String {
        crate::tr_in!(
            lang,
            Key::LoadAt,
            path = self.path().display(),
            reason = self.reason(lang)
        )
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::NotFound { path }
            | LoadError::IsDirectory { path }
            | LoadError::NotRegular { path, .. }
            | LoadError::PermissionDenied { path }
            | LoadError::Io { path, .. }
            | LoadError::Empty { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::Binary { path, .. }
            | LoadError::Document { path, .. } => path,
        }
    }

    /// Why the file could not be read, without its path (for a place that
    /// names the file already: a row of the folder summary).
    pub fn reason(&self, lang: Lang) -> String {
        use crate::tr_in;
        match self {
            LoadError::NotFound { .. } => lang.text(Key::LoadNotFound).to_owned(),
            LoadError::IsDirectory { .. } => lang.text(Key::LoadIsDirectory).to_owned(),
            LoadError::NotRegular { kind, .. } => {
                tr_in!(lang, Key::LoadNotRegular, kind = lang.text(kind.key()))
            }
            LoadError::PermissionDenied { .. } => lang.text(Key::LoadPermissionDenied).to_owned(),
            LoadError::Io { source, .. } => tr_in!(
                lang,
                Key::LoadIo,
                error = crate::i18n::io_reason(lang, source)
            ),
            LoadError::Empty { .. } => lang.text(Key::LoadEmpty).to_owned(),
            LoadError::TooLarge { size, limit, .. } => {
                tr_in!(lang, Key::LoadTooLarge, size = size, limit = limit)
            }
            LoadError::Binary { why, .. } => {
                tr_in!(lang, Key::LoadBinary, why = why.message(lang))
            }
            LoadError::Document { why, .. } => {
                tr_in!(lang, Key::LoadDocument, why = why.message(lang))
            }
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::lang()))
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Is `c` a line end? LF and CR (CRLF counts once), and the Unicode line
/// ends NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR
/// (U+2029): a report must read the same before and after `normalize`,
/// which writes LF only.
pub fn is_line_end(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Decoded text and the name of the encoding it was read as.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<'a> {
    /// Borrowed from the bytes when they are UTF-8 already (no copy).
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
}

fn io_error(path: &Path, e: std::io::Error) -> LoadError {
    let path = path.to_path_buf();
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound { path },
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied { path },
        std::io::ErrorKind::IsADirectory => LoadError::IsDirectory { path },
        _ => LoadError::Io { path, source: e },
    }
}

/// Read a file with the size limit. Only a regular file is read: a FIFO,
/// a device or a socket is refused before any read that could block (the
/// file is opened with `O_NONBLOCK`, and the opened handle's own metadata is
/// what is checked, so a file swapped between the check and the open cannot
/// slip through).
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    read_file_into(path, &mut bytes)?;
    Ok(bytes)
}

/// [`read_file`] into `bytes` (cleared first): a caller reading many files
/// one after the other reuses one buffer.
pub fn read_file_into(path: &Path, bytes: &mut Vec<u8>) -> Result<(), LoadError> {
    bytes.clear();
    let file = open_regular(path)?;
    let meta = file.metadata().map_err(|e| io_error(path, e))?;
    if meta.len() > MAX_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit: MAX_BYTES,
        });
    }
    // Read at most one byte over the limit: the size may grow while reading.
    bytes.reserve(meta.len().min(MAX_BYTES) as usize + 1);
    std::io::Read::read_to_end(&mut std::io::Read::take(file, MAX_BYTES + 1), bytes)
        .map_err(|e| io_error(path, e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_BYTES,
        });
    }
    Ok(())
}

/// What a path that is not a regular file is.
fn kind_of(meta: &std::fs::Metadata) -> NotRegularKind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return NotRegularKind::Fifo;
        }
        if t.is_char_device() || t.is_block_device() {
            return NotRegularKind::Device;
        }
        if t.is_socket() {
            return NotRegularKind::Socket;
        }
    }
    let _ = meta;
    NotRegularKind::Special
}

/// Open `path` for reading without blocking (a FIFO with no writer would
/// block `open` forever) and make sure it is a regular file.
pub fn open_regular(path: &Path) -> Result<std::fs::File, LoadError> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let file = match opts.open(path) {
        Ok(f) => f,
        // A socket cannot be opened at all (ENXIO on Linux, EOPNOTSUPP on BSDs).
        #[cfg(unix)]
        Err(e) if matches!(e.raw_os_error(), Some(libc::ENXIO | libc::EOPNOTSUPP)) => {
            return Err(LoadError::NotRegular {
                path: path.to_path_buf(),
                kind: NotRegularKind::Socket,
            });
        }
        Err(e) => return Err(io_error(path, e)),
    };
    let meta = file.metadata().map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    if !meta.is_file() {
        return Err(LoadError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(&meta),
        });
    }
    #[cfg(unix)]
    {
        // Back to ordinary blocking reads for the regular file.
        use std::os::unix::io::AsRawFd;
        let fd = file.as_raw_fd();
        // SAFETY: `fd` is a valid descriptor owned by `file` for this call.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags >= 0 {
                libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
            }
        }
    }
    Ok(file)
}

/// Decode bytes: BOM first, then UTF-8, then a chardetng guess (GB18030 for
/// Chinese text in practice).
pub fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<Decoded<'a>, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    let (text, encoding) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        (text, name(enc, true))
    } else if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        // Vectorised validation: a fraction of an instruction per byte,
        // where the standard library's takes about ten on CJK text.
        (Cow::Borrowed(s), "UTF-8")
    } else if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        (text, name(enc, false))
    } else {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        let enc = det.guess(None, chardetng::Utf8Detection::Allow);
        // Chinese reports: prefer GB18030 (a superset of GBK and GB2312).
        let enc = if enc == encoding_rs::GBK {
            encoding_rs::GB18030
        } else {
            enc
        };
        let (text, _, _) = enc.decode(bytes);
        (text, name(enc, false))
    };
    check_text(path, &text)?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(Decoded { text, encoding })
}

/// An encoding's name as a person reads it: the WHATWG names that JSON
/// keeps (`gb18030`) are lowercase for some, uppercase for others (`GBK`,
/// `UTF-8`); people write them all in capitals.
pub fn display_name(name: &str) -> &str {
    match name {
        "gb18030" => "GB18030",
        other => other,
    }
}

fn name(enc: &'static Encoding, bom: bool) -> &'static str {
    match (enc.name(), bom) {
        ("UTF-8", true) => "UTF-8 (BOM)",
        ("UTF-16LE", _) => "UTF-16LE",
        ("UTF-16BE", _) => "UTF-16BE",
        (n, _) => n,
    }
}

/// UTF-16 without a BOM shows as every other byte NUL in ASCII-heavy text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even_nul = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd_nul * 10 >= pairs * 3 && even_nul == 0 {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 3 && odd_nul == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// NUL bytes, and the other ASCII controls but for tab, LF, CR and form
/// feed, in one pass. Counted in blocks of 128 bytes into byte-sized
/// counters, which the compiler turns into vector compares and adds: this
/// runs over every byte of a report that is almost all text.
fn count_controls(b: &[u8]) -> (usize, usize) {
    let (mut nul, mut control) = (0usize, 0usize);
    for block in b.chunks(128) {
        // Most blocks hold no byte below 0x20 but LF, and no DEL: three
        // compares a byte say so, and only the other blocks are counted.
        let maybe = block.iter().fold(0u8, |m, &x| {
            m | u8::from(x < 0x20 && x != b'\n') | u8::from(x == 0x7F)
        });
        if maybe == 0 {
            continue;
        }
        let (mut n, mut c) = (0u8, 0u8);
        for &x in block {
            n += u8::from(x == 0);
            let c0 = x < 0x20 && !matches!(x, 0 | b'\t' | b'\n' | b'\r' | 0x0C);
            c += u8::from(c0 || x == 0x7F);
        }
        nul += usize::from(n);
        control += usize::from(c);
    }
    (nul, control)
}

/// Reject text that is really binary: NULs or many control characters or
/// undecodable bytes.
fn check_text(path: &Path, text: &str) -> Result<(), LoadError> {
    // Bytes, not chars: NUL and ASCII controls are single bytes in UTF-8.
    let total = text.len().max(1);
    // Counts the compiler vectorises: this runs over every byte of a
    // report that is almost all text.
    let (nul, control) = count_controls(text.as_bytes());
    // U+FFFD is EF BF BD: one substring search (a `char` search would stop
    // at every BD byte of the CJK text).
    let replacement = memchr::memmem::find_iter(text.as_bytes(), "\u{fffd}".as_bytes()).count() * 3;
    let why = if nul > 0 {
        Some(BinaryWhy::Nul(nul))
    } else if (control + replacement) * 20 > total {
        Some(BinaryWhy::Controls {
            bad: control + replacement,
            total,
        })
    } else {
        None
    };
    match why {
        Some(why) => Err(LoadError::Binary {
            path: path.to_path_buf(),
            why,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The block skip counts what a count over every byte counts: every
    /// byte value, alone and among text, at every place in a block.
    #[test]
    fn count_controls_matches_per_byte_count() {
        let naive = |b: &[u8]| {
            let nul = b.iter().filter(|&&x| x == 0).count();
            let control = b
                .iter()
                .filter(|&&x| {
                    (x < 0x20 && !matches!(x, 0 | b'\t' | b'\n' | b'\r' | 0x0C)) || x == 0x7F
                })
                .count();
            (nul, control)
        };
        let text = "本机关依法依规办理政府信息公开申请\n"
            .repeat(20)
            .into_bytes();
        for v in 0..=255u8 {
            for at in [0, 1, 127, 128, 129, text.len() - 1] {
                let mut b = text.clone();
                b[at] = v;
                assert_eq!(count_controls(&b), naive(&b), "byte {v:#x} at {at}");
            }
            let run = vec![v; 300];
            assert_eq!(count_controls(&run), naive(&run), "run of {v:#x}");
        }
    }

    fn d(bytes: &[u8]) -> Result<Decoded<'_>, LoadError> {
        decode(Path::new("t.txt"), bytes)
    }

    #[test]
    fn encodings() {
        let s = "一、总体情况\n本年新收 3 件\n";
        assert_eq!(d(s.as_bytes()).unwrap().encoding, "UTF-8");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(s.as_bytes());
        let got = d(&bom).unwrap();
        assert_eq!(got.encoding, "UTF-8 (BOM)");
        assert_eq!(got.text, s);
        let long = s.repeat(20);
        let (gbk, _, _) = encoding_rs::GB18030.encode(&long);
        let got = d(&gbk).unwrap();
        assert_eq!(got.encoding, "gb18030");
        assert_eq!(got.text, s.repeat(20));
        let mut u16 = vec![0xFF, 0xFE];
        for u in s.encode_utf16() {
            u16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(d(&u16).unwrap().text, s);
    }

    #[test]
    fn bad_input() {
        assert!(matches!(d(b""), Err(LoadError::Empty { .. })));
        assert!(matches!(d(b"  \n\n"), Err(LoadError::Empty { .. })));
        assert!(matches!(
            d(b"\x7fELF\x02\x01\x01\0\0\0\0\0"),
            Err(LoadError::Binary { .. })
        ));
    }
}
