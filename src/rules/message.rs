//! What a finding says, as data.
//!
//! A [`Message`] is one variant per kind of message with its arguments:
//! numbers, the template's labels (`&'static str`, no allocation), the
//! cell's raw text. Building one costs no more than its arguments (most
//! variants allocate nothing); the words come at output time, through the
//! language catalogue, in the language asked for ([`Message::render`],
//! [`Message::write_in`], or `Display` in the process's language).
//!
//! The template's labels (一、本年新收, 维持, 依申请公开, section headings)
//! are the national template's words: they stay Chinese inside English
//! messages, as rule ids stay English inside Chinese ones.
//!
//! JSON is the machine contract: a finding's `message` serializes as the
//! Chinese text whatever the interface's language.

use std::fmt::{self, Display, Write};

use serde::{Serialize, Serializer};

use crate::i18n::{Key, Lang, fill_into};
use crate::model::{ClaimKind, LayoutNote};
use crate::template::{SectionKind, TableId};

/// What a finding says.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// `requests.balance`: 一+二 against 三(七)+四 in one column.
    Balance {
        column: &'static str,
        lhs: i64,
        rhs: i64,
    },
    /// `requests.outcome-total`: the 21 outcomes against (七)总计.
    OutcomeTotal {
        column: &'static str,
        sum: i64,
        total: i64,
    },
    /// `requests.row-total`: the six columns of a row against its 总计.
    RowTotal {
        row: &'static str,
        sum: i64,
        total: i64,
    },
    /// `appeals.group-total`: a group's parts against its 总计.
    GroupTotal {
        group: &'static str,
        sum: i64,
        total: i64,
    },
    /// `cell.blank`: a blank (or dash) cell counted as 0; `raw` is empty
    /// for a cell with nothing in it.
    CellBlank {
        row: &'static str,
        column: &'static str,
        raw: Box<str>,
    },
    /// `cell.invalid`: a cell that is not a number (`raw` cut short).
    CellInvalid {
        row: &'static str,
        column: &'static str,
        raw: Box<str>,
    },
    /// `table.layout`: a row of the template not found.
    RowMissing { row: &'static str },
    /// `table.layout`: a row with too few or too many values; `extra` the
    /// values beyond the template's width, space-separated (empty: none).
    RowCount {
        row: &'static str,
        found: usize,
        expected: usize,
        extra: Box<str>,
    },
    /// `table.layout`: what the reader did about a layout it recognised.
    RowNote {
        row: &'static str,
        note: Box<LayoutNote>,
    },
    /// `table.missing`.
    TableMissing { table: TableId },
    /// `narrative.mismatch`: the narrative's figure (`stated`, `None` for
    /// "no requests received") against the table's reading `table`.
    NarrativeMismatch {
        excerpt: Box<str>,
        kind: ClaimKind,
        stated: Option<i64>,
        table: i64,
    },
    /// `section.missing`.
    SectionMissing { section: SectionKind },
    /// `section.empty`.
    SectionEmpty { section: SectionKind },
    /// `format.old-template`: the 2019 markers found.
    OldTemplate { markers: Vec<&'static str> },
    /// `requests.carry-over`: this year's 二 against last year's 四.
    CarryOver {
        column: &'static str,
        this: i64,
        last: i64,
    },
}

/// The longest cell text a message quotes, in characters (an absurd cell
/// can be 100 000 characters).
const QUOTE_CHARS: usize = 24;

/// A cell's text cut for a message.
pub(crate) fn shorten(raw: &str) -> String {
    match raw.char_indices().nth(QUOTE_CHARS) {
        None => raw.to_string(),
        Some(_) => {
            let cut = raw
                .char_indices()
                .nth(QUOTE_CHARS - 1)
                .map_or(raw.len(), |(i, _)| i);
            format!("{}…", &raw[..cut])
        }
    }
}

/// A list of template words joined the language's way (`、`, `, `).
struct Joined<'a, T: Display>(&'a [T], &'static str);

impl<T: Display> Display for Joined<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, x) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(self.1)?;
            }
            x.fmt(f)?;
        }
        Ok(())
    }
}

