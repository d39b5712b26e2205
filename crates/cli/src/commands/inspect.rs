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
    let mut ingested = read_with_progress(&args.paths, &options);
    for set in &mut ingested.returns {
        let la = set.current.la;
        // Lenient geography: sector/district postcodes count, at their centroids.
        carelens_geo::derive_placement_geo(&mut set.current, la, false);
    }
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
        snap: carelens_indicators::Snapshot,
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
                snap: carelens_indicators::snapshot(&r.current, year),
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
            let opt = |v: Option<u32>| v.map_or_else(|| "–".to_owned(), thousands);
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
            totals(&lines, pub_year, out)?;
        }
        Ok(())
    }

    /// The LAs read, added up, against the same LAs' published figures added up.
    fn totals(lines: &[Line], pub_year: i16, out: &mut dyn Write) -> anyhow::Result<()> {
        use carelens_model::codes::{PlacementGroup as G, PlacementProvider as P};
        type Ours = fn(&Line) -> u32;
        type Theirs = fn(&carelens_public::LaFigures) -> Option<u32>;
        let measures: Vec<(&str, Ours, Theirs)> = vec![
            (
                "children looked after at 31 March",
                |l| l.ours.cla_at_31_march,
                |p| p.cla_at_31_march,
            ),
            ("started during the year", |l| l.ours.started, |p| p.started),
            ("ceased during the year", |l| l.ours.ceased, |p| p.ceased),
            (
                "in foster placements",
                |l| l.snap.by_group.get(&G::Foster).copied().unwrap_or(0),
                |p| p.placement.foster.number,
            ),
            (
                "in secure homes and children's homes",
                |l| l.snap.by_group.get(&G::ChildrensHomes).copied().unwrap_or(0),
                |p| p.placement.secure_and_childrens_homes.number,
            ),
            (
                "in independent living or supported accommodation",
                |l| l.snap.by_group.get(&G::IndependentOrSupported).copied().unwrap_or(0),
                |p| p.placement.supported_accommodation.number,
            ),
            (
                "placed with parents",
                |l| l.snap.by_group.get(&G::WithParents).copied().unwrap_or(0),
                |p| p.placement.with_parents.number,
            ),
            (
                "placed for adoption",
                |l| l.snap.by_group.get(&G::Adoption).copied().unwrap_or(0),
                |p| p.placement.placed_for_adoption.number,
            ),
            (
                "in own-LA provision",
                |l| l.snap.by_provider.get(&Some(P::Pr1)).copied().unwrap_or(0),
                |p| p.place_provider.own_la.number,
            ),
            (
                "in private provision",
                |l| l.snap.by_provider.get(&Some(P::Pr4)).copied().unwrap_or(0),
                |p| p.place_provider.private.number,
            ),
            ("placed outside the LA", |l| l.snap.outside_la, |p| p.location.outside_la.number),
            (
                "placed more than 20 miles from home",
                |l| l.snap.over_20_miles,
                |p| p.location.over_20_miles.number,
            ),
            (
                "distance from home not known",
                |l| l.snap.distance_not_known,
                |p| p.location.distance_not_known.number,
            ),
            ("unaccompanied asylum-seeking children", |l| l.snap.uasc, |p| p.uasc.number),
            (
                "3 or more placements during the year",
                |l| l.snap.placements_3plus,
                |p| p.stability.three_or_more_placements.number,
            ),
        ];
        let mut t = TextTable::new(&[
            ("all LAs read, added up", Align::Left),
            ("return", Align::Right),
            ("published", Align::Right),
            ("diff", Align::Right),
            ("LAs", Align::Right),
        ]);
        for (label, ours, theirs) in measures {
            // Only LAs whose figure is published (not suppressed) count on both sides.
            let (mut o, mut p, mut n) = (0u64, 0u64, 0usize);
            for l in lines {
                if let Some(v) = l.published.and_then(theirs) {
                    o += u64::from(ours(l));
                    p += u64::from(v);
                    n += 1;
                }
            }
            t.row(vec![
                label.into(),
                thousands(o),
                thousands(p),
                pct_diff(o as f64, p as f64),
                n.to_string(),
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
        Ok(())
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
