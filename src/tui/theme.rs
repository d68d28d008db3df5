//! Colour themes for the TUI.
//!
//! Three themes are bundled (`dark`, `light`, `high-contrast`); each is a TOML
//! file under `themes/` in the repository, compiled into the binary. A user
//! may put `<config dir>/themes/<name>.toml` next to the config file: if
//! `<name>` is a bundled theme the file overlays it, otherwise it overlays the
//! default (`dark`) theme, so a user theme only needs the keys it changes.
//!
//! Loading never fails: every problem (unknown theme, unreadable file, TOML
//! syntax error, bad colour or modifier, misspelt key) becomes a warning and a
//! bundled theme is used instead.
//!
//! A style entry looks like
//!
//! ```toml
//! error = { fg = "white", bg = "red", modifiers = ["bold"] }
//! ```
//!
//! Colours: ratatui's sixteen names (case-insensitive; `grey` and `gray` are
//! both accepted, as are `light-red`, `light_red`, `bright red`), `reset`,
//! `#rrggbb`, or an ANSI palette index `0`..`255`. Modifiers: `bold`, `dim`,
//! `italic`, `underlined`, `reversed` (also `slow_blink`, `rapid_blink`,
//! `hidden`, `crossed_out`).

use crate::i18n::Key;
use crate::tr;
use std::io;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// Name of the theme used when nothing else is configured or loading fails.
pub const DEFAULT_THEME: &str = "dark";

const DARK_TOML: &str = include_str!("../../themes/dark.toml");
const LIGHT_TOML: &str = include_str!("../../themes/light.toml");
const HIGH_CONTRAST_TOML: &str = include_str!("../../themes/high-contrast.toml");

/// Bundled themes: (name, TOML source). The first one is the default.
const BUNDLED: &[(&str, &str)] = &[
    (DEFAULT_THEME, DARK_TOML),
    ("light", LIGHT_TOML),
    ("high-contrast", HIGH_CONTRAST_TOML),
];

const BUNDLED_NAMES: &[&str] = &[DEFAULT_THEME, "light", "high-contrast"];

/// Names of the themes compiled into the binary, default first.
pub fn bundled_names() -> &'static [&'static str] {
    BUNDLED_NAMES
}

/// One style entry of a theme file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StyleSpec {
    pub fg: Option<String>,
    pub bg: Option<String>,
    pub modifiers: Vec<String>,
}

impl StyleSpec {
    /// Convert to a ratatui [`Style`]. Errors are prefixed with `key`.
    pub fn to_style(&self, key: &str) -> Result<Style, String> {
        let mut style = Style::new();
        if let Some(fg) = &self.fg {
            style = style.fg(parse_color(fg).map_err(|e| format!("{key}.fg: {e}"))?);
        }
        if let Some(bg) = &self.bg {
            style = style.bg(parse_color(bg).map_err(|e| format!("{key}.bg: {e}"))?);
        }
        for m in &self.modifiers {
            style =
                style.add_modifier(parse_modifier(m).map_err(|e| format!("{key}.modifiers: {e}"))?);
        }
        Ok(style)
    }
}

