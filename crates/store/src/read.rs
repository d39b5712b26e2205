//! Reading: summaries, indicators, findings, a child's rows and timeline. Authorisation is
//! checked by the callers in `store.rs` (child-level) or here (aggregates, filtered per row).

use std::collections::BTreeMap;

use carelens_model::{
    ChildId, CollectionYear, Date, Episode, LaCode, Loc, MoveKind, TableKind, Tables,
    care_histories,
};

use crate::access::Principal;
use crate::db::{Conn, P, Value};
use crate::error::Result;
use crate::types::{
    Area, CellStatus, CellView, ChildPage, ChildRows, ChildSummary, ChildTable, Code,
    FindingFilter, FindingRecord, IndicatorQuery, IndicatorValue, MoveKindView, ReturnSummary,
    RowView, RuleCount, Timeline, TimelineLegalStatus, TimelineMissing, TimelinePeriod,
    TimelinePlacement, TimelineReview, TimelineSocialWorker,
};

/// Columns carelens derives for Episodes rows, shown after the LA's own columns.
const DERIVED_COLUMNS: [&str; 3] = ["PL_LA", "PL_LOCATION", "PL_DISTANCE"];

fn year_of(v: &Value) -> Option<CollectionYear> {
    v.int().and_then(|y| i16::try_from(y).ok()).and_then(|y| CollectionYear::from_end_year(y).ok())
}

fn la_of(v: &Value) -> Option<LaCode> {
    v.int().and_then(|l| u16::try_from(l).ok()).and_then(|l| LaCode::new(l).ok())
}

fn strings(v: &Value) -> Vec<String> {
    v.text().and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default()
}

fn la_p(la: LaCode) -> P<'static> {
    P::Int(la.get().into())
}

fn year_p(year: CollectionYear) -> P<'static> {
    P::Int(year.end_year().into())
}

pub(crate) fn returns(c: &mut Conn, who: &Principal) -> Result<Vec<ReturnSummary>> {
    let rows = c.query(
        "SELECT la, year, loaded_at, sources, children, rows_total, findings, \
         children_with_findings, rules_run FROM la_years ORDER BY la, year",
        &[],
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let (Some(la), Some(year)) = (la_of(&r[0]), year_of(&r[1])) else { continue };
        if !who.can_read_aggregate(Area::La(la)) {
            continue;
        }
        let info = carelens_geo::la(la);
        out.push(ReturnSummary {
            la,
            la_name: info.map(|i| i.name.clone()).unwrap_or_default(),
            region: info.map(|i| i.region),
            year,
            loaded_at: r[2].text().unwrap_or_default().to_owned(),
            files: strings(&r[3]).len() as u64,
            children: r[4].count(),
            rows: r[5].count(),
            findings: r[6].count(),
            children_with_findings: r[7].count(),
            rules_run: r[8].count(),
        });
    }
    Ok(out)
}

fn marks(n: usize) -> String {
    vec!["?"; n].join(", ")
}

pub(crate) fn indicators(
    c: &mut Conn,
    who: &Principal,
    q: &IndicatorQuery,
) -> Result<Vec<IndicatorValue>> {
    for a in &q.areas {
        who.check_aggregate(*a)?;
    }
    let keys: Vec<String> = q.areas.iter().map(|a| a.key()).collect();
    let mut sql =
        "SELECT area, year, id, numerator, denominator, value, las FROM indicators WHERE 1 = 1"
            .to_owned();
    let mut params: Vec<P<'_>> = Vec::new();
    if !keys.is_empty() {
        sql.push_str(&format!(" AND area IN ({})", marks(keys.len())));
        params.extend(keys.iter().map(|k| P::Text(k)));
    }
    if !q.years.is_empty() {
        sql.push_str(&format!(" AND year IN ({})", marks(q.years.len())));
        params.extend(q.years.iter().map(|y| year_p(*y)));
    }
    if !q.ids.is_empty() {
        sql.push_str(&format!(" AND id IN ({})", marks(q.ids.len())));
        params.extend(q.ids.iter().map(|i| P::Text(i)));
    }
    let rows = c.query(&sql, &params)?;
    let mut out: Vec<IndicatorValue> = rows
        .into_iter()
        .filter_map(|r| {
            let area = r[0].text().and_then(Area::parse)?;
            Some(IndicatorValue {
                area,
                year: year_of(&r[1])?,
                id: r[2].text()?.to_owned(),
                numerator: r[3].real(),
                denominator: r[4].real(),
                value: r[5].real(),
                las: r[6].u32(),
            })
        })
        .filter(|v| who.can_read_aggregate(v.area))
        .collect();
    out.sort_by(|a, b| (&a.id, a.area, a.year).cmp(&(&b.id, b.area, b.year)));
    Ok(out)
}

