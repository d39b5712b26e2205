//! Reading the Ofsted provider lists that the URN rules need, as the reference validator
//! (`lac_validator/ingress.py`, `construct_provider_info_table` and
//! `scpch_provider_info_table`) reads them.
//!
//! LAs get two lists from Ofsted, or one combined list:
//!
//! * the **children's homes list**: a sheet "Provider information" with `URN`, `Local
//!   Authority`, `Provider Code`, `Provider Placement Code`, `Closed Date` and `Setting
//!   Postcode` (or `Setting Address Postcode`); older lists split it into "Settings and
//!   Inspection Info" (all but the postcode) and "Address Details" (`URN`, postcode);
//! * the **social care providers list**: two sheets, current and closed providers, with `URN`,
//!   `Local authority`, `Placement code`, `Placement provider code`, `Setting postcode` and,
//!   on the closed sheet, `Deregistration date`;
//! * the **combined list**: one sheet with those columns plus `Provider type`, or two sheets
//!   "Providers" and "SA providers" (supported accommodation: `Provider local authority`,
//!   `Closed date`, no codes: the reference gives them placement K3 and provider PR4).
//!
//! carelens does not ask which list a file is: every sheet is recognised by its columns, so any
//! of these layouts, in any number of files, is read. Design choices, where carelens is more
//! forgiving than the reference (each keeps every record the reference keeps):
//!
//! * column names are matched ignoring case and spacing, and the header row is the first row
//!   with a `URN` cell (title rows above it are skipped);
//! * every sheet with a `URN` column and the code columns is read, not only the first two;
//! * a setting with no row in "Address Details" is kept without a postcode (the reference's
//!   inner merge drops it, so rule 1008 would then report its URN);
//! * a 7-digit URN stored as a number is read as its digits (the reference keeps the number,
//!   which never equals the text an episode holds);
//! * code lists are split on `,`, `/` and `;`, trimmed and upper-cased (the reference splits
//!   the children's homes list on `/` and everything on `,`, untrimmed);
//! * the setting's LA is inferred from a unit postcode with the shipped ONS directory, as the
//!   reference infers `LA_CODE_INFERRED` from its own postcode table;
//! * CSV files with the same columns are read too (UTF-8, or Windows-1252 when not UTF-8);
//! * rows with a blank URN are counted and reported, not read (the reference drops them from
//!   the social care providers list, and keeps them in the children's homes list where they can
//!   never match an episode).
//!
//! A cell that cannot be read (a closing date that is not a date, a spreadsheet error such as
//! `#N/A`) is an error naming the file, sheet, row, column and value: the URN rules must not
//! run on lists read wrongly.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader as _};
use carelens_model::{Date, Postcode, PostcodePrecision};

use crate::providers::{ProviderRecord, Providers};

/// Why the provider lists could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProvidersError {
    /// The file could not be read.
    #[error("could not read {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a workbook calamine can open.
    #[error("{}: not a readable spreadsheet", path.display())]
    Workbook {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: calamine::Error,
    },
    /// The CSV file is malformed.
    #[error("{}: not readable as CSV", path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: csv::Error,
    },
    /// The file's extension is none of those read.
    #[error(
        "{}: unsupported file type (expected an Ofsted list as .xlsx, .xlsm, .xls, .ods or .csv)",
        path.display()
    )]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// No sheet of the file is a provider list.
    #[error(
        "{}: not an Ofsted children's homes or social care providers list: no sheet has a URN \
         column with placement codes (sheets: {sheets})",
        path.display()
    )]
    NotAList {
        /// The file.
        path: PathBuf,
        /// The sheets found, with their first columns.
        sheets: String,
    },
    /// A sheet with a URN column lacks a column the URN rules need.
    #[error(
        "{}: sheet {sheet:?}: no {column} column (expected one of {expected}; found {found})",
        path.display()
    )]
    MissingColumn {
        /// The file.
        path: PathBuf,
        /// The sheet.
        sheet: String,
        /// What the column holds.
        column: &'static str,
        /// The names accepted.
        expected: String,
        /// The columns the sheet has.
        found: String,
    },
    /// A cell could not be read.
    #[error("{0}")]
    BadCell(Box<BadCell>),
}

