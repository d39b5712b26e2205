//! The differential harness: carelens against the reference validator, finding by finding.
//!
//! For every year × error rate × seed it generates the LAs' returns (this year and last), runs
//! the reference (`tools/reference/run_reference.py`, each rule on its own deep copy of the
//! data) and carelens on the same CSV files, and compares the findings as (rule, table, row).
//!
//! * **Registry.** First it checks that carelens declares, for each year, exactly the codes of
//!   the reference's registry (`run_reference.py --list-registry`).
//! * **Explained differences.** The index of `docs/disagreements.md` lists, per rule, the years
//!   and the side (reference only, carelens only) where carelens deliberately differs; a
//!   difference it covers counts as *explained*, any other as *unexplained*.
//! * **Cache.** The reference's output depends only on its inputs, so it is cached under
//!   `--cache` by a hash of the script, the year, the LA, the selected rules and every input
//!   file: re-running after a change to carelens takes seconds, not hours.
//! * Rules the reference could not run (it crashed) or skipped (a table missing) are left out of
//!   the comparison and counted apart.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, bail};
use carelens_generate::{GenerateOptions, OutputFormat};
use carelens_ingest::{ReadOptions, read_paths};
use carelens_model::codes::LegalStatus;
use carelens_model::{
    AnyRow, CollectionYear, Episode, LaCode, PlacementArea, Return903, Returns, TableKind,
};
use carelens_rules::{ValidateOptions, rules_for, validate};
use serde::Deserialize;

const SCRIPT: &str = "tools/reference/run_reference.py";

/// Arguments of `diff-reference`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Python of the virtualenv with the reference validator (tools/reference/README.md).
    #[arg(long, env = "CARELENS_REFERENCE_PYTHON", default_value = "/work/venv903/bin/python")]
    python: PathBuf,
    /// Seeds to generate with (use ones not used in development for the figures you report).
    #[arg(long, value_delimiter = ',', default_value = "101,102,103")]
    seeds: Vec<u64>,
    /// LAs to generate (DfE codes): small, medium and large ones.
    #[arg(long, value_delimiter = ',', default_value = "316,888,330")]
    las: Vec<u16>,
    /// Collection years to validate.
    #[arg(long, value_delimiter = ',', default_value = "2022/23,2023/24,2024/25,2025/26,2026/27")]
    years: Vec<String>,
    /// Shares of rows given a mistake (each is a separate run).
    #[arg(long, value_delimiter = ',', default_value = "0.02")]
    errors: Vec<f64>,
    /// Only these rules.
    #[arg(long, value_delimiter = ',')]
    rules: Vec<String>,
    /// Reference runs at once (each is one Python process).
    #[arg(long, default_value_t = 1)]
    jobs: usize,
    /// Where the reference's outputs are cached.
    #[arg(long, default_value = "target/diff-reference-cache")]
    cache: PathBuf,
    /// Run the reference even when its output is cached.
    #[arg(long)]
    no_cache: bool,
    /// Keep the generated returns here (`<errors>/<year>-<seed>/<la>/<yyyy-yy>/`) instead of a
    /// temporary folder, to replay differences.
    #[arg(long)]
    keep: Option<PathBuf>,
    /// Run the reference as shipped: shallow per-rule copies, so rule 365 changes what later
    /// rules see (docs/disagreements.md, "Rule order").
    #[arg(long)]
    as_shipped: bool,
    /// The disagreements file whose index classifies differences.
    #[arg(long, default_value = "docs/disagreements.md")]
    disagreements: PathBuf,
    /// Write every difference here as CSV (year, errors, seed, la, rule, table, row, child,
    /// side, explained by).
    #[arg(long)]
    differences: Option<PathBuf>,
    /// Write the per-rule and per-year tables as JSON here too.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Print up to this many example differences per rule.
    #[arg(long, default_value_t = 3)]
    examples: usize,
    /// List every rule compared, not only those that differ.
    #[arg(long)]
    all_rules: bool,
}

#[derive(Debug, Deserialize)]
struct RefOutput {
    rules_run: Vec<String>,
    #[serde(default)]
    skipped: Vec<String>,
    failed: Vec<String>,
    /// Failed rules that returned rows missing from their table.
    #[serde(default)]
    unmappable: Vec<String>,
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

/// Which tool reported a finding the other did not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
enum Side {
    /// Only the reference.
    Reference,
    /// Only carelens.
    Carelens,
}

impl Side {
    fn label(self) -> &'static str {
        match self {
            Self::Reference => "only reference",
            Self::Carelens => "only carelens",
        }
    }
}

/// One row of the disagreements file's index: differences on `code` in `years`, on `sides`,
/// where any of `when` holds, are explained by the entry titled `entry`.
#[derive(Debug, Clone)]
struct Known {
    code: String,
    years: Vec<CollectionYear>,
    sides: Vec<Side>,
    when: Vec<Condition>,
    entry: String,
}

