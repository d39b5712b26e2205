//! Validation reports: `GET /api/validation` (every loaded return this user may see, with its
//! counts) and `GET /api/la/{la}/validation` (one LA: rules failed and children affected, per
//! year). Both are aggregates; the drill-down to a child's rows is in `children.rs`.

use axum::extract::{Path, State};
use axum::response::Response;
use carelens_model::LaCode;
use carelens_store::{Area, Principal, Store};
use serde::Serialize;

use crate::auth::Auth;
use crate::error::{ApiError, ApiResult};
use crate::handlers::{json_bytes, parse_la};
use crate::state::{AppState, to_json};

#[derive(Serialize)]
struct LaRow {
    code: String,
    name: String,
    region: Option<&'static str>,
    year: i16,
    children: u64,
    rows: u64,
    findings: u64,
    children_affected: u64,
    per_child: Option<f64>,
}

/// `GET /api/validation`: the latest loaded return of every LA this user may see.
pub(crate) async fn index(State(state): State<AppState>, Auth(who): Auth) -> ApiResult<Response> {
    let p = who.clone();
    let body = state
        .cached(&who, "validation", move |s| {
            let mut latest: Vec<carelens_store::ReturnSummary> = Vec::new();
            for r in s.returns(&p)? {
                match latest.last_mut() {
                    Some(last) if last.la == r.la => {
                        if r.year > last.year {
                            *last = r;
                        }
                    }
                    _ => latest.push(r),
                }
            }
            let las: Vec<LaRow> = latest
                .into_iter()
                .map(|r| LaRow {
                    code: r.la.to_string(),
                    name: r.la_name,
                    region: r.region.map(|x| x.name()),
                    year: r.year.end_year(),
                    children: r.children,
                    rows: r.rows,
                    findings: r.findings,
                    children_affected: r.children_with_findings,
                    per_child: (r.children > 0)
                        .then(|| crate::catalogue::round1(r.findings as f64 / r.children as f64)),
                })
                .collect();
            to_json(&serde_json::json!({ "las": las }))
        })
        .await?;
    Ok(json_bytes(body))
}

#[derive(Serialize)]
struct RuleRow {
    code: String,
    message: String,
    tables: String,
    findings: u64,
    children: u64,
}

/// `GET /api/la/{la}/validation`: rules failed and children affected, per loaded year.
pub(crate) async fn la(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(code): Path<String>,
) -> ApiResult<Response> {
    let code = parse_la(&code)?;
    if !who.can_read_aggregate(Area::La(code)) {
        return Err(ApiError::Forbidden);
    }
    let p = who.clone();
    let body = state
        .cached(&who, &format!("validation/{code}"), move |s| to_json(&build(s, &p, code)?))
        .await?;
    Ok(json_bytes(body))
}

fn build(store: &Store, who: &Principal, code: LaCode) -> ApiResult<serde_json::Value> {
    let name = carelens_geo::la(code).map(|l| l.name.clone()).unwrap_or_default();
    let mut years = Vec::new();
    for r in store.returns(who)?.into_iter().filter(|r| r.la == code) {
        let rules_in_force = carelens_rules::rules_for(r.year);
        let rules: Vec<RuleRow> = store
            .findings_summary(who, Area::La(code), r.year)?
            .into_iter()
            .map(|c| {
                let tables = rules_in_force
                    .iter()
                    .find(|x| x.code == c.rule)
                    .map(|x| x.tables.join(", "))
                    .unwrap_or_default();
                RuleRow {
                    code: c.rule,
                    message: c.message,
                    tables,
                    findings: c.findings,
                    children: c.children,
                }
            })
            .collect();
        years.push(serde_json::json!({
            "year": r.year.end_year(),
            "rules_run": r.rules_run,
            "findings": r.findings,
            "rules_failed": rules.len(),
            "children_affected": r.children_with_findings,
            "children": r.children,
            "rows": r.rows,
            "rules": rules,
        }));
    }
    Ok(serde_json::json!({
        "la": { "code": code.to_string(), "name": name },
        "years": years,
        "child_level": who.can_read_child(code),
    }))
}