/// Declares the theme keys once and generates [`Theme`], [`ThemeFile`] and
/// the key list from them, so the three can never drift apart.
macro_rules! theme_keys {
    ($($(#[$doc:meta])* $key:ident,)*) => {
        /// A fully resolved theme: one ratatui [`Style`] per UI element.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            /// Theme name (the `name` key of the file, else the name it was loaded under).
            pub name: String,
            $($(#[$doc])* pub $key: Style,)*
        }

        /// Serde model of a theme file. Every key is optional so a user file can
        /// overlay just a few styles; misspelt keys are rejected.
        #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct ThemeFile {
            pub name: Option<String>,
            $(pub $key: Option<StyleSpec>,)*
        }

        /// Every style key a theme file may set, in declaration order.
        #[cfg(test)]
        pub const THEME_KEYS: &[&str] = &[$(stringify!($key)),*];

        impl ThemeFile {
            /// Keys that this file does not set.
            #[cfg(test)]
            pub fn missing_keys(&self) -> Vec<&'static str> {
                let mut missing = Vec::new();
                $(if self.$key.is_none() { missing.push(stringify!($key)); })*
                missing
            }

            /// Apply this file on top of `base`. All-or-nothing: on error `base`
            /// is untouched by the caller and every bad entry is reported.
            pub fn overlay(&self, base: &Theme) -> Result<Theme, Vec<String>> {
                let mut theme = base.clone();
                let mut errors = Vec::new();
                $(
                    if let Some(spec) = &self.$key {
                        match spec.to_style(stringify!($key)) {
                            Ok(style) => theme.$key = style,
                            Err(e) => errors.push(e),
                        }
                    }
                )*
                if let Some(name) = &self.name {
                    theme.name = name.clone();
                }
                if errors.is_empty() { Ok(theme) } else { Err(errors) }
            }
        }

        impl Theme {
            /// A theme with every style set to `style`.
            fn uniform(name: &str, style: Style) -> Theme {
                Theme { name: name.to_owned(), $($key: style,)* }
            }
        }
    };
}

theme_keys! {
    /// Text of the panes.
    base,
    /// Pane borders.
    border,
    /// Border of the focused pane.
    border_focused,
    /// Pane titles.
    title,
    /// Grid column headers.
    header,
    /// Grid row labels.
    label,
    /// Normal grid values.
    value,
    /// The selected cell.
    selection,
    /// A cell that a finding names.
    error,
    /// Other cells of a failing row / column.
    error_soft,
    /// `cell.blank` / `table.layout` cells.
    warning,
    /// The text-pane line(s) of the selected cell.
    source_line,
    /// Error lines in the findings list.
    finding_error,
    /// Warning lines in the findings list.
    finding_warning,
    /// The selected line in the findings list.
    finding_selected,
    /// The status bar.
    status,
    /// The `[+]` (unsaved changes) marker in the status bar.
    status_dirty,
    /// A transient message in the status bar.
    status_message,
    /// Keys in help / key hints.
    help_key,
    /// Descriptions in help / key hints.
    help_text,
    /// Secondary text.
    dim,
    /// The cell being edited.
    edit,
    /// The quit-prompt dialog.
    prompt,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::default_theme()
    }
}

impl Theme {
    /// The bundled dark theme. Never fails (the bundled file is covered by
    /// tests; should it ever not parse, a hard-coded minimal theme is used).
    pub fn default_theme() -> Theme {
        parse_theme(DARK_TOML, &Theme::fallback()).unwrap_or_else(|_| Theme::fallback())
    }

    /// Last-resort theme that needs no parsing: terminal colours plus
    /// reversed / bold where something must stand out.
    fn fallback() -> Theme {
        let mut t = Theme::uniform(DEFAULT_THEME, Style::new());
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        t.border_focused = bold;
        t.title = bold;
        t.header = bold;
        t.selection = reversed;
        t.error = Style::new()
            .fg(Color::White)
            .bg(Color::Red)
            .add_modifier(Modifier::BOLD);
        t.error_soft = Style::new().fg(Color::Red);
        t.warning = Style::new().fg(Color::Black).bg(Color::Yellow);
        t.source_line = reversed;
        t.finding_error = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
        t.finding_warning = Style::new().fg(Color::Yellow);
        t.finding_selected = reversed;
        t.status = reversed;
        t.status_dirty = reversed.add_modifier(Modifier::BOLD);
        t.status_message = reversed;
        t.help_key = bold;
        t.dim = Style::new().add_modifier(Modifier::DIM);
        t.edit = reversed.add_modifier(Modifier::BOLD);
        t.prompt = reversed;
        t
    }
}

/// Parse a theme file's text and overlay it on `base`.
/// Errors are single-line messages (TOML errors carry line and column).
fn parse_theme(text: &str, base: &Theme) -> Result<Theme, String> {
    let file: ThemeFile = toml::from_str(text).map_err(|e| describe_toml_error(text, &e))?;
    file.overlay(base).map_err(|errs| errs.join("; "))
}

/// The bundled theme called `name` (exact, or ASCII case-insensitive).
fn bundled(name: &str) -> Option<(&'static str, &'static str)> {
    BUNDLED
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .copied()
}

/// Theme names a user may choose: the bundled ones, then any
/// `<user_dir>/themes/*.toml` not shadowing a bundled name, sorted.
pub fn available(user_dir: Option<&Path>) -> Vec<String> {
    let mut names: Vec<String> = BUNDLED_NAMES.iter().map(|s| (*s).to_owned()).collect();
    let mut user: Vec<String> = user_dir
        .and_then(|d| std::fs::read_dir(d.join("themes")).ok())
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
                path.file_stem().and_then(|s| s.to_str()).map(str::to_owned)
            } else {
                None
            }
        })
        .filter(|n| bundled(n).is_none() && valid_name(n))
        .collect();
    user.sort();
    user.dedup();
    names.extend(user);
    names
}

