//! The language catalogue: every word the program says to a person, in
//! Chinese (the default) and English.
//!
//! A [`Key`] names one message; each language is one exhaustive `match` over
//! the keys ([`zh`], [`en`]), so a key missing in one language does not
//! compile. Messages hold named placeholders (`{path}`, `{n}`) filled by
//! [`fill`] (or the [`tr!`](crate::tr) macro); a test checks that every key
//! has the same placeholders in every language.
//!
//! The language is a process-wide setting, chosen once at startup by the
//! binary ([`set_lang`], from [`choose`]): `--lang`, else `lang = "…"` in
//! `config.toml`, else `LC_ALL`/`LC_MESSAGES`/`LANG`, else Chinese.
//!
//! A leaf module: it uses nothing else of the crate.

use std::fmt::Display;
use std::sync::atomic::{AtomicU8, Ordering};

mod en;
mod io;
mod keys;
mod zh;

pub use io::{IoReason, Said, io_key, io_reason};
pub use keys::Key;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// 中文 (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// `zh` or `en`: the value of `--lang` and of `lang` in config.toml.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// A language from `zh`/`en` or a locale such as `en_US.UTF-8`,
    /// `zh_CN.GB18030` (case-insensitive); `None` for anything else (`C`,
    /// `POSIX`, `fr_FR`).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The message `key` in this language.
    pub fn text(self, key: Key) -> &'static str {
        match self {
            Lang::Zh => zh::text(key),
            Lang::En => en::text(key),
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Set the process's language (once, at startup, by the binary).
pub fn set_lang(lang: Lang) {
    LANG.store(
        match lang {
            Lang::Zh => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

#[cfg(test)]
thread_local! {
    /// A test's language for its own thread ([`with_lang`]), so tests of
    /// both languages run side by side.
    static TEST_LANG: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Run `f` with this thread speaking `lang` (tests only).
#[cfg(test)]
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = TEST_LANG.with(|c| c.replace(Some(lang)));
    let out = f();
    TEST_LANG.with(|c| c.set(before));
    out
}

/// The process's language (Chinese unless [`set_lang`] said otherwise).
pub fn lang() -> Lang {
    #[cfg(test)]
    if let Some(l) = TEST_LANG.with(|c| c.get()) {
        return l;
    }
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Zh,
    }
}

/// The message `key` in the process's language.
pub fn text(key: Key) -> &'static str {
    lang().text(key)
}

/// Choose the language: the `--lang` flag, else the config file's `lang`,
/// else the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and
/// non-empty (as POSIX orders them) when it names `en` or `zh`, else Chinese.
pub fn choose(
    flag: Option<Lang>,
    config_text: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
) -> Lang {
    if let Some(l) = flag {
        return l;
    }
    if let Some(l) = config_text.and_then(lang_in_config) {
        return l;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| env(k).filter(|v| !v.is_empty()))
        .next()
        .and_then(|v| Lang::parse(&v))
        .unwrap_or_default()
}

/// The `lang = "en"` setting of a config.toml, read by a line scan: only a
/// top-level key (before any `[table]`), a basic or literal string, an
/// optional comment after it. A scan, not a TOML parser, so the headless
/// build (no `tui` feature) needs no `toml`; the review screen's own parser
/// reads the same file and reports a malformed one.
pub fn lang_in_config(text: &str) -> Option<Lang> {
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            return None; // the top-level keys are over
        }
        let Some(rest) = line.strip_prefix("lang") else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let inner = &value[1..];
        let end = inner.find(quote)?;
        return match &inner[..end] {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        };
    }
    None
}

/// Fill the `{name}` placeholders of `template` with `args`; a placeholder
/// without an argument is left as it is (a test keeps the catalogues from
/// having any).
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let _ = fill_into(&mut out, template, args);
    out
}

