//! User configuration: `config.toml` in the nianbao config directory.
//!
//! ```toml
//! theme = "dark"      # dark | light | high-contrast | a file in themes/
//! key_hints = true    # show the key-hint line
//! lang = "zh"         # zh | en: the interface language (read at startup
//!                     # by `i18n::lang_in_config`, also without this module)
//! ```
//!
//! Loading never fails: a missing file means defaults; an unreadable or
//! invalid file means defaults plus a warning naming the file and the error.

use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Key;
use crate::tr;

pub use crate::dirs::{CONFIG_DIR_ENV, config_dir};

/// File name of the config file inside the config directory.
pub const CONFIG_FILE: &str = "config.toml";

/// Settings read from `config.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Theme name (bundled or a user theme file). Default `"dark"`.
    pub theme: String,
    /// Show key hints in the status area. Default `true`.
    pub key_hints: bool,
    /// The interface language, `zh` or `en`; the binary reads it before
    /// anything else (`i18n::lang_in_config`), this only accepts the key.
    pub lang: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: "dark".to_owned(),
            key_hints: true,
            lang: None,
        }
    }
}

/// Path of the config file inside `dir`.
pub fn config_path(dir: &Path) -> PathBuf {
    dir.join(CONFIG_FILE)
}

/// Load `<dir>/config.toml`. Returns the config and any warnings.
///
/// `None` or a missing file gives the defaults silently; an unreadable or
/// invalid file gives the defaults and one warning naming the file and the
/// error (with line and column for TOML errors).
pub fn load_config(dir: Option<&Path>) -> (Config, Vec<String>) {
    let Some(dir) = dir else {
        return (Config::default(), Vec::new());
    };
    let path = config_path(dir);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return (Config::default(), Vec::new()),
        Err(e) => {
            return (
                Config::default(),
                vec![tr!(
                    Key::TuiConfigUnreadable,
                    path = path.display(),
                    error = crate::i18n::IoReason(&e)
                )],
            );
        }
    };
    match toml::from_str::<Config>(&text) {
        Ok(config) => {
            // `lang` is read before this (`i18n::lang_in_config`), which
            // knows only `zh` and `en`: say so rather than ignore it.
            let warnings = match config.lang.as_deref() {
                Some(value) if !matches!(value, "zh" | "en") => vec![tr!(
                    Key::TuiConfigLang,
                    path = path.display(),
                    value = crate::output::escape_controls(value)
                )],
                _ => Vec::new(),
            };
            (config, warnings)
        }
        Err(e) => (
            Config::default(),
            vec![tr!(
                Key::TuiConfigInvalid,
                path = path.display(),
                error = describe_toml_error(&text, &e)
            )],
        ),
    }
}

