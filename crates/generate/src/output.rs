//! Writing generated returns to disk: `<out>/<LA>/<yyyy-yy>/<table>.csv` or `…/ssda903.xml`.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use carelens_model::{LaCode, Return903};
use rayon::prelude::*;

use crate::GeneratedLa;

/// The file format to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OutputFormat {
    /// One CSV file per table, DfE column names, `dd/mm/yyyy` dates.
    Csv,
    /// One DfE XML return (`EXPSSDA903`) per LA and year.
    Xml,
}

/// Progress of [`write()`]: one call per LA written.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct WriteProgress {
    /// The LA just written.
    pub la: LaCode,
    /// LAs written so far.
    pub done: usize,
    /// LAs to write.
    pub total: usize,
}

/// What [`write()`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WriteSummary {
    /// Every file written, in LA and year order.
    pub files: Vec<PathBuf>,
}

/// The folder name of a collection year, `2024-25`.
fn year_dir(ret: &Return903) -> String {
    match ret.year {
        Some(y) => {
            let end = y.end_year();
            format!("{}-{:02}", end - 1, end.rem_euclid(100))
        }
        None => "unknown-year".to_owned(),
    }
}

fn write_one(ret: &Return903, dir: &Path, format: OutputFormat) -> io::Result<Vec<PathBuf>> {
    match format {
        OutputFormat::Csv => carelens_ingest::write_csv_dir(ret, dir),
        OutputFormat::Xml => {
            std::fs::create_dir_all(dir)?;
            let path = dir.join("ssda903.xml");
            let mut file = io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&path)?);
            carelens_ingest::write_xml(ret, &mut file)?;
            io::Write::flush(&mut file)?;
            Ok(vec![path])
        }
    }
}

/// Writes each LA's two returns under `out_dir`: `<out>/<LA 3-digit code>/<yyyy-yy>/` holding
/// one CSV per table (`write_csv_dir`) or `ssda903.xml`. LAs are written in parallel;
/// `progress` is called once per LA, from any thread.
///
/// # Errors
/// The first I/O error creating a folder or writing a file.
pub fn write(
    generated: &[GeneratedLa],
    out_dir: &Path,
    format: OutputFormat,
    progress: impl Fn(WriteProgress) + Sync,
) -> io::Result<WriteSummary> {
    let done = AtomicUsize::new(0);
    let total = generated.len();
    let per_la: Vec<io::Result<Vec<PathBuf>>> = generated
        .par_iter()
        .map(|g| {
            let la_dir = out_dir.join(g.la.to_string());
            let mut files = write_one(&g.previous, &la_dir.join(year_dir(&g.previous)), format)?;
            files.extend(write_one(&g.current, &la_dir.join(year_dir(&g.current)), format)?);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(WriteProgress { la: g.la, done: n, total });
            Ok(files)
        })
        .collect();
    let mut summary = WriteSummary::default();
    for files in per_la {
        summary.files.extend(files?);
    }
    Ok(summary)
}
