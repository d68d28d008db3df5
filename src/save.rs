//! Writing outputs (`normalize`, `check --fix`, the review screen's `s`).
//!
//! - A regular file (or a new one) is written atomically: a temporary file in
//!   the same folder, flushed and synced, renamed over the target. A crash
//!   leaves the old file or the new one, whole. An existing file keeps its
//!   permissions (0600 stays 0600); a symbolic link keeps pointing where it
//!   did, the file it points to is replaced.
//! - A character device or a named pipe (`-o /dev/null`, `-o >(…)`) is
//!   written through, never replaced by a regular file: opened for writing
//!   without creating or truncating. A pipe with no reader is an error, not a
//!   hang.
//! - Anything else (a folder, a block device, a socket) is refused.
//!
//! [`write_output`] adds the rule for the tool's own outputs: an existing
//! regular file that differs from what would be written (edited by hand, or
//! written by another command) is only replaced when asked (`--force`).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::Key;

/// Why an output was not written. One line, for the edge, in the process's
/// language (the language catalogue).
#[derive(Debug)]
pub enum SaveError {
    /// The target exists and holds something else; `--force` replaces it.
    Differs { path: PathBuf },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            SaveError::Differs { path } => crate::tr!(Key::SaveDiffers, path = path.display()),
            SaveError::Io { path, source } => {
                crate::tr!(
                    Key::ErrWrite,
                    path = path.display(),
                    error = crate::i18n::IoReason(source)
                )
            }
        })
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SaveError::Io { source, .. } => Some(source),
            SaveError::Differs { .. } => None,
        }
    }
}

/// What [`write_output`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The target was written (created, replaced, or written through).
    Wrote,
    /// The target already held exactly these bytes: left untouched.
    Unchanged,
}

/// Write one of the tool's outputs: refuse to replace an existing regular
/// file holding something else unless `force`; leave one holding the same
/// bytes untouched; otherwise [`write_atomic`].
pub fn write_output(target: &Path, bytes: &[u8], force: bool) -> Result<Written, SaveError> {
    let io = |source| SaveError::Io {
        path: target.to_path_buf(),
        source,
    };
    if let Ok(meta) = std::fs::metadata(target)
        && meta.is_file()
    {
        let same =
            meta.len() == bytes.len() as u64 && std::fs::read(target).is_ok_and(|old| old == bytes);
        if same {
            return Ok(Written::Unchanged);
        }
        if !force {
            return Err(SaveError::Differs {
                path: target.to_path_buf(),
            });
        }
    }
    write_atomic(target, bytes).map_err(io)?;
    Ok(Written::Wrote)
}

/// What kind of thing an existing target is.
enum Kind {
    Missing,
    Regular(std::fs::Metadata),
    /// A character device or a named pipe: written through.
    Through,
    Refused(Key),
}

fn kind(target: &Path) -> std::io::Result<Kind> {
    let meta = match std::fs::metadata(target) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Kind::Missing),
        Err(e) => return Err(e),
    };
    if meta.is_file() {
        return Ok(Kind::Regular(meta));
    }
    if meta.is_dir() {
        return Ok(Kind::Refused(REFUSED[0]));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_char_device() || t.is_fifo() {
            return Ok(Kind::Through);
        }
        if t.is_block_device() {
            return Ok(Kind::Refused(REFUSED[1]));
        }
    }
    Ok(Kind::Refused(REFUSED[2]))
}

/// Why a target is refused, in the catalogue's words (inside the
/// `io::Error`, shown by [`crate::i18n::io_reason`]).
const REFUSED: [Key; 4] = [
    Key::SaveRefusedFolder,
    Key::SaveRefusedBlockDevice,
    Key::SaveRefusedNotRegular,
    Key::SaveRefusedPipeNoReader,
];

/// Write `bytes` to `target`: atomically for a regular or new file (its
/// permissions kept), through a character device or named pipe, refused
/// for anything else.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match kind(target)? {
        Kind::Missing => replace(target, bytes, None),
        Kind::Regular(meta) => {
            // Through a symbolic link: replace the file it points to.
            let real = std::fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf());
            replace(&real, bytes, Some(meta.permissions()))
        }
        Kind::Through => write_through(target, bytes),
        Kind::Refused(why) => Err(std::io::Error::other(crate::i18n::Said(why))),
    }
}

/// Write into an existing device or named pipe without creating, renaming
/// or truncating anything.
fn write_through(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A pipe with no reader fails at once (ENXIO) instead of blocking.
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = match opts.open(target) {
        Ok(f) => f,
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ENXIO) => {
            return Err(std::io::Error::other(crate::i18n::Said(REFUSED[3])));
        }
        Err(e) => return Err(e),
    };
    #[cfg(unix)]
    {
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
    file.write_all(bytes)?;
    file.flush()
}

/// The atomic write: a temporary file beside `target`, renamed over it.
fn replace(
    target: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let mut attempt = 0u32;
    let (tmp_path, mut file) = loop {
        let tmp = dir.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let result = file
        .write_all(bytes)
        .and_then(|_| file.flush())
        .and_then(|_| match &permissions {
            Some(p) => file.set_permissions(p.clone()),
            None => Ok(()),
        })
        .and_then(|_| file.sync_all());
    drop(file);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp_path);
        return Err(e);
    }
    if let Err(e) = std::fs::rename(&tmp_path, target) {
        let _ = std::fs::remove_file(&tmp_path);
        return Err(e);
    }
    // Make the rename durable too.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_mode_and_refuses_folders() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_atomic(&p, b"one").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
            write_atomic(&p, b"two").unwrap();
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let e = write_atomic(dir.path(), b"x").unwrap_err();
        let en = crate::i18n::io_reason(crate::i18n::Lang::En, &e);
        assert_eq!(en, "it is a folder");
        let zh = crate::i18n::io_reason(crate::i18n::Lang::Zh, &e);
        assert!(zh.contains("文件夹"), "{zh}");
    }

    #[test]
    fn own_outputs_are_not_replaced_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.normalized.txt");
        assert_eq!(write_output(&p, b"x", false).unwrap(), Written::Wrote);
        assert_eq!(write_output(&p, b"x", false).unwrap(), Written::Unchanged);
        let e = write_output(&p, b"y", false).unwrap_err();
        assert!(matches!(e, SaveError::Differs { .. }), "{e}");
        assert_eq!(std::fs::read(&p).unwrap(), b"x");
        assert_eq!(write_output(&p, b"y", true).unwrap(), Written::Wrote);
        assert_eq!(std::fs::read(&p).unwrap(), b"y");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_keep_pointing() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
    }
}
