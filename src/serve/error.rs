//! What a request can fail with, each with its HTTP status and a plain-text
//! message that tells the client what to change.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// A failed request: the status code and the `text/plain` message sent back.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is not a valid SPARQL protocol request (missing or repeated
    /// `query`, bad graph IRI, body not UTF-8...).
    #[error("{0}")]
    BadRequest(String),
    /// The query or update does not parse: the parser's own message.
    #[error("{0}")]
    Syntax(String),
    /// A method the path does not take; `allow` lists those it does.
    #[error("method {method} is not allowed here (allowed: {allow})")]
    MethodNotAllowed {
        /// The method the client used.
        method: String,
        /// The `Allow` header value.
        allow: &'static str,
    },
    /// A POST body type the protocol does not define for this path.
    #[error("unsupported Content-Type {0:?}: {1}")]
    UnsupportedMediaType(String, &'static str),
    /// Nothing in the client's `Accept` is a format this result has.
    #[error("none of the types in Accept: {accept} can carry this result; supported: {supported}")]
    NotAcceptable {
        /// The client's `Accept` header.
        accept: String,
        /// The media types this kind of result can be sent as.
        supported: String,
    },
    /// Updates are disabled, or the bearer token is missing or wrong.
    #[error("{0}")]
    Forbidden(&'static str),
    /// No such graph or page.
    #[error("{0}")]
    NotFound(String),
    /// The result is larger than the server's `--max-results`.
    #[error("the result has more than {0} rows or triples (the server's --max-results): add LIMIT to the query, or page with LIMIT and OFFSET")]
    TooManyResults(usize),
    /// The query ran past the server's `--timeout`.
    #[error("the query did not finish within the server's time limit of {} (--timeout); it was stopped", seconds(*.0))]
    Timeout(Duration),
    /// The query failed while running, or the store failed.
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status of this failure.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) | ApiError::Syntax(_) => StatusCode::BAD_REQUEST,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::UnsupportedMediaType(..) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::NotAcceptable { .. } => StatusCode::NOT_ACCEPTABLE,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            // The query is well formed but asks for more than this server gives
            // in one answer: the client can fix it with LIMIT.
            ApiError::TooManyResults(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Timeout(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

fn seconds(d: Duration) -> String {
    let ms = d.as_millis();
    if ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        format!("{ms} ms")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), format!("{self}\n")).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        if let ApiError::MethodNotAllowed { allow, .. } = &self {
            headers.insert(header::ALLOW, HeaderValue::from_static(allow));
        }
        response
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> ApiError {
        use crate::store::StoreError;
        match e {
            StoreError::Syntax(message) => {
                ApiError::Syntax(format!("SPARQL syntax error: {message}"))
            }
            StoreError::Update(message) => ApiError::BadRequest(message),
            other => ApiError::Internal(other.to_string()),
        }
    }
}
