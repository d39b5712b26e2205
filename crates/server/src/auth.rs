//! Who is asking: a session cookie (the dashboard, after the login form) or an
//! `Authorization: Bearer <token>` header (scripts and Power BI). Both resolve to the store's
//! [`Principal`], and every data route takes one through the [`Auth`] extractor: there is no
//! unauthenticated path to data.
//!
//! Child-level routes take a [`ChildAccess`] instead, which also requires an LA role and gives
//! the LA the principal may read children of. That is the one place the server decides child
//! access; the store checks [`Principal::can_read_child`] again on every child-level read.

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::{Form, Json};
use carelens_model::LaCode;
use carelens_store::{Principal, Role};
use serde::Deserialize;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// The session cookie's name.
pub(crate) const COOKIE: &str = "carelens_session";

/// The clock, read in one place: session expiry needs the time of day.
#[expect(
    clippy::disallowed_methods,
    reason = "sessions expire: the server must read the clock, here only"
)]
pub(crate) fn now() -> jiff::Timestamp {
    jiff::Timestamp::now()
}

/// An authenticated principal. Rejects with 401 when there is no valid session or token.
pub(crate) struct Auth(pub(crate) Principal);

impl FromRequestParts<AppState> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        principal(&parts.headers, state).await?.map(Auth).ok_or(ApiError::Unauthorized)
    }
}

/// A principal that may read child-level data, with the one LA it may read: an LA user. Any
/// other role gets 403 before a child id is even looked at, so a regional or national user
/// has no child routes at all.
pub(crate) struct ChildAccess {
    pub(crate) who: Principal,
    pub(crate) la: LaCode,
}

impl FromRequestParts<AppState> for ChildAccess {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let Auth(who) = Auth::from_request_parts(parts, state).await?;
        match who.role {
            Role::La(la) if who.can_read_child(la) => Ok(Self { who, la }),
            _ => Err(ApiError::Forbidden),
        }
    }
}

/// The principal of a request, if any: a bearer token first, else the session cookie. A
/// request that presents a bearer token that is not valid gets `None`, even with a cookie.
pub(crate) async fn principal(
    headers: &HeaderMap,
    state: &AppState,
) -> ApiResult<Option<Principal>> {
    if let Some(auth) = headers.get(header::AUTHORIZATION) {
        let Some(token) = auth.to_str().ok().and_then(bearer) else { return Ok(None) };
        let token = token.to_owned();
        return state.blocking(move |s| Ok(s.authenticate_token(&token)?)).await;
    }
    let Some(token) = session_cookie(headers) else { return Ok(None) };
    let at = now();
    state.blocking(move |s| Ok(s.session(&token, at)?)).await
}

fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty()).then(|| token.trim())
}

/// The session token from the `Cookie` header(s).
pub(crate) fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The login form's fields.
#[derive(Debug, Deserialize)]
pub(crate) struct LoginForm {
    username: String,
    password: String,
    #[serde(default)]
    next: String,
}

/// `?next=` on the login page.
#[derive(Debug, Deserialize)]
pub(crate) struct NextQuery {
    #[serde(default)]
    next: String,
}

/// `GET /login`: the form.
pub(crate) async fn login_page(
    State(state): State<AppState>,
    axum::extract::Query(q): axum::extract::Query<NextQuery>,
) -> Response {
    login_form(&state, &q.next, None, StatusCode::OK)
}

/// `POST /login`: checks the password, starts a session, sets the cookie and goes on to
/// `next` (a path on this server only).
pub(crate) async fn login(State(state): State<AppState>, Form(form): Form<LoginForm>) -> Response {
    let name = form.username.trim().to_owned();
    let password = form.password;
    let ttl = jiff::SignedDuration::try_from(state.config.session_ttl)
        .unwrap_or(jiff::SignedDuration::from_hours(8));
    let at = now();
    let result = state
        .blocking(move |s| {
            let Some(p) = s.authenticate_password(&name, &password)? else { return Ok(None) };
            Ok(Some(s.create_session(&p.name, at, ttl)?))
        })
        .await;
    match result {
        Ok(Some(token)) => {
            let mut res = Redirect::to(safe_next(&form.next)).into_response();
            let cookie = format!(
                "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
                state.config.session_ttl.as_secs(),
                if state.config.secure_cookie { "; Secure" } else { "" }
            );
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                res.headers_mut().insert(header::SET_COOKIE, v);
            }
            res
        }
        Ok(None) => login_form(
            &state,
            &form.next,
            Some("That user name and password do not match."),
            StatusCode::UNAUTHORIZED,
        ),
        Err(e) => e.into_response(),
    }
}

/// `POST /logout`: ends the session and clears the cookie.
pub(crate) async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = session_cookie(&headers)
        && let Err(e) = state.blocking(move |s| Ok(s.end_session(&token)?)).await
    {
        return e.into_response();
    }
    let mut res = Redirect::to("/login").into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("carelens_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"),
    );
    res
}

/// `GET /api/me`: who the caller is.
pub(crate) async fn me(Auth(who): Auth) -> Json<serde_json::Value> {
    Json(user_json(&who))
}

/// The user as the dashboard shows it.
pub(crate) fn user_json(who: &Principal) -> serde_json::Value {
    let la = who.role.la();
    serde_json::json!({
        "name": who.name,
        "role": who.role.kind(),
        "la": la.map(|c| c.to_string()),
        "la_name": la.and_then(carelens_geo::la).map(|l| l.name.clone()),
        "region": who.role.region().map(|r| r.name()),
        "child_level": la.is_some(),
    })
}

/// Only a path on this server: `/x`, never `//host` or `https://host`.
fn safe_next(next: &str) -> &str {
    let ok = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    if ok { next } else { "/" }
}

fn login_form(state: &AppState, next: &str, error: Option<&str>, status: StatusCode) -> Response {
    use crate::assets::{LOGIN_HTML, LOGO_SVG, asset_url, escape, render};
    let error = error
        .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>", escape(e)))
        .unwrap_or_default();
    let hint = state
        .config
        .login_hint
        .as_deref()
        .map(|h| format!("<p class=\"note\">{}</p>", escape(h)))
        .unwrap_or_default();
    let page = render(
        LOGIN_HTML,
        &[
            ("next", &escape(safe_next(next))),
            ("error", &error),
            ("hint", &hint),
            ("css", &asset_url("app.css")),
            ("logo", LOGO_SVG),
        ],
    );
    let mut res = (status, Html(page)).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_this_server() {
        assert_eq!(safe_next("/la/316"), "/la/316");
        assert_eq!(safe_next("//evil.example"), "/");
        assert_eq!(safe_next("https://evil.example"), "/");
        assert_eq!(safe_next("/\\evil.example"), "/");
        assert_eq!(safe_next(""), "/");
    }

    #[test]
    fn bearer_tokens_are_read_in_any_case() {
        assert_eq!(bearer("Bearer cl_abc"), Some("cl_abc"));
        assert_eq!(bearer("bearer  cl_abc "), Some("cl_abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer "), None);
    }

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("a=1; carelens_session=tok; b=2"));
        assert_eq!(session_cookie(&h).as_deref(), Some("tok"));
        h.insert(header::COOKIE, HeaderValue::from_static("carelens_session="));
        assert_eq!(session_cookie(&h), None);
    }
}
