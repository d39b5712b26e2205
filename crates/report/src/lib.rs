//! Report sinks: validation findings as text for people, JSON and CSV for tools, and an XLSX
//! workbook with the failing cells highlighted for analysts.
//!
//! Every sink works from [`FindingDetail`]s, which resolve a finding's row back to its child,
//! source line, fields and the values the LA sent.
#![deny(missing_docs)]

pub use crate::detail::{FindingDetail, details};
pub use crate::error::ReportError;
pub use crate::validation::{write_csv, write_json, write_text, write_xlsx};

mod detail;
mod error;
mod validation;
