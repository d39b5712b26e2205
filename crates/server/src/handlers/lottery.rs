//! `GET /api/lottery`: every authority on one measure, ranked (the league table and the map),
//! and `GET /api/map`.

use axum::extract::{Query, State};
use axum::response::Response;
use carelens_model::{CollectionYear, Date};
use carelens_store::{Area, IndicatorQuery, Principal, Store};
use serde::{Deserialize, Serialize};

use crate::auth::Auth;
use crate::catalogue::{self, Better, Measure};
use crate::error::{ApiError, ApiResult};
use crate::handlers::{csv_response, json_bytes, parse_year, published_years};
use crate::state::{AppState, to_json};

/// Query of `/api/lottery`.
#[derive(Debug, Deserialize)]
pub(crate) struct LotteryQuery {
    /// A measure id from `/api/meta`; default children looked after per 10,000.
    #[serde(default)]
    indicator: Option<String>,
    /// A year (`2025` or `2024/25`); default the latest with figures.
    #[serde(default)]
    year: Option<String>,
    /// `csv` for a CSV download instead of JSON.
    #[serde(default)]
    format: Option<String>,
}

#[derive(Serialize)]
struct Row {
    code: String,
    name: &'static str,
    region: &'static str,
    value: Option<f64>,
    rank: Option<u32>,
    ilacs: Option<u8>,
}

#[derive(Serialize)]
struct Lottery {
    indicator: Measure,
    year: Option<i16>,
    years: Vec<i16>,
    england: Option<f64>,
    rows: Vec<Row>,
    /// "best" (1 is best, where better is defined) or "highest" (1 is the highest value).
    ranked: &'static str,
}

/// `GET /api/lottery?indicator=…&year=…&format=csv`.
pub(crate) async fn lottery(
    State(state): State<AppState>,
    Auth(who): Auth,
    Query(q): Query<LotteryQuery>,
) -> ApiResult<Response> {
    let id = q.indicator.clone().unwrap_or_else(|| "dfe.cla_rate".to_owned());
    let year = q.year.as_deref().map(parse_year_number).transpose()?;
    let csv = q.format.as_deref() == Some("csv");
    if csv {
        let p = who.clone();
        let data = state.blocking(move |s| build(s, &p, &id, year)).await?;
        return Ok(csv_response(&format!("{}.csv", data.indicator.id), data.to_csv()));
    }
    let key = format!("lottery/{id}/{year:?}");
    let p = who.clone();
    let body = state.cached(&who, &key, move |s| to_json(&build(s, &p, &id, year)?)).await?;
    Ok(json_bytes(body))
}

fn parse_year_number(text: &str) -> ApiResult<i16> {
    let t = text.trim();
    match t.parse::<i16>() {
        Ok(y) if (2000..=2100).contains(&y) => Ok(y),
        _ => parse_year(t).map(CollectionYear::end_year),
    }
}

fn build(store: &Store, who: &Principal, id: &str, year: Option<i16>) -> ApiResult<Lottery> {
    let las = carelens_geo::las();
    let (measure, years, values, england): (Measure, Vec<i16>, Vec<Option<f64>>, Option<f64>);
    if let Some(m) = catalogue::published(id) {
        let ys: Vec<i16> = published_years()
            .into_iter()
            .filter(|&y| {
                las.iter()
                    .any(|l| carelens_public::la_figures(l.code, y).and_then(m.value).is_some())
            })
            .collect();
        let y = year.or(ys.last().copied());
        measure = m.measure();
        values = las
            .iter()
            .map(|l| y.and_then(|y| carelens_public::la_figures(l.code, y)).and_then(m.value))
            .collect();
        england = y.and_then(carelens_public::england_figures).and_then(m.value);
        years = ys;
        return Ok(finish(measure, y, years, values, england));
    }
    if id == catalogue::ILACS {
        let ys = published_years();
        let y = year.or(ys.last().copied());
        let at = y.map_or(Date::constant(9999, 12, 31), |y| Date::constant(y, 3, 31));
        values = las.iter().map(|l| catalogue::ilacs_grade(l.code, at).map(f64::from)).collect();
        return Ok(finish(catalogue::ilacs_measure(), y, ys, values, None));
    }
    if let Some((metric, measure)) = catalogue::oversight_measure(id) {
        let o = carelens_oversight::Oversight::shipped();
        let y = o.latest_year();
        let table = o.la_table(y);
        values = las
            .iter()
            .map(|l| table.iter().find(|r| r.code == l.code).and_then(|r| metric.value(r)))
            .collect();
        return Ok(finish(measure, Some(y), vec![y], values, None));
    }
    // A computed indicator: only the LAs this user may see have values.
    let all = store.indicators(who, &IndicatorQuery::new().id(id))?;
    if all.is_empty() {
        return Err(ApiError::BadRequest(format!("no measure {id:?}: see /api/meta")));
    }
    let mut ys: Vec<i16> = all.iter().map(|v| v.year.end_year()).collect();
    ys.sort_unstable();
    ys.dedup();
    let y = year.or(ys.last().copied());
    let at_year = |area: Area| {
        all.iter().find(|v| v.area == area && Some(v.year.end_year()) == y).and_then(|v| v.value)
    };
    values = las.iter().map(|l| at_year(Area::La(l.code))).collect();
    england = at_year(Area::England);
    Ok(finish(catalogue::computed_measure(id), y, ys, values, england))
}