/// [`fill`], written to `w` (no intermediate string).
pub fn fill_into(
    w: &mut (impl std::fmt::Write + ?Sized),
    template: &str,
    args: &[(&str, &dyn Display)],
) -> std::fmt::Result {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        w.write_str(&rest[..open])?;
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => write!(w, "{v}")?,
                    None => {
                        w.write_char('{')?;
                        w.write_str(name)?;
                        w.write_char('}')?;
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                w.write_str(&rest[open..])?;
                rest = "";
            }
        }
    }
    w.write_str(rest)
}

/// The names of the placeholders of a message, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// A message of the catalogue in the process's language, placeholders
/// filled: `tr!(Key::Wrote, path = p.display())`.
#[macro_export]
macro_rules! tr {
    ($key:expr) => {
        $crate::i18n::text($key).to_string()
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $crate::i18n::text($key),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

/// [`tr!`] in a given language: `tr_in!(Lang::En, Key::Wrote, path = p)`.
#[macro_export]
macro_rules! tr_in {
    ($lang:expr, $key:expr) => {
        $lang.text($key).to_string()
    };
    ($lang:expr, $key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $lang.text($key),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_key_has_the_same_placeholders_in_every_language() {
        let mut wrong = Vec::new();
        for &key in Key::ALL {
            let sets: Vec<BTreeSet<&str>> = Lang::ALL
                .iter()
                .map(|l| placeholders(l.text(key)).into_iter().collect())
                .collect();
            if sets.windows(2).any(|w| w[0] != w[1]) {
                wrong.push(format!("{key:?}: {sets:?}"));
            }
        }
        assert!(wrong.is_empty(), "placeholders differ: {wrong:#?}");
    }

    #[test]
    fn every_key_says_something_in_every_language() {
        for &key in Key::ALL {
            for l in Lang::ALL {
                assert!(!l.text(key).trim().is_empty(), "{key:?} empty in {l:?}");
            }
        }
        // The Chinese and English catalogues are not copies of each other.
        let same = Key::ALL
            .iter()
            .filter(|&&k| Lang::Zh.text(k) == Lang::En.text(k))
            .count();
        assert!(same * 10 < Key::ALL.len(), "{same} keys identical");
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            fill("{path}：{n} 处", &[("path", &"a.txt"), ("n", &3)]),
            "a.txt：3 处"
        );
        // Unknown and unclosed braces are kept as they are.
        assert_eq!(fill("{x} {", &[]), "{x} {");
        assert_eq!(
            crate::tr_in!(Lang::En, Key::NoReportsFound, dir = "d/"),
            "no reports found in d/"
        );
    }

    #[test]
    fn choosing_the_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(choose(None, None, env(&[])), Lang::Zh);
        assert_eq!(
            choose(None, None, env(&[("LANG", "en_US.UTF-8")])),
            Lang::En
        );
        assert_eq!(choose(None, None, env(&[("LANG", "C.UTF-8")])), Lang::Zh);
        // LC_ALL before LANG; an empty one is skipped.
        assert_eq!(
            choose(
                None,
                None,
                env(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US")])
            ),
            Lang::Zh
        );
        assert_eq!(
            choose(None, None, env(&[("LC_ALL", ""), ("LANG", "en_GB")])),
            Lang::En
        );
        // The config file before the environment, the flag before both.
        let cfg = "theme = \"light\"\nlang = \"en\" # English\n";
        assert_eq!(choose(None, Some(cfg), env(&[("LANG", "zh_CN")])), Lang::En);
        assert_eq!(
            choose(Some(Lang::Zh), Some(cfg), env(&[("LANG", "en")])),
            Lang::Zh
        );
    }

    #[test]
    fn lang_in_config_reads_only_the_top_level_key() {
        assert_eq!(lang_in_config("lang = 'en'"), Some(Lang::En));
        assert_eq!(lang_in_config("lang=\"zh\""), Some(Lang::Zh));
        assert_eq!(lang_in_config("language = \"en\""), None);
        assert_eq!(lang_in_config("[theme]\nlang = \"en\""), None);
        assert_eq!(lang_in_config("# lang = \"en\""), None);
        assert_eq!(lang_in_config("lang = \"fr\""), None);
        assert_eq!(lang_in_config("lang = \"en"), None);
    }
}
