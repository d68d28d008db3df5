//! Every rule nianbao checks, as one enum: its stable id (the machine
//! contract of `check --format json` and `error[rule]`), its severity, the
//! family a coordinator counts it under, its names and its description.
//!
//! Every property is an exhaustive `match`: a new rule that forgets its
//! family, severity or description does not compile.

use serde::Serialize;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The rule families a coordinator counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// The template's sums: requests.balance/outcome-total/row-total,
    /// appeals.group-total.
    Sums,
    /// Layout and cells: table.*, cell.*.
    Layout,
    /// The text: narrative.mismatch, section.*, format.*.
    Narrative,
    /// requests.carry-over.
    CarryOver,
}

impl Family {
    pub const ALL: [Family; 4] = [
        Family::Sums,
        Family::Layout,
        Family::Narrative,
        Family::CarryOver,
    ];

    /// Position in [`Family::ALL`] (the index of per-family count arrays).
    pub fn index(self) -> usize {
        match self {
            Family::Sums => 0,
            Family::Layout => 1,
            Family::Narrative => 2,
            Family::CarryOver => 3,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Family::Sums => "sums",
            Family::Layout => "layout",
            Family::Narrative => "narrative",
            Family::CarryOver => "carry-over",
        }
    }

    /// The family's name for people, in the process's language.
    pub fn label(self) -> &'static str {
        use crate::i18n::Key;
        crate::i18n::text(match self {
            Family::Sums => Key::FamilySums,
            Family::Layout => Key::FamilyLayout,
            Family::Narrative => Key::FamilyNarrative,
            Family::CarryOver => Key::FamilyCarryOver,
        })
    }
}

/// A rule. Serialized (JSON) as its stable id, e.g. `"requests.balance"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Rule {
    #[serde(rename = "requests.balance")]
    Balance,
    #[serde(rename = "requests.outcome-total")]
    OutcomeTotal,
    #[serde(rename = "requests.row-total")]
    RowTotal,
    #[serde(rename = "appeals.group-total")]
    GroupTotal,
    #[serde(rename = "cell.invalid")]
    CellInvalid,
    #[serde(rename = "cell.blank")]
    CellBlank,
    #[serde(rename = "table.layout")]
    TableLayout,
    #[serde(rename = "table.missing")]
    TableMissing,
    #[serde(rename = "narrative.mismatch")]
    NarrativeMismatch,
    #[serde(rename = "section.missing")]
    SectionMissing,
    #[serde(rename = "section.empty")]
    SectionEmpty,
    #[serde(rename = "format.old-template")]
    OldTemplate,
    #[serde(rename = "requests.carry-over")]
    CarryOver,
}

impl Rule {
    /// Every rule, in the order `--help` and the README list them.
    pub const ALL: [Rule; 13] = [
        Rule::Balance,
        Rule::OutcomeTotal,
        Rule::RowTotal,
        Rule::GroupTotal,
        Rule::CellInvalid,
        Rule::CellBlank,
        Rule::TableLayout,
        Rule::TableMissing,
        Rule::NarrativeMismatch,
        Rule::SectionMissing,
        Rule::SectionEmpty,
        Rule::OldTemplate,
        Rule::CarryOver,
    ];

