//! Newer releases loaded by the user (`carelens public load`), kept in a data directory and laid
//! over the shipped data.
//!
//! Accepted: Ofsted's provider-level list at 31 March (its own CSV, XLSX or ODS layout, or the
//! cleaned layout), Ofsted's ILACS outcomes (one row per inspection), and the DfE's LA-level
//! CLA files (EES CSV layout with `old_la_code`, or the cleaned layout with `la_dfe_code`) for
//! numbers and rates, characteristics, placement stability, missing from care, care leavers and
//! social worker changes. Each sheet's kind is recognised from its header row, wherever it is
//! in the first 30 rows. Values are normalised as they are read (grades in any spelling, dates
//! as `dd/mm/yyyy`, ISO or Excel serial numbers); a value that cannot be read is an error naming
//! the file, sheet, row and column.
//!
//! Layout of the data directory (`$CARELENS_DATA_DIR`, else the platform data directory:
//! `$XDG_DATA_HOME/carelens` or `~/.local/share/carelens` on Linux, `~/Library/Application
//! Support/carelens` on macOS, `%APPDATA%\carelens` on Windows):
//!
//! ```text
//! public/providers/<year>.csv     one provider list per 31 March year (cleaned layout)
//! public/ilacs.csv                ILACS inspections loaded (cleaned layout), by LA and start date
//! public/dfe/<file>/<year>.csv    DfE rows for one source file and year (cleaned layout)
//! ```
//!
//! Loading a year again replaces the files for that year; [`Store::dataset`] lays them over the
//! shipped data, the loaded year replacing the shipped one.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::columns::Source;
use crate::dataset::Dataset;
use crate::error::PublicError;
use crate::figures_build;
use crate::inspections::{Inspection, InspectionKind};
use crate::la_names;
use crate::providers::{self, Judgement, ProvisionType, Sector};

/// Where loaded releases are kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

/// What one sheet of a loaded file was.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Loaded {
    /// An Ofsted provider list at 31 March of `year`, with `rows` providers.
    Providers {
        /// The sheet.
        sheet: String,
        /// Year of the list.
        year: i16,
        /// Providers read.
        rows: usize,
        /// Whether an earlier load of the same year was replaced.
        replaced: bool,
    },
    /// ILACS inspections.
    Ilacs {
        /// The sheet.
        sheet: String,
        /// Inspections read.
        rows: usize,
    },
    /// A DfE LA-level file, for the years listed.
    Dfe {
        /// The sheet.
        sheet: String,
        /// Which DfE file it is (the cleaned file name).
        file: &'static str,
        /// Years it holds.
        years: Vec<i16>,
    },
    /// A sheet that is none of the above (a cover or notes sheet), skipped.
    Skipped {
        /// The sheet.
        sheet: String,
    },
}

/// One sheet as text cells, with the spreadsheet row number of its first row.
struct Grid {
    name: String,
    first_row: u32,
    rows: Vec<Vec<String>>,
}

