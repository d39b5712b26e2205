//! `cargo dev bench-indicators [--dir DIR]`: every indicator for the national set (all 153 LAs,
//! both years, by LA, region and England), ingest timed apart from the computation, with peak
//! memory; then the national headline figures side by side with the published ones.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use carelens_indicators::{Area, IndicatorValue, Level, Options, catalogue, compute};
use carelens_ingest::{ReadOptions, read_paths};
use carelens_model::CollectionYear;

use crate::mem::{cpu_seconds, peak_rss_mib};

/// Arguments of `bench-indicators`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A generated national set; generated (seed 1, 2024/25 and 2023/24) under target/ when not
    /// given.
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Timed repetitions of the computation.
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

/// The measures the generator calibrates each LA to, and so the ones the national set should
/// land near (the rest are printed for information).
const CALIBRATED: [&str; 14] = [
    "cla_at_31_march",
    "started_in_year",
    "ceased_in_year",
    "cla_placement_foster",
    "in_childrens_homes",
    "in_supported_accommodation",
    "placements_3plus",
    "placed_over_20_miles",
    "placed_outside_la",
    "cla_uasc",
    "missing_in_year",
    "social_workers_3plus",
    "care_leavers_eet",
    "care_leavers_suitable_accommodation",
];

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<()> {
    let dir = crate::bench::national_dir(args.dir.as_deref())?;
    if crate::mem::in_fresh_process("bench-indicators", &dir, args.runs)? {
        return Ok(());
    }
    let t = Instant::now();
    let ing = read_paths(std::slice::from_ref(&dir), &ReadOptions::new());
    let ingest = t.elapsed().as_secs_f64();
    let sets = ing.returns;
    let memory_after_ingest = peak_rss_mib();

    let levels = [Level::La, Level::Region, Level::England];
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut values: Vec<IndicatorValue> = Vec::new();
    let mut children = 0;
    for _ in 0..args.runs.max(1) {
        let (t, c0) = (Instant::now(), cpu_seconds());
        let c = compute(&sets, &Options::new())?;
        values = c.values(&levels);
        times.push(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, cpu_seconds()) {
            cpu.push(b - a);
        }
        children = c.children().count();
    }
    times.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    writeln!(
        out,
        "bench-indicators: {} ({} LAs, both years; {} indicators; {} threads)",
        dir.display(),
        sets.len(),
        catalogue().len(),
        threads
    )?;
    writeln!(out, "  ingest {ingest:.3} s (not counted below)")?;
    writeln!(
        out,
        "  all indicators, by LA, region and England: best {:.3} s, median {:.3} s over {} runs ({children} child records, {} values)",
        times[0],
        times[times.len() / 2],
        times.len(),
        values.len()
    )?;
    if let Some(c) = cpu.get(cpu.len() / 2) {
        // CPU time is what the machine's load cannot inflate; wall time / CPU time shows how
        // much of the cores the run got.
        writeln!(out, "  CPU time (all threads) median {c:.3} s")?;
    }
    if let Some(l) = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
    {
        writeln!(out, "  load average at the end: {l}")?;
    }
    if let (Some(before), Some(peak)) = (memory_after_ingest, peak_rss_mib()) {
        writeln!(out, "  peak memory {peak:.0} MiB ({before:.0} MiB after ingest)")?;
    }

    writeln!(out, "\nEngland (all LAs added up) against the published national figures")?;
    writeln!(
        out,
        "  {:<44} {:>8} {:>10} {:>10} {:>8}",
        "indicator", "year", "generated", "published", "diff"
    )?;
    let mut worst: f64 = 0.0;
    for ind in catalogue().iter().filter(|i| i.headline || CALIBRATED.contains(&i.id)) {
        for year in [CollectionYear::Y2023_24, CollectionYear::Y2024_25] {
            let Some(v) =
                values.iter().find(|v| v.id == ind.id && v.area == Area::England && v.year == year)
            else {
                continue;
            };
            let published = ind.published_value(Area::England, year).and_then(|p| p.value);
            let (Some(ours), Some(p)) = (v.value, published) else { continue };
            let diff = 100.0 * (ours / p - 1.0);
            let calibrated = CALIBRATED.contains(&ind.id) && year == CollectionYear::Y2024_25;
            if calibrated {
                worst = worst.max(diff.abs());
            }
            writeln!(
                out,
                "  {:<44} {:>8} {:>10.1} {:>10.1} {:>+7.1}%  {}",
                ind.id,
                year.to_string(),
                ours,
                p,
                diff,
                if calibrated { "calibrated" } else { "" }
            )?;
        }
    }
    writeln!(
        out,
        "  largest difference among the calibrated measures (2024/25): {worst:.1}% (target: within 10%)"
    )?;
    Ok(())
}
