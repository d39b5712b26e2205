//! `carelens validate PATH… --year Y --la CODE`: the DfE rulebook over a return.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use carelens_ingest::{ReadOptions, Severity};
use carelens_model::{CollectionYear, Returns};
use carelens_rules::{Providers, ValidateOptions, validate};

use crate::ExitStatus;

/// Arguments of `carelens validate`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// This year's return: CSV files, an XML file, or folders of them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The collection year to validate against (e.g. 2024/25); default: read from the data.
    #[arg(long)]
    year: Option<String>,
    /// The responsible LA's DfE code (e.g. 316); needed by the distance and location rules.
    #[arg(long)]
    la: Option<String>,
    /// Last year's return, for the rules that compare years.
    #[arg(long = "last-year", num_args = 1..)]
    last_year: Vec<PathBuf>,
    /// The Ofsted provider lists the URN rules check against (219, 221, 224, 227, 228, 229,
    /// 241, 1008): the children's homes list and the social care providers list, or the
    /// combined list, as .xlsx, .xls, .ods or .csv. Without them those rules are skipped.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    providers: Vec<PathBuf>,
    /// Run only these rules (comma-separated codes).
    #[arg(long, value_delimiter = ',')]
    rules: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the report here instead of standard output (required for xlsx).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Children to list in the text report's "most findings" section.
    #[arg(long, default_value_t = 10)]
    worst: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Csv,
    Xlsx,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let la = match &args.la {
        Some(l) => crate::commands::parse_las(std::slice::from_ref(l))?.into_iter().next(),
        None => None,
    };
    let year = args.year.as_deref().map(crate::commands::parse_year).transpose()?;
    // Read the lists first: a list that cannot be read stops the run before the slow part.
    let providers = load_providers(&args.providers)?;
    let current = crate::commands::inspect::read_with_progress(
        &args.paths,
        &ReadOptions::new().la(la).year(year),
    );
    report_unreadable(&current.diagnostics);
    let mut sets: Vec<Returns> =
        current.returns.into_iter().filter(|r| !r.current.sources.is_empty()).collect();
    if sets.is_empty() {
        anyhow::bail!("no SSDA903 data could be read from the paths given (see the errors above)");
    }
    if !args.last_year.is_empty() {
        if sets.len() > 1 {
            anyhow::bail!("--last-year can only be used when the paths hold one LA's return");
        }
        let this_year = year.or(sets[0].current.year);
        let last_options = ReadOptions::new()
            .la(la.or(sets[0].current.la))
            .year(this_year.map(CollectionYear::previous));
        let last = crate::commands::inspect::read_with_progress(&args.last_year, &last_options);
        report_unreadable(&last.diagnostics);
        let previous: Vec<_> =
            last.returns.into_iter().map(|r| r.current).filter(|r| !r.sources.is_empty()).collect();
        sets[0].previous = previous;
    }
    if matches!(args.format, Format::Csv | Format::Xlsx) && sets.len() > 1 {
        anyhow::bail!(
            "the paths hold {} LAs' returns; csv and xlsx reports are for one LA (give one LA's folder)",
            sets.len()
        );
    }
    let select = (!args.rules.is_empty()).then(|| args.rules.clone());
    let mut any_findings = false;
    let mut json_lines = Vec::new();
    for (i, set) in sets.iter_mut().enumerate() {
        let Some(y) = year.or(set.current.year) else {
            anyhow::bail!("the collection year could not be told from the data: give --year");
        };
        let la = la.or(set.current.la);
        for ret in std::iter::once(&mut set.current).chain(set.previous.iter_mut()) {
            carelens_geo::derive_placement_geo(ret, la, true);
        }
        let options =
            ValidateOptions::new(y).la(la).select(select.clone()).providers(providers.as_ref());
        let validation = validate(set, &options);
        let details = carelens_report::details(&validation, set);
        any_findings |= !details.is_empty();
        match args.format {
            Format::Text => {
                if i > 0 {
                    writeln!(out)?;
                }
                carelens_report::write_text(&validation, &details, args.worst, out)?;
            }
            Format::Json => {
                let mut buf = Vec::new();
                carelens_report::write_json(&validation, &details, &mut buf)?;
                json_lines.push(buf);
            }
            Format::Csv => match &args.out {
                Some(p) => {
                    let mut f = std::io::BufWriter::new(
                        std::fs::File::create(p)
                            .with_context(|| format!("creating {}", p.display()))?,
                    );
                    carelens_report::write_csv(&details, &mut f)?;
                    f.flush()?;
                }
                None => carelens_report::write_csv(&details, out)?,
            },
            Format::Xlsx => {
                let Some(p) = &args.out else {
                    anyhow::bail!("--format xlsx needs --out FILE.xlsx")
                };
                carelens_report::write_xlsx(&validation, &details, set, p)
                    .with_context(|| format!("writing {}", p.display()))?;
                crate::progress::status(&format!("wrote {}", p.display()));
            }
        }
    }
    if args.format == Format::Json {
        let mut sink: Box<dyn Write> = match &args.out {
            Some(p) => Box::new(
                std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
            ),
            None => Box::new(&mut *out),
        };
        for line in json_lines {
            sink.write_all(&line)?;
        }
    }
    Ok(if any_findings { ExitStatus::Findings } else { ExitStatus::Clean })
}

/// Reads the Ofsted lists given with `--providers`, saying on stderr what each file was read as
/// and warning when only one of the two lists the reference asks for was given.
fn load_providers(paths: &[PathBuf]) -> anyhow::Result<Option<Providers>> {
    if paths.is_empty() {
        return Ok(None);
    }
    let loaded = carelens_rules::load_providers(paths)?;
    for list in &loaded.lists {
        let blank = match list.blank_urn_rows() {
            0 => String::new(),
            n => format!(" ({n} rows without a URN not read)"),
        };
        crate::progress::status(&format!(
            "{}: {} providers, read as the {}{blank}",
            list.path.display(),
            list.records(),
            list.kind
        ));
    }
    if !loaded.is_complete() {
        eprintln!(
            "carelens: warning: the Ofsted lists given are not both the children's homes list and \
             the social care providers list (nor the combined list): rule 1008 reports every URN \
             of the missing list"
        );
    }
    Ok(Some(loaded.providers))
}

/// Problems that stop data being read go to stderr; the report is about rules.
fn report_unreadable(diags: &[carelens_ingest::Diagnostic]) {
    let errors: Vec<&carelens_ingest::Diagnostic> =
        diags.iter().filter(|d| d.severity == Severity::Error && d.line.is_none()).collect();
    for d in errors {
        eprintln!("{d}");
    }
}
