//! Writing: loading an LA-year (replace, in one transaction) and refreshing the aggregates.

use std::collections::BTreeMap;

use carelens_geo::Region;
use carelens_model::{CollectionYear, LaCode, PlacementLocation, TableKind};

use crate::db::{Conn, P, Value};
use crate::error::{Result, StoreError};
use crate::prepare::LoadData;
use crate::store::LoadReport;
use crate::types::{Area, IndicatorValue};

/// The tables an LA-year owns, deleted and rewritten together. Indicators and finding counts
/// are keyed by area (the LA code as text).
const BY_LA_YEAR: &[&str] = &["return_rows", "findings", "children", "la_years"];
const BY_AREA_YEAR: &[&str] = &["indicators", "finding_counts"];

pub(crate) fn delete(conn: &mut Conn, la: LaCode, year: CollectionYear) -> Result<bool> {
    conn.transaction(|c| {
        let existed = delete_in(c, la, year)?;
        if existed {
            bump_version(c)?;
        }
        Ok(existed)
    })
}

/// Bumps `data_version` (inside the caller's transaction).
fn bump_version(c: &mut Conn) -> Result<()> {
    c.execute("UPDATE data_version SET version = version + 1 WHERE id = 1", &[])?;
    Ok(())
}

pub(crate) fn data_version(c: &mut Conn) -> Result<i64> {
    let row = c.query_one("SELECT version FROM data_version WHERE id = 1", &[])?;
    Ok(row.and_then(|r| r.first().and_then(Value::int)).unwrap_or(0))
}

fn delete_in(c: &mut Conn, la: LaCode, year: CollectionYear) -> Result<bool> {
    let (l, y) = (i64::from(la.get()), i64::from(year.end_year()));
    let existed = c
        .query_one("SELECT 1 FROM la_years WHERE la = ? AND year = ?", &[P::Int(l), P::Int(y)])?
        .is_some();
    for t in BY_LA_YEAR {
        c.execute(&format!("DELETE FROM {t} WHERE la = ? AND year = ?"), &[P::Int(l), P::Int(y)])?;
    }
    let key = Area::La(la).key();
    for t in BY_AREA_YEAR {
        c.execute(
            &format!("DELETE FROM {t} WHERE area = ? AND year = ?"),
            &[P::Text(&key), P::Int(y)],
        )?;
    }
    Ok(existed)
}

/// Per child: rows, Episodes rows, findings.
#[derive(Default)]
struct ChildCounts {
    rows: i64,
    episodes: i64,
    findings: i64,
}

pub(crate) fn load(conn: &mut Conn, data: &LoadData<'_>) -> Result<LoadReport> {
    if data.ret.year.is_some_and(|y| y != data.year) {
        return Err(StoreError::Invalid(format!(
            "the return is for {} but is being loaded as {}",
            data.ret.year.map(|y| y.to_string()).unwrap_or_default(),
            data.year
        )));
    }
    conn.transaction(|c| load_in(c, data))
}

