//! Rebuilds the embedded files in `crates/public/data` from the cleaned public data
//! (`shared/data/public`). Only built with the `pack` feature; run it through
//! `cargo run -p carelens-public --features pack --example pack_public`.
//!
//! The output is deterministic: the same inputs give byte-identical files.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

use crate::columns::{COLUMNS, Kind, Source, header};
use crate::error::PublicError;
use crate::{figures, national, providers};

/// A file written by [`pack`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PackedFile {
    /// The file name inside the output directory.
    pub name: &'static str,
    /// Its size in bytes.
    pub bytes: u64,
}

/// Reads the cleaned public files in `source_dir` and writes the embedded files to `out_dir`.
///
/// # Errors
/// [`PublicError::Io`] if a file cannot be read or written; [`PublicError::MissingColumn`],
/// [`PublicError::BadValue`] or [`PublicError::Internal`] if a source file has changed shape
/// (a column, a row or a value the crate expects is gone).
pub fn pack(source_dir: &Path, out_dir: &Path) -> Result<Vec<PackedFile>, PublicError> {
    let mut written = Vec::new();
    for (name, bytes) in build(source_dir)? {
        let path = out_dir.join(name);
        fs::write(&path, &bytes).map_err(|source| PublicError::Io { path, source })?;
        written.push(PackedFile { name, bytes: bytes.len() as u64 });
    }
    Ok(written)
}

/// The packed files' names and contents.
pub(crate) fn build(source_dir: &Path) -> Result<Vec<(&'static str, Vec<u8>)>, PublicError> {
    Ok(vec![
        (providers::PACKED_NAME, pack_providers(source_dir)?),
        (figures::PACKED_NAME, pack_figures(source_dir)?),
        (national::FILE_NAME, read(&source_dir.join(national::FILE_NAME))?),
    ])
}

fn read(path: &Path) -> Result<Vec<u8>, PublicError> {
    fs::read(path).map_err(|source| PublicError::Io { path: path.to_owned(), source })
}

fn column(headers: &csv::StringRecord, file: &str, name: &str) -> Result<usize, PublicError> {
    headers.iter().position(|h| h == name).ok_or_else(|| PublicError::MissingColumn {
        file: file.to_owned(),
        column: name.to_owned(),
    })
}

fn to_csv(header: &[String], rows: &[Vec<String>], file: &str) -> Result<Vec<u8>, PublicError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| PublicError::csv(file, e);
    writer.write_record(header).map_err(io)?;
    for row in rows {
        writer.write_record(row).map_err(io)?;
    }
    writer.into_inner().map_err(|e| PublicError::Internal(format!("writing {file}: {e}")))
}

/// The provider register, reduced to [`providers::COLUMNS`], sorted by URN and year.
fn pack_providers(source_dir: &Path) -> Result<Vec<u8>, PublicError> {
    let file = providers::SOURCE_NAME;
    let bytes = read(&source_dir.join(file))?;
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.headers().map_err(|e| PublicError::csv(file, e))?.clone();
    let keep = providers::COLUMNS
        .iter()
        .map(|c| column(&headers, file, c))
        .collect::<Result<Vec<_>, _>>()?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| PublicError::csv(file, e))?;
        rows.push(keep.iter().map(|&i| record.get(i).unwrap_or("").to_owned()).collect::<Vec<_>>());
    }
    // By urn, then snapshot_date: a provider's rows differ little from year to year, so
    // keeping them together lets lz4 find the repeats (1.4 MB sorted by year, far less so).
    rows.sort_by(|a, b| (&a[1], &a[0]).cmp(&(&b[1], &b[0])));
    let header: Vec<String> = providers::COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    let text = to_csv(&header, &rows, providers::PACKED_NAME)?;
    providers::parse(&text)?; // every value must be one the loader knows
    Ok(lz4_flex::compress_prepend_size(&text))
}

/// Area key for sorting: 0 is England, otherwise the DfE LA code.
type Key = (u16, i16);

/// One spec column to fill from a matching source row.
struct Target {
    /// Its index in [`COLUMNS`].
    spec: usize,
    /// (output column, source column) pairs: one, or two for a count and its percentage.
    cells: Vec<(usize, usize)>,
}