/// When a known disagreement applies to a finding: the cause the entry documents, checked on
/// the data, so that a difference with another cause on the same rule stays unexplained.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Condition {
    /// Every difference on the rule.
    Always,
    /// The Episodes row is placed in, or the validating LA is, an authority whose ONS code
    /// changed after 2021 (the reference's postcode → LA lookup does not know them).
    RecodedLa,
    /// The row's child has a different Header `UASC` flag in the reference (this year or last),
    /// which derives the flags by position from a merge that a duplicated UASC row makes longer
    /// than Header.
    UascFlagShifted,
    /// The row's child has no readable `DOB` in this year's Header, or is 20 or over at 31 March.
    AgedTwentyOrNoDob,
    /// The row's child has no readable `DOB` in this year's Header.
    NoDob,
    /// The Episodes row has a Northern Ireland (`BT`) home or placement postcode.
    NorthernIrelandPostcode,
    /// The row's child has no open episode other than a short break this year.
    NotLookedAfterAt31March,
    /// The row's child is coded 1/2 in one year's Header and M/F in the other's, with the same
    /// meaning.
    SexRecoded,
    /// The row's `column` holds `value` (compared ignoring case, as sent).
    Field { column: String, value: String },
}

impl Condition {
    fn parse(text: &str) -> anyhow::Result<Self> {
        Ok(match text.trim().trim_matches('`') {
            "" | "always" => Self::Always,
            "recoded-la" => Self::RecodedLa,
            "uasc-flag-shifted" => Self::UascFlagShifted,
            "aged-20-or-no-dob" => Self::AgedTwentyOrNoDob,
            "no-dob" => Self::NoDob,
            "ni-postcode" => Self::NorthernIrelandPostcode,
            "not-looked-after-at-31-march" => Self::NotLookedAfterAt31March,
            "sex-recoded" => Self::SexRecoded,
            other => match other.split_once('=') {
                Some((c, v)) => Self::Field {
                    column: c.trim().to_ascii_uppercase(),
                    value: v.trim().to_ascii_uppercase(),
                },
                None => bail!("unknown condition {other:?}"),
            },
        })
    }
}

/// Agreement on one rule, or one year.
#[derive(Default, Clone, serde::Serialize)]
struct Agreement {
    both: usize,
    reference_only: usize,
    carelens_only: usize,
    explained_reference_only: usize,
    explained_carelens_only: usize,
    /// Runs in which the reference crashed on this rule (not compared).
    reference_failed_runs: usize,
    /// Of those, runs in which it returned rows missing from the table (as shipped, that stops
    /// the whole validation).
    reference_unmappable_runs: usize,
    /// carelens findings on rules the reference skipped for want of a table (not compared).
    carelens_on_skipped: usize,
    #[serde(skip)]
    entries: BTreeSet<String>,
    #[serde(skip)]
    examples: Vec<String>,
}

impl Agreement {
    fn reference(&self) -> usize {
        self.both + self.reference_only
    }
    fn explained(&self) -> usize {
        self.explained_reference_only + self.explained_carelens_only
    }
    fn unexplained(&self) -> usize {
        self.reference_only + self.carelens_only - self.explained()
    }
    fn add(&mut self, o: &Agreement) {
        self.both += o.both;
        self.reference_only += o.reference_only;
        self.carelens_only += o.carelens_only;
        self.explained_reference_only += o.explained_reference_only;
        self.explained_carelens_only += o.explained_carelens_only;
        self.reference_failed_runs += o.reference_failed_runs;
        self.reference_unmappable_runs += o.reference_unmappable_runs;
        self.carelens_on_skipped += o.carelens_on_skipped;
    }
}

/// One LA's returns to compare.
struct Task {
    year: CollectionYear,
    errors: f64,
    seed: u64,
    la: LaCode,
    gss: String,
    cur: PathBuf,
    last: PathBuf,
}

impl Task {
    fn label(&self) -> String {
        format!("{} errors {} seed {} LA {}", self.year, self.errors, self.seed, self.la)
    }
}

/// One difference, for the report and the CSV.
struct Difference {
    key: Key,
    side: Side,
    child: String,
    explained_by: Option<String>,
}

