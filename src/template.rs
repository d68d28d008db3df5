//! The national template (2021 format): the three standard tables, their rows,
//! columns and the label keys used to recognise rows in mangled files.

use serde::Serialize;

/// One of the three standard tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TableId {
    /// Table 1, section 二: 主动公开政府信息情况.
    Active,
    /// Table 2, section 三: 收到和处理政府信息公开申请情况.
    Requests,
    /// Table 3, section 四: 行政复议、行政诉讼.
    Appeals,
}

impl TableId {
    pub const ALL: [TableId; 3] = [TableId::Active, TableId::Requests, TableId::Appeals];

    /// Stable id used in findings and JSON.
    pub fn id(self) -> &'static str {
        match self {
            TableId::Active => "active",
            TableId::Requests => "requests",
            TableId::Appeals => "appeals",
        }
    }

    /// The Chinese name of the table, as a reviewer calls it.
    pub fn title(self) -> &'static str {
        match self {
            TableId::Active => "主动公开",
            TableId::Requests => "依申请公开",
            TableId::Appeals => "行政复议、行政诉讼",
        }
    }

    pub fn spec(self) -> &'static TableSpec {
        match self {
            TableId::Active => &ACTIVE,
            TableId::Requests => &REQUESTS,
            TableId::Appeals => &APPEALS,
        }
    }

    /// The section (1-based, as numbered in the template) the table belongs to.
    pub fn section(self) -> SectionKind {
        match self {
            TableId::Active => SectionKind::Active,
            TableId::Requests => SectionKind::Requests,
            TableId::Appeals => SectionKind::Appeals,
        }
    }
}

/// What kind of number a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// A non-negative integer count.
    Count,
    /// A decimal amount (万元), only the fee cell.
    Amount,
}

/// A value row of a standard table.
#[derive(Debug)]
pub struct RowSpec {
    /// The canonical label, as the spec writes it.
    pub label: &'static str,
    /// A short label for narrow screens.
    pub short: &'static str,
    /// Normalised keys that identify the row in a mangled file (see
    /// [`normalize_label`]); the first is the primary one.
    pub keys: &'static [&'static str],
    /// Number of value cells in this row.
    pub width: usize,
    pub kind: CellKind,
    /// The template's label columns for the normalized layout.
    pub layout: &'static [&'static str],
    /// Group header lines written before this row in the normalized layout
    /// (only the active table has them).
    pub group: Option<&'static ActiveGroup>,
}

#[derive(Debug)]
pub struct ActiveGroup {
    pub title: &'static str,
    pub columns: &'static [&'static str],
}

/// Value columns that belong together under one header: the grid's first
/// header level, and, when the group ends in its own total, a sum rule.
#[derive(Debug)]
pub struct ColumnGroup {
    /// The group's name as the template writes it.
    pub name: &'static str,
    /// A shorter name for the grid's header.
    pub short: &'static str,
    /// First and last value column (inclusive).
    pub first: usize,
    pub last: usize,
    /// The column holding the sum of the group's other columns.
    pub total: Option<usize>,
}

impl ColumnGroup {
    /// The columns that add up to the total (all but the total).
    pub fn parts(&self) -> impl Iterator<Item = usize> + '_ {
        (self.first..=self.last).filter(move |&c| Some(c) != self.total)
    }
}

#[derive(Debug)]
pub struct TableSpec {
    pub id: &'static str,
    /// Column labels (the most specific level).
    pub columns: &'static [&'static str],
    /// Short column labels for the grid.
    pub short_columns: &'static [&'static str],
    pub rows: &'static [RowSpec],
    /// Number of label columns in the normalized layout.
    pub label_columns: usize,
    /// Column groups, in column order.
    pub groups: &'static [ColumnGroup],
    /// The header lines of the normalized layout, as tab-separated fields
    /// (the active table's headers come with its row groups instead).
    pub header: &'static [&'static [&'static str]],
    /// A one-line header naming the table's columns, for layouts that write
    /// a single header line (pipe tables, space-separated text).
    pub plain_header: &'static [&'static str],
}

impl TableSpec {
    pub fn width(&self) -> usize {
        self.rows.iter().map(|r| r.width).max().unwrap_or(0)
    }

    /// The group a value column belongs to.
    pub fn group_of(&self, column: usize) -> Option<&ColumnGroup> {
        self.groups
            .iter()
            .find(|g| g.first <= column && column <= g.last)
    }
}

