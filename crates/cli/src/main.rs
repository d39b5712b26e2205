//! The `carelens` command line: thin glue over the engine crates.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

mod commands;
mod progress;
mod table;

/// carelens: SSDA903 returns into clean data, stability indicators and provider oversight.
/// Runs locally; sends nothing anywhere.
#[derive(Debug, Parser)]
#[command(name = "carelens", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

/// How a command ended; `main` maps this to the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExitStatus {
    /// 0: done, nothing to report.
    Clean,
    /// 1: done, and there are findings (diagnostics with errors, rule findings).
    Findings,
    /// 2: the input could not be read, or carelens failed.
    Failure,
}

// mimalloc: ingest and validation allocate millions of small values; against the system
// allocator it cut ingest CPU time by about a tenth and peak memory by a quarter
// (`cargo dev bench-ingest`, national set).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = commands::run(cli.command, &mut out);
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(status), _) => ExitCode::from(match status {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Failure => 2,
        }),
        (Err(e), _) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        (Err(e), _) => {
            let mut err = io::stderr().lock();
            let _ = writeln!(err, "carelens: error: {e}");
            for cause in e.chain().skip(1) {
                let _ = writeln!(err, "  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
