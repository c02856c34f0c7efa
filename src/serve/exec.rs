//! Running store work away from the async threads. oxigraph evaluates a query
//! synchronously, so each one runs on a blocking thread; a semaphore bounds how
//! many run at once (a flood of slow queries cannot exhaust threads or memory),
//! and the time limit cancels the query's token and answers 503 without waiting
//! for the thread: other clients are never held up by a slow one.

use super::error::ApiError;
use super::negotiate::GRAPH_OFFERS;
use super::protocol::Operation;
use super::results::{negotiate, render, Budget, Rendered};
use crate::store::{GraphStore, QueryOptions};
use oxigraph::model::NamedNode;
use oxigraph::sparql::CancellationToken;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// The limits every query runs under.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Wall time from arrival (waiting for a slot included) to the full answer.
    pub timeout: Duration,
    /// Rows or triples in one answer.
    pub max_results: usize,
    /// Queries, updates and graph reads running at the same time.
    pub workers: usize,
}

/// The store and the slots to run work on it.
pub struct Pool {
    store: Arc<GraphStore>,
    slots: Arc<Semaphore>,
    limits: Limits,
}

impl Pool {
    /// A pool of `limits.workers` slots over `store`.
    pub fn new(store: GraphStore, limits: Limits) -> Pool {
        Pool {
            store: Arc::new(store),
            slots: Arc::new(Semaphore::new(limits.workers.max(1))),
            limits,
        }
    }

    /// Evaluates a query and writes its results as `accept` prefers, within the limits.
    pub async fn query(&self, op: Operation, accept: Option<String>) -> Result<Rendered, ApiError> {
        let cancel = CancellationToken::new();
        let token = cancel.clone();
        let max_results = self.limits.max_results;
        let job = move |store: &GraphStore| {
            let options = QueryOptions {
                default_graphs: op.default_graphs,
                named_graphs: op.named_graphs,
                cancel: Some(token.clone()),
            };
            let results = store.query_with(&op.text, &options)?;
            render(
                results,
                &Budget {
                    accept: accept.as_deref(),
                    max_results,
                    cancel: &token,
                },
            )
        };
        match tokio::time::timeout(self.limits.timeout, self.run(job)).await {
            Ok(answer) => answer,
            Err(_elapsed) => {
                // The blocking thread sees the token at its next scan or row and stops.
                cancel.cancel();
                Err(ApiError::Timeout(self.limits.timeout))
            }
        }
    }

    /// Runs an update. No time limit: stopping a running update would leave the
    /// client unsure whether it was applied.
    pub async fn update(&self, op: Operation) -> Result<(), ApiError> {
        self.run(move |store: &GraphStore| Ok(store.update(&op.text)?))
            .await
    }

    /// One stored named graph (Graph Store Protocol GET), as `accept` prefers.
    pub async fn graph(
        &self,
        graph: NamedNode,
        accept: Option<String>,
    ) -> Result<Rendered, ApiError> {
        let format = negotiate(accept.as_deref(), GRAPH_OFFERS)?;
        self.run(move |store: &GraphStore| {
            match store.write_graph(graph.as_ref(), format, Vec::new())? {
                Some(body) => Ok(Rendered {
                    content_type: format.media_type(),
                    body,
                }),
                None => Err(ApiError::NotFound(format!("no graph {graph} in the store"))),
            }
        })
        .await
    }

    /// Runs `job` on a blocking thread once a slot is free. The slot is held by
    /// the thread, so a cancelled query keeps counting until it really stops.
    async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce(&GraphStore) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let slot = Arc::clone(&self.slots)
            .acquire_owned()
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        let store = Arc::clone(&self.store);
        let task = tokio::task::spawn_blocking(move || {
            let _slot = slot;
            job(&store)
        });
        task.await
            .map_err(|e| ApiError::Internal(format!("the query thread failed: {e}")))?
    }
}
