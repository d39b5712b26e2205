//! Findings resolved to what a person needs: child, line, fields and values.

use std::collections::HashMap;

use carelens_model::{AnyRow, Return903, Returns, TableKind};
use carelens_rules::{Finding, Rule, Validation, all_rules};

/// A finding with everything a report shows.
#[derive(Clone, Debug)]
pub struct FindingDetail {
    /// The rule.
    pub rule: &'static Rule,
    /// The table of the flagged row.
    pub table: TableKind,
    /// Whether the row is in last year's return (reported as `<Table>_last`).
    pub last_year: bool,
    /// 0-based row within the table.
    pub row: u32,
    /// 1-based line in the source file (CSV), `None` for XML.
    pub line: Option<u32>,
    /// The source file.
    pub file: Option<String>,
    /// The child (`None` when the row's CHILD is blank).
    pub child: Option<String>,
    /// The rule's fields that this table has, with the values as sent.
    pub values: Vec<(&'static str, String)>,
    /// A date that helps find the row (`DECOM`, `REVIEW`, `MIS_START`, …), as sent.
    pub locator: Option<(&'static str, String)>,
}

impl FindingDetail {
    /// The table name as reports show it: `Episodes`, or `Episodes_last` for last year's rows.
    pub fn table_name(&self) -> String {
        if self.last_year { format!("{}_last", self.table) } else { self.table.to_string() }
    }

    /// The rule's fields present in this table.
    pub fn fields(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.values.iter().map(|(f, _)| *f)
    }
}

const LOCATORS: &[&str] =
    &["DECOM", "REVIEW", "MIS_START", "SW_DECOM", "DATE_PLACED", "DOLO_START"];

/// Resolves every finding of a validation against the returns it was run on, sorted as every
/// report lists them: by rule (in registry order: numeric codes numerically, then the rest), then
/// table name (`Episodes` before `Episodes_last`), then row.
pub fn details(validation: &Validation, returns: &Returns) -> Vec<FindingDetail> {
    // The rule version in force for each code, with its registry position.
    let rules: HashMap<&str, (usize, &'static Rule)> = all_rules()
        .iter()
        .enumerate()
        .filter(|(_, r)| r.years.contains(validation.year))
        .map(|(i, r)| (r.code, (i, *r)))
        .collect();
    // Rows of each table, collected once: looking a row up by index is then O(1).
    let mut tables: HashMap<(bool, TableKind), Vec<&dyn AnyRow>> = HashMap::new();
    let mut out: Vec<(usize, FindingDetail)> = Vec::with_capacity(validation.findings.len());
    for f in &validation.findings {
        let Some((order, rule)) = rules.get(f.code).copied() else { continue };
        let ret: &Return903 = if f.last_year {
            match returns.previous.first() {
                Some(r) => r,
                None => continue,
            }
        } else {
            &returns.current
        };
        let rows = tables
            .entry((f.last_year, f.table))
            .or_insert_with(|| ret.tables.rows(f.table).collect());
        let Some(row) = rows.get(f.row as usize).copied() else { continue };
        out.push((order, detail(f, rule, ret, row)));
    }
    out.sort_by_cached_key(|(order, d)| (*order, d.table_name(), d.row));
    out.into_iter().map(|(_, d)| d).collect()
}

fn detail(f: &Finding, rule: &'static Rule, ret: &Return903, row: &dyn AnyRow) -> FindingDetail {
    let kind = f.table;
    let cell_value = |name: &str| -> Option<String> {
        let i = kind.column_index(name)?;
        row.cell(i).map(|c| c.raw.to_owned())
    };
    let mut values = Vec::new();
    for field in rule.fields {
        if values.iter().any(|(f, _): &(&str, String)| f == field) {
            continue;
        }
        if let Some(v) = cell_value(field) {
            values.push((*field, v));
        } else if kind == TableKind::Episodes
            && let Some(v) = derived(ret, f.row as usize, field)
        {
            values.push((*field, v));
        }
    }
    let locator = LOCATORS.iter().find_map(|l| cell_value(l).map(|v| (*l, v)));
    let loc = row.loc();
    FindingDetail {
        rule,
        table: kind,
        last_year: f.last_year,
        row: f.row,
        line: loc.line.map(|l| l.get()),
        file: ret.sources.get(loc.file as usize).map(|s| s.path.clone()),
        child: row.child().value().map(|c| c.as_str().to_owned()).or_else(|| {
            let raw = row.child().raw().trim();
            (!raw.is_empty()).then(|| raw.to_owned())
        }),
        values,
        locator,
    }
}

/// The derived placement fields of an episode, as text.
pub(crate) fn derived(ret: &Return903, row: usize, field: &str) -> Option<String> {
    let geo = ret.tables.episodes.rows.get(row)?.geo?;
    match field {
        "PL_LA" => Some(geo.pl_la.map(|a| a.to_string()).unwrap_or_default()),
        "PL_LOCATION" => Some(
            match geo.pl_location {
                Some(carelens_model::PlacementLocation::In) => "IN",
                Some(carelens_model::PlacementLocation::Out) => "OUT",
                None => "",
            }
            .to_owned(),
        ),
        "PL_DISTANCE" => Some(geo.pl_distance.map(|d| format!("{d:.1}")).unwrap_or_default()),
        _ => None,
    }
}