/// Where a cell that could not be read is, and what it holds.
#[derive(Debug)]
pub struct BadCell {
    /// The file.
    pub path: PathBuf,
    /// The sheet (the file name for a CSV file).
    pub sheet: String,
    /// The 1-based row as the spreadsheet numbers it (the line, for CSV).
    pub row: u32,
    /// The column letter (`E`).
    pub column: String,
    /// The column's header.
    pub header: String,
    /// The cell as read.
    pub value: String,
    /// What was expected.
    pub expected: &'static str,
}

impl fmt::Display for BadCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: sheet {:?} row {} column {} ({}): {:?} is not {}",
            self.path.display(),
            self.sheet,
            self.row,
            self.column,
            self.header,
            self.value,
            self.expected
        )
    }
}

/// The provider lists read from files, and what each file was read as.
#[derive(Debug)]
pub struct LoadedProviders {
    /// Every record of every list.
    pub providers: Providers,
    /// One summary per file, in the order given.
    pub lists: Vec<ListSummary>,
}

impl LoadedProviders {
    /// Whether the files cover both lists the reference asks for (a children's homes list and
    /// a social care providers list, or one combined list). Without both, URNs of the missing
    /// list are reported by rule 1008.
    pub fn is_complete(&self) -> bool {
        let has = |k: ListKind| self.lists.iter().any(|l| l.kind == k);
        has(ListKind::Combined) || (has(ListKind::ChildrensHomes) && has(ListKind::SocialCare))
    }
}

/// Which Ofsted list a file is, told from its columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListKind {
    /// The children's homes list (`Provider Placement Code` columns).
    ChildrensHomes,
    /// The social care providers list (`Placement code` columns).
    SocialCare,
    /// The combined list (a `Provider type` column, or an "SA providers" sheet).
    Combined,
}

impl fmt::Display for ListKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ChildrensHomes => "children's homes list",
            Self::SocialCare => "social care providers list",
            Self::Combined => "combined children's homes and social care providers list",
        })
    }
}

/// What one file held.
#[derive(Debug)]
pub struct ListSummary {
    /// The file.
    pub path: PathBuf,
    /// Which list it is.
    pub kind: ListKind,
    /// Each sheet (one for CSV) and what was read from it.
    pub sheets: Vec<SheetSummary>,
}

impl ListSummary {
    /// Provider records read from the file.
    pub fn records(&self) -> usize {
        self.sheets.iter().map(|s| s.records).sum()
    }

    /// Rows with other cells filled but a blank URN, not read.
    pub fn blank_urn_rows(&self) -> usize {
        self.sheets.iter().map(|s| s.blank_urn_rows).sum()
    }
}

/// What one sheet was read as.
#[derive(Debug)]
pub struct SheetSummary {
    /// The sheet's name.
    pub name: String,
    /// How it was read.
    pub role: SheetRole,
    /// Provider records (or addresses) read.
    pub records: usize,
    /// Rows with other cells filled but a blank URN, not read.
    pub blank_urn_rows: usize,
}

/// How a sheet was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SheetRole {
    /// Providers with their codes.
    Providers,
    /// Supported accommodation providers (placement K3, provider PR4 unless the sheet says).
    SupportedAccommodation,
    /// Postcodes by URN, joined to the file's providers ("Address Details").
    Addresses,
    /// No URN column: a cover, notes or glossary sheet.
    Ignored,
}

/// Reads the Ofsted provider lists from `paths` (XLSX, XLSM, XLS, ODS or CSV).
///
/// # Errors
/// [`ProvidersError`] naming the file, and where a cell is at fault its sheet, row, column and
/// value.
pub fn load_providers<P: AsRef<Path>>(paths: &[P]) -> Result<LoadedProviders, ProvidersError> {
    let mut records = Vec::new();
    let mut lists = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let sheets = read_sheets(path)?;
        let (mut recs, summary) = read_list(path, &sheets)?;
        records.append(&mut recs);
        lists.push(summary);
    }
    for r in &mut records {
        r.la_code_inferred = r.postcode.as_deref().and_then(infer_la);
    }
    Ok(LoadedProviders { providers: Providers::new(records), lists })
}