/// What one task found.
struct Outcome {
    ran: BTreeSet<String>,
    failed: Vec<String>,
    unmappable: Vec<String>,
    both: BTreeMap<String, usize>,
    differences: Vec<Difference>,
    ours_on_skipped: BTreeMap<String, usize>,
    cached: bool,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<()> {
    let script = Path::new(SCRIPT);
    if !script.exists() {
        bail!("run from the repository root ({SCRIPT} not found)");
    }
    let years: Vec<CollectionYear> = args
        .years
        .iter()
        .map(|y| y.parse().map_err(|e| anyhow::anyhow!("--years {y}: {e}")))
        .collect::<anyhow::Result<_>>()?;
    let registry_ok = check_registry(&args.python, script, &years, out)?;
    let known = read_known(&args.disagreements)?;
    writeln!(
        out,
        "{} known disagreements read from {}\n",
        known.len(),
        args.disagreements.display()
    )?;

    let temp = tempfile::tempdir()?;
    let root = args.keep.clone().unwrap_or_else(|| temp.path().to_path_buf());
    let mut tasks = Vec::new();
    for &year in &years {
        for &errors in &args.errors {
            for &seed in &args.seeds {
                let las: Vec<LaCode> =
                    args.las.iter().filter_map(|c| LaCode::new(*c).ok()).collect();
                let dir =
                    root.join(format!("{errors}")).join(format!("{}-{seed}", year.end_year()));
                let generated = carelens_generate::generate(
                    &GenerateOptions::new(year).las(las).seed(seed).error_rate(errors),
                )?;
                carelens_generate::write(&generated, &dir, OutputFormat::Csv, |_| {})?;
                for g in &generated {
                    let la_dir = dir.join(g.la.to_string());
                    let gss =
                        carelens_geo::la(g.la).map(|l| l.gss.clone()).context("LA register")?;
                    tasks.push(Task {
                        year,
                        errors,
                        seed,
                        la: g.la,
                        gss,
                        cur: la_dir.join(year_dir(year)),
                        last: la_dir.join(year_dir(year.previous())),
                    });
                }
            }
        }
    }

    let outcomes = run_tasks(args, script, &tasks, &known)?;

    let mut by_rule: BTreeMap<String, Agreement> = BTreeMap::new();
    let mut by_entry: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_year: BTreeMap<CollectionYear, Agreement> = BTreeMap::new();
    let mut csv_rows = Vec::new();
    let mut failed_tasks = Vec::new();
    for (task, o) in tasks.iter().zip(&outcomes) {
        let Some(o) = o else {
            failed_tasks.push(task.label());
            continue;
        };
        let year = by_year.entry(task.year).or_default();
        let mut per_task: BTreeMap<&str, Agreement> = BTreeMap::new();
        for code in &o.ran {
            per_task.entry(code).or_default();
        }
        for code in &o.failed {
            per_task.entry(code).or_default().reference_failed_runs += 1;
        }
        for code in &o.unmappable {
            per_task.entry(code).or_default().reference_unmappable_runs += 1;
        }
        for (code, n) in &o.ours_on_skipped {
            per_task.entry(code).or_default().carelens_on_skipped += n;
        }
        for (code, n) in &o.both {
            per_task.entry(code).or_default().both += n;
        }
        for d in &o.differences {
            let a = per_task.entry(&d.key.0).or_default();
            match d.side {
                Side::Reference => a.reference_only += 1,
                Side::Carelens => a.carelens_only += 1,
            }
            match &d.explained_by {
                Some(entry) => {
                    *by_entry.entry(entry.clone()).or_default() += 1;
                    match d.side {
                        Side::Reference => a.explained_reference_only += 1,
                        Side::Carelens => a.explained_carelens_only += 1,
                    }
                    a.entries.insert(entry.clone());
                }
                None => {
                    if a.examples.len() < args.examples {
                        a.examples.push(format!(
                            "{}: {} row {} child {} ({})",
                            d.side.label(),
                            d.key.1,
                            d.key.2,
                            d.child,
                            task.label()
                        ));
                    }
                }
            }
            csv_rows.push(format!(
                "{},{},{},{},{},{},{},{},{},\"{}\"",
                task.year,
                task.errors,
                task.seed,
                task.la,
                d.key.0,
                d.key.1,
                d.key.2,
                d.child,
                match d.side {
                    Side::Reference => "reference",
                    Side::Carelens => "carelens",
                },
                d.explained_by.as_deref().unwrap_or("").replace('"', "'")
            ));
        }
        for (code, a) in per_task {
            year.add(&a);
            let total = by_rule.entry(code.to_owned()).or_default();
            total.add(&a);
            total.entries.extend(a.entries);
            for e in a.examples {
                if total.examples.len() < args.examples {
                    total.examples.push(e);
                }
            }
        }
    }
    print_rules(&by_rule, args.all_rules, out)?;
    print_years(&by_year, out)?;
    if !by_entry.is_empty() {
        writeln!(out, "\ndifferences explained, by entry of {}:", args.disagreements.display())?;
        for (entry, n) in &by_entry {
            writeln!(out, "{n:>8}  {entry}")?;
        }
    }
    let cached = outcomes.iter().flatten().filter(|o| o.cached).count();
    writeln!(
        out,
        "\n{} runs ({} reference outputs from the cache); seeds {:?}, LAs {:?}, errors {:?}",
        tasks.len(),
        cached,
        args.seeds,
        args.las,
        args.errors
    )?;
    for t in &failed_tasks {
        writeln!(out, "NOT COMPARED (the reference could not run): {t}")?;
    }
    if let Some(p) = &args.differences {
        let mut text = String::from("year,errors,seed,la,rule,table,row,child,side,explained_by\n");
        for r in csv_rows {
            text.push_str(&r);
            text.push('\n');
        }
        std::fs::write(p, text).with_context(|| format!("writing {}", p.display()))?;
    }
    if let Some(p) = &args.json {
        let years: BTreeMap<String, &Agreement> =
            by_year.iter().map(|(y, a)| (y.to_string(), a)).collect();
        let doc = serde_json::json!({ "rules": by_rule, "years": years, "entries": by_entry });
        std::fs::write(p, serde_json::to_vec_pretty(&doc)?)?;
    }
    if !registry_ok {
        bail!("carelens's rules differ from the reference's registry (see above)");
    }
    Ok(())
}

/// Runs the tasks, `args.jobs` at a time, in task order.
fn run_tasks(
    args: &Args,
    script: &Path,
    tasks: &[Task],
    known: &[Known],
) -> anyhow::Result<Vec<Option<Outcome>>> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<anyhow::Result<Outcome>>>> =
        Mutex::new((0..tasks.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..args.jobs.max(1) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(task) = tasks.get(i) else { break };
                    let r = run_task(args, script, task, known);
                    let n = done.fetch_add(1, Ordering::SeqCst) + 1;
                    let note = match &r {
                        Ok(o) => format!(
                            "{} differences{}",
                            o.differences.len(),
                            if o.cached { " (reference cached)" } else { "" }
                        ),
                        Err(e) => format!("failed: {e:#}"),
                    };
                    let _ = writeln!(
                        std::io::stderr(),
                        "[{n}/{}] {}: {note}",
                        tasks.len(),
                        task.label()
                    );
                    if let Ok(mut v) = results.lock() {
                        v[i] = Some(r);
                    }
                }
            });
        }
    });
    let results = results.into_inner().map_err(|_| anyhow::anyhow!("a worker panicked"))?;
    // A task that could not run (the reference crashed outright) is reported above and left
    // out; the others still count.
    Ok(results.into_iter().map(|r| r.and_then(Result::ok)).collect())
}

