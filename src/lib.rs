//! nianbao: read, check and normalize Chinese government information-disclosure
//! annual reports (政府信息公开工作年度报告).
//!
//! The layers, lowest first; a module uses only those above it:
//!
//! 1. `template` — the national template as data; `i18n` — the language
//!    catalogue (every word said to a person, Chinese and English);
//! 2. `model`, `cell` — the report and the cell policy;
//! 3. `decode`, `ingest` — bytes and documents to text;
//! 4. `parse` — text to a complete [`Report`] (tables, sections, narrative
//!    facts);
//! 5. `load` — a file to a `Report`;
//! 6. `rules` — the [`rules::Rule`]s and their findings, suggested fixes;
//! 7. `normalize`, `output`, `save`, `journal`, `lock` — what is written,
//!    and one writer per file; `dirs` — where nianbao keeps its own files;
//! 8. `batch` — many reports: summaries, pairing of years; `workbook` —
//!    the summary as an Excel workbook;
//! 9. `service` — the one checking service every front end calls;
//! 10. `tui` (feature `tui`) — the screens; the binary's `cli` beside it.
//!
//! The domain (1–9) is plain library code: none of it imports ratatui or
//! crossterm.

#![warn(unreachable_pub)]

pub mod batch;
pub mod cell;
#[cfg(feature = "corpus")]
pub mod corpus;
pub mod decode;
pub mod dirs;
pub mod i18n;
pub mod ingest;
pub mod journal;
mod load;
pub mod lock;
mod model;
pub mod normalize;
pub mod output;
pub mod parse;
pub mod rules;
pub mod save;
pub mod service;
pub mod template;
#[cfg(feature = "tui")]
pub mod tui;
pub mod workbook;

pub use model::{
    Block, Cell, Claim, ClaimKind, LayoutIssue, LayoutNote, Lines, OldFormat, Origin, Report, Row,
    Section, Table,
};
pub use template::{SectionKind, TableId};

pub use load::{load, load_with_bytes};
