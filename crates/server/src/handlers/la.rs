//! `GET /api/la/{la}`: one authority's measures over the years against England, its region
//! and similar authorities, its ILACS judgement and its data quality.
//!
//! Published figures are public and shown to every user. Computed indicators and data quality
//! come from the store, which decides whose LA values a user may see: an LA user sees its own
//! LA's, a regional user its region's, a national user all.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::response::Response;
use carelens_model::{Date, LaCode};
use carelens_store::{Area, IndicatorQuery, IndicatorValue, Principal, Store};
use serde::Serialize;

use crate::auth::Auth;
use crate::catalogue::{self, Better, PUBLISHED, Source, Unit};
use crate::error::ApiResult;
use crate::handlers::england::{region_figures, series_of};
use crate::handlers::{json_bytes, parse_la, published_years};
use crate::state::{AppState, to_json};

/// How many similar authorities to compare with.
const SIMILAR: usize = 10;

type Series = Vec<(i16, Option<f64>)>;

#[derive(Serialize)]
struct MeasureSeries {
    id: String,
    label: String,
    unit: Unit,
    better: Option<Better>,
    source: Source,
    headline: bool,
    series: BTreeMap<&'static str, Series>,
}

#[derive(Serialize)]
struct SimilarLa {
    code: String,
    name: String,
    region: &'static str,
    cla_rate: Option<u32>,
}

/// `GET /api/la/{la}`.
pub(crate) async fn la(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(code): Path<String>,
) -> ApiResult<Response> {
    let code = parse_la(&code)?;
    let p = who.clone();
    let body =
        state.cached(&who, &format!("la/{code}"), move |s| to_json(&build(s, &p, code)?)).await?;
    Ok(json_bytes(body))
}

fn build(store: &Store, who: &Principal, code: LaCode) -> ApiResult<serde_json::Value> {
    let Some(info) = carelens_geo::la(code) else { return Err(crate::error::ApiError::NotFound) };
    let region = info.region;
    let similar = similar_las(code);
    let years = published_years();

    let mut measures: Vec<MeasureSeries> = PUBLISHED
        .iter()
        .map(|m| {
            let mut series = BTreeMap::new();
            let over = |f: &dyn Fn(i16) -> Option<f64>| -> Series {
                years.iter().map(|&y| (y, f(y))).collect()
            };
            series.insert("la", over(&|y| carelens_public::la_figures(code, y).and_then(m.value)));
            series.insert(
                "england",
                over(&|y| carelens_public::england_figures(y).and_then(m.value)),
            );
            series.insert("region", over(&|y| m.aggregate(region_figures(region, y))));
            series.insert(
                "similar",
                over(&|y| {
                    m.aggregate(similar.iter().filter_map(|c| carelens_public::la_figures(*c, y)))
                }),
            );
            MeasureSeries {
                id: m.id.to_owned(),
                label: m.label.to_owned(),
                unit: m.unit,
                better: m.better,
                source: Source::Dfe,
                headline: m.headline,
                series,
            }
        })
        .collect();

    // Computed indicators, where this user may see this LA's values.
    let mut quality = serde_json::Value::Null;
    if who.can_read_aggregate(Area::La(code)) {
        let visible_similar: Vec<LaCode> =
            similar.iter().copied().filter(|c| who.can_read_aggregate(Area::La(*c))).collect();
        let mut q = IndicatorQuery::new()
            .area(Area::La(code))
            .area(Area::Region(region))
            .area(Area::England);
        for c in &visible_similar {
            q = q.area(Area::La(*c));
        }
        // Only the headline indicators are charted: ask the store for those alone.
        for ind in carelens_indicators::catalogue().iter().filter(|i| i.headline) {
            q = q.id(ind.id);
        }
        let values = store.indicators(who, &q)?;
        let mut ids: Vec<&str> = values.iter().map(|v| v.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            let m = catalogue::computed_measure(id);
            // The page charts the headline indicators; the lottery offers every one.
            if !m.headline && carelens_indicators::indicator(id).is_some() {
                continue;
            }
            let of = |area: Area| -> Vec<IndicatorValue> {
                values.iter().filter(|v| v.area == area).cloned().collect()
            };
            let mut series = BTreeMap::new();
            series.insert("la", series_of(&of(Area::La(code)), id));
            series.insert("england", series_of(&of(Area::England), id));
            series.insert("region", series_of(&of(Area::Region(region)), id));
            series.insert("similar", mean_series(&values, id, &visible_similar));
            measures.push(MeasureSeries {
                id: m.id,
                label: m.label,
                unit: m.unit,
                better: m.better,
                source: Source::Returns,
                headline: false,
                series,
            });
        }
        quality = quality_json(store, who, code)?;
    }

    let ilacs = carelens_public::latest_ilacs(code, Date::constant(9999, 12, 31)).map(|i| {
        serde_json::json!({
            "date": i.start_date.to_string(),
            "kind": i.kind.name(),
            "overall": i.overall.map(|j| j.grade()),
            "children_in_care": i.children_in_care.map(|j| j.grade()),
            "care_leavers": i.care_leavers.map(|j| j.grade()),
        })
    });
    let similar: Vec<SimilarLa> = similar
        .iter()
        .filter_map(|c| carelens_geo::la(*c))
        .map(|l| SimilarLa {
            code: l.code.to_string(),
            name: l.name.clone(),
            region: l.region.name(),
            cla_rate: latest_figures(l.code).and_then(|f| f.cla_rate_per_10k),
        })
        .collect();
    Ok(serde_json::json!({
        "la": { "code": code.to_string(), "name": info.name, "region": region.name(), "kind": info.kind },
        "ilacs": ilacs,
        "similar": similar,
        "indicators": measures,
        "quality": quality,
        "computed_visible": who.can_read_aggregate(Area::La(code)),
    }))
}

