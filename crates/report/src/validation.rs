//! Validation reports in four formats.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use carelens_model::TableKind;
use carelens_rules::{Rule, Validation};
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet};
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
    if !validation.skipped.is_empty() {
        let mut reasons: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for (r, why) in &validation.skipped {
            reasons.entry(format!("{why:?}")).or_default().push(r.code);
        }
        writeln!(out)?;
        for (why, codes) in reasons {
            let why = match why.as_str() {
                "NoLastYear" => "need last year's return (--last-year)",
                "NoProviders" => "need the Ofsted provider lists (--providers)",
                _ => "need the LA (--la)",
            };
            writeln!(out, "Skipped {} rules that {why}: {}", codes.len(), codes.join(", "))?;
        }
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

/// An XLSX workbook: a summary sheet by rule, a sheet by child, and one sheet per table that has
/// findings, holding every row as sent with the failing cells highlighted and the rule codes of
/// each row in a last column.
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
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDD_EB_F7))
        .set_border(FormatBorder::Thin);
    let bad = Format::new()
        .set_background_color(Color::RGB(0xFF_C7_CE))
        .set_font_color(Color::RGB(0x9C_00_06));
    let wrap = Format::new().set_text_wrap();

    // Summary.
    let ws = wb.add_worksheet().set_name("Summary")?;
    ws.write_string(0, 0, format!("carelens validation of the {} return", validation.year))?;
    ws.write_string(
        1,
        0,
        format!("{} rules run, {} findings", validation.rules_run.len(), details.len()),
    )?;
    header(ws, 3, &["Rule", "Findings", "Children", "Fields", "Message"], &bold)?;
    for (i, (rule, ds)) in by_rule(details).iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_string(r, 0, rule.code)?;
        ws.write_number(r, 1, ds.len() as f64)?;
        ws.write_number(r, 2, distinct_children(ds) as f64)?;
        ws.write_string(r, 3, rule.fields.join(", "))?;
        ws.write_string_with_format(r, 4, rule.message, &wrap)?;
    }
    ws.set_column_width(0, 12)?;
    ws.set_column_width(3, 30)?;
    ws.set_column_width(4, 100)?;
    ws.set_freeze_panes(4, 0)?;

    // By child.
    let ws = wb.add_worksheet().set_name("By child")?;
    header(ws, 0, &["Child", "Findings", "Rules", "Tables"], &bold)?;
    for (i, (child, ds)) in by_child(details).iter().enumerate() {
        let r = 1 + i as u32;
        let mut codes: Vec<&str> = ds.iter().map(|d| d.rule.code).collect();
        codes.dedup();
        let mut tables: Vec<String> = ds.iter().map(|d| d.table_name()).collect();
        tables.sort();
        tables.dedup();
        ws.write_string(r, 0, *child)?;
        ws.write_number(r, 1, ds.len() as f64)?;
        ws.write_string(r, 2, codes.join(", "))?;
        ws.write_string(r, 3, tables.join(", "))?;
    }
    ws.set_column_width(0, 14)?;
    ws.set_column_width(2, 60)?;
    ws.set_freeze_panes(1, 0)?;

    // One sheet per table with findings.
    let mut per_table: BTreeMap<(bool, TableKind), BTreeMap<u32, Vec<&FindingDetail>>> =
        BTreeMap::new();
    for d in details {
        per_table.entry((d.last_year, d.table)).or_default().entry(d.row).or_default().push(d);
    }
    for ((last, kind), rows) in &per_table {
        let ret = if *last { returns.previous.first() } else { Some(&returns.current) };
        let Some(ret) = ret else { continue };
        let name = if *last { format!("{}_last", kind.name()) } else { kind.name().to_owned() };
        let ws = wb.add_worksheet().set_name(&name)?;
        let columns = kind.columns();
        let mut head: Vec<&str> = vec!["row", "line"];
        head.extend(columns.iter().copied());
        head.push("rules");
        header(ws, 0, &head, &bold)?;
        for (i, row) in ret.tables.rows(*kind).enumerate() {
            let r = 1 + i as u32;
            let loc = row.loc();
            ws.write_number(r, 0, f64::from(loc.row))?;
            if let Some(l) = loc.line {
                ws.write_number(r, 1, f64::from(l.get()))?;
            }
            let flagged = rows.get(&loc.row);
            for (c, col) in columns.iter().enumerate() {
                let Some(cell) = row.cell(c) else { continue };
                let failing =
                    flagged.is_some_and(|ds| ds.iter().any(|d| d.rule.fields.contains(col)));
                let x = 2 + c as u16;
                if failing {
                    ws.write_string_with_format(r, x, cell.raw, &bad)?;
                } else if !cell.raw.is_empty() {
                    ws.write_string(r, x, cell.raw)?;
                }
            }
            if let Some(ds) = flagged {
                let mut codes: Vec<&str> = ds.iter().map(|d| d.rule.code).collect();
                codes.dedup();
                ws.write_string(r, 2 + columns.len() as u16, codes.join(", "))?;
            }
        }
        ws.set_freeze_panes(1, 2)?;
        ws.autofilter(0, 0, ret.tables.len(*kind) as u32, 2 + columns.len() as u16)?;
    }
    wb.save(path)?;
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
