//! `carelens indicators PATH…`: stability and safety indicators per LA, region and England.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use carelens_indicators::report::{self, TextOptions, WorkbookParts};
use carelens_indicators::suppress::{self, Shown};
use carelens_indicators::{
    Area, Computation, IndicatorValue, Level, Options, OutlierThresholds, PlacementCounting,
};
use carelens_ingest::{ReadOptions, Severity};
use carelens_model::Returns;

use crate::ExitStatus;

/// Arguments of `carelens indicators`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Returns: CSV files, XML files, or folders of them (read recursively; several LAs and
    /// years at once). Give earlier years too: they supply history for the 2-year measures.
    #[arg(required_unless_present = "catalogue")]
    paths: Vec<PathBuf>,
    /// The LA the files are from (DfE code), when folders do not say; CSV returns do not name
    /// their LA.
    #[arg(long)]
    la: Option<String>,
    /// Only this collection year (e.g. 2024/25); earlier years still supply history.
    #[arg(long)]
    year: Option<String>,
    /// Levels to report: la, region, england (comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "la")]
    by: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the report here instead of standard output (required for xlsx).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write SVG charts of the headline measures (the area against England, year on year) into
    /// this folder, one file per area.
    #[arg(long)]
    charts: Option<PathBuf>,
    /// Suppress small counts the DfE's way, for publication (see docs/indicators.md); child-level
    /// lists are then never written.
    #[arg(long)]
    publish: bool,
    /// Text report: every indicator, not only the headline ones.
    #[arg(long)]
    all: bool,
    /// Print the indicator catalogue instead (markdown is docs/indicators.md).
    #[arg(long, value_enum)]
    catalogue: Option<CatalogueFormat>,
    /// Write the per-child stability record (CSV) here: for the LA's own use.
    #[arg(long)]
    children: Option<PathBuf>,
    /// Write the outlier list (CSV) here: for the LA's own use.
    #[arg(long)]
    outliers: Option<PathBuf>,
    /// Outlier list: children with this many placements or more in the year.
    #[arg(long, default_value_t = 5)]
    min_placements: u16,
    /// Outlier list: children placed more than this many miles from home.
    #[arg(long, default_value_t = 50.0)]
    min_miles: f64,
    /// Outlier list: children missing this many times or more in the year.
    #[arg(long, default_value_t = 5)]
    min_missing: u16,
    /// Placement counting: same-carer changes (RNE T/U) are not new placements.
    #[arg(long)]
    same_carer_not_new: bool,
    /// Placement counting: temporary placements (T0-T4) and returns from them count.
    #[arg(long)]
    count_temporary: bool,
    /// Placement counting: a return from a temporary placement to the placement before it
    /// continues that placement.
    #[arg(long)]
    join_temporary_returns: bool,
    /// Placement counting: placements before a re-entry to care in the year do not count.
    #[arg(long)]
    no_re_entries: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CatalogueFormat {
    Text,
    Markdown,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    if let Some(c) = args.catalogue {
        match c {
            CatalogueFormat::Markdown => {
                out.write_all(carelens_indicators::catalogue_markdown().as_bytes())?
            }
            CatalogueFormat::Text => report::write_catalogue_text(out)?,
        }
        return Ok(ExitStatus::Clean);
    }
    if args.publish && (args.children.is_some() || args.outliers.is_some()) {
        anyhow::bail!(
            "--children and --outliers list children: they cannot be written with --publish"
        );
    }
    let levels = args
        .by
        .iter()
        .map(|b| {
            Level::parse(b)
                .ok_or_else(|| anyhow::anyhow!("--by {b:?}: expected la, region or england"))
        })
        .collect::<anyhow::Result<Vec<Level>>>()?;
    let la = match &args.la {
        Some(l) => crate::commands::parse_las(std::slice::from_ref(l))?.into_iter().next(),
        None => None,
    };
    let year = args.year.as_deref().map(crate::commands::parse_year).transpose()?;

    // Read every year given: earlier years are history even when --year picks one.
    let ingested =
        crate::commands::inspect::read_with_progress(&args.paths, &ReadOptions::new().la(la));
    for d in
        ingested.diagnostics.iter().filter(|d| d.severity == Severity::Error && d.line.is_none())
    {
        eprintln!("{d}");
    }
    let sets: Vec<Returns> =
        ingested.returns.into_iter().filter(|r| !r.current.sources.is_empty()).collect();
    if sets.is_empty() {
        anyhow::bail!("no SSDA903 data could be read from the paths given (see the errors above)");
    }
    let counting = PlacementCounting::new()
        .same_carer_is_new_placement(!args.same_carer_not_new)
        .count_temporary(args.count_temporary)
        .join_temporary_returns(args.join_temporary_returns)
        .count_re_entries(!args.no_re_entries);
    let options = Options::new().year(year).counting(counting);
    let started = std::time::Instant::now();
    let computation = carelens_indicators::compute(&sets, &options)?;
    let values = computation.values(&levels);
    crate::progress::status(&format!(
        "{} LAs, {} indicator values in {:.2} s",
        computation.las().len(),
        values.len(),
        started.elapsed().as_secs_f64()
    ));
    let shown: Vec<Shown> = if args.publish {
        suppress::for_publication(&values)
    } else {
        suppress::as_computed(&values)
    };
    let thresholds = OutlierThresholds::new()
        .placements(args.min_placements)
        .miles(args.min_miles)
        .missing_incidents(args.min_missing);
    let outliers = (!args.publish).then(|| computation.outliers(&thresholds));

    match args.format {
        Format::Text => {
            let mut sink = sink(args.out.as_deref(), out)?;
            writeln!(
                sink,
                "Indicators for {} LA{}, {}{}\n  placements counted: {}\n",
                computation.las().len(),
                if computation.las().len() == 1 { "" } else { "s" },
                years_text(&computation),
                if args.publish { " (suppressed for publication)" } else { "" },
                options.counting.describe()
            )?;
            report::write_text(&values, &shown, TextOptions::new().all(args.all), &mut sink)?;
            // The outlier list in the text report only for one LA: it is the LA's own view.
            if let Some(o) = &outliers
                && computation.las().len() == 1
                && levels.contains(&Level::La)
            {
                report::write_outliers_text(o, &mut sink)?;
            }
            sink.flush()?;
        }
        Format::Json => {
            let mut sink = sink(args.out.as_deref(), out)?;
            if args.publish {
                report::write_json_shown(&shown, &mut sink)?;
            } else {
                report::write_json(&values, &mut sink)?;
            }
            sink.flush()?;
        }
        Format::Csv => {
            let mut sink = sink(args.out.as_deref(), out)?;
            report::write_csv(&values, &shown, &mut sink)?;
            sink.flush()?;
        }
        Format::Xlsx => {
            let Some(path) = &args.out else {
                anyhow::bail!("--format xlsx needs --out FILE.xlsx")
            };
            let parts = WorkbookParts {
                outliers: outliers.as_deref(),
                children: (!args.publish).then(|| computation.children().collect()),
                about: about(&computation, &options, args.publish),
            };
            report::write_xlsx(&values, &shown, &parts, path)
                .with_context(|| format!("writing {}", path.display()))?;
            crate::progress::status(&format!("wrote {}", path.display()));
        }
    }
    if let Some(dir) = &args.charts {
        write_charts(dir, &values)?;
    }
    if let Some(path) = &args.children {
        let mut f = create(path)?;
        report::write_children_csv(computation.children(), &mut f)?;
        f.flush()?;
    }
    if let (Some(path), Some(o)) = (&args.outliers, &outliers) {
        let mut f = create(path)?;
        report::write_outliers_csv(o, &mut f)?;
        f.flush()?;
    }
    Ok(ExitStatus::Clean)
}

