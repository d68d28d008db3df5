//! clap's own words in the catalogue: the usage lines and placeholders of
//! `--help`, and every command-line error.
//!
//! clap writes its errors in English (`error: unexpected argument '--bogus'
//! found`, `tip: …`, `Usage: …`, `For more information, try '--help'.`).
//! [`report`] writes them instead from the error's kind and its context
//! values (the argument, the value, the valid values, the suggestion), in
//! the catalogue's words: `nianbao: ` and the reason, the tips, the usage
//! line, where to read more; exit status 2 as clap's. `--help` and
//! `--version` are printed by clap as before (stdout, exit 0): their words
//! are the catalogue's already ([`crate::cli::command`], [`localize`]).
//!
//! An error of a kind or shape this module does not know says
//! [`Key::ClapOther`] with the usage line: never clap's English.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use nianbao::i18n::{Key, text};
use nianbao::tr;

/// The usage lines and value placeholders (`<文件>`, `[选项]`) of the whole
/// command tree in the catalogue's words.
pub fn localize(cmd: clap::Command) -> clap::Command {
    value_names(cmd)
        .override_usage(text(Key::UsageRoot))
        .mut_subcommand("check", |c| {
            value_names(c).override_usage(text(Key::UsageCheck))
        })
        .mut_subcommand("normalize", |c| {
            value_names(c).override_usage(text(Key::UsageNormalize))
        })
        .mut_subcommand("help", |c| {
            value_names(c).override_usage(text(Key::UsageHelp))
        })
}

/// The placeholder of an argument that takes a value, by its id.
fn value_key(id: &str) -> Option<Key> {
    Some(match id {
        "files" => Key::ValueFiles,
        "file" | "output" => Key::ValueFile,
        "theme" => Key::ValueTheme,
        "previous" => Key::ValueLastYear,
        "lang" => Key::ValueLang,
        "format" | "summary" => Key::ValueFormat,
        "command" => Key::ValueCommand,
        _ => return None,
    })
}

fn value_names(mut cmd: clap::Command) -> clap::Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.get_action().takes_values())
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        if let Some(key) = value_key(&id) {
            cmd = cmd.mut_arg(id, |a| a.value_name(text(key)));
        }
    }
    cmd
}

/// Print a clap error the program's way and give the exit status: help
/// and version as clap prints them (stdout, 0); an error in the
/// catalogue's words on stderr, 2.
pub fn report(e: &clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
        }
        _ => {
            eprint!("{}", message(e));
            ExitCode::from(2)
        }
    }
}

/// A context value as text (a list joined the language's way).
fn value(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) if !v.is_empty() => Some(join(v.iter().map(String::as_str))),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) if !v.is_empty() => {
            let v: Vec<String> = v.iter().map(ToString::to_string).collect();
            Some(join(v.iter().map(String::as_str)))
        }
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(text(Key::ListSeparator))
}

/// `'a'、'b'` / `'a', 'b'`.
fn quoted_list(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(format!("'{s}'")),
        ContextValue::Strings(v) if !v.is_empty() => {
            let q: Vec<String> = v.iter().map(|s| format!("'{s}'")).collect();
            Some(join(q.iter().map(String::as_str)))
        }
        _ => None,
    }
}