impl Store {
    /// A store in `dir` (created when something is loaded).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The store in `$CARELENS_DATA_DIR`, else the platform data directory; `None` when neither
    /// can be told (no home directory).
    pub fn open_default() -> Option<Self> {
        default_dir().map(Self::new)
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads `path` (CSV, XLSX, XLS or ODS), recognises each sheet, and stores what it holds,
    /// replacing earlier loads of the same years. `year` is the 31 March year of a provider
    /// list whose year cannot be read from a `snapshot_date` column, its title rows or its
    /// file name.
    ///
    /// # Errors
    /// [`PublicError::Io`] if the file cannot be read or the store written;
    /// [`PublicError::Sheet`] naming the sheet, row and column of a value that cannot be read;
    /// [`PublicError::Unrecognised`] if no sheet is a known layout.
    pub fn load_file(&self, path: &Path, year: Option<i16>) -> Result<Vec<Loaded>, PublicError> {
        let file_name =
            path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let grids = read_grids(path)?;
        let mut out = Vec::new();
        for grid in grids {
            let ctx = Ctx { file: &file_name, sheet: &grid.name };
            let loaded = if let Some((h, cols)) = find_header(&grid, is_provider_header) {
                let year =
                    provider_year(&grid, h, &cols, &file_name).or(year).ok_or_else(|| {
                        ctx.err(0, "", "", "the year of the 31 March list (give --year)")
                    })?;
                let text = providers_csv(&grid, h, &cols, year, &ctx)?;
                let rows = providers::parse(&text)?.len();
                let target = self.dir.join("public/providers").join(format!("{year}.csv"));
                let replaced = target.exists();
                write(&target, &text)?;
                Loaded::Providers { sheet: grid.name.clone(), year, rows, replaced }
            } else if let Some((h, cols)) = find_header(&grid, is_ilacs_header) {
                let rows = self.store_ilacs(&grid, h, &cols, &ctx)?;
                Loaded::Ilacs { sheet: grid.name.clone(), rows }
            } else if let Some((h, cols)) = find_header(&grid, is_dfe_header) {
                let (source, years) = self.store_dfe(&grid, h, &cols, &ctx)?;
                Loaded::Dfe { sheet: grid.name.clone(), file: source.file(), years }
            } else {
                Loaded::Skipped { sheet: grid.name.clone() }
            };
            out.push(loaded);
        }
        if out.iter().all(|l| matches!(l, Loaded::Skipped { .. })) {
            return Err(PublicError::Unrecognised { file: file_name });
        }
        Ok(out)
    }

    /// What the store holds, one line each ("providers 2026", "ilacs: 340 inspections").
    pub fn contents(&self) -> Vec<String> {
        let mut out = Vec::new();
        for y in self.provider_years() {
            out.push(format!("Ofsted provider list at 31 March {y}"));
        }
        if self.dir.join("public/ilacs.csv").exists() {
            out.push("ILACS inspections (public/ilacs.csv)".to_owned());
        }
        for source in Source::ALL {
            for y in self.dfe_years(source) {
                out.push(format!("DfE {} for {y}", source.file()));
            }
        }
        out
    }

    fn provider_years(&self) -> Vec<i16> {
        years_in(&self.dir.join("public/providers"))
    }

    fn dfe_years(&self, source: Source) -> Vec<i16> {
        years_in(&self.dir.join("public/dfe").join(source.file().trim_end_matches(".csv")))
    }

    /// The shipped data with every stored release laid over it.
    ///
    /// # Errors
    /// [`PublicError::Io`] or a parse error if a stored file was damaged after loading.
    pub fn dataset(&self) -> Result<Dataset, PublicError> {
        let mut data = Dataset::shipped();
        // Provider lists: a loaded year replaces the shipped one; its inspections are added.
        let years = self.provider_years();
        if !years.is_empty() {
            let mut loaded = Vec::new();
            for y in &years {
                let path = self.dir.join("public/providers").join(format!("{y}.csv"));
                let text = fs::read(&path).map_err(|source| PublicError::Io { path, source })?;
                loaded.extend(providers::parse(&text)?);
                data.overlays.push(format!("Ofsted provider list at 31 March {y} (loaded)"));
            }
            data.providers.retain(|p| !years.contains(&p.year));
            let known: BTreeSet<(String, jiff::civil::Date)> =
                data.inspections.iter().map(|i| (i.urn.to_string(), i.date)).collect();
            for p in &loaded {
                if let Some(date) = p.latest_full_inspection_date
                    && !known.contains(&(p.urn.to_string(), date))
                {
                    data.inspections.push(Inspection {
                        urn: p.urn.clone(),
                        date,
                        kind: InspectionKind::Full,
                        overall: p.overall_judgement,
                    });
                }
            }
            data.providers.extend(loaded);
            data.providers.sort_by(|a, b| (a.year, &a.urn).cmp(&(b.year, &b.urn)));
            data.inspections
                .sort_by(|a, b| (&a.urn, a.date, a.kind).cmp(&(&b.urn, b.date, b.kind)));
        }
        let ilacs = self.dir.join("public/ilacs.csv");
        if ilacs.exists() {
            let text = fs::read(&ilacs)
                .map_err(|source| PublicError::Io { path: ilacs.clone(), source })?;
            let loaded = crate::ilacs::parse(&text, "ilacs.csv")?;
            let keys: BTreeSet<_> =
                loaded.iter().map(|i| (i.la, i.la_name.clone(), i.start_date)).collect();
            data.ilacs.retain(|i| !keys.contains(&(i.la, i.la_name.clone(), i.start_date)));
            data.overlays.push(format!("{} ILACS inspections (loaded)", loaded.len()));
            data.ilacs.extend(loaded);
            crate::ilacs::sort(&mut data.ilacs);
        }
        // DfE: rebuild the wide rows of the loaded source files and lay their cells over the
        // shipped rows for the same area and year.
        let mut inputs = Vec::new();
        for source in Source::ALL {
            for y in self.dfe_years(source) {
                let path = self
                    .dir
                    .join("public/dfe")
                    .join(source.file().trim_end_matches(".csv"))
                    .join(format!("{y}.csv"));
                let text = fs::read(&path).map_err(|source| PublicError::Io { path, source })?;
                inputs.push((source, text));
                data.overlays.push(format!("DfE {} for {y} (loaded)", source.file()));
            }
        }
        if !inputs.is_empty() {
            data.figures = overlay_figures(&inputs)?;
        }
        Ok(data)
    }

    fn store_ilacs(
        &self,
        grid: &Grid,
        h: usize,
        cols: &Cols,
        ctx: &Ctx<'_>,
    ) -> Result<usize, PublicError> {
        let path = self.dir.join("public/ilacs.csv");
        let mut rows: BTreeMap<(String, String, String), Vec<String>> = BTreeMap::new();
        if path.exists() {
            let text =
                fs::read(&path).map_err(|source| PublicError::Io { path: path.clone(), source })?;
            let mut r = csv::Reader::from_reader(text.as_slice());
            for rec in r.records() {
                let rec = rec.map_err(|e| PublicError::csv("ilacs.csv", e))?;
                let v: Vec<String> = rec.iter().map(str::to_owned).collect();
                rows.insert((v[0].clone(), v[2].clone(), v[6].clone()), v);
            }
        }
        let mut n = 0;
        for (i, row) in grid.rows.iter().enumerate().skip(h + 1) {
            let line = grid.first_row + i as u32 + 1;
            let get = |k: &str| cols.get(k).and_then(|&c| row.get(c)).map_or("", |s| s.trim());
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let name = get("la_name");
            let code =
                match get("la_code") {
                    "" => carelens_geo::la_by_name(name)
                        .map(|l| l.code)
                        .or_else(|| carelens_geo::la_by_gss(get("la_gss")).map(|l| l.code)),
                    c => Some(carelens_model::LaCode::parse(c).map_err(|_| {
                        ctx.err(line, col_name(cols, "la_code"), c, "a DfE LA code")
                    })?),
                };
            let Some(code) = code else {
                return Err(ctx.err(
                    line,
                    col_name(cols, "la_name"),
                    name,
                    "a local authority name or code",
                ));
            };
            let kind = get("type");
            let kind = crate::ilacs::IlacsKind::from_text(kind).ok_or_else(|| {
                ctx.err(line, col_name(cols, "type"), kind, "a standard or short ILACS inspection")
            })?;
            let start =
                date_cell(get("start"), line, col_name(cols, "start"), ctx)?.ok_or_else(|| {
                    ctx.err(line, col_name(cols, "start"), "", "the inspection start date")
                })?;
            let published = date_cell(get("published"), line, col_name(cols, "published"), ctx)?;
            let mut grades = Vec::new();
            for k in ["overall", "leaders", "help", "in_care", "leavers"] {
                let t = get(k);
                grades.push(match t {
                    "" | "-" | "n/a" | "N/A" => String::new(),
                    t => Judgement::from_text(t)
                        .ok_or_else(|| ctx.err(line, col_name(cols, k), t, "an Ofsted grade"))?
                        .name()
                        .to_owned(),
                });
            }
            let la_name = carelens_geo::la(code).map_or(name.to_owned(), |l| l.name.clone());
            let mut v = vec![
                code.to_string(),
                String::new(),
                la_name,
                "Current".to_owned(),
                String::new(),
                format!("ILACS {} Inspection", kind.name()),
                start.to_string(),
                published.map(|d| d.to_string()).unwrap_or_default(),
            ];
            v.extend(grades);
            v.push(format!("loaded from {} ({})", ctx.file, ctx.sheet));
            rows.insert((v[0].clone(), v[2].clone(), v[6].clone()), v);
            n += 1;
        }
        let mut w = csv::Writer::from_writer(Vec::new());
        let io = |e: csv::Error| PublicError::csv("ilacs.csv", e);
        w.write_record([
            "la_dfe_code",
            "la_gss_code",
            "la_name",
            "la_status",
            "ofsted_region",
            "inspection_type",
            "inspection_start_date",
            "publication_date",
            "overall_effectiveness",
            "impact_of_leaders",
            "help_and_protection",
            "children_in_care",
            "care_leavers",
            "source",
        ])
        .map_err(io)?;
        for v in rows.values() {
            w.write_record(v).map_err(io)?;
        }
        let text =
            w.into_inner().map_err(|e| PublicError::Internal(format!("writing ilacs.csv: {e}")))?;
        crate::ilacs::parse(&text, "ilacs.csv")?;
        write(&path, &text)?;
        Ok(n)
    }

    fn store_dfe(
        &self,
        grid: &Grid,
        h: usize,
        cols: &Cols,
        ctx: &Ctx<'_>,
    ) -> Result<(Source, Vec<i16>), PublicError> {
        let header = &grid.rows[h];
        let names: Vec<String> = header.iter().map(|c| dfe_column(c)).collect();
        let has = |n: &str| names.iter().any(|h| h == n);
        let source = Source::ALL
            .into_iter()
            .find(|s| {
                let (a, _) = s.count_columns();
                s.group_columns().iter().all(|g| has(g)) && has(a)
            })
            .ok_or_else(|| {
                ctx.err(
                    grid.first_row + h as u32 + 1,
                    "",
                    "",
                    "the columns of a known DfE LA-level file",
                )
            })?;
        let year_col = cols.get("time_period").copied().unwrap_or(0);
        let mut by_year: BTreeMap<i16, Vec<&Vec<String>>> = BTreeMap::new();
        for (i, row) in grid.rows.iter().enumerate().skip(h + 1) {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let line = grid.first_row + i as u32 + 1;
            let t = row.get(year_col).map_or("", |s| s.trim());
            // EES writes the academic or financial year as 202425; the CLA files use 2025.
            let y: i16 = match t.len() {
                4 => t.parse().ok(),
                6 => t[..4].parse::<i16>().ok().map(|y| y + 1),
                _ => None,
            }
            .ok_or_else(|| ctx.err(line, "time_period", t, "a year such as 2025"))?;
            by_year.entry(y).or_default().push(row);
        }
        let dir = self.dir.join("public/dfe").join(source.file().trim_end_matches(".csv"));
        for (y, rows) in &by_year {
            let mut w = csv::Writer::from_writer(Vec::new());
            let io = |e: csv::Error| PublicError::csv(source.file(), e);
            w.write_record(&names).map_err(io)?;
            for r in rows {
                let mut r: Vec<String> = (*r).clone();
                r.resize(names.len(), String::new());
                r[year_col] = y.to_string();
                w.write_record(&r).map_err(io)?;
            }
            let text = w
                .into_inner()
                .map_err(|e| PublicError::Internal(format!("writing {}: {e}", source.file())))?;
            figures_build::build_table(&[(source, text.as_slice())], false)?;
            write(&dir.join(format!("{y}.csv")), &text)?;
        }
        Ok((source, by_year.into_keys().collect()))
    }
}

/// `$CARELENS_DATA_DIR`, else the platform's per-user data directory plus `carelens`.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("CARELENS_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from);
    if cfg!(target_os = "windows") {
        return std::env::var_os("APPDATA").map(|a| PathBuf::from(a).join("carelens"));
    }
    if cfg!(target_os = "macos") {
        return home.map(|h| h.join("Library/Application Support/carelens"));
    }
    if let Some(x) = std::env::var_os("XDG_DATA_HOME").filter(|x| !x.is_empty()) {
        return Some(PathBuf::from(x).join("carelens"));
    }
    home.map(|h| h.join(".local/share/carelens"))
}