/// Path of the user theme file `name` under `user_dir`.
pub fn user_theme_path(user_dir: &Path, name: &str) -> PathBuf {
    user_dir.join("themes").join(format!("{name}.toml"))
}

/// A theme name must be usable as a plain file stem.
fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && !name.chars().any(char::is_control)
}

/// Load theme `name`, overlaying `<user_dir>/themes/<name>.toml` if present.
///
/// Returns the theme and any warnings. Never panics and never fails: on any
/// problem the bundled theme of that name (or the default theme) is used and
/// the problem is described in a warning.
pub fn load(name: &str, user_dir: Option<&Path>) -> (Theme, Vec<String>) {
    let mut warnings = Vec::new();
    let name = name.trim();

    if !valid_name(name) {
        warnings.push(tr!(
            Key::TuiThemeBadName,
            name = name.escape_debug(),
            available = available(user_dir).join(crate::i18n::text(Key::ListSeparator)),
            default = DEFAULT_THEME
        ));
        return (Theme::default_theme(), warnings);
    }

    let bundled = bundled(name);
    let base = match bundled {
        Some((canonical, text)) => match parse_theme(text, &Theme::default_theme()) {
            Ok(mut t) => {
                t.name = canonical.to_owned();
                t
            }
            Err(e) => {
                // Only reachable if a bundled file is broken; tests prevent it.
                warnings.push(tr!(
                    Key::TuiThemeBundledBroken,
                    name = canonical,
                    error = e,
                    default = DEFAULT_THEME
                ));
                Theme::default_theme()
            }
        },
        None => Theme::default_theme(),
    };
    let fallback_desc = match bundled {
        Some((canonical, _)) => tr!(Key::TuiThemeUsingBundled, name = canonical),
        None => tr!(Key::TuiThemeUsingDefault, name = DEFAULT_THEME),
    };

    let Some(dir) = user_dir else {
        if bundled.is_none() {
            warnings.push(unknown_theme_warning(name, user_dir));
        }
        return (base, warnings);
    };

    let path = user_theme_path(dir, name);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let mut user_base = base.clone();
            if bundled.is_none() {
                // A brand-new user theme without a `name` key is called by its file name.
                user_base.name = name.to_owned();
            }
            match parse_theme(&text, &user_base) {
                Ok(theme) => (theme, warnings),
                Err(e) => {
                    warnings.push(tr!(
                        Key::TuiThemeFile,
                        path = path.display(),
                        error = e,
                        fallback = fallback_desc
                    ));
                    (base, warnings)
                }
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if bundled.is_none() {
                warnings.push(unknown_theme_warning(name, user_dir));
            }
            (base, warnings)
        }
        Err(e) => {
            warnings.push(tr!(
                Key::TuiThemeUnreadable,
                path = path.display(),
                error = crate::i18n::IoReason(&e),
                fallback = fallback_desc
            ));
            (base, warnings)
        }
    }
}

