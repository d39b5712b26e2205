//! Indicator reports: text for people, JSON and tidy CSV for tools and Power BI, an XLSX
//! workbook for analysts, and the child-level lists for the LA's own use.
//!
//! Every writer takes the values as computed ([`IndicatorValue`]) and the cells to show
//! ([`Shown`]: as computed, or suppressed for publication), so that the same suppression
//! applies to every format.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use serde::Serialize;

use crate::area::{Area, Level};
use crate::catalogue::{Indicator, Unit, catalogue, indicator};
use crate::docs::thousands;
use crate::error::IndicatorError;
use crate::outliers::Outlier;
use crate::record::ChildRecord;
use crate::suppress::{Cell, Shown};
use crate::value::IndicatorValue;

fn io(what: &str) -> impl Fn(std::io::Error) -> IndicatorError + '_ {
    move |e| IndicatorError::io(what, e)
}

/// `{"indicators":[…]}` with the values as computed (numbers, or `null`).
///
/// # Errors
/// I/O errors from `out`.
pub fn write_json(values: &[IndicatorValue], out: &mut dyn Write) -> Result<(), IndicatorError> {
    #[derive(Serialize)]
    struct Doc<'a> {
        indicators: &'a [IndicatorValue],
    }
    serde_json::to_writer(&mut *out, &Doc { indicators: values })
        .map_err(|e| IndicatorError::io("JSON", e.into()))?;
    writeln!(out).map_err(io("JSON"))
}

/// `{"indicators":[…]}` with suppressed cells (`"c"`, `"low"`, `"k"` in place of numbers).
///
/// # Errors
/// I/O errors from `out`.
pub fn write_json_shown(shown: &[Shown], out: &mut dyn Write) -> Result<(), IndicatorError> {
    #[derive(Serialize)]
    struct Doc<'a> {
        indicators: &'a [Shown],
    }
    serde_json::to_writer(&mut *out, &Doc { indicators: shown })
        .map_err(|e| IndicatorError::io("JSON", e.into()))?;
    writeln!(out).map_err(io("JSON"))
}

/// The columns of the tidy table (CSV and the workbook's Indicators sheet).
pub const TIDY_COLUMNS: [&str; 14] = [
    "id",
    "title",
    "topic",
    "unit",
    "area_level",
    "area",
    "area_name",
    "year",
    "numerator",
    "denominator",
    "value",
    "published_numerator",
    "published_denominator",
    "published_value",
];

fn level_name(l: Level) -> &'static str {
    match l {
        Level::La => "la",
        Level::Region => "region",
        Level::England => "england",
    }
}

/// One tidy row: text cells in [`TIDY_COLUMNS`] order.
fn tidy_row(v: &IndicatorValue, s: &Shown) -> Option<[String; 14]> {
    let ind = indicator(v.id)?;
    let published = ind.published_value(v.area, v.year);
    let p = |x: Option<f64>| x.map_or_else(String::new, |x| Cell::Number(x).text());
    Some([
        ind.id.to_owned(),
        ind.title.to_owned(),
        ind.topic.title().to_owned(),
        ind.unit.label().to_owned(),
        level_name(v.area.level()).to_owned(),
        v.area.code(),
        v.area.name(),
        s.year.clone(),
        s.numerator.text(),
        s.denominator.text(),
        s.value.text(),
        p(published.and_then(|p| p.numerator)),
        p(published.and_then(|p| p.denominator)),
        p(published.and_then(|p| p.value).map(crate::compute::round1)),
    ])
}

/// A tidy CSV for Power BI: one row per indicator, area and year, with the published figure
/// beside it where there is one.
///
/// # Errors
/// I/O errors from `out`.
pub fn write_csv(
    values: &[IndicatorValue],
    shown: &[Shown],
    out: &mut dyn Write,
) -> Result<(), IndicatorError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(TIDY_COLUMNS)?;
    for (v, s) in values.iter().zip(shown) {
        if let Some(row) = tidy_row(v, s) {
            w.write_record(&row)?;
        }
    }
    w.flush().map_err(io("CSV"))?;
    Ok(())
}

/// What the text report shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TextOptions {
    /// Every indicator, not only the headline ones.
    pub all: bool,
}

