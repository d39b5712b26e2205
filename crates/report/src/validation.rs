//! Validation reports in four formats.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use carelens_model::TableKind;
use carelens_rules::{Rule, SkipReason, Validation};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Note, Workbook, Worksheet};
use serde::Serialize;

use crate::detail::FindingDetail;
use crate::error::ReportError;

/// Per-rule counts, in registry order.
fn by_rule<'a>(details: &'a [FindingDetail]) -> Vec<(&'static Rule, Vec<&'a FindingDetail>)> {
    let mut map: BTreeMap<(usize, &'static str), (&'static Rule, Vec<&'a FindingDetail>)> =
        BTreeMap::new();
    for d in details {
        let order = carelens_rules::all_rules()
            .iter()
            .position(|r| std::ptr::eq(*r, d.rule))
            .unwrap_or(usize::MAX);
        map.entry((order, d.rule.code)).or_insert_with(|| (d.rule, Vec::new())).1.push(d);
    }
    map.into_values().collect()
}

/// Per-child findings, children with most findings first.
fn by_child(details: &[FindingDetail]) -> Vec<(&str, Vec<&FindingDetail>)> {
    let mut map: BTreeMap<&str, Vec<&FindingDetail>> = BTreeMap::new();
    for d in details {
        if let Some(c) = &d.child {
            map.entry(c.as_str()).or_default().push(d);
        }
    }
    let mut v: Vec<(&str, Vec<&FindingDetail>)> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    v
}

fn distinct_children(ds: &[&FindingDetail]) -> usize {
    let mut c: Vec<&str> = ds.iter().filter_map(|d| d.child.as_deref()).collect();
    c.sort_unstable();
    c.dedup();
    c.len()
}

/// Text for people: a summary table by rule, then the children with most findings.
///
/// # Errors
/// I/O errors from `out`.
pub fn write_text(
    validation: &Validation,
    details: &[FindingDetail],
    worst: usize,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    let la = validation.la.map_or_else(|| "LA not given".to_owned(), |l| format!("LA {l}"));
    writeln!(
        out,
        "Validation of the {} return ({la}): {} rules run, {} skipped, {} findings about {} children",
        validation.year,
        validation.rules_run.len(),
        validation.skipped.len(),
        details.len(),
        distinct_children(&details.iter().collect::<Vec<_>>()),
    )?;
    let groups = by_rule(details);
    if groups.is_empty() {
        writeln!(out, "No findings: the return passes every rule that was run.")?;
    } else {
        let w = groups.iter().map(|(r, _)| r.code.len()).max().unwrap_or(4).max(4);
        writeln!(out, "\n{:<w$}  {:>8}  {:>8}  message", "rule", "findings", "children")?;
        writeln!(out, "{}", "-".repeat(w + 30))?;
        for (rule, ds) in &groups {
            writeln!(
                out,
                "{:<w$}  {:>8}  {:>8}  {}",
                rule.code,
                ds.len(),
                distinct_children(ds),
                rule.message
            )?;
        }
    }
    let children = by_child(details);
    if !children.is_empty() && worst > 0 {
        writeln!(out, "\nChildren with the most findings")?;
        for (child, ds) in children.iter().take(worst) {
            let mut codes: Vec<&str> = ds.iter().map(|d| d.rule.code).collect();
            codes.dedup();
            writeln!(out, "  {child}: {} findings ({})", ds.len(), codes.join(", "))?;
        }
    }
    let mut reasons: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (rule, why) in &validation.skipped {
        reasons.entry(skip_reason(*why)).or_default().push(rule.code);
    }
    if !reasons.is_empty() {
        writeln!(out)?;
    }
    for (why, codes) in reasons {
        writeln!(out, "Skipped {} rules: {why}: {}", codes.len(), codes.join(", "))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonReport<'a> {
    collection_year: String,
    la: Option<String>,
    rules_run: Vec<&'a str>,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    table: String,
    row: u32,
    line: Option<u32>,
    child: Option<&'a str>,
    fields: Vec<&'a str>,
    values: BTreeMap<&'a str, &'a str>,
    message: &'a str,
}

/// JSON in the fixed shape other tools rely on:
/// `{"collection_year","la","rules_run":[…],"findings":[{"rule","table","row","line","child",
/// "fields","values","message"}…]}`, findings sorted by rule, table, row.
///
/// # Errors
/// I/O or serialisation errors.
pub fn write_json(
    validation: &Validation,
    details: &[FindingDetail],
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    let mut rules_run: Vec<&str> = validation.rules_run.iter().map(|r| r.code).collect();
    rules_run.dedup();
    let report = JsonReport {
        collection_year: validation.year.to_string(),
        la: validation.la.map(|l| l.to_string()),
        rules_run,
        findings: details
            .iter()
            .map(|d| JsonFinding {
                rule: d.rule.code,
                table: d.table_name(),
                row: d.row,
                line: d.line,
                child: d.child.as_deref(),
                fields: d.fields().collect(),
                values: d.values.iter().map(|(f, v)| (*f, v.as_str())).collect(),
                message: d.rule.message,
            })
            .collect(),
    };
    serde_json::to_writer(&mut *out, &report)?;
    writeln!(out)?;
    Ok(())
}

/// CSV, one finding per line: `rule,table,row,line,child,fields,values,message` (fields joined
/// by `;`, values as `FIELD=value` joined by `;`).
///
/// # Errors
/// I/O or CSV errors.
pub fn write_csv(details: &[FindingDetail], out: &mut dyn Write) -> Result<(), ReportError> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(out);
    w.write_record(["rule", "table", "row", "line", "child", "fields", "values", "message"])?;
    for d in details {
        let fields: Vec<&str> = d.fields().collect();
        let values: Vec<String> = d.values.iter().map(|(f, v)| format!("{f}={v}")).collect();
        w.write_record([
            d.rule.code,
            &d.table_name(),
            &d.row.to_string(),
            &d.line.map(|l| l.to_string()).unwrap_or_default(),
            d.child.as_deref().unwrap_or(""),
            &fields.join(";"),
            &values.join(";"),
            d.rule.message,
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// The fill of a failing cell (Excel's "light red fill with dark red text").
const BAD_FILL: u32 = 0xFF_C7_CE;
/// The font of a failing cell.
const BAD_FONT: u32 = 0x9C_00_06;
/// The fill of the header row.
const HEADER_FILL: u32 = 0xDD_EB_F7;
/// The fill of a flagged row's `rules` cell.
const RULES_FILL: u32 = 0xFF_EB_9C;

/// The cell formats the workbook uses.
struct Formats {
    title: Format,
    bold: Format,
    header: Format,
    bad: Format,
    rules: Format,
    wrap: Format,
    center: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(HEADER_FILL))
                .set_border(FormatBorder::Thin),
            bad: Format::new()
                .set_background_color(Color::RGB(BAD_FILL))
                .set_font_color(Color::RGB(BAD_FONT)),
            rules: Format::new().set_background_color(Color::RGB(RULES_FILL)),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            center: Format::new().set_align(FormatAlign::Center).set_align(FormatAlign::Top),
        }
    }
}

/// An XLSX workbook for analysts:
///
/// * **Summary**: the year, LA and totals, a legend, one row per rule with findings (code,
///   findings, children, tables, fields, message), and the rules skipped and why;
/// * **By child**: each child with findings, most first, and the rules it fails;
/// * **Findings**: every finding, one per row, as in the CSV report;
/// * one sheet per table with findings (`Episodes`, `Header_last`, …): every row as sent, the
///   cells a rule reports filled light red with a note giving the rules' messages, and the
///   rule codes of the row in a last `rules` column.
///
/// Every sheet has a frozen, filterable header row and prints landscape with the header repeated.
///
/// # Errors
/// Errors writing the workbook.
pub fn write_xlsx(
    validation: &Validation,
    details: &[FindingDetail],
    returns: &carelens_model::Returns,
    path: &Path,
) -> Result<(), ReportError> {
    let mut wb = Workbook::new();
    let fmt = Formats::new();
    summary_sheet(wb.add_worksheet(), validation, details, &fmt)?;
    by_child_sheet(wb.add_worksheet(), details, &fmt)?;
    findings_sheet(wb.add_worksheet(), details, &fmt)?;

    // One sheet per table with findings, this year's tables first.
    let mut per_table: BTreeMap<(bool, TableKind), BTreeMap<u32, Vec<&FindingDetail>>> =
        BTreeMap::new();
    for d in details {
        per_table.entry((d.last_year, d.table)).or_default().entry(d.row).or_default().push(d);
    }
    for ((last, kind), flagged) in &per_table {
        let ret = if *last { returns.previous.first() } else { Some(&returns.current) };
        let Some(ret) = ret else { continue };
        table_sheet(wb.add_worksheet(), ret, *kind, *last, flagged, &fmt)?;
    }
    wb.save(path)?;
    Ok(())
}

/// The derived placement columns carelens adds to Episodes, as the reference does: rules
/// 169, 179, 392a, 452, 453 and the 503 family report them.
const DERIVED: [&str; 3] = ["PL_LA", "PL_LOCATION", "PL_DISTANCE"];

/// The columns a table sheet shows: the table's own, then (Episodes) the derived ones.
fn sheet_columns(kind: TableKind) -> Vec<&'static str> {
    let mut columns = kind.columns().to_vec();
    if kind == TableKind::Episodes {
        columns.extend(DERIVED);
    }
    columns
}

fn print_setup(ws: &mut Worksheet, header_row: u32) -> Result<(), ReportError> {
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_footer("&L&A&RPage &P of &N");
    Ok(())
}

fn summary_sheet(
    ws: &mut Worksheet,
    validation: &Validation,
    details: &[FindingDetail],
    fmt: &Formats,
) -> Result<(), ReportError> {
    ws.set_name("Summary")?;
    let la = validation.la.map_or_else(|| "not given".to_owned(), |l| l.to_string());
    ws.write_string_with_format(0, 0, "carelens: SSDA903 validation", &fmt.title)?;
    let facts: [(&str, String); 6] = [
        ("Collection year", validation.year.to_string()),
        ("Local authority", la),
        ("Rules run", validation.rules_run.len().to_string()),
        ("Rules skipped", validation.skipped.len().to_string()),
        ("Findings", details.len().to_string()),
        (
            "Children with findings",
            distinct_children(&details.iter().collect::<Vec<_>>()).to_string(),
        ),
    ];
    for (i, (k, v)) in facts.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_string_with_format(r, 0, *k, &fmt.bold)?;
        ws.write_string(r, 1, v)?;
    }
    // Legend.
    let legend = 8;
    ws.write_string_with_format(legend, 0, "How to read this workbook", &fmt.bold)?;
    ws.write_string_with_format(legend + 1, 0, "ETHNIC", &fmt.bad)?;
    ws.write_string(
        legend + 1,
        1,
        "A value a rule reports (on the table sheets). Hover over it for the rule's message.",
    )?;
    ws.write_string_with_format(legend + 2, 0, "103, 142", &fmt.rules)?;
    ws.write_string(
        legend + 2,
        1,
        "The last column of a table sheet: the rules that report the row.",
    )?;
    let notes = [
        "'By child' lists each child and the rules it fails, most findings first.",
        "'Findings' lists every finding, one per row, as the CSV report does.",
        "Each table sheet (Episodes, Header_last, …) shows that table as sent; Episodes adds the \
         derived PL_LA, PL_LOCATION and PL_DISTANCE.",
        "'row' counts a table's rows from 0; 'line' is the line in the CSV file. Every header row \
         has filters.",
    ];
    for (i, n) in notes.iter().enumerate() {
        ws.write_string(legend + 3 + i as u32, 1, *n)?;
    }
    let head = legend + 8;
    header(
        ws,
        head,
        &["Rule", "Findings", "Children", "Tables", "Fields", "Message"],
        &fmt.header,
    )?;
    let groups = by_rule(details);
    for (i, (rule, ds)) in groups.iter().enumerate() {
        let r = head + 1 + i as u32;
        let mut tables: Vec<String> = ds.iter().map(|d| d.table_name()).collect();
        tables.sort();
        tables.dedup();
        let (tables, fields) = (tables.join(", "), rule.fields.join(", "));
        ws.write_string_with_format(r, 0, rule.code, &fmt.wrap)?;
        ws.write_number_with_format(r, 1, ds.len() as f64, &fmt.center)?;
        ws.write_number_with_format(r, 2, distinct_children(ds) as f64, &fmt.center)?;
        ws.write_string_with_format(r, 3, &tables, &fmt.wrap)?;
        ws.write_string_with_format(r, 4, &fields, &fmt.wrap)?;
        ws.write_string_with_format(r, 5, rule.message, &fmt.wrap)?;
        // Spreadsheet programs do not grow a row for wrapped text written by a program:
        // give each row the lines its longest cell needs at these column widths.
        let lines = [(rule.message, 95), (fields.as_str(), 28), (tables.as_str(), 20)]
            .iter()
            .map(|(t, w)| t.chars().count().div_ceil(*w))
            .max()
            .unwrap_or(1);
        if lines > 1 {
            ws.set_row_height(r, 15.0 * lines as f64)?;
        }
    }
    let last = head + groups.len() as u32;
    if !groups.is_empty() {
        ws.autofilter(head, 0, last, 5)?;
    }
    let mut r = last + 2;
    let mut reasons: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (rule, why) in &validation.skipped {
        reasons.entry(skip_reason(*why)).or_default().push(rule.code);
    }
    for (why, codes) in reasons {
        ws.write_string_with_format(r, 0, format!("Skipped: {} rules", codes.len()), &fmt.bold)?;
        // Across the other columns: in column B alone (10 wide) the reason is cut after two
        // words when printed, as LibreOffice does not grow the row.
        let text = format!("{why}: {}", codes.join(", "));
        ws.merge_range(r, 1, r, 5, &text, &fmt.wrap)?;
        let lines = text.chars().count().div_ceil(160);
        if lines > 1 {
            ws.set_row_height(r, 15.0 * lines as f64)?;
        }
        r += 1;
    }
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 10)?;
    ws.set_column_width(2, 10)?;
    ws.set_column_width(3, 22)?;
    ws.set_column_width(4, 30)?;
    ws.set_column_width(5, 100)?;
    ws.set_freeze_panes(head + 1, 0)?;
    print_setup(ws, head)?;
    Ok(())
}