fn unknown_theme_warning(name: &str, user_dir: Option<&Path>) -> String {
    let mut msg = tr!(
        Key::TuiThemeUnknown,
        name = name,
        available = available(user_dir).join(crate::i18n::text(Key::ListSeparator))
    );
    if let Some(dir) = user_dir {
        msg.push_str(&tr!(
            Key::TuiThemeUserDir,
            dir = dir.join("themes").display()
        ));
    }
    msg.push_str(&tr!(Key::TuiThemeUsing, name = DEFAULT_THEME));
    msg
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

/// Parse a colour: a name (ratatui's sixteen, case-insensitive, `grey` or
/// `gray`, with optional `-`, `_` or spaces, `bright` as a synonym of
/// `light`), `reset`, `#rrggbb`, or an ANSI index `0`..`255`.
pub fn parse_color(s: &str) -> Result<Color, String> {
    let trimmed = s.trim();
    let norm: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .collect::<String>()
        .to_ascii_lowercase()
        .replace("grey", "gray")
        .replace("bright", "light");
    let named = match norm.as_str() {
        "reset" | "default" => Some(Color::Reset),
        "black" => Some(Color::Black),
        "red" => Some(Color::Red),
        "green" => Some(Color::Green),
        "yellow" => Some(Color::Yellow),
        "blue" => Some(Color::Blue),
        "magenta" => Some(Color::Magenta),
        "cyan" => Some(Color::Cyan),
        "gray" | "silver" => Some(Color::Gray),
        "darkgray" | "lightblack" => Some(Color::DarkGray),
        "lightred" => Some(Color::LightRed),
        "lightgreen" => Some(Color::LightGreen),
        "lightyellow" => Some(Color::LightYellow),
        "lightblue" => Some(Color::LightBlue),
        "lightmagenta" => Some(Color::LightMagenta),
        "lightcyan" => Some(Color::LightCyan),
        // ratatui's `White` is the bright white (ANSI 15); `lightgray` follows
        // ratatui's own `FromStr` and means the same.
        "white" | "lightwhite" | "lightgray" => Some(Color::White),
        _ => None,
    };
    if let Some(c) = named {
        return Ok(c);
    }
    if let Some(hex) = trimmed.strip_prefix('#') {
        if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16);
            if let (Ok(r), Ok(g), Ok(b)) = (channel(0), channel(2), channel(4)) {
                return Ok(Color::Rgb(r, g, b));
            }
        }
        return Err(tr!(Key::TuiBadHexColour, colour = trimmed));
    }
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return trimmed
            .parse::<u8>()
            .map(Color::Indexed)
            .map_err(|_| tr!(Key::TuiBadIndexColour, colour = trimmed));
    }
    Err(tr!(Key::TuiUnknownColour, colour = trimmed.escape_debug()))
}