impl TextOptions {
    /// Headline indicators only.
    pub fn new() -> Self {
        Self::default()
    }

    /// Every indicator.
    #[must_use]
    pub fn all(mut self, all: bool) -> Self {
        self.all = all;
        self
    }
}

fn fmt_cell(unit: Unit, s: &Shown) -> String {
    match unit {
        Unit::Count => match s.value {
            Cell::Number(x) => thousands(x),
            other => other.text(),
        },
        Unit::Percent => {
            let v = match s.value {
                Cell::Number(x) => format!("{x:.1}%"),
                Cell::Empty => "–".to_owned(),
                other => other.text(),
            };
            let n = |c: Cell| match c {
                Cell::Number(x) => thousands(x),
                other => other.text(),
            };
            format!("{v} ({} of {})", n(s.numerator), n(s.denominator))
        }
        Unit::Mean => match s.value {
            Cell::Number(x) => format!("{x:.1}"),
            Cell::Empty => "–".to_owned(),
            other => other.text(),
        },
    }
}

fn fmt_published(unit: Unit, v: f64) -> String {
    match unit {
        Unit::Count => thousands(v),
        Unit::Percent => format!("{v:.1}%"),
        Unit::Mean => format!("{v:.1}"),
    }
}

/// The relative difference of `ours` from `published`, as `+3.2%`.
fn diff(ours: f64, published: f64) -> String {
    if published == 0.0 {
        return "–".to_owned();
    }
    format!("{:+.1}%", 100.0 * (ours / published - 1.0))
}

/// A text table: for each area, the indicators by year, each beside the published figure for
/// that area and year where there is one, and how far the computed value is from it.
///
/// # Errors
/// I/O errors from `out`.
pub fn write_text(
    values: &[IndicatorValue],
    shown: &[Shown],
    options: TextOptions,
    out: &mut dyn Write,
) -> Result<(), IndicatorError> {
    let e = io("the report");
    let mut by_area: BTreeMap<Area, Vec<(&IndicatorValue, &Shown)>> = BTreeMap::new();
    for (v, s) in values.iter().zip(shown) {
        by_area.entry(v.area).or_default().push((v, s));
    }
    for (n, (area, rows)) in by_area.iter().enumerate() {
        let mut years: Vec<_> = rows.iter().map(|(v, _)| v.year).collect();
        years.sort_unstable();
        years.dedup();
        if n > 0 {
            writeln!(out).map_err(&e)?;
        }
        let what = match area.level() {
            Level::La => format!("{} {}", area.code(), area.name()),
            Level::Region => format!("{} (the LAs given, added up)", area.name()),
            Level::England => "England (the LAs given, added up)".to_owned(),
        };
        writeln!(out, "{what}").map_err(&e)?;
        let mut header = vec!["indicator".to_owned()];
        for y in &years {
            header.push(y.to_string());
            header.push("published".to_owned());
            header.push("diff".to_owned());
        }
        let mut table = vec![header];
        for ind in catalogue() {
            if !(options.all || ind.headline) {
                continue;
            }
            let cells: Vec<Option<&(&IndicatorValue, &Shown)>> = years
                .iter()
                .map(|y| rows.iter().find(|(v, _)| v.id == ind.id && v.year == *y))
                .collect();
            if cells.iter().all(Option::is_none) {
                continue;
            }
            let mut row = vec![short(ind.title, 62)];
            for (y, c) in years.iter().zip(&cells) {
                row.push(c.map_or_else(|| "–".to_owned(), |(_, s)| fmt_cell(ind.unit, s)));
                let published = ind.published_value(*area, *y).and_then(|p| p.value);
                let ours = c.and_then(|(_, s)| s.value.number());
                row.push(published.map_or_else(String::new, |p| fmt_published(ind.unit, p)));
                row.push(match (ours, published) {
                    (Some(o), Some(p)) => diff(o, p),
                    _ => String::new(),
                });
            }
            table.push(row);
        }
        write_table(&table, out).map_err(&e)?;
    }
    Ok(())
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// Left-aligned first column, right-aligned others, two spaces between.
fn write_table(rows: &[Vec<String>], out: &mut dyn Write) -> std::io::Result<()> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0))
        .collect();
    for r in rows {
        let mut line = String::from("  ");
        for (c, cell) in r.iter().enumerate() {
            let pad = widths[c].saturating_sub(cell.chars().count());
            if c == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The outlier list as text.
///
/// # Errors
/// I/O errors from `out`.
pub fn write_outliers_text(
    outliers: &[Outlier],
    out: &mut dyn Write,
) -> Result<(), IndicatorError> {
    let e = io("the report");
    writeln!(
        out,
        "\nChildren to look at (for the LA's own use; never publish): {}",
        outliers.len()
    )
    .map_err(&e)?;
    let child_width =
        outliers.iter().map(|o| o.child.as_str().chars().count()).max().unwrap_or(5).max(5);
    writeln!(out, "  LA   year     {:<child_width$}  why", "child").map_err(&e)?;
    for o in outliers {
        let why: Vec<String> = o.reasons.iter().map(ToString::to_string).collect();
        writeln!(
            out,
            "  {:<3}  {}  {:<child_width$}  {}",
            o.la.map_or_else(String::new, |l| l.to_string()),
            o.year,
            o.child.as_str(),
            why.join("; ")
        )
        .map_err(&e)?;
    }
    Ok(())
}

/// The outlier list as CSV: `la,year,child,reasons`.
///
/// # Errors
/// I/O errors from `out`.
pub fn write_outliers_csv(outliers: &[Outlier], out: &mut dyn Write) -> Result<(), IndicatorError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["la", "year", "child", "reasons"])?;
    for o in outliers {
        let why: Vec<String> = o.reasons.iter().map(ToString::to_string).collect();
        w.write_record([
            o.la.map_or_else(String::new, |l| l.to_string()),
            o.year.to_string(),
            o.child.to_string(),
            why.join("; "),
        ])?;
    }
    w.flush().map_err(io("CSV"))?;
    Ok(())
}