pub(crate) fn findings_summary(
    c: &mut Conn,
    who: &Principal,
    area: Area,
    year: CollectionYear,
) -> Result<Vec<RuleCount>> {
    who.check_aggregate(area)?;
    let key = area.key();
    let rows = c.query(
        "SELECT rule, message, findings, children, las FROM finding_counts \
         WHERE area = ? AND year = ? ORDER BY findings DESC, rule",
        &[P::Text(&key), year_p(year)],
    )?;
    Ok(rows
        .into_iter()
        .map(|r| RuleCount {
            rule: r[0].text().unwrap_or_default().to_owned(),
            message: r[1].text().unwrap_or_default().to_owned(),
            findings: r[2].count(),
            children: r[3].count(),
            las: r[4].count(),
        })
        .collect())
}

/// Default page size for findings.
const FINDINGS_LIMIT: u32 = 1000;

pub(crate) fn findings(
    c: &mut Conn,
    la: LaCode,
    year: CollectionYear,
    filter: &FindingFilter,
) -> Result<Vec<FindingRecord>> {
    let mut sql = "SELECT rule, tbl, last_year, row_index, line, child, fields, vals, message \
                   FROM findings WHERE la = ? AND year = ?"
        .to_owned();
    let mut params = vec![la_p(la), year_p(year)];
    if let Some(rule) = &filter.rule {
        sql.push_str(" AND rule = ?");
        params.push(P::Text(rule));
    }
    if let Some(child) = &filter.child {
        sql.push_str(" AND child = ?");
        params.push(P::Text(child.as_str()));
    }
    sql.push_str(" ORDER BY rule, tbl, last_year, row_index LIMIT ? OFFSET ?");
    params.push(P::Int(filter.limit.unwrap_or(FINDINGS_LIMIT).into()));
    params.push(P::Int(filter.offset.into()));
    let rows = c.query(&sql, &params)?;
    Ok(rows.into_iter().filter_map(|r| finding(&r)).collect())
}

fn finding(r: &[Value]) -> Option<FindingRecord> {
    Some(FindingRecord {
        rule: r[0].text()?.to_owned(),
        table: TableKind::from_name(r[1].text()?)?,
        last_year: r[2].int()? != 0,
        row: r[3].u32()?,
        line: r[4].u32(),
        child: r[5].text().map(ChildId::new),
        fields: strings(&r[6]),
        values: strings(&r[7]),
        message: r[8].text().unwrap_or_default().to_owned(),
    })
}

/// `LIKE` pattern for "contains `text`", lower case, with `%`, `_` and `\` escaped.
fn contains_pattern(text: &str) -> String {
    let mut p = String::from("%");
    for ch in text.trim().to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(ch);
    }
    p.push('%');
    p
}