/// Turn a TOML error into one line: `line L, column C: message`.
fn describe_toml_error(text: &str, err: &toml::de::Error) -> String {
    let message = err.message().trim().replace('\n', "; ");
    match err.span() {
        Some(span) => {
            let start = span.start.min(text.len());
            let before = text.get(..start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            tr!(
                Key::TuiTomlAt,
                line = line,
                column = column,
                message = message
            )
        }
        None => tr!(Key::TuiToml, message = message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::ffi::OsString;

    fn write_config(dir: &Path, text: &str) -> PathBuf {
        let path = config_path(dir);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn defaults() {
        let c = Config::default();
        assert_eq!(c.theme, "dark");
        assert!(c.key_hints);
    }

    #[test]
    fn no_dir_or_missing_file_is_silent() {
        assert_eq!(load_config(None), (Config::default(), Vec::new()));
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            load_config(Some(dir.path())),
            (Config::default(), Vec::new())
        );
        let gone = dir.path().join("does-not-exist");
        assert_eq!(load_config(Some(&gone)), (Config::default(), Vec::new()));
    }

    #[test]
    fn full_and_partial_files() {
        let dir = tempfile::tempdir().unwrap();
        write_config(dir.path(), "theme = \"light\"\nkey_hints = false\n");
        let (c, w) = load_config(Some(dir.path()));
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            c,
            Config {
                theme: "light".into(),
                key_hints: false,
                lang: None,
            }
        );

        write_config(dir.path(), "# only a comment\nkey_hints = false\n");
        let (c, w) = load_config(Some(dir.path()));
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.theme, "dark");
        assert!(!c.key_hints);

        write_config(dir.path(), "");
        assert_eq!(
            load_config(Some(dir.path())),
            (Config::default(), Vec::new())
        );
    }

    #[test]
    fn broken_file_warns_with_path_and_position() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_config(dir.path(), "theme = \"light\"\nkey_hints = maybe\n");
        let (c, w) = load_config(Some(dir.path()));
        assert_eq!(c, Config::default());
        assert_eq!(w.len(), 1);
        assert!(w[0].contains(&path.display().to_string()), "{w:?}");
        assert!(w[0].contains("第 2 行"), "{w:?}");
        assert!(!w[0].contains('\n'), "{w:?}");
    }

    #[test]
    fn wrong_type_and_unknown_key_warn() {
        let dir = tempfile::tempdir().unwrap();
        write_config(dir.path(), "key_hints = \"yes\"\n");
        let (c, w) = load_config(Some(dir.path()));
        assert_eq!(c, Config::default());
        assert_eq!(w.len(), 1, "{w:?}");

        write_config(dir.path(), "theme = \"light\"\nthem = \"dark\"\n");
        let (c, w) = load_config(Some(dir.path()));
        assert_eq!(c, Config::default());
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("them") && w[0].contains("第 2 行"), "{w:?}");
    }

    #[test]
    fn unknown_language_warns_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_config(dir.path(), "theme = \"light\"\nlang = \"fr\"\n");
        let (c, w) =
            crate::i18n::with_lang(crate::i18n::Lang::Zh, || load_config(Some(dir.path())));
        assert_eq!(c.theme, "light");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains(&path.display().to_string()), "{w:?}");
        assert!(
            w[0].contains("lang = \"fr\"") && w[0].contains("已忽略"),
            "{w:?}"
        );
        for ok in ["zh", "en"] {
            write_config(dir.path(), &format!("lang = \"{ok}\"\n"));
            assert_eq!(load_config(Some(dir.path())).1, Vec::<String>::new());
        }
    }

    #[test]
    fn unreadable_file_warns() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(config_path(dir.path())).unwrap();
        let (c, w) = load_config(Some(dir.path()));
        assert_eq!(c, Config::default());
        assert_eq!(w.len(), 1);
        assert!(w[0].contains(CONFIG_FILE), "{w:?}");
    }

    fn dir_for(vars: &[(&str, &str)]) -> Option<PathBuf> {
        let map: HashMap<String, OsString> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), OsString::from(v)))
            .collect();
        crate::dirs::config_dir_with(|k| map.get(k).cloned())
    }

    #[test]
    fn env_override_wins() {
        assert_eq!(
            dir_for(&[
                (CONFIG_DIR_ENV, "/x/y"),
                ("XDG_CONFIG_HOME", "/xdg"),
                ("HOME", "/home/u")
            ]),
            Some(PathBuf::from("/x/y"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn unix_lookup_order() {
        assert_eq!(
            dir_for(&[
                (CONFIG_DIR_ENV, ""),
                ("XDG_CONFIG_HOME", "/xdg"),
                ("HOME", "/home/u")
            ]),
            Some(PathBuf::from("/xdg/nianbao"))
        );
        assert_eq!(
            dir_for(&[("XDG_CONFIG_HOME", ""), ("HOME", "/home/u")]),
            Some(PathBuf::from("/home/u/.config/nianbao"))
        );
        assert_eq!(
            dir_for(&[("XDG_CONFIG_HOME", "relative/dir"), ("HOME", "/home/u")]),
            Some(PathBuf::from("/home/u/.config/nianbao"))
        );
        // No variables at all: falls through to `directories` (which may or
        // may not find a home directory); it must not panic.
        let _ = dir_for(&[]);
    }

    #[test]
    fn real_config_dir_does_not_panic() {
        let _ = config_dir();
    }
}