/// A catalogue message filled, as a `Display` argument of another.
struct Filled<'a> {
    lang: Lang,
    key: Key,
    args: &'a [(&'a str, &'a dyn Display)],
}

impl Display for Filled<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fill_into(f, self.lang.text(self.key), self.args)
    }
}

/// What a narrative figure is compared with, in the table's words.
fn figure(lang: Lang, kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::New | ClaimKind::NoneReceived => "一、本年新收 总计",
        ClaimKind::CarriedIn => "二、上年结转 总计",
        ClaimKind::Received => lang.text(Key::MsgFigureReceived),
        ClaimKind::Natural => lang.text(Key::MsgFigureNatural),
        ClaimKind::Legal => lang.text(Key::MsgFigureLegal),
        ClaimKind::Done => "三(七) 总计",
        ClaimKind::CarriedOut => "四、结转下年度 总计",
        ClaimKind::Reconsideration => "行政复议 总计",
        ClaimKind::Litigation => lang.text(Key::MsgFigureLitigation),
        ClaimKind::License => "行政许可",
        ClaimKind::Penalty => "行政处罚",
    }
}

impl LayoutNote {
    /// The note in `lang`, written to `w`.
    pub fn write_in(&self, lang: Lang, w: &mut dyn Write) -> fmt::Result {
        match self {
            LayoutNote::OlderSix => w.write_str(lang.text(Key::NoteOlderSix)),
            LayoutNote::Renamed { printed } => fill_into(
                w,
                lang.text(Key::NoteRenamed),
                &[("label", printed as &dyn Display)],
            ),
            LayoutNote::AmbiguousRun { run, splits } => fill_into(
                w,
                lang.text(Key::NoteAmbiguousRun),
                &[
                    ("run", run as &dyn Display),
                    ("n", &splits.len()),
                    ("splits", &Joined(splits, lang.text(Key::MsgSplitSeparator))),
                ],
            ),
            LayoutNote::Unreadable { found, expected } => fill_into(
                w,
                lang.text(Key::NoteUnreadable),
                &[("found", found as &dyn Display), ("expected", expected)],
            ),
        }
    }

    /// The note in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut s = String::new();
        let _ = self.write_in(lang, &mut s);
        s
    }
}

