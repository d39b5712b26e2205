//! CSV files: one table per file, recognised from its header row.

use std::num::NonZeroU32;

use carelens_model::{AnyRow, CellState, Loc, TableKind, Tables, is_blank_text};

use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};

/// Column names as LAs' systems write them, and XML tag names, mapped to the DfE column.
const ALIASES: &[(&str, &str)] = &[("CHILDID", "CHILD"), ("CHILD_ID", "CHILD"), ("PL", "PLACE")];

/// Upper case, surrounding spaces and quotes gone, inner spaces and hyphens as `_`.
fn normalise_header(name: &str) -> String {
    let n: String = name
        .trim()
        .trim_matches(|c| c == '"' || c == '\'' || c == '\u{feff}')
        .trim()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_uppercase() })
        .collect();
    ALIASES.iter().find(|(alias, _)| *alias == n).map_or(n, |(_, dfe)| (*dfe).to_owned())
}

/// The table a header row belongs to: every CSV column of the table present, most columns
/// first; failing that, the table with the most columns present (at least half of its columns
/// and `CHILD`), reported as missing columns. `Err` lists what was seen.
fn recognise(columns: &[String]) -> Result<(TableKind, Vec<&'static str>), ()> {
    let has = |c: &str| columns.iter().any(|x| x == c);
    let mut full: Vec<TableKind> = Vec::new();
    let mut partial: Vec<(usize, TableKind)> = Vec::new();
    for &kind in TableKind::ALL {
        let required = kind.csv_columns();
        let present = required.iter().filter(|c| has(c)).count();
        if present == required.len() {
            full.push(kind);
        } else if has("CHILD") && present * 2 >= required.len() && present >= 3 {
            partial.push((present, kind));
        }
    }
    if let Some(kind) = full.into_iter().max_by_key(|k| k.csv_columns().len()) {
        return Ok((kind, Vec::new()));
    }
    partial.sort_by_key(|p| std::cmp::Reverse(p.0));
    match partial.as_slice() {
        [(best, kind), rest @ ..] if rest.first().is_none_or(|(n, _)| n < best) => {
            let missing = kind.csv_columns().iter().copied().filter(|c| !has(c)).collect();
            Ok((*kind, missing))
        }
        _ => Err(()),
    }
}

fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |d: char| first.matches(d).count();
    [b',', b';', b'\t', b'|']
        .into_iter()
        .max_by_key(|d| (count(*d as char), *d == b','))
        .unwrap_or(b',')
}

