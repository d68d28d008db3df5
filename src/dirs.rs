//! Where nianbao keeps its own files: the config directory (`config.toml`,
//! user themes), read by the review screen and, for `lang`, by every
//! command (also in a build without the review screen).

use std::ffi::OsString;
use std::path::PathBuf;

/// Environment variable that overrides the config directory.
pub const CONFIG_DIR_ENV: &str = "NIANBAO_CONFIG_DIR";

/// The nianbao config directory (which may not exist):
///
/// 1. `$NIANBAO_CONFIG_DIR` if set and non-empty;
/// 2. on unix, `$XDG_CONFIG_HOME/nianbao` (if set to an absolute path), else
///    `$HOME/.config/nianbao` (if `HOME` is set);
/// 3. otherwise the platform directory from `directories::ProjectDirs`.
pub fn config_dir() -> Option<PathBuf> {
    config_dir_with(|key| std::env::var_os(key))
}

/// [`config_dir`] with the environment supplied by `env` (for tests).
pub(crate) fn config_dir_with(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let non_empty = |key: &str| env(key).filter(|v| !v.is_empty());
    if let Some(dir) = non_empty(CONFIG_DIR_ENV) {
        return Some(PathBuf::from(dir));
    }
    if cfg!(unix) {
        // The XDG spec says relative values are invalid and must be ignored.
        if let Some(xdg) = non_empty("XDG_CONFIG_HOME").map(PathBuf::from) {
            if xdg.is_absolute() {
                return Some(xdg.join("nianbao"));
            }
        }
        if let Some(home) = non_empty("HOME") {
            return Some(PathBuf::from(home).join(".config").join("nianbao"));
        }
    }
    directories::ProjectDirs::from("", "", "nianbao").map(|p| p.config_dir().to_path_buf())
}
