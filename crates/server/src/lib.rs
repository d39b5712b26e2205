//! The carelens service: a JSON API with its OpenAPI description, and the dashboard that draws
//! it, over a [`carelens_store::Store`].
//!
//! * [`router`] holds the whole route table (declared once in `routes.rs`, which also generates
//!   `/api/openapi.json`); [`bind`] and [`Bound::run`] serve it.
//! * Who may see what is the store's [`Principal`](carelens_store::Principal): a session cookie
//!   from the login form or an `Authorization: Bearer` token resolves to one, and every data
//!   route takes it. Child-level routes are open to LA users only, for their own LA only; the
//!   LA comes from the principal, never from the URL.
//! * The dashboard (HTML, CSS, plain JavaScript with its own small SVG charts) is embedded in
//!   the binary. Pages make requests to this server only, which the Content-Security-Policy
//!   enforces: nothing is fetched from or sent to anywhere else.
//! * Aggregate answers are cached per role view and dropped when the store's data changes.
//!
//! It does not compute indicators or validate returns (the store holds what `carelens load`
//! computed), and it does not terminate TLS: it binds to 127.0.0.1 by default.
#![deny(missing_docs)]

use std::future::Future;
use std::net::SocketAddr;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

pub use crate::error::ServerError;
pub use crate::state::{AppState, Config};

mod assets;
mod auth;
mod catalogue;
mod error;
mod handlers;
mod map;
mod openapi;
mod pages;
mod routes;
mod state;

/// The Content-Security-Policy of every response: scripts, styles, images and requests from
/// this server only (`data:` images for the CSV download link's icon-free buttons are not
/// needed; `blob:` is for the CSV downloads made in the browser).
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; \
                   object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The header every response carries to mark an unknown route, so tests can tell "no such
/// route" from a handler's own 404.
pub(crate) const NO_ROUTE: &str = "x-carelens-no-route";

/// The whole service: API, pages and assets.
pub fn router(state: AppState) -> Router {
    routes::routes()
        .fallback(no_route)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

async fn no_route() -> Response {
    let mut res = (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "application/json")],
        r#"{"error":"no such route: see /api/openapi.json"}"#,
    )
        .into_response();
    res.headers_mut().insert(NO_ROUTE, HeaderValue::from_static("1"));
    res
}

async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    }
    res
}

/// A server bound to an address, ready to run.
pub struct Bound {
    listener: tokio::net::TcpListener,
    state: AppState,
}

impl Bound {
    /// The address actually bound (with the port chosen when `:0` was asked for).
    ///
    /// # Errors
    /// If the operating system cannot say.
    pub fn local_addr(&self) -> Result<SocketAddr, ServerError> {
        self.listener.local_addr().map_err(ServerError::Serve)
    }

    /// Serves until `shutdown` completes.
    ///
    /// # Errors
    /// [`ServerError::Serve`] if the server fails.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        let watcher = tokio::spawn(state::watch_store(self.state.clone()));
        let app = router(self.state);
        let result = axum::serve(self.listener, app).with_graceful_shutdown(shutdown).await;
        watcher.abort();
        result.map_err(ServerError::Serve)
    }
}

/// Binds `addr` (e.g. `127.0.0.1:8080`; port 0 picks a free one). Warms the map and the
/// published figures first, so the first page is as fast as the rest.
///
/// # Errors
/// [`ServerError::Bind`] if the address cannot be bound.
pub async fn bind(addr: &str, state: AppState) -> Result<Bound, ServerError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServerError::Bind { addr: addr.to_owned(), source })?;
    let _ = tokio::task::spawn_blocking(|| {
        let _ = map::map();
        let _ = carelens_public::all_figures();
        let _ = carelens_oversight::Oversight::shipped()
            .la_table(carelens_oversight::Oversight::shipped().latest_year());
        if let Ok(code) = carelens_model::LaCode::new(316) {
            let _ = handlers::la::similar_las(code);
        }
    })
    .await;
    Ok(Bound { listener, state })
}