fn load_in(c: &mut Conn, data: &LoadData<'_>) -> Result<LoadReport> {
    let (la, year) = (data.la, data.year);
    let (l, y) = (i64::from(la.get()), i64::from(year.end_year()));
    let replaced = delete_in(c, la, year)?;
    let ret = data.ret;

    let mut children: BTreeMap<String, ChildCounts> = BTreeMap::new();
    let mut rows_total: u64 = 0;
    {
        let mut bulk = c.bulk(
            "return_rows",
            &["la", "year", "tbl", "row_index", "child", "line", "file_index", "cells", "derived"],
        )?;
        let mut raw: Vec<&str> = Vec::with_capacity(16);
        for &kind in TableKind::ALL {
            let ncols = kind.columns().len();
            for row in ret.tables.rows(kind) {
                raw.clear();
                raw.extend((0..ncols).map(|i| row.cell(i).map_or("", |cell| cell.raw)));
                let cells = json(&raw)?;
                let derived = match kind {
                    TableKind::Episodes => {
                        derived(ret, row.loc().row).map(|d| json(&d)).transpose()?
                    }
                    _ => None,
                };
                let child = row.child().raw().trim();
                let loc = row.loc();
                bulk.push(&[
                    P::Int(l),
                    P::Int(y),
                    P::Text(kind.name()),
                    P::Int(loc.row.into()),
                    P::Text(child),
                    loc.line.map_or(P::Null, |n| P::Int(n.get().into())),
                    P::Int(loc.file.into()),
                    P::Text(&cells),
                    derived.as_deref().map_or(P::Null, P::Text),
                ])?;
                rows_total += 1;
                if !child.is_empty() {
                    let e = children.entry(child.to_owned()).or_default();
                    e.rows += 1;
                    e.episodes += i64::from(kind == TableKind::Episodes);
                }
            }
        }
        bulk.finish()?;
    }

    // Findings, and their counts per rule (LA level).
    struct RuleTally<'d> {
        message: &'d str,
        findings: i64,
        children: std::collections::BTreeSet<&'d str>,
    }
    let mut by_rule: BTreeMap<&str, RuleTally<'_>> = BTreeMap::new();
    let mut children_with_findings = std::collections::BTreeSet::new();
    {
        let mut bulk = c.bulk(
            "findings",
            &[
                "la",
                "year",
                "rule",
                "tbl",
                "row_index",
                "last_year",
                "line",
                "child",
                "fields",
                "vals",
                "message",
            ],
        )?;
        for f in &data.findings {
            let fields = json(&f.fields)?;
            let values = json(&f.values)?;
            let child = f.child.as_ref().map(|c| c.as_str());
            bulk.push(&[
                P::Int(l),
                P::Int(y),
                P::Text(&f.rule),
                P::Text(f.table.name()),
                P::Int(f.row.into()),
                P::Int(f.last_year.into()),
                f.line.map_or(P::Null, |n| P::Int(n.into())),
                child.map_or(P::Null, P::Text),
                P::Text(&fields),
                P::Text(&values),
                P::Text(&f.message),
            ])?;
            let t = by_rule.entry(&f.rule).or_insert_with(|| RuleTally {
                message: &f.message,
                findings: 0,
                children: std::collections::BTreeSet::new(),
            });
            t.findings += 1;
            if let Some(child) = child.filter(|c| !c.is_empty()) {
                t.children.insert(child);
                children_with_findings.insert(child);
                if let Some(e) = children.get_mut(child) {
                    e.findings += 1;
                }
            }
        }
        bulk.finish()?;
    }

    let key = Area::La(la).key();
    {
        let mut bulk = c.bulk(
            "finding_counts",
            &["area", "year", "rule", "message", "findings", "children", "las"],
        )?;
        for (rule, t) in &by_rule {
            bulk.push(&[
                P::Text(&key),
                P::Int(y),
                P::Text(rule),
                P::Text(t.message),
                P::Int(t.findings),
                P::Int(count(t.children.len())),
                P::Int(1),
            ])?;
        }
        bulk.finish()?;
    }

    {
        let mut bulk =
            c.bulk("children", &["la", "year", "child", "rows_total", "episodes", "findings"])?;
        for (child, n) in &children {
            bulk.push(&[
                P::Int(l),
                P::Int(y),
                P::Text(child),
                P::Int(n.rows),
                P::Int(n.episodes),
                P::Int(n.findings),
            ])?;
        }
        bulk.finish()?;
    }

    insert_indicators(c, &data.indicators)?;

    let sources: Vec<&str> = ret.sources.iter().map(|s| s.path.as_str()).collect();
    let sources = json(&sources)?;
    let region = carelens_geo::la(la).map(|a| a.region.name());
    let distinct_children = count(ret.children().len());
    let loaded_at = data.loaded_at.to_string();
    c.execute(
        "INSERT INTO la_years (la, year, region, loaded_at, sources, children, rows_total, \
         findings, children_with_findings, rules_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        &[
            P::Int(l),
            P::Int(y),
            region.map_or(P::Null, P::Text),
            P::Text(&loaded_at),
            P::Text(&sources),
            P::Int(distinct_children),
            P::Int(count(rows_total)),
            P::Int(count(data.findings.len())),
            P::Int(count(children_with_findings.len())),
            P::Int(data.rules_run.into()),
        ],
    )?;
    bump_version(c)?;
    Ok(LoadReport {
        la,
        year,
        replaced,
        rows: rows_total,
        findings: data.findings.len() as u64,
        indicators: data.indicators.len() as u64,
        children: distinct_children.unsigned_abs(),
    })
}

fn insert_indicators(c: &mut Conn, values: &[IndicatorValue]) -> Result<()> {
    let mut bulk =
        c.bulk("indicators", &["area", "year", "id", "numerator", "denominator", "value", "las"])?;
    for v in values {
        let area = v.area.key();
        // NaN and infinities are not numbers PostgreSQL and SQLite agree on: store no value.
        let finite = |x: Option<f64>| x.filter(|x| x.is_finite()).map_or(P::Null, P::Real);
        bulk.push(&[
            P::Text(&area),
            P::Int(v.year.end_year().into()),
            P::Text(&v.id),
            finite(v.numerator),
            finite(v.denominator),
            finite(v.value),
            v.las.map_or(P::Null, |n| P::Int(n.into())),
        ])?;
    }
    bulk.finish()
}