/// The columns of the per-child stability record.
pub const CHILD_COLUMNS: [&str; 34] = [
    "la",
    "year",
    "child",
    "age_31_march",
    "sex",
    "ethnic_group",
    "uasc",
    "looked_after_in_year",
    "looked_after_31_march",
    "placement_31_march",
    "legal_status_31_march",
    "provider_31_march",
    "pl_la",
    "pl_location",
    "distance_miles",
    "distance_from_centroid",
    "started",
    "ceased",
    "ceased_reason",
    "placements_in_year",
    "placement_changes_in_year",
    "placements_in_2_years",
    "long_term_cohort",
    "same_carer_2_years",
    "social_worker_changes",
    "social_workers",
    "missing_incidents",
    "away_incidents",
    "missing_at_31_march",
    "days_under_16_in_barred_settings",
    "oc2",
    "oc3_age",
    "oc3_activity",
    "oc3_accommodation",
];

fn yn(b: bool) -> String {
    if b { "1".to_owned() } else { "0".to_owned() }
}

fn opt<T: ToString>(x: Option<T>) -> String {
    x.map_or_else(String::new, |x| x.to_string())
}

fn child_row(c: &ChildRecord) -> [String; 34] {
    let a = c.at_31_march;
    [
        opt(c.la),
        c.year.to_string(),
        c.child.to_string(),
        opt(c.age),
        opt(c.sex),
        opt(c.ethnicity.map(|e| format!("{e:?}"))),
        yn(c.uasc),
        yn(c.looked_after_in_year),
        yn(a.is_some()),
        opt(a.and_then(|a| a.place)),
        opt(a.and_then(|a| a.legal_status)),
        opt(a.and_then(|a| a.provider)),
        opt(a.and_then(|a| a.pl_la)),
        opt(a.and_then(|a| a.location).map(|l| match l {
            carelens_model::PlacementLocation::In => "IN",
            carelens_model::PlacementLocation::Out => "OUT",
        })),
        opt(a.and_then(|a| a.distance).map(|d| format!("{d:.1}"))),
        a.map_or_else(String::new, |a| yn(a.approximate)),
        yn(c.started),
        yn(c.ceased),
        opt(c.ceased_reason),
        c.placements.to_string(),
        c.moves.to_string(),
        opt(c.two_year_placements),
        yn(c.long_term_stable.is_some()),
        opt(c.long_term_stable.map(yn)),
        opt(c.social_worker_changes),
        opt(c.social_workers),
        c.missing.missing_incidents.to_string(),
        c.missing.away_incidents.to_string(),
        yn(c.missing.missing_at_31_march),
        c.days_under_16_in_barred_settings.to_string(),
        yn(c.oc2.is_some()),
        opt(c.oc3.and_then(|o| o.age)),
        opt(c.oc3.and_then(|o| o.activity)),
        opt(c.oc3.and_then(|o| o.accommodation)),
    ]
}

