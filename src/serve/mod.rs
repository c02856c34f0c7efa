//! `newsgraph serve`: the store over HTTP. The SPARQL 1.1 Protocol for
//! queries at `/query` and (with a token) updates at `/update`, the Graph
//! Store Protocol's GET of one article's graph at `/store`, and the web page
//! at `/` and `/assets/`. This module owns the routes and handlers; the
//! protocol's request forms, content negotiation, result writing, the
//! worker pool and the errors each have their own file. The store itself is
//! reached only through [`crate::store::GraphStore`].
//!
//! Why axum on tokio: it is the most used and best maintained Rust HTTP
//! stack (hyper underneath, which does HTTP/1.1 correctly: keep-alive,
//! pipelining, HEAD, chunking), its handlers are plain async functions that
//! are easy to test and read, and tokio's `spawn_blocking` lets oxigraph's
//! synchronous evaluation run beside the async accept loop, so one slow query
//! never stops other clients from being answered.

mod assets;
mod auth;
mod error;
mod exec;
mod negotiate;
mod protocol;
mod results;

pub use auth::UpdateToken;
pub use exec::Limits;

use crate::store::{GraphStore, StoreError};
use axum::body::Bytes;
use axum::extract::{RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use error::ApiError;
use exec::Pool;
use results::Rendered;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Everything `serve` needs to know.
#[derive(Debug)]
pub struct ServeConfig {
    /// The store folder (must exist).
    pub store: PathBuf,
    /// Address and port to listen on (port 0: any free port).
    pub bind: SocketAddr,
    /// Time, size and concurrency limits of queries.
    pub limits: Limits,
    /// `Some`: `/update` is open to clients presenting this bearer token, and
    /// the store is opened for writing. `None`: read-only.
    pub updates: Option<UpdateToken>,
    /// Log one line per request to stderr.
    pub verbose: bool,
}

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The address is taken, or not ours.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The runtime or the socket failed.
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// The state every handler shares.
struct App {
    pool: Pool,
    updates: Option<UpdateToken>,
}

/// Opens the store, listens, calls `on_ready` with the bound address, and
/// serves until Ctrl-C or SIGTERM; requests in flight are finished first.
pub fn serve(config: ServeConfig, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    // Read-only by default: no lock is taken, so `newsgraph query` and
    // `export` keep working beside the server, and nothing can write.
    let store = match config.updates {
        Some(_) => GraphStore::open(&config.store)?,
        None => GraphStore::open_read_only(&config.store)?,
    };
    let app = Arc::new(App {
        pool: Pool::new(store, config.limits),
        updates: config.updates,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let served = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.bind)
            .await
            .map_err(|source| ServeError::Bind {
                addr: config.bind,
                source,
            })?;
        on_ready(listener.local_addr()?);
        axum::serve(listener, router(app, config.verbose))
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        Ok(())
    });
    // A query past its time limit may still be noticing its cancellation.
    runtime.shutdown_timeout(Duration::from_secs(1));
    served
}

fn router(app: Arc<App>, verbose: bool) -> Router {
    let router = Router::new()
        .route("/query", any(query_endpoint))
        .route("/update", any(update_endpoint))
        .route("/store", any(store_endpoint))
        .route("/", any(page))
        .route("/assets/{*file}", any(page))
        .fallback(|| async { ApiError::NotFound("no such page: the endpoint is /query (SPARQL), /store?article=<file> (one article's graph), / (the page)".into()) })
        .with_state(app);
    if verbose {
        router.layer(middleware::from_fn(log_request))
    } else {
        router
    }
}

/// `/query`: the SPARQL 1.1 Protocol's three query forms, with CORS so pages
/// served elsewhere (YASGUI, notebooks) can call it.
async fn query_endpoint(
    State(app): State<Arc<App>>,
    method: Method,
    headers: HeaderMap,
    RawQuery(url): RawQuery,
    body: Bytes,
) -> Response {
    let mut response = if method == Method::OPTIONS {
        preflight()
    } else {
        match protocol::read_query(
            &method,
            header_str(&headers, header::CONTENT_TYPE),
            url.as_deref(),
            &body,
        ) {
            Ok(op) => app
                .pool
                .query(op, header_str(&headers, header::ACCEPT).map(str::to_string))
                .await
                .into_response(),
            Err(e) => e.into_response(),
        }
    };
    response.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

/// The answer to a browser's CORS preflight for a POST of `application/sparql-query`.
fn preflight() -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, OPTIONS"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Content-Type, Accept"),
    );
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("86400"),
    );
    response
}

/// `/update`: POST only, and only with `--allow-update` and the bearer token.
/// The token is checked before the body is read, so strangers learn nothing.
async fn update_endpoint(
    State(app): State<Arc<App>>,
    method: Method,
    headers: HeaderMap,
    RawQuery(url): RawQuery,
    body: Bytes,
) -> Response {
    let answer = async {
        if method != Method::POST {
            return Err(ApiError::MethodNotAllowed {
                method: method.to_string(),
                allow: "POST",
            });
        }
        let Some(token) = &app.updates else {
            return Err(ApiError::Forbidden("updates are disabled: this server is read-only (start it with --allow-update and a token)"));
        };
        if !token.admits(header_str(&headers, header::AUTHORIZATION)) {
            return Err(ApiError::Forbidden(
                "updates need the header Authorization: Bearer <token> with the server's token",
            ));
        }
        let op = protocol::read_update(
            &method,
            header_str(&headers, header::CONTENT_TYPE),
            url.as_deref(),
            &body,
        )?;
        app.pool.update(op).await?;
        Ok(StatusCode::NO_CONTENT)
    };
    answer.await.into_response()
}

/// `/store?graph=<IRI>` or `/store?article=<file name>`: one named graph
/// (the Graph Store Protocol's GET; the protocol's writes are not offered).
async fn store_endpoint(
    State(app): State<Arc<App>>,
    method: Method,
    headers: HeaderMap,
    RawQuery(url): RawQuery,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return ApiError::MethodNotAllowed {
            method: method.to_string(),
            allow: "GET, HEAD",
        }
        .into_response();
    }
    let graph = match protocol::read_graph(url.as_deref()) {
        Ok(graph) => graph,
        Err(e) => return e.into_response(),
    };
    app.pool
        .graph(
            graph,
            header_str(&headers, header::ACCEPT).map(str::to_string),
        )
        .await
        .into_response()
}

/// `/` and `/assets/<file>`: the web page, compiled into the binary.
async fn page(method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return ApiError::MethodNotAllowed {
            method: method.to_string(),
            allow: "GET, HEAD",
        }
        .into_response();
    }
    let path = uri.path();
    match assets::asset(path) {
        Some((content_type, bytes)) => {
            ([(header::CONTENT_TYPE, content_type)], bytes).into_response()
        }
        None => ApiError::NotFound(format!("no such file: {path}")).into_response(),
    }
}

impl IntoResponse for Rendered {
    fn into_response(self) -> Response {
        let headers = [
            (header::CONTENT_TYPE, self.content_type),
            (header::VARY, "Accept"),
        ];
        (headers, self.body).into_response()
    }
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// `--verbose`: one line per request on stderr (the query text stays out of
/// it: it can be long, and it is the client's business).
async fn log_request(request: Request, next: Next) -> Response {
    let (method, path) = (request.method().clone(), request.uri().path().to_string());
    let started = Instant::now();
    let response = next.run(request).await;
    eprintln!(
        "{method} {path} {} {:.1} ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1e3
    );
    response
}

/// Resolves on Ctrl-C, or SIGTERM (what service managers and `kill` send).
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