/// The derived placement fields of an Episodes row, as text (as reports show them).
fn derived(ret: &carelens_model::Return903, row: u32) -> Option<[String; 3]> {
    let geo = ret.tables.episodes.rows.get(row as usize)?.geo?;
    Some([
        geo.pl_la.map(|a| a.to_string()).unwrap_or_default(),
        match geo.pl_location {
            Some(PlacementLocation::In) => "IN".to_owned(),
            Some(PlacementLocation::Out) => "OUT".to_owned(),
            None => String::new(),
        },
        geo.pl_distance.map(|d| format!("{d:.1}")).unwrap_or_default(),
    ])
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Internal(format!("encoding JSON: {e}")))
}

fn count(n: impl TryInto<i64>) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

/// The area keys of every region and England: what `refresh_aggregates` rewrites.
fn aggregate_keys() -> Vec<String> {
    Region::ALL.iter().map(|r| Area::Region(*r).key()).chain([Area::England.key()]).collect()
}

pub(crate) fn refresh_aggregates(conn: &mut Conn, years: &[CollectionYear]) -> Result<()> {
    conn.transaction(|c| {
        let years: Vec<i64> = if years.is_empty() {
            c.query("SELECT DISTINCT year FROM la_years", &[])?
                .iter()
                .filter_map(|r| r.first().and_then(Value::int))
                .collect()
        } else {
            years.iter().map(|y| i64::from(y.end_year())).collect()
        };
        let keys = aggregate_keys();
        let marks = vec!["?"; keys.len()].join(", ");
        for y in years {
            let Ok(year) = i16::try_from(y)
                .map_err(|_| ())
                .and_then(|y| CollectionYear::from_end_year(y).map_err(|_| ()))
            else {
                continue;
            };
            let mut params: Vec<P<'_>> = keys.iter().map(|k| P::Text(k)).collect();
            params.push(P::Int(y));
            for t in BY_AREA_YEAR {
                c.execute(
                    &format!("DELETE FROM {t} WHERE area IN ({marks}) AND year = ?"),
                    &params,
                )?;
            }
            refresh_indicators(c, year)?;
            refresh_finding_counts(c, year)?;
        }
        bump_version(c)
    })
}

fn refresh_indicators(c: &mut Conn, year: CollectionYear) -> Result<()> {
    let rows = c.query(
        "SELECT area, id, numerator, denominator, value FROM indicators WHERE year = ?",
        &[P::Int(year.end_year().into())],
    )?;
    // (id, area) → LA values; BTreeMap for a stable order.
    let mut groups: BTreeMap<(String, Area), Vec<IndicatorValue>> = BTreeMap::new();
    for r in rows {
        let Some(Area::La(la)) = r[0].text().and_then(Area::parse) else { continue };
        let Some(id) = r[1].text() else { continue };
        let v = IndicatorValue {
            id: id.to_owned(),
            area: Area::La(la),
            year,
            numerator: r[2].real(),
            denominator: r[3].real(),
            value: r[4].real(),
            las: None,
        };
        if let Some(region) = Area::La(la).region() {
            groups.entry((id.to_owned(), Area::Region(region))).or_default().push(v.clone());
        }
        groups.entry((id.to_owned(), Area::England)).or_default().push(v);
    }
    let values: Vec<IndicatorValue> = groups
        .iter()
        .map(|((id, area), las)| crate::prepare::aggregate(id, *area, year, las))
        .collect();
    insert_indicators(c, &values)
}

fn refresh_finding_counts(c: &mut Conn, year: CollectionYear) -> Result<()> {
    let rows = c.query(
        "SELECT area, rule, message, findings, children FROM finding_counts WHERE year = ?",
        &[P::Int(year.end_year().into())],
    )?;
    #[derive(Default)]
    struct Sum {
        message: String,
        findings: i64,
        children: i64,
        las: i64,
    }
    let mut sums: BTreeMap<(Area, String), Sum> = BTreeMap::new();
    for r in rows {
        let Some(Area::La(la)) = r[0].text().and_then(Area::parse) else { continue };
        let (Some(rule), Some(message)) = (r[1].text(), r[2].text()) else { continue };
        let areas = [Area::La(la).region().map(Area::Region), Some(Area::England)];
        for area in areas.into_iter().flatten() {
            let s = sums.entry((area, rule.to_owned())).or_default();
            message.clone_into(&mut s.message);
            s.findings += r[3].int().unwrap_or(0);
            s.children += r[4].int().unwrap_or(0);
            s.las += 1;
        }
    }
    let mut bulk = c.bulk(
        "finding_counts",
        &["area", "year", "rule", "message", "findings", "children", "las"],
    )?;
    let y = i64::from(year.end_year());
    for ((area, rule), s) in &sums {
        let key = area.key();
        bulk.push(&[
            P::Text(&key),
            P::Int(y),
            P::Text(rule),
            P::Text(&s.message),
            P::Int(s.findings),
            P::Int(s.children),
            P::Int(s.las),
        ])?;
    }
    bulk.finish()
}