pub(crate) fn children(
    c: &mut Conn,
    la: LaCode,
    year: CollectionYear,
    search: Option<&str>,
    offset: u32,
    limit: u32,
) -> Result<ChildPage> {
    let pattern = search.filter(|s| !s.trim().is_empty()).map(contains_pattern);
    // LOWER on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
    let filter = if pattern.is_some() { " AND LOWER(child) LIKE ? ESCAPE '\\'" } else { "" };
    let mut params = vec![la_p(la), year_p(year)];
    if let Some(p) = &pattern {
        params.push(P::Text(p));
    }
    let total = c
        .query_one(
            &format!("SELECT COUNT(*) FROM children WHERE la = ? AND year = ?{filter}"),
            &params,
        )?
        .map_or(0, |r| r[0].count());
    params.push(P::Int(limit.into()));
    params.push(P::Int(offset.into()));
    let rows = c.query(
        &format!(
            "SELECT child, rows_total, episodes, findings FROM children \
             WHERE la = ? AND year = ?{filter} ORDER BY child LIMIT ? OFFSET ?"
        ),
        &params,
    )?;
    let children = rows
        .into_iter()
        .map(|r| ChildSummary {
            child: ChildId::new(r[0].text().unwrap_or_default()),
            rows: r[1].u32().unwrap_or(0),
            episodes: r[2].u32().unwrap_or(0),
            findings: r[3].u32().unwrap_or(0),
        })
        .collect();
    Ok(ChildPage { total, children })
}

/// One stored row.
struct Stored {
    year: CollectionYear,
    table: TableKind,
    row: u32,
    line: Option<u32>,
    cells: Vec<String>,
    derived: Option<Vec<String>>,
}

fn stored_rows(
    c: &mut Conn,
    la: LaCode,
    child: &ChildId,
    from: Option<CollectionYear>,
    to: CollectionYear,
) -> Result<Vec<Stored>> {
    let from = from.map_or(P::Int(0), year_p);
    let rows = c.query(
        "SELECT year, tbl, row_index, line, cells, derived FROM return_rows \
         WHERE la = ? AND child = ? AND year >= ? AND year <= ? ORDER BY year, tbl, row_index",
        &[la_p(la), P::Text(child.as_str()), from, year_p(to)],
    )?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(Stored {
                year: year_of(&r[0])?,
                table: TableKind::from_name(r[1].text()?)?,
                row: r[2].u32()?,
                line: r[3].u32(),
                cells: strings(&r[4]),
                derived: r[5].text().map(|_| strings(&r[5])),
            })
        })
        .collect())
}

/// Rebuilds a typed row from stored raw cells, to tell blank, valid and invalid apart exactly
/// as `carelens-model` does when reading a file.
fn cell_states(table: TableKind, cells: &[String]) -> Vec<CellStatus> {
    let mut t = Tables::default();
    let row = t.push_cells(table, Loc::default(), |i| cells.get(i).map(String::as_str));
    (0..cells.len())
        .map(|i| match row.cell(i).map(|c| c.state) {
            Some(carelens_model::CellState::Valid) => CellStatus::Valid,
            Some(carelens_model::CellState::Invalid) => CellStatus::Invalid,
            _ => CellStatus::Blank,
        })
        .collect()
}

pub(crate) fn child_rows(
    c: &mut Conn,
    la: LaCode,
    year: CollectionYear,
    child: &ChildId,
) -> Result<Option<ChildRows>> {
    let rows = stored_rows(c, la, child, Some(year), year)?;
    if rows.is_empty() {
        return Ok(None);
    }
    let findings = findings(
        c,
        la,
        year,
        &FindingFilter {
            child: Some(child.clone()),
            limit: Some(u32::MAX),
            ..FindingFilter::default()
        },
    )?;
    // (table, row) → findings on it, this year's rows only.
    let mut on_row: BTreeMap<(TableKind, u32), Vec<&FindingRecord>> = BTreeMap::new();
    for f in findings.iter().filter(|f| !f.last_year) {
        on_row.entry((f.table, f.row)).or_default().push(f);
    }
    let mut tables: Vec<ChildTable> = Vec::new();
    for &kind in TableKind::ALL {
        let mut columns: Vec<&'static str> = kind.columns().to_vec();
        if kind == TableKind::Episodes {
            columns.extend(DERIVED_COLUMNS);
        }
        let mut views = Vec::new();
        for s in rows.iter().filter(|s| s.table == kind) {
            let here = on_row.get(&(kind, s.row)).map(Vec::as_slice).unwrap_or_default();
            let failing_for = |column: &str| -> Vec<String> {
                let mut codes: Vec<String> = here
                    .iter()
                    .filter(|f| f.fields.iter().any(|x| x.eq_ignore_ascii_case(column)))
                    .map(|f| f.rule.clone())
                    .collect();
                codes.dedup();
                codes
            };
            let states = cell_states(kind, &s.cells);
            let mut cells: Vec<CellView> = kind
                .columns()
                .iter()
                .enumerate()
                .map(|(i, col)| CellView {
                    raw: s.cells.get(i).cloned().unwrap_or_default(),
                    status: states.get(i).copied().unwrap_or(CellStatus::Blank),
                    failing: failing_for(col),
                })
                .collect();
            if kind == TableKind::Episodes {
                let d = s.derived.clone().unwrap_or_default();
                cells.extend(DERIVED_COLUMNS.iter().enumerate().map(|(i, col)| CellView {
                    raw: d.get(i).cloned().unwrap_or_default(),
                    status: CellStatus::Derived,
                    failing: failing_for(col),
                }));
            }
            let mut rules: Vec<String> = here.iter().map(|f| f.rule.clone()).collect();
            rules.dedup();
            views.push(RowView { row: s.row, line: s.line, cells, rules });
        }
        if !views.is_empty() {
            tables.push(ChildTable { table: kind, columns, rows: views });
        }
    }
    Ok(Some(ChildRows { la, year, child: child.clone(), tables, findings }))
}