/// Why rules were skipped, and what to give to run them.
fn skip_reason(why: SkipReason) -> &'static str {
    match why {
        SkipReason::NoLastYear => "they need last year's return (--last-year)",
        SkipReason::NoProviders => "they need the Ofsted provider lists (--providers)",
        SkipReason::NoLa => "they need the LA (--la)",
    }
}

fn by_child_sheet(
    ws: &mut Worksheet,
    details: &[FindingDetail],
    fmt: &Formats,
) -> Result<(), ReportError> {
    ws.set_name("By child")?;
    header(ws, 0, &["Child", "Findings", "Rules failed", "Tables"], &fmt.header)?;
    let children = by_child(details);
    for (i, (child, ds)) in children.iter().enumerate() {
        let r = 1 + i as u32;
        let mut codes: Vec<&str> = ds.iter().map(|d| d.rule.code).collect();
        codes.dedup();
        let mut tables: Vec<String> = ds.iter().map(|d| d.table_name()).collect();
        tables.sort();
        tables.dedup();
        ws.write_string(r, 0, *child)?;
        ws.write_number_with_format(r, 1, ds.len() as f64, &fmt.center)?;
        ws.write_string(r, 2, codes.join(", "))?;
        ws.write_string(r, 3, tables.join(", "))?;
    }
    ws.autofilter(0, 0, children.len() as u32, 3)?;
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 10)?;
    ws.set_column_width(2, 60)?;
    ws.set_column_width(3, 40)?;
    ws.set_freeze_panes(1, 0)?;
    print_setup(ws, 0)?;
    Ok(())
}

