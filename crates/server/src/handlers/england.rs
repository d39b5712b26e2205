//! `GET /api/england`: headline figures, trends and regions.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::Response;
use carelens_geo::Region;
use carelens_public::LaFigures;
use carelens_store::IndicatorValue;
use serde::Serialize;

use crate::auth::Auth;
use crate::catalogue::{self, PUBLISHED, Unit};
use crate::error::ApiResult;
use crate::handlers::meta::england_values;
use crate::handlers::{json_bytes, published_years};
use crate::state::{AppState, to_json};

/// The measures in the regions table, the first also drawn as bars.
const REGION_MEASURES: &[&str] = &[
    "dfe.cla_rate",
    "dfe.cla",
    "dfe.placements_3plus",
    "dfe.outside_la",
    "dfe.over_20_miles",
    "dfe.private",
];

#[derive(Serialize)]
struct Headline {
    id: &'static str,
    label: &'static str,
    unit: Unit,
    year: Option<i16>,
    value: Option<f64>,
    previous: Option<f64>,
    /// The same measure computed from loaded returns for that year, where carelens computes it.
    computed: Option<f64>,
}

#[derive(Serialize)]
struct Trend {
    id: String,
    label: String,
    unit: Unit,
    published: Vec<(i16, Option<f64>)>,
    computed: Vec<(i16, Option<f64>)>,
}

#[derive(Serialize)]
struct RegionRow {
    region: &'static str,
    values: BTreeMap<&'static str, Option<f64>>,
}

#[derive(Serialize)]
struct Computed {
    id: String,
    label: String,
    unit: Unit,
    values: Vec<(i16, Option<f64>)>,
}

/// `GET /api/england`.
pub(crate) async fn england(State(state): State<AppState>, Auth(who): Auth) -> ApiResult<Response> {
    let p = who.clone();
    let body = state
        .cached(&who, "england", move |store| {
            let computed = england_values(store, &p)?;
            to_json(&build(&computed))
        })
        .await?;
    Ok(json_bytes(body))
}

fn build(computed: &[IndicatorValue]) -> serde_json::Value {
    let years = published_years();
    let latest = years.last().copied().unwrap_or(2025);
    let eng = |y: i16| carelens_public::england_figures(y);
    let twin_value = |pid: &str, year: i16| -> Option<f64> {
        let cid = catalogue::computed_twin(pid)?;
        computed.iter().find(|v| v.id == cid && v.year.end_year() == year).and_then(|v| v.value)
    };

    let headline: Vec<Headline> = PUBLISHED
        .iter()
        .filter(|m| m.headline)
        .map(|m| {
            // The latest year the measure is published for (missing incidents stop in 2024).
            let year = years.iter().rev().copied().find(|&y| eng(y).and_then(m.value).is_some());
            let value = year.and_then(eng).and_then(m.value);
            let previous = year.and_then(|y| eng(y - 1)).and_then(m.value);
            Headline {
                id: m.id,
                label: m.label,
                unit: m.unit,
                year,
                value,
                previous,
                computed: year.and_then(|y| twin_value(m.id, y)),
            }
        })
        .collect();

    let trend: Vec<Trend> = PUBLISHED
        .iter()
        .map(|m| {
            let computed = match catalogue::computed_twin(m.id) {
                Some(cid) => series_of(computed, cid),
                None => Vec::new(),
            };
            Trend {
                id: m.id.to_owned(),
                label: m.label.to_owned(),
                unit: m.unit,
                published: years.iter().map(|&y| (y, eng(y).and_then(m.value))).collect(),
                computed,
            }
        })
        .collect();

    let regions: Vec<RegionRow> = Region::ALL
        .iter()
        .map(|&r| RegionRow {
            region: r.name(),
            values: REGION_MEASURES
                .iter()
                .filter_map(|id| catalogue::published(id))
                .map(|m| (m.id, m.aggregate(region_figures(r, latest))))
                .collect(),
        })
        .collect();
    let england_values: BTreeMap<&str, Option<f64>> = REGION_MEASURES
        .iter()
        .filter_map(|id| catalogue::published(id))
        .map(|m| (m.id, eng(latest).and_then(m.value)))
        .collect();

    let mut ids: Vec<&str> = computed.iter().map(|v| v.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let computed_rows: Vec<Computed> = ids
        .into_iter()
        .map(catalogue::computed_measure)
        .filter(|m| m.headline || carelens_indicators::indicator(&m.id).is_none())
        .map(|m| {
            let id = m.id.as_str();
            Computed {
                values: series_of(computed, id),
                id: m.id.clone(),
                label: m.label,
                unit: m.unit,
            }
        })
        .collect();
    let las_loaded = computed.iter().filter_map(|v| v.las).max().unwrap_or(0);
    let mut loaded_years: Vec<i16> = computed.iter().map(|v| v.year.end_year()).collect();
    loaded_years.sort_unstable();
    loaded_years.dedup();

    serde_json::json!({
        "year": latest,
        "headline": headline,
        "trend": trend,
        "region_indicators": REGION_MEASURES,
        "regions": regions,
        "england_values": england_values,
        "computed": computed_rows,
        "returns": { "las": las_loaded, "years": loaded_years },
    })
}

/// One computed indicator's (year, value) pairs, oldest first.
pub(crate) fn series_of(values: &[IndicatorValue], id: &str) -> Vec<(i16, Option<f64>)> {
    let mut out: Vec<(i16, Option<f64>)> =
        values.iter().filter(|v| v.id == id).map(|v| (v.year.end_year(), v.value)).collect();
    out.sort_by_key(|(y, _)| *y);
    out
}

/// The published figures of every authority in a region for one year.
pub(crate) fn region_figures(
    region: Region,
    year: i16,
) -> impl Iterator<Item = &'static LaFigures> {
    carelens_geo::las()
        .iter()
        .filter(move |l| l.region == region)
        .filter_map(move |l| carelens_public::la_figures(l.code, year))
}