fn years_text(c: &Computation) -> String {
    let years: Vec<String> = c.years().iter().map(ToString::to_string).collect();
    years.join(" and ")
}

fn about(c: &Computation, options: &Options, publish: bool) -> Vec<(String, String)> {
    vec![
        ("LAs".to_owned(), c.las().iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
        ("Collection years".to_owned(), years_text(c)),
        ("Placements counted".to_owned(), options.counting.describe()),
        (
            "Suppression".to_owned(),
            if publish {
                "for publication: LA counts of 1 to 5 are c (with secondary suppression in breakdowns); regional and national counts rounded to the nearest 10".to_owned()
            } else {
                "none: for the LA's own use, not for publication".to_owned()
            },
        ),
        ("Definitions".to_owned(), "the Definitions sheet, and docs/indicators.md".to_owned()),
    ]
}

fn create(path: &Path) -> anyhow::Result<std::io::BufWriter<std::fs::File>> {
    Ok(std::io::BufWriter::new(
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
    ))
}

fn sink<'a>(path: Option<&Path>, out: &'a mut dyn Write) -> anyhow::Result<Box<dyn Write + 'a>> {
    Ok(match path {
        Some(p) => Box::new(create(p)?),
        None => Box::new(out),
    })
}

fn write_charts(dir: &Path, values: &[IndicatorValue]) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut areas: Vec<Area> = values.iter().map(|v| v.area).collect();
    areas.sort_unstable();
    areas.dedup();
    for area in &areas {
        let panels = carelens_indicators::chart::headline_panels(values, *area);
        let title = match area {
            Area::La(code) => format!("{} ({code}): headline indicators", area.name()),
            _ => format!("{}: headline indicators", area.name()),
        };
        let file = dir.join(format!("{}.svg", area.code().replace(' ', "_").to_ascii_lowercase()));
        std::fs::write(&file, carelens_indicators::chart::panels_svg(&title, &panels))
            .with_context(|| format!("writing {}", file.display()))?;
    }
    crate::progress::status(&format!("wrote {} charts to {}", areas.len(), dir.display()));
    Ok(())
}