fn findings_sheet(
    ws: &mut Worksheet,
    details: &[FindingDetail],
    fmt: &Formats,
) -> Result<(), ReportError> {
    ws.set_name("Findings")?;
    let head = ["Rule", "Table", "Row", "Line", "Child", "Fields", "Values", "Message"];
    header(ws, 0, &head, &fmt.header)?;
    for (i, d) in details.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_string(r, 0, d.rule.code)?;
        ws.write_string(r, 1, d.table_name())?;
        ws.write_number(r, 2, f64::from(d.row))?;
        if let Some(l) = d.line {
            ws.write_number(r, 3, f64::from(l))?;
        }
        ws.write_string(r, 4, d.child.as_deref().unwrap_or(""))?;
        ws.write_string(r, 5, d.fields().collect::<Vec<_>>().join(", "))?;
        let values: Vec<String> = d.values.iter().map(|(f, v)| format!("{f}={v}")).collect();
        ws.write_string(r, 6, values.join("; "))?;
        ws.write_string(r, 7, d.rule.message)?;
    }
    ws.autofilter(0, 0, details.len() as u32, head.len() as u16 - 1)?;
    for (c, w) in [8, 14, 8, 8, 14, 22, 30, 90].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    print_setup(ws, 0)?;
    Ok(())
}

