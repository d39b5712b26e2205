//! Route handlers, one module per area of the dashboard.

use axum::body::Bytes;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use carelens_model::{CollectionYear, LaCode};

use crate::error::{ApiError, ApiResult};

pub(crate) mod children;
pub(crate) mod england;
pub(crate) mod homes;
pub(crate) mod la;
pub(crate) mod lottery;
pub(crate) mod meta;
pub(crate) mod validation;

/// One of the 153 authorities, from a path segment: 400 for text that is not a code, 404 for a
/// code that is not an English children's services authority.
pub(crate) fn parse_la(text: &str) -> ApiResult<LaCode> {
    let code = LaCode::parse(text)
        .map_err(|_| ApiError::BadRequest(format!("LA code {text:?}: expected 3 digits")))?;
    if carelens_geo::la(code).is_none() {
        return Err(ApiError::NotFound);
    }
    Ok(code)
}

/// A collection year written `2025` (its end year) or `2024/25`.
pub(crate) fn parse_year(text: &str) -> ApiResult<CollectionYear> {
    let t = text.trim();
    let parsed = match t.parse::<i16>() {
        Ok(end) => CollectionYear::from_end_year(end).ok(),
        Err(_) => t.parse().ok(),
    };
    parsed.ok_or_else(|| ApiError::BadRequest(format!("year {t:?}: expected e.g. 2025 or 2024/25")))
}

/// A JSON body (already serialised) as a response.
pub(crate) fn json_bytes(body: Bytes) -> Response {
    let mut res = body.into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    res
}

/// A CSV download.
pub(crate) fn csv_response(name: &str, body: String) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// The DfE's published years (years ending 31 March), oldest first.
pub(crate) fn published_years() -> Vec<i16> {
    let mut years: Vec<i16> = carelens_public::all_figures().iter().map(|f| f.year).collect();
    years.sort_unstable();
    years.dedup();
    years
}
