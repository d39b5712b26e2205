//! `GET /api/openapi.json`: the OpenAPI 3.1 description, generated from the route table in
//! `routes.rs` (the one place routes are declared).

use std::sync::OnceLock;

use axum::body::Bytes;
use axum::response::Response;
use serde_json::{Map, Value, json};

use crate::handlers::json_bytes;
use crate::routes::{Access, ROUTES};

/// `GET /api/openapi.json`.
pub(crate) async fn openapi() -> Response {
    static BODY: OnceLock<Bytes> = OnceLock::new();
    json_bytes(BODY.get_or_init(|| Bytes::from(document().to_string())).clone())
}

/// The description.
pub(crate) fn document() -> Value {
    let mut paths: Map<String, Value> = Map::new();
    for r in ROUTES {
        let mut params: Vec<Value> = path_params(r.path)
            .into_iter()
            .map(|name| {
                let description =
                    r.doc.path_params.iter().find(|(n, _)| *n == name).map_or("", |(_, d)| *d);
                json!({ "name": name, "in": "path", "required": true, "description": description, "schema": { "type": "string" } })
            })
            .collect();
        params.extend(r.doc.query.iter().map(|q| {
            json!({ "name": q.name, "in": "query", "required": false, "description": q.description, "schema": { "type": q.schema } })
        }));
        let mut responses = Map::new();
        responses.insert(
            "200".into(),
            json!({ "description": "OK", "content": { r.doc.produces: { "schema": schema_for(r.doc.produces) } } }),
        );
        if r.doc.produces == "application/json" && r.path.contains('{') || !r.doc.query.is_empty() {
            responses.insert(
                "400".into(),
                error_response("The request is malformed (a bad code, year or measure)"),
            );
        }
        match r.doc.access {
            Access::Public => {}
            Access::SignedIn => {
                responses.insert("401".into(), error_response("No valid session or token"));
                responses
                    .insert("403".into(), error_response("The user's role may not see this area"));
            }
            Access::ChildLevel => {
                responses.insert("401".into(), error_response("No valid session or token"));
                responses.insert("403".into(), error_response("Not an LA user: child-level data is for LA users of the child's own LA only"));
                responses.insert(
                    "404".into(),
                    error_response(
                        "No such child in the user's own LA (also for another LA's child)",
                    ),
                );
            }
        }
        if r.path.contains('{') && r.doc.access != Access::ChildLevel {
            responses.insert("404".into(), error_response("Not found"));
        }
        let security = match r.doc.access {
            Access::Public => json!([]),
            _ => json!([{ "bearer": [] }, { "session": [] }]),
        };
        let op = json!({
            "tags": [r.doc.tag],
            "summary": r.doc.summary,
            "description": r.doc.description,
            "operationId": operation_id(r.method, r.path),
            "parameters": params,
            "responses": responses,
            "security": security,
            "x-access": match r.doc.access { Access::Public => "public", Access::SignedIn => "signed-in", Access::ChildLevel => "child-level" },
        });
        let entry = paths.entry(r.path.to_owned()).or_insert_with(|| json!({}));
        if let Some(obj) = entry.as_object_mut() {
            obj.insert(r.method.to_owned(), op);
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "carelens",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The carelens service: children looked after in England from SSDA903 returns, DfE published figures and Ofsted data. Served locally; nothing leaves the machine. Authenticate with `Authorization: Bearer <token>` (`carelens user token NAME`) or the dashboard's session cookie. LA users read child-level data of their own LA only; regional and national users read aggregates only.",
        },
        "servers": [{ "url": "/" }],
        "tags": [
            { "name": "meta" }, { "name": "aggregates" }, { "name": "validation" },
            { "name": "children", "description": "Child-level data: LA users of the child's own LA only" },
            { "name": "homes" }, { "name": "pages" }
        ],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": { "type": "http", "scheme": "bearer", "description": "An API token from `carelens user token`" },
                "session": { "type": "apiKey", "in": "cookie", "name": crate::auth::COOKIE }
            },
            "schemas": {
                "Error": { "type": "object", "required": ["error"], "properties": { "error": { "type": "string" } } }
            }
        }
    })
}

fn schema_for(produces: &str) -> Value {
    match produces {
        "application/json" => json!({ "type": "object" }),
        _ => json!({ "type": "string" }),
    }
}

fn error_response(description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } })
}

/// `{name}` segments of a path.
pub(crate) fn path_params(path: &str) -> Vec<&str> {
    path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}'))).collect()
}

fn operation_id(method: &str, path: &str) -> String {
    let mut id = method.to_owned();
    for seg in path.split('/').filter(|s| !s.is_empty()) {
        let seg = seg.trim_start_matches('{').trim_end_matches('}');
        id.push('_');
        id.extend(seg.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }));
    }
    if path == "/" {
        id.push_str("_root");
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_params_are_found() {
        assert_eq!(path_params("/api/la/{la}/validation"), ["la"]);
        assert!(path_params("/api/meta").is_empty());
    }

    #[test]
    fn operation_ids_are_unique() {
        let mut ids: Vec<String> = ROUTES.iter().map(|r| operation_id(r.method, r.path)).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn every_route_is_described_with_its_path_parameters() {
        let doc = document();
        for r in ROUTES {
            let op = &doc["paths"][r.path][r.method];
            assert!(op.is_object(), "{} {} is not in the description", r.method, r.path);
            assert!(!op["summary"].as_str().unwrap_or("").is_empty(), "{} {}", r.method, r.path);
            for name in path_params(r.path) {
                let described = op["parameters"].as_array().unwrap().iter().any(|p| {
                    p["name"] == name
                        && p["in"] == "path"
                        && !p["description"].as_str().unwrap_or("").is_empty()
                });
                assert!(described, "{} {}: path parameter {name} not described", r.method, r.path);
            }
        }
    }
}