/// The LA and England rows of the DfE files, one wide row per area and year.
fn pack_figures(source_dir: &Path) -> Result<Vec<u8>, PublicError> {
    let header = header();
    let position: HashMap<&str, usize> =
        header.iter().enumerate().map(|(i, h)| (h.as_str(), i)).collect();
    let mut table: BTreeMap<Key, Vec<String>> = BTreeMap::new();
    let mut matched = vec![false; COLUMNS.len()];
    for source in Source::ALL {
        let file = source.file();
        let bytes = read(&source_dir.join(file))?;
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let headers = reader.headers().map_err(|e| PublicError::csv(file, e))?.clone();
        let col = |name| column(&headers, file, name);
        let (year_col, level_col, code_col) =
            (col("time_period")?, col("geographic_level")?, col("la_dfe_code")?);
        let group_cols =
            source.group_columns().iter().map(|c| col(c)).collect::<Result<Vec<_>, _>>()?;
        // The group values that select a row → the spec columns filled from it.
        let mut wanted: HashMap<Vec<&str>, Vec<Target>> = HashMap::new();
        for (n, c) in COLUMNS.iter().enumerate().filter(|(_, c)| c.source == source) {
            let cells = match c.kind {
                Kind::Value(raw) => vec![(position[c.key], col(raw)?)],
                Kind::Count => {
                    let (number, percent) = source.count_columns();
                    let pct = format!("{}_pct", c.key);
                    vec![(position[c.key], col(number)?), (position[pct.as_str()], col(percent)?)]
                }
            };
            wanted.entry(c.group.to_vec()).or_default().push(Target { spec: n, cells });
        }
        for record in reader.records() {
            let record = record.map_err(|e| PublicError::csv(file, e))?;
            let line = record.position().map_or(0, |p| p.line());
            let get = |i: usize| record.get(i).unwrap_or("");
            let area = match get(level_col) {
                "National" => 0,
                "Local authority" => get(code_col).parse().map_err(|_| {
                    PublicError::bad(file, line, "la_dfe_code", get(code_col), "a DfE LA code")
                })?,
                _ => continue,
            };
            let year: i16 = get(year_col).parse().map_err(|_| {
                PublicError::bad(file, line, "time_period", get(year_col), "a year such as 2025")
            })?;
            let group: Vec<&str> = group_cols.iter().map(|&i| get(i)).collect();
            let Some(targets) = wanted.get(&group) else { continue };
            let row =
                table.entry((area, year)).or_insert_with(|| vec![String::new(); header.len()]);
            for target in targets {
                matched[target.spec] = true;
                for &(out, raw) in &target.cells {
                    if !row[out].is_empty() {
                        return Err(PublicError::Internal(format!(
                            "{file} line {line}: a second row for {} in {year}",
                            header[out]
                        )));
                    }
                    row[out] = get(raw).to_owned();
                }
            }
        }
    }
    if let Some((c, _)) = COLUMNS.iter().zip(&matched).find(|(_, m)| !**m) {
        return Err(PublicError::Internal(format!(
            "{}: no row has {:?} (for column {})",
            c.source.file(),
            c.group,
            c.key
        )));
    }
    let mut rows = Vec::new();
    for ((area, year), mut row) in table {
        // An authority in a year before it existed, or after it was abolished, is all `z`/`x`.
        let published = row.iter().any(|c| !matches!(c.as_str(), "" | "z" | "x"));
        if !published {
            continue;
        }
        row[0] = if area == 0 { "england".to_owned() } else { format!("{area:03}") };
        row[1] = year.to_string();
        rows.push(row);
    }
    let text = to_csv(&header, &rows, figures::PACKED_NAME)?;
    figures::parse(&text)?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn shared() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/public")
    }

    /// The embedded files are what the packer makes from `shared/data/public` today. Skipped
    /// where the shared data is absent (a user's clone).
    #[test]
    fn embedded_files_are_up_to_date() {
        let source = shared();
        if !source.is_dir() {
            return;
        }
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        for (name, bytes) in build(&source).unwrap() {
            let embedded = fs::read(data.join(name)).unwrap();
            assert!(embedded == bytes, "data/{name} is stale: run the pack_public example");
        }
    }

    #[test]
    fn pack_writes_every_file() {
        let source = shared();
        if !source.is_dir() {
            return;
        }
        let out = tempfile::tempdir().unwrap();
        let written = pack(&source, out.path()).unwrap();
        assert_eq!(written.len(), 3);
        for f in written {
            assert_eq!(fs::metadata(out.path().join(f.name)).unwrap().len(), f.bytes);
        }
    }
}