/// Parse a modifier name (case-insensitive; `-`/`_`/spaces ignored).
pub fn parse_modifier(s: &str) -> Result<Modifier, String> {
    let norm: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .collect::<String>()
        .to_ascii_lowercase();
    match norm.as_str() {
        "bold" => Ok(Modifier::BOLD),
        "dim" => Ok(Modifier::DIM),
        "italic" => Ok(Modifier::ITALIC),
        "underlined" | "underline" => Ok(Modifier::UNDERLINED),
        "reversed" | "reverse" => Ok(Modifier::REVERSED),
        "slowblink" | "blink" => Ok(Modifier::SLOW_BLINK),
        "rapidblink" => Ok(Modifier::RAPID_BLINK),
        "hidden" => Ok(Modifier::HIDDEN),
        "crossedout" | "strikethrough" => Ok(Modifier::CROSSED_OUT),
        _ => Err(tr!(Key::TuiUnknownModifier, name = s.escape_debug())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unique temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(tag: &str) -> TempDir {
            use std::sync::atomic::{AtomicUsize, Ordering};
            static N: AtomicUsize = AtomicUsize::new(0);
            let dir = std::env::temp_dir().join(format!(
                "nianbao-theme-test-{}-{tag}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::SeqCst)
            ));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(dir.join("themes")).unwrap();
            TempDir(dir)
        }

        fn write_theme(&self, name: &str, text: &str) -> PathBuf {
            let path = user_theme_path(&self.0, name);
            std::fs::write(&path, text).unwrap();
            path
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn bundled_text(name: &str) -> &'static str {
        bundled(name).unwrap().1
    }

    #[test]
    fn bundled_names_match_table() {
        assert_eq!(bundled_names(), &["dark", "light", "high-contrast"]);
        assert_eq!(BUNDLED.len(), BUNDLED_NAMES.len());
        for ((n, _), m) in BUNDLED.iter().zip(BUNDLED_NAMES) {
            assert_eq!(n, m);
        }
        assert_eq!(bundled_names()[0], DEFAULT_THEME);
    }

    #[test]
    fn every_bundled_theme_parses_and_sets_every_key() {
        for &name in bundled_names() {
            let text = bundled_text(name);
            let file: ThemeFile = toml::from_str(text)
                .unwrap_or_else(|e| panic!("bundled theme {name} does not parse: {e}"));
            assert_eq!(
                file.missing_keys(),
                Vec::<&str>::new(),
                "bundled theme {name} misses keys"
            );
            assert_eq!(
                file.name.as_deref(),
                Some(name),
                "bundled theme {name} has wrong `name`"
            );
            // Every entry converts (no bad colours / modifiers).
            let theme = file
                .overlay(&Theme::fallback())
                .unwrap_or_else(|e| panic!("bundled theme {name}: {e:?}"));
            assert_eq!(theme.name, name);
            // No key falls back: overlaying on a sentinel base changes every field.
            let sentinel = Theme::uniform(
                "sentinel",
                Style::new().fg(Color::Indexed(99)).bg(Color::Indexed(98)),
            );
            let over = file.overlay(&sentinel).unwrap();
            assert_eq!(over, theme, "bundled theme {name} depends on its base");
        }
    }

    #[test]
    fn bundled_themes_load_without_warnings() {
        for &name in bundled_names() {
            let (theme, warnings) = load(name, None);
            assert!(warnings.is_empty(), "{name}: {warnings:?}");
            assert_eq!(theme.name, name);
        }
        let (dark, w) = load("dark", None);
        assert!(w.is_empty());
        assert_eq!(dark, Theme::default_theme());
        assert_eq!(Theme::default(), Theme::default_theme());
        assert_ne!(load("light", None).0, dark);
        assert_ne!(load("high-contrast", None).0, dark);
    }

    #[test]
    fn default_theme_is_not_the_fallback() {
        // Proves the bundled dark file is actually used.
        assert_ne!(Theme::default_theme(), Theme::fallback());
    }

    #[test]
    fn error_style_stands_out_in_every_bundled_theme() {
        for &name in bundled_names() {
            let (t, _) = load(name, None);
            let fg = t.error.fg.expect("error.fg set");
            let bg = t.error.bg.expect("error.bg set");
            assert_ne!(fg, bg, "{name}");
            assert_ne!(bg, Color::Reset, "{name}: error needs its own background");
            assert_ne!(Some(bg), t.base.bg, "{name}: error bg equals pane bg");
            assert_ne!(t.error, t.selection, "{name}");
            assert_ne!(t.error, t.warning, "{name}");
            assert_ne!(t.selection, t.value, "{name}");
            assert_ne!(t.edit, t.selection, "{name}");
        }
    }

    #[test]
    fn high_contrast_uses_only_its_palette() {
        let (t, _) = load("high-contrast", None);
        let allowed = [Color::Black, Color::White, Color::Yellow, Color::Red];
        let file: ThemeFile = toml::from_str(bundled_text("high-contrast")).unwrap();
        assert!(file.missing_keys().is_empty());
        let styles = [
            t.base,
            t.border,
            t.border_focused,
            t.title,
            t.header,
            t.label,
            t.value,
            t.selection,
            t.error,
            t.error_soft,
            t.warning,
            t.source_line,
            t.finding_error,
            t.finding_warning,
            t.finding_selected,
            t.status,
            t.status_dirty,
            t.status_message,
            t.help_key,
            t.help_text,
            t.dim,
            t.edit,
            t.prompt,
        ];
        assert_eq!(styles.len(), THEME_KEYS.len());
        for s in styles {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(allowed.contains(&c), "{c:?} in {s:?}");
            }
            assert!(
                (Modifier::BOLD | Modifier::REVERSED).contains(s.add_modifier),
                "{s:?}"
            );
        }
    }

    #[test]
    fn partial_user_file_overlays_one_key() {
        let dir = TempDir::new("partial");
        dir.write_theme("dark", "error = { fg = \"yellow\", bg = \"#102030\" }\n");
        let (theme, warnings) = load("dark", Some(&dir.0));
        assert!(warnings.is_empty(), "{warnings:?}");
        let mut expected = Theme::default_theme();
        expected.error = Style::new()
            .fg(Color::Yellow)
            .bg(Color::Rgb(0x10, 0x20, 0x30));
        assert_eq!(theme, expected);
    }

    #[test]
    fn user_file_overlays_matching_bundled_theme() {
        let dir = TempDir::new("light");
        dir.write_theme(
            "light",
            "[border]\nfg = \"red\"\nmodifiers = [\"Bold\", \"dim\"]\n",
        );
        let (theme, warnings) = load("light", Some(&dir.0));
        assert!(warnings.is_empty(), "{warnings:?}");
        let mut expected = load("light", None).0;
        expected.border = Style::new()
            .fg(Color::Red)
            .add_modifier(Modifier::BOLD | Modifier::DIM);
        assert_eq!(theme, expected);
    }

    #[test]
    fn new_user_theme_overlays_default() {
        let dir = TempDir::new("new");
        dir.write_theme("mine", "selection = { fg = \"42\" }\n");
        let (theme, warnings) = load("mine", Some(&dir.0));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(theme.name, "mine");
        let mut expected = Theme::default_theme();
        expected.name = "mine".into();
        expected.selection = Style::new().fg(Color::Indexed(42));
        assert_eq!(theme, expected);

        dir.write_theme("named", "name = \"Pretty\"\n");
        let (theme, warnings) = load("named", Some(&dir.0));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(theme.name, "Pretty");

        let avail = available(Some(&dir.0));
        assert_eq!(avail, ["dark", "light", "high-contrast", "mine", "named"]);
    }

    #[test]
    fn broken_toml_warns_and_uses_bundled() {
        let dir = TempDir::new("broken");
        let path = dir.write_theme("dark", "name = \"dark\"\nerror = { fg = \"red\" \n");
        let (theme, warnings) = load("dark", Some(&dir.0));
        assert_eq!(theme, Theme::default_theme());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let w = &warnings[0];
        assert!(w.contains(&path.display().to_string()), "{w}");
        assert!(w.contains("第 2 行"), "{w}");
        assert!(!w.contains('\n'), "{w}");

        let path = dir.write_theme("light", "base = 3\n");
        let (theme, warnings) = load("light", Some(&dir.0));
        assert_eq!(theme, load("light", None).0);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains(&path.display().to_string()),
            "{warnings:?}"
        );
        assert!(warnings[0].contains("自带主题 'light'"), "{warnings:?}");
    }

    #[test]
    fn broken_new_user_theme_uses_default() {
        let dir = TempDir::new("broken-new");
        dir.write_theme("mine", "this is not toml");
        let (theme, warnings) = load("mine", Some(&dir.0));
        assert_eq!(theme, Theme::default_theme());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("mine.toml"), "{warnings:?}");
        assert!(warnings[0].contains("默认主题 'dark'"), "{warnings:?}");
    }

    #[test]
    fn bad_colour_warns_and_uses_default() {
        let dir = TempDir::new("colour");
        let path = dir.write_theme(
            "dark",
            "title = { fg = \"green\" }\nerror = { fg = \"redd\" }\nborder = { bg = \"#12345\" }\n",
        );
        let (theme, warnings) = load("dark", Some(&dir.0));
        // All-or-nothing: the valid `title` entry is not applied either.
        assert_eq!(theme, Theme::default_theme());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let w = &warnings[0];
        assert!(w.contains(&path.display().to_string()), "{w}");
        assert!(w.contains("error.fg") && w.contains("'redd'"), "{w}");
        assert!(w.contains("border.bg") && w.contains("#12345"), "{w}");
    }

    #[test]
    fn bad_modifier_and_misspelt_keys_warn() {
        let dir = TempDir::new("typo");
        dir.write_theme("dark", "error = { modifiers = [\"blod\"] }\n");
        let (theme, warnings) = load("dark", Some(&dir.0));
        assert_eq!(theme, Theme::default_theme());
        assert!(warnings[0].contains("blod"), "{warnings:?}");

        dir.write_theme("dark", "error = { fgg = \"red\" }\n");
        let (_, warnings) = load("dark", Some(&dir.0));
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains("fgg") && warnings[0].contains("第 1 行"),
            "{warnings:?}"
        );

        dir.write_theme("dark", "selecton = { fg = \"red\" }\n");
        let (_, warnings) = load("dark", Some(&dir.0));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("selecton"), "{warnings:?}");
    }

    #[test]
    fn unknown_theme_warns() {
        let (theme, warnings) = load("nope", None);
        assert_eq!(theme, Theme::default_theme());
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("未知主题 'nope'（可用：dark、light、high-contrast）"),
            "{warnings:?}"
        );

        let dir = TempDir::new("unknown");
        dir.write_theme("mine", "");
        let (theme, warnings) = load("nope", Some(&dir.0));
        assert_eq!(theme, Theme::default_theme());
        assert!(
            warnings[0].starts_with("未知主题 'nope'（可用：dark、light、high-contrast、mine）"),
            "{warnings:?}"
        );
    }

    #[test]
    fn invalid_names_warn_without_touching_files() {
        let dir = TempDir::new("invalid");
        for name in ["", "   ", "../dark", "a/b", "..", "a\\b"] {
            let (theme, warnings) = load(name, Some(&dir.0));
            assert_eq!(theme, Theme::default_theme(), "{name:?}");
            assert_eq!(warnings.len(), 1, "{name:?}: {warnings:?}");
        }
    }

    #[test]
    fn theme_name_is_case_insensitive_for_bundled() {
        let (theme, warnings) = load(" Light ", None);
        assert!(warnings.is_empty());
        assert_eq!(theme.name, "light");
    }

    #[test]
    fn unreadable_theme_path_warns() {
        let dir = TempDir::new("unreadable");
        // A directory where the file should be: read fails with a non-NotFound error.
        std::fs::create_dir_all(user_theme_path(&dir.0, "light")).unwrap();
        let (theme, warnings) = load("light", Some(&dir.0));
        assert_eq!(theme, load("light", None).0);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("light.toml"), "{warnings:?}");
    }

    #[test]
    fn parse_color_forms() {
        assert_eq!(parse_color("red"), Ok(Color::Red));
        assert_eq!(parse_color("LightRed"), Ok(Color::LightRed));
        assert_eq!(parse_color("light-red"), Ok(Color::LightRed));
        assert_eq!(parse_color("light_red"), Ok(Color::LightRed));
        assert_eq!(parse_color("bright red"), Ok(Color::LightRed));
        assert_eq!(parse_color("darkgray"), Ok(Color::DarkGray));
        assert_eq!(parse_color("DarkGrey"), Ok(Color::DarkGray));
        assert_eq!(parse_color("dark_grey"), Ok(Color::DarkGray));
        assert_eq!(parse_color("gray"), Ok(Color::Gray));
        assert_eq!(parse_color("grey"), Ok(Color::Gray));
        assert_eq!(parse_color("white"), Ok(Color::White));
        assert_eq!(parse_color("BLACK"), Ok(Color::Black));
        assert_eq!(parse_color("reset"), Ok(Color::Reset));
        assert_eq!(parse_color("Reset"), Ok(Color::Reset));
        for (name, c) in [
            ("green", Color::Green),
            ("yellow", Color::Yellow),
            ("blue", Color::Blue),
            ("magenta", Color::Magenta),
            ("cyan", Color::Cyan),
            ("lightgreen", Color::LightGreen),
            ("lightyellow", Color::LightYellow),
            ("lightblue", Color::LightBlue),
            ("lightmagenta", Color::LightMagenta),
            ("lightcyan", Color::LightCyan),
        ] {
            assert_eq!(parse_color(name), Ok(c), "{name}");
        }
        assert_eq!(parse_color("#ff8000"), Ok(Color::Rgb(255, 128, 0)));
        assert_eq!(parse_color("#FF8000"), Ok(Color::Rgb(255, 128, 0)));
        assert_eq!(parse_color("0"), Ok(Color::Indexed(0)));
        assert_eq!(parse_color("42"), Ok(Color::Indexed(42)));
        assert_eq!(parse_color("255"), Ok(Color::Indexed(255)));
        for bad in [
            "",
            "redd",
            "256",
            "-1",
            "#12345",
            "#1234567",
            "#gg0000",
            "#ff80 0",
            "#ïï0000",
            "1.5",
        ] {
            let err = parse_color(bad).expect_err(bad);
            assert!(!err.is_empty());
        }
        assert!(parse_color("redd").unwrap_err().contains("'redd'"));
    }

    #[test]
    fn parse_modifier_forms() {
        assert_eq!(parse_modifier("bold"), Ok(Modifier::BOLD));
        assert_eq!(parse_modifier("Italic"), Ok(Modifier::ITALIC));
        assert_eq!(parse_modifier("underlined"), Ok(Modifier::UNDERLINED));
        assert_eq!(parse_modifier("underline"), Ok(Modifier::UNDERLINED));
        assert_eq!(parse_modifier("reversed"), Ok(Modifier::REVERSED));
        assert_eq!(parse_modifier("dim"), Ok(Modifier::DIM));
        assert_eq!(parse_modifier("crossed_out"), Ok(Modifier::CROSSED_OUT));
        assert!(parse_modifier("blod").is_err());
    }

    #[test]
    fn theme_keys_cover_all_fields() {
        assert_eq!(THEME_KEYS.len(), 23);
        let file: ThemeFile = toml::from_str("").unwrap();
        assert_eq!(file.missing_keys(), THEME_KEYS);
    }
}
