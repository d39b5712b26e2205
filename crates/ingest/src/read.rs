//! Reading files and folders into returns grouped by LA and collection year.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use carelens_model::{
    CollectionYear, Date, LaCode, Return903, Returns, SourceFormat, TableKind, Tables,
};
use rayon::prelude::*;

use crate::csv_read::{cell_diagnostics, read_csv};
use crate::decode::decode;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};

/// What the caller knows about the files.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    year: Option<CollectionYear>,
    la: Option<LaCode>,
}

impl ReadOptions {
    /// Nothing known: LA and year are read from folder names or the data.
    pub fn new() -> Self {
        Self::default()
    }

    /// Every file is for this collection year.
    pub fn year(mut self, year: Option<CollectionYear>) -> Self {
        self.year = year;
        self
    }

    /// Every file is from this LA.
    pub fn la(mut self, la: Option<LaCode>) -> Self {
        self.la = la;
        self
    }
}

/// How the collection year of a file was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearSource {
    /// Given by the caller.
    Given,
    /// From a folder or file name (`2024-25`, `202425`, `2025`).
    Path,
    /// From the latest date in the file (or another file in the same folder).
    Data,
    /// Not known.
    Unknown,
}

/// One file that was looked at.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The path.
    pub path: String,
    /// CSV or XML, when it was read as either.
    pub format: Option<SourceFormat>,
    /// Tables read from it, with row counts.
    pub tables: Vec<(TableKind, usize)>,
    /// The LA it was assigned to.
    pub la: Option<LaCode>,
    /// The collection year it was assigned to.
    pub year: Option<CollectionYear>,
    /// How the year was decided.
    pub year_source: YearSource,
}

/// Everything read from a set of paths.
#[derive(Debug, Default)]
pub struct Ingested {
    /// One entry per LA (unknown LA first, then by code): the latest year as `current`, earlier
    /// years in `previous`, most recent first.
    pub returns: Vec<Returns>,
    /// Every problem noticed, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Every file looked at, in the order read.
    pub files: Vec<FileReport>,
}

/// One file's contents before grouping.
struct FileRead {
    path: String,
    dir: PathBuf,
    format: Option<SourceFormat>,
    tables: Tables,
    la: Option<LaCode>,
    year: Option<CollectionYear>,
    year_source: YearSource,
    latest_date: Option<Date>,
    diagnostics: Vec<Diagnostic>,
}

/// Reads files and folders (recursively, in name order) into returns, grouped by LA and year.
///
/// Files are read in parallel. A file that cannot be read yields diagnostics and does not stop
/// the others. The year of each file is, in order: `options.year`; a year in its folder or file
/// name; the collection year of the latest date in it (or in another file in the same folder).
/// The LA is `options.la`, or a folder named by a 3-digit DfE code (`316`, `316-newham`).
pub fn read_paths(paths: &[PathBuf], options: &ReadOptions) -> Ingested {
    read_paths_with_progress(paths, options, &|_, _| {})
}

/// [`read_paths`], calling `progress(files_done, files_total)` as files finish.
pub fn read_paths_with_progress(
    paths: &[PathBuf],
    options: &ReadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Ingested {
    let mut diagnostics = Vec::new();
    let files = discover(paths, &mut diagnostics);
    let total = files.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let mut reads: Vec<FileRead> = files
        .par_iter()
        .map(|p| {
            let r = read_file(p, options);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(n, total);
            r
        })
        .collect();
    assign_years(&mut reads, options);
    group(reads, diagnostics)
}

fn discover(paths: &[PathBuf], diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        walk(p, &mut out, diags, true);
    }
    out
}

