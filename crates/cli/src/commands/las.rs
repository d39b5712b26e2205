//! `carelens las …`: the LA league table, one LA's profile, regions, and the map of England.

use std::io::Write;
use std::path::PathBuf;

use carelens_oversight::{LaMetric, LaRow};

use crate::ExitStatus;
use crate::commands::providers::{Cell, OutputArgs, Sheet, emit, short_grade, write_svg};

/// Arguments of `carelens las`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Sub,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// The league table of all 153 LAs: latest ILACS, DfE figures, children's-home places.
    Table {
        /// Sort by (worst first): ilacs, cla-rate, three-plus-placements, over-20-miles,
        /// outside-la, private-provision, uasc, net-places, homes-good.
        #[arg(long, default_value = "ilacs")]
        metric: String,
        /// Year ending 31 March of the DfE figures (default: the latest).
        #[arg(long)]
        year: Option<i16>,
        /// Also write the map of England coloured by the metric to this SVG file.
        #[arg(long)]
        map: Option<PathBuf>,
    },
    /// One LA's profile: ILACS history, DfE figures by year, homes in it, ranks.
    Profile {
        /// The LA: DfE code (316) or name.
        la: String,
        /// Year ending 31 March (default: the latest).
        #[arg(long)]
        year: Option<i16>,
    },
    /// The nine regions.
    Regions {
        /// Year ending 31 March (default: the latest).
        #[arg(long)]
        year: Option<i16>,
    },
    /// The map of England, one circle per LA, coloured by a metric (SVG).
    Map {
        /// The metric (as for `las table`).
        #[arg(long, default_value = "ilacs")]
        metric: String,
        /// Year ending 31 March (default: the latest).
        #[arg(long)]
        year: Option<i16>,
        /// The SVG file to write.
        #[arg(long = "svg", required = true)]
        svg: PathBuf,
    },
}

fn metric(name: &str) -> anyhow::Result<LaMetric> {
    LaMetric::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = LaMetric::ALL.iter().map(|m| m.name()).collect();
        anyhow::anyhow!("--metric {name:?}: expected one of {}", names.join(", "))
    })
}

fn table_cells(r: &LaRow) -> Vec<Cell> {
    vec![
        Cell::text(r.code.to_string()),
        Cell::text(&r.name),
        Cell::text(r.region.name()),
        Cell::text(r.ilacs.as_ref().and_then(|i| i.overall).map(short_grade).unwrap_or_default()),
        Cell::text(r.ilacs.as_ref().map(|i| i.start_date.to_string()).unwrap_or_default()),
        Cell::opt(r.cla),
        Cell::opt(r.cla_rate_per_10k),
        Cell::opt(r.three_plus_placements_pct),
        Cell::opt(r.over_20_miles_pct),
        Cell::opt(r.outside_la_pct),
        Cell::opt(r.private_provision_pct),
        Cell::opt(r.uasc),
        Cell::opt(r.children_in_homes),
        Cell::int(r.homes_in_la),
        Cell::int(r.places_in_la),
        r.places_minus_children.map_or(Cell::Empty, |v| Cell::dec(v as f64, 0)),
        Cell::opt_dec(r.homes_good_or_outstanding_pct, 0),
        Cell::opt(r.homes_placed_outside_pct),
    ]
}

