//! The keys of the catalogue, declared once: the enum and [`Key::ALL`].

macro_rules! keys {
    ($($(#[$doc:meta])* $key:ident),* $(,)?) => {
        /// One message of the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key {
            $($(#[$doc])* $key),*
        }

        impl Key {
            /// Every key, in declaration order.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }
    };
}

keys! {
    // ── `--help` ──────────────────────────────────────────────
    HelpAbout,
    HelpTemplate,
    HelpHeadingArgs,
    HelpHeadingOptions,
    HelpHeadingCommands,
    HelpHelp,
    HelpVersion,
    HelpFiles,
    HelpTheme,
    HelpPrevious,
    HelpLang,
    HelpCheckAbout,
    HelpCheckFormat,
    HelpCheckPrevious,
    HelpCheckFix,
    HelpCheckForce,
    HelpCheckSummary,
    HelpCheckOutput,
    HelpCheckBom,
    HelpCheckFiles,
    HelpNormalizeAbout,
    HelpNormalizeFile,
    HelpNormalizeOutput,
    HelpNormalizeForce,
    HelpExamples,
    HelpRules,

    // ── Rule descriptions (`--help`, the README) ──────────────
    RuleBalance,
    RuleOutcomeTotal,
    RuleRowTotal,
    RuleGroupTotal,
    RuleCellInvalid,
    RuleCellBlank,
    RuleTableLayout,
    RuleTableMissing,
    RuleNarrativeMismatch,
    RuleSectionMissing,
    RuleSectionEmpty,
    RuleOldTemplate,
    RuleCarryOver,

    // ── Rule families (summary headers) ───────────────────────
    FamilySums,
    FamilyLayout,
    FamilyNarrative,
    FamilyCarryOver,

    // ── Why a file cannot be read (`decode::LoadError`) ───────
    LoadNotFound,
    LoadIsDirectory,
    LoadNotRegular,
    LoadKindFifo,
    LoadKindDevice,
    LoadKindSocket,
    LoadKindSpecial,
    LoadPermissionDenied,
    LoadIo,
    LoadEmpty,
    LoadTooLarge,
    LoadBinary,
    LoadDocument,
    OpenPrevious,

    // ── `check` text output ───────────────────────────────────
    CheckFix,
    CheckNoFix,
    CheckSummaryLine,
    CountErrorsOne,
    CountErrorsMany,
    CountWarningsOne,
    CountWarningsMany,

    // ── Notes and errors on stderr ────────────────────────────
    NoteFixed,
    NoteWroteFixes,
    NoteNormalized,
    NoteWrote,
    StandardOutput,
    ErrStdout,
    ErrOverwriteInput,
    ErrNoTui,
    ErrWrite,
    SaveDiffers,
    NoReportsFound,
    FoundFiles,
    FoundFilesSkipped,
    SkipNotReport,
    SkipOutput,
    SkipHidden,
    SkipTooDeep,
    SkipLoop,
    SkipUnreadableDir,
    ListSeparator,

    // ── Options that do not apply ─────────────────────────────
    ConflictPreviousMany,
    ConflictFixSummary,
    ConflictJsonSummary,
    ConflictTheme,
    ConflictOutputNoSummary,
    ConflictBomNoSummary,
    ConflictXlsxNoOutput,

    // ── The coordinator's summary ─────────────────────────────
    ColFile,
    ColAgency,
    ColYear,
    ColEncoding,
    ColErrors,
    ColWarnings,
    ColFirst,
    ColStatus,
    StatusUnreadable,
    StatusErrors,
    StatusWarnings,
    StatusClean,
    Unreadable,
    NoticeCounts,
    NoticeTop,
    NoticeTopItem,
    NoticeNoProblems,
    SheetSummary,
    SheetFindings,
    SheetNotice,
    ColRule,
    ColRuleId,
    ColSeverity,
    ColCell,
    ColMessage,
    ColFix,
    SeverityError,
    SeverityWarning,
}
