//! Errors: the crate's [`ServerError`] for starting the server, and [`ApiError`] for handlers.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use carelens_store::StoreError;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// The address could not be bound.
    #[error("could not listen on {addr}")]
    Bind {
        /// The address asked for.
        addr: String,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The server failed while running.
    #[error("the server stopped")]
    Serve(#[source] std::io::Error),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A handler's failure, turned into a response. A 4xx says what was wrong in a few words; a
/// 5xx logs its cause and says only "internal error", so no detail (and no child data) leaks.
#[derive(Debug)]
pub(crate) enum ApiError {
    /// 400: the request is malformed (a bad LA code, an unknown indicator…).
    BadRequest(String),
    /// 401: no valid session or token.
    Unauthorized,
    /// 403: signed in, but the role does not allow it.
    Forbidden,
    /// 404: no such thing (or, for child-level data, none that this user may know about).
    NotFound,
    /// 500: a store failure or a bug.
    Internal(String),
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Forbidden(_) => Self::Forbidden,
            StoreError::Invalid(m) => Self::BadRequest(m),
            other => Self::Internal(other.to_string()),
        }
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(e: tokio::task::JoinError) -> Self {
        Self::Internal(format!("a blocking task failed: {e}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            Self::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            Self::Unauthorized => (StatusCode::UNAUTHORIZED, "sign in first".to_owned()),
            Self::Forbidden => (StatusCode::FORBIDDEN, "not allowed for this user".to_owned()),
            Self::NotFound => (StatusCode::NOT_FOUND, "not found".to_owned()),
            Self::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal error".to_owned())
            }
        };
        let body = serde_json::json!({ "error": message }).to_string();
        let mut res = (status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer realm=\"carelens\""),
            );
        }
        res
    }
}

/// A handler's result.
pub(crate) type ApiResult<T> = Result<T, ApiError>;