const TABLE_COLUMNS: [&str; 18] = [
    "code",
    "LA",
    "region",
    "ILACS",
    "ILACS date",
    "CLA",
    "per 10k",
    "% 3+ pl.",
    "% >20mi",
    "% outside",
    "% private",
    "UASC",
    "in homes",
    "homes",
    "places",
    "places-children",
    "% homes good+",
    "% homes out",
];

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let o = crate::commands::public::oversight()?;
    let latest_dfe = o.data().figures.iter().map(|f| f.year).max().unwrap_or(2025);
    match &args.command {
        Sub::Table { metric: m, year, map } => {
            let m = metric(m)?;
            let year = year.unwrap_or(latest_dfe);
            let rows = o.la_league(year, m);
            if let Some(p) = map {
                write_svg(p, &carelens_oversight::la_map_svg(&rows, m))?;
            }
            let sheet = Sheet {
                name: format!(
                    "{} LAs by {} (worst first); DfE {year}, register {}",
                    rows.len(),
                    m.title(),
                    rows.first().map_or(year, |r| r.register_year)
                ),
                columns: TABLE_COLUMNS.to_vec(),
                rows: rows.iter().map(table_cells).collect(),
            };
            let notes = vec![
                "places-children: children's-home places located in the LA minus its own children in secure and children's homes (positive: net importer).".to_owned(),
                "% homes out: of the LA's children in children's homes, % placed outside its boundary (DfE FOI 2024-0040813, latest year).".to_owned(),
                "Sources: Ofsted; Department for Education, Children looked after in England including adoptions. Open Government Licence v3.0.".to_owned(),
            ];
            emit(&args.output, &[sheet], &notes, &rows, out)?;
        }
        Sub::Profile { la, year } => {
            let year = year.unwrap_or(latest_dfe);
            let code = match carelens_model::LaCode::parse(la) {
                Ok(c) => c,
                Err(_) => carelens_geo::la_by_name(la)
                    .map(|l| l.code)
                    .ok_or_else(|| anyhow::anyhow!("no LA is called or coded {la:?}"))?,
            };
            let Some(p) = o.la_profile(code, year) else {
                anyhow::bail!("{code} is not one of the 153 children's services authorities")
            };
            let mut head_rows: Vec<Vec<Cell>> = TABLE_COLUMNS
                .iter()
                .zip(table_cells(&p.row))
                .map(|(h, c)| vec![Cell::text(*h), c])
                .collect();
            for (m, rank) in &p.ranks {
                head_rows.push(vec![
                    Cell::text(format!("rank: {}", m.title())),
                    Cell::text(format!("{rank} of 153 (1 = worst)")),
                ]);
            }
            let head = Sheet {
                name: format!("{} ({})", p.row.name, p.row.code),
                columns: vec!["measure", "value"],
                rows: head_rows,
            };
            let ilacs = Sheet {
                name: "ILACS inspections".to_owned(),
                columns: vec![
                    "start",
                    "kind",
                    "overall",
                    "leaders",
                    "help & protection",
                    "children in care",
                    "care leavers",
                ],
                rows: p
                    .ilacs_history
                    .iter()
                    .map(|i| {
                        vec![
                            Cell::text(i.start_date.to_string()),
                            Cell::text(i.kind.name()),
                            Cell::grade(i.overall),
                            Cell::grade(i.impact_of_leaders),
                            Cell::grade(i.help_and_protection),
                            Cell::grade(i.children_in_care),
                            Cell::grade(i.care_leavers),
                        ]
                    })
                    .collect(),
            };
            let years = Sheet {
                name: "By year (DfE figures; homes listed at 31 March)".to_owned(),
                columns: vec![
                    "year",
                    "CLA",
                    "per 10k",
                    "% 3+ pl.",
                    "% >20mi",
                    "% outside",
                    "% private",
                    "UASC",
                    "in homes",
                    "homes listed",
                    "places listed",
                ],
                rows: p
                    .years
                    .iter()
                    .map(|y| {
                        vec![
                            Cell::int(y.year),
                            Cell::opt(y.cla),
                            Cell::opt(y.cla_rate_per_10k),
                            Cell::opt(y.three_plus_placements_pct),
                            Cell::opt(y.over_20_miles_pct),
                            Cell::opt(y.outside_la_pct),
                            Cell::opt(y.private_provision_pct),
                            Cell::opt(y.uasc),
                            Cell::opt(y.children_in_homes),
                            Cell::int(y.homes_listed),
                            Cell::int(y.places_listed),
                        ]
                    })
                    .collect(),
            };
            let homes = Sheet {
                name: format!("Children's homes in {} ({})", p.row.name, p.homes.len()),
                columns: vec!["urn", "sector", "owner", "places", "grade", "inspected"],
                rows: p
                    .homes
                    .iter()
                    .map(|h| {
                        vec![
                            Cell::text(h.urn.as_str()),
                            Cell::text(h.sector.name()),
                            Cell::text(h.owner.clone().unwrap_or_default()),
                            Cell::opt(h.places),
                            Cell::grade(h.rating),
                            Cell::text(h.rating_date.map(|d| d.to_string()).unwrap_or_default()),
                        ]
                    })
                    .collect(),
            };
            emit(&args.output, &[head, ilacs, years, homes], &[], &p, out)?;
        }
        Sub::Regions { year } => {
            let year = year.unwrap_or(latest_dfe);
            let rows = o.region_table(year);
            let sheet = Sheet {
                name: format!("Regions ({year})"),
                columns: vec![
                    "region",
                    "LAs",
                    "ILACS O",
                    "G",
                    "RI",
                    "I",
                    "CLA",
                    "in homes",
                    "homes",
                    "places",
                    "% homes good+",
                ],
                rows: rows
                    .iter()
                    .map(|r| {
                        vec![
                            Cell::text(r.region.name()),
                            Cell::int(r.las),
                            Cell::int(r.ilacs.outstanding),
                            Cell::int(r.ilacs.good),
                            Cell::int(r.ilacs.requires_improvement),
                            Cell::int(r.ilacs.inadequate),
                            Cell::int(r.cla),
                            Cell::int(r.children_in_homes),
                            Cell::int(r.homes),
                            Cell::int(r.places),
                            Cell::opt_dec(r.home_ratings.good_or_outstanding_pct(), 1),
                        ]
                    })
                    .collect(),
            };
            emit(&args.output, &[sheet], &[], &rows, out)?;
        }
        Sub::Map { metric: m, year, svg } => {
            let m = metric(m)?;
            let rows = o.la_table(year.unwrap_or(latest_dfe));
            write_svg(svg, &carelens_oversight::la_map_svg(&rows, m))?;
            writeln!(out, "wrote {} ({} LAs, {})", svg.display(), rows.len(), m.title())?;
        }
    }
    Ok(ExitStatus::Clean)
}