fn run_task(args: &Args, script: &Path, task: &Task, known: &[Known]) -> anyhow::Result<Outcome> {
    let (reference, cached) = reference_cached(args, script, task)?;
    let (ours, returns) = run_carelens(task, &args.rules);
    let ran: BTreeSet<String> = reference.rules_run.iter().cloned().collect();
    let skipped: BTreeSet<String> =
        reference.skipped.iter().filter(|c| !ran.contains(*c)).cloned().collect();
    let theirs: BTreeSet<Key> = reference
        .findings
        .iter()
        .filter(|f| !reference.failed.contains(&f.rule))
        .map(|f| (f.rule.clone(), f.table.clone(), f.row))
        .collect();
    let mut ours_on_skipped: BTreeMap<String, usize> = BTreeMap::new();
    for k in &ours {
        if skipped.contains(&k.0) {
            *ours_on_skipped.entry(k.0.clone()).or_default() += 1;
        }
    }
    // Compare only rules the reference ran: it skips those lacking a table, and a crash is a
    // failed run, not a finding.
    let ours: BTreeSet<Key> = ours.into_iter().filter(|k| ran.contains(&k.0)).collect();
    let mut both: BTreeMap<String, usize> = BTreeMap::new();
    let mut differences = Vec::new();
    let facts = Facts::new(returns.as_ref(), task.la);
    for k in theirs.union(&ours) {
        let side = match (theirs.contains(k), ours.contains(k)) {
            (true, true) => {
                *both.entry(k.0.clone()).or_default() += 1;
                continue;
            }
            (true, false) => Side::Reference,
            _ => Side::Carelens,
        };
        let explained_by = known
            .iter()
            .find(|e| {
                e.code == k.0
                    && e.years.contains(&task.year)
                    && e.sides.contains(&side)
                    && e.when.iter().any(|c| facts.holds(c, k))
            })
            .map(|e| e.entry.clone());
        differences.push(Difference {
            key: k.clone(),
            side,
            child: child_of(returns.as_ref(), &k.1, k.2),
            explained_by,
        });
    }
    Ok(Outcome {
        ran,
        failed: reference.failed,
        unmappable: reference.unmappable,
        both,
        differences,
        ours_on_skipped,
        cached,
    })
}

/// The authorities (DfE codes) whose ONS codes were created or changed after 2021: Barnsley
/// (370) and Sheffield (373), recoded after the 2023 boundary changes (E08000038, E08000039),
/// and Cumberland (942), Westmorland and Furness (943), North Yorkshire (815) and Somerset
/// (933), created in the 2023 reorganisation. The reference's postcode list gives the new
/// codes, but its LA table (`qlacref_authorities`, 2021) does not know them, so it derives no
/// `PL_LA` for a placement there.
const RECODED_LAS: [u16; 6] = [370, 373, 942, 943, 815, 933];

/// What [`Condition`]s read for one task: the returns as carelens read them.
struct Facts<'r> {
    returns: Option<&'r Returns>,
    la: LaCode,
    uasc_shifted: std::sync::OnceLock<BTreeSet<String>>,
}

impl<'r> Facts<'r> {
    fn new(returns: Option<&'r Returns>, la: LaCode) -> Self {
        Self { returns, la, uasc_shifted: std::sync::OnceLock::new() }
    }

