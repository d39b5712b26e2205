//! End-to-end benchmarks. Figures are wall-clock on this machine; run on a quiet machine.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};
use carelens_generate::{GenerateOptions, OutputFormat};
use carelens_ingest::{ReadOptions, read_paths};
use carelens_model::{CollectionYear, LaCode, Return903, Returns, TableKind};
use carelens_rules::ValidateOptions;

use crate::mem::peak_rss_mib;

/// Arguments of `bench-ingest`.
#[derive(Debug, clap::Args)]
pub(crate) struct IngestArgs {
    /// A generated national set; generated (seed 1, 2024/25) under target/ when not given.
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Timed repetitions.
    #[arg(long, default_value_t = 3)]
    runs: usize,
}

/// Arguments of `bench-validate`.
#[derive(Debug, clap::Args)]
pub(crate) struct ValidateArgs {
    /// A generated national set; generated under target/ when not given.
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Python of the virtualenv with the reference validator (tools/reference/README.md);
    /// without it only carelens is timed.
    #[arg(long, env = "CARELENS_REFERENCE_PYTHON")]
    python: Option<PathBuf>,
    /// Timed repetitions.
    #[arg(long, default_value_t = 3)]
    runs: usize,
}

/// The national set used by the benchmarks, generated on first use.
pub(crate) fn national_dir(given: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(d) = given {
        return Ok(d.to_path_buf());
    }
    let dir = PathBuf::from("target/carelens-bench/national-2024-25-seed1");
    if !dir.join("316").exists() {
        eprintln!("generating the national set into {} …", dir.display());
        let generated =
            carelens_generate::generate(&GenerateOptions::new(CollectionYear::Y2024_25).seed(1))?;
        carelens_generate::write(&generated, &dir, OutputFormat::Csv, |_| {})?;
    }
    Ok(dir)
}

fn rows(ret: &Return903) -> usize {
    TableKind::ALL.iter().map(|k| ret.tables.len(*k)).sum()
}

pub(crate) fn ingest(args: &IngestArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let dir = national_dir(args.dir.as_deref())?;
    // Measure in a fresh process so that generating does not count towards peak memory.
    if std::env::var_os("CARELENS_BENCH_CHILD").is_none() {
        let status = Command::new(std::env::current_exe()?)
            .args(["bench-ingest", "--dir"])
            .arg(&dir)
            .args(["--runs", &args.runs.to_string()])
            .env("CARELENS_BENCH_CHILD", "1")
            .status()?;
        if !status.success() {
            bail!("benchmark process failed");
        }
        return Ok(());
    }
    let mut times = Vec::new();
    let mut total_rows = 0;
    let mut files = 0;
    for _ in 0..args.runs {
        let t = Instant::now();
        let ing = read_paths(std::slice::from_ref(&dir), &ReadOptions::new());
        times.push(t.elapsed().as_secs_f64());
        total_rows = ing
            .returns
            .iter()
            .map(|r| rows(&r.current) + r.previous.iter().map(rows).sum::<usize>())
            .sum();
        files = ing.files.len();
    }
    times.sort_by(f64::total_cmp);
    let best = times[0];
    let median = times[times.len() / 2];
    writeln!(
        out,
        "bench-ingest: {} ({files} files, {total_rows} rows, both years, {} threads)",
        dir.display(),
        rayon_threads()
    )?;
    writeln!(out, "  best {best:.3} s, median {median:.3} s over {} runs", times.len())?;
    writeln!(out, "  {:.0} rows/s (best)", total_rows as f64 / best)?;
    if let Some(m) = peak_rss_mib() {
        writeln!(out, "  peak memory {m:.0} MiB")?;
    }
    Ok(())
}

fn rayon_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