/// The per-child stability record as CSV, one row per child, LA and year.
///
/// # Errors
/// I/O errors from `out`.
pub fn write_children_csv<'a>(
    children: impl Iterator<Item = &'a ChildRecord>,
    out: &mut dyn Write,
) -> Result<(), IndicatorError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CHILD_COLUMNS)?;
    for c in children {
        w.write_record(child_row(c))?;
    }
    w.flush().map_err(io("CSV"))?;
    Ok(())
}

/// The catalogue as text: id, unit and title of every indicator, by topic.
///
/// # Errors
/// I/O errors from `out`.
pub fn write_catalogue_text(out: &mut dyn Write) -> Result<(), IndicatorError> {
    let e = io("the catalogue");
    for topic in crate::catalogue::Topic::ALL {
        writeln!(out, "{}", topic.title()).map_err(&e)?;
        let rows: Vec<Vec<String>> = catalogue()
            .iter()
            .filter(|i| i.topic == topic)
            .map(|i| vec![i.id.to_owned(), i.unit.label().to_owned(), i.title.to_owned()])
            .collect();
        write_table(&rows, out).map_err(&e)?;
        writeln!(out).map_err(&e)?;
    }
    Ok(())
}

/// What goes into the workbook besides the indicators.
#[derive(Default)]
pub struct WorkbookParts<'a> {
    /// The outlier list (left out when publishing).
    pub outliers: Option<&'a [Outlier]>,
    /// The child records (left out when publishing).
    pub children: Option<Vec<&'a ChildRecord>>,
    /// Lines for the About sheet (options used, suppression).
    pub about: Vec<(String, String)>,
}

