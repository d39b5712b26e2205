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

use crate::mem::{cpu_seconds, peak_rss_mib};

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
    /// A generated national set (both years); generated (seed 1, 2024/25) under target/ when
    /// not given.
    #[arg(long)]
    dir: Option<PathBuf>,
    /// The large LA: one LA's folder of the national set (default 886 Kent, ~6,600 children),
    /// or several merged into one (children renamed apart), e.g. `330,881`.
    #[arg(long, value_delimiter = ',', default_value = "886")]
    large_las: Vec<String>,
    /// Where a merged large LA is written as CSV for the reference to read.
    #[arg(long, default_value = "target/carelens-bench/large-la")]
    large_dir: PathBuf,
    /// Python of the virtualenv with the reference validator (tools/reference/README.md);
    /// without it only carelens is timed.
    #[arg(long, env = "CARELENS_REFERENCE_PYTHON")]
    python: Option<PathBuf>,
    /// Run the reference with a deep copy of the tables per rule (the differential harness's
    /// mode, slower) instead of as shipped.
    #[arg(long)]
    reference_deep_copy: bool,
    /// Timed repetitions of carelens (the reference runs once: it takes minutes).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Rayon threads for carelens: the target is "on 2 cores".
    #[arg(long, default_value_t = 2)]
    threads: usize,
    /// Also time each rule alone over the national set and list the slowest N.
    #[arg(long, default_value_t = 0)]
    per_rule: usize,
    /// Internal: measure one workload in this (fresh) process and print it as JSON.
    #[arg(long, hide = true, value_enum)]
    child: Option<Workload>,
}

/// A workload measured in its own process, so that its peak memory is its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Workload {
    /// The large LA, read from CSV and validated.
    Large,
    /// The national set, read and validated LA by LA.
    National,
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
    if crate::mem::in_fresh_process("bench-ingest", &dir, args.runs)? {
        return Ok(());
    }
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut total_rows = 0;
    let mut files = 0;
    for _ in 0..args.runs {
        let (t, c0) = (Instant::now(), cpu_seconds());
        let ing = read_paths(std::slice::from_ref(&dir), &ReadOptions::new());
        times.push(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, cpu_seconds()) {
            cpu.push(b - a);
        }
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
    if !cpu.is_empty() {
        cpu.sort_by(f64::total_cmp);
        // On a busy machine wall time overstates; CPU time over the threads is what 2 idle
        // cores would need at best.
        writeln!(
            out,
            "  CPU time (all threads) median {:.3} s; load average at the end: {}",
            cpu[cpu.len() / 2],
            std::fs::read_to_string("/proc/loadavg")
                .ok()
                .and_then(|l| l.split_whitespace().next().map(str::to_owned))
                .unwrap_or_default()
        )?;
    }
    if let Some(m) = peak_rss_mib() {
        writeln!(out, "  peak memory {m:.0} MiB")?;
    }
    Ok(())
}

fn rayon_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// What a measuring child process reports.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Measured {
    /// LAs validated.
    las: usize,
    /// Children in this year's returns.
    children: usize,
    /// Rows read, both years.
    rows: usize,
    /// Findings of the last run.
    findings: usize,
    /// Reading the CSV files and deriving placement geography, seconds.
    read: f64,
    /// Of which deriving placement geography (PL_LA, PL_LOCATION, PL_DISTANCE), seconds.
    geo: f64,
    /// The slowest rules (code, seconds over every LA, each rule run alone), when asked.
    slowest: Vec<(String, f64)>,
    /// Validating (rules only), best and median of the runs, seconds.
    validate_best: f64,
    validate_median: f64,
    /// CPU seconds (all threads) of the best validation run: with the machine to itself, wall
    /// time on 2 cores is at least half of this.
    validate_cpu: f64,
    /// Reading and validating, first run (a cold start, as one `carelens validate` is), seconds.
    end_to_end: f64,
    /// Peak resident memory of the process, MiB.
    peak_mib: f64,
}

/// Reads `dir` (one LA or the national set), derives placement geography and validates every
/// LA found, `runs` times; the first run counts as the end-to-end time.
fn measure(
    dir: &Path,
    la: Option<LaCode>,
    runs: usize,
    per_rule: usize,
) -> anyhow::Result<Measured> {
    let start = Instant::now();
    let ing = read_paths(&[dir.to_path_buf()], &ReadOptions::new().la(la));
    let mut sets = ing.returns;
    let geo_start = Instant::now();
    for s in &mut sets {
        let la = la.or(s.current.la);
        for r in std::iter::once(&mut s.current).chain(s.previous.iter_mut()) {
            carelens_geo::derive_placement_geo(r, la, true);
        }
    }
    let geo = geo_start.elapsed().as_secs_f64();
    let read = start.elapsed().as_secs_f64();
    let mut m = Measured {
        las: sets.len(),
        children: sets.iter().map(|s| s.current.children().len()).sum(),
        rows: sets
            .iter()
            .map(|s| rows(&s.current) + s.previous.iter().map(rows).sum::<usize>())
            .sum(),
        read,
        geo,
        ..Measured::default()
    };
    let mut times = Vec::new();
    for run in 0..runs.max(1) {
        let t = Instant::now();
        let cpu = cpu_seconds();
        m.findings = 0;
        for s in &sets {
            let y = s.current.year.context("a return with no collection year")?;
            let options = ValidateOptions::new(y).la(la.or(s.current.la));
            m.findings += carelens_rules::validate(s, &options).findings.len();
        }
        let took = t.elapsed().as_secs_f64();
        let cpu_took = cpu.and_then(|c| Some(cpu_seconds()? - c)).unwrap_or(f64::NAN);
        if times.iter().all(|t| took < *t) {
            m.validate_cpu = cpu_took;
        }
        if run == 0 {
            m.end_to_end = read + took;
        }
        times.push(took);
    }
    times.sort_by(f64::total_cmp);
    m.validate_best = times[0];
    m.validate_median = times[times.len() / 2];
    m.peak_mib = peak_rss_mib().unwrap_or(f64::NAN);
    if per_rule > 0 {
        m.slowest = slowest_rules(&sets, la, per_rule)?;
    }
    Ok(m)
}