pub(crate) fn validate_national(
    dir: &Path,
    out: &mut dyn Write,
    runs: usize,
) -> anyhow::Result<()> {
    let ing = read_paths(&[dir.to_path_buf()], &ReadOptions::new());
    let mut sets = ing.returns;
    for s in &mut sets {
        let la = s.current.la;
        for r in std::iter::once(&mut s.current).chain(s.previous.iter_mut()) {
            carelens_geo::derive_placement_geo(r, la, true);
        }
    }
    let mut times = Vec::new();
    let mut findings = 0;
    for _ in 0..runs {
        let t = Instant::now();
        findings = 0;
        for s in &sets {
            let y = s.current.year.context("year")?;
            findings += carelens_rules::validate(s, &ValidateOptions::new(y).la(s.current.la))
                .findings
                .len();
        }
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let rules = carelens_rules::rules_for(CollectionYear::Y2024_25).len();
    writeln!(
        out,
        "national set: {} LAs, both years, {rules} rules in force: best {:.3} s, median {:.3} s; {findings} findings",
        sets.len(),
        times[0],
        times[times.len() / 2]
    )?;
    Ok(())
}

/// A large LA (~6,000 children) made from three big generated LAs, children renamed apart.
fn large_la(dir: &Path) -> anyhow::Result<(Returns, PathBuf)> {
    let parts = ["330", "886", "881"]; // Birmingham, Kent, Essex
    let mut merged: Option<Returns> = None;
    for (i, la) in parts.iter().enumerate() {
        let ing = read_paths(&[dir.join(la)], &ReadOptions::new());
        let mut r = ing.returns.into_iter().next().context("LA folder")?;
        for ret in std::iter::once(&mut r.current).chain(r.previous.iter_mut()) {
            rename_children(ret, &format!("{i}"));
        }
        merged = Some(match merged {
            None => r,
            Some(mut m) => {
                let off = m.current.sources.len() as u16;
                m.current.sources.extend(r.current.sources);
                m.current.tables.append(r.current.tables, off);
                if let (Some(a), Some(b)) = (m.previous.first_mut(), r.previous.into_iter().next())
                {
                    let off = a.sources.len() as u16;
                    a.sources.extend(b.sources);
                    a.tables.append(b.tables, off);
                }
                m
            }
        });
    }
    let mut m = merged.context("no LA")?;
    let la = LaCode::new(330).ok();
    m.current.la = la;
    let out_dir = PathBuf::from("target/carelens-bench/large-la");
    carelens_ingest::write_csv_dir(&m.current, &out_dir.join("2024-25"))?;
    if let Some(p) = m.previous.first() {
        carelens_ingest::write_csv_dir(p, &out_dir.join("2023-24"))?;
    }
    Ok((m, out_dir))
}

fn rename_children(ret: &mut Return903, prefix: &str) {
    for &kind in TableKind::ALL {
        let idx = kind.column_index("CHILD").unwrap_or(0);
        for row in ret.tables.rows_mut(kind) {
            let id = row.child().raw().to_owned();
            row.set_cell(idx, &format!("{prefix}{id}"));
        }
    }
}

pub(crate) fn validate_bench(args: &ValidateArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let dir = national_dir(args.dir.as_deref())?;
    let (mut large, large_dir) = large_la(&dir)?;
    let children = large.current.children().len();
    let la = large.current.la;
    for r in std::iter::once(&mut large.current).chain(large.previous.iter_mut()) {
        carelens_geo::derive_placement_geo(r, la, true);
    }
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..args.runs {
        let t = Instant::now();
        n = carelens_rules::validate(
            &large,
            &ValidateOptions::new(CollectionYear::Y2024_25).la(la),
        )
        .findings
        .len();
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let ours = times[0];
    writeln!(
        out,
        "large LA: {children} children, both years: carelens best {ours:.3} s ({n} findings)"
    )?;
    // carelens end to end from files, like the reference.
    let t = Instant::now();
    let ing = read_paths(std::slice::from_ref(&large_dir), &ReadOptions::new().la(la));
    let mut sets = ing.returns;
    for s in &mut sets {
        for r in std::iter::once(&mut s.current).chain(s.previous.iter_mut()) {
            carelens_geo::derive_placement_geo(r, la, true);
        }
        carelens_rules::validate(s, &ValidateOptions::new(CollectionYear::Y2024_25).la(la));
    }
    let e2e = t.elapsed().as_secs_f64();
    writeln!(out, "  carelens from files (read + validate): {e2e:.3} s")?;
    if let Some(py) = &args.python {
        let t = Instant::now();
        let status = Command::new(py)
            .arg("tools/reference/run_reference.py")
            .args(["--year", "2025", "--la", "E08000025", "--current"])
            .arg(large_dir.join("2024-25"))
            .arg("--last")
            .arg(large_dir.join("2023-24"))
            .stdout(std::process::Stdio::null())
            .status()?;
        let reference = t.elapsed().as_secs_f64();
        if !status.success() {
            bail!("the reference failed");
        }
        writeln!(
            out,
            "  reference (csc-validator-be-903 0.1.17): {reference:.1} s → carelens is {:.0}× faster end to end",
            reference / e2e
        )?;
    }
    validate_national(&dir, out, args.runs)?;
    if let Some(m) = peak_rss_mib() {
        writeln!(out, "peak memory {m:.0} MiB")?;
    }
    Ok(())
}
