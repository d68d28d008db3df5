//! 中文目录（默认语言）。每个键一条，`match` 无通配分支：漏掉一个键即无法编译。

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::HelpAbout => {
            "审阅政府信息公开工作年度报告：按模板核对表格，在终端表格中修改，写出规范化文件。"
        }
        Key::HelpTemplate => {
            "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}"
        }
        Key::HelpHeadingArgs => "参数",
        Key::HelpHeadingOptions => "选项",
        Key::HelpHeadingCommands => "命令",
        Key::HelpHelp => "显示帮助",
        Key::HelpVersion => "显示版本",
        Key::HelpFiles => {
            "要在审阅界面打开的报告（省略则打开自带的示例报告）；文件夹或多个文件打开报告列表。"
        }
        Key::HelpTheme => "配色主题：dark、light、high-contrast，或用户主题名（仅审阅界面）。",
        Key::HelpPrevious => {
            "上年的报告：在审阅界面核对本年 二、上年结转 与上年 四、结转下年度继续办理（只打开一份报告时）。"
        }
        Key::HelpLang => {
            "界面语言：zh（中文，默认）或 en。未指定时读 config.toml 的 lang，再看 LC_ALL、LC_MESSAGES、LANG。"
        }
        Key::HelpCheckAbout => "按模板的规则检查报告，列出发现的问题。",
        Key::HelpCheckFormat => "输出格式：text（文字）或 json（机器可读）。",
        Key::HelpCheckPrevious => {
            "上年的报告：核对本年 二、上年结转 与上年 四、结转下年度继续办理（requests.carry-over）。"
        }
        Key::HelpCheckFix => {
            "同时在每个输入文件旁写出 `<文件名>.normalized.txt`，应用全部无歧义的建议修改，并列出这些修改。"
        }
        Key::HelpCheckForce => {
            "与 --fix 同用：替换已存在且内容不同的 `<文件名>.normalized.txt`（否则拒绝）。"
        }
        Key::HelpCheckSummary => {
            "每份报告输出一行汇总（各类问题的个数和首个问题），代替问题清单，用于通报：csv、markdown 或 xlsx（xlsx 须用 -o 指定文件）。"
        }
        Key::HelpCheckOutput => {
            "把汇总写到这个文件（仅 --summary）；写到文件的 csv 带 UTF-8 BOM，Excel/WPS 直接打开不乱码。"
        }
        Key::HelpCheckBom => "--summary csv 写到标准输出时也加 UTF-8 BOM。",
        Key::HelpCheckFiles => {
            "报告文件，或存放报告的文件夹（含子文件夹）：文本（UTF-8、UTF-16、GB18030/GBK）、Word（.docx）、网页（.html、.htm）或 PDF。同一机关相邻年份的报告自动配对，核对上年结转。"
        }
        Key::HelpNormalizeAbout => {
            "写出规范化的报告：UTF-8、LF 换行、表格统一为制表符分隔的格式。从不覆盖输入文件。"
        }
        Key::HelpNormalizeFile => "报告文件。",
        Key::HelpNormalizeOutput => {
            "输出路径；默认为输入文件旁的 `<文件名>.normalized.txt`；`-` 表示标准输出。"
        }
        Key::HelpNormalizeForce => "替换已存在且内容不同的输出文件（否则拒绝）。",
        Key::HelpExamples => {
            "示例：
  nianbao report.txt                     在终端中审阅一份报告
  nianbao                                审阅自带的示例报告
  nianbao reports/                       列出文件夹（含子文件夹）里的全部报告，问题多的在前
  nianbao --previous 2023.txt 2024.txt   审阅 2024 年报告，并与上年核对结转数
  nianbao check sample-reports/*.txt     检查多份报告（有错误时退出码为 1）
  nianbao check --format json a.txt      机器可读的问题和表格（JSON）
  nianbao check --fix a.txt              同时写出 a.normalized.txt，应用建议的修改
  nianbao check reports/ --summary markdown
                                         每份报告一行的汇总，开头一段可直接用于通报
  nianbao check reports/ --summary xlsx -o 汇总.xlsx
                                         汇总写成 Excel 工作簿（汇总表和问题清单）
  nianbao normalize a.txt                在 a.txt 旁写出 a.normalized.txt
  nianbao normalize a.txt -o -           把规范化的报告写到标准输出
  nianbao normalize --force a.txt        替换内容不同的 a.normalized.txt
  nianbao --lang en check a.txt          英文界面（也可在 config.toml 写 lang = \"en\"）

可读取：文本（UTF-8、UTF-16、GB18030/GBK）、Word（.docx）、网页（.html）和 PDF。

退出码：0 没有错误；1 有错误；2 有文件无法读取或写入（标准错误输出上有一行原因）。"
        }
        Key::HelpRules => "规则：",

        Key::UsageRoot => "nianbao [选项] [文件]... [命令]",
        Key::UsageCheck => "nianbao check [选项] <文件>...",
        Key::UsageNormalize => "nianbao normalize [选项] <文件>",
        Key::UsageHelp => "nianbao help [命令]",
        Key::ValueFiles => "文件",
        Key::ValueFile => "文件",
        Key::ValueTheme => "主题",
        Key::ValueLastYear => "上年报告",
        Key::ValueLang => "语言",
        Key::ValueFormat => "格式",
        Key::ValueCommand => "命令",
        Key::ClapUnknownArg => "无法识别的参数 '{arg}'",
        Key::ClapInvalidValue => "'{value}' 不是 '{arg}' 的有效值",
        Key::ClapValueMissing => "'{arg}' 需要一个值，但没有给出",
        Key::ClapPossibleValues => "可选值：{values}",
        Key::ClapMissingArgs => "缺少必需的参数：{args}",
        Key::ClapInvalidSubcommand => "无法识别的命令 '{command}'",
        Key::ClapMissingSubcommand => "'{command}' 后面需要一个命令",
        Key::ClapConflict => "参数 '{arg}' 不能与 {prior} 同时使用",
        Key::ClapRepeated => "参数 '{arg}' 只能给一次",
        Key::ClapNoEquals => "给 '{arg}' 赋值须用等号（=）",
        Key::ClapTooManyValues => "'{arg}' 不再接受值，却给了 '{value}'",
        Key::ClapWrongNumber => "'{arg}' 需要 {expected} 个值，给了 {actual} 个",
        Key::ClapTooFew => "'{arg}' 至少需要 {expected} 个值，只给了 {actual} 个",
        Key::ClapInvalidUtf8 => "命令行参数不是有效的 UTF-8",
        Key::ClapOther => "命令行有误",
        Key::ClapTipSimilarArg => "提示：有一个相近的参数 '{arg}'",
        Key::ClapTipSimilarCommand => "提示：有相近的命令 {commands}",
        Key::ClapTipSimilarValue => "提示：有一个相近的值 '{value}'",
        Key::ClapTipAsValue => "提示：要把 '{arg}' 当作值，请写 '-- {arg}'",
        Key::ClapTipExists => "提示：'{usage}' 是可用的写法",
        Key::ClapTipRemoveDashes => "提示：命令 '{command}' 存在；要使用它，请去掉前面的 '--'",
        Key::ClapUsage => "用法：{usage}",
        Key::ClapMoreInfo => "更多信息请用 '{help}'。",
        Key::RuleBalance => "各列：一 + 二 = 三(七)总计 + 四（模板自身的勾稽关系）",
        Key::RuleOutcomeTotal => "各列：(七)总计 = 21 个办理结果行之和",
        Key::RuleRowTotal => "依申请公开表的每一行：总计 = 六类申请人之和",
        Key::RuleGroupTotal => "复议诉讼表每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        Key::RuleCellInvalid => "不是有效数值的单元格（O、12件、计数处的 3.5、-3）",
        Key::RuleCellBlank => "空白单元格（空、/、-、—、无）：按 0 计，给出警告",
        Key::RuleTableLayout => "数值单元格个数不对的行，或找不到的行",
        Key::RuleTableMissing => "找不到的标准表格",
        Key::RuleNarrativeMismatch => {
            "正文所述的数字（共受理 N 件、办结 N 件、行政复议 N 件……）与表格不符"
        }
        Key::RuleSectionMissing => "六个编号章节之一缺失",
        Key::RuleSectionEmpty => "第五或第六部分没有任何内容",
        Key::RuleOldTemplate => "报告使用 2019 年试行格式（本年新制作数量、政府集中采购……）",
        Key::RuleCarryOver => {
            "本年 二、上年结转 = 上年 四、结转下年度继续办理，各列（--previous，或同一机关相邻年份自动配对）"
        }

        Key::MsgBalance => "{column}: 一+二 = {lhs}, 三(七)+四 = {rhs}",
        Key::MsgOutcomeTotal => "{column}: 21 项办理结果之和 {sum} ≠ (七)总计 {total}",
        Key::MsgRowTotal => "{row}: 6 列之和 {sum} ≠ 总计 {total}",
        Key::MsgGroupTotal => "{group}: 维持+纠正+其他+尚未审结 = {sum} ≠ 总计 {total}",
        Key::MsgCellBlankEmpty => "{row} / {column}: 空白，按 0 计",
        Key::MsgCellBlank => "{row} / {column}: “{raw}” 按 0 计",
        Key::MsgCellInvalid => "{row} / {column}: “{raw}” 不是有效的数值",
        Key::MsgRowMissing => "{row}: 未找到此行",
        Key::MsgRowCount => {
            "{row}: 找到 {found} 个数值，应为 {expected} 个{extra}；数值已靠左放置，请核对"
        }
        Key::MsgRowExtra => "（多出: {values}）",
        Key::MsgTableMissing => "未找到表格「{title}」({id})",
        Key::MsgNarrativeMismatch => {
            "正文“{excerpt}”与表格不符：正文 {stated}，表格 {figure} = {value}"
        }
        Key::MsgNoneReceived => "未收到申请",
        Key::MsgFigureReceived => "一+二 总计（或 一 总计）",
        Key::MsgFigureNatural => "自然人 一+二（或 一）",
        Key::MsgFigureLegal => "法人或其他组织 一+二（或 一）",
        Key::MsgFigureLitigation => "行政诉讼 两组总计之和",
        Key::MsgSectionMissing => "缺少「{section}」部分（未找到其标题）",
        Key::MsgSectionEmpty => "「{section}」部分没有内容",
        Key::MsgOldTemplate => "使用了 2019 年试行格式（{markers}）；请按 2021 年格式填报",
        Key::MsgSplitSeparator => "；",
        Key::MsgCarryOver => {
            "{column}: 本年“二、上年结转” {this} ≠ 上年报告“四、结转下年度继续办理” {last}"
        }
        Key::NoteOlderSix => {
            "本表使用旧版（2019 年试行）格式：(六)其他处理只有一行，已读作 (六)3 其他，(六)1、(六)2 按 0 计，请核对"
        }
        Key::NoteRenamed => "行标签“{label}”不在模板中，按位置读作此行，请核对",
        Key::NoteAmbiguousRun => "数字连写“{run}”有 {n} 种拆法（{splits}），无法确定，请核对",
        Key::NoteUnreadable => {
            "表格数字按列成块排列（如 pdftotext 默认模式），找到 {found} 个数值（应为 {expected} 个），无法唯一对应到各行，未读取；请用 pdftotext -layout 转换或核对原件"
        }
        Key::FamilySums => "合计",
        Key::FamilyLayout => "版式",
        Key::FamilyNarrative => "正文",
        Key::FamilyCarryOver => "结转",

        Key::LoadAt => "{path}：{reason}",
        Key::LoadNotFound => "文件不存在",
        Key::LoadIsDirectory => "是文件夹，不是报告文件",
        Key::LoadNotRegular => "是{kind}，不是报告文件",
        Key::LoadKindFifo => "命名管道（FIFO）",
        Key::LoadKindDevice => "设备",
        Key::LoadKindSocket => "套接字",
        Key::LoadKindSpecial => "特殊文件",
        Key::LoadPermissionDenied => "没有读取权限",
        Key::LoadIo => "无法读取：{error}",
        Key::LoadEmpty => "文件是空的",
        Key::LoadTooLarge => "文件至少 {size} 字节，超过 {limit} 字节（50 MB）的上限",
        Key::LoadBinary => "像是二进制数据，不是文本报告（{why}）",
        Key::LoadBinaryNul => "含 {n} 个 NUL 字节",
        Key::LoadBinaryNulOne => "含 1 个 NUL 字节",
        Key::LoadBinaryControls => "{total} 个字节中有 {bad} 个控制字符或无法解码的字符",
        Key::LoadDocument => "{why}",
        Key::OriginParagraph => "第 {n} 段",
        Key::OriginParagraphLine => "第 {n} 段第 {part} 行",
        Key::OriginTableRow => "表 {table} 第 {row} 行",
        Key::OriginAfterTable => "表 {table} 之后",
        Key::OriginPageLine => "第 {page} 页第 {line} 行",
        Key::OriginSourceLine => "第 {n} 行",
        Key::OpenPrevious => "--previous：{error}",

        Key::CheckFix => "  建议：{fix}",
        Key::CheckNoFix => "  （改任一个单元格都能成立，共 {n} 种，未给出建议）",
        Key::CheckSummaryLine => "{path}：{errors}，{warnings}（按 {encoding} 读取）",
        Key::CountErrorsOne | Key::CountErrorsMany => "{n} 个错误",
        Key::CountWarningsOne | Key::CountWarningsMany => "{n} 个警告",

        Key::NoteFixed => "{path}：已修正 {fix}",
        Key::NoteWroteFixes => "已写入 {path}（{n} 处修正）",
        Key::NoteUnchangedFixes => "{path} 已是修正后的内容（{n} 处修正），未改写",
        Key::NoteNormalized => {
            "已写入 {dest}；报告中有 {errors}、{warnings}（详情请运行 `nianbao check`）"
        }
        Key::NoteNormalizedUnchanged => {
            "{dest} 内容相同，未改写；报告中有 {errors}、{warnings}（详情请运行 `nianbao check`）"
        }
        Key::NoteWrote => "已写入 {path}",
        Key::StandardOutput => "标准输出",
        Key::ErrStdout => "无法写入标准输出",
        Key::ErrOverwriteInput => "不会覆盖输入文件 {path}；请用 -o 另选输出",
        Key::ErrNoTui => {
            "这个版本没有审阅界面（编译时未启用 `tui` 功能）；请用 `nianbao check` 或 `nianbao normalize`"
        }
        Key::ErrWrite => "无法写入 {path}：{error}",
        Key::SaveDiffers => {
            "{path} 已存在，且与将要写入的内容不同（手工改过或由另一命令写出）；未替换（用 --force 替换）"
        }
        Key::NoReportsFound => "{dir} 中没有找到报告文件",
        Key::FoundFiles => "{dir}：找到 {found} 个报告文件",
        Key::FoundFilesSkipped => "{dir}：找到 {found} 个报告文件，跳过 {skipped} 项（{why}）",
        Key::SkipNotReport => "{n} 个不是报告文件",
        Key::SkipOutput => "{n} 个是规范化输出（.normalized.txt）",
        Key::SkipHidden => "{n} 个隐藏文件",
        Key::SkipTooDeep => "{n} 个文件夹超过 {depth} 层",
        Key::SkipLoop => "{n} 个符号链接循环",
        Key::SkipUnreadableDir => "{n} 个文件夹无法读取",
        Key::ListSeparator => "、",

        Key::ConflictPreviousFolder => {
            "--previous 不能用于文件夹（只能配合一份报告）；报告列表中同一机关相邻年份会自动配对"
        }
        Key::ConflictPreviousMany => {
            "--previous 只能配合一份报告使用（这里有 {n} 份）；报告列表中同一机关相邻年份会自动配对"
        }
        Key::ConflictFixSummary => "--fix 不能与 --summary 同用：汇总不写修正后的文件",
        Key::ConflictJsonSummary => {
            "--format 不能与 --summary 同用：汇总的格式由 --summary 指定（csv、markdown、xlsx）"
        }
        Key::ConflictTheme => "--theme 只用于审阅界面，不适用于 {command}",
        Key::ConflictOutputNoSummary => "-o 只能与 --summary 同用（check 的问题清单写到标准输出）",
        Key::ConflictBomNoSummary => "--bom 只适用于 --summary csv",
        Key::ConflictXlsxNoOutput => {
            "xlsx 是二进制文件，不能写到终端或标准输出：请用 -o 文件名.xlsx 指定输出文件"
        }

        Key::ColFile => "文件",
        Key::ColAgency => "机关",
        Key::ColYear => "年度",
        Key::ColEncoding => "编码",
        Key::ColErrors => "{family}错误",
        Key::ColWarnings => "{family}警告",
        Key::ColFirst => "首个问题",
        Key::ColStatus => "状态",
        Key::StatusUnreadable => "无法读取",
        Key::StatusErrors => "有错误",
        Key::StatusWarnings => "仅有警告",
        Key::StatusClean => "未发现问题",
        Key::Unreadable => "无法读取：{error}",
        Key::NoticeCounts => {
            "本次共检查年度报告 {total} 份，其中 {errors} 份存在错误，{warnings} 份仅有警告，{clean} 份未发现问题，{unreadable} 份无法读取。"
        }
        Key::NoticeTop => "主要问题：{list}。",
        Key::NoticeTopItem => "{rule} {count} 处（{reports} 份报告）",
        Key::NoticeTopItemOne => "{rule} {count} 处（1 份报告）",
        Key::NoticeCountsOne => {
            "本次共检查年度报告 1 份，其中 {errors} 份存在错误，{warnings} 份仅有警告，{clean} 份未发现问题，{unreadable} 份无法读取。"
        }
        Key::NoticeNoProblems => "未发现共性问题。",
        Key::SheetSummary => "汇总",
        Key::SheetFindings => "问题清单",
        Key::SheetNotice => "通报",
        Key::ColRule => "问题类型",
        Key::ColRuleId => "规则编号",
        Key::ColSeverity => "级别",
        Key::ColCell => "位置",
        Key::ColMessage => "说明",
        Key::ColFix => "建议修改",
        Key::SeverityError => "错误",
        Key::SeverityWarning => "警告",
        // ── 审阅界面与报告列表 ──
        Key::TuiTextPane => "原文",
        Key::TuiGridPane => "表",
        Key::TuiNoTable => "本节没有标准表格。] 下一节，[ 上一节。",
        Key::TuiTableNotFound => "文件中没有找到本节的标准表格（缺少表格）。",
        Key::TuiFindings => "问题",
        Key::TuiNoFindings => "本表没有发现问题。",
        Key::TuiThemes => "配色主题：{names}（--theme 名称，或在 config.toml 写 theme = \"…\"）",
        Key::TuiHelpTitle => " 按键 — ↑↓ PgDn 滚动，其他键关闭 ",
        Key::TuiKeyOther => "其他键",
        Key::TuiQuitTitle => " 未保存的修改 ",
        Key::TuiQuitText => "报告有尚未保存的修改。",
        Key::TuiSampleName => "自带示例",
        Key::TuiNothingToUndo => "没有可撤销的修改",
        Key::TuiNothingToRedo => "没有可重做的修改",
        Key::TuiNoFindingsLeft => "没有发现问题",
        Key::TuiNotEditable => "此处没有数值单元格",
        Key::TuiErrorsWarnings => "{errors} {warnings}",
        Key::TuiSaved => "已保存 {path}",
        Key::TuiSaveFailed => "无法保存 {path}：{error}",
        Key::TuiUndone => "已撤销 {what}",
        Key::TuiRedone => "已重做 {what}",
        Key::TuiShiftedLeft => "这一行已左移一列",
        Key::TuiShiftedRight => "这一行已右移一列",
        Key::TuiShiftDropped => "{shifted}；数值“{dropped}”移出了边缘（u 撤销）",
        Key::TuiWhatShiftLeft => "{row} 左移",
        Key::TuiWhatShiftRight => "{row} 右移",
        Key::TuiWhatFix => "修正 {what}",
        Key::TuiInvalidNumber => "“{raw}” 不是有效的数值",
        Key::TuiRestoreTitle => " 发现未保存的修改 ",
        Key::TuiRestoreText | Key::TuiRestoreTextOne => {
            "上次会话在日志中留下了对此文件的 {n} 处未保存修改。"
        }
        Key::TuiRestored | Key::TuiRestoredOne => "已从日志恢复 {n} 处修改；按 s 保存",
        Key::TuiStaleJournal | Key::TuiStaleJournalOne => {
            "日志中的 {n} 处未保存修改没有应用：文件此后已改变。日志保留在 {aside}"
        }
        Key::TuiJournalFailed => "无法写入修改日志（{error}）；请尽快按 s 保存",
        Key::TuiNoFix => "此处的问题没有建议的修正",
        Key::TuiFixed => "已应用修正：{what}（u 撤销）",
        Key::TuiAmbiguousFix => "有 {n} 种不同的单格修正都可以，不作建议",
        Key::TuiCandidates => " · {n} 种可能的修正",
        Key::TuiCandidateList => "：{list}",
        Key::TuiCandidateSep => "；",
        Key::TuiFixKey => "（按 f 修正）",
        Key::TuiOutlineTitle => " 大纲 ",
        Key::TuiOutlineReport => "（全文）报告层面的问题",
        Key::TuiOutlineMissing => "（缺少）",
        Key::TuiHelpEditor => "编辑单元格时",
        Key::TuiHelpLineEditor => "编辑原文行时",
        Key::TuiHelpOutline => "大纲中",
        Key::TuiHelpHelp => "帮助中",
        Key::TuiLegendTitle => "图例",
        Key::TuiLegendBlank => "空白单元格，按 0 计",
        Key::TuiLegendMissing => "缺少的单元格",
        Key::TuiLegendTab => "原文中的制表符",
        Key::TuiLegendSource => "所选单元格所在的原文行",
        Key::TuiLegendError => "错误",
        Key::TuiLegendWarning => "警告",
        Key::TuiLegendHidden => "左侧 / 右侧还有列",
        Key::TuiLegendDirty => "有未保存的修改",
        Key::TuiLineEdited => "已修改第 {n} 行（u 撤销）",
        Key::TuiTableLine => "这一行属于表格，但没有对应的单元格",
        Key::TuiListConfirmQuit => "退出 nianbao？y/q/Enter 退出，其他键取消",
        Key::TuiSearchPosition => "搜索“{query}”：{k}/{n}（n/N 下一个/上一个，Esc 结束）",
        Key::TuiSearchNone => "没有找到“{query}”",
        Key::TuiSearchPrompt => "搜索：",
        Key::TuiPasted => "粘贴了 {n} 格（u 撤销）",
        Key::TuiRowSumTotal => "六列之和 {sum} / 总计 {total}",
        Key::TuiRowSum => "六列之和 {sum}",
        Key::TuiListTitle => " 报告 · 显示 {shown} / {total} 份 · 按{by}排序{dir} ",
        Key::TuiColAgency => "机关",
        Key::TuiColYear => "年度",
        Key::TuiColFile => "文件",
        Key::TuiColReadAs => "编码",
        Key::TuiColSums => "合计",
        Key::TuiColLayout => "版式",
        Key::TuiColText => "正文",
        Key::TuiColCarry => "结转",
        Key::TuiColTotal => "总数",
        Key::TuiColFirst => "首个问题",
        Key::TuiSortAgency => "机关",
        Key::TuiSortFile => "文件",
        Key::TuiSortEncoding => "编码",
        Key::TuiSortErrors => "问题数",
        Key::TuiNoMatch => "没有符合的报告。",
        Key::TuiReading => "读取中 {done} / {total}",
        Key::TuiFilterTyping => " 筛选：{filter}▏",
        Key::TuiFilterShown => " 筛选：{filter}{errors}",
        Key::TuiErrorsOnly => " · 只看错误",
        Key::KhHelp => "本帮助",
        Key::HintHelp => "帮助",
        Key::KhNextError => "下一个问题；搜索后为下一个结果",
        Key::HintNextError => "下一个问题",
        Key::KhPrevError => "上一个问题 / 上一个结果",
        Key::KhApplyFix => "应用此处问题的建议修正（可撤销）",
        Key::HintFix => "修正",
        Key::KhSave => "在输入文件旁写出 <文件名>.normalized.txt（从不覆盖输入）",
        Key::HintSave => "保存",
        Key::KhQuit => "退出（有未保存的修改时先询问）",
        Key::HintQuit => "退出",
        Key::KhOutline => "大纲：各章节及其问题数，Enter 前往",
        Key::HintOutline => "大纲",
        Key::KhSearch => "搜索行名和原文；之后 n/N 在结果间移动，Esc 结束",
        Key::HintSearch => "搜索",
        Key::KhNextSection => "下一节（表格区显示其表格）",
        Key::HintNextSection => "下一节",
        Key::KhPrevSection => "上一节",
        Key::KhLeft => "左一列",
        Key::KhRight => "右一列",
        Key::KhUp => "上一行 / 向上滚动",
        Key::KhDown => "下一行 / 向下滚动",
        Key::KhPageUp => "上一页",
        Key::KhPageDown => "下一页",
        Key::KhFocus => "焦点：表格 → 问题 → 原文（Shift-Tab 反向）",
        Key::KhEdit => "编辑单元格或原文行；在问题上：前往该处",
        Key::KhClear => "清空单元格（空白按 0 计，并提示）",
        Key::KhHome => "行首（原文：第一行）",
        Key::KhEnd => "行尾（原文：最后一行）",
        Key::KhTop => "第一行（行 / 原文行 / 问题）",
        Key::KhBottom => "最后一行（行 / 原文行 / 问题）",
        Key::KhEditWith => "以该字符替换原值并开始编辑",
        Key::KhShiftLeft => "把这一行的数值左移一列",
        Key::KhShiftRight => "把这一行的数值右移一列",
        Key::KhUndo => "撤销上一次修改或移动",
        Key::KhRedo => "重做",
        Key::KhToggleText => "隐藏 / 显示原文区",
        Key::KhEdCommit => "确定数值",
        Key::HintCommit => "确定",
        Key::KhEdCancel => "取消编辑",
        Key::HintCancel => "取消",
        Key::KhEdRight => "确定并右移一格（粘贴制表符分隔的一行即逐格填入）",
        Key::KhEdLeft => "确定并左移一格",
        Key::KhEdUp => "确定并上移一行",
        Key::KhEdDown => "确定并下移一行（← → 在格内移动光标）",
        Key::KhLineCommit => "保存这一行的修改（可撤销）",
        Key::KhLineCancel => "放弃这一行的修改",
        Key::KhHelpUp => "向上滚动",
        Key::KhHelpDown => "向下滚动",
        Key::HintPageDown => "下一页",
        Key::KhHelpHome => "开头",
        Key::KhHelpEnd => "末尾",
        Key::KhHelpClose => "关闭帮助",
        Key::KhSearchGo => "搜索",
        Key::KhSearchCancel => "取消",
        Key::KhOutUp => "上一节",
        Key::KhOutDown => "下一节",
        Key::KhOutHome => "第一节",
        Key::KhOutEnd => "最后一节",
        Key::KhOutGo => "前往该节（缺少的章节：选中其问题）",
        Key::HintGo => "前往",
        Key::KhOutClose => "关闭大纲",
        Key::HintClose => "关闭",
        Key::KhSaveQuit => "保存，然后退出",
        Key::HintSaveQuit => "保存并退出",
        Key::KhDiscardQuit => "放弃修改并退出",
        Key::HintDiscardQuit => "放弃并退出",
        Key::KhBackToReport => "回到报告",
        Key::KhSaveBack => "保存，然后返回列表",
        Key::HintSaveBack => "保存并返回列表",
        Key::KhDiscardBack => "放弃修改，返回列表",
        Key::HintDiscardBack => "放弃修改并返回列表",
        Key::KhRestore => "应用日志中的修改",
        Key::HintRestore => "恢复",
        Key::KhDiscardJournal => "丢弃日志",
        Key::HintDiscardJournal => "丢弃",
        Key::KhListDown => "下一份报告",
        Key::KhListUp => "上一份报告",
        Key::KhListHome => "第一份报告",
        Key::KhListEnd => "最后一份报告",
        Key::KhListOpen => "审阅所选报告",
        Key::HintOpen => "打开",
        Key::KhListSort => "按下一个键排序",
        Key::HintSort => "排序",
        Key::KhListReverse => "反向排序",
        Key::HintReverse => "反向",
        Key::KhListFilter => "按机关、标题或文件名筛选",
        Key::HintFilter => "筛选",
        Key::KhListErrors => "只显示有错误的报告",
        Key::HintErrorsOnly => "只看错误",
        Key::KhListQuit => "退出",
        Key::KhListEsc => "清除筛选；没有筛选时询问是否退出",
        Key::KhConfirmQuit => "退出 nianbao",
        Key::KhFilterDone => "结束筛选（筛选保持有效）",
        Key::HintDone => "完成",
        Key::TuiNeedsTerminal => "审阅界面需要终端；在管道中请用 {headless}",
        Key::TuiTerminalError => "终端出错：{error}",
        Key::TuiConfigUnreadable => "无法读取配置文件 {path}：{error}；使用默认设置",
        Key::TuiConfigInvalid => "配置文件 {path}：{error}；使用默认设置",
        Key::TuiConfigLang => "配置文件 {path}：lang = \"{value}\" 既不是 zh 也不是 en，已忽略",
        Key::TuiTomlAt => "第 {line} 行第 {column} 列格式有误（TOML：“{message}”）",
        Key::IoNotFound => "文件或文件夹不存在",
        Key::IoPermissionDenied => "没有权限",
        Key::IoAlreadyExists => "已经存在",
        Key::IoIsADirectory => "这是一个文件夹",
        Key::IoNotADirectory => "路径中有一项不是文件夹",
        Key::IoDirectoryNotEmpty => "文件夹不是空的",
        Key::IoStorageFull => "磁盘已满",
        Key::IoReadOnly => "文件系统是只读的",
        Key::IoFileTooLarge => "文件过大",
        Key::IoInvalidFilename => "文件名无效",
        Key::IoInvalidData => "数据无效",
        Key::IoUnexpectedEof => "文件意外结束",
        Key::IoInterrupted => "操作被中断",
        Key::IoBrokenPipe => "输出管道已关闭",
        Key::IoBusy => "资源正忙",
        Key::IoTimedOut => "操作超时",
        Key::IoCrossesDevices => "不能跨设备移动",
        Key::IoOutOfMemory => "内存不足",
        Key::IoUnsupported => "此系统不支持该操作",
        Key::IoOther => "读写出错（系统说明：“{detail}”）",
        Key::SaveRefusedFolder => "目标是一个文件夹",
        Key::SaveRefusedBlockDevice => "目标是块设备：不会把报告写到磁盘设备上",
        Key::SaveRefusedNotRegular => "目标既不是普通文件，也不是字符设备或命名管道",
        Key::SaveRefusedPipeNoReader => "命名管道没有读取方",
        Key::LockKeepsChanging => "锁文件一直在变化",
        Key::JournalNotOpen => "修改日志未打开",
        Key::TuiToml => "格式有误（TOML：“{message}”）",
        Key::ErrWorkbook => "无法生成 Excel 工作簿（“{detail}”）",
        Key::TuiThemeBadName => "主题名 '{name}' 无效（可用：{available}）；使用 '{default}'",
        Key::TuiThemeBundledBroken => "自带主题 '{name}' 有误：{error}；使用 '{default}'",
        Key::TuiThemeUsingBundled => "使用自带主题 '{name}'",
        Key::TuiThemeUsingDefault => "使用默认主题 '{name}'",
        Key::TuiThemeFile => "主题文件 {path}：{error}；{fallback}",
        Key::TuiThemeUnreadable => "无法读取主题文件 {path}：{error}；{fallback}",
        Key::TuiThemeUnknown => "未知主题 '{name}'（可用：{available}）",
        Key::TuiThemeUserDir => "；用户主题放在 {dir}",
        Key::TuiThemeUsing => "；使用 '{name}'",
        Key::TuiBadHexColour => "颜色 '{colour}' 有误：十六进制颜色须为 '#rrggbb'",
        Key::TuiBadIndexColour => "颜色 '{colour}' 有误：调色板编号须为 0-255",
        Key::TuiUnknownColour => "未知颜色 '{colour}'（用 red、darkgray 等名称，#rrggbb 或 0-255）",
        Key::TuiUnknownModifier => "未知样式 '{name}'（bold、italic、underlined、reversed、dim）",
        Key::TuiOr => " 或 ",
        Key::DocEndsInCharacter => "{part} 不完整或格式有误：文件在一个字符中间结束",
        Key::DocOpenElements => "{part} 不完整或格式有误：文件结束时还有 {n} 个元素未闭合",
        Key::DocNotUtf8At => "{part} 格式有误：第 {at} 字节起不是 UTF-8 文本",
        Key::DocUnknownEntity => "{part} 格式有误：未知实体 &{name};",
        Key::DocUnbalanced => "{part} 格式有误：表格或段落元素未正确嵌套",
        Key::DocXmlAt => "{part} 格式有误（第 {at} 字节；XML 解析器说明：“{detail}”）",
        Key::DocXml => "{part} 格式有误（XML 解析器说明：“{detail}”）",
        Key::DocOldWord => {
            "旧版 Word 97-2003 .doc 或加密文档，不是 .docx：请另存为 .docx（不设密码）或文本"
        }
        Key::DocNotAZip => "不是 Word 文档：.docx 是 zip 压缩包，此文件不是（“{detail}”）",
        Key::DocNoMainPart => "zip 压缩包中没有 {part}：不是 Word 文档",
        Key::DocPartUnreadable => "无法读取 {part}（“{detail}”）",
        Key::DocPartTooLarge => "{part} 解压后超过 {mb} MB：不是年度报告",
        Key::DocPartDamaged => "{part} 已损坏（“{detail}”）",
        Key::DocNoBody => "{part} 没有正文：不是 Word 文档",
        Key::DocXmlTooDeep => "{part} 的元素嵌套超过 {n} 层：不是年度报告",
        Key::DocHtmlTooDeep => "网页元素嵌套超过 {n} 层：不是年度报告",
        Key::DocTooManyElements => "网页元素超过 {n} 个：不是年度报告",
        Key::DocNoTables => {
            "网页中没有找到表格（年度报告有三张；用脚本或框架加载表格的页面无法读取：请保存报告本身）"
        }
        Key::DocTableTooLarge => "一张表格展开后超过 {n} 个单元格（含合并单元格）：不是年度报告",
        Key::DocDocumentTooLarge => {
            "文档的表格展开后超过 {n} 个单元格（含合并单元格）：不是年度报告"
        }
        Key::DocTablesTooDeep => "表格相互嵌套超过 {n} 层：不是年度报告",
        Key::DocTextTooLarge => "文档文字超过 {mb} MB：不是年度报告",
        Key::DocNoText => "文档没有文字",
        Key::DocPdfNotBuiltIn => "此版本不能读取 PDF（编译时未启用 pdf 功能）",
        Key::PdfNotPdf => "不是 PDF 文件（没有 %PDF 文件头）",
        Key::PdfDamaged => "PDF 文件已损坏，无法读取（“{detail}”）",
        Key::PdfPassword => "PDF 设有打开密码，无法读取：请去掉密码后再打开",
        Key::PdfNoText => "PDF 没有文字层（可能是扫描件）",
        Key::PdfUndecodable => "PDF 的文字无法解码（字体没有 Unicode 映射）",
        Key::PdfTooManyPages => "PDF 超过 {n} 页，不是年度报告",
        Key::PdfTooBig => "PDF 解压后超过 {mb} MB，不是年度报告",
        Key::PdfTooManyOps => "PDF 第 {page} 页内容过多（超过 {n} 个绘制指令）",
        Key::PdfTooManyGlyphs => "PDF 第 {page} 页文字过多（超过 {n} 个字符）",
        Key::PdfTooMuchContent => "PDF 内容过多，不是年度报告",
        Key::PdfReaderFailed => "PDF 读取程序出错，无法读取此文件",
        Key::TuiLegendSaved => "列表“已存”列：已有保存的规范化副本，后为其错误/警告数",
        Key::TuiReadOnlyBy => "只读：另一个 nianbao 正在编辑（pid {pid}，{host}，{since} 起）",
        Key::TuiReadOnly => "只读：另一个 nianbao 正在编辑此文件，不能修改或保存",
        Key::TuiReadOnlyMark => " [只读]",
        Key::TuiSavedCopyTitle => " 已有保存的版本 ",
        Key::TuiSavedCopyText => "{copy} 与原文读出的内容不同（之前保存的修改）。",
        Key::TuiContinuedFrom => "从 {copy} 继续",
        Key::TuiStartedFromInput => "从原文开始；保存仍写入同一文件",
        Key::TuiConfirmSaveTitle => " 保存前请确认 ",
        Key::TuiInputChanged => "原文在打开后被修改过",
        Key::TuiInputGone => "原文已不存在",
        Key::TuiOutputChanged => "输出文件已被其他程序修改，保存会覆盖它",
        Key::TuiColSaved => "已存",
        Key::KhSaveAsks => "写入 <名称>.normalized.txt；文件在磁盘上被改动时先询问",
        Key::KhContinueSaved => "从保存的版本继续（默认）",
        Key::HintContinueSaved => "从保存的版本继续",
        Key::KhStartFromInput => "从原文开始（保存时仍写入同一文件）",
        Key::HintStartFromInput => "从原文开始",
        Key::KhSaveAnyway => "仍然保存",
        Key::HintSaveAnyway => "仍然保存",
        Key::KhCancelSave => "不保存，回到报告",
        Key::HintCancelSave => "取消",
    }
}
