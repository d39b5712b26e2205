//! `carelens inspect PATH…`: what was read, and everything that was wrong with it.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use carelens_ingest::{DiagnosticKind, Ingested, ReadOptions, Severity};
use carelens_model::{CollectionYear, LaCode, Return903, TableKind};

use crate::ExitStatus;
use crate::table::{Align, TextTable, pct_diff, thousands};

/// Arguments of `carelens inspect`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files or folders of returns (CSV or XML); folders are read recursively.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The LA the files are from (DfE 3-digit code), when folders do not say.
    #[arg(long)]
    la: Option<String>,
    /// The collection year of every file given (e.g. 2024/25), when folders do not say.
    #[arg(long)]
    year: Option<String>,
    /// Examples to show for each kind of diagnostic.
    #[arg(long, default_value_t = 3)]
    examples: usize,
    /// Show every diagnostic.
    #[arg(long)]
    all: bool,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let la = match &args.la {
        Some(l) => crate::commands::parse_las(std::slice::from_ref(l))?.into_iter().next(),
        None => None,
    };
    let year = args.year.as_deref().map(crate::commands::parse_year).transpose()?;
    let options = ReadOptions::new().la(la).year(year);
    let started = Instant::now();
    let ingested = read_with_progress(&args.paths, &options);
    let elapsed = started.elapsed();
    report(&ingested, elapsed.as_secs_f64(), args.examples, args.all, out)?;
    let any_data = ingested.returns.iter().any(|r| !r.current.sources.is_empty());
    let errors = ingested.diagnostics.iter().any(|d| d.severity == Severity::Error);
    Ok(match (any_data, errors) {
        (false, _) => ExitStatus::Failure,
        (true, true) => ExitStatus::Findings,
        (true, false) => ExitStatus::Clean,
    })
}

pub(crate) fn read_with_progress(paths: &[PathBuf], options: &ReadOptions) -> Ingested {
    let pb = crate::progress::bar(0, "reading");
    let ingested = carelens_ingest::read_paths_with_progress(paths, options, &|done, total| {
        pb.set_length(total as u64);
        pb.set_position(done as u64);
    });
    pb.finish_and_clear();
    ingested
}

fn all_returns(ing: &Ingested) -> impl Iterator<Item = &Return903> {
    ing.returns.iter().flat_map(|r| std::iter::once(&r.current).chain(r.previous.iter()))
}