/// The mean of the similar LAs' computed values, year by year.
fn mean_series(values: &[IndicatorValue], id: &str, las: &[LaCode]) -> Series {
    let mut by_year: BTreeMap<i16, (f64, u32)> = BTreeMap::new();
    for v in values.iter().filter(|v| v.id == id) {
        if let (Area::La(c), Some(x)) = (v.area, v.value)
            && las.contains(&c)
        {
            let e = by_year.entry(v.year.end_year()).or_default();
            e.0 += x;
            e.1 += 1;
        }
    }
    by_year
        .into_iter()
        .map(|(y, (sum, n))| (y, Some(catalogue::round1(sum / f64::from(n)))))
        .collect()
}

/// The LA's data quality from validation: one entry per loaded year.
pub(crate) fn quality_json(
    store: &Store,
    who: &Principal,
    code: LaCode,
) -> ApiResult<serde_json::Value> {
    let returns: Vec<_> = store.returns(who)?.into_iter().filter(|r| r.la == code).collect();
    let mut years = Vec::new();
    for r in &returns {
        let rules = store.findings_summary(who, Area::La(code), r.year)?;
        years.push(serde_json::json!({
            "year": r.year.end_year(),
            "rules_run": r.rules_run,
            "findings": r.findings,
            "rules_failed": rules.len(),
            "children_affected": r.children_with_findings,
            "children": r.children,
            "rows": r.rows,
            "loaded_at": r.loaded_at,
        }));
    }
    Ok(serde_json::json!({ "years": years }))
}

fn latest_figures(code: LaCode) -> Option<&'static carelens_public::LaFigures> {
    published_years().into_iter().rev().find_map(|y| carelens_public::la_figures(code, y))
}

/// The authorities most like `code`, most similar first.
///
/// The DfE's statistical neighbours are not shipped, so carelens uses its own measure: the
/// nearest authorities by standardised distance over four published facts of the latest year,
/// equally weighted: the log of the under-18 population (size), children looked after per
/// 10,000 and starts per 10,000 (demand), and the share of unaccompanied asylum-seeking
/// children (a very different population). Documented in `docs/server.md`.
pub(crate) fn similar_las(code: LaCode) -> &'static [LaCode] {
    static SIMILAR_LAS: OnceLock<BTreeMap<LaCode, Vec<LaCode>>> = OnceLock::new();
    let all = SIMILAR_LAS.get_or_init(|| {
        let features: Vec<(LaCode, [f64; 4])> = carelens_geo::las()
            .iter()
            .filter_map(|l| {
                let f = latest_figures(l.code)?;
                Some((
                    l.code,
                    [
                        f64::from(f.population_under_18?).ln(),
                        f64::from(f.cla_rate_per_10k?),
                        f64::from(f.started_rate_per_10k?),
                        f64::from(f.uasc.percent.unwrap_or(0)),
                    ],
                ))
            })
            .collect();
        let n = features.len().max(1) as f64;
        let mut mean = [0.0; 4];
        let mut sd = [0.0; 4];
        for (_, x) in &features {
            for k in 0..4 {
                mean[k] += x[k] / n;
            }
        }
        for (_, x) in &features {
            for k in 0..4 {
                sd[k] += (x[k] - mean[k]).powi(2) / n;
            }
        }
        let sd = sd.map(|v| if v > 0.0 { v.sqrt() } else { 1.0 });
        features
            .iter()
            .map(|(c, x)| {
                let mut near: Vec<(f64, LaCode)> = features
                    .iter()
                    .filter(|(o, _)| o != c)
                    .map(|(o, y)| {
                        let d: f64 = (0..4).map(|k| ((x[k] - y[k]) / sd[k]).powi(2)).sum();
                        (d, *o)
                    })
                    .collect();
                near.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                (*c, near.into_iter().take(SIMILAR).map(|(_, o)| o).collect())
            })
            .collect()
    });
    all.get(&code).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_authority_with_figures_has_ten_similar_ones_not_itself() {
        let newham = LaCode::new(316).unwrap();
        let sim = similar_las(newham);
        assert_eq!(sim.len(), SIMILAR);
        assert!(!sim.contains(&newham));
        let mut dedup = sim.to_vec();
        dedup.sort_unstable();
        dedup.dedup();
        assert_eq!(dedup.len(), SIMILAR);
    }
}
