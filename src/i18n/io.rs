//! I/O errors in the catalogue's words: what happened, in the reader's
//! language, for the common kinds; the system's own (English) text only as
//! a quoted detail, for the rest.

use std::fmt::{self, Display};
use std::io;

use super::{Key, Lang, fill};

/// A reason the program gives itself inside an `io::Error`
/// (`io::Error::other(Said(Key::…))`): shown in the catalogue's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Said(pub Key);

impl Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(super::text(self.0))
    }
}

impl std::error::Error for Said {}

/// The catalogue's sentence for a kind of I/O error, when it has one.
pub fn io_key(kind: io::ErrorKind) -> Option<Key> {
    use io::ErrorKind as K;
    Some(match kind {
        K::NotFound => Key::IoNotFound,
        K::PermissionDenied => Key::IoPermissionDenied,
        K::AlreadyExists => Key::IoAlreadyExists,
        K::IsADirectory => Key::IoIsADirectory,
        K::NotADirectory => Key::IoNotADirectory,
        K::DirectoryNotEmpty => Key::IoDirectoryNotEmpty,
        K::StorageFull | K::QuotaExceeded => Key::IoStorageFull,
        K::ReadOnlyFilesystem => Key::IoReadOnly,
        K::FileTooLarge => Key::IoFileTooLarge,
        K::InvalidFilename => Key::IoInvalidFilename,
        K::InvalidData => Key::IoInvalidData,
        K::UnexpectedEof => Key::IoUnexpectedEof,
        K::Interrupted => Key::IoInterrupted,
        K::BrokenPipe => Key::IoBrokenPipe,
        K::ResourceBusy | K::WouldBlock => Key::IoBusy,
        K::TimedOut => Key::IoTimedOut,
        K::CrossesDevices => Key::IoCrossesDevices,
        K::OutOfMemory => Key::IoOutOfMemory,
        K::Unsupported => Key::IoUnsupported,
        _ => return None,
    })
}

/// What an I/O error says in `lang`: the program's own reason ([`Said`]),
/// else the catalogue's sentence for its kind, else "input/output error"
/// with the system's text quoted.
pub fn io_reason(lang: Lang, e: &io::Error) -> String {
    if let Some(Said(key)) = e.get_ref().and_then(|r| r.downcast_ref::<Said>()) {
        return lang.text(*key).to_string();
    }
    match io_key(e.kind()) {
        Some(key) => lang.text(key).to_string(),
        None => fill(lang.text(Key::IoOther), &[("detail", e)]),
    }
}

/// [`io_reason`] in the process's language, as a `Display`.
pub struct IoReason<'a>(pub &'a io::Error);

impl Display for IoReason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&io_reason(super::lang(), self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_kinds_are_sentences_and_the_rest_quote_the_system() {
        let e = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(Lang::Zh, &e), "没有权限");
        assert_eq!(io_reason(Lang::En, &e), "permission denied");
        let e = io::Error::from_raw_os_error(28); // ENOSPC on Linux
        if e.kind() == io::ErrorKind::StorageFull {
            assert_eq!(io_reason(Lang::Zh, &e), "磁盘已满");
        }
        let e = io::Error::other("strange");
        assert_eq!(io_reason(Lang::Zh, &e), "读写出错（系统说明：“strange”）");
        let e = io::Error::other(Said(Key::LockKeepsChanging));
        assert_eq!(io_reason(Lang::Zh, &e), "锁文件一直在变化");
        assert_eq!(io_reason(Lang::En, &e), "the lock file keeps changing");
        // Every kind with a sentence says something in both languages.
        use io::ErrorKind as K;
        for kind in [
            K::NotFound,
            K::PermissionDenied,
            K::AlreadyExists,
            K::IsADirectory,
            K::NotADirectory,
            K::DirectoryNotEmpty,
            K::StorageFull,
            K::ReadOnlyFilesystem,
            K::FileTooLarge,
            K::InvalidFilename,
            K::InvalidData,
            K::UnexpectedEof,
            K::Interrupted,
            K::BrokenPipe,
            K::ResourceBusy,
            K::TimedOut,
            K::CrossesDevices,
            K::OutOfMemory,
            K::Unsupported,
        ] {
            let key = io_key(kind).expect("a sentence");
            assert_ne!(Lang::Zh.text(key), Lang::En.text(key));
        }
    }
}
