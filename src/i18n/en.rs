//! The English catalogue. One arm per key, no wildcard: a key left out
//! does not compile.

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::HelpAbout => {
            "Review Chinese government information-disclosure annual reports (政府信息公开工作年度报告): check the template's tables, fix them in a terminal grid, write a normalized file."
        }
        Key::HelpTemplate => "{before-help}{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}",
        Key::HelpHeadingArgs => "Arguments",
        Key::HelpHeadingOptions => "Options",
        Key::HelpHeadingCommands => "Commands",
        Key::HelpHelp => "Print help",
        Key::HelpVersion => "Print version",
        Key::HelpFiles => {
            "Report to open in the review screen (omit to open the bundled sample); a folder or several files open the list of reports."
        }
        Key::HelpTheme => {
            "Colour theme: dark, light, high-contrast, or a user theme name (review screen only)."
        }
        Key::HelpPrevious => {
            "Last year's report, to check this year's 二、上年结转 against its 四、结转下年度继续办理 in the review screen (one report only)."
        }
        Key::HelpLang => {
            "Language: zh (Chinese, the default) or en. Else `lang` in config.toml, else LC_ALL, LC_MESSAGES, LANG."
        }
        Key::HelpCheckAbout => "Check reports against the template's rules and print the findings.",
        Key::HelpCheckFormat => "Output format: text or json.",
        Key::HelpCheckPrevious => {
            "Last year's report: check this year's 二、上年结转 against its 四、结转下年度继续办理 (requests.carry-over)."
        }
        Key::HelpCheckFix => {
            "Also write `<stem>.normalized.txt` beside each input with every unambiguous suggested fix applied, and list the fixes."
        }
        Key::HelpCheckForce => {
            "With --fix: replace an existing `<stem>.normalized.txt` that differs from what would be written (refused otherwise)."
        }
        Key::HelpCheckSummary => {
            "Print one summary row per report (counts per rule family and the first finding) instead of the findings, for a circular: csv, markdown, or xlsx (xlsx needs -o)."
        }
        Key::HelpCheckOutput => {
            "Write the summary to this file (--summary only); a csv written to a file starts with a UTF-8 BOM so Excel/WPS open it as it is."
        }
        Key::HelpCheckBom => "Start --summary csv with a UTF-8 BOM on standard output too.",
        Key::HelpCheckFiles => {
            "Report files or folders of them (subfolders included): text (UTF-8, UTF-16 or GB18030/GBK), Word (.docx), web pages (.html, .htm) or PDF. One agency's reports for consecutive years are paired for requests.carry-over."
        }
        Key::HelpNormalizeAbout => {
            "Write the normalized report: UTF-8, LF, tables in one canonical tab-separated layout. The input is never overwritten."
        }
        Key::HelpNormalizeFile => "Report file.",
        Key::HelpNormalizeOutput => {
            "Output path; default `<stem>.normalized.txt` beside the input; `-` for standard output."
        }
        Key::HelpNormalizeForce => {
            "Replace an existing output file that differs from what would be written (refused otherwise)."
        }
        Key::HelpExamples => {
            "Examples:
  nianbao report.txt                     review a report in the terminal
  nianbao                                review the bundled sample report
  nianbao reports/                       list every report of a folder (and subfolders), worst first
  nianbao --previous 2023.txt 2024.txt   review, checking carry-over against last year
  nianbao check sample-reports/*.txt     check many reports (exit 1 on errors)
  nianbao check --format json a.txt      machine-readable findings and tables
  nianbao check --fix a.txt              also write a.normalized.txt with the suggested fixes
  nianbao check reports/ --summary markdown
                                         one row per report, opening with a paragraph for the circular
  nianbao check reports/ --summary xlsx -o summary.xlsx
                                         the summary as an Excel workbook (summary and findings)
  nianbao normalize a.txt                write a.normalized.txt beside a.txt
  nianbao normalize a.txt -o -           write the normalized report to stdout
  nianbao normalize --force a.txt        replace an a.normalized.txt that differs
  nianbao --lang zh check a.txt          Chinese interface (the default)

Reads text (UTF-8, UTF-16, GB18030/GBK), Word (.docx), web pages (.html) and PDF.

Exit status: 0 no error findings, 1 some error finding, 2 a file could not be
read or written (with a one-line reason on stderr)."
        }
        Key::HelpRules => "Rules:",

        Key::UsageRoot => "nianbao [OPTIONS] [FILES]... [COMMAND]",
        Key::UsageCheck => "nianbao check [OPTIONS] <FILES>...",
        Key::UsageNormalize => "nianbao normalize [OPTIONS] <FILE>",
        Key::UsageHelp => "nianbao help [COMMAND]",
        Key::ValueFiles => "FILES",
        Key::ValueFile => "FILE",
        Key::ValueTheme => "THEME",
        Key::ValueLastYear => "LAST_YEAR_FILE",
        Key::ValueLang => "LANG",
        Key::ValueFormat => "FORMAT",
        Key::ValueCommand => "COMMAND",
        Key::ClapUnknownArg => "unexpected argument '{arg}'",
        Key::ClapInvalidValue => "invalid value '{value}' for '{arg}'",
        Key::ClapValueMissing => "a value is required for '{arg}' but none was supplied",
        Key::ClapPossibleValues => "possible values: {values}",
        Key::ClapMissingArgs => "the following required arguments were not provided: {args}",
        Key::ClapInvalidSubcommand => "unrecognized command '{command}'",
        Key::ClapMissingSubcommand => "'{command}' requires a command",
        Key::ClapConflict => "the argument '{arg}' cannot be used with {prior}",
        Key::ClapRepeated => "the argument '{arg}' cannot be used more than once",
        Key::ClapNoEquals => "an equal sign is needed when assigning values to '{arg}'",
        Key::ClapTooManyValues => "unexpected value '{value}' for '{arg}': no more were expected",
        Key::ClapWrongNumber => "'{arg}' takes {expected} values, {actual} given",
        Key::ClapTooFew => "'{arg}' takes at least {expected} values, only {actual} given",
        Key::ClapInvalidUtf8 => "a command-line argument is not valid UTF-8",
        Key::ClapOther => "the command line is not valid",
        Key::ClapTipSimilarArg => "tip: a similar argument exists: '{arg}'",
        Key::ClapTipSimilarCommand => "tip: a similar command exists: {commands}",
        Key::ClapTipSimilarValue => "tip: a similar value exists: '{value}'",
        Key::ClapTipAsValue => "tip: to pass '{arg}' as a value, use '-- {arg}'",
        Key::ClapTipExists => "tip: '{usage}' exists",
        Key::ClapTipRemoveDashes => "tip: command '{command}' exists; to use it, remove the '--' before it",
        Key::ClapUsage => "Usage: {usage}",
        Key::ClapMoreInfo => "For more information, try '{help}'.",
        Key::RuleBalance => "一 + 二 = 三(七)总计 + 四, per column (the template's own 勾稽关系)",
        Key::RuleOutcomeTotal => "(七)总计 = the sum of the 21 outcome rows, per column",
        Key::RuleRowTotal => {
            "in every row of the requests table, 总计 = the sum of the six applicant columns"
        }
        Key::RuleGroupTotal => {
            "appeals: in each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"
        }
        Key::RuleCellInvalid => {
            "a cell that is not a valid number (O, 12件, 3.5 where a count belongs, -3)"
        }
        Key::RuleCellBlank => "a blank cell (empty, /, -, —, 无): read as 0, warned",
        Key::RuleTableLayout => "a row with the wrong number of value cells, or a row not found",
        Key::RuleTableMissing => "a standard table that cannot be found",
        Key::RuleNarrativeMismatch => {
            "a figure the narrative states (共受理 N 件, 办结 N 件, 行政复议 N 件…) that the tables contradict"
        }
        Key::RuleSectionMissing => "one of the six numbered sections is absent",
        Key::RuleSectionEmpty => "section 五 or 六 says nothing at all",
        Key::RuleOldTemplate => {
            "the report uses the 2019 trial format (本年新制作数量, 政府集中采购…)"
        }
        Key::RuleCarryOver => {
            "this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column (--previous, or one agency's consecutive years paired)"
        }

        Key::MsgBalance => "{column}: 一+二 = {lhs}, but 三(七)+四 = {rhs}",
        Key::MsgOutcomeTotal => "{column}: the 21 outcomes add up to {sum} ≠ (七)总计 {total}",
        Key::MsgRowTotal => "{row}: the 6 columns add up to {sum} ≠ 总计 {total}",
        Key::MsgGroupTotal => "{group}: 维持+纠正+其他+尚未审结 add up to {sum} ≠ 总计 {total}",
        Key::MsgCellBlankEmpty => "{row} / {column}: blank, counted as 0",
        Key::MsgCellBlank => "{row} / {column}: “{raw}” counted as 0",
        Key::MsgCellInvalid => "{row} / {column}: “{raw}” is not a valid number",
        Key::MsgRowMissing => "{row}: row not found",
        Key::MsgRowCount => "{row}: values found: {found}, due: {expected}{extra}; the values were placed from the left, please check",
        Key::MsgRowExtra => " (extra: {values})",
        Key::MsgTableMissing => "table “{title}” ({id}) not found",
        Key::MsgNarrativeMismatch => "the text “{excerpt}” disagrees with the table: the text says {stated}, the table's {figure} = {value}",
        Key::MsgNoneReceived => "no requests received",
        Key::MsgFigureReceived => "一+二 总计 (or 一 总计)",
        Key::MsgFigureNatural => "自然人 of 一+二 (or of 一)",
        Key::MsgFigureLegal => "法人或其他组织 of 一+二 (or of 一)",
        Key::MsgFigureLitigation => "the two 行政诉讼 总计 added",
        Key::MsgSectionMissing => "section “{section}” missing (its heading was not found)",
        Key::MsgSectionEmpty => "section “{section}” says nothing",
        Key::MsgOldTemplate => "uses the 2019 trial layout ({markers}); please fill in the 2021 layout",
        Key::MsgSplitSeparator => "; ",
        Key::MsgCarryOver => "{column}: this year's “二、上年结转” {this} ≠ last year's “四、结转下年度继续办理” {last}",
        Key::NoteOlderSix => "this table uses the old (2019 trial) layout: (六)其他处理 is a single row, read as (六)3 其他, with (六)1 and (六)2 counted as 0; please check",
        Key::NoteRenamed => "the row label “{label}” is not in the template; read as this row by its place, please check",
        Key::NoteAmbiguousRun => "the run-together digits “{run}” split {n} ways ({splits}); cannot tell which, please check",
        Key::NoteUnreadable => "the table's numbers stand in column blocks (as pdftotext writes by default): {found} values where {expected} are due cannot be matched to the rows one way only, so none was read; convert with pdftotext -layout or check the original",
        Key::FamilySums => "sums",
        Key::FamilyLayout => "layout",
        Key::FamilyNarrative => "narrative",
        Key::FamilyCarryOver => "carry-over",

        Key::LoadAt => "{path}: {reason}",
        Key::LoadNotFound => "no such file",
        Key::LoadIsDirectory => "is a folder, not a report file",
        Key::LoadNotRegular => "{kind}, not a report file",
        Key::LoadKindFifo => "a named pipe (FIFO)",
        Key::LoadKindDevice => "a device",
        Key::LoadKindSocket => "a socket",
        Key::LoadKindSpecial => "a special file",
        Key::LoadPermissionDenied => "permission denied",
        Key::LoadIo => "cannot read: {error}",
        Key::LoadEmpty => "the file is empty",
        Key::LoadTooLarge => {
            "the file is at least {size} bytes, over the {limit}-byte limit (50 MB)"
        }
        Key::LoadBinary => "looks like binary data, not a text report ({why})",
        Key::LoadBinaryNul => "{n} NUL bytes",
        Key::LoadBinaryNulOne => "1 NUL byte",
        Key::LoadBinaryControls => "{bad} control or undecodable characters in {total}",
        Key::LoadDocument => "{why}",
        Key::OriginParagraph => "paragraph {n}",
        Key::OriginParagraphLine => "paragraph {n} line {part}",
        Key::OriginTableRow => "table {table} row {row}",
        Key::OriginAfterTable => "after table {table}",
        Key::OriginPageLine => "page {page} line {line}",
        Key::OriginSourceLine => "line {n}",
        Key::OpenPrevious => "--previous: {error}",

        Key::CheckFix => " [fix: {fix}]",
        Key::CheckNoFix => " [{n} single-cell fixes would do; none suggested]",
        Key::CheckSummaryLine => "{path}: {errors}, {warnings} (read as {encoding})",
        Key::CountErrorsOne => "{n} error",
        Key::CountErrorsMany => "{n} errors",
        Key::CountWarningsOne => "{n} warning",
        Key::CountWarningsMany => "{n} warnings",

        Key::NoteFixed => "{path}: fixed {fix}",
        Key::NoteWroteFixes => "wrote {path} (fixes: {n})",
        Key::NoteUnchangedFixes => "{path} already holds the fixed text (fixes: {n}); left as it was",
        Key::NoteNormalized => {
            "wrote {dest}; {errors}, {warnings} in the report (run `nianbao check` for details)"
        }
        Key::NoteNormalizedUnchanged => {
            "{dest} already holds this text, left as it was; {errors}, {warnings} in the report (run `nianbao check` for details)"
        }
        Key::NoteWrote => "wrote {path}",
        Key::StandardOutput => "to standard output",
        Key::ErrStdout => "cannot write to standard output",
        Key::ErrOverwriteInput => "refusing to overwrite the input {path}; choose another -o",
        Key::ErrNoTui => {
            "this build has no review screen (built without the `tui` feature); use `nianbao check` or `nianbao normalize`"
        }
        Key::ErrWrite => "cannot write {path}: {error}",
        Key::SaveDiffers => {
            "{path} exists and differs from what would be written (edited by hand or written by another command); not replaced (use --force to replace it)"
        }
        Key::NoReportsFound => "no reports found in {dir}",
        Key::FoundFiles => "{dir}: report files found: {found}",
        Key::FoundFilesSkipped => "{dir}: report files found: {found}; skipped: {skipped} ({why})",
        Key::SkipNotReport => "not report files: {n}",
        Key::SkipOutput => "normalized outputs (.normalized.txt): {n}",
        Key::SkipHidden => "hidden: {n}",
        Key::SkipTooDeep => "folders deeper than {depth} levels: {n}",
        Key::SkipLoop => "symbolic-link loops: {n}",
        Key::SkipUnreadableDir => "unreadable folders: {n}",
        Key::ListSeparator => ", ",

        Key::ConflictPreviousFolder => {
            "--previous does not apply to a folder (only to one report); in the list of reports one agency's consecutive years are paired"
        }
        Key::ConflictPreviousMany => {
            "--previous applies to one report only ({n} given); in the list of reports one agency's consecutive years are paired"
        }
        Key::ConflictFixSummary => {
            "--fix does not apply with --summary: a summary writes no fixed files"
        }
        Key::ConflictJsonSummary => {
            "--format does not apply with --summary: --summary names the format (csv, markdown, xlsx)"
        }
        Key::ConflictTheme => "--theme applies to the review screen only, not to {command}",
        Key::ConflictOutputNoSummary => {
            "-o applies with --summary only (check prints its findings to standard output)"
        }
        Key::ConflictBomNoSummary => "--bom applies to --summary csv only",
        Key::ConflictXlsxNoOutput => {
            "an xlsx workbook is binary and is not written to a terminal or standard output: name the file with -o FILE.xlsx"
        }

        Key::ColFile => "file",
        Key::ColAgency => "agency",
        Key::ColYear => "year",
        Key::ColEncoding => "encoding",
        Key::ColErrors => "{family} errors",
        Key::ColWarnings => "{family} warnings",
        Key::ColFirst => "first finding",
        Key::ColStatus => "status",
        Key::StatusUnreadable => "unreadable",
        Key::StatusErrors => "errors",
        Key::StatusWarnings => "warnings",
        Key::StatusClean => "clean",
        Key::Unreadable => "unreadable: {error}",
        Key::NoticeCounts => {
            "{total} reports were checked: {errors} with errors, {warnings} with warnings only, {clean} without findings, {unreadable} unreadable."
        }
        Key::NoticeTop => " Most common problems: {list}.",
        Key::NoticeTopItem => "{rule} {count} (in {reports} reports)",
        Key::NoticeTopItemOne => "{rule} {count} (in 1 report)",
        Key::NoticeCountsOne => {
            "1 report was checked: {errors} with errors, {warnings} with warnings only, {clean} without findings, {unreadable} unreadable."
        }
        Key::NoticeNoProblems => " No common problems were found.",
        Key::SheetSummary => "Summary",
        Key::SheetFindings => "Findings",
        Key::SheetNotice => "Notice",
        Key::ColRule => "rule",
        Key::ColRuleId => "rule id",
        Key::ColSeverity => "severity",
        Key::ColCell => "cell",
        Key::ColMessage => "message",
        Key::ColFix => "suggested fix",
        Key::SeverityError => "error",
        Key::SeverityWarning => "warning",
        // ── 审阅界面与报告列表 ──
        Key::TuiTextPane => "Text",
        Key::TuiGridPane => "Table",
        Key::TuiNoTable => "This section has no standard table. ] next section, [ previous.",
        Key::TuiTableNotFound => "The standard table of this section was not found in the file (missing table).",
        Key::TuiFindings => "Findings",
        Key::TuiNoFindings => "No findings in this table.",
        Key::TuiThemes => "Themes: {names} (--theme NAME, or theme = \"…\" in config.toml)",
        Key::TuiHelpTitle => " Keys — ↑↓ PgDn scroll, any other key closes ",
        Key::TuiKeyOther => "other",
        Key::TuiQuitTitle => " Unsaved edits ",
        Key::TuiQuitText => "The report has edits that are not saved.",
        Key::TuiSampleName => "bundled sample",
        Key::TuiNothingToUndo => "Nothing to undo",
        Key::TuiNothingToRedo => "Nothing to redo",
        Key::TuiNoFindingsLeft => "No findings",
        Key::TuiNotEditable => "No value cell here",
        Key::TuiErrorsWarnings => "{errors} {warnings}",
        Key::TuiSaved => "Saved {path}",
        Key::TuiSaveFailed => "Could not save {path}: {error}",
        Key::TuiUndone => "Undid {what}",
        Key::TuiRedone => "Redid {what}",
        Key::TuiShiftedLeft => "Shifted row left",
        Key::TuiShiftedRight => "Shifted row right",
        Key::TuiShiftDropped => "{shifted}; value “{dropped}” fell off the edge (u undoes)",
        Key::TuiWhatShiftLeft => "shift {row} left",
        Key::TuiWhatShiftRight => "shift {row} right",
        Key::TuiWhatFix => "fix {what}",
        Key::TuiInvalidNumber => "“{raw}” is not a valid number",
        Key::TuiRestoreTitle => " Unsaved edits found ",
        Key::TuiRestoreText => "An earlier session left {n} unsaved changes to this file in the journal.",
        Key::TuiRestoreTextOne => "An earlier session left {n} unsaved change to this file in the journal.",
        Key::TuiRestored => "Restored {n} changes from the journal; s saves them",
        Key::TuiRestoredOne => "Restored {n} change from the journal; s saves it",
        Key::TuiStaleJournal => "Journal of {n} changes not applied: the file changed since; kept at {aside}",
        Key::TuiStaleJournalOne => "Journal of {n} change not applied: the file changed since; kept at {aside}",
        Key::TuiJournalFailed => "Could not write the edit journal ({error}); save soon with s",
        Key::TuiNoFix => "No suggested fix for the finding here",
        Key::TuiFixed => "Applied fix: {what} (u undoes)",
        Key::TuiAmbiguousFix => "{n} different single-cell fixes would do; none is suggested",
        Key::TuiCandidates => " · {n} possible fixes",
        Key::TuiCandidateList => ": {list}",
        Key::TuiCandidateSep => "; ",
        Key::TuiFixKey => " (f applies it)",
        Key::TuiOutlineTitle => " Outline ",
        Key::TuiOutlineReport => "(whole report) report-level findings",
        Key::TuiOutlineMissing => " (missing)",
        Key::TuiHelpEditor => "Editing a cell",
        Key::TuiHelpLineEditor => "Editing a text line",
        Key::TuiHelpOutline => "In the outline",
        Key::TuiHelpHelp => "In this help",
        Key::TuiLegendTitle => "Legend",
        Key::TuiLegendBlank => "a blank cell (counts as 0)",
        Key::TuiLegendMissing => "a cell the row does not have",
        Key::TuiLegendTab => "a tab in the file",
        Key::TuiLegendSource => "the selected cell's source line",
        Key::TuiLegendError => "an error",
        Key::TuiLegendWarning => "a warning",
        Key::TuiLegendHidden => "columns hidden to the left / right",
        Key::TuiLegendDirty => "unsaved edits",
        Key::TuiLineEdited => "Line {n} edited (u undoes)",
        Key::TuiTableLine => "A table line without a cell",
        Key::TuiListConfirmQuit => "Quit nianbao? y/q/Enter quits, any other key cancels",
        Key::TuiSearchPosition => "Search “{query}”: {k}/{n} (n/N next/previous, Esc ends)",
        Key::TuiSearchNone => "“{query}” not found",
        Key::TuiSearchPrompt => "Search: ",
        Key::TuiPasted => "Pasted {n} cells (u undoes)",
        Key::TuiRowSumTotal => "six columns {sum} / total {total}",
        Key::TuiRowSum => "six columns {sum}",
        Key::TuiListTitle => " Reports · {shown} of {total} shown · sorted by {by}{dir} ",
        Key::TuiColAgency => "Agency",
        Key::TuiColYear => "Year",
        Key::TuiColFile => "File",
        Key::TuiColReadAs => "Read as",
        Key::TuiColSums => "Sums",
        Key::TuiColLayout => "Layout",
        Key::TuiColText => "Text",
        Key::TuiColCarry => "Carry",
        Key::TuiColTotal => "Total",
        Key::TuiColFirst => "First finding",
        Key::TuiSortAgency => "agency",
        Key::TuiSortFile => "file",
        Key::TuiSortEncoding => "encoding",
        Key::TuiSortErrors => "errors",
        Key::TuiNoMatch => "No report matches.",
        Key::TuiReading => "reading {done} / {total}",
        Key::TuiFilterTyping => " filter: {filter}▏",
        Key::TuiFilterShown => " filter: {filter}{errors}",
        Key::TuiErrorsOnly => " · errors only",
        Key::KhHelp => "this help",
        Key::HintHelp => "help",
        Key::KhNextError => "next finding; after a search, the next hit",
        Key::HintNextError => "next error",
        Key::KhPrevError => "previous finding / hit",
        Key::KhApplyFix => "apply the suggested fix of the finding here (undoable)",
        Key::HintFix => "fix",
        Key::KhSave => "write <name>.normalized.txt beside the input (never the input)",
        Key::HintSave => "save",
        Key::KhQuit => "quit (asks first when there are unsaved edits)",
        Key::HintQuit => "quit",
        Key::KhOutline => "outline: sections and their findings, Enter goes there",
        Key::HintOutline => "outline",
        Key::KhSearch => "search row names and the text; then n/N move between hits, Esc ends",
        Key::HintSearch => "search",
        Key::KhNextSection => "next section (the grid shows its table)",
        Key::HintNextSection => "next section",
        Key::KhPrevSection => "previous section",
        Key::KhLeft => "previous column",
        Key::KhRight => "next column",
        Key::KhUp => "previous row / scroll up",
        Key::KhDown => "next row / scroll down",
        Key::KhPageUp => "page up",
        Key::KhPageDown => "page down",
        Key::KhFocus => "focus: grid → findings → text (Shift-Tab: backwards)",
        Key::KhEdit => "edit the cell or the text line; on a finding: go there",
        Key::KhClear => "clear the cell (a blank counts as 0, and is flagged)",
        Key::KhHome => "first column (text: first line)",
        Key::KhEnd => "last column (text: last line)",
        Key::KhTop => "first row / line / finding",
        Key::KhBottom => "last row / line / finding",
        Key::KhEditWith => "start editing with that character replacing the value",
        Key::KhShiftLeft => "shift the row's values one column left",
        Key::KhShiftRight => "shift the row's values one column right",
        Key::KhUndo => "undo the last edit or shift",
        Key::KhRedo => "redo",
        Key::KhToggleText => "hide / show the text pane",
        Key::KhEdCommit => "commit the value",
        Key::HintCommit => "commit",
        Key::KhEdCancel => "cancel the edit",
        Key::HintCancel => "cancel",
        Key::KhEdRight => "commit, move right (a pasted tab-separated row fills the cells)",
        Key::KhEdLeft => "commit and move left",
        Key::KhEdUp => "commit and move up",
        Key::KhEdDown => "commit and move down (← → move the cursor in the cell)",
        Key::KhLineCommit => "keep the line's edit (undoable)",
        Key::KhLineCancel => "drop the line's edit",
        Key::KhHelpUp => "scroll up",
        Key::KhHelpDown => "scroll down",
        Key::HintPageDown => "page down",
        Key::KhHelpHome => "top",
        Key::KhHelpEnd => "bottom",
        Key::KhHelpClose => "close the help",
        Key::KhSearchGo => "search",
        Key::KhSearchCancel => "cancel",
        Key::KhOutUp => "previous section",
        Key::KhOutDown => "next section",
        Key::KhOutHome => "first section",
        Key::KhOutEnd => "last section",
        Key::KhOutGo => "go to the section (a missing one: select its finding)",
        Key::HintGo => "go",
        Key::KhOutClose => "close the outline",
        Key::HintClose => "close",
        Key::KhSaveQuit => "save, then quit",
        Key::HintSaveQuit => "save and quit",
        Key::KhDiscardQuit => "discard the edits and quit",
        Key::HintDiscardQuit => "discard and quit",
        Key::KhBackToReport => "back to the report",
        Key::KhSaveBack => "save, then back to the list",
        Key::HintSaveBack => "save, back to list",
        Key::KhDiscardBack => "discard the edits, back to the list",
        Key::HintDiscardBack => "discard, back to list",
        Key::KhRestore => "apply the journalled edits",
        Key::HintRestore => "restore them",
        Key::KhDiscardJournal => "throw the journal away",
        Key::HintDiscardJournal => "discard them",
        Key::KhListDown => "next report",
        Key::KhListUp => "previous report",
        Key::KhListHome => "first report",
        Key::KhListEnd => "last report",
        Key::KhListOpen => "review the selected report",
        Key::HintOpen => "open",
        Key::KhListSort => "sort by the next key",
        Key::HintSort => "sort",
        Key::KhListReverse => "reverse the order",
        Key::HintReverse => "reverse",
        Key::KhListFilter => "filter by agency, title or file name",
        Key::HintFilter => "filter",
        Key::KhListErrors => "show only reports with errors",
        Key::HintErrorsOnly => "errors only",
        Key::KhListQuit => "quit",
        Key::KhListEsc => "clear the filter, or ask to quit",
        Key::KhConfirmQuit => "quit nianbao",
        Key::KhFilterDone => "end the filter (it stays applied)",
        Key::HintDone => "done",
        Key::TuiNeedsTerminal => "the review screen needs a terminal; for pipelines use {headless}",
        Key::TuiTerminalError => "terminal error: {error}",
        Key::TuiConfigUnreadable => "cannot read config file {path}: {error}; using defaults",
        Key::TuiConfigInvalid => "config file {path}: {error}; using defaults",
        Key::TuiConfigLang => "config file {path}: lang = \"{value}\" is neither zh nor en; ignored",
        Key::TuiTomlAt => "line {line}, column {column} is not valid (TOML: “{message}”)",
        Key::IoNotFound => "no such file or folder",
        Key::IoPermissionDenied => "permission denied",
        Key::IoAlreadyExists => "already exists",
        Key::IoIsADirectory => "it is a folder",
        Key::IoNotADirectory => "a part of the path is not a folder",
        Key::IoDirectoryNotEmpty => "the folder is not empty",
        Key::IoStorageFull => "the disk is full",
        Key::IoReadOnly => "the file system is read-only",
        Key::IoFileTooLarge => "the file is too large",
        Key::IoInvalidFilename => "invalid file name",
        Key::IoInvalidData => "invalid data",
        Key::IoUnexpectedEof => "unexpected end of file",
        Key::IoInterrupted => "the operation was interrupted",
        Key::IoBrokenPipe => "the output pipe was closed",
        Key::IoBusy => "the resource is busy",
        Key::IoTimedOut => "the operation timed out",
        Key::IoCrossesDevices => "cannot move across devices",
        Key::IoOutOfMemory => "out of memory",
        Key::IoUnsupported => "the operation is not supported here",
        Key::IoOther => "input/output error (the system says: “{detail}”)",
        Key::SaveRefusedFolder => "it is a folder",
        Key::SaveRefusedBlockDevice => "it is a block device: refusing to write a report over a disk",
        Key::SaveRefusedNotRegular => "it is not a regular file, a character device or a named pipe",
        Key::SaveRefusedPipeNoReader => "a named pipe with no reader",
        Key::LockKeepsChanging => "the lock file keeps changing",
        Key::JournalNotOpen => "the edit journal is not open",
        Key::TuiToml => "not valid (TOML: “{message}”)",
        Key::ErrWorkbook => "cannot make the Excel workbook (“{detail}”)",
        Key::TuiThemeBadName => "invalid theme name '{name}' (available: {available}); using '{default}'",
        Key::TuiThemeBundledBroken => "bundled theme '{name}' is broken: {error}; using '{default}'",
        Key::TuiThemeUsingBundled => "using bundled theme '{name}'",
        Key::TuiThemeUsingDefault => "using default theme '{name}'",
        Key::TuiThemeFile => "theme file {path}: {error}; {fallback}",
        Key::TuiThemeUnreadable => "cannot read theme file {path}: {error}; {fallback}",
        Key::TuiThemeUnknown => "unknown theme '{name}' (available: {available})",
        Key::TuiThemeUserDir => "; user themes go in {dir}",
        Key::TuiThemeUsing => "; using '{name}'",
        Key::TuiBadHexColour => "bad colour '{colour}': hex colours must be '#rrggbb'",
        Key::TuiBadIndexColour => "bad colour '{colour}': palette index must be 0-255",
        Key::TuiUnknownColour => "unknown colour '{colour}' (a name like red or darkgray, #rrggbb, or 0-255)",
        Key::TuiUnknownModifier => "unknown modifier '{name}' (bold, italic, underlined, reversed, dim)",
        Key::TuiOr => " or ",
        Key::DocEndsInCharacter => "{part} is truncated or malformed: it ends inside a character",
        Key::DocOpenElements => "{part} is truncated or malformed: it ends inside {n} open elements",
        Key::DocNotUtf8At => "{part} is malformed: not UTF-8 text at byte {at}",
        Key::DocUnknownEntity => "{part} is malformed: unknown entity &{name};",
        Key::DocUnbalanced => "{part} is malformed: unbalanced table or paragraph elements",
        Key::DocXmlAt => "{part} is malformed at byte {at}: {detail}",
        Key::DocXml => "{part} is malformed: {detail}",
        Key::DocOldWord => "an old Word 97-2003 .doc or an encrypted document, not a .docx: save it as .docx (without a password) or as text",
        Key::DocNotAZip => "not a Word document: a .docx is a zip archive, this file is not ({detail})",
        Key::DocNoMainPart => "a zip archive without {part}: not a Word document",
        Key::DocPartUnreadable => "cannot read {part}: {detail}",
        Key::DocPartTooLarge => "{part} unpacks to over {mb} MB: not a report",
        Key::DocPartDamaged => "{part} is damaged: {detail}",
        Key::DocNoBody => "{part} has no document body: not a Word document",
        Key::DocXmlTooDeep => "{part} nests its elements over {n} deep: not a report",
        Key::DocHtmlTooDeep => "the web page nests its elements over {n} deep: not a report",
        Key::DocTooManyElements => "the web page has over {n} elements: not a report",
        Key::DocNoTables => "no tables were found in the web page (an annual report has three; a page that loads its tables by script or in a frame cannot be read: save the report itself)",
        Key::DocTableTooLarge => "a table expands to over {n} cells (merged cells included): not a report",
        Key::DocDocumentTooLarge => "the document's tables expand to over {n} cells (merged cells included): not a report",
        Key::DocTablesTooDeep => "tables are nested over {n} deep inside each other: not a report",
        Key::DocTextTooLarge => "the document's text is over {mb} MB: not a report",
        Key::DocNoText => "the document has no text",
        Key::DocPdfNotBuiltIn => "built without PDF support: rebuild with the `pdf` feature",
        Key::PdfNotPdf => "not a PDF file: no %PDF header",
        Key::PdfDamaged => "damaged PDF: {detail}",
        Key::PdfPassword => "encrypted with a password: remove the password first",
        Key::PdfNoText => "no text layer (scanned?)",
        Key::PdfUndecodable => "the text cannot be decoded: its fonts have no ToUnicode map",
        Key::PdfTooManyPages => "over {n} pages: not a report",
        Key::PdfTooBig => "over {mb} MB once unpacked: not a report",
        Key::PdfTooManyOps => "page {page}: over {n} drawing operations",
        Key::PdfTooManyGlyphs => "page {page}: over {n} characters",
        Key::PdfTooMuchContent => "too much content for a report",
        Key::PdfReaderFailed => "the PDF reader failed on this file",
        Key::TuiLegendSaved => "list: a saved normalized copy, then its errors/warnings",
        Key::TuiReadOnlyBy => "read-only: open in another nianbao (pid {pid}, {host}, since {since})",
        Key::TuiReadOnly => "read-only: another nianbao holds this file; no edits or saves",
        Key::TuiReadOnlyMark => " [read-only]",
        Key::TuiSavedCopyTitle => " A saved copy ",
        Key::TuiSavedCopyText => "{copy} differs from what the input reads as (edits saved before).",
        Key::TuiContinuedFrom => "continuing from {copy}",
        Key::TuiStartedFromInput => "started from the input; s still writes the same file",
        Key::TuiConfirmSaveTitle => " Save? ",
        Key::TuiInputChanged => "the input changed on disk since it was opened",
        Key::TuiInputGone => "the input is gone",
        Key::TuiOutputChanged => "the output was changed by someone else; saving replaces it",
        Key::TuiColSaved => "Saved",
        Key::KhSaveAsks => "write <name>.normalized.txt; asks first if a file changed on disk",
        Key::KhContinueSaved => "continue from the saved copy (default)",
        Key::HintContinueSaved => "continue from the copy",
        Key::KhStartFromInput => "start from the input (s still writes the same file)",
        Key::HintStartFromInput => "start from the input",
        Key::KhSaveAnyway => "save anyway",
        Key::HintSaveAnyway => "save anyway",
        Key::KhCancelSave => "do not save; back to the report",
        Key::HintCancelSave => "cancel",
    }
}
