//! `GET /api/meta`: what the dashboard needs first (authorities, regions, measures, years),
//! and `GET /api/health`.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use carelens_store::{Area, IndicatorQuery, IndicatorValue, Principal, Store};
use serde::Serialize;

use crate::auth::{Auth, user_json};
use crate::catalogue::{self, Measure};
use crate::error::ApiResult;
use crate::handlers::{json_bytes, published_years};
use crate::state::{AppState, to_json};

#[derive(Serialize)]
struct La {
    code: String,
    name: &'static str,
    region: &'static str,
    kind: &'static str,
}

/// `GET /api/meta`.
pub(crate) async fn meta(State(state): State<AppState>, Auth(who): Auth) -> ApiResult<Response> {
    let user = user_json(&who);
    let p = who.clone();
    let body = state
        .cached(&who, "meta", move |store| {
            let england = england_values(store, &p)?;
            let mut returns_years: Vec<i16> = england.iter().map(|v| v.year.end_year()).collect();
            returns_years.sort_unstable();
            returns_years.dedup();
            let las: Vec<La> = carelens_geo::las()
                .iter()
                .map(|l| La {
                    code: l.code.to_string(),
                    name: &l.name,
                    region: l.region.name(),
                    kind: &l.kind,
                })
                .collect();
            to_json(&serde_json::json!({
                "las": las,
                "regions": carelens_geo::Region::ALL.iter().map(|r| r.name()).collect::<Vec<_>>(),
                "indicators": measures(&england),
                "years": { "published": published_years(), "returns": returns_years },
            }))
        })
        .await?;
    // The user is not part of the cached body (one body serves every user of the same view):
    // it is spliced in front, `{"user":…,` + the cached object without its `{`.
    let mut out = Vec::with_capacity(body.len() + 256);
    out.extend_from_slice(b"{\"user\":");
    out.extend_from_slice(&to_json(&user)?);
    if body.len() > 2 {
        out.push(b',');
    }
    out.extend_from_slice(body.get(1..).unwrap_or(b"}"));
    Ok(json_bytes(out.into()))
}

/// Every measure: published, ILACS, then the computed ones present in the store.
pub(crate) fn measures(england: &[IndicatorValue]) -> Vec<Measure> {
    let mut out: Vec<Measure> =
        catalogue::PUBLISHED.iter().map(catalogue::Published::measure).collect();
    out.push(catalogue::ilacs_measure());
    out.extend(
        catalogue::OVERSIGHT
            .iter()
            .filter_map(|m| catalogue::oversight_measure(m.0))
            .map(|(_, m)| m),
    );
    let mut ids: Vec<&str> = england.iter().map(|v| v.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    out.extend(ids.into_iter().map(catalogue::computed_measure));
    out
}

/// Every computed indicator value for England (open to every role).
pub(crate) fn england_values(store: &Store, who: &Principal) -> ApiResult<Vec<IndicatorValue>> {
    Ok(store.indicators(who, &IndicatorQuery::new().area(Area::England))?)
}

/// `GET /api/health`: the server is up and the store answers. No authentication, no data.
pub(crate) async fn health(State(state): State<AppState>) -> ApiResult<Json<serde_json::Value>> {
    let (backend, version) = state.blocking(|s| Ok((s.backend(), s.schema_version()?))).await?;
    Ok(Json(serde_json::json!({ "status": "ok", "store": backend, "schema_version": version })))
}