/// Reads one CSV file's text into `out`. Returns the table it was recognised as.
pub(crate) fn read_csv(
    text: &str,
    file: &str,
    source: u16,
    out: &mut Tables,
    diags: &mut Vec<Diagnostic>,
) -> Option<TableKind> {
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader.records();

    // The header is the first row with any text in it.
    let (header, header_line) = loop {
        match records.next() {
            None => {
                diags.push(Diagnostic::file(
                    Severity::Warning,
                    DiagnosticKind::EmptyFile,
                    file,
                    "the file has no header row and no data",
                ));
                return None;
            }
            Some(Err(e)) => {
                diags.push(csv_error(file, &e));
            }
            Some(Ok(r)) if r.iter().all(|c| c.trim().is_empty()) => {}
            Some(Ok(r)) => {
                break (
                    r.clone(),
                    r.position().map_or(1, |p| LineCounter::new(text).line_at(p.byte())),
                );
            }
        }
    };
    let columns: Vec<String> = header.iter().map(normalise_header).collect();
    let Ok((kind, missing)) = recognise(&columns) else {
        let seen: Vec<&str> = header.iter().map(str::trim).collect();
        diags.push(
            Diagnostic::file(
                Severity::Error,
                DiagnosticKind::UnknownTable,
                file,
                format!(
                    "the header row matches no SSDA903 table (saw {}); its rows were not read",
                    seen.join(", ")
                ),
            )
            .at_line(line_u32(header_line)),
        );
        return None;
    };
    if delimiter != b',' {
        diags.push(Diagnostic::file(
            Severity::Info,
            DiagnosticKind::Encoding,
            file,
            format!("columns are separated by {:?}, not commas", delimiter as char),
        ));
    }
    if !missing.is_empty() {
        diags.push(
            Diagnostic::file(
                Severity::Warning,
                DiagnosticKind::MissingColumns,
                file,
                format!(
                    "read as {kind}, but it lacks {}: those fields are read as blank",
                    missing.join(", ")
                ),
            )
            .in_table(kind),
        );
    }

    // For each table column, the file column that holds it.
    let table_columns = kind.columns();
    let mut map: Vec<Option<usize>> = vec![None; table_columns.len()];
    let mut extra: Vec<String> = Vec::new();
    for (i, name) in columns.iter().enumerate() {
        match table_columns.iter().position(|c| c == name) {
            Some(t) if map[t].is_none() => map[t] = Some(i),
            Some(_) => diags.push(
                Diagnostic::file(
                    Severity::Warning,
                    DiagnosticKind::DuplicateColumn,
                    file,
                    "this column appears twice; the first one was used",
                )
                .at_line(line_u32(header_line))
                .at_column(col_u32(i))
                .in_table(kind)
                .with_field(name),
            ),
            None if name.is_empty() || name.starts_with("UNNAMED") => {
                extra.push("(unnamed)".into())
            }
            None => extra.push(header.get(i).unwrap_or("").trim().to_owned()),
        }
    }
    if !extra.is_empty() {
        diags.push(
            Diagnostic::file(
                Severity::Warning,
                DiagnosticKind::ExtraColumns,
                file,
                format!("columns that {kind} does not have were ignored: {}", extra.join(", ")),
            )
            .in_table(kind),
        );
    }
    out.mark_supplied(kind);
    // At most one row per line after the header.
    let lines_after = text.as_bytes()[reader.position().byte() as usize..]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    out.reserve(kind, lines_after + 1);

    let width = header.len();
    let mut lines = LineCounter::new(text);
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                diags.push(csv_error(file, &e).in_table(kind));
                continue;
            }
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue; // blank lines and rows of empty cells (spreadsheet artefacts)
        }
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.len() != width {
            let what = if record.len() < width { "fewer" } else { "more" };
            diags.push(
                Diagnostic::file(
                    Severity::Warning,
                    DiagnosticKind::RaggedRow,
                    file,
                    format!(
                        "this row has {} cells, {what} than the {width} columns of the header; {}",
                        record.len(),
                        if record.len() < width {
                            "the missing cells are read as blank"
                        } else {
                            "the extra cells were ignored"
                        }
                    ),
                )
                .at_line(line_u32(line))
                .in_table(kind),
            );
        }
        let loc = Loc { file: source, row: 0, line: NonZeroU32::new(line_u32(line)) };
        let row = out
            .push_cells(kind, loc, |t| map.get(t).copied().flatten().and_then(|i| record.get(i)));
        cell_diagnostics(
            row,
            file,
            Some(line_u32(line)),
            |t| map.get(t).copied().flatten().map(col_u32),
            diags,
        );
    }
    Some(kind)
}

/// One diagnostic per invalid or coerced cell of a row.
pub(crate) fn cell_diagnostics(
    row: &dyn AnyRow,
    file: &str,
    line: Option<u32>,
    column_of: impl Fn(usize) -> Option<u32>,
    diags: &mut Vec<Diagnostic>,
) {
    let kind = row.kind();
    for i in 0..kind.columns().len() {
        let Some(cell) = row.cell(i) else { break };
        let (severity, diag_kind, message) = match (cell.state, cell.note) {
            (CellState::Invalid, _) => (
                Severity::Error,
                DiagnosticKind::InvalidValue,
                format!("not valid: expected {}; kept as invalid text", cell.expected),
            ),
            (CellState::Valid, Some(note)) => (
                Severity::Warning,
                DiagnosticKind::CoercedValue,
                format!(
                    "read as {}: {} (the DfE expects {})",
                    row.canonical(i).unwrap_or_default(),
                    note.describe(),
                    cell.expected
                ),
            ),
            _ => continue,
        };
        if is_blank_text(cell.raw) {
            continue;
        }
        let mut d = Diagnostic::file(severity, diag_kind, file, message)
            .in_table(kind)
            .with_value(cell.column, cell.raw);
        d.line = line;
        d.column = column_of(i);
        diags.push(d);
    }
}