/// The six numbered sections of a report, plus the title block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    Title,
    Overview,
    Active,
    Requests,
    Appeals,
    Problems,
    Other,
}

impl SectionKind {
    pub const NUMBERED: [SectionKind; 6] = [
        SectionKind::Overview,
        SectionKind::Active,
        SectionKind::Requests,
        SectionKind::Appeals,
        SectionKind::Problems,
        SectionKind::Other,
    ];

    pub fn canonical(self) -> &'static str {
        match self {
            SectionKind::Title => "标题",
            SectionKind::Overview => "一、总体情况",
            SectionKind::Active => "二、主动公开政府信息情况",
            SectionKind::Requests => "三、收到和处理政府信息公开申请情况",
            SectionKind::Appeals => "四、政府信息公开行政复议、行政诉讼情况",
            SectionKind::Problems => "五、存在的主要问题及改进情况",
            SectionKind::Other => "六、其他需要报告的事项",
        }
    }

    pub fn table(self) -> Option<TableId> {
        match self {
            SectionKind::Active => Some(TableId::Active),
            SectionKind::Requests => Some(TableId::Requests),
            SectionKind::Appeals => Some(TableId::Appeals),
            _ => None,
        }
    }
}

static G1: ActiveGroup = ActiveGroup {
    title: "第二十条第（一）项",
    columns: &["本年制发件数", "本年废止件数", "现行有效件数"],
};
static G5: ActiveGroup = ActiveGroup {
    title: "第二十条第（五）项",
    columns: &["本年处理决定数量"],
};
static G6: ActiveGroup = ActiveGroup {
    title: "第二十条第（六）项",
    columns: &["本年处理决定数量"],
};
static G8: ActiveGroup = ActiveGroup {
    title: "第二十条第（八）项",
    columns: &["本年收费金额（单位：万元）"],
};

const fn active_row(
    label: &'static str,
    keys: &'static [&'static str],
    width: usize,
    kind: CellKind,
    group: Option<&'static ActiveGroup>,
) -> RowSpec {
    RowSpec {
        label,
        short: label,
        keys,
        width,
        kind,
        layout: &[],
        group,
    }
}

pub static ACTIVE: TableSpec = TableSpec {
    id: "active",
    columns: &["本年制发件数", "本年废止件数", "现行有效件数"],
    short_columns: &["制发/决定/金额", "废止", "现行有效"],
    rows: &[
        active_row("规章", &["规章"], 3, CellKind::Count, Some(&G1)),
        active_row("行政规范性文件", &["规范性文件"], 3, CellKind::Count, None),
        active_row("行政许可", &["行政许可"], 1, CellKind::Count, Some(&G5)),
        active_row("行政处罚", &["行政处罚"], 1, CellKind::Count, Some(&G6)),
        active_row("行政强制", &["行政强制"], 1, CellKind::Count, None),
        active_row(
            "行政事业性收费",
            &["行政事业性收费", "事业性收费"],
            1,
            CellKind::Amount,
            Some(&G8),
        ),
    ],
    label_columns: 1,
    groups: &[ColumnGroup {
        name: "第二十条 (一)(五)(六)(八)项",
        short: "第二十条 (一)(五)(六)(八)项",
        first: 0,
        last: 2,
        total: None,
    }],
    header: &[],
    plain_header: &["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
};

const fn req(
    label: &'static str,
    short: &'static str,
    keys: &'static [&'static str],
    layout: &'static [&'static str],
) -> RowSpec {
    RowSpec {
        label,
        short,
        keys,
        width: 7,
        kind: CellKind::Count,
        layout,
        group: None,
    }
}