/// A cell as the loader sees it, whatever the file format.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
    /// A spreadsheet error (`#N/A`), a boolean, a duration: nothing a list column holds.
    Other(String),
}

impl Cell {
    fn from_data(d: &Data) -> Self {
        match d {
            Data::Empty => Self::Empty,
            Data::String(s) if s.trim().is_empty() => Self::Empty,
            Data::String(s) => Self::Text(s.clone()),
            Data::Int(i) => Self::Number(*i as f64),
            Data::Float(f) => Self::Number(*f),
            Data::DateTime(dt) if dt.is_datetime() => {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                match (i16::try_from(y), i8::try_from(m), i8::try_from(d)) {
                    (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d)
                        .map_or_else(|_| Self::Other(format!("{dt:?}")), Self::Date),
                    _ => Self::Other(format!("{dt:?}")),
                }
            }
            Data::DateTimeIso(s) => Self::Text(s.clone()),
            other => Self::Other(other.to_string()),
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, Self::Empty)
    }

    /// The cell as text (numbers without a trailing `.0`).
    fn text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(s) | Self::Other(s) => s.trim().to_owned(),
            Self::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Self::Number(n) => n.to_string(),
            Self::Date(d) => d.to_string(),
        }
    }
}

/// One sheet: its name, the 0-based spreadsheet row of its first row, and its cells.
struct Sheet {
    name: String,
    first_row: u32,
    rows: Vec<Vec<Cell>>,
}

fn read_sheets(path: &Path) -> Result<Vec<Sheet>, ProvidersError> {
    std::fs::metadata(path)
        .map_err(|source| ProvidersError::Read { path: path.to_owned(), source })?;
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => read_csv(path).map(|s| vec![s]),
        Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods") => {
            let workbook_err = |source| ProvidersError::Workbook { path: path.to_owned(), source };
            let mut wb = calamine::open_workbook_auto(path).map_err(|e| match e {
                calamine::Error::Io(source) => {
                    ProvidersError::Read { path: path.to_owned(), source }
                }
                other => workbook_err(other),
            })?;
            let mut out = Vec::new();
            for name in wb.sheet_names() {
                let range = wb.worksheet_range(&name).map_err(workbook_err)?;
                let first_row = range.start().map_or(0, |(r, _)| r);
                let first_col = range.start().map_or(0, |(_, c)| c) as usize;
                let rows = range
                    .rows()
                    .map(|r| {
                        // Columns left of the used range are blank: keep column letters right.
                        let mut cells = vec![Cell::Empty; first_col];
                        cells.extend(r.iter().map(Cell::from_data));
                        cells
                    })
                    .collect();
                out.push(Sheet { name, first_row, rows });
            }
            Ok(out)
        }
        _ => Err(ProvidersError::UnknownFormat { path: path.to_owned() }),
    }
}

fn read_csv(path: &Path) -> Result<Sheet, ProvidersError> {
    let bytes = std::fs::read(path)
        .map_err(|source| ProvidersError::Read { path: path.to_owned(), source })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0,
    };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record =
            record.map_err(|source| ProvidersError::Csv { path: path.to_owned(), source })?;
        // Keep the line numbering, blank lines included, so errors name the line. (csv
        // reports a record after blank lines as starting at the first blank line.)
        let bytes = text.as_bytes();
        let mut start = record.position().map_or(0, |p| p.byte()) as usize;
        while bytes.get(start).is_some_and(|b| *b == b'\n' || *b == b'\r') {
            start += 1;
        }
        let line = bytes[..start.min(bytes.len())].iter().filter(|b| **b == b'\n').count();
        while rows.len() < line {
            rows.push(Vec::new());
        }
        rows.push(
            record
                .iter()
                .map(|c| if c.trim().is_empty() { Cell::Empty } else { Cell::Text(c.to_owned()) })
                .collect(),
        );
    }
    let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    Ok(Sheet { name, first_row: 0, rows })
}

