//! `carelens generate`: synthetic SSDA903 returns, calibrated LA by LA.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context as _;
use carelens_generate::{GenerateOptions, OutputFormat};
use carelens_model::CollectionYear;

use crate::ExitStatus;

/// Arguments of `carelens generate`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// LAs to generate, by DfE code (`--la 316,317`). Without it (or with `--national`), all 153.
    #[arg(long, value_delimiter = ',')]
    la: Vec<String>,
    /// All 153 LAs.
    #[arg(long, conflicts_with = "la")]
    national: bool,
    /// The collection year (the year before is generated too).
    #[arg(long, default_value = "2024/25")]
    year: String,
    /// Random seed: the same seed gives byte-identical files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Share of rows given a realistic mistake (0.01 = 1%).
    #[arg(long, default_value_t = 0.0)]
    errors: f64,
    /// Give one child in each LA exactly this many placements in the year (CHILD id in the docs).
    #[arg(long)]
    outlier_placements: Option<u32>,
    /// Output folder (one folder per LA, one per year inside it).
    #[arg(long, default_value = "carelens-demo")]
    out: PathBuf,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum Format {
    Csv,
    Xml,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let las = if args.national { Vec::new() } else { crate::commands::parse_las(&args.la)? };
    let year = crate::commands::parse_year(&args.year)?;
    generate_into(
        &las,
        year,
        args.seed,
        args.errors,
        args.outlier_placements,
        args.format,
        &args.out,
        out,
    )?;
    Ok(ExitStatus::Clean)
}

/// Generates and writes returns, reporting what was written.
#[expect(clippy::too_many_arguments, reason = "the flat list of generate's options")]
pub(crate) fn generate_into(
    las: &[carelens_model::LaCode],
    year: CollectionYear,
    seed: u64,
    errors: f64,
    outlier: Option<u32>,
    format: Format,
    dir: &std::path::Path,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let options = GenerateOptions::new(year)
        .las(las.to_vec())
        .seed(seed)
        .error_rate(errors)
        .outlier_placements(outlier);
    let spinner = crate::progress::bar(0, "simulating");
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    let generated = carelens_generate::generate(&options).context("generating returns")?;
    spinner.finish_and_clear();
    let bar = crate::progress::bar(generated.len() as u64, "writing");
    let fmt = match format {
        Format::Csv => OutputFormat::Csv,
        Format::Xml => OutputFormat::Xml,
    };
    let summary =
        carelens_generate::write(&generated, dir, fmt, |p| bar.set_position(p.done as u64))
            .with_context(|| format!("writing to {}", dir.display()))?;
    bar.finish_and_clear();
    let children: usize = generated.iter().map(|g| g.current.children().len()).sum();
    let injected: usize = generated.iter().map(|g| g.injected.len()).sum();
    writeln!(
        out,
        "Generated {} LA{} for {} and {} (seed {seed}): {} children this year, {} files in {} ({:.1} s){}",
        generated.len(),
        if generated.len() == 1 { "" } else { "s" },
        year.previous(),
        year,
        crate::table::thousands(children as u64),
        summary.files.len(),
        dir.display(),
        started.elapsed().as_secs_f64(),
        if injected > 0 { format!("; {injected} mistakes injected") } else { String::new() },
    )?;
    Ok(())
}