/// What went wrong, one line; `None` for a kind or shape not known here.
fn reason(e: &clap::Error) -> Option<String> {
    let get = |k| value(e, k);
    Some(match e.kind() {
        ErrorKind::UnknownArgument => tr!(Key::ClapUnknownArg, arg = get(ContextKind::InvalidArg)?),
        ErrorKind::InvalidValue => {
            let arg = get(ContextKind::InvalidArg)?;
            match get(ContextKind::InvalidValue) {
                Some(v) if !v.is_empty() => tr!(Key::ClapInvalidValue, value = v, arg = arg),
                _ => tr!(Key::ClapValueMissing, arg = arg),
            }
        }
        ErrorKind::ValueValidation => tr!(
            Key::ClapInvalidValue,
            value = get(ContextKind::InvalidValue)?,
            arg = get(ContextKind::InvalidArg)?
        ),
        ErrorKind::MissingRequiredArgument => {
            tr!(Key::ClapMissingArgs, args = get(ContextKind::InvalidArg)?)
        }
        ErrorKind::InvalidSubcommand => tr!(
            Key::ClapInvalidSubcommand,
            command = get(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::MissingSubcommand => tr!(
            Key::ClapMissingSubcommand,
            command = get(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::ArgumentConflict => {
            let arg = get(ContextKind::InvalidArg)?;
            match quoted_list(e, ContextKind::PriorArg) {
                Some(prior) if prior != format!("'{arg}'") => {
                    tr!(Key::ClapConflict, arg = arg, prior = prior)
                }
                _ => tr!(Key::ClapRepeated, arg = arg),
            }
        }
        ErrorKind::NoEquals => tr!(Key::ClapNoEquals, arg = get(ContextKind::InvalidArg)?),
        ErrorKind::TooManyValues => tr!(
            Key::ClapTooManyValues,
            arg = get(ContextKind::InvalidArg)?,
            value = get(ContextKind::InvalidValue)?
        ),
        ErrorKind::TooFewValues => tr!(
            Key::ClapTooFew,
            arg = get(ContextKind::InvalidArg)?,
            expected = get(ContextKind::MinValues)?,
            actual = get(ContextKind::ActualNumValues)?
        ),
        ErrorKind::WrongNumberOfValues => tr!(
            Key::ClapWrongNumber,
            arg = get(ContextKind::InvalidArg)?,
            expected = get(ContextKind::ExpectedNumValues)?,
            actual = get(ContextKind::ActualNumValues)?
        ),
        ErrorKind::InvalidUtf8 => tr!(Key::ClapInvalidUtf8),
        _ => return None,
    })
}

/// The valid values and the tips, one line each.
fn tips(e: &clap::Error) -> Vec<String> {
    let mut out = Vec::new();
    if e.kind() == ErrorKind::InvalidValue
        && let Some(values) = value(e, ContextKind::ValidValue)
    {
        out.push(tr!(Key::ClapPossibleValues, values = values));
    }
    if let Some(arg) = value(e, ContextKind::SuggestedArg) {
        out.push(tr!(Key::ClapTipSimilarArg, arg = arg));
    }
    if let Some(commands) = quoted_list(e, ContextKind::SuggestedSubcommand) {
        out.push(tr!(Key::ClapTipSimilarCommand, commands = commands));
    }
    if let Some(v) = value(e, ContextKind::SuggestedValue) {
        out.push(tr!(Key::ClapTipSimilarValue, value = v));
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        let arg = value(e, ContextKind::InvalidArg)
            .or_else(|| value(e, ContextKind::InvalidSubcommand))
            .unwrap_or_default();
        for tip in tips {
            out.extend(suggested(&tip.to_string(), &arg));
        }
    }
    out
}

/// The text between the first pair of `'`.
fn first_quoted(s: &str) -> Option<&str> {
    let (_, rest) = s.split_once('\'')?;
    rest.split_once('\'').map(|(q, _)| q)
}

/// One of clap's free-text tips, recognised by its shape (clap words it
/// in English; the argument it names is taken from it) and said in the
/// catalogue's words; `None` for a tip not known here (left out rather
/// than shown in English).
fn suggested(tip: &str, arg: &str) -> Option<String> {
    if tip.starts_with("to pass '") {
        Some(tr!(Key::ClapTipAsValue, arg = arg))
    } else if tip.starts_with("subcommand '") {
        Some(tr!(Key::ClapTipRemoveDashes, command = first_quoted(tip)?))
    } else if tip.ends_with("' exists") {
        Some(tr!(Key::ClapTipExists, usage = first_quoted(tip)?))
    } else {
        None
    }
}

/// The usage line of the command the error is about (its override, from
/// the catalogue), without clap's `Usage:` title.
fn usage(e: &clap::Error) -> Option<String> {
    let u = value(e, ContextKind::Usage)?;
    let u = u.trim();
    Some(u.strip_prefix("Usage:").unwrap_or(u).trim().to_string())
}

/// The whole error as printed: reason, tips, usage, where to read more.
pub fn message(e: &clap::Error) -> String {
    let mut out = format!(
        "nianbao: {}\n",
        reason(e).unwrap_or_else(|| tr!(Key::ClapOther))
    );
    for tip in tips(e) {
        out.push_str(&format!("  {tip}\n"));
    }
    if let Some(u) = usage(e) {
        out.push('\n');
        out.push_str(&tr!(Key::ClapUsage, usage = u));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&tr!(Key::ClapMoreInfo, help = "--help"));
    out.push('\n');
    out
}

/// `nianbao chek a.txt`: clap's unrecognised-command error, the command
/// meant as its tip, the top-level usage line.
pub fn misspelled_command(name: &str, near: &str) -> clap::Error {
    let mut cmd = localize(crate::cli::command());
    let mut e = clap::Error::new(ErrorKind::InvalidSubcommand).with_cmd(&cmd);
    e.insert(
        ContextKind::InvalidSubcommand,
        ContextValue::String(name.to_string()),
    );
    e.insert(
        ContextKind::SuggestedSubcommand,
        ContextValue::Strings(vec![near.to_string()]),
    );
    e.insert(
        ContextKind::Usage,
        ContextValue::StyledStr(cmd.render_usage()),
    );
    e
}