/// The columns the loader reads, each with the names it goes by in the Ofsted lists (compared
/// in lower case with runs of spaces as one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Urn,
    LaName,
    PlaceCodes,
    ProviderCodes,
    RegEnd,
    Postcode,
    ProviderType,
}

impl Col {
    const ALL: [Col; 7] = [
        Col::Urn,
        Col::LaName,
        Col::PlaceCodes,
        Col::ProviderCodes,
        Col::RegEnd,
        Col::Postcode,
        Col::ProviderType,
    ];

    fn names(self) -> &'static [&'static str] {
        match self {
            Col::Urn => &["urn"],
            Col::LaName => &["local authority", "provider local authority"],
            Col::PlaceCodes => &["provider placement code", "placement code"],
            Col::ProviderCodes => &["provider code", "placement provider code"],
            Col::RegEnd => &["closed date", "deregistration date"],
            Col::Postcode => &["setting postcode", "setting address postcode"],
            Col::ProviderType => &["provider type"],
        }
    }

    fn what(self) -> &'static str {
        match self {
            Col::Urn => "URN",
            Col::LaName => "local authority",
            Col::PlaceCodes => "placement code",
            Col::ProviderCodes => "placement provider code",
            Col::RegEnd => "closing date",
            Col::Postcode => "setting postcode",
            Col::ProviderType => "provider type",
        }
    }

    fn expected(self) -> String {
        self.names().iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ")
    }
}