fn years_in(dir: &Path) -> Vec<i16> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut years: Vec<i16> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".csv")?.parse().ok())
        .collect();
    years.sort_unstable();
    years
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), PublicError> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|source| PublicError::Io { path: parent.to_owned(), source })?;
    }
    fs::write(path, bytes).map_err(|source| PublicError::Io { path: path.to_owned(), source })
}

/// Where a value was read, for errors.
struct Ctx<'a> {
    file: &'a str,
    sheet: &'a str,
}

impl Ctx<'_> {
    fn err(&self, row: u32, column: &str, value: &str, expected: &'static str) -> PublicError {
        PublicError::Sheet {
            file: self.file.to_owned(),
            sheet: self.sheet.to_owned(),
            row,
            column: column.to_owned(),
            value: value.to_owned(),
            expected,
        }
    }
}

/// Our field name → column index in the sheet.
type Cols = BTreeMap<&'static str, usize>;

fn col_name<'a>(cols: &Cols, key: &'a str) -> &'a str {
    let _ = cols;
    key
}

/// Lower case, letters and digits only: header cells compared this way ignore line breaks,
/// spacing, case and punctuation.
fn fold(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// The first of the first 30 rows that `recognise` accepts, with its column map.
fn find_header(grid: &Grid, recognise: fn(&[String]) -> Option<Cols>) -> Option<(usize, Cols)> {
    grid.rows.iter().take(30).enumerate().find_map(|(i, row)| recognise(row).map(|c| (i, c)))
}

/// Finds each field's column among the header cells: the first cell whose folded text equals
/// (or, for patterns ending in `*`, starts with) one of the field's names.
fn map_columns(header: &[String], fields: &[(&'static str, &[&str])]) -> Cols {
    let folded: Vec<String> = header.iter().map(|h| fold(h)).collect();
    let mut out = Cols::new();
    for (field, names) in fields {
        let found = names.iter().find_map(|n| {
            let (pat, prefix) = match n.strip_suffix('*') {
                Some(p) => (p, true),
                None => (*n, false),
            };
            folded.iter().position(|h| if prefix { h.starts_with(pat) } else { h == pat })
        });
        if let Some(i) = found {
            out.insert(field, i);
        }
    }
    out
}

const PROVIDER_FIELDS: &[(&str, &[&str])] = &[
    ("snapshot_date", &["snapshotdate"]),
    ("urn", &["urn"]),
    ("provision_type", &["provisiontype", "providertype"]),
    ("registration_status", &["registrationstatus"]),
    ("registration_date", &["registrationdate"]),
    ("sector", &["sector"]),
    ("owner", &["organisationwhichownstheprovider", "ownerorganisation", "owner*"]),
    ("places", &["places", "numberofplaces", "maximumnumberofplaces"]),
    ("short_break_only", &["shortbreak*"]),
    ("local_authority", &["localauthority"]),
    ("constituency", &["parliamentaryconstituency"]),
    ("region", &["governmentofficeregion"]),
    ("inspection_date", &["latestfullinspectiondate", "inspectiondate"]),
    (
        "overall",
        &[
            "overalljudgement",
            "overallexperiencesandprogressofchildrenandyoungpeople",
            "overalleffectiveness",
            "overallexperiences*",
        ],
    ),
];

fn is_provider_header(row: &[String]) -> Option<Cols> {
    let cols = map_columns(row, PROVIDER_FIELDS);
    ["urn", "provision_type", "sector", "local_authority"]
        .iter()
        .all(|k| cols.contains_key(k))
        .then_some(cols)
}

fn is_ilacs_header(row: &[String]) -> Option<Cols> {
    let cols = map_columns(
        row,
        &[
            ("la_code", &["ladfecode", "lacode", "dfelacode", "oldlacode", "localauthoritycode"]),
            ("la_gss", &["lagsscode", "newlacode", "gsscode"]),
            ("la_name", &["laname", "localauthority", "localauthorityname"]),
            ("type", &["inspectiontype", "inspectionframework", "type", "eventtype"]),
            (
                "start",
                &["inspectionstartdate", "startdate", "inspectiondate", "firstdayofinspection"],
            ),
            ("published", &["publicationdate", "reportpublicationdate"]),
            ("overall", &["overalleffectiveness"]),
            ("leaders", &["impactofleaders*"]),
            (
                "help",
                &["helpandprotection*", "experiencesandprogressofchildrenwhoneedhelpandprotection"],
            ),
            ("in_care", &["childrenincare*", "experiencesandprogressofchildrenincare*"]),
            ("leavers", &["careleavers*", "experiencesandprogressofcareleavers"]),
        ],
    );
    (cols.contains_key("overall")
        && cols.contains_key("start")
        && cols.contains_key("type")
        && (cols.contains_key("la_code") || cols.contains_key("la_name")))
    .then_some(cols)
}

fn is_dfe_header(row: &[String]) -> Option<Cols> {
    let cols =
        map_columns(row, &[("time_period", &["timeperiod"]), ("level", &["geographiclevel"])]);
    (cols.len() == 2).then_some(cols)
}

/// A DfE header cell in the cleaned layout's name: EES's `old_la_code` is `la_dfe_code`,
/// `new_la_code` is `la_gss_code`.
fn dfe_column(cell: &str) -> String {
    match cell.trim() {
        "old_la_code" => "la_dfe_code".to_owned(),
        "new_la_code" => "la_gss_code".to_owned(),
        c => c.to_owned(),
    }
}

/// The 31 March year of a provider list: a `snapshot_date` cell, "31 March 2025" in the title
/// rows, or a 4-digit year in the file name.
fn provider_year(grid: &Grid, header: usize, cols: &Cols, file_name: &str) -> Option<i16> {
    if let Some(&c) = cols.get("snapshot_date") {
        let d = grid.rows.get(header + 1)?.get(c)?;
        return d.get(..4)?.parse().ok();
    }
    let year_in = |text: &str| -> Option<i16> {
        let lower = text.to_lowercase();
        let at = lower.find("march")?;
        lower[at..].split(|c: char| !c.is_ascii_digit()).find(|t| t.len() == 4)?.parse().ok()
    };
    for row in grid.rows.iter().take(header) {
        for cell in row {
            if let Some(y) = year_in(cell) {
                return Some(y);
            }
        }
    }
    file_name
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse::<i16>().ok())
        .find(|y| (2010..=2100).contains(y))
}

/// A date cell: ISO, `dd/mm/yyyy` (or `dd/mm/yy`), or an Excel serial number.
fn date_cell(
    text: &str,
    row: u32,
    column: &str,
    ctx: &Ctx<'_>,
) -> Result<Option<jiff::civil::Date>, PublicError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Ok(d) = t.get(..10).unwrap_or(t).parse::<jiff::civil::Date>() {
        return Ok(Some(d));
    }
    let parts: Vec<&str> = t.split('/').collect();
    if let [d, m, y] = parts.as_slice()
        && let (Ok(d), Ok(m), Ok(y)) = (
            d.trim().parse::<i8>(),
            m.trim().parse::<i8>(),
            y.trim().get(..4).unwrap_or(y).parse::<i16>(),
        )
    {
        let y = if y < 100 { 2000 + y } else { y };
        if let Ok(date) = jiff::civil::Date::new(y, m, d) {
            return Ok(Some(date));
        }
    }
    if let Ok(serial) = t.parse::<f64>()
        && (1.0..100_000.0).contains(&serial)
        && let Ok(base) = jiff::civil::Date::new(1899, 12, 30)
        && let Ok(d) = base.checked_add(jiff::Span::new().days(serial.floor() as i64))
    {
        return Ok(Some(d));
    }
    Err(ctx.err(row, column, t, "a date (dd/mm/yyyy, yyyy-mm-dd or an Excel date)"))
}

/// Converts an Ofsted provider-list sheet into the cleaned layout ([`providers::COLUMNS`]),
/// checking every value.
fn providers_csv(
    grid: &Grid,
    h: usize,
    cols: &Cols,
    year: i16,
    ctx: &Ctx<'_>,
) -> Result<Vec<u8>, PublicError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| PublicError::csv(ctx.file, e);
    w.write_record(providers::COLUMNS).map_err(io)?;
    let header = &grid.rows[h];
    let colname = |k: &str| {
        cols.get(k)
            .and_then(|&c| header.get(c))
            .map_or(k.to_owned(), |s| s.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    for (i, row) in grid.rows.iter().enumerate().skip(h + 1) {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = grid.first_row + i as u32 + 1;
        let get = |k: &str| cols.get(k).and_then(|&c| row.get(c)).map_or("", |s| s.trim());
        let bad = |k: &str, expected| ctx.err(line, &colname(k), get(k), expected);
        let urn =
            carelens_model::Urn::parse(get("urn")).ok_or_else(|| bad("urn", "an Ofsted URN"))?;
        let ptype = ProvisionType::from_text(get("provision_type"))
            .ok_or_else(|| bad("provision_type", "a provision type"))?;
        let status = match get("registration_status").to_ascii_lowercase().as_str() {
            "" | "active" => "Active",
            "suspended" => "Suspended",
            _ => return Err(bad("registration_status", "Active or Suspended")),
        };
        let sector = Sector::from_text(get("sector")).ok_or_else(|| bad("sector", "a sector"))?;
        let places = match get("places") {
            "" => String::new(),
            p => p
                .parse::<f64>()
                .ok()
                .filter(|v| *v >= 0.0 && v.fract() == 0.0)
                .map(|v| (v as u32).to_string())
                .ok_or_else(|| bad("places", "a whole number"))?,
        };
        let short_break = match get("short_break_only").to_ascii_lowercase().as_str() {
            "" => "",
            "yes" | "y" => "Yes",
            "no" | "n" => "No",
            s if s.contains("long term") => "Short breaks and long term care",
            _ => return Err(bad("short_break_only", "Yes or No")),
        };
        let la = get("local_authority");
        if la_names::place(la).is_none() {
            return Err(bad("local_authority", "a local authority name"));
        }
        let region = get("region");
        let region = if region.is_empty() || region.eq_ignore_ascii_case("wales") {
            region.to_owned()
        } else {
            carelens_geo::Region::from_name(region)
                .map(|r| r.name().to_owned())
                .ok_or_else(|| bad("region", "an English region"))?
        };
        let reg_date =
            date_cell(get("registration_date"), line, &colname("registration_date"), ctx)?;
        let insp = date_cell(get("inspection_date"), line, &colname("inspection_date"), ctx)?;
        let overall = match get("overall") {
            "" | "-" => String::new(),
            g => Judgement::from_text(g)
                .ok_or_else(|| bad("overall", "an Ofsted grade"))?
                .name()
                .to_owned(),
        };
        w.write_record([
            format!("{year}-03-31"),
            urn.to_string(),
            ptype.name().to_owned(),
            status.to_owned(),
            reg_date.map(|d| d.to_string()).unwrap_or_default(),
            sector.name().to_owned(),
            get("owner").to_owned(),
            places,
            short_break.to_owned(),
            la.to_owned(),
            get("constituency").to_owned(),
            region,
            insp.map(|d| d.to_string()).unwrap_or_default(),
            overall,
        ])
        .map_err(io)?;
    }
    w.into_inner().map_err(|e| PublicError::Internal(format!("writing providers: {e}")))
}

/// Reads every sheet of a workbook, or a CSV file as one sheet, as text cells.
fn read_grids(path: &Path) -> Result<Vec<Grid>, PublicError> {
    use calamine::{Data, Reader as _};
    let ext =
        path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    if matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "xlsb" | "ods") {
        let mut wb = calamine::open_workbook_auto(path)
            .map_err(|e| PublicError::Workbook { file: name.clone(), message: e.to_string() })?;
        let mut out = Vec::new();
        for sheet in wb.sheet_names() {
            let range = wb.worksheet_range(&sheet).map_err(|e| PublicError::Workbook {
                file: name.clone(),
                message: format!("sheet {sheet:?}: {e}"),
            })?;
            let first_row = range.start().map_or(0, |(r, _)| r);
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::Empty => String::new(),
                            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                                s.clone()
                            }
                            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                                format!("{}", *f as i64)
                            }
                            Data::Float(f) => f.to_string(),
                            Data::Int(i) => i.to_string(),
                            Data::Bool(b) => b.to_string(),
                            Data::DateTime(d) => format!("{}", d.as_f64()),
                            Data::Error(e) => format!("#{e:?}"),
                        })
                        .collect()
                })
                .collect();
            out.push(Grid { name: sheet, first_row, rows });
        }
        return Ok(out);
    }
    let bytes =
        fs::read(path).map_err(|source| PublicError::Io { path: path.to_owned(), source })?;
    let text =
        String::from_utf8_lossy(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes)).into_owned();
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| PublicError::csv(&name, e))?;
        rows.push(rec.iter().map(str::to_owned).collect());
    }
    Ok(vec![Grid { name, first_row: 0, rows }])
}