fn finish(
    indicator: Measure,
    year: Option<i16>,
    years: Vec<i16>,
    values: Vec<Option<f64>>,
    england: Option<f64>,
) -> Lottery {
    let las = carelens_geo::las();
    let ranks = rank(&values, indicator.better);
    let latest = Date::constant(9999, 12, 31);
    let rows = las
        .iter()
        .zip(values)
        .zip(ranks)
        .map(|((l, value), rank)| Row {
            code: l.code.to_string(),
            name: &l.name,
            region: l.region.name(),
            value,
            rank,
            ilacs: catalogue::ilacs_grade(l.code, latest),
        })
        .collect();
    let ranked = if indicator.better.is_some() { "best" } else { "highest" };
    Lottery { indicator, year, years, england, rows, ranked }
}

/// Competition ranking ("1, 2, 2, 4"): 1 is the best value where better is defined, else the
/// highest. Authorities without a value have no rank.
fn rank(values: &[Option<f64>], better: Option<Better>) -> Vec<Option<u32>> {
    let mut order: Vec<(usize, f64)> =
        values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect();
    let ascending = better == Some(Better::Lower);
    order.sort_by(|a, b| if ascending { a.1.total_cmp(&b.1) } else { b.1.total_cmp(&a.1) });
    let mut out = vec![None; values.len()];
    let mut prev: Option<(f64, u32)> = None;
    for (pos, (i, v)) in order.into_iter().enumerate() {
        let r = match prev {
            Some((pv, pr)) if pv == v => pr,
            _ => u32::try_from(pos + 1).unwrap_or(u32::MAX),
        };
        out[i] = Some(r);
        prev = Some((v, r));
    }
    out
}

impl Lottery {
    fn to_csv(&self) -> String {
        let mut w = csv_writer();
        let year = self.year.map(|y| y.to_string()).unwrap_or_default();
        let _ = w.write_record([
            "la_code",
            "la_name",
            "region",
            "year",
            &self.indicator.label,
            "rank",
            "ilacs_grade",
        ]);
        for r in &self.rows {
            let _ = w.write_record([
                r.code.as_str(),
                r.name,
                r.region,
                &year,
                &r.value.map(|v| v.to_string()).unwrap_or_default(),
                &r.rank.map(|v| v.to_string()).unwrap_or_default(),
                &r.ilacs.map(|v| v.to_string()).unwrap_or_default(),
            ]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new())
}

/// `GET /api/map`: the authorities' outlines (static; cached by the browser for an hour).
pub(crate) async fn map(Auth(_who): Auth) -> ApiResult<Response> {
    use std::sync::OnceLock;
    static BODY: OnceLock<axum::body::Bytes> = OnceLock::new();
    let body = match BODY.get() {
        Some(b) => b.clone(),
        None => {
            let b = tokio::task::spawn_blocking(|| to_json(crate::map::map())).await??;
            BODY.get_or_init(|| b.into()).clone()
        }
    };
    let mut res = json_bytes(body);
    res.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("private, max-age=3600"),
    );
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_share_ties_and_skip_blanks() {
        let v = [Some(10.0), None, Some(5.0), Some(10.0), Some(1.0)];
        assert_eq!(rank(&v, Some(Better::Lower)), [Some(3), None, Some(2), Some(3), Some(1)]);
        assert_eq!(rank(&v, None), [Some(1), None, Some(3), Some(1), Some(4)]);
    }
}
