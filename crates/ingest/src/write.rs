//! Writing returns back out as DfE-layout CSV files (the XML writer is in `xml.rs`).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use carelens_model::{Return903, TableKind};

/// Writes every supplied table of `ret` as `<dir>/<table file stem>.csv`, with the DfE's column
/// names in DfE order and each cell's raw text. Returns the files written.
///
/// # Errors
/// Any I/O error creating the directory or writing a file.
pub fn write_csv_dir(ret: &Return903, dir: &Path) -> io::Result<Vec<PathBuf>> {
    fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for &kind in TableKind::ALL {
        if !ret.tables.is_supplied(kind) {
            continue;
        }
        let path = dir.join(format!("{}.csv", kind.file_stem()));
        let file = io::BufWriter::with_capacity(1 << 16, fs::File::create(&path)?);
        write_csv_table(ret, kind, file)?;
        written.push(path);
    }
    Ok(written)
}

/// Writes one table as CSV (header row, then one line per row, `\n` line ends).
///
/// # Errors
/// Any I/O error from `out`.
pub fn write_csv_table(ret: &Return903, kind: TableKind, out: impl io::Write) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(out);
    let columns = kind.csv_columns();
    w.write_record(columns)?;
    for row in ret.tables.rows(kind) {
        w.write_record((0..columns.len()).map(|i| row.cell(i).map_or("", |c| c.raw)))?;
    }
    w.flush()
}