/// The shipped figures with the loaded DfE files' cells laid over them.
fn overlay_figures(
    inputs: &[(Source, Vec<u8>)],
) -> Result<Vec<crate::figures::LaFigures>, PublicError> {
    let header = crate::columns::header();
    let mut table: BTreeMap<figures_build::Key, Vec<String>> = BTreeMap::new();
    let shipped = crate::figures::PACKED.as_bytes();
    let mut r = csv::Reader::from_reader(shipped);
    for rec in r.records() {
        let rec = rec.map_err(|e| PublicError::csv(crate::figures::PACKED_NAME, e))?;
        let area: u16 = match rec.get(0) {
            Some("england") => 0,
            Some(c) => c.parse().unwrap_or(0),
            None => 0,
        };
        let year: i16 = rec.get(1).and_then(|y| y.parse().ok()).unwrap_or(0);
        table.insert((area, year), rec.iter().map(str::to_owned).collect());
    }
    for (source, bytes) in inputs {
        let loaded = figures_build::build_table(&[(*source, bytes.as_slice())], false)?;
        let cols: Vec<usize> = crate::columns::COLUMNS
            .iter()
            .filter(|c| c.source == *source)
            .flat_map(|c| {
                let key = c.key.to_owned();
                let pct = format!("{}_pct", c.key);
                header
                    .iter()
                    .enumerate()
                    .filter(move |(_, h)| **h == key || **h == pct)
                    .map(|(i, _)| i)
            })
            .collect();
        for (key, row) in loaded {
            let slot = table.entry(key).or_insert_with(|| vec![String::new(); header.len()]);
            for &c in &cols {
                slot[c] = row[c].clone();
            }
        }
    }
    let text = figures_build::table_to_csv(table)?;
    Ok(crate::figures::parse(&text)?.0)
}
