//! nianbao: read, check and normalize Chinese government information-disclosure
//! annual reports (政府信息公开工作年度报告).
//!
//! The domain — decoding, the report model, the parser, the rules, the
//! normalized writer, the journal — is plain library code: none of it imports
//! ratatui or crossterm. The review screen is the `tui` module (feature
//! `tui`, on by default); it only calls into the domain.

pub mod batch;
pub mod cell;
#[cfg(feature = "corpus")]
pub mod corpus;
pub mod decode;
pub mod ingest;
pub mod journal;
pub mod load;
pub mod model;
pub mod normalize;
pub mod output;
pub mod parse;
pub mod rules;
pub mod save;
pub mod service;
pub mod template;
#[cfg(feature = "tui")]
pub mod tui;

pub use model::{Block, Cell, Report, Row, Section, Table};
pub use template::{SectionKind, TableId};

pub use load::{load, load_with_bytes};