    fn ret(&self, last: bool) -> Option<&'r Return903> {
        let r = self.returns?;
        if last { r.previous.first() } else { Some(&r.current) }
    }

    /// The finding's row, and the return it is in.
    fn row(&self, key: &Key) -> Option<(&'r Return903, TableKind, &'r dyn AnyRow)> {
        let (name, last) = match key.1.strip_suffix("_last") {
            Some(t) => (t, true),
            None => (key.1.as_str(), false),
        };
        let ret = self.ret(last)?;
        let kind = TableKind::from_name(name)?;
        let row = ret.tables.rows(kind).nth(key.2 as usize)?;
        Some((ret, kind, row))
    }

    fn child(&self, key: &Key) -> Option<&'r str> {
        self.row(key).and_then(|(_, _, r)| r.child().value().map(|c| c.as_str()))
    }

    fn holds(&self, c: &Condition, key: &Key) -> bool {
        match c {
            Condition::Always => true,
            Condition::RecodedLa => {
                let recoded = |code: LaCode| RECODED_LAS.contains(&code.get());
                recoded(self.la)
                    || self.episode(key).is_some_and(|e| {
                        matches!(e.geo.and_then(|g| g.pl_la), Some(PlacementArea::La(c)) if recoded(c))
                    })
            }
            Condition::UascFlagShifted => self.child(key).is_some_and(|child| {
                self.uasc_shifted
                    .get_or_init(|| {
                        let mut out = BTreeSet::new();
                        for ret in [self.ret(false), self.ret(true)].into_iter().flatten() {
                            reference_uasc_shift(ret, &mut out);
                        }
                        out
                    })
                    .contains(child)
            }),
            Condition::AgedTwentyOrNoDob => self.child(key).is_some_and(|child| {
                let Some(end) = self.ret(false).and_then(|r| r.year).map(|y| y.end()) else {
                    return false;
                };
                self.dob(child).is_none_or(|d| {
                    d.checked_add(jiff::Span::new().years(20)).is_ok_and(|d20| d20 <= end)
                })
            }),
            Condition::NoDob => self.child(key).is_some_and(|child| self.dob(child).is_none()),
            Condition::NorthernIrelandPostcode => self.episode(key).is_some_and(|e| {
                let bt = |t: &str| t.trim().get(..2).is_some_and(|p| p.eq_ignore_ascii_case("BT"));
                bt(e.pl_post.raw()) || bt(e.home_post.raw())
            }),
            Condition::NotLookedAfterAt31March => self.child(key).is_some_and(|child| {
                !self.ret(false).is_some_and(|ret| {
                    ret.tables.episodes.iter().any(|e| {
                        e.child.value().is_some_and(|c| c.as_str() == child)
                            && e.dec.is_blank()
                            && !e.ls.strict().is_some_and(LegalStatus::is_short_break)
                    })
                })
            }),
            Condition::SexRecoded => self.child(key).is_some_and(|child| {
                let sex = |ret: Option<&Return903>| {
                    ret.and_then(|r| {
                        r.tables
                            .header
                            .iter()
                            .find(|h| h.child.value().is_some_and(|c| c.as_str() == child))
                            .and_then(|h| h.sex.strict())
                    })
                };
                matches!(
                    (sex(self.ret(false)), sex(self.ret(true))),
                    (Some(a), Some(b)) if a != b && a.to_letter() == b.to_letter()
                )
            }),
            Condition::Field { column, value } => self.row(key).is_some_and(|(_, kind, row)| {
                kind.column_index(column)
                    .and_then(|i| row.cell(i))
                    .is_some_and(|cell| cell.raw.trim().eq_ignore_ascii_case(value))
            }),
        }
    }

    /// The child's date of birth in this year's Header (first readable, DfE format).
    fn dob(&self, child: &str) -> Option<carelens_model::Date> {
        self.ret(false)?
            .tables
            .header
            .iter()
            .filter(|h| h.child.value().is_some_and(|c| c.as_str() == child))
            .find_map(|h| h.dob.strict())
    }

    /// The finding's row when it is an Episodes row.
    fn episode(&self, key: &Key) -> Option<&'r Episode> {
        let (name, last) = match key.1.strip_suffix("_last") {
            Some(t) => (t, true),
            None => (key.1.as_str(), false),
        };
        if name != "Episodes" {
            return None;
        }
        self.ret(last)?.tables.episodes.rows.get(key.2 as usize)
    }
}

