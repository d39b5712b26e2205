//! `carelens load PATH… [--la CODE] [--year Y] [--db URL]`: read returns, validate them,
//! measure them and store every LA-year (replacing earlier loads of the same LA-year).

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context as _;
use carelens_ingest::{ReadOptions, Severity};
use carelens_store::{LoadSummary, Store, StoreError};

use crate::ExitStatus;

/// Arguments of `carelens load`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Returns to load: CSV files, XML files, or folders of them (several LAs and years at once).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The LA's DfE code, when the paths do not tell it (e.g. 316).
    #[arg(long)]
    la: Option<String>,
    /// The collection year of every file, when the paths do not tell it (e.g. 2024/25).
    #[arg(long)]
    year: Option<String>,
    /// The store: a SQLite file, `sqlite:PATH` or `postgres://user:pw@host/db`. Default:
    /// $CARELENS_DB, else ./carelens.db.
    #[arg(long)]
    db: Option<String>,
}

#[expect(clippy::disallowed_methods, reason = "the CLI stamps each load with the time it ran")]
fn now() -> jiff::Timestamp {
    jiff::Timestamp::now()
}

/// Opens the store named by `--db`, else `CARELENS_DB`, else `./carelens.db`.
pub(crate) fn open_store(db: Option<&str>) -> anyhow::Result<Store> {
    let url = db.map_or_else(carelens_store::default_url, str::to_owned);
    Store::open(&url)
        .with_context(|| format!("opening the store {}", carelens_store::redact_url(&url)))
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let la = match &args.la {
        Some(l) => crate::commands::parse_las(std::slice::from_ref(l))?.into_iter().next(),
        None => None,
    };
    let year = args.year.as_deref().map(crate::commands::parse_year).transpose()?;
    let store = open_store(args.db.as_deref())?;
    let (summary, seconds) =
        load_paths(&store, &args.paths, &ReadOptions::new().la(la).year(year), now())?;
    writeln!(
        out,
        "Loaded {} LA-years ({} replaced): {} rows, {} findings, in {:.1} s",
        summary.la_years,
        summary.replaced,
        crate::table::thousands(summary.rows),
        crate::table::thousands(summary.findings),
        seconds
    )?;
    Ok(ExitStatus::Clean)
}

/// Reads `paths`, then validates, measures and stores every LA-year found (see
/// [`Store::load_returns`]), with a progress bar. Returns what was stored and the seconds taken.
pub(crate) fn load_paths(
    store: &Store,
    paths: &[PathBuf],
    options: &ReadOptions,
    at: jiff::Timestamp,
) -> anyhow::Result<(LoadSummary, f64)> {
    let started = Instant::now();
    let ingested = crate::commands::inspect::read_with_progress(paths, options);
    for d in
        ingested.diagnostics.iter().filter(|d| d.severity == Severity::Error && d.line.is_none())
    {
        eprintln!("{d}");
    }
    if ingested.returns.iter().all(|r| r.current.sources.is_empty() && r.previous.is_empty()) {
        anyhow::bail!("no SSDA903 data could be read from the paths given (see the errors above)");
    }
    let bar = crate::progress::bar(0, "validating and loading");
    let summary = store
        .load_returns(ingested.returns, at, &|done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        })
        .map_err(|e| match e {
            StoreError::MissingKey(what) => anyhow::anyhow!(
                "the {what} of a return could not be told from its path or data: give --{}",
                if what == "LA" { "la" } else { "year" }
            ),
            e => anyhow::Error::new(e).context("loading into the store"),
        })?;
    bar.finish_and_clear();
    Ok((summary, started.elapsed().as_secs_f64()))
}