fn normalise(header: &str) -> String {
    header.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A sheet's header: where it is and which column holds what.
struct Header {
    /// Index into `Sheet::rows`.
    row: usize,
    names: Vec<String>,
    cols: [Option<usize>; Col::ALL.len()],
}

impl Header {
    /// The first row (of the first 30) with a `URN` cell.
    fn find(sheet: &Sheet) -> Option<Self> {
        let row =
            sheet.rows.iter().take(30).position(|r| {
                r.iter().any(|c| matches!(c, Cell::Text(t) if normalise(t) == "urn"))
            })?;
        let names: Vec<String> = sheet.rows[row].iter().map(Cell::text).collect();
        let normalised: Vec<String> = names.iter().map(|n| normalise(n)).collect();
        let mut cols = [None; Col::ALL.len()];
        for (i, col) in Col::ALL.iter().enumerate() {
            // The first name in the list wins; among columns with one name, the leftmost.
            cols[i] = col.names().iter().find_map(|n| normalised.iter().position(|h| h == n));
        }
        Some(Self { row, names, cols })
    }

    fn get(&self, col: Col) -> Option<usize> {
        self.cols[col as usize]
    }

    fn found(&self) -> String {
        let names: Vec<&str> =
            self.names.iter().map(String::as_str).filter(|n| !n.is_empty()).collect();
        names.join(", ")
    }
}

/// Reads one file's sheets into records.
fn read_list(
    path: &Path,
    sheets: &[Sheet],
) -> Result<(Vec<ProviderRecord>, ListSummary), ProvidersError> {
    let mut records = Vec::new();
    let mut summaries = Vec::new();
    let mut addresses: HashMap<String, String> = HashMap::new();
    let mut kind = None;
    for sheet in sheets {
        let Some(header) = Header::find(sheet) else {
            summaries.push(SheetSummary {
                name: sheet.name.clone(),
                role: SheetRole::Ignored,
                records: 0,
                blank_urn_rows: 0,
            });
            continue;
        };
        let has = |c: Col| header.get(c).is_some();
        let supported = normalise(&sheet.name) == "sa providers";
        let role = if has(Col::PlaceCodes) && has(Col::ProviderCodes) {
            SheetRole::Providers
        } else if supported {
            SheetRole::SupportedAccommodation
        } else if has(Col::Postcode) && !has(Col::PlaceCodes) && !has(Col::ProviderCodes) {
            SheetRole::Addresses
        } else {
            let column = if has(Col::PlaceCodes) { Col::ProviderCodes } else { Col::PlaceCodes };
            return Err(ProvidersError::MissingColumn {
                path: path.to_owned(),
                sheet: sheet.name.clone(),
                column: column.what(),
                expected: column.expected(),
                found: header.found(),
            });
        };
        let sheet_kind = if supported || has(Col::ProviderType) {
            Some(ListKind::Combined)
        } else if role == SheetRole::Providers {
            let place = header.get(Col::PlaceCodes).map(|i| normalise(&header.names[i]));
            Some(if place.as_deref() == Some("provider placement code") {
                ListKind::ChildrensHomes
            } else {
                ListKind::SocialCare
            })
        } else {
            None
        };
        // A combined list may have a children's-homes-style sheet beside its SA sheet.
        kind = match (kind, sheet_kind) {
            (Some(ListKind::Combined), _) | (_, Some(ListKind::Combined)) => {
                Some(ListKind::Combined)
            }
            (k, None) => k,
            (_, k) => k,
        };
        let reader = SheetReader { path, sheet, header: &header };
        let mut count = 0;
        let mut blank_urn_rows = 0;
        for (i, row) in sheet.rows.iter().enumerate().skip(header.row + 1) {
            if row.iter().all(Cell::is_empty) {
                continue;
            }
            let Some(urn) = reader.urn(i, row)? else {
                blank_urn_rows += 1;
                continue;
            };
            count += 1;
            let postcode = reader.postcode(row);
            if role == SheetRole::Addresses {
                if let Some(p) = postcode {
                    addresses.entry(urn).or_insert(p);
                }
                continue;
            }
            let mut place_codes = reader.codes(i, row, Col::PlaceCodes)?;
            let mut provider_codes = reader.codes(i, row, Col::ProviderCodes)?;
            if role == SheetRole::SupportedAccommodation {
                // As the reference: supported accommodation is placement K3, provider PR4.
                if place_codes.is_empty() {
                    place_codes.push("K3".to_owned());
                }
                if provider_codes.is_empty() {
                    provider_codes.push("PR4".to_owned());
                }
            }
            records.push(ProviderRecord {
                urn,
                la_name: reader.text(row, Col::LaName),
                place_codes,
                provider_codes,
                reg_end: reader.date(i, row, Col::RegEnd)?,
                postcode,
                la_code_inferred: None,
            });
        }
        summaries.push(SheetSummary {
            name: sheet.name.clone(),
            role,
            records: count,
            blank_urn_rows,
        });
    }
    let Some(kind) = kind else {
        let sheets = sheets
            .iter()
            .map(|s| match Header::find(s) {
                Some(h) => format!("{:?} ({})", s.name, h.found()),
                None => format!("{:?} (no URN column)", s.name),
            })
            .collect::<Vec<_>>()
            .join("; ");
        return Err(ProvidersError::NotAList { path: path.to_owned(), sheets });
    };
    for r in records.iter_mut().filter(|r| r.postcode.is_none()) {
        r.postcode = addresses.get(&r.urn).cloned();
    }
    Ok((records, ListSummary { path: path.to_owned(), kind, sheets: summaries }))
}

/// Reads the cells of one sheet, with errors that say where.
struct SheetReader<'s> {
    path: &'s Path,
    sheet: &'s Sheet,
    header: &'s Header,
}

