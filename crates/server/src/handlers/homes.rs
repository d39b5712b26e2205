//! Children's homes and their owners, from Ofsted's register (public data), through
//! `carelens-oversight`: search, one home, one owner, and the sector and owner-size picture.
//! Public data, so every signed-in user sees the same; answers are cached once per query.

use std::sync::OnceLock;

use axum::extract::{Path, Query, State};
use axum::response::Response;
use carelens_model::Urn;
use carelens_oversight::{Oversight, owner_key};
use carelens_store::{Principal, Role};
use serde::Deserialize;

use crate::auth::Auth;
use crate::error::{ApiError, ApiResult};
use crate::handlers::json_bytes;
use crate::state::{AppState, to_json};

fn oversight() -> &'static Oversight {
    Oversight::shipped()
}

/// Public answers are the same for everyone: one cache view for all.
fn public() -> Principal {
    Principal::new("public", Role::National)
}

/// `?q=` of the search.
#[derive(Debug, Deserialize)]
pub(crate) struct SearchQuery {
    #[serde(default)]
    q: String,
}

/// Most homes one search answer lists.
const MAX_HOMES: usize = 500;

/// `GET /api/homes/search?q=`: open children's homes whose URN, owner, LA or region contains
/// the text, and owners whose name does.
pub(crate) async fn search(
    State(state): State<AppState>,
    Auth(_who): Auth,
    Query(q): Query<SearchQuery>,
) -> ApiResult<Response> {
    let text = q.q.trim().to_owned();
    if text.is_empty() {
        return Err(ApiError::BadRequest("search: give some text with ?q=".to_owned()));
    }
    let key = format!("homes/search/{}", text.to_lowercase());
    let body = state
        .cached(&public(), &key, move |_| {
            let o = oversight();
            let homes = o.search_homes(&text, false);
            let total = homes.len();
            let owners = o.search_owners(&text);
            to_json(&serde_json::json!({
                "query": text,
                "year": o.latest_year(),
                "homes": homes.into_iter().take(MAX_HOMES).collect::<Vec<_>>(),
                "total_homes": total,
                "truncated": total > MAX_HOMES,
                "owners": owners,
            }))
        })
        .await?;
    Ok(json_bytes(body))
}

/// `GET /api/homes/{urn}`: one setting's yearly entries and inspections.
pub(crate) async fn home(
    State(state): State<AppState>,
    Auth(_who): Auth,
    Path(urn): Path<String>,
) -> ApiResult<Response> {
    let urn = Urn::parse(&urn)
        .ok_or_else(|| ApiError::BadRequest(format!("URN {urn:?}: expected digits")))?;
    let body = state
        .cached(&public(), &format!("homes/{urn}"), move |_| {
            let profile = oversight().home_profile(&urn).ok_or(ApiError::NotFound)?;
            to_json(&profile)
        })
        .await?;
    Ok(json_bytes(body))
}

/// `GET /api/owners/{owner}`: an owner's homes, grades and places over time, and its share of
/// each region's and LA's children's homes.
pub(crate) async fn owner(
    State(state): State<AppState>,
    Auth(_who): Auth,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let key = owner_key(&id).ok_or(ApiError::NotFound)?;
    let body = state
        .cached(&public(), &format!("owners/{}", key.as_str()), move |_| {
            let o = oversight();
            let profile = o.owner_profile(&key).ok_or(ApiError::NotFound)?;
            // The owner's share of the children's homes in each LA it has homes in.
            let table = o.la_table(o.latest_year());
            let market: Vec<serde_json::Value> = profile
                .las
                .iter()
                .map(|(code, homes)| {
                    let all = table.iter().find(|r| r.code == *code).map_or(0, |r| r.homes_in_la);
                    serde_json::json!({
                        "la": code.to_string(),
                        "la_name": carelens_geo::la(*code).map(|l| l.name.clone()).unwrap_or_default(),
                        "homes": homes,
                        "all_homes": all,
                        "share": (all > 0).then(|| crate::catalogue::round1(100.0 * f64::from(*homes) / f64::from(all))),
                    })
                })
                .collect();
            let mut v = serde_json::to_value(&profile)
                .map_err(|e| ApiError::Internal(format!("owner JSON: {e}")))?;
            v["market_share"] = market.into();
            v["year"] = o.latest_year().into();
            to_json(&v)
        })
        .await?;
    Ok(json_bytes(body))
}

/// `GET /api/sector`: children's homes by sector and private owner size, grades over time by
/// sector, and the largest owners.
pub(crate) async fn sector(Auth(_who): Auth) -> ApiResult<Response> {
    static BODY: OnceLock<axum::body::Bytes> = OnceLock::new();
    if let Some(b) = BODY.get() {
        return Ok(json_bytes(b.clone()));
    }
    let b = tokio::task::spawn_blocking(|| {
        let o = oversight();
        let year = o.latest_year();
        let mut years: Vec<i16> = o.data().providers.iter().map(|p| p.year).collect();
        years.sort_unstable();
        years.dedup();
        let owners: Vec<_> = o.owners(year).into_iter().take(25).collect();
        to_json(&serde_json::json!({
            "year": year,
            "years": years,
            "comparison": o.sector_comparison(year),
            "over_time": o.ratings_over_time(),
            "top_owners": owners,
        }))
    })
    .await??;
    Ok(json_bytes(BODY.get_or_init(|| b.into()).clone()))
}