fn table_sheet(
    ws: &mut Worksheet,
    ret: &carelens_model::Return903,
    kind: TableKind,
    last: bool,
    flagged: &BTreeMap<u32, Vec<&FindingDetail>>,
    fmt: &Formats,
) -> Result<(), ReportError> {
    let name = if last { format!("{}_last", kind.name()) } else { kind.name().to_owned() };
    ws.set_name(&name)?;
    let columns = sheet_columns(kind);
    let own = kind.columns().len();
    let mut head: Vec<&str> = vec!["row", "line"];
    head.extend(columns.iter().copied());
    head.push("rules");
    header(ws, 0, &head, &fmt.header)?;
    let rules_col = 2 + columns.len() as u16;
    let mut widths: Vec<usize> = head.iter().map(|h| h.len() + 3).collect();
    let mut rows = 0;
    for (i, row) in ret.tables.rows(kind).enumerate() {
        let r = 1 + i as u32;
        rows = r;
        let loc = row.loc();
        ws.write_number(r, 0, f64::from(loc.row))?;
        if let Some(l) = loc.line {
            ws.write_number(r, 1, f64::from(l.get()))?;
        }
        let ds = flagged.get(&loc.row);
        for (c, col) in columns.iter().enumerate() {
            let raw = if c < own {
                row.cell(c).map_or(String::new(), |cell| cell.raw.to_owned())
            } else {
                crate::detail::derived(ret, i, col).unwrap_or_default()
            };
            let x = 2 + c as u16;
            if i < 200 {
                widths[2 + c] = widths[2 + c].max(raw.chars().count() + 2);
            }
            // The rules that report this cell: those of the row whose fields include it.
            let mut rules: Vec<&'static Rule> = Vec::new();
            for d in ds.into_iter().flatten().filter(|d| d.rule.fields.contains(col)) {
                if !rules.iter().any(|r| std::ptr::eq(*r, d.rule)) {
                    rules.push(d.rule);
                }
            }
            if rules.is_empty() {
                if !raw.is_empty() {
                    ws.write_string(r, x, raw)?;
                }
                continue;
            }
            ws.write_string_with_format(r, x, raw, &fmt.bad)?;
            let text: Vec<String> =
                rules.iter().map(|r| format!("{}: {}", r.code, r.message)).collect();
            let note = Note::new(text.join("\n")).add_author_prefix(false).set_width(400);
            ws.insert_note(r, x, &note)?;
        }
        if let Some(ds) = ds {
            let mut codes: Vec<&str> = ds.iter().map(|d| d.rule.code).collect();
            codes.dedup();
            ws.write_string_with_format(r, rules_col, codes.join(", "), &fmt.rules)?;
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w).min(40) as f64)?;
    }
    ws.set_column_width(rules_col, 40)?;
    ws.set_freeze_panes(1, 2)?;
    ws.autofilter(0, 0, rows, rules_col)?;
    print_setup(ws, 0)?;
    Ok(())
}

fn header(
    ws: &mut Worksheet,
    row: u32,
    names: &[&str],
    format: &Format,
) -> Result<(), ReportError> {
    for (i, n) in names.iter().enumerate() {
        ws.write_string_with_format(row, i as u16, *n, format)?;
    }
    Ok(())
}