fn report(
    ing: &Ingested,
    seconds: f64,
    examples: usize,
    all: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let csv =
        ing.files.iter().filter(|f| f.format == Some(carelens_model::SourceFormat::Csv)).count();
    let xml =
        ing.files.iter().filter(|f| f.format == Some(carelens_model::SourceFormat::Xml)).count();
    let rows: usize = all_returns(ing)
        .map(|r| TableKind::ALL.iter().map(|k| r.tables.len(*k)).sum::<usize>())
        .sum();
    writeln!(
        out,
        "Read {} files ({csv} CSV, {xml} XML, {} not read): {} rows in {seconds:.2} s",
        thousands(ing.files.len() as u64),
        ing.files.len() - csv - xml,
        thousands(rows as u64),
    )?;

    // Years and LAs.
    let mut years: BTreeMap<Option<CollectionYear>, usize> = BTreeMap::new();
    for r in all_returns(ing) {
        *years.entry(r.year).or_default() += 1;
    }
    let las: Vec<Option<LaCode>> = ing.returns.iter().map(|r| r.current.la).collect();
    let known_las = las.iter().flatten().count();
    writeln!(
        out,
        "LAs: {known_las}{}",
        if las.contains(&None) { " (and files from an LA not named: give --la)" } else { "" }
    )?;
    for (y, n) in &years {
        let label = y.map_or_else(|| "year unknown".to_owned(), |y| y.to_string());
        writeln!(out, "  {label}: {n} return{}", if *n == 1 { "" } else { "s" })?;
    }

    // Tables by year.
    writeln!(out, "\nTables")?;
    let year_list: Vec<Option<CollectionYear>> = years.keys().copied().collect();
    let mut cols: Vec<(String, Align)> = vec![("table".into(), Align::Left)];
    cols.extend(
        year_list.iter().map(|y| (y.map_or("unknown".into(), |y| y.to_string()), Align::Right)),
    );
    let col_refs: Vec<(&str, Align)> = cols.iter().map(|(h, a)| (h.as_str(), *a)).collect();
    let mut t = TextTable::new(&col_refs);
    let mut children_row = vec!["children".to_owned()];
    for y in &year_list {
        let n: usize = all_returns(ing).filter(|r| r.year == *y).map(|r| r.children().len()).sum();
        children_row.push(thousands(n as u64));
    }
    for &kind in TableKind::ALL {
        let counts: Vec<Option<usize>> = year_list
            .iter()
            .map(|y| {
                let rs: Vec<&Return903> = all_returns(ing).filter(|r| r.year == *y).collect();
                rs.iter()
                    .any(|r| r.tables.is_supplied(kind))
                    .then(|| rs.iter().map(|r| r.tables.len(kind)).sum())
            })
            .collect();
        if counts.iter().all(Option::is_none) {
            continue;
        }
        let mut row = vec![kind.name().to_owned()];
        row.extend(
            counts.into_iter().map(|c| c.map_or_else(|| "–".into(), |n| thousands(n as u64))),
        );
        t.row(row);
    }
    t.row(children_row);
    write!(out, "{}", t.render("  "))?;

    diagnostics(ing, examples, all, out)?;
    published::compare(ing, out)?;
    Ok(())
}

fn diagnostics(
    ing: &Ingested,
    examples: usize,
    all: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let count = |s: Severity| ing.diagnostics.iter().filter(|d| d.severity == s).count();
    writeln!(
        out,
        "\nDiagnostics: {} errors, {} warnings, {} notes",
        thousands(count(Severity::Error) as u64),
        thousands(count(Severity::Warning) as u64),
        thousands(count(Severity::Info) as u64)
    )?;
    if ing.diagnostics.is_empty() {
        return Ok(());
    }
    let mut groups: BTreeMap<(Severity, DiagnosticKind), Vec<&carelens_ingest::Diagnostic>> =
        BTreeMap::new();
    for d in &ing.diagnostics {
        groups.entry((d.severity, d.kind)).or_default().push(d);
    }
    for ((severity, kind), ds) in &groups {
        writeln!(out, "  {severity}: {kind} ({})", thousands(ds.len() as u64))?;
        let shown = if all { ds.len() } else { examples.min(ds.len()) };
        for d in &ds[..shown] {
            writeln!(out, "    {d}")?;
        }
        if shown < ds.len() {
            writeln!(
                out,
                "    … and {} more (--all shows every one)",
                thousands((ds.len() - shown) as u64)
            )?;
        }
    }
    Ok(())
}

/// Side by side with the DfE's published figures for each LA and England.
mod published {
    use super::*;

    struct Line {
        la: LaCode,
        ours: carelens_indicators::Headline,
        published: Option<&'static carelens_public::LaFigures>,
    }