/// Each rule of the year run alone over every LA (its shared indexes included, as it would
/// build them first), slowest first: where to look when validation is slow.
fn slowest_rules(
    sets: &[Returns],
    la: Option<LaCode>,
    n: usize,
) -> anyhow::Result<Vec<(String, f64)>> {
    let year = sets.first().and_then(|s| s.current.year).context("no returns")?;
    // CPU time, not wall time: a rule run alone uses one thread, and the machine may be busy.
    let time = |select: Vec<String>| -> anyhow::Result<f64> {
        let t = cpu_seconds().context("no /proc/self/stat: per-rule times need Linux")?;
        for s in sets {
            let y = s.current.year.context("a return with no collection year")?;
            let options =
                ValidateOptions::new(y).la(la.or(s.current.la)).select(Some(select.clone()));
            carelens_rules::validate(s, &options);
        }
        Ok(cpu_seconds().unwrap_or(t) - t)
    };
    let baseline = time(vec!["none".to_owned()])?;
    let mut out = Vec::new();
    for rule in carelens_rules::rules_for(year) {
        out.push((rule.code.to_owned(), (time(vec![rule.code.to_owned()])? - baseline).max(0.0)));
    }
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out.truncate(n);
    Ok(out)
}

/// Runs one workload in a fresh process of this binary, with `threads` rayon threads.
fn measure_in_child(
    workload: Workload,
    dir: &Path,
    las: &[LaCode],
    runs: usize,
    threads: usize,
    per_rule: usize,
) -> anyhow::Result<Measured> {
    let las: Vec<String> = las.iter().map(LaCode::to_string).collect();
    let name = match workload {
        Workload::Large => "large",
        Workload::National => "national",
    };
    let out = Command::new(std::env::current_exe()?)
        .args(["bench-validate", "--child", name, "--dir"])
        .arg(dir)
        .args(["--runs", &runs.to_string(), "--large-las", &las.join(",")])
        .args(["--per-rule", &per_rule.to_string()])
        .env("RAYON_NUM_THREADS", threads.to_string())
        .stderr(std::process::Stdio::inherit())
        .output()?;
    if !out.status.success() {
        bail!("the {name} benchmark process failed");
    }
    Ok(serde_json::from_slice(&out.stdout)?)
}