/// An XLSX workbook: About, Indicators (the tidy table, filterable), Definitions (the
/// catalogue) and, for an LA's own use, Outliers and Children.
///
/// # Errors
/// [`IndicatorError::Xlsx`] when the workbook cannot be written.
pub fn write_xlsx(
    values: &[IndicatorValue],
    shown: &[Shown],
    parts: &WorkbookParts<'_>,
    path: &Path,
) -> Result<(), IndicatorError> {
    let x = |source: XlsxError| IndicatorError::Xlsx { path: path.to_path_buf(), source };
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDD_EB_F7))
        .set_border_bottom(FormatBorder::Thin);
    let title = Format::new().set_bold().set_font_size(14);

    {
        let ws = wb.add_worksheet();
        ws.set_name("About").map_err(x)?;
        ws.write_string_with_format(0, 0, "carelens: stability and safety indicators", &title)
            .map_err(x)?;
        for (i, (k, v)) in parts.about.iter().enumerate() {
            let row = u32::try_from(i + 2).unwrap_or(u32::MAX);
            ws.write_string_with_format(row, 0, k, &bold).map_err(x)?;
            ws.write_string(row, 1, v).map_err(x)?;
        }
        ws.set_column_width(0, 28).map_err(x)?;
        ws.set_column_width(1, 120).map_err(x)?;
    }

    {
        let ws = wb.add_worksheet();
        ws.set_name("Indicators").map_err(x)?;
        write_header(ws, &TIDY_COLUMNS, &header).map_err(x)?;
        let numeric = [8usize, 9, 10, 11, 12, 13];
        let mut row = 1u32;
        for (v, s) in values.iter().zip(shown) {
            let Some(cells) = tidy_row(v, s) else { continue };
            for (c, text) in cells.iter().enumerate() {
                let col = u16::try_from(c).unwrap_or(u16::MAX);
                match text.parse::<f64>() {
                    Ok(n) if numeric.contains(&c) => ws.write_number(row, col, n).map_err(x)?,
                    _ => ws.write_string(row, col, text).map_err(x)?,
                };
            }
            row += 1;
        }
        finish_table(ws, row, TIDY_COLUMNS.len()).map_err(x)?;
        ws.set_column_width(1, 50).map_err(x)?;
    }

    {
        let ws = wb.add_worksheet();
        ws.set_name("Definitions").map_err(x)?;
        let cols = [
            "id",
            "title",
            "topic",
            "unit",
            "definition",
            "denominator",
            "source fields",
            "published figure",
        ];
        write_header(ws, &cols, &header).map_err(x)?;
        for (i, ind) in catalogue().iter().enumerate() {
            let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
            for (c, text) in definition_row(ind).iter().enumerate() {
                ws.write_string(row, u16::try_from(c).unwrap_or(u16::MAX), text).map_err(x)?;
            }
        }
        finish_table(ws, u32::try_from(catalogue().len() + 1).unwrap_or(u32::MAX), cols.len())
            .map_err(x)?;
        ws.set_column_width(1, 50).map_err(x)?;
        ws.set_column_width(4, 100).map_err(x)?;
        ws.set_column_width(5, 60).map_err(x)?;
    }

    if let Some(outliers) = parts.outliers {
        let ws = wb.add_worksheet();
        ws.set_name("Outliers").map_err(x)?;
        let cols = ["la", "year", "child", "reasons"];
        write_header(ws, &cols, &header).map_err(x)?;
        for (i, o) in outliers.iter().enumerate() {
            let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let why: Vec<String> = o.reasons.iter().map(ToString::to_string).collect();
            ws.write_string(row, 0, o.la.map_or_else(String::new, |l| l.to_string())).map_err(x)?;
            ws.write_string(row, 1, o.year.to_string()).map_err(x)?;
            ws.write_string(row, 2, o.child.to_string()).map_err(x)?;
            ws.write_string(row, 3, why.join("; ")).map_err(x)?;
        }
        finish_table(ws, u32::try_from(outliers.len() + 1).unwrap_or(u32::MAX), cols.len())
            .map_err(x)?;
        ws.set_column_width(3, 80).map_err(x)?;
    }

    if let Some(children) = &parts.children {
        let ws = wb.add_worksheet();
        ws.set_name("Children").map_err(x)?;
        write_header(ws, &CHILD_COLUMNS, &header).map_err(x)?;
        for (i, c) in children.iter().enumerate() {
            let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
            for (col, text) in child_row(c).iter().enumerate() {
                let col = u16::try_from(col).unwrap_or(u16::MAX);
                // Child ids stay text (leading zeros); other numeric cells are numbers.
                match text.parse::<f64>() {
                    Ok(n) if col != 2 => ws.write_number(row, col, n).map_err(x)?,
                    _ => ws.write_string(row, col, text).map_err(x)?,
                };
            }
        }
        finish_table(
            ws,
            u32::try_from(children.len() + 1).unwrap_or(u32::MAX),
            CHILD_COLUMNS.len(),
        )
        .map_err(x)?;
    }

    wb.save(path).map_err(x)?;
    Ok(())
}

fn definition_row(ind: &Indicator) -> [String; 8] {
    [
        ind.id.to_owned(),
        ind.title.to_owned(),
        ind.topic.title().to_owned(),
        ind.unit.label().to_owned(),
        ind.definition.to_owned(),
        ind.denominator.unwrap_or("").to_owned(),
        ind.sources.join(", "),
        ind.published_source().unwrap_or_default(),
    ]
}

fn write_header(ws: &mut Worksheet, cols: &[&str], fmt: &Format) -> Result<(), XlsxError> {
    for (c, name) in cols.iter().enumerate() {
        ws.write_string_with_format(0, u16::try_from(c).unwrap_or(u16::MAX), *name, fmt)?;
    }
    Ok(())
}

fn finish_table(ws: &mut Worksheet, rows: u32, cols: usize) -> Result<(), XlsxError> {
    let last_col = u16::try_from(cols.saturating_sub(1)).unwrap_or(u16::MAX);
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.saturating_sub(1).max(1), last_col)?;
    Ok(())
}
