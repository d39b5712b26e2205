//! The dashboard's pages. Every page is the same small HTML shell (header, navigation, the
//! user, the scripts); `pages.js` picks what to draw from the path and fetches it from the
//! API. The shell holds no data, so a page is as protected as the API behind it; child pages
//! are refused to anyone who is not an LA user all the same, so that a regional or national
//! user has no child routes at all, pages included.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use carelens_store::Principal;

use crate::assets::{LOGO_SVG, SHELL_HTML, asset_url, escape, render, script_json};
use crate::auth::{principal, user_json};
use crate::state::AppState;

/// The navigation: (path, label, for LA users only).
const NAV: &[(&str, &str, bool)] = &[
    ("/", "England", false),
    ("/la", "Local authorities", false),
    ("/lottery", "Postcode lottery", false),
    ("/validation", "Validation", false),
    ("/homes", "Homes and owners", false),
    ("/children", "Children", true),
];

/// `GET` on any page path: the shell, or the login page for a visitor without a session.
pub(crate) async fn page(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    let who = match principal(&headers, &state).await {
        Ok(Some(p)) => p,
        Ok(None) => {
            let next = uri.path_and_query().map_or("/", |pq| pq.as_str());
            return Redirect::to(&format!("/login?next={}", percent_encode(next))).into_response();
        }
        Err(e) => return e.into_response(),
    };
    let path = uri.path();
    if is_child_page(path) && who.role.la().is_none() {
        return forbidden(&who);
    }
    shell(&who, path)
}

fn is_child_page(path: &str) -> bool {
    path == "/children" || path.starts_with("/children/")
}

fn section(path: &str) -> &'static str {
    NAV.iter()
        .filter(|(p, _, _)| *p != "/" && (path == *p || path.starts_with(&format!("{p}/"))))
        .map(|(p, _, _)| *p)
        .next()
        .unwrap_or("/")
}

fn shell(who: &Principal, path: &str) -> Response {
    let on = section(path);
    let nav: String = NAV
        .iter()
        .filter(|(_, _, la_only)| !la_only || who.role.la().is_some())
        .map(|(p, label, _)| {
            let class = if *p == on { " class=\"on\" aria-current=\"page\"" } else { "" };
            format!("<a href=\"{p}\"{class}>{}</a>", escape(label))
        })
        .collect();
    let title = NAV.iter().find(|(p, _, _)| *p == on).map_or("carelens", |(_, l, _)| l);
    let role = match who.role.la().and_then(carelens_geo::la) {
        Some(la) => format!("{} · LA user", la.name),
        None => match who.role.region() {
            Some(r) => format!("{} · regional", r.name()),
            None => "national".to_owned(),
        },
    };
    let boot = serde_json::json!({ "user": user_json(who), "path": path });
    let html = render(
        SHELL_HTML,
        &[
            ("title", &escape(title)),
            ("favicon", &asset_url("logo.svg")),
            ("css", &asset_url("app.css")),
            ("lib", &asset_url("lib.js")),
            ("pages", &asset_url("pages.js")),
            ("page", &escape(on)),
            ("logo", LOGO_SVG),
            ("nav", &nav),
            ("user", &escape(&who.name)),
            ("role", &escape(&role)),
            ("boot", &script_json(&boot)),
        ],
    );
    no_store(Html(html).into_response())
}

fn forbidden(who: &Principal) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not allowed · carelens</title>\
         <link rel=\"stylesheet\" href=\"{}\"></head><body><main><h1>Not allowed</h1>\
         <p>Child-level records are only for users of the child's own local authority. \
         You are signed in as {} with a {} role.</p><p><a href=\"/\">Back to England</a></p></main></body></html>",
        asset_url("app.css"),
        escape(&who.name),
        escape(who.role.kind()),
    );
    no_store((StatusCode::FORBIDDEN, Html(body)).into_response())
}

fn no_store(mut res: Response) -> Response {
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Percent-encodes a path for a query value (RFC 3986 unreserved characters and `/` kept).
pub(crate) fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_follow_the_path() {
        assert_eq!(section("/"), "/");
        assert_eq!(section("/la/316"), "/la");
        assert_eq!(section("/lottery"), "/lottery");
        assert_eq!(section("/children/A1/rows"), "/children");
        assert_eq!(section("/lax"), "/");
    }

    #[test]
    fn next_is_encoded() {
        assert_eq!(percent_encode("/lottery?indicator=a&b"), "/lottery%3Findicator%3Da%26b");
    }
}
