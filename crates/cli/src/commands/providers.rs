//! `carelens providers …`: children's homes, their owners and sectors, the national headline
//! figures, and the join of 903 placements to the register.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use carelens_ingest::ReadOptions;
use carelens_model::{Return903, Urn};
use carelens_oversight::{Oversight, RatingCounts};
use carelens_public::Judgement;
use serde::Serialize;

use crate::ExitStatus;
use crate::table::{Align, TextTable};

/// Arguments of `carelens providers`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Sub,
    #[command(flatten)]
    output: OutputArgs,
}

/// Output options shared by `providers` and `las`.
#[derive(Debug, clap::Args)]
pub(crate) struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    pub(crate) format: Format,
    /// Write the report here instead of standard output (required for xlsx).
    #[arg(long, global = true)]
    pub(crate) out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    Text,
    Csv,
    Json,
    Xlsx,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// National headline figures for children's homes, side by side with the published ones.
    Summary {
        /// The 31 March list to use (default: the latest).
        #[arg(long)]
        year: Option<i16>,
    },
    /// Children's homes: search by URN, owner, LA or region, or show one home's history.
    Homes {
        /// Text to search for; a URN shows that home's yearly entries and inspections.
        query: Option<String>,
        /// Include homes that have closed.
        #[arg(long)]
        closed: bool,
    },
    /// Owners of children's homes: market share, ratings, or one owner's page.
    Owners {
        /// An owner's name (any spelling): show its page. Without it, list owners.
        name: Option<String>,
        /// List the spelling variants merged into one owner.
        #[arg(long)]
        merges: bool,
        /// The 31 March list to use (default: the latest).
        #[arg(long)]
        year: Option<i16>,
        /// Owners to list (largest first).
        #[arg(long, default_value_t = 50)]
        top: usize,
        /// With an owner: write its homes on a map of LAs to this SVG file.
        #[arg(long)]
        map: Option<PathBuf>,
    },
    /// Ratings by sector and by private owner size (1, 2-5, 6-20, 21+ homes).
    Sectors {
        /// The 31 March list to use (default: the latest).
        #[arg(long)]
        year: Option<i16>,
        /// Write a chart of ratings over time by sector to this SVG file.
        #[arg(long)]
        chart: Option<PathBuf>,
    },
    /// Link an LA's 903 returns to the register by URN: outcomes per home and owner.
    Join {
        /// Returns: CSV files, an XML file, or folders of them (several years allowed).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The responsible LA's DfE code (e.g. 316).
        #[arg(long)]
        la: Option<String>,
        /// The collection year (e.g. 2024/25); default: read from the data.
        #[arg(long)]
        year: Option<String>,
        /// Homes and owners to list (most placements first).
        #[arg(long, default_value_t = 30)]
        top: usize,
    },
}

/// One table of output: a sheet in xlsx, a block in text, the whole of csv.
pub(crate) struct Sheet {
    pub(crate) name: String,
    pub(crate) columns: Vec<&'static str>,
    pub(crate) rows: Vec<Vec<Cell>>,
}

/// A cell: text or a number (numbers are right-aligned and written as numbers in xlsx).
pub(crate) enum Cell {
    Text(String),
    Num(f64, u8),
    Empty,
}

impl Cell {
    pub(crate) fn text(s: impl Into<String>) -> Self {
        Self::Text(s.into())
    }
    pub(crate) fn int(n: impl Into<f64>) -> Self {
        Self::Num(n.into(), 0)
    }
    pub(crate) fn dec(n: f64, places: u8) -> Self {
        Self::Num(n, places)
    }
    pub(crate) fn opt<T: Into<f64>>(n: Option<T>) -> Self {
        n.map_or(Self::Empty, |v| Self::Num(v.into(), 0))
    }
    pub(crate) fn opt_dec(n: Option<f64>, places: u8) -> Self {
        n.map_or(Self::Empty, |v| Self::Num(v, places))
    }
    pub(crate) fn grade(g: Option<Judgement>) -> Self {
        g.map_or(Self::Empty, |g| Self::text(short_grade(g)))
    }
    fn render(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Num(v, p) => format!("{v:.*}", usize::from(*p)),
            Self::Empty => String::new(),
        }
    }
}