impl SheetReader<'_> {
    fn cell<'r>(&self, row: &'r [Cell], col: Col) -> Option<(usize, &'r Cell)> {
        let i = self.header.get(col)?;
        Some((i, row.get(i).unwrap_or(&Cell::Empty)))
    }

    fn bad(
        &self,
        row: usize,
        column: usize,
        cell: &Cell,
        expected: &'static str,
    ) -> ProvidersError {
        let row_number =
            self.sheet.first_row.saturating_add(u32::try_from(row).unwrap_or(u32::MAX));
        ProvidersError::BadCell(Box::new(BadCell {
            path: self.path.to_owned(),
            sheet: self.sheet.name.clone(),
            row: row_number.saturating_add(1),
            column: column_letter(column),
            header: self.header.names.get(column).cloned().unwrap_or_default(),
            value: cell.text(),
            expected,
        }))
    }

    /// The URN, upper case; `None` when blank.
    fn urn(&self, i: usize, row: &[Cell]) -> Result<Option<String>, ProvidersError> {
        let Some((c, cell)) = self.cell(row, Col::Urn) else { return Ok(None) };
        match cell {
            Cell::Empty => Ok(None),
            Cell::Text(_) | Cell::Number(_) => Ok(Some(cell.text().to_ascii_uppercase())),
            _ => Err(self.bad(i, c, cell, "a URN")),
        }
    }

    fn text(&self, row: &[Cell], col: Col) -> Option<String> {
        self.cell(row, col).map(|(_, c)| c.text()).filter(|t| !t.is_empty())
    }

    fn postcode(&self, row: &[Cell]) -> Option<String> {
        let text = self.text(row, Col::Postcode)?;
        let pc: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        Some(pc.to_ascii_uppercase())
    }

    /// A list of codes (`K1/K2`, `PR1,PR2`), upper case.
    fn codes(&self, i: usize, row: &[Cell], col: Col) -> Result<Vec<String>, ProvidersError> {
        let Some((c, cell)) = self.cell(row, col) else { return Ok(Vec::new()) };
        if let Cell::Other(_) = cell {
            return Err(self.bad(i, c, cell, "a list of codes"));
        }
        Ok(cell
            .text()
            .split([',', '/', ';'])
            .map(|s| s.trim().to_ascii_uppercase())
            .filter(|s| !s.is_empty())
            .collect())
    }

    /// A closing date: a date cell, `dd/mm/yyyy`, `yyyy-mm-dd` (either with a time of day), or
    /// an Excel serial number (a date cell that lost its format).
    fn date(&self, i: usize, row: &[Cell], col: Col) -> Result<Option<Date>, ProvidersError> {
        let Some((c, cell)) = self.cell(row, col) else { return Ok(None) };
        let expected = "a date (dd/mm/yyyy or yyyy-mm-dd)";
        match cell {
            Cell::Empty => Ok(None),
            Cell::Date(d) => Ok(Some(*d)),
            Cell::Number(n) => {
                excel_serial(*n).map(Some).ok_or_else(|| self.bad(i, c, cell, expected))
            }
            Cell::Text(t) => parse_date(t).map(Some).ok_or_else(|| self.bad(i, c, cell, expected)),
            Cell::Other(_) => Err(self.bad(i, c, cell, expected)),
        }
    }
}

/// `dd/mm/yyyy` or `yyyy-mm-dd`, optionally followed by a time of day.
fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    let date_part = t.split([' ', 'T']).next()?;
    let num = |s: &str| s.parse::<i16>().ok();
    let parts: Vec<&str> = if date_part.contains('/') {
        let p: Vec<&str> = date_part.split('/').collect();
        if p.len() != 3 || p[2].len() != 4 {
            return None;
        }
        vec![p[2], p[1], p[0]]
    } else {
        let p: Vec<&str> = date_part.split('-').collect();
        if p.len() != 3 || p[0].len() != 4 {
            return None;
        }
        p
    };
    let (y, m, d) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// An Excel serial date (1900 date system): day 1 is 1 January 1900, and day 60 is Excel's
/// fictitious 29 February 1900, so later days count from 30 December 1899.
fn excel_serial(n: f64) -> Option<Date> {
    if !(61.0..=2_958_465.0).contains(&n) {
        return None;
    }
    let days = n.floor() as i64;
    let epoch = Date::new(1899, 12, 30).ok()?;
    epoch.checked_add(jiff::Span::new().days(days)).ok()
}

/// The DfE code of the English LA a unit postcode lies in.
fn infer_la(postcode: &str) -> Option<String> {
    let pc = Postcode::parse(postcode).ok()?;
    if pc.precision() != PostcodePrecision::Unit {
        return None;
    }
    match carelens_geo::locate(&pc)?.area {
        carelens_geo::Area::La(code) => Some(code.to_string()),
        _ => None,
    }
}

/// `0` → `A`, `27` → `AB`.
fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

#[cfg(test)]
mod tests;