/// 1-based line numbers from byte offsets, counted incrementally (the csv crate does not count
/// the blank lines it skips).
struct LineCounter<'a> {
    text: &'a [u8],
    byte: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self { text: text.as_bytes(), byte: 0, line: 1 }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let mut target = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        // The csv reader reports a record's position before the blank lines it skipped.
        while target < self.text.len() && matches!(self.text[target], b'\n' | b'\r') {
            target += 1;
        }
        if target < self.byte {
            *self = Self { text: self.text, byte: 0, line: 1 };
        }
        self.line += self.text[self.byte..target].iter().filter(|b| **b == b'\n').count() as u64;
        self.byte = target;
        self.line
    }
}

fn csv_error(file: &str, e: &csv::Error) -> Diagnostic {
    let mut d = Diagnostic::file(
        Severity::Error,
        DiagnosticKind::RaggedRow,
        file,
        format!("unreadable row: {e}"),
    );
    if let Some(p) = e.position() {
        d = d.at_line(line_u32(p.line()));
    }
    d
}

fn line_u32(line: u64) -> u32 {
    u32::try_from(line).unwrap_or(u32::MAX)
}

fn col_u32(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<TableKind>, Tables, Vec<Diagnostic>) {
        let mut t = Tables::default();
        let mut d = Vec::new();
        let k = read_csv(text, "f.csv", 0, &mut t, &mut d);
        (k, t, d)
    }

    #[test]
    fn recognises_tables_by_columns_in_any_order_and_case() {
        let (k, t, d) =
            read(" dob , Child,Sex,ethnic,UPN,MOTHER,MC_DOB\n01/01/2010,C1,1,WBRI,UN1,,\n");
        assert_eq!(k, Some(TableKind::Header));
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(t.header.rows[0].child.raw(), "C1");
        assert_eq!(t.header.rows[0].dob.raw(), "01/01/2010");
        let (k, ..) = read("CHILD,SEX,DOB,DUC\n");
        assert_eq!(k, Some(TableKind::Uasc));
    }

    #[test]
    fn reports_missing_extra_and_unknown_columns() {
        let (k, t, d) = read("CHILD,DOB,REVIEW,NOTES\nC1,01/01/2010,01/05/2024,x\n");
        assert_eq!(k, Some(TableKind::Reviews));
        assert!(t.reviews.rows[0].review_code.is_blank());
        let kinds: Vec<DiagnosticKind> = d.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [DiagnosticKind::MissingColumns, DiagnosticKind::ExtraColumns]);
        let (k, _, d) = read("FOO,BAR\n1,2\n");
        assert_eq!(k, None);
        assert_eq!(d[0].kind, DiagnosticKind::UnknownTable);
    }

    #[test]
    fn blank_lines_skipped_ragged_rows_reported_with_lines() {
        let text =
            "\nCHILD,DOB,REVIEW,REVIEW_CODE\n\nC1,01/01/2010,01/05/2024,PN1\nC2,01/01/2010\n,,,\n";
        let (_, t, d) = read(text);
        assert_eq!(t.reviews.len(), 2);
        assert_eq!(t.reviews.rows[0].loc.line.map(NonZeroU32::get), Some(4));
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].kind, d[0].line), (DiagnosticKind::RaggedRow, Some(5)));
    }

    #[test]
    fn invalid_and_coerced_cells_name_line_column_field_value() {
        let text = "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,2010-01-01,31/02/2024,PN1\n";
        let (_, t, d) = read(text);
        assert_eq!(t.reviews.len(), 1);
        assert_eq!(d.len(), 2);
        assert_eq!(
            (d[0].kind, d[0].line, d[0].column),
            (DiagnosticKind::CoercedValue, Some(2), Some(2))
        );
        assert_eq!(
            (d[1].kind, d[1].field.as_deref(), d[1].value.as_deref()),
            (DiagnosticKind::InvalidValue, Some("REVIEW"), Some("31/02/2024"))
        );
    }

    #[test]
    fn semicolons_and_quoted_headers() {
        let (k, t, _) = read(
            "\"CHILD\";\"DOB\";\"REVIEW\";\"REVIEW_CODE\"\r\nC1;01/01/2010;01/05/2024;PN1\r\n",
        );
        assert_eq!(k, Some(TableKind::Reviews));
        assert_eq!(t.reviews.rows[0].review_code.raw(), "PN1");
    }

    #[test]
    fn header_only_file_is_a_supplied_empty_table() {
        let (k, t, d) = read("CHILD,DOB,MISSING,MIS_START,MIS_END\n");
        assert_eq!(k, Some(TableKind::Missing));
        assert!(t.missing.supplied && t.missing.is_empty());
        assert!(d.is_empty());
    }
}