pub(crate) fn short_grade(g: Judgement) -> &'static str {
    match g.grade() {
        1 => "Outstanding",
        2 => "Good",
        3 => "Requires improvement",
        _ => "Inadequate",
    }
}

/// Writes `sheets` in the chosen format; `json` is the library value, serialised.
pub(crate) fn emit<T: Serialize>(
    output: &OutputArgs,
    sheets: &[Sheet],
    notes: &[String],
    json: &T,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut sink: Box<dyn Write + '_> = match (&output.out, output.format) {
        (_, Format::Xlsx) => return write_xlsx(output.out.as_deref(), sheets, notes),
        (Some(p), _) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        (None, _) => Box::new(&mut *out),
    };
    match output.format {
        Format::Text => {
            for (i, sheet) in sheets.iter().enumerate() {
                if i > 0 {
                    writeln!(sink)?;
                }
                writeln!(sink, "{}", sheet.name)?;
                let cols: Vec<(&str, Align)> = sheet
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(c, h)| {
                        let numeric =
                            sheet.rows.iter().any(|r| matches!(r.get(c), Some(Cell::Num(..))));
                        (*h, if numeric { Align::Right } else { Align::Left })
                    })
                    .collect();
                let mut t = TextTable::new(&cols);
                for r in &sheet.rows {
                    t.row(r.iter().map(Cell::render).collect());
                }
                write!(sink, "{}", t.render("  "))?;
            }
            for n in notes {
                writeln!(sink, "{n}")?;
            }
        }
        Format::Csv => {
            let Some(sheet) = sheets.first() else { return Ok(()) };
            let mut w = csv::Writer::from_writer(&mut sink);
            w.write_record(&sheet.columns)?;
            for r in &sheet.rows {
                w.write_record(r.iter().map(|c| match c {
                    Cell::Num(v, _) => format!("{v}"),
                    c => c.render(),
                }))?;
            }
            w.flush()?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut sink, json)?;
            writeln!(sink)?;
        }
        Format::Xlsx => {}
    }
    sink.flush()?;
    Ok(())
}

