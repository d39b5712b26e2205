//! Rebuilds the embedded files in `crates/public/data` from the cleaned public data
//! (`shared/data/public`). Only built with the `pack` feature; run it through
//! `cargo run -p carelens-public --features pack --example pack_public`.
//!
//! The output is deterministic: the same inputs give byte-identical files.

use std::fs;
use std::path::Path;

use crate::columns::Source;
use crate::error::PublicError;
use crate::{closures, figures, homes_la, ilacs, inspections, national, providers};

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
        (ilacs::FILE_NAME, read(&source_dir.join(ilacs::FILE_NAME))?),
        (inspections::PACKED_NAME, pack_inspections(source_dir)?),
        (
            homes_la::PACKED_NAME,
            homes_la::pack(
                &read(&source_dir.join(homes_la::OUTSIDE_SOURCE))?,
                &read(&source_dir.join(homes_la::NET_GAIN_SOURCE))?,
            )?,
        ),
        (closures::PACKED_NAME, closures::pack(&read(&source_dir.join(closures::SOURCE_NAME))?)?),
    ])
}

/// Every inspection named in the provider lists and the 2022-23 in-year list, lz4-compressed.
fn pack_inspections(source_dir: &Path) -> Result<Vec<u8>, PublicError> {
    let rows = inspections::collect(
        &read(&source_dir.join(providers::SOURCE_NAME))?,
        &read(&source_dir.join(inspections::IN_YEAR_SOURCE))?,
    )?;
    let header: Vec<String> = ["urn", "date", "kind", "overall"].map(str::to_owned).to_vec();
    let rows: Vec<Vec<String>> = rows.into_iter().map(|r| r.to_vec()).collect();
    let text = to_csv(&header, &rows, inspections::PACKED_NAME)?;
    inspections::parse(&text)?;
    Ok(lz4_flex::compress_prepend_size(&text))
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

/// The LA and England rows of the DfE files, one wide row per area and year.
fn pack_figures(source_dir: &Path) -> Result<Vec<u8>, PublicError> {
    let mut inputs = Vec::new();
    for source in Source::ALL {
        inputs.push((source, read(&source_dir.join(source.file()))?));
    }
    let inputs: Vec<(Source, &[u8])> = inputs.iter().map(|(s, b)| (*s, b.as_slice())).collect();
    let table = crate::figures_build::build_table(&inputs, true)?;
    let text = crate::figures_build::table_to_csv(table)?;
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
        assert_eq!(written.len(), 7);
        for f in written {
            assert_eq!(fs::metadata(out.path().join(f.name)).unwrap().len(), f.bytes);
        }
    }
}