    /// The stable id (JSON, `error[rule]`, the README).
    pub fn id(self) -> &'static str {
        match self {
            Rule::Balance => "requests.balance",
            Rule::OutcomeTotal => "requests.outcome-total",
            Rule::RowTotal => "requests.row-total",
            Rule::GroupTotal => "appeals.group-total",
            Rule::CellInvalid => "cell.invalid",
            Rule::CellBlank => "cell.blank",
            Rule::TableLayout => "table.layout",
            Rule::TableMissing => "table.missing",
            Rule::NarrativeMismatch => "narrative.mismatch",
            Rule::SectionMissing => "section.missing",
            Rule::SectionEmpty => "section.empty",
            Rule::OldTemplate => "format.old-template",
            Rule::CarryOver => "requests.carry-over",
        }
    }

    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::Balance
            | Rule::OutcomeTotal
            | Rule::RowTotal
            | Rule::GroupTotal
            | Rule::CellInvalid
            | Rule::TableMissing
            | Rule::NarrativeMismatch
            | Rule::SectionMissing
            | Rule::CarryOver => Severity::Error,
            Rule::CellBlank | Rule::TableLayout | Rule::SectionEmpty | Rule::OldTemplate => {
                Severity::Warning
            }
        }
    }

    pub fn family(self) -> Family {
        match self {
            Rule::Balance | Rule::OutcomeTotal | Rule::RowTotal | Rule::GroupTotal => Family::Sums,
            Rule::CellInvalid | Rule::CellBlank | Rule::TableLayout | Rule::TableMissing => {
                Family::Layout
            }
            Rule::NarrativeMismatch
            | Rule::SectionMissing
            | Rule::SectionEmpty
            | Rule::OldTemplate => Family::Narrative,
            Rule::CarryOver => Family::CarryOver,
        }
    }

    /// The short Chinese name a reviewer knows the rule by.
    pub fn name_zh(self) -> &'static str {
        match self {
            Rule::Balance => "勾稽关系",
            Rule::OutcomeTotal => "办理结果合计",
            Rule::RowTotal => "总计列",
            Rule::GroupTotal => "复议诉讼合计",
            Rule::CellInvalid => "无效数值",
            Rule::CellBlank => "空白单元格",
            Rule::TableLayout => "表格版式",
            Rule::TableMissing => "缺少表格",
            Rule::NarrativeMismatch => "正文与表格不符",
            Rule::SectionMissing => "缺少章节",
            Rule::SectionEmpty => "章节为空",
            Rule::OldTemplate => "旧版格式",
            Rule::CarryOver => "上年结转",
        }
    }

    /// The short English name.
    pub fn name_en(self) -> &'static str {
        match self {
            Rule::Balance => "balance",
            Rule::OutcomeTotal => "outcome total",
            Rule::RowTotal => "row total",
            Rule::GroupTotal => "appeals total",
            Rule::CellInvalid => "invalid number",
            Rule::CellBlank => "blank cell",
            Rule::TableLayout => "table layout",
            Rule::TableMissing => "missing table",
            Rule::NarrativeMismatch => "text vs tables",
            Rule::SectionMissing => "missing section",
            Rule::SectionEmpty => "empty section",
            Rule::OldTemplate => "old format",
            Rule::CarryOver => "carry-over",
        }
    }

    /// One line on what the rule checks (`--help`, the README), in the
    /// process's language.
    pub fn description(self) -> &'static str {
        crate::i18n::text(self.description_key())
    }

    /// The catalogue key of [`Rule::description`].
    pub fn description_key(self) -> crate::i18n::Key {
        use crate::i18n::Key;
        match self {
            Rule::Balance => Key::RuleBalance,
            Rule::OutcomeTotal => Key::RuleOutcomeTotal,
            Rule::RowTotal => Key::RuleRowTotal,
            Rule::GroupTotal => Key::RuleGroupTotal,
            Rule::CellInvalid => Key::RuleCellInvalid,
            Rule::CellBlank => Key::RuleCellBlank,
            Rule::TableLayout => Key::RuleTableLayout,
            Rule::TableMissing => Key::RuleTableMissing,
            Rule::NarrativeMismatch => Key::RuleNarrativeMismatch,
            Rule::SectionMissing => Key::RuleSectionMissing,
            Rule::SectionEmpty => Key::RuleSectionEmpty,
            Rule::OldTemplate => Key::RuleOldTemplate,
            Rule::CarryOver => Key::RuleCarryOver,
        }
    }

    /// The rule's name in the process's language ([`Rule::name_zh`] or
    /// [`Rule::name_en`]).
    pub fn name(self) -> &'static str {
        match crate::i18n::lang() {
            crate::i18n::Lang::Zh => self.name_zh(),
            crate::i18n::Lang::En => self.name_en(),
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_serialize_as_ids() {
        for r in Rule::ALL {
            assert_eq!(Rule::from_id(r.id()), Some(r));
            assert_eq!(
                serde_json::to_string(&r).ok(),
                Some(format!("\"{}\"", r.id()))
            );
        }
    }

    #[test]
    fn families_follow_the_id_prefixes_a_coordinator_knows() {
        for r in Rule::ALL {
            let id = r.id();
            let expected = if r == Rule::CarryOver {
                Family::CarryOver
            } else if id.starts_with("requests.") || id.starts_with("appeals.") {
                Family::Sums
            } else if id.starts_with("table.") || id.starts_with("cell.") {
                Family::Layout
            } else {
                Family::Narrative
            };
            assert_eq!(r.family(), expected, "{id}");
            assert_eq!(Family::ALL[r.family().index()], r.family());
        }
    }
}