fn walk(p: &Path, out: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>, explicit: bool) {
    let label = p.display().to_string();
    match fs::metadata(p) {
        Err(e) => diags.push(Diagnostic::file(
            Severity::Error,
            DiagnosticKind::Unreadable,
            &label,
            format!("cannot read this path: {e}"),
        )),
        Ok(m) if m.is_dir() => {
            let entries = match fs::read_dir(p) {
                Ok(rd) => rd,
                Err(e) => {
                    diags.push(Diagnostic::file(
                        Severity::Error,
                        DiagnosticKind::Unreadable,
                        &label,
                        format!("cannot list this folder: {e}"),
                    ));
                    return;
                }
            };
            let mut children: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            children.sort();
            for c in children {
                let hidden =
                    c.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
                if !hidden {
                    walk(&c, out, diags, false);
                }
            }
        }
        Ok(_) => {
            let ext = p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            match ext.as_deref() {
                Some("csv" | "xml" | "txt" | "tsv") => out.push(p.to_path_buf()),
                _ if explicit => out.push(p.to_path_buf()),
                _ => diags.push(Diagnostic::file(
                    Severity::Warning,
                    DiagnosticKind::UnsupportedFormat,
                    &label,
                    "not a .csv or .xml file; skipped (give it by name to read it anyway)",
                )),
            }
        }
    }
}

/// Reads one file's bytes as if it had been read from `name` (for data already in memory, and
/// for fuzzing the readers without a file system).
pub fn read_bytes(name: &str, bytes: &[u8], options: &ReadOptions) -> Ingested {
    let mut r = new_file_read(Path::new(name), options);
    read_content(&mut r, Path::new(name), bytes);
    let mut reads = vec![r];
    assign_years(&mut reads, options);
    group(reads, Vec::new())
}

fn new_file_read(path: &Path, options: &ReadOptions) -> FileRead {
    FileRead {
        path: path.display().to_string(),
        dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        format: None,
        tables: Tables::default(),
        la: options.la.or_else(|| la_from_path(path)),
        year: None,
        year_source: YearSource::Unknown,
        latest_date: None,
        diagnostics: Vec::new(),
    }
}

fn read_file(path: &Path, options: &ReadOptions) -> FileRead {
    let label = path.display().to_string();
    let mut r = new_file_read(path, options);
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            r.diagnostics.push(Diagnostic::file(
                Severity::Error,
                DiagnosticKind::Unreadable,
                &label,
                format!("cannot read this file: {e}"),
            ));
            return r;
        }
    };
    read_content(&mut r, path, &bytes);
    r
}

fn read_content(r: &mut FileRead, path: &Path, bytes: &[u8]) {
    let label = r.path.clone();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        r.diagnostics.push(Diagnostic::file(
            Severity::Warning,
            DiagnosticKind::EmptyFile,
            &label,
            "the file is empty",
        ));
        return;
    }
    let decoded = match decode(bytes) {
        Ok(d) => d,
        Err(not_text) => {
            r.diagnostics.push(Diagnostic::file(
                Severity::Error,
                DiagnosticKind::NotText,
                &label,
                not_text.message(),
            ));
            return;
        }
    };
    if let Some(enc) = decoded.encoding {
        r.diagnostics.push(Diagnostic::file(
            Severity::Info,
            DiagnosticKind::Encoding,
            &label,
            format!("the file is not UTF-8; it was read as {enc}"),
        ));
    }
    let text = decoded.text.as_ref();
    let is_xml = text.trim_start().starts_with('<')
        || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml"));
    if is_xml {
        r.format = Some(SourceFormat::Xml);
        crate::xml::read_xml(text, &label, 0, &mut r.tables, &mut r.diagnostics);
        for &kind in TableKind::ALL {
            for row in r.tables.rows(kind) {
                cell_diagnostics(row, &label, None, |_| None, &mut r.diagnostics);
            }
        }
    } else {
        r.format = Some(SourceFormat::Csv);
        read_csv(text, &label, 0, &mut r.tables, &mut r.diagnostics);
    }
    r.latest_date = latest_date(&r.tables);
}

