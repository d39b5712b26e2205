//! Reading SSDA903 returns as LAs actually send them.
//!
//! * CSV: each file's table is recognised from its columns (any order, case or spacing);
//!   UTF-8 (with or without BOM), UTF-16 LE/BE and Windows-1252 are read; values in the forms
//!   spreadsheets and LA systems produce are read with a note (see `carelens_model::Coercion`).
//! * XML: the DfE `EXPSSDA903` return, streamed.
//! * Several years and several LAs side by side: files are grouped by LA and collection year.
//!
//! Nothing is dropped silently and nothing panics: every problem becomes a [`Diagnostic`] that
//! names the file, line, column, field and value, and every readable file is still read.
#![deny(missing_docs)]

pub use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};
pub use crate::read::{
    FileReport, Ingested, ReadOptions, YearSource, read_bytes, read_paths, read_paths_with_progress,
};
pub use crate::write::{write_csv_dir, write_csv_table};
pub use crate::xml::{read_xml, write_xml};

mod csv_read;
mod decode;
mod diagnostic;
mod read;
mod write;
mod xml;
