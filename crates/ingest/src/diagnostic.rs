//! Diagnostics: everything ingest noticed, each naming file, line, column, field and value.

use std::fmt;

use carelens_model::TableKind;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Data could not be read: a file, a row or a value is lost or unusable.
    Error,
    /// Data was read, but not as the DfE specifies it (the analyst should know).
    Warning,
    /// Worth knowing, nothing wrong (e.g. the encoding that was detected).
    Info,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        })
    }
}

/// What kind of problem a diagnostic reports; `inspect` groups by this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// The file could not be opened or read.
    Unreadable,
    /// The file is empty (zero bytes, or only blank lines).
    EmptyFile,
    /// The file is not text: binary content, or a spreadsheet/archive saved under another name.
    NotText,
    /// The file is neither CSV nor XML.
    UnsupportedFormat,
    /// A text encoding other than UTF-8 was detected and decoded.
    Encoding,
    /// The header row matches no SSDA903 table.
    UnknownTable,
    /// The file is recognised as a table but lacks some of its columns; they are read as blank.
    MissingColumns,
    /// Columns that no SSDA903 table has; ignored.
    ExtraColumns,
    /// The same column appears twice; the first is used.
    DuplicateColumn,
    /// A row with more or fewer cells than the header.
    RaggedRow,
    /// A value that is not valid for its field; kept as invalid text.
    InvalidValue,
    /// A value read from a non-DfE form (`10.0`, `yyyy-mm-dd`, `code - label`…).
    CoercedValue,
    /// The XML is not well formed; the part before the error was read.
    XmlSyntax,
    /// An XML element carelens does not know; ignored.
    UnknownElement,
    /// The collection year could not be told for a file.
    YearUnknown,
    /// Files disagree about their LA or year, or a table is given twice for one year.
    Conflict,
    /// The table does not exist in the return's collection year (e.g. DoLo before 2026/27).
    TableNotInYear,
}

impl DiagnosticKind {
    /// A short name for grouping and reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Unreadable => "unreadable file",
            Self::EmptyFile => "empty file",
            Self::NotText => "not a text file",
            Self::UnsupportedFormat => "unsupported format",
            Self::Encoding => "encoding",
            Self::UnknownTable => "unknown table",
            Self::MissingColumns => "missing columns",
            Self::ExtraColumns => "extra columns",
            Self::DuplicateColumn => "duplicate column",
            Self::RaggedRow => "ragged row",
            Self::InvalidValue => "invalid value",
            Self::CoercedValue => "value in a non-DfE form",
            Self::XmlSyntax => "XML syntax",
            Self::UnknownElement => "unknown XML element",
            Self::YearUnknown => "year unknown",
            Self::Conflict => "conflict",
            Self::TableNotInYear => "table not in year",
        }
    }
}

impl fmt::Display for DiagnosticKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing ingest noticed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// What kind of problem.
    pub kind: DiagnosticKind,
    /// The file, as given.
    pub file: String,
    /// 1-based line in the file, where it applies.
    pub line: Option<u32>,
    /// 1-based column (CSV) or byte offset (XML), where it applies.
    pub column: Option<u32>,
    /// The table, where known.
    pub table: Option<TableKind>,
    /// The DfE field name (`DECOM`), or the file's own column name for unknown columns.
    pub field: Option<String>,
    /// The raw value, where one is involved.
    pub value: Option<String>,
    /// What happened and what was expected, in lower case without a trailing period.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic about a whole file.
    pub fn file(
        severity: Severity,
        kind: DiagnosticKind,
        file: &str,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            kind,
            file: file.to_owned(),
            line: None,
            column: None,
            table: None,
            field: None,
            value: None,
            message: message.into(),
        }
    }

    /// Sets the line.
    pub fn at_line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }

    /// Sets the column.
    pub fn at_column(mut self, column: u32) -> Self {
        self.column = Some(column);
        self
    }

    /// Sets the table.
    pub fn in_table(mut self, table: TableKind) -> Self {
        self.table = Some(table);
        self
    }

    /// Sets the field name and raw value.
    pub fn with_value(mut self, field: &str, value: &str) -> Self {
        self.field = Some(field.to_owned());
        self.value = Some(value.to_owned());
        self
    }

    /// Sets the field name alone.
    pub fn with_field(mut self, field: &str) -> Self {
        self.field = Some(field.to_owned());
        self
    }
}

/// `file:line:column: severity: [table.field = "value"] message`
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}: ", self.severity)?;
        match (&self.table, &self.field) {
            (Some(t), Some(field)) => write!(f, "{t}.{field}")?,
            (Some(t), None) => write!(f, "{t}")?,
            (None, Some(field)) => write!(f, "{field}")?,
            (None, None) => {}
        }
        if let Some(v) = &self.value {
            write!(f, " = {v:?}")?;
        }
        if self.table.is_some() || self.field.is_some() || self.value.is_some() {
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_everything() {
        let d = Diagnostic::file(
            Severity::Error,
            DiagnosticKind::InvalidValue,
            "eps.csv",
            "not a date (expected dd/mm/yyyy)",
        )
        .at_line(14)
        .at_column(2)
        .in_table(TableKind::Episodes)
        .with_value("DECOM", "31/02/2024");
        assert_eq!(
            d.to_string(),
            "eps.csv:14:2: error: Episodes.DECOM = \"31/02/2024\": not a date (expected dd/mm/yyyy)"
        );
    }
}