    pub(super) fn compare(ing: &Ingested, out: &mut dyn Write) -> anyhow::Result<()> {
        // Each LA's latest year; for years after the latest publication, the latest figures.
        let mut lines = Vec::new();
        let mut year_used: Option<(CollectionYear, i16)> = None;
        for r in &ing.returns {
            let (Some(la), Some(year)) = (r.current.la, r.current.year) else { continue };
            let pub_year = latest_published_year(year.end_year());
            year_used = Some((year, pub_year));
            lines.push(Line {
                la,
                ours: carelens_indicators::headline(&r.current, year),
                published: carelens_public::la_figures(la, pub_year),
            });
        }
        let Some((year, pub_year)) = year_used else { return Ok(()) };
        writeln!(
            out,
            "\nCompared with the DfE's published figures (return year {year}; published year ending 31 March {pub_year})"
        )?;
        let mut t = TextTable::new(&[
            ("LA", Align::Left),
            ("name", Align::Left),
            ("CLA 31 Mar", Align::Right),
            ("published", Align::Right),
            ("diff", Align::Right),
            ("started", Align::Right),
            ("published", Align::Right),
            ("ceased", Align::Right),
            ("published", Align::Right),
        ]);
        let mut within = 0;
        let mut compared = 0;
        let (mut sum_ours, mut sum_pub) = (Totals::default(), Totals::default());
        for l in &lines {
            let name = carelens_geo::la(l.la).map_or("", |la| la.name.as_str());
            let p = l.published;
            let pc = p.and_then(|p| p.cla_at_31_march);
            if let Some(pc) = pc {
                compared += 1;
                let diff = (f64::from(l.ours.cla_at_31_march) - f64::from(pc)).abs()
                    / f64::from(pc.max(1));
                within += usize::from(diff <= 0.10);
            }
            sum_ours.add(l.ours.cla_at_31_march, l.ours.started, l.ours.ceased);
            if let Some(p) = p {
                sum_pub.add(
                    p.cla_at_31_march.unwrap_or(0),
                    p.started.unwrap_or(0),
                    p.ceased.unwrap_or(0),
                );
            }
            let opt = |v: Option<u32>| v.map_or_else(|| "–".to_owned(), |v| thousands(v));
            t.row(vec![
                l.la.to_string(),
                name.to_owned(),
                thousands(l.ours.cla_at_31_march),
                opt(pc),
                pc.map_or_else(
                    || "–".into(),
                    |pc| pct_diff(f64::from(l.ours.cla_at_31_march), f64::from(pc)),
                ),
                thousands(l.ours.started),
                opt(p.and_then(|p| p.started)),
                thousands(l.ours.ceased),
                opt(p.and_then(|p| p.ceased)),
            ]);
        }
        write!(out, "{}", t.render("  "))?;
        writeln!(
            out,
            "  {within} of {compared} LAs within 10% of their published children looked after at 31 March"
        )?;
        if lines.len() > 1 {
            let mut t = TextTable::new(&[
                ("all LAs read", Align::Left),
                ("return", Align::Right),
                ("published", Align::Right),
                ("diff", Align::Right),
            ]);
            for (label, ours, published) in [
                ("children looked after at 31 March", sum_ours.cla, sum_pub.cla),
                ("started during the year", sum_ours.started, sum_pub.started),
                ("ceased during the year", sum_ours.ceased, sum_pub.ceased),
            ] {
                t.row(vec![
                    label.into(),
                    thousands(ours),
                    thousands(published),
                    pct_diff(ours as f64, published as f64),
                ]);
            }
            write!(out, "\n{}", t.render("  "))?;
            if let Some(england) =
                carelens_public::england_figures(pub_year).and_then(|e| e.cla_at_31_march)
                && lines.len() == carelens_geo::las().len()
            {
                writeln!(
                    out,
                    "  England published: {} children looked after at 31 March (national figures are rounded to the nearest 10)",
                    thousands(england)
                )?;
            }
        }
        Ok(())
    }

    #[derive(Default)]
    struct Totals {
        cla: u64,
        started: u64,
        ceased: u64,
    }

    impl Totals {
        fn add(&mut self, cla: u32, started: u32, ceased: u32) {
            self.cla += u64::from(cla);
            self.started += u64::from(started);
            self.ceased += u64::from(ceased);
        }
    }

    /// The DfE publishes figures for years ending 31 March 2021–2025; later years compare with
    /// the latest.
    fn latest_published_year(end_year: i16) -> i16 {
        (2021..=end_year)
            .rev()
            .find(|y| {
                carelens_public::england_figures(*y).is_some_and(|e| e.cla_at_31_march.is_some())
            })
            .unwrap_or(end_year)
    }
}