pub static REQUESTS: TableSpec = TableSpec {
    id: "requests",
    columns: &[
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ],
    short_columns: &[
        "自然人",
        "商业企业",
        "科研机构",
        "公益组织",
        "法律服务",
        "其他",
        "总计",
    ],
    rows: &[
        req(
            "一、本年新收政府信息公开申请数量",
            "一、本年新收",
            &["本年新收"],
            &["一、本年新收政府信息公开申请数量", "", ""],
        ),
        req(
            "二、上年结转政府信息公开申请数量",
            "二、上年结转",
            &["上年结转"],
            &["二、上年结转政府信息公开申请数量", "", ""],
        ),
        req(
            "(一) 予以公开",
            "三(一) 予以公开",
            &["予以公开"],
            &["三、本年度办理结果", "(一) 予以公开", ""],
        ),
        req(
            "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）",
            "(二) 部分公开",
            &["部分公开"],
            &[
                "",
                "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）",
                "",
            ],
        ),
        req(
            "(三) 不予公开 1. 属于国家秘密",
            "(三)1 国家秘密",
            &["属于国家秘密", "国家秘密"],
            &["", "(三) 不予公开", "1. 属于国家秘密"],
        ),
        req(
            "(三) 不予公开 2. 其他法律行政法规禁止公开",
            "(三)2 法规禁止",
            &["其他法律行政法规禁止公开", "法律行政法规禁止"],
            &["", "", "2. 其他法律行政法规禁止公开"],
        ),
        req(
            "(三) 不予公开 3. 危及“三安全一稳定”",
            "(三)3 三安全一稳定",
            &["危及三安全一稳定", "三安全一稳定"],
            &["", "", "3. 危及“三安全一稳定”"],
        ),
        req(
            "(三) 不予公开 4. 保护第三方合法权益",
            "(三)4 第三方权益",
            &["保护第三方合法权益", "第三方合法权益"],
            &["", "", "4. 保护第三方合法权益"],
        ),
        req(
            "(三) 不予公开 5. 属于三类内部事务信息",
            "(三)5 内部事务",
            &["属于三类内部事务信息", "三类内部事务"],
            &["", "", "5. 属于三类内部事务信息"],
        ),
        req(
            "(三) 不予公开 6. 属于四类过程性信息",
            "(三)6 过程性信息",
            &["属于四类过程性信息", "四类过程性"],
            &["", "", "6. 属于四类过程性信息"],
        ),
        req(
            "(三) 不予公开 7. 属于行政执法案卷",
            "(三)7 执法案卷",
            &["属于行政执法案卷", "行政执法案卷"],
            &["", "", "7. 属于行政执法案卷"],
        ),
        req(
            "(三) 不予公开 8. 属于行政查询事项",
            "(三)8 查询事项",
            &["属于行政查询事项", "行政查询事项"],
            &["", "", "8. 属于行政查询事项"],
        ),
        req(
            "(四) 无法提供 1. 本机关不掌握相关政府信息",
            "(四)1 不掌握",
            &["本机关不掌握相关政府信息", "不掌握相关政府信息"],
            &["", "(四) 无法提供", "1. 本机关不掌握相关政府信息"],
        ),
        req(
            "(四) 无法提供 2. 没有现成信息需要另行制作",
            "(四)2 另行制作",
            &["没有现成信息需要另行制作", "需要另行制作"],
            &["", "", "2. 没有现成信息需要另行制作"],
        ),
        req(
            "(四) 无法提供 3. 补正后申请内容仍不明确",
            "(四)3 仍不明确",
            &["补正后申请内容仍不明确", "申请内容仍不明确"],
            &["", "", "3. 补正后申请内容仍不明确"],
        ),
        req(
            "(五) 不予处理 1. 信访举报投诉类申请",
            "(五)1 信访举报",
            &["信访举报投诉类申请", "信访举报投诉"],
            &["", "(五) 不予处理", "1. 信访举报投诉类申请"],
        ),
        req(
            "(五) 不予处理 2. 重复申请",
            "(五)2 重复申请",
            &["重复申请"],
            &["", "", "2. 重复申请"],
        ),
        req(
            "(五) 不予处理 3. 要求提供公开出版物",
            "(五)3 公开出版物",
            &["要求提供公开出版物", "公开出版物"],
            &["", "", "3. 要求提供公开出版物"],
        ),
        req(
            "(五) 不予处理 4. 无正当理由大量反复申请",
            "(五)4 大量反复",
            &["无正当理由大量反复申请", "大量反复申请"],
            &["", "", "4. 无正当理由大量反复申请"],
        ),
        req(
            "(五) 不予处理 5. 要求行政机关确认或重新出具已获取信息",
            "(五)5 确认或重新出具",
            &["要求行政机关确认或重新出具已获取信息", "重新出具已获取信息"],
            &["", "", "5. 要求行政机关确认或重新出具已获取信息"],
        ),
        req(
            "(六) 其他处理 1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "(六)1 逾期不补正",
            &[
                "申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请",
                "逾期不补正",
            ],
            &[
                "",
                "(六) 其他处理",
                "1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ],
        ),
        req(
            "(六) 其他处理 2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "(六)2 逾期未缴费",
            &[
                "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请",
                "收费通知要求缴纳费用",
            ],
            &[
                "",
                "",
                "2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ],
        ),
        req(
            "(六) 其他处理 3. 其他",
            "(六)3 其他",
            &["其他"],
            &["", "", "3. 其他"],
        ),
        req("(七) 总计", "(七) 总计", &["总计"], &["", "(七) 总计", ""]),
        req(
            "四、结转下年度继续办理",
            "四、结转下年度",
            &["结转下年度继续办理", "结转下年度"],
            &["四、结转下年度继续办理", "", ""],
        ),
    ],
    label_columns: 3,
    groups: &[
        ColumnGroup {
            name: "自然人",
            short: "自然人",
            first: 0,
            last: 0,
            total: None,
        },
        ColumnGroup {
            name: "法人或其他组织",
            short: "法人或其他组织",
            first: 1,
            last: 5,
            total: None,
        },
        ColumnGroup {
            name: "总计",
            short: "总计",
            first: 6,
            last: 6,
            total: None,
        },
    ],
    header: &[
        &[
            "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)",
            "",
            "",
            "申请人情况",
        ],
        &[
            "",
            "",
            "",
            "自然人",
            "法人或其他组织",
            "",
            "",
            "",
            "",
            "总计",
        ],
        &[
            "",
            "",
            "",
            "",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "",
        ],
    ],
    plain_header: &[
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ],
};

/// Row indexes of the requests table used by the rules.
pub mod requests_rows {
    pub const NEW: usize = 0;
    pub const CARRIED_IN: usize = 1;
    pub const FIRST_OUTCOME: usize = 2;
    pub const LAST_OUTCOME: usize = 22;
    pub const OUTCOME_TOTAL: usize = 23;
    pub const CARRIED_OUT: usize = 24;
    pub const TOTAL_COLUMN: usize = 6;
}

pub static APPEALS: TableSpec = TableSpec {
    id: "appeals",
    columns: &[
        "行政复议 结果维持",
        "行政复议 结果纠正",
        "行政复议 其他结果",
        "行政复议 尚未审结",
        "行政复议 总计",
        "未经复议直接起诉 结果维持",
        "未经复议直接起诉 结果纠正",
        "未经复议直接起诉 其他结果",
        "未经复议直接起诉 尚未审结",
        "未经复议直接起诉 总计",
        "复议后起诉 结果维持",
        "复议后起诉 结果纠正",
        "复议后起诉 其他结果",
        "复议后起诉 尚未审结",
        "复议后起诉 总计",
    ],
    short_columns: &[
        "维持",
        "纠正",
        "其他",
        "未审结",
        "总计",
        "维持",
        "纠正",
        "其他",
        "未审结",
        "总计",
        "维持",
        "纠正",
        "其他",
        "未审结",
        "总计",
    ],
    rows: &[RowSpec {
        label: "行政复议、行政诉讼",
        short: "复议诉讼",
        keys: &[
            "行政复议",
            "行政诉讼",
            "复议后起诉",
            "直接起诉",
            "结果维持",
            "尚未审结",
        ],
        width: 15,
        kind: CellKind::Count,
        layout: &[],
        group: None,
    }],
    label_columns: 0,
    groups: &[
        ColumnGroup {
            name: "行政复议",
            short: "行政复议",
            first: 0,
            last: 4,
            total: Some(4),
        },
        ColumnGroup {
            name: "行政诉讼·未经复议直接起诉",
            short: "诉讼·未经复议",
            first: 5,
            last: 9,
            total: Some(9),
        },
        ColumnGroup {
            name: "行政诉讼·复议后起诉",
            short: "诉讼·复议后起诉",
            first: 10,
            last: 14,
            total: Some(14),
        },
    ],
    header: &[
        &[
            "行政复议",
            "",
            "",
            "",
            "",
            "行政诉讼",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        &[
            "",
            "",
            "",
            "",
            "",
            "未经复议直接起诉",
            "",
            "",
            "",
            "",
            "复议后起诉",
            "",
            "",
            "",
            "",
        ],
        &[
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
        ],
    ],
    plain_header: &["行政复议", "行政诉讼"],
};

/// Normalise a label for matching: drop whitespace, markup, brackets,
/// punctuation and list numbering, fold full-width ASCII to half-width.
pub fn normalize_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_label_into(s, &mut out);
    out
}

/// [`normalize_label`], appended to `out` (a buffer the caller reuses).
/// Labels are mostly CJK ideographs, which normalising keeps as they are:
/// runs of kept text are copied whole, and only the other characters are
/// looked at one by one.
pub fn normalize_label_into(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if (0xE4..=0xE9).contains(&x) {
            // U+4000..U+9FFF: kept.
            i += 3;
            continue;
        }
        if x < 0x80 {
            let drop =
                matches!(x, b' ' | b'\t'..=b'\r') || x.is_ascii_digit() || x.is_ascii_punctuation();
            if drop {
                out.push_str(&s[run..i]);
                run = i + 1;
            }
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if let Some(kept) = normalized_char(c) {
            if kept == c {
                i += len;
                continue;
            }
            out.push_str(&s[run..i]);
            out.push(kept);
        } else {
            out.push_str(&s[run..i]);
        }
        i += len;
        run = i;
    }
    out.push_str(&s[run..]);
}

/// What [`normalize_label`] makes of one character: `None` when dropped.
fn normalized_char(c: char) -> Option<char> {
    let c = fold_width(c);
    if c.is_whitespace() || c == '\u{a0}' {
        return None;
    }
    if c.is_ascii_digit() || c.is_ascii_punctuation() {
        return None;
    }
    if matches!(
        c,
        '、' | '，'
            | '。'
            | '；'
            | '：'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '【'
            | '】'
            | '《'
            | '》'
            | '—'
            | '–'
            | '·'
            | '．'
            | '〔'
            | '〕'
            | '「'
            | '」'
    ) {
        return None;
    }
    Some(c)
}

/// Fold a full-width ASCII variant (U+FF01..U+FF5E) to ASCII.
pub fn fold_width(c: char) -> char {
    let u = c as u32;
    if (0xFF01..=0xFF5E).contains(&u) {
        char::from_u32(u - 0xFEE0).unwrap_or(c)
    } else if c == '\u{3000}' {
        ' '
    } else {
        c
    }
}

/// The column label of a cell, as a reviewer reads it. In the active table
/// the columns depend on the row's group (第二十条第（五）项 has one column).
pub fn column_label(id: TableId, row: usize, col: usize) -> &'static str {
    let spec = id.spec();
    if id == TableId::Active {
        let group = spec.rows[..=row.min(spec.rows.len() - 1)]
            .iter()
            .rev()
            .find_map(|r| r.group);
        if let Some(g) = group {
            return g.columns.get(col).copied().unwrap_or("");
        }
    }
    spec.columns.get(col).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character definition [`normalize_label`] keeps to.
    fn by_chars(s: &str) -> String {
        s.chars().filter_map(normalized_char).collect()
    }

    #[test]
    fn labels_normalize_as_character_by_character() {
        for s in [
            "",
            "一、本年新收政府信息公开申请数量",
            "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）",
            "  2. 其他法律行政法规禁止公开\t",
            "３．危及“三安全一稳定”",
            "ＡＢｃ\u{3000}行政\u{a0}许可 —— 【总计】",
            "Page 9 - 2020年报 **粗体** | 表格 |",
            "〔2023〕「引号」《文件》·点\u{85}\u{2003}\u{0b}x\u{7f}",
            "𠀀扩展区汉字 emoji 😀 and ǅ",
        ] {
            assert_eq!(normalize_label(s), by_chars(s), "{s:?}");
        }
        assert_eq!(normalize_label("（七）总计"), "七总计");
        let mut buf = String::from("前");
        normalize_label_into("1. 属于国家秘密", &mut buf);
        assert_eq!(buf, "前属于国家秘密");
    }

    #[test]
    fn labels_normalise() {
        for (label, want) in [
            ("（一）予以公开", "一予以公开"),
            ("1. 属于国家秘密", "属于国家秘密"),
            ("一、本年新收\u{3000}", "一本年新收"),
            ("三、本年度办理结果：", "三本年度办理结果"),
            ("ＡＢ—“行政许可”", "AB行政许可"),
            ("第二十条第（五）项", "第二十条第五项"),
        ] {
            assert_eq!(normalize_label(label), want, "{label:?}");
        }
    }
}
