//! `carelens demo`: the main job for a new user, on generated national data.

use std::io::Write;
use std::path::PathBuf;

use crate::ExitStatus;
use crate::commands::generate::Format;

/// Arguments of `carelens demo`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Where to write the demo returns.
    #[arg(long, default_value = "carelens-demo")]
    out: PathBuf,
    /// The collection year.
    #[arg(long, default_value = "2024/25")]
    year: String,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let year = crate::commands::parse_year(&args.year)?;
    writeln!(
        out,
        "carelens demo: a national set of synthetic SSDA903 returns, read back and checked\n"
    )?;
    crate::commands::generate::generate_into(
        &[],
        year,
        args.seed,
        0.0,
        None,
        Format::Csv,
        &args.out,
        out,
    )?;
    writeln!(out, "\n$ carelens inspect {}\n", args.out.display())?;
    let inspect = crate::commands::inspect::Args::for_paths(vec![args.out.clone()]);
    crate::commands::inspect::run(&inspect, out)?;
    writeln!(
        out,
        "\nNext: `carelens validate {dir}/316/{y} --la 316 --last-year {dir}/316/{py}` runs the DfE rulebook on one LA.",
        dir = args.out.display(),
        y = year_dir(year),
        py = year_dir(year.previous()),
    )?;
    Ok(ExitStatus::Clean)
}

fn year_dir(y: carelens_model::CollectionYear) -> String {
    format!("{}-{:02}", y.end_year() - 1, y.end_year().rem_euclid(100))
}