/// Children whose Header `UASC` flag the reference derives differently from carelens.
///
/// The reference (`ingress.py`) left-merges Header with the UASC table on `CHILD` and sets
/// `header.loc[indicator == "both", "UASC"] = "1"` with the merge's indicator, which pandas
/// aligns by position: when the UASC table has a child twice (or several blank `CHILD` rows,
/// which pandas matches with each other), the merge is longer than Header and every later
/// Header row takes the flag of the row before it.
fn reference_uasc_shift(ret: &Return903, out: &mut BTreeSet<String>) {
    if !ret.tables.header.supplied || !ret.tables.uasc.supplied {
        return;
    }
    let key = |f: &carelens_model::Field<carelens_model::ChildId>| {
        (!f.is_blank()).then(|| f.raw().trim().to_ascii_uppercase())
    };
    let mut matches: BTreeMap<Option<String>, usize> = BTreeMap::new();
    for u in ret.tables.uasc.iter() {
        *matches.entry(key(&u.child)).or_default() += 1;
    }
    let mut indicator: Vec<bool> = Vec::with_capacity(ret.tables.header.len());
    for h in ret.tables.header.iter() {
        match matches.get(&key(&h.child)) {
            Some(&n) => indicator.extend(std::iter::repeat_n(true, n)),
            None => indicator.push(false),
        }
        if indicator.len() >= ret.tables.header.len() {
            break;
        }
    }
    for (h, reference) in ret.tables.header.iter().zip(indicator) {
        let ours = h.uasc.strict() == Some(true);
        if ours != reference
            && let Some(c) = h.child.value()
        {
            out.insert(c.as_str().to_owned());
        }
    }
}

/// The `CHILD` of a row as carelens read it (blank when unknown).
fn child_of(returns: Option<&Returns>, table: &str, row: u32) -> String {
    let (name, last) = match table.strip_suffix("_last") {
        Some(t) => (t, true),
        None => (table, false),
    };
    let Some(returns) = returns else { return String::new() };
    let ret = if last { returns.previous.first() } else { Some(&returns.current) };
    let (Some(ret), Some(kind)) = (ret, TableKind::from_name(name)) else { return String::new() };
    ret.tables
        .rows(kind)
        .nth(row as usize)
        .and_then(|r| r.child().value().map(|c| c.as_str().to_owned()))
        .unwrap_or_default()
}

fn year_dir(y: CollectionYear) -> String {
    format!("{}-{:02}", y.end_year() - 1, y.end_year().rem_euclid(100))
}

/// Checks, for each year, that carelens declares exactly the reference registry's codes.
fn check_registry(
    python: &Path,
    script: &Path,
    years: &[CollectionYear],
    out: &mut dyn Write,
) -> anyhow::Result<bool> {
    let mut ok = true;
    for &year in years {
        let output = Command::new(python)
            .arg(script)
            .args(["--list-registry", "--year", &year.end_year().to_string()])
            .output()
            .with_context(|| format!("running {}", python.display()))?;
        if !output.status.success() {
            bail!("the reference failed: {}", String::from_utf8_lossy(&output.stderr));
        }
        let theirs: BTreeSet<String> =
            serde_json::from_slice(&output.stdout).context("reading the reference's registry")?;
        let ours: BTreeSet<String> = rules_for(year).iter().map(|r| r.code.to_owned()).collect();
        let missing: Vec<&String> = theirs.difference(&ours).collect();
        let extra: Vec<&String> = ours.difference(&theirs).collect();
        if missing.is_empty() && extra.is_empty() {
            writeln!(out, "registry {year}: the same {} codes as the reference", ours.len())?;
        } else {
            ok = false;
            writeln!(
                out,
                "registry {year}: MISMATCH: not declared {missing:?}; not in the reference {extra:?}"
            )?;
        }
    }
    Ok(ok)
}

/// The reference's output for a task, from the cache when it is there.
fn reference_cached(args: &Args, script: &Path, task: &Task) -> anyhow::Result<(RefOutput, bool)> {
    let mut h = Fnv::default();
    h.write(&std::fs::read(script)?);
    h.write(task.year.end_year().to_string().as_bytes());
    h.write(task.gss.as_bytes());
    h.write(args.rules.join(",").as_bytes());
    h.write(if args.as_shipped { b"as-shipped" } else { b"deep-copy!" });
    for dir in [&task.cur, &task.last] {
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        names.sort();
        for p in names {
            h.write(p.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default());
            h.write(&std::fs::read(&p)?);
        }
        h.write(b"|");
    }
    let path = args.cache.join(format!("{:016x}.json", h.0));
    if !args.no_cache
        && let Ok(bytes) = std::fs::read(&path)
        && let Ok(parsed) = serde_json::from_slice::<RefOutput>(&bytes)
    {
        return Ok((parsed, true));
    }
    let bytes = run_reference(args, script, task)?;
    let parsed: RefOutput =
        serde_json::from_slice(&bytes).context("reading the reference's JSON")?;
    std::fs::create_dir_all(&args.cache)?;
    std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    Ok((parsed, false))
}