/// The latest activity date in a file: episode starts and ends, reviews, missing episodes,
/// social worker episodes. Dates of birth say nothing about the year.
fn latest_date(t: &Tables) -> Option<Date> {
    let eps = t.episodes.iter().flat_map(|e| [e.decom.get(), e.dec.get()]);
    let reviews = t.reviews.iter().map(|r| r.review.get());
    let missing = t.missing.iter().flat_map(|m| [m.mis_start.get(), m.mis_end.get()]);
    let sw = t.sw_episodes.iter().flat_map(|s| [s.sw_decom.get(), s.sw_dec.get()]);
    eps.chain(reviews).chain(missing).chain(sw).flatten().max()
}

/// A year written in a path component: `2024-25`, `2024_25`, `2024/25`, `202425`, `2024-2025`,
/// or a folder named by its end year alone (`2025`), innermost component first.
fn year_from_path(path: &Path) -> Option<CollectionYear> {
    let comps: Vec<String> =
        path.iter().map(|c| c.to_string_lossy().into_owned()).collect::<Vec<_>>();
    let plausible = |y: CollectionYear| (2000..=2100).contains(&y.end_year());
    for comp in comps.iter().rev() {
        let stem = comp.rsplit_once('.').map_or(comp.as_str(), |(s, _)| s);
        if stem.len() == 4 && stem.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(y) = stem.parse::<CollectionYear>()
                && plausible(y)
            {
                return Some(y);
            }
            continue;
        }
        // Runs of digits with their positions.
        let bytes = stem.as_bytes();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut k = 0;
        while k < bytes.len() {
            if bytes[k].is_ascii_digit() {
                let start = k;
                while k < bytes.len() && bytes[k].is_ascii_digit() {
                    k += 1;
                }
                runs.push((start, k));
            } else {
                k += 1;
            }
        }
        for (idx, &(a, b)) in runs.iter().enumerate() {
            let candidate = match b - a {
                6 | 8 => Some(stem[a..b].to_owned()),
                4 => runs.get(idx + 1).and_then(|&(c, d)| {
                    (c == b + 1 && matches!(bytes[b], b'-' | b'_') && matches!(d - c, 2 | 4))
                        .then(|| format!("{}-{}", &stem[a..b], &stem[c..d]))
                }),
                _ => None,
            };
            if let Some(y) = candidate.and_then(|t| t.parse::<CollectionYear>().ok())
                && plausible(y)
            {
                return Some(y);
            }
        }
    }
    None
}

/// A folder named by a DfE LA code: `316`, `316-newham`, `316_Newham`.
fn la_from_path(path: &Path) -> Option<LaCode> {
    let parent = path.parent()?;
    parent.iter().rev().find_map(|c| {
        let c = c.to_string_lossy();
        let digits: String = c.chars().take_while(char::is_ascii_digit).collect();
        let rest = &c[digits.len()..];
        (digits.len() == 3 && (rest.is_empty() || rest.starts_with(['-', '_', ' '])))
            .then(|| LaCode::parse(&digits).ok())
            .flatten()
    })
}

fn assign_years(reads: &mut [FileRead], options: &ReadOptions) {
    for r in reads.iter_mut() {
        if let Some(y) = options.year {
            (r.year, r.year_source) = (Some(y), YearSource::Given);
        } else if let Some(y) = year_from_path(Path::new(&r.path)) {
            (r.year, r.year_source) = (Some(y), YearSource::Path);
        } else if let Some(d) = r.latest_date {
            (r.year, r.year_source) = (Some(CollectionYear::containing(d)), YearSource::Data);
        }
    }
    // Files without dates (Header, OC3…) take the year of the latest-dated file in their folder.
    let mut by_dir: BTreeMap<PathBuf, CollectionYear> = BTreeMap::new();
    for r in reads.iter().filter(|r| r.year.is_some()) {
        if let Some(y) = r.year {
            let e = by_dir.entry(r.dir.clone()).or_insert(y);
            *e = (*e).max(y);
        }
    }
    for r in reads.iter_mut().filter(|r| r.year.is_none() && r.format.is_some()) {
        if let Some(y) = by_dir.get(&r.dir) {
            (r.year, r.year_source) = (Some(*y), YearSource::Data);
        }
    }
}