fn write_xlsx(path: Option<&Path>, sheets: &[Sheet], notes: &[String]) -> anyhow::Result<()> {
    use rust_xlsxwriter::{Format as XFormat, Workbook};
    let Some(path) = path else { anyhow::bail!("--format xlsx needs --out FILE.xlsx") };
    let mut wb = Workbook::new();
    let bold = XFormat::new().set_bold();
    for sheet in sheets {
        let ws = wb.add_worksheet();
        let name: String =
            sheet.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        ws.set_name(name)?;
        for (c, h) in sheet.columns.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match cell {
                    Cell::Text(s) => {
                        ws.write_string(r, c, s)?;
                    }
                    Cell::Num(v, _) => {
                        ws.write_number(r, c, *v)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        ws.autofit();
    }
    if !notes.is_empty() {
        let ws = wb.add_worksheet();
        ws.set_name("Notes")?;
        for (r, n) in notes.iter().enumerate() {
            ws.write_string(r as u32, 0, n)?;
        }
    }
    wb.save(path).with_context(|| format!("writing {}", path.display()))?;
    crate::progress::status(&format!("wrote {}", path.display()));
    Ok(())
}

pub(crate) fn write_svg(path: &Path, svg: &str) -> anyhow::Result<()> {
    std::fs::write(path, svg).with_context(|| format!("writing {}", path.display()))?;
    crate::progress::status(&format!("wrote {}", path.display()));
    Ok(())
}

fn ratings_cells(r: &RatingCounts) -> Vec<Cell> {
    vec![
        Cell::int(r.total()),
        Cell::int(r.outstanding),
        Cell::int(r.good),
        Cell::int(r.requires_improvement),
        Cell::int(r.inadequate),
        Cell::int(r.not_inspected),
        Cell::opt_dec(r.good_or_outstanding_pct(), 1),
        Cell::opt_dec(r.ri_or_inadequate_pct(), 1),
    ]
}

/// Column names for the years of the owner's homes table.
const YEAR_NAMES: [&str; 16] = [
    "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026",
    "2027", "2028", "2029", "2030",
];

const RATING_COLUMNS: [&str; 8] = [
    "homes",
    "outstanding",
    "good",
    "req. improvement",
    "inadequate",
    "not inspected",
    "% good+",
    "% RI/inad.",
];

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let o = crate::commands::public::oversight()?;
    let latest = o.latest_year();
    match &args.command {
        Sub::Summary { year } => summary(&o, year.unwrap_or(latest), &args.output, out),
        Sub::Homes { query, closed } => homes(&o, query.as_deref(), *closed, &args.output, out),
        Sub::Owners { name, merges, year, top, map } => {
            let year = year.unwrap_or(latest);
            if *merges {
                return owner_merges(&o, &args.output, out);
            }
            match name {
                Some(n) => owner(&o, n, map.as_deref(), &args.output, out),
                None => owners(&o, year, *top, &args.output, out),
            }
        }
        Sub::Sectors { year, chart } => {
            if let Some(p) = chart {
                write_svg(p, &carelens_oversight::ratings_chart_svg(&o.ratings_over_time()))?;
            }
            sectors(&o, year.unwrap_or(latest), &args.output, out)
        }
        Sub::Join { paths, la, year, top } => {
            join(&o, paths, la.as_deref(), year.as_deref(), *top, &args.output, out)
        }
    }
}

fn summary(
    o: &Oversight,
    year: i16,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let checks = o.national_headlines(year);
    if checks.is_empty() {
        anyhow::bail!(
            "no published headline figures for 31 March {year} (the published ones are for 2025)"
        );
    }
    let rows = checks
        .iter()
        .map(|c| {
            vec![
                Cell::text(&c.label),
                Cell::dec(c.computed, decimals(c.published)),
                Cell::dec(c.published, decimals(c.published)),
                Cell::text(if c.matches { "yes" } else { "NO" }),
                Cell::text(&c.unit),
                Cell::text(&c.measure),
            ]
        })
        .collect();
    let matched = checks.iter().filter(|c| c.matches).count();
    let sheet = Sheet {
        name: format!("National headline figures at 31 March {year}: carelens vs published"),
        columns: vec!["figure", "carelens", "published", "same", "unit", "measure"],
        rows,
    };
    let notes = vec![
        format!("{matched} of {} figures reproduced exactly.", checks.len()),
        "Published values: shared national_calibration_figures.csv (Ofsted 2025 provider level; Ofsted LA inspection outcomes at 31 March 2025).".to_owned(),
        "Contains public sector information licensed under the Open Government Licence v3.0. Source: Ofsted.".to_owned(),
    ];
    emit(output, &[sheet], &notes, &checks, out)?;
    Ok(if matched == checks.len() { ExitStatus::Clean } else { ExitStatus::Findings })
}

fn decimals(v: f64) -> u8 {
    let t = format!("{v}");
    t.split_once('.').map_or(0, |(_, d)| d.len().min(2) as u8)
}

fn homes(
    o: &Oversight,
    query: Option<&str>,
    closed: bool,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    if let Some(urn) = query.and_then(Urn::parse).filter(|u| o.home(u).is_some()) {
        let Some(p) = o.home_profile(&urn) else { anyhow::bail!("no setting with URN {urn}") };
        let h = &p.home;
        let facts = Sheet {
            name: format!("{} {}", h.urn, h.provision_type),
            columns: vec!["field", "value"],
            rows: vec![
                vec![Cell::text("sector"), Cell::text(h.sector.name())],
                vec![Cell::text("owner"), Cell::text(h.owner.clone().unwrap_or_default())],
                vec![Cell::text("places"), Cell::opt(h.places)],
                vec![Cell::text("LA"), Cell::text(h.la_name.clone().unwrap_or_default())],
                vec![
                    Cell::text("region"),
                    Cell::text(h.region.map(|r| r.name()).unwrap_or_default()),
                ],
                vec![
                    Cell::text("registered"),
                    Cell::text(h.registered.map(|d| d.to_string()).unwrap_or_default()),
                ],
                vec![
                    Cell::text("listed"),
                    Cell::text(format!("{}-{}", h.first_listed, h.last_listed)),
                ],
                vec![
                    Cell::text("status"),
                    Cell::text(match (h.status, h.closed) {
                        (carelens_oversight::HomeStatus::Open, _) => "open".to_owned(),
                        (_, Some(d)) => format!("closed {d}"),
                        _ => format!("closed (not in the {} list)", o.latest_year()),
                    }),
                ],
                vec![Cell::text("latest grade"), Cell::grade(h.rating)],
            ],
        };
        let years = Sheet {
            name: "At each 31 March".to_owned(),
            columns: vec!["year", "sector", "owner", "places", "inspected", "grade"],
            rows: p
                .years
                .iter()
                .map(|y| {
                    vec![
                        Cell::int(y.year),
                        Cell::text(y.sector.name()),
                        Cell::text(y.owner.clone().unwrap_or_default()),
                        Cell::opt(y.places),
                        Cell::text(y.inspection_date.map(|d| d.to_string()).unwrap_or_default()),
                        Cell::grade(y.rating),
                    ]
                })
                .collect(),
        };
        let inspections = Sheet {
            name: "Inspections".to_owned(),
            columns: vec!["date", "kind", "grade"],
            rows: p
                .inspections
                .iter()
                .map(|i| {
                    vec![
                        Cell::text(i.date.to_string()),
                        Cell::text(i.kind.name()),
                        Cell::grade(i.rating),
                    ]
                })
                .collect(),
        };
        emit(output, &[facts, years, inspections], &[], &p, out)?;
        return Ok(ExitStatus::Clean);
    }
    let found = o.search_homes(query.unwrap_or(""), closed);
    let sheet = Sheet {
        name: format!(
            "{} children's homes{}",
            found.len(),
            query.map(|q| format!(" matching {q:?}")).unwrap_or_default()
        ),
        columns: vec![
            "urn",
            "sector",
            "owner",
            "places",
            "LA",
            "region",
            "status",
            "grade",
            "inspected",
        ],
        rows: found
            .iter()
            .map(|h| {
                vec![
                    Cell::text(h.urn.as_str()),
                    Cell::text(h.sector.name()),
                    Cell::text(h.owner.clone().unwrap_or_default()),
                    Cell::opt(h.places),
                    Cell::text(h.la_name.clone().unwrap_or_default()),
                    Cell::text(h.region.map(|r| r.name()).unwrap_or_default()),
                    Cell::text(if h.status == carelens_oversight::HomeStatus::Open {
                        "open"
                    } else {
                        "closed"
                    }),
                    Cell::grade(h.rating),
                    Cell::text(h.rating_date.map(|d| d.to_string()).unwrap_or_default()),
                ]
            })
            .collect(),
    };
    emit(output, &[sheet], &[], &found, out)?;
    Ok(ExitStatus::Clean)
}

fn owners(
    o: &Oversight,
    year: i16,
    top: usize,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let all = o.owners(year);
    let shown: Vec<_> = all.iter().take(top).collect();
    let mut columns =
        vec!["owner", "sector", "places", "LAs", "regions", "% of homes", "% of places"];
    columns.extend(RATING_COLUMNS);
    let rows = shown
        .iter()
        .map(|s| {
            let mut r = vec![
                Cell::text(&s.name),
                Cell::text(s.sector.name()),
                Cell::int(s.places),
                Cell::int(s.las),
                Cell::int(s.regions),
                Cell::dec(s.share_of_homes_pct, 2),
                Cell::dec(s.share_of_places_pct, 2),
            ];
            r.extend(ratings_cells(&s.ratings));
            r
        })
        .collect();
    let sheet = Sheet {
        name: format!(
            "Owners of children's homes at 31 March {year} ({} owners; top {})",
            all.len(),
            shown.len()
        ),
        columns,
        rows,
    };
    let notes = vec![
        "Owner names are normalised (case, punctuation, Ltd/Limited, &/and, trailing Group, company numbers): `carelens providers owners --merges` lists every merge.".to_owned(),
    ];
    emit(output, &[sheet], &notes, &shown, out)?;
    Ok(ExitStatus::Clean)
}

fn owner_merges(
    o: &Oversight,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let merges = o.owner_merges();
    let rows = merges
        .iter()
        .flat_map(|m| {
            m.spellings.iter().map(move |(s, n)| {
                vec![Cell::text(m.key.as_str()), Cell::text(&m.name), Cell::text(s), Cell::int(*n)]
            })
        })
        .collect();
    let sheet = Sheet {
        name: format!(
            "{} owners written in more than one way (children's-home list rows, 2018-)",
            merges.len()
        ),
        columns: vec!["key", "shown as", "spelling", "rows"],
        rows,
    };
    emit(output, &[sheet], &[], &merges, out)?;
    Ok(ExitStatus::Clean)
}

fn owner(
    o: &Oversight,
    name: &str,
    map: Option<&Path>,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let Some(key) = o.find_owner(name) else {
        anyhow::bail!(
            "no owner of children's homes matches {name:?} (try `carelens providers owners` to list them)"
        )
    };
    let Some(p) = o.owner_profile(&key) else { anyhow::bail!("no owner {key}") };
    if let Some(path) = map {
        write_svg(path, &carelens_oversight::owner_map_svg(&p))?;
    }
    let s = &p.summary;
    let mut facts = vec![
        vec![Cell::text("key"), Cell::text(s.key.as_str())],
        vec![Cell::text("sector"), Cell::text(s.sector.name())],
        vec![Cell::text("homes"), Cell::int(s.homes)],
        vec![Cell::text("places"), Cell::int(s.places)],
        vec![Cell::text("share of homes in England %"), Cell::dec(s.share_of_homes_pct, 2)],
        vec![Cell::text("share of places %"), Cell::dec(s.share_of_places_pct, 2)],
        vec![Cell::text("LAs / regions"), Cell::text(format!("{} / {}", s.las, s.regions))],
        vec![Cell::text("rated RI or inadequate"), Cell::int(s.ratings.ri_or_inadequate())],
        vec![
            Cell::text("homes ever / opened / closed"),
            Cell::text(format!("{} / {} / {}", p.homes.len(), p.opened.len(), p.closed.len())),
        ],
    ];
    for (sp, n) in &p.spellings {
        facts.push(vec![Cell::text("spelling"), Cell::text(format!("{sp} ({n} rows)"))]);
    }
    let mut columns = vec!["year"];
    columns.extend(RATING_COLUMNS);
    columns.extend(["places", "% of homes listed"]);
    let time = Sheet {
        name: "Over time (31 March lists; 2023 and 2024 list inspected homes only)".to_owned(),
        columns,
        rows: p
            .over_time
            .iter()
            .map(|y| {
                let mut r = vec![Cell::int(y.year)];
                r.extend(ratings_cells(&y.ratings));
                r.extend([Cell::int(y.places), Cell::dec(y.share_of_homes_pct, 2)]);
                r
            })
            .collect(),
    };
    let regions = Sheet {
        name: "Share of each region's homes".to_owned(),
        columns: vec!["region", "homes", "all homes", "share %"],
        rows: p
            .regions
            .iter()
            .map(|r| {
                vec![
                    Cell::text(r.region.name()),
                    Cell::int(r.homes),
                    Cell::int(r.all_homes),
                    Cell::dec(r.share_pct, 1),
                ]
            })
            .collect(),
    };
    let years: Vec<i16> = {
        let mut y: Vec<i16> =
            p.homes.iter().flat_map(|h| h.ratings_by_year.iter().map(|(y, _)| *y)).collect();
        y.sort_unstable();
        y.dedup();
        y
    };
    let year_names: Vec<&'static str> = years
        .iter()
        .map(|y| {
            usize::try_from(y - 2015)
                .ok()
                .and_then(|i| YEAR_NAMES.get(i))
                .copied()
                .unwrap_or("year")
        })
        .collect();
    let mut columns = vec!["urn", "LA", "places", "status", "grade now"];
    columns.extend(year_names.iter().copied());
    let homes = Sheet {
        name: "Homes and their grade at each 31 March (O/G/RI/I, - not graded)".to_owned(),
        columns,
        rows: p
            .homes
            .iter()
            .map(|h| {
                let mut r = vec![
                    Cell::text(h.home.urn.as_str()),
                    Cell::text(h.home.la_name.clone().unwrap_or_default()),
                    Cell::opt(h.home.places),
                    Cell::text(match (h.home.status, h.home.closed) {
                        (carelens_oversight::HomeStatus::Open, _) => "open".to_owned(),
                        (_, Some(d)) => format!("closed {d}"),
                        _ => format!("closed after {}", h.home.last_listed),
                    }),
                    Cell::grade(h.home.rating),
                ];
                for y in &years {
                    r.push(Cell::text(match h.ratings_by_year.iter().find(|(yy, _)| yy == y) {
                        None => "",
                        Some((_, None)) => "-",
                        Some((_, Some(g))) => {
                            ["O", "G", "RI", "I"][usize::from(g.grade().clamp(1, 4)) - 1]
                        }
                    }));
                }
                r
            })
            .collect(),
    };
    let head = Sheet { name: s.name.clone(), columns: vec!["field", "value"], rows: facts };
    emit(output, &[head, time, regions, homes], &[], &p, out)?;
    Ok(ExitStatus::Clean)
}

fn sectors(
    o: &Oversight,
    year: i16,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let c = o.sector_comparison(year);
    let mut columns = vec!["group", "owners", "places"];
    columns.extend(RATING_COLUMNS);
    let rows = c
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![Cell::text(&r.label), Cell::int(r.owners), Cell::int(r.places)];
            cells.extend(ratings_cells(&r.ratings));
            cells
        })
        .collect();
    let sheet = Sheet {
        name: format!("Children's homes by sector and private owner size at 31 March {year}"),
        columns,
        rows,
    };
    let over = o.ratings_over_time();
    let time = Sheet {
        name: "Good or outstanding over time (% of graded homes at 31 March)".to_owned(),
        columns: vec!["year", "group", "graded", "% good+", "% RI/inad."],
        rows: over
            .iter()
            .map(|s| {
                vec![
                    Cell::int(s.year),
                    Cell::text(s.group.label()),
                    Cell::int(s.ratings.inspected()),
                    Cell::opt_dec(s.ratings.good_or_outstanding_pct(), 1),
                    Cell::opt_dec(s.ratings.ri_or_inadequate_pct(), 1),
                ]
            })
            .collect(),
    };
    let notes = vec![format!("Finding: {}", c.finding)];
    emit(output, &[sheet, time], &notes, &c, out)?;
    Ok(ExitStatus::Clean)
}