impl Message {
    /// The message in `lang`, written to `w`.
    pub fn write_in(&self, lang: Lang, w: &mut dyn Write) -> fmt::Result {
        let put = |w: &mut dyn Write, key: Key, args: &[(&str, &dyn Display)]| {
            fill_into(w, lang.text(key), args)
        };
        match self {
            Message::Balance { column, lhs, rhs } => put(
                w,
                Key::MsgBalance,
                &[("column", column), ("lhs", lhs), ("rhs", rhs)],
            ),
            Message::OutcomeTotal { column, sum, total } => put(
                w,
                Key::MsgOutcomeTotal,
                &[("column", column), ("sum", sum), ("total", total)],
            ),
            Message::RowTotal { row, sum, total } => put(
                w,
                Key::MsgRowTotal,
                &[("row", row), ("sum", sum), ("total", total)],
            ),
            Message::GroupTotal { group, sum, total } => put(
                w,
                Key::MsgGroupTotal,
                &[("group", group), ("sum", sum), ("total", total)],
            ),
            Message::CellBlank { row, column, raw } if raw.is_empty() => put(
                w,
                Key::MsgCellBlankEmpty,
                &[("row", row), ("column", column)],
            ),
            Message::CellBlank { row, column, raw } => put(
                w,
                Key::MsgCellBlank,
                &[("row", row), ("column", column), ("raw", raw)],
            ),
            Message::CellInvalid { row, column, raw } => put(
                w,
                Key::MsgCellInvalid,
                &[("row", row), ("column", column), ("raw", raw)],
            ),
            Message::RowMissing { row } => put(w, Key::MsgRowMissing, &[("row", row)]),
            Message::RowCount {
                row,
                found,
                expected,
                extra,
            } => {
                let extra_args: [(&str, &dyn Display); 1] = [("values", extra)];
                let more = Filled {
                    lang,
                    key: Key::MsgRowExtra,
                    args: &extra_args,
                };
                let more: &dyn Display = if extra.is_empty() { &"" } else { &more };
                put(
                    w,
                    Key::MsgRowCount,
                    &[
                        ("row", row),
                        ("found", found),
                        ("expected", expected),
                        ("extra", more),
                    ],
                )
            }
            Message::RowNote { row, note } => {
                w.write_str(row)?;
                w.write_str(": ")?;
                note.write_in(lang, w)
            }
            Message::TableMissing { table } => put(
                w,
                Key::MsgTableMissing,
                &[("title", &table.title()), ("id", &table.id())],
            ),
            Message::NarrativeMismatch {
                excerpt,
                kind,
                stated,
                table,
            } => {
                let stated: &dyn Display = match stated {
                    Some(n) => n,
                    None => &lang.text(Key::MsgNoneReceived),
                };
                put(
                    w,
                    Key::MsgNarrativeMismatch,
                    &[
                        ("excerpt", excerpt),
                        ("stated", stated),
                        ("figure", &figure(lang, *kind)),
                        ("value", table),
                    ],
                )
            }
            Message::SectionMissing { section } => put(
                w,
                Key::MsgSectionMissing,
                &[("section", &section.canonical())],
            ),
            Message::SectionEmpty { section } => put(
                w,
                Key::MsgSectionEmpty,
                &[("section", &section.canonical())],
            ),
            Message::OldTemplate { markers } => put(
                w,
                Key::MsgOldTemplate,
                &[("markers", &Joined(markers, lang.text(Key::ListSeparator)))],
            ),
            Message::CarryOver { column, this, last } => put(
                w,
                Key::MsgCarryOver,
                &[("column", column), ("this", this), ("last", last)],
            ),
        }
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut s = String::with_capacity(64);
        let _ = self.write_in(lang, &mut s);
        s
    }

    /// The message in `lang`, as a `Display` (no intermediate string).
    pub fn in_lang(&self, lang: Lang) -> InLang<'_> {
        InLang(self, lang)
    }

    /// The section a `section.missing` or `section.empty` message names.
    pub fn section(&self) -> Option<SectionKind> {
        match self {
            Message::SectionMissing { section } | Message::SectionEmpty { section } => {
                Some(*section)
            }
            _ => None,
        }
    }
}

/// A message shown in a given language ([`Message::in_lang`]).
pub struct InLang<'a>(&'a Message, Lang);

impl Display for InLang<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_in(self.1, f)
    }
}

/// In the process's language ([`crate::i18n::lang`]).
impl Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_in(crate::i18n::lang(), f)
    }
}

