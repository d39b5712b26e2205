//! The differential harness: carelens against the reference validator, finding by finding.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use carelens_generate::{GenerateOptions, OutputFormat};
use carelens_ingest::{ReadOptions, read_paths};
use carelens_model::{CollectionYear, LaCode};
use carelens_rules::{ValidateOptions, validate};
use serde::Deserialize;

/// Arguments of `diff-reference`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Python of the virtualenv with the reference validator (tools/reference/README.md).
    #[arg(long, env = "CARELENS_REFERENCE_PYTHON", default_value = "/work/venv903/bin/python")]
    python: PathBuf,
    /// Seeds to generate with (use ones not used in development).
    #[arg(long, value_delimiter = ',', default_value = "101,102,103")]
    seeds: Vec<u64>,
    /// LAs to generate (DfE codes): small, medium and large ones.
    #[arg(long, value_delimiter = ',', default_value = "316,888,330")]
    las: Vec<u16>,
    /// Collection years to validate.
    #[arg(long, value_delimiter = ',', default_value = "2024/25")]
    years: Vec<String>,
    /// Share of rows given a mistake.
    #[arg(long, default_value_t = 0.02)]
    errors: f64,
    /// Only these rules.
    #[arg(long, value_delimiter = ',')]
    rules: Vec<String>,
    /// Write the per-rule table as JSON here too.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Print up to this many example differences per rule.
    #[arg(long, default_value_t = 3)]
    examples: usize,
}

#[derive(Debug, Deserialize)]
struct RefOutput {
    rules_run: Vec<String>,
    failed: Vec<String>,
    findings: Vec<RefFinding>,
}

#[derive(Debug, Deserialize)]
struct RefFinding {
    rule: String,
    table: String,
    row: u32,
}

/// A finding's identity: rule, table (with `_last`), row.
type Key = (String, String, u32);