fn join(
    o: &Oversight,
    paths: &[PathBuf],
    la: Option<&str>,
    year: Option<&str>,
    top: usize,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let la = match la {
        Some(l) => crate::commands::parse_las(&[l.to_owned()])?.into_iter().next(),
        None => None,
    };
    let year = year.map(crate::commands::parse_year).transpose()?;
    let read =
        crate::commands::inspect::read_with_progress(paths, &ReadOptions::new().la(la).year(year));
    let returns: Vec<&Return903> = read
        .returns
        .iter()
        .flat_map(|r| std::iter::once(&r.current).chain(r.previous.iter()))
        .filter(|r| !r.sources.is_empty())
        .collect();
    if returns.is_empty() {
        anyhow::bail!("no SSDA903 data could be read from the paths given");
    }
    let report = o.join_903(&returns);
    let head = Sheet {
        name: format!(
            "903 placements linked to the Ofsted register (LA {})",
            report.las.join(", ")
        ),
        columns: vec!["measure", "value"],
        rows: vec![
            vec![Cell::text("placements (short breaks excluded)"), Cell::int(report.placements)],
            vec![Cell::text("with a URN"), Cell::int(report.with_urn)],
            vec![Cell::text("URN XXXXXXX (not Ofsted-registered)"), Cell::int(report.not_ofsted)],
            vec![Cell::text("linked to the register"), Cell::int(report.linked)],
            vec![
                Cell::text("URNs unknown to the register"),
                Cell::int(report.unknown_urns.len() as u32),
            ],
            vec![
                Cell::text("placements begun in a setting then rated RI or inadequate"),
                Cell::int(report.placements_in_ri_or_inadequate),
            ],
            vec![
                Cell::text("children placed in a setting then rated RI or inadequate"),
                Cell::int(report.children_in_ri_or_inadequate),
            ],
        ],
    };
    let homes = Sheet {
        name: format!("Per home (top {top} by placements)"),
        columns: vec![
            "urn",
            "type",
            "owner",
            "grade now",
            "placements",
            "children",
            "begun while RI/inad.",
            "ended",
            "unplanned",
            "% unplanned",
            "missing incidents",
            "children missing",
        ],
        rows: report
            .per_home
            .iter()
            .take(top)
            .map(|h| {
                vec![
                    Cell::text(h.urn.as_str()),
                    Cell::text(h.provision_type.name()),
                    Cell::text(h.owner.clone().unwrap_or_default()),
                    Cell::grade(h.rating_now),
                    Cell::int(h.placements),
                    Cell::int(h.children),
                    Cell::int(h.placements_while_ri_or_inadequate),
                    Cell::int(h.ended),
                    Cell::int(h.ended_unplanned),
                    Cell::opt_dec(
                        (h.ended > 0)
                            .then(|| f64::from(h.ended_unplanned) * 100.0 / f64::from(h.ended)),
                        0,
                    ),
                    Cell::int(h.missing_incidents),
                    Cell::int(h.children_missing),
                ]
            })
            .collect(),
    };
    let owners = Sheet {
        name: format!("Per owner (top {top} by placements)"),
        columns: vec![
            "owner",
            "homes",
            "placements",
            "children",
            "begun while RI/inad.",
            "ended",
            "unplanned",
            "missing incidents",
        ],
        rows: report
            .per_owner
            .iter()
            .take(top)
            .map(|w| {
                vec![
                    Cell::text(&w.owner),
                    Cell::int(w.homes),
                    Cell::int(w.placements),
                    Cell::int(w.children),
                    Cell::int(w.placements_while_ri_or_inadequate),
                    Cell::int(w.ended),
                    Cell::int(w.ended_unplanned),
                    Cell::int(w.missing_incidents),
                ]
            })
            .collect(),
    };
    let unknown = Sheet {
        name: format!("URNs unknown to the register ({})", report.unknown_urns.len()),
        columns: vec!["urn", "placements", "children", "placement types", "first start"],
        rows: report
            .unknown_urns
            .iter()
            .map(|u| {
                vec![
                    Cell::text(u.urn.as_str()),
                    Cell::int(u.placements),
                    Cell::int(u.children),
                    Cell::text(u.place_codes.join(" ")),
                    Cell::text(u.first_start.to_string()),
                ]
            })
            .collect(),
    };
    let notes = vec![format!(
        "Unplanned endings: REASON_PLACE_CHANGE {}.",
        report.unplanned_codes.join(", ")
    )];
    emit(output, &[head, homes, owners, unknown], &notes, &report, out)?;
    Ok(ExitStatus::Clean)
}