/// Several generated LAs merged into one large LA, children renamed apart, written as CSV
/// (`DIR/2024-25`, `DIR/2023-24`) so that both validators read the same files.
fn write_merged_la(national: &Path, las: &[LaCode], out_dir: &Path) -> anyhow::Result<()> {
    let mut merged: Option<Returns> = None;
    for (i, la) in las.iter().enumerate() {
        let ing = read_paths(&[national.join(la.to_string())], &ReadOptions::new());
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
    let m = merged.context("no LA")?;
    carelens_ingest::write_csv_dir(&m.current, &out_dir.join("2024-25"))?;
    if let Some(p) = m.previous.first() {
        carelens_ingest::write_csv_dir(p, &out_dir.join("2023-24"))?;
    }
    Ok(())
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

fn large_las(args: &ValidateArgs) -> anyhow::Result<Vec<LaCode>> {
    args.large_las
        .iter()
        .map(|l| LaCode::parse(l).map_err(|e| anyhow::anyhow!("--large-las {l:?}: {e}")))
        .collect()
}

/// The reference's run on the large LA: wall time, and peak memory when `/usr/bin/time` is there.
struct ReferenceRun {
    seconds: f64,
    peak_mib: Option<f64>,
    findings: Option<usize>,
}

fn run_reference(
    python: &Path,
    large: &Path,
    gss: &str,
    deep_copy: bool,
) -> anyhow::Result<ReferenceRun> {
    let gnu_time = Path::new("/usr/bin/time");
    let mem_file = tempfile::NamedTempFile::new()?;
    let mut cmd = if gnu_time.exists() {
        let mut c = Command::new(gnu_time);
        c.arg("-f").arg("%M").arg("-o").arg(mem_file.path()).arg(python);
        c
    } else {
        Command::new(python)
    };
    cmd.arg("tools/reference/run_reference.py")
        .args(["--year", "2025", "--la", gss, "--current"])
        .arg(large.join("2024-25"))
        .arg("--last")
        .arg(large.join("2023-24"));
    if !deep_copy {
        cmd.arg("--as-shipped");
    }
    let t = Instant::now();
    let out = cmd.stderr(std::process::Stdio::null()).output()?;
    let seconds = t.elapsed().as_secs_f64();
    if !out.status.success() {
        bail!("the reference failed (exit {:?})", out.status.code());
    }
    let findings = serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .ok()
        .and_then(|v| v["findings"].as_array().map(Vec::len));
    let peak_mib = std::fs::read_to_string(mem_file.path())
        .ok()
        .and_then(|s| s.lines().last()?.trim().parse::<f64>().ok())
        .map(|kib| kib / 1024.0);
    Ok(ReferenceRun { seconds, peak_mib, findings })
}

pub(crate) fn validate_bench(args: &ValidateArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    if let Some(workload) = args.child {
        let dir = args.dir.as_deref().context("--child needs --dir")?;
        let la = match workload {
            Workload::Large => large_las(args)?.first().copied(),
            Workload::National => None,
        };
        let m = measure(dir, la, args.runs, args.per_rule)?;
        serde_json::to_writer(&mut *out, &m)?;
        writeln!(out)?;
        return Ok(());
    }
    let national = national_dir(args.dir.as_deref())?;
    let las = large_las(args)?;
    let first = *las.first().context("--large-las names no LA")?;
    let gss = carelens_geo::la(first).map(|l| l.gss.to_string()).context("unknown LA")?;
    let large_dir = if las.len() == 1 {
        national.join(first.to_string())
    } else {
        if !args.large_dir.join("2024-25").exists() {
            eprintln!("writing the merged large LA into {} …", args.large_dir.display());
            write_merged_la(&national, &las, &args.large_dir)?;
        }
        args.large_dir.clone()
    };
    writeln!(
        out,
        "bench-validate: carelens with {} rayon threads on {} cores, {} rules in force in 2024/25",
        args.threads,
        rayon_threads(),
        carelens_rules::rules_for(CollectionYear::Y2024_25).len()
    )?;

    let large = measure_in_child(Workload::Large, &large_dir, &las, args.runs, args.threads, 0)?;
    writeln!(
        out,
        "\nlarge LA ({}): {} children, {} rows, both years; {} findings",
        large_dir.display(),
        large.children,
        large.rows,
        large.findings
    )?;
    writeln!(
        out,
        "  carelens  read {:.3} s (placement geography {:.3} s of it), validate best {:.3} s (median {:.3} s; {:.2} CPU s), end to end {:.3} s, peak memory {:.0} MiB",
        large.read,
        large.geo,
        large.validate_best,
        large.validate_median,
        large.validate_cpu,
        large.end_to_end,
        large.peak_mib
    )?;
    match &args.python {
        Some(py) => {
            let mode = if args.reference_deep_copy { "deep copy per rule" } else { "as shipped" };
            let r = run_reference(py, &large_dir, &gss, args.reference_deep_copy)?;
            let mem = r.peak_mib.map(|m| format!(", peak memory {m:.0} MiB")).unwrap_or_default();
            let found = r.findings.map(|n| format!("; {n} findings")).unwrap_or_default();
            writeln!(out, "  reference {:.1} s end to end ({mode}){mem}{found}", r.seconds)?;
            writeln!(
                out,
                "  ratio     carelens is {:.0}× faster end to end ({:.0}× on validation alone)",
                r.seconds / large.end_to_end,
                r.seconds / large.validate_best
            )?;
        }
        None => writeln!(
            out,
            "  reference not run: give --python (or CARELENS_REFERENCE_PYTHON) for its time"
        )?,
    }

    let nat = measure_in_child(
        Workload::National,
        &national,
        &las,
        args.runs,
        args.threads,
        args.per_rule,
    )?;
    writeln!(
        out,
        "\nnational set ({}): {} LAs, {} children, {} rows, both years; {} findings",
        national.display(),
        nat.las,
        nat.children,
        nat.rows,
        nat.findings
    )?;
    writeln!(
        out,
        "  carelens  read {:.3} s (placement geography {:.3} s of it), validate best {:.3} s (median {:.3} s; {:.2} CPU s), end to end {:.3} s, peak memory {:.0} MiB",
        nat.read,
        nat.geo,
        nat.validate_best,
        nat.validate_median,
        nat.validate_cpu,
        nat.end_to_end,
        nat.peak_mib
    )?;
    if !nat.slowest.is_empty() {
        writeln!(out, "  slowest rules, CPU seconds of each run alone over every LA:")?;
        for (code, secs) in &nat.slowest {
            writeln!(out, "    {code:<10} {secs:.3} s")?;
        }
    }
    let verdict = if nat.validate_best < 2.0 { "under" } else { "OVER" };
    writeln!(out, "  target: validation of the national set under 2 s on 2 cores: {verdict}")?;
    Ok(())
}
