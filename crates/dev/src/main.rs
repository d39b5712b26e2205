//! `cargo dev …`: benchmarks and the differential harness. Developer tools, not shipped and not
//! run by CI (they take minutes and need the reference validator installed).

use std::io::Write;

use clap::Parser;

mod bench;
mod bench_indicators;
mod bench_server;
mod bench_store;
mod diff;
mod mem;

#[derive(Debug, Parser)]
#[command(name = "cargo dev", about = "carelens developer tools")]
enum Cli {
    /// Ingest a generated national set (both years): rows per second and peak memory.
    BenchIngest(bench::IngestArgs),
    /// Validate the national set and a large LA; time the reference on the same large LA.
    BenchValidate(bench::ValidateArgs),
    /// Every indicator for the national set (both years): time, peak memory, and the national
    /// headline figures against the published ones.
    BenchIndicators(bench_indicators::Args),
    /// Load the national set into a store (SQLite by default), then time the dashboard's read
    /// queries: p50/p95/p99, one reader and several at once.
    BenchStore(bench_store::Args),
    /// Serve a loaded national store and load the dashboard API on loopback: cold latency,
    /// p50/p95/p99 and requests per second per endpoint.
    BenchServer(bench_server::ServerArgs),
    /// Generate returns with injected mistakes, run the reference and carelens on the same
    /// files, and print agreement rule by rule.
    DiffReference(diff::Args),
}

// The allocator of the `carelens` binary, so that benchmarks measure what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli {
        Cli::BenchIngest(a) => bench::ingest(&a, &mut out)?,
        Cli::BenchValidate(a) => bench::validate_bench(&a, &mut out)?,
        Cli::BenchIndicators(a) => bench_indicators::run(&a, &mut out)?,
        Cli::BenchStore(a) => bench_store::run(&a, &mut out)?,
        Cli::BenchServer(a) => bench_server::run(&a, &mut out)?,
        Cli::DiffReference(a) => diff::run(&a, &mut out)?,
    }
    out.flush()?;
    Ok(())
}