#[derive(Default, serde::Serialize)]
struct Agreement {
    both: usize,
    reference_only: usize,
    carelens_only: usize,
    reference_failed_runs: usize,
    #[serde(skip)]
    examples: Vec<String>,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<()> {
    let script = Path::new("tools/reference/run_reference.py");
    if !script.exists() {
        bail!("run from the repository root (tools/reference/run_reference.py not found)");
    }
    let work = tempfile::tempdir()?;
    let mut table: BTreeMap<String, Agreement> = BTreeMap::new();
    for year_text in &args.years {
        let year: CollectionYear = year_text.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
        for &seed in &args.seeds {
            let las: Vec<LaCode> = args.las.iter().filter_map(|c| LaCode::new(*c).ok()).collect();
            let generated = carelens_generate::generate(
                &GenerateOptions::new(year).las(las).seed(seed).error_rate(args.errors),
            )?;
            let dir = work.path().join(format!("{}-{seed}", year.end_year()));
            carelens_generate::write(&generated, &dir, OutputFormat::Csv, |_| {})?;
            for g in &generated {
                let la_dir = dir.join(g.la.to_string());
                let cur = la_dir.join(year_dir(year));
                let last = la_dir.join(year_dir(year.previous()));
                let gss = carelens_geo::la(g.la).map(|l| l.gss.clone()).context("LA register")?;
                let reference =
                    run_reference(&args.python, script, year, &gss, &cur, &last, &args.rules)?;
                let ours = run_carelens(g.la, year, &cur, &last, &args.rules);
                let ran: BTreeSet<&str> = reference.rules_run.iter().map(String::as_str).collect();
                for code in &reference.failed {
                    table.entry(code.clone()).or_default().reference_failed_runs += 1;
                }
                let theirs: BTreeSet<Key> = reference
                    .findings
                    .iter()
                    .filter(|f| !reference.failed.contains(&f.rule))
                    .map(|f| (f.rule.clone(), f.table.clone(), f.row))
                    .collect();
                // Compare only rules the reference ran (it skips those lacking inputs).
                let ours: BTreeSet<Key> =
                    ours.into_iter().filter(|k| ran.contains(k.0.as_str())).collect();
                let label = format!("{} seed {seed} LA {}", year, g.la);
                for k in theirs.union(&ours) {
                    let a = table.entry(k.0.clone()).or_default();
                    match (theirs.contains(k), ours.contains(k)) {
                        (true, true) => a.both += 1,
                        (true, false) => {
                            a.reference_only += 1;
                            if a.examples.len() < args.examples {
                                a.examples
                                    .push(format!("only reference: {} row {} ({label})", k.1, k.2));
                            }
                        }
                        _ => {
                            a.carelens_only += 1;
                            if a.examples.len() < args.examples {
                                a.examples
                                    .push(format!("only carelens: {} row {} ({label})", k.1, k.2));
                            }
                        }
                    }
                }
                for code in &ran {
                    table.entry((*code).to_owned()).or_default();
                }
            }
        }
    }
    print_table(&table, out)?;
    if let Some(p) = &args.json {
        std::fs::write(p, serde_json::to_vec_pretty(&table)?)?;
    }
    Ok(())
}

fn year_dir(y: CollectionYear) -> String {
    format!("{}-{:02}", y.end_year() - 1, y.end_year().rem_euclid(100))
}

fn run_reference(
    python: &Path,
    script: &Path,
    year: CollectionYear,
    gss: &str,
    cur: &Path,
    last: &Path,
    rules: &[String],
) -> anyhow::Result<RefOutput> {
    let mut cmd = Command::new(python);
    cmd.arg(script)
        .args(["--year", &year.end_year().to_string(), "--la", gss, "--current"])
        .arg(cur)
        .arg("--last")
        .arg(last);
    if !rules.is_empty() {
        cmd.args(["--select", &rules.join(",")]);
    }
    let output = cmd.output().with_context(|| format!("running {}", python.display()))?;
    if !output.status.success() {
        bail!("the reference failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    serde_json::from_slice(&output.stdout).context("reading the reference's JSON")
}

fn run_carelens(
    la: LaCode,
    year: CollectionYear,
    cur: &Path,
    last: &Path,
    rules: &[String],
) -> BTreeSet<Key> {
    let current =
        read_paths(&[cur.to_path_buf()], &ReadOptions::new().la(Some(la)).year(Some(year)));
    let previous = read_paths(
        &[last.to_path_buf()],
        &ReadOptions::new().la(Some(la)).year(Some(year.previous())),
    );
    let Some(mut set) = current.returns.into_iter().next() else { return BTreeSet::new() };
    set.previous = previous.returns.into_iter().map(|r| r.current).collect();
    for r in std::iter::once(&mut set.current).chain(set.previous.iter_mut()) {
        carelens_geo::derive_placement_geo(r, Some(la), true);
    }
    let select = (!rules.is_empty()).then(|| rules.to_vec());
    let v = validate(&set, &ValidateOptions::new(year).la(Some(la)).select(select));
    v.findings
        .into_iter()
        .map(|f| {
            (
                f.code.to_owned(),
                if f.last_year { format!("{}_last", f.table) } else { f.table.to_string() },
                f.row,
            )
        })
        .collect()
}

fn print_table(table: &BTreeMap<String, Agreement>, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(
        out,
        "{:<10} {:>8} {:>10} {:>10} {:>7}  notes",
        "rule", "both", "ref only", "ours only", "agree"
    )?;
    let (mut both, mut r_only, mut o_only) = (0, 0, 0);
    let mut rows: Vec<(&String, &Agreement)> = table.iter().collect();
    rows.sort_by_key(|(c, _)| sort_key(c));
    for (code, a) in rows {
        both += a.both;
        r_only += a.reference_only;
        o_only += a.carelens_only;
        let total = a.both + a.reference_only + a.carelens_only;
        let agree = if total == 0 {
            "–".to_owned()
        } else {
            format!("{:.1}%", 100.0 * a.both as f64 / total as f64)
        };
        let note = if a.reference_failed_runs > 0 {
            format!("reference crashed in {} runs", a.reference_failed_runs)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{code:<10} {:>8} {:>10} {:>10} {agree:>7}  {note}",
            a.both, a.reference_only, a.carelens_only
        )?;
        for e in &a.examples {
            writeln!(out, "           {e}")?;
        }
    }
    let reference_total = both + r_only;
    writeln!(out)?;
    writeln!(
        out,
        "reproduced {both} of {reference_total} reference findings ({:.2}%), {o_only} extra ({:.2}% of the reference's)",
        100.0 * both as f64 / reference_total.max(1) as f64,
        100.0 * o_only as f64 / reference_total.max(1) as f64
    )?;
    Ok(())
}

fn sort_key(code: &str) -> (u32, u32, String) {
    let digits: String = code.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<u32>() {
        Ok(n) => (0, n, code[digits.len()..].to_owned()),
        Err(_) => (1, 0, code.to_owned()),
    }
}
