//! Test support: small returns written as CSV text, and running one rule.

use carelens_model::{
    CollectionYear, Loc, PlacementArea, PlacementGeo, PlacementLocation, Return903, TableKind,
};

use crate::context::Ctx;
use crate::finding::Out;
use crate::providers::Providers;
use crate::rule::Rule;

/// A return from `(table name, csv text)` pairs. Only the columns given are filled; the rest are
/// blank. Cells are split on commas (no quoting: test data needs none). Episodes may also have
/// the derived columns `PL_LA`, `PL_LOCATION` (IN/OUT) and `PL_DISTANCE`, which set `geo`.
pub(crate) fn ret(tables: &[(&str, &str)]) -> Return903 {
    let mut r = Return903::default();
    for (name, text) in tables {
        let kind = TableKind::from_name(name).unwrap_or_else(|| panic!("unknown table {name}"));
        r.tables.mark_supplied(kind);
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let header: Vec<&str> =
            lines.next().unwrap_or_default().split(',').map(str::trim).collect();
        let map: Vec<Option<usize>> = kind
            .columns()
            .iter()
            .map(|c| header.iter().position(|h| h.eq_ignore_ascii_case(c)))
            .collect();
        let derived = ["PL_LA", "PL_LOCATION", "PL_DISTANCE"];
        for h in &header {
            let ok = kind.column_index(h).is_some()
                || (kind == TableKind::Episodes
                    && derived.iter().any(|d| d.eq_ignore_ascii_case(h)));
            assert!(ok, "{name} has no column {h}");
        }
        let pos = |col: &str| header.iter().position(|h| h.eq_ignore_ascii_case(col));
        for line in lines {
            let cells: Vec<&str> = line.split(',').collect();
            r.tables
                .push_cells(kind, Loc::default(), |i| map[i].and_then(|j| cells.get(j).copied()));
            if kind == TableKind::Episodes && derived.iter().any(|d| pos(d).is_some()) {
                let cell = |col: &str| {
                    pos(col).and_then(|j| cells.get(j)).map(|c| c.trim()).filter(|c| !c.is_empty())
                };
                let geo = PlacementGeo {
                    pl_la: cell("PL_LA").map(area),
                    pl_location: cell("PL_LOCATION").map(|l| match l {
                        "IN" => PlacementLocation::In,
                        _ => PlacementLocation::Out,
                    }),
                    pl_distance: cell("PL_DISTANCE").and_then(|d| d.parse().ok()),
                    precision: None,
                };
                if let Some(e) = r.tables.episodes.rows.last_mut() {
                    e.geo = Some(geo);
                }
            }
        }
    }
    r
}

/// `PL_LA` in a test table: a DfE code (`316`), a GSS code (`E09000025`) or WAL/SCO/NIR/NUK.
fn area(text: &str) -> PlacementArea {
    match text {
        "WAL" => PlacementArea::Wales,
        "SCO" => PlacementArea::Scotland,
        "NIR" => PlacementArea::NorthernIreland,
        "NUK" => PlacementArea::OutsideUk,
        other => carelens_model::LaCode::parse(other)
            .ok()
            .or_else(|| carelens_geo::la_by_gss(other).map(|l| l.code))
            .map_or_else(|| panic!("PL_LA {other:?} in a test table"), PlacementArea::La),
    }
}

/// Runs one rule; returns each finding as `"Table:row"` (`"Table_last:row"` for last year's
/// rows), sorted by table then row.
pub(crate) fn run(
    rule: &'static Rule,
    year: CollectionYear,
    cur: &Return903,
    last: Option<&Return903>,
) -> Vec<String> {
    run_with(rule, &Ctx::new(year, None, cur, last, &[], None))
}

/// Runs one rule in a given context.
pub(crate) fn run_with(rule: &'static Rule, ctx: &Ctx<'_>) -> Vec<String> {
    let mut found = Vec::new();
    (rule.check)(ctx, &mut Out::new(rule, &mut found));
    found.sort_unstable();
    found.dedup();
    found
        .into_iter()
        .map(|f| format!("{}{}:{}", f.table, if f.last_year { "_last" } else { "" }, f.row))
        .collect()
}

/// A context with the LA and Ofsted lists set.
#[allow(dead_code, reason = "for rules that need an LA or the Ofsted lists")]
pub(crate) fn ctx<'a>(
    year: CollectionYear,
    la: Option<u16>,
    cur: &'a Return903,
    last: Option<&'a Return903>,
    providers: Option<&'a Providers>,
) -> Ctx<'a> {
    let la = la.and_then(|c| carelens_model::LaCode::new(c).ok());
    Ctx::new(year, la, cur, last, &[], providers)
}