/// The machine contract: always the Chinese text, written straight into
/// the serializer (serde_json escapes it on the way, no copy).
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.in_lang(Lang::Zh))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One message of every kind (and every shape of a kind: a blank cell
    /// with and without text, a row with and without extra values, every
    /// layout note, every narrative figure).
    fn samples() -> Vec<Message> {
        let mut out = vec![
            Message::Balance {
                column: "商业企业",
                lhs: 6,
                rhs: 5,
            },
            Message::OutcomeTotal {
                column: "自然人",
                sum: 10,
                total: 11,
            },
            Message::RowTotal {
                row: "一、本年新收",
                sum: 26,
                total: 25,
            },
            Message::GroupTotal {
                group: "行政复议",
                sum: 3,
                total: 4,
            },
            Message::CellBlank {
                row: "一、本年新收",
                column: "自然人",
                raw: "".into(),
            },
            Message::CellBlank {
                row: "一、本年新收",
                column: "自然人",
                raw: "—".into(),
            },
            Message::CellInvalid {
                row: "二、上年结转",
                column: "其他",
                raw: "abc".into(),
            },
            Message::RowMissing {
                row: "四、结转下年度继续办理",
            },
            Message::RowCount {
                row: "一、本年新收",
                found: 6,
                expected: 7,
                extra: "".into(),
            },
            Message::RowCount {
                row: "一、本年新收",
                found: 8,
                expected: 7,
                extra: "9".into(),
            },
            Message::TableMissing {
                table: TableId::Appeals,
            },
            Message::SectionMissing {
                section: SectionKind::Problems,
            },
            Message::SectionEmpty {
                section: SectionKind::Other,
            },
            Message::OldTemplate {
                markers: vec!["本年新制作数量", "政府集中采购"],
            },
            Message::CarryOver {
                column: "总计",
                this: 3,
                last: 4,
            },
        ];
        for note in [
            LayoutNote::OlderSix,
            LayoutNote::Renamed {
                printed: "2.其他法律行政止公开".into(),
            },
            LayoutNote::AmbiguousRun {
                run: "110000011".into(),
                splits: vec!["1|10|0|0|0|0|11".into(), "11|0|0|0|0|0|11".into()],
            },
            LayoutNote::Unreadable {
                found: 168,
                expected: 175,
            },
        ] {
            out.push(Message::RowNote {
                row: "(七) 总计",
                note: Box::new(note),
            });
        }
        for kind in [
            ClaimKind::New,
            ClaimKind::CarriedIn,
            ClaimKind::Received,
            ClaimKind::Natural,
            ClaimKind::Legal,
            ClaimKind::Done,
            ClaimKind::CarriedOut,
            ClaimKind::NoneReceived,
            ClaimKind::Reconsideration,
            ClaimKind::Litigation,
            ClaimKind::License,
            ClaimKind::Penalty,
        ] {
            out.push(Message::NarrativeMismatch {
                excerpt: "共受理政府信息公开申请 28 件".into(),
                kind,
                stated: (kind != ClaimKind::NoneReceived).then_some(28),
                table: 29,
            });
        }
        out
    }

    /// The variant's index: an exhaustive match, so a new kind of message
    /// fails to compile here until [`samples`] shows it.
    fn kind(m: &Message) -> usize {
        match m {
            Message::Balance { .. } => 0,
            Message::OutcomeTotal { .. } => 1,
            Message::RowTotal { .. } => 2,
            Message::GroupTotal { .. } => 3,
            Message::CellBlank { .. } => 4,
            Message::CellInvalid { .. } => 5,
            Message::RowMissing { .. } => 6,
            Message::RowCount { .. } => 7,
            Message::RowNote { .. } => 8,
            Message::TableMissing { .. } => 9,
            Message::NarrativeMismatch { .. } => 10,
            Message::SectionMissing { .. } => 11,
            Message::SectionEmpty { .. } => 12,
            Message::OldTemplate { .. } => 13,
            Message::CarryOver { .. } => 14,
        }
    }

    #[test]
    fn every_message_renders_in_both_languages_with_its_arguments() {
        let all = samples();
        let mut seen: Vec<usize> = all.iter().map(kind).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..15).collect::<Vec<_>>(), "a kind without a sample");
        for m in &all {
            let zh = m.render(Lang::Zh);
            let en = m.render(Lang::En);
            for (lang, text) in [("zh", &zh), ("en", &en)] {
                assert!(!text.trim().is_empty(), "{m:?} empty in {lang}");
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "{m:?}: placeholder left in {lang}: {text}"
                );
            }
            assert_ne!(zh, en, "{m:?}");
            // English says it in English words; Chinese has none (but for
            // names: a program's, its option, a table id, the cell's text).
            let names = ["pdftotext", "layout", "abc", "appeals"];
            let words = |t: &'_ str| -> Vec<String> {
                t.split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| w.len() >= 3 && !names.contains(w))
                    .map(str::to_string)
                    .collect()
            };
            assert!(!words(&en).is_empty(), "{m:?}: {en}");
            let ascii_words = words(&zh);
            assert!(ascii_words.is_empty(), "{m:?}: {zh}");
            // The arguments are in both: numbers and template words.
            for arg in arguments(m) {
                assert!(zh.contains(&arg), "{m:?}: {arg} not in {zh}");
                assert!(en.contains(&arg), "{m:?}: {arg} not in {en}");
            }
        }
    }

    /// The values a message must show, as text.
    fn arguments(m: &Message) -> Vec<String> {
        let s = |x: &dyn Display| x.to_string();
        match m {
            Message::Balance { column, lhs, rhs } => vec![s(column), s(lhs), s(rhs)],
            Message::OutcomeTotal { column, sum, total } => vec![s(column), s(sum), s(total)],
            Message::RowTotal { row, sum, total } => vec![s(row), s(sum), s(total)],
            Message::GroupTotal { group, sum, total } => vec![s(group), s(sum), s(total)],
            Message::CellBlank { row, column, raw } | Message::CellInvalid { row, column, raw } => {
                vec![s(row), s(column), raw.to_string()]
            }
            Message::RowMissing { row } => vec![s(row)],
            Message::RowCount {
                row,
                found,
                expected,
                extra,
            } => vec![s(row), s(found), s(expected), extra.to_string()],
            Message::RowNote { row, note } => {
                let mut v = vec![s(row)];
                match note.as_ref() {
                    LayoutNote::OlderSix => {}
                    LayoutNote::Renamed { printed } => v.push(printed.clone()),
                    LayoutNote::AmbiguousRun { run, splits } => {
                        v.push(run.clone());
                        v.extend(splits.iter().cloned());
                    }
                    LayoutNote::Unreadable { found, expected } => v.extend([s(found), s(expected)]),
                }
                v
            }
            Message::TableMissing { table } => vec![s(&table.title()), s(&table.id())],
            Message::NarrativeMismatch {
                excerpt,
                stated,
                table,
                ..
            } => {
                let mut v = vec![excerpt.to_string(), s(table)];
                v.extend(stated.map(|n| n.to_string()));
                v
            }
            Message::SectionMissing { section } | Message::SectionEmpty { section } => {
                vec![s(&section.canonical())]
            }
            Message::OldTemplate { markers } => markers.iter().map(|m| s(m)).collect(),
            Message::CarryOver { column, this, last } => vec![s(column), s(this), s(last)],
        }
    }

    #[test]
    fn chinese_is_the_machine_contract() {
        let m = Message::RowTotal {
            row: "一、本年新收",
            sum: 26,
            total: 25,
        };
        assert_eq!(m.render(Lang::Zh), "一、本年新收: 6 列之和 26 ≠ 总计 25");
        assert_eq!(
            m.render(Lang::En),
            "一、本年新收: the 6 columns add up to 26 ≠ 总计 25"
        );
        // JSON is Chinese whatever the language of the moment.
        let json = crate::i18n::with_lang(Lang::En, || serde_json::to_string(&m).unwrap());
        assert_eq!(json, "\"一、本年新收: 6 列之和 26 ≠ 总计 25\"");
        // Display follows the language of the moment.
        let shown = crate::i18n::with_lang(Lang::En, || m.to_string());
        assert_eq!(shown, m.render(Lang::En));
    }

    #[test]
    fn a_long_cell_is_cut_for_the_message() {
        assert_eq!(shorten("abc"), "abc");
        let long: String = "数".repeat(30);
        let cut = shorten(&long);
        assert_eq!(cut.chars().count(), 24);
        assert!(cut.ends_with('…'));
        assert_eq!(shorten(&"x".repeat(24)), "x".repeat(24));
    }
}