fn run_reference(args: &Args, script: &Path, task: &Task) -> anyhow::Result<Vec<u8>> {
    let mut cmd = Command::new(&args.python);
    cmd.arg(script)
        .args(["--year", &task.year.end_year().to_string(), "--la", &task.gss, "--current"])
        .arg(&task.cur)
        .arg("--last")
        .arg(&task.last);
    if !args.rules.is_empty() {
        cmd.args(["--select", &args.rules.join(",")]);
    }
    if args.as_shipped {
        cmd.arg("--as-shipped");
    }
    let output = cmd.output().with_context(|| format!("running {}", args.python.display()))?;
    if !output.status.success() {
        bail!("the reference failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(output.stdout)
}

/// 64-bit FNV-1a: a stable hash for cache keys (std's hasher may change between releases).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
}

fn run_carelens(task: &Task, rules: &[String]) -> (BTreeSet<Key>, Option<Returns>) {
    let la = task.la;
    let current = read_paths(
        std::slice::from_ref(&task.cur),
        &ReadOptions::new().la(Some(la)).year(Some(task.year)),
    );
    let previous = read_paths(
        std::slice::from_ref(&task.last),
        &ReadOptions::new().la(Some(la)).year(Some(task.year.previous())),
    );
    let Some(mut set) = current.returns.into_iter().next() else {
        return (BTreeSet::new(), None);
    };
    set.previous = previous.returns.into_iter().map(|r| r.current).collect();
    for r in std::iter::once(&mut set.current).chain(set.previous.iter_mut()) {
        carelens_geo::derive_placement_geo(r, Some(la), true);
    }
    let select = (!rules.is_empty()).then(|| rules.to_vec());
    let v = validate(&set, &ValidateOptions::new(task.year).la(Some(la)).select(select));
    let keys = v
        .findings
        .into_iter()
        .map(|f| {
            (
                f.code.to_owned(),
                if f.last_year { format!("{}_last", f.table) } else { f.table.to_string() },
                f.row,
            )
        })
        .collect();
    (keys, Some(set))
}

/// Reads the index of the disagreements file: the Markdown table under `## Index`, one row per
/// rule and cause: `| rule(s) | years | differs | when | findings | entry |`. Years: `all`, a
/// year (`2024/25`), a range (`2024/25–2026/27`), `2024/25 on`, or a comma-separated list of
/// those. Differs: `reference only`, `carelens only` or `both`. When: `always` or
/// comma-separated [`Condition`]s (any may hold). Findings (the count in the final run) is for
/// the reader; the entry is a Markdown link whose text names the entry.
fn read_known(path: &Path) -> anyhow::Result<Vec<Known>> {
    let Ok(text) = std::fs::read_to_string(path) else {
        // Without the file every difference is unexplained.
        return Ok(Vec::new());
    };
    let mut in_index = false;
    let mut known = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with("## ") {
            in_index = line.trim() == "## Index";
            continue;
        }
        if !in_index || !line.starts_with('|') {
            continue;
        }
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() < 6 || cells[0].eq_ignore_ascii_case("rule") || cells[0].starts_with("--") {
            continue;
        }
        let at = || format!("{}:{}", path.display(), n + 1);
        let years = parse_years(cells[1]).with_context(at)?;
        let sides = match cells[2].to_ascii_lowercase().as_str() {
            "reference only" => vec![Side::Reference],
            "carelens only" => vec![Side::Carelens],
            "both" => vec![Side::Reference, Side::Carelens],
            // An entry that explains no difference (the reference fails on the rule, or the
            // two agree on the harness's data): listed for the reader.
            "none" => Vec::new(),
            other => {
                bail!(
                    "{}: differs {other:?}: expected reference only, carelens only, both or none",
                    at()
                )
            }
        };
        let when = cells[3]
            .split(',')
            .map(Condition::parse)
            .collect::<anyhow::Result<Vec<_>>>()
            .with_context(at)?;
        let entry = cells[5]
            .split_once("](")
            .map_or(cells[5], |(t, _)| t.trim_start_matches('['))
            .to_owned();
        for code in cells[0].split(',').map(|c| c.trim().trim_matches('`')) {
            known.push(Known {
                code: code.to_owned(),
                years: years.clone(),
                sides: sides.clone(),
                when: when.clone(),
                entry: entry.clone(),
            });
        }
    }
    Ok(known)
}

fn parse_years(text: &str) -> anyhow::Result<Vec<CollectionYear>> {
    let all = CollectionYear::SUPPORTED;
    let parse = |s: &str| -> anyhow::Result<CollectionYear> {
        let year: CollectionYear =
            s.trim().parse().map_err(|e| anyhow::anyhow!("year {s:?}: {e}"))?;
        anyhow::ensure!(all.contains(&year), "year {s:?} is not a supported collection year");
        Ok(year)
    };
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim) {
        if part.eq_ignore_ascii_case("all") {
            out.extend(all);
        } else if let Some(from) = part.strip_suffix(" on") {
            let from = parse(from)?;
            out.extend(all.into_iter().filter(|y| *y >= from));
        } else if let Some((a, b)) = part.split_once('–').or_else(|| part.split_once("..")) {
            let (a, b) = (parse(a)?, parse(b)?);
            out.extend(all.into_iter().filter(|y| a <= *y && *y <= b));
        } else {
            out.push(parse(part)?);
        }
    }
    Ok(out)
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 { "–".to_owned() } else { format!("{:.2}%", 100.0 * n as f64 / d as f64) }
}

