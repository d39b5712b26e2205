//! Child-level routes: the children list, a child's rows with failing cells, a child's
//! timeline. LA users only, and only their own LA's children: the LA is the principal's, never
//! a path segment, so guessing another LA's child id just finds no such child here (404, the
//! same answer as for an id that exists nowhere). Never cached.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use carelens_model::{ChildId, CollectionYear, LaCode};
use carelens_store::{FindingFilter, Principal, Store};
use serde::Deserialize;

use crate::auth::ChildAccess;
use crate::error::{ApiError, ApiResult};
use crate::handlers::parse_year;
use crate::state::AppState;

/// Query of the children list.
#[derive(Debug, Deserialize)]
pub(crate) struct ChildrenQuery {
    #[serde(default)]
    year: Option<String>,
    /// Only ids containing this text.
    #[serde(default)]
    search: Option<String>,
    /// `1` or `true`: only children with at least one finding, with the rules they failed.
    #[serde(default)]
    with_findings: Option<String>,
    #[serde(default)]
    offset: Option<u32>,
    #[serde(default)]
    limit: Option<u32>,
}

/// `?year=` on a child's pages.
#[derive(Debug, Deserialize)]
pub(crate) struct YearQuery {
    #[serde(default)]
    year: Option<String>,
}

/// Most children one list answer holds (the largest LA has a few thousand in a year).
const MAX_LIMIT: u32 = 20_000;

/// `GET /api/children`.
pub(crate) async fn list(
    State(state): State<AppState>,
    access: ChildAccess,
    Query(q): Query<ChildrenQuery>,
) -> ApiResult<Json<serde_json::Value>> {
    let year = q.year.as_deref().map(parse_year).transpose()?;
    let only_failing = matches!(q.with_findings.as_deref(), Some("1" | "true"));
    let ChildAccess { who, la } = access;
    let value = state
        .blocking(move |s| {
            let year = year_or_latest(s, &who, la, year)?;
            let limit = q.limit.unwrap_or(MAX_LIMIT).min(MAX_LIMIT);
            let page =
                s.children(&who, la, year, q.search.as_deref(), q.offset.unwrap_or(0), limit)?;
            let mut rules: BTreeMap<String, Vec<String>> = BTreeMap::new();
            if only_failing {
                let filter = FindingFilter { limit: Some(u32::MAX), ..FindingFilter::default() };
                for f in s.findings(&who, la, year, &filter)? {
                    if let Some(c) = f.child {
                        let list = rules.entry(c.to_string()).or_default();
                        if !list.contains(&f.rule) {
                            list.push(f.rule);
                        }
                    }
                }
            }
            let children: Vec<serde_json::Value> = page
                .children
                .into_iter()
                .filter(|c| !only_failing || c.findings > 0)
                .map(|c| {
                    let id = c.child.to_string();
                    let mut r = rules.remove(&id).unwrap_or_default();
                    r.sort_by(|a, b| natural(a, b));
                    serde_json::json!({
                        "id": id,
                        "rows": c.rows,
                        "episodes": c.episodes,
                        "findings": c.findings,
                        "rules": r,
                    })
                })
                .collect();
            Ok(serde_json::json!({
                "la": la_json(la),
                "year": year.end_year(),
                "total": page.total,
                "children": children,
            }))
        })
        .await?;
    Ok(Json(value))
}

/// `GET /api/children/{child}/rows`.
pub(crate) async fn rows(
    State(state): State<AppState>,
    access: ChildAccess,
    Path(child): Path<String>,
    Query(q): Query<YearQuery>,
) -> ApiResult<Json<serde_json::Value>> {
    let (v, _) = child_view(state, access, &child, q, "child rows", |s, who, la, year, child| {
        Ok(s.child_rows(who, la, year, child)?)
    })
    .await?;
    Ok(Json(v))
}

/// `GET /api/children/{child}/timeline`.
pub(crate) async fn timeline(
    State(state): State<AppState>,
    access: ChildAccess,
    Path(child): Path<String>,
    Query(q): Query<YearQuery>,
) -> ApiResult<Json<serde_json::Value>> {
    let (mut v, year) =
        child_view(state, access, &child, q, "timeline", |s, who, la, year, child| {
            Ok(s.child_timeline(who, la, year, child)?)
        })
        .await?;
    v["as_at"] = year.end().to_string().into();
    Ok(Json(v))
}

/// One child's record as at a year (the one asked for, else the LA's latest), from `fetch`,
/// as JSON with the LA and year added, and that year; 404 when the LA has no such child.
async fn child_view<T, F>(
    state: AppState,
    access: ChildAccess,
    child: &str,
    q: YearQuery,
    what: &'static str,
    fetch: F,
) -> ApiResult<(serde_json::Value, CollectionYear)>
where
    T: serde::Serialize,
    F: FnOnce(&Store, &Principal, LaCode, CollectionYear, &ChildId) -> ApiResult<Option<T>>
        + Send
        + 'static,
{
    let year = q.year.as_deref().map(parse_year).transpose()?;
    let ChildAccess { who, la } = access;
    let child = ChildId::new(child.trim());
    state
        .blocking(move |s| {
            let year = year_or_latest(s, &who, la, year)?;
            let found = fetch(s, &who, la, year, &child)?.ok_or(ApiError::NotFound)?;
            let mut v = serde_json::to_value(&found)
                .map_err(|e| ApiError::Internal(format!("{what} JSON: {e}")))?;
            v["la"] = la_json(la);
            v["year"] = year.end_year().into();
            Ok((v, year))
        })
        .await
}

/// The year asked for, else the LA's latest loaded year; 404 when the LA has none.
fn year_or_latest(
    s: &Store,
    who: &Principal,
    la: LaCode,
    year: Option<CollectionYear>,
) -> ApiResult<CollectionYear> {
    if let Some(y) = year {
        return Ok(y);
    }
    s.returns(who)?
        .into_iter()
        .filter(|r| r.la == la)
        .map(|r| r.year)
        .max()
        .ok_or(ApiError::NotFound)
}

fn la_json(la: LaCode) -> serde_json::Value {
    serde_json::json!({
        "code": la.to_string(),
        "name": carelens_geo::la(la).map(|l| l.name.clone()).unwrap_or_default(),
    })
}

/// Rule codes in natural order ("103" before "1000", "SW01PL" after numbers).
fn natural(a: &str, b: &str) -> std::cmp::Ordering {
    let num = |s: &str| s.parse::<u32>().ok();
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}