macro_rules! code {
    ($v:expr) => {
        $v.map(|x| Code { code: x.code(), label: x.label() })
    };
}

fn move_kind(k: MoveKind) -> MoveKindView {
    match k {
        MoveKind::Start => MoveKindView::Start,
        MoveKind::CarerChange => MoveKindView::CarerChange,
        MoveKind::SameCarer => MoveKindView::SameCarer,
    }
}

/// Rows of one table across years, each distinct row once: the same row sent again in a later
/// year's return (an episode still open at 31 March, say) is kept from the latest year.
fn latest_distinct<'s>(rows: &'s [Stored], table: TableKind, key: &[usize]) -> Vec<&'s Stored> {
    let mut by_key: BTreeMap<Vec<&str>, &Stored> = BTreeMap::new();
    for s in rows.iter().filter(|s| s.table == table) {
        let k: Vec<&str> = key.iter().map(|i| s.cells.get(*i).map_or("", |c| c.trim())).collect();
        by_key.insert(k, s); // rows come in year order: a later year replaces an earlier one
    }
    by_key.into_values().collect()
}

fn typed<R: carelens_model::Row>(s: &Stored) -> R {
    R::from_cells(Loc::default(), |i| s.cells.get(i).map(String::as_str))
}

pub(crate) fn timeline(
    c: &mut Conn,
    la: LaCode,
    year: CollectionYear,
    child: &ChildId,
) -> Result<Option<Timeline>> {
    let rows = stored_rows(c, la, child, None, year)?;
    if !rows.iter().any(|s| s.year == year) {
        return Ok(None);
    }
    let col = |t: TableKind, name: &str| t.column_index(name).unwrap_or(usize::MAX);

    // Episodes: one per DECOM, the latest year's version.
    let ep_rows = latest_distinct(&rows, TableKind::Episodes, &[col(TableKind::Episodes, "DECOM")]);
    let episodes: Vec<Episode> = ep_rows.iter().map(|s| typed(s)).collect();
    let derived: Vec<Vec<String>> =
        ep_rows.iter().map(|s| s.derived.clone().unwrap_or_default()).collect();
    let histories = care_histories(&episodes, false);
    let history = histories.first();

    let mut periods = Vec::new();
    let mut placements = Vec::new();
    let mut legal_statuses: Vec<TimelineLegalStatus> = Vec::new();
    let mut issues = Vec::new();
    let mut moves_in_year = 0;
    if let Some(h) = history {
        periods = h
            .periods
            .iter()
            .map(|p| TimelinePeriod { start: p.start, end: p.end, end_reason: code!(p.end_reason) })
            .collect();
        let index_of = |e: &Episode| episodes.iter().position(|x| std::ptr::eq(x, e));
        for p in &h.placements {
            let first_ep = h.episodes.get(p.episodes.start).copied();
            let d = first_ep.and_then(index_of).and_then(|i| derived.get(i));
            let text = |i: usize| d.and_then(|d| d.get(i)).filter(|s| !s.is_empty()).cloned();
            placements.push(TimelinePlacement {
                start: p.start,
                end: p.end,
                place: code!(p.place),
                provider: code!(p.provider),
                move_kind: move_kind(p.move_kind),
                end_reason: code!(p.end_reason),
                postcode: first_ep.map(|e| e.pl_post.raw().trim().to_owned()).unwrap_or_default(),
                urn: first_ep.map(|e| e.urn.raw().trim().to_owned()).unwrap_or_default(),
                pl_la: text(0),
                pl_location: text(1),
                distance_miles: text(2).and_then(|t| t.parse().ok()),
            });
        }
        for e in &h.episodes {
            let (Some(start), ls) = (e.decom.get(), e.ls.get()) else { continue };
            match legal_statuses.last_mut() {
                Some(last)
                    if last.end == Some(start)
                        && last.legal_status.map(|c| c.code) == ls.map(|l| l.code()) =>
                {
                    last.end = e.dec.get();
                }
                _ => legal_statuses.push(TimelineLegalStatus {
                    start,
                    end: e.dec.get(),
                    legal_status: code!(ls),
                }),
            }
        }
        issues = h.issues.iter().map(|i| format!("{i:?}")).collect();
        moves_in_year = u32::try_from(h.moves_in(year)).unwrap_or(u32::MAX);
    }

    // Rows open at the end of one year come back, ended, in the next: the same event is
    // known by when it began, and the latest year's version is kept.
    let keyed =
        |t: TableKind, names: &[&str]| -> Vec<usize> { names.iter().map(|n| col(t, n)).collect() };
    let mut missing: Vec<TimelineMissing> = latest_distinct(
        &rows,
        TableKind::Missing,
        &keyed(TableKind::Missing, &["MISSING", "MIS_START"]),
    )
    .into_iter()
    .map(|s| {
        let m: carelens_model::Missing = typed(s);
        TimelineMissing {
            kind: code!(m.missing.get()),
            start: m.mis_start.get(),
            end: m.mis_end.get(),
        }
    })
    .collect();
    missing.sort_by_key(|m| m.start);
    let mut reviews: Vec<TimelineReview> =
        latest_distinct(&rows, TableKind::Reviews, &keyed(TableKind::Reviews, &["REVIEW"]))
            .into_iter()
            .map(|s| {
                let r: carelens_model::Review = typed(s);
                TimelineReview { date: r.review.get(), participation: code!(r.review_code.get()) }
            })
            .collect();
    reviews.sort_by_key(|r| r.date);
    let mut social_workers: Vec<TimelineSocialWorker> = latest_distinct(
        &rows,
        TableKind::SwEpisodes,
        &keyed(TableKind::SwEpisodes, &["SW_ID", "SW_DECOM"]),
    )
    .into_iter()
    .map(|s| {
        let w: carelens_model::SwEpisode = typed(s);
        TimelineSocialWorker {
            sw_id: w.sw_id.raw().trim().to_owned(),
            start: w.sw_decom.get(),
            end: w.sw_dec.get(),
            reason: code!(w.sw_reason.get()),
        }
    })
    .collect();
    social_workers.sort_by_key(|w| w.start);

    // Header: this year's row, else the latest earlier one.
    let header = rows
        .iter()
        .filter(|s| s.table == TableKind::Header)
        .max_by_key(|s| s.year)
        .map(typed::<carelens_model::Header>);
    let dob: Option<Date> = header.as_ref().and_then(|h| h.dob.get());
    let sex = header.as_ref().and_then(|h| code!(h.sex.get()));

    Ok(Some(Timeline {
        la,
        year,
        child: child.clone(),
        dob,
        sex,
        periods,
        placements,
        legal_statuses,
        missing,
        reviews,
        social_workers,
        moves_in_year,
        issues,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_patterns_escape_wildcards() {
        assert_eq!(contains_pattern(" Ab%_\\ "), "%ab\\%\\_\\\\%");
    }
}