fn group(reads: Vec<FileRead>, mut diagnostics: Vec<Diagnostic>) -> Ingested {
    let mut files = Vec::with_capacity(reads.len());
    let mut groups: BTreeMap<(Option<LaCode>, Option<CollectionYear>), Return903> = BTreeMap::new();
    for r in reads {
        diagnostics.extend(r.diagnostics);
        let tables: Vec<(TableKind, usize)> = TableKind::ALL
            .iter()
            .filter(|k| r.tables.is_supplied(**k))
            .map(|k| (*k, r.tables.len(*k)))
            .collect();
        if r.format.is_some() && !tables.is_empty() {
            if r.year.is_none() {
                diagnostics.push(Diagnostic::file(
                    Severity::Warning,
                    DiagnosticKind::YearUnknown,
                    &r.path,
                    "the collection year could not be told from the folder, the file name or the \
                     data; give it with --year or put the files in a folder named like 2024-25",
                ));
            }
            if let Some(y) = r.year {
                for (kind, _) in &tables {
                    if !kind.exists_in(y) {
                        diagnostics.push(
                            Diagnostic::file(
                                Severity::Warning,
                                DiagnosticKind::TableNotInYear,
                                &r.path,
                                format!(
                                    "{kind} is not part of the {y} return (it starts in {})",
                                    kind.since()
                                ),
                            )
                            .in_table(*kind),
                        );
                    }
                }
            }
            let ret = groups.entry((r.la, r.year)).or_insert_with(|| Return903::new(r.year, r.la));
            let format = r.format.unwrap_or(SourceFormat::Csv);
            let offset = ret.add_source(r.path.clone(), format);
            ret.tables.append(r.tables, offset);
        }
        files.push(FileReport {
            path: r.path,
            format: r.format,
            tables,
            la: r.la,
            year: r.year,
            year_source: r.year_source,
        });
    }

    let mut by_la: BTreeMap<Option<LaCode>, Vec<Return903>> = BTreeMap::new();
    for ((la, _), mut ret) in groups {
        if ret.sources.iter().all(|s| s.format == SourceFormat::Csv) {
            ret.derive_uasc_flags();
        }
        by_la.entry(la).or_default().push(ret);
    }
    let returns = by_la
        .into_values()
        .map(|mut years| {
            years.sort_by_key(|r| std::cmp::Reverse(r.year));
            let current = years.remove(0);
            Returns { current, previous: years }
        })
        .collect();
    Ingested { returns, diagnostics, files }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_from_paths() {
        let y = |p: &str| year_from_path(Path::new(p));
        assert_eq!(y("out/316/2024-25/episodes.csv"), Some(CollectionYear::Y2024_25));
        assert_eq!(y("returns/2025/header.csv"), Some(CollectionYear::Y2024_25));
        assert_eq!(y("x/episodes_202425.csv"), Some(CollectionYear::Y2024_25));
        assert_eq!(y("x/ssda903_2023_24.xml"), Some(CollectionYear::Y2023_24));
        assert_eq!(y("x/episodes.csv"), None);
        assert_eq!(y("x/316/episodes.csv"), None);
    }

    #[test]
    fn las_from_folder_names() {
        let la = |p: &str| la_from_path(Path::new(p)).map(LaCode::get);
        assert_eq!(la("out/316/2024-25/episodes.csv"), Some(316));
        assert_eq!(la("out/316-newham/episodes.csv"), Some(316));
        assert_eq!(la("out/2024-25/episodes.csv"), None);
        assert_eq!(la("316.csv"), None);
    }
}