fn print_rules(
    table: &BTreeMap<String, Agreement>,
    all: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    writeln!(
        out,
        "{:<10} {:>7} {:>9} {:>10} {:>10} {:>12}  notes",
        "rule", "both", "ref only", "ours only", "explained", "unexplained"
    )?;
    let mut rows: Vec<(&String, &Agreement)> = table.iter().collect();
    rows.sort_by_key(|(c, _)| sort_key(c));
    for (code, a) in rows {
        let differs = a.reference_only + a.carelens_only > 0;
        if !all && !differs && a.reference_failed_runs == 0 && a.carelens_on_skipped == 0 {
            continue;
        }
        let mut notes = Vec::new();
        if a.reference_failed_runs > 0 {
            notes.push(format!("reference crashed in {} runs", a.reference_failed_runs));
        }
        if a.reference_unmappable_runs > 0 {
            notes.push(format!(
                "{} of them returning rows not in the table",
                a.reference_unmappable_runs
            ));
        }
        if a.carelens_on_skipped > 0 {
            notes.push(format!(
                "{} carelens findings where the reference skipped",
                a.carelens_on_skipped
            ));
        }
        notes.extend(a.entries.iter().cloned());
        writeln!(
            out,
            "{code:<10} {:>7} {:>9} {:>10} {:>10} {:>12}  {}",
            a.both,
            a.reference_only,
            a.carelens_only,
            a.explained(),
            a.unexplained(),
            notes.join("; ")
        )?;
        for e in &a.examples {
            writeln!(out, "           {e}")?;
        }
    }
    Ok(())
}

fn print_years(
    table: &BTreeMap<CollectionYear, Agreement>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "{:<8} {:>9} {:>10} {:>8} {:>8} {:>9} {:>11} {:>10} {:>8} {:>11} {:>10}",
        "year",
        "reference",
        "reproduced",
        "missed",
        "extra",
        "explained",
        "unexplained",
        "reproduced",
        "extra",
        "reproduced*",
        "extra*"
    )?;
    let mut total = Agreement::default();
    let rows: Vec<(String, &Agreement)> = table.iter().map(|(y, a)| (y.to_string(), a)).collect();
    for (y, a) in &rows {
        total.add(a);
        print_year(y, a, out)?;
    }
    print_year("all", &total, out)?;
    writeln!(
        out,
        "\nreproduced/extra: of the reference's findings. *: leaving out the reference findings \
         explained as reference defects, and counting only unexplained extras."
    )?;
    Ok(())
}

fn print_year(y: &str, a: &Agreement, out: &mut dyn Write) -> anyhow::Result<()> {
    let base = a.reference() - a.explained_reference_only;
    let unexplained_extra = a.carelens_only - a.explained_carelens_only;
    writeln!(
        out,
        "{y:<8} {:>9} {:>10} {:>8} {:>8} {:>9} {:>11} {:>10} {:>8} {:>11} {:>10}",
        a.reference(),
        a.both,
        a.reference_only,
        a.carelens_only,
        a.explained(),
        a.unexplained(),
        pct(a.both, a.reference()),
        pct(a.carelens_only, a.reference()),
        pct(a.both, base),
        pct(unexplained_extra, base),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_the_index_are_read() {
        let y = |s: &str| parse_years(s).unwrap().iter().map(|y| y.to_string()).collect::<Vec<_>>();
        assert_eq!(y("2024/25"), ["2024/25"]);
        assert_eq!(y("2025/26 on"), ["2025/26", "2026/27"]);
        assert_eq!(y("2022/23–2023/24"), ["2022/23", "2023/24"]);
        assert_eq!(y("all").len(), 5);
        assert_eq!(y("2022/23, 2026/27"), ["2022/23", "2026/27"]);
        assert!(parse_years("2019/20").is_err());
    }

    #[test]
    fn index_rows_become_known_disagreements() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("d.md");
        std::fs::write(
            &p,
            "# x\n## Index\n| Rule | Years | Differs | Entry |\n|---|---|---|---|\n\
             | 146 | 2024/25 | reference only | PLACE=K3 | 12 | [146: K3](#146) |\n\
             | 502, 503A | all | both | always | 0 | [502: idxmin](#502) |\n\
             ## 146\n| not | an | index | row | at | all |\n",
        )
        .unwrap();
        let k = read_known(&p).unwrap();
        assert_eq!(k.len(), 3);
        assert_eq!(k[0].code, "146");
        assert_eq!(k[0].sides, [Side::Reference]);
        assert_eq!(k[0].entry, "146: K3");
        assert_eq!(k[0].when, [Condition::Field { column: "PLACE".into(), value: "K3".into() }]);
        assert_eq!(k[1].when, [Condition::Always]);
        assert_eq!(k[2].code, "503A");
        assert_eq!(k[2].sides, [Side::Reference, Side::Carelens]);
        assert_eq!(k[2].years.len(), 5);
    }

    #[test]
    fn cache_keys_separate_their_parts() {
        let mut a = Fnv::default();
        a.write(b"ab");
        a.write(b"c");
        let mut b = Fnv::default();
        b.write(b"a");
        b.write(b"bc");
        assert_ne!(a.0, b.0);
    }
}
