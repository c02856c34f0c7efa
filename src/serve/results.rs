//! Writing a query's results in the negotiated format, into memory: the
//! status code must be known (time limit, size limit) before anything is sent.

use super::error::ApiError;
use super::negotiate::{choose, supported, GRAPH_OFFERS, SOLUTION_OFFERS};
use crate::vocab::PREFIXES;
use oxigraph::io::RdfSerializer;
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};

/// A finished response body.
#[derive(Debug)]
pub struct Rendered {
    /// The `Content-Type` to send.
    pub content_type: &'static str,
    /// The serialized results.
    pub body: Vec<u8>,
}

/// What a rendering may use: the client's `Accept`, the row limit, and the
/// token that the time limit cancels.
pub struct Budget<'a> {
    /// The `Accept` header, if any.
    pub accept: Option<&'a str>,
    /// At most this many rows (SELECT) or triples (CONSTRUCT, DESCRIBE).
    pub max_results: usize,
    /// Cancelled when the time is up; checked between rows.
    pub cancel: &'a CancellationToken,
}

/// Serializes `results` as the client's preferred format.
pub fn render(results: QueryResults<'static>, budget: &Budget<'_>) -> Result<Rendered, ApiError> {
    match results {
        QueryResults::Boolean(value) => {
            let format = negotiate(budget.accept, SOLUTION_OFFERS)?;
            let content_type = format.media_type();
            let body = QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(Vec::new(), value)
                .map_err(internal)?;
            Ok(Rendered { content_type, body })
        }
        QueryResults::Solutions(solutions) => {
            let format = negotiate(budget.accept, SOLUTION_OFFERS)?;
            let content_type = format.media_type();
            let variables = solutions.variables().to_vec();
            let mut out = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(Vec::new(), variables)
                .map_err(internal)?;
            for (n, solution) in solutions.enumerate() {
                check(n, budget)?;
                out.serialize(&solution.map_err(|e| evaluation(e, budget))?)
                    .map_err(internal)?;
            }
            Ok(Rendered {
                content_type,
                body: out.finish().map_err(internal)?,
            })
        }
        QueryResults::Graph(triples) => {
            let format = negotiate(budget.accept, GRAPH_OFFERS)?;
            let content_type = format.media_type();
            let mut serializer = RdfSerializer::from_format(format);
            for (prefix, iri) in PREFIXES {
                serializer = serializer.with_prefix(*prefix, *iri).map_err(internal)?;
            }
            let mut out = serializer.for_writer(Vec::new());
            for (n, triple) in triples.enumerate() {
                check(n, budget)?;
                out.serialize_triple(&triple.map_err(|e| evaluation(e, budget))?)
                    .map_err(internal)?;
            }
            Ok(Rendered {
                content_type,
                body: out.finish().map_err(internal)?,
            })
        }
    }
}

/// The chosen format; the response names it by its canonical media type
/// (an `application/json` request gets `application/sparql-results+json`).
pub fn negotiate<T: Copy>(
    accept: Option<&str>,
    offers: &[(&'static str, T)],
) -> Result<T, ApiError> {
    choose(accept, offers)
        .map(|(_, format)| format)
        .ok_or_else(|| ApiError::NotAcceptable {
            accept: accept.unwrap_or("").to_string(),
            supported: supported(offers),
        })
}

/// Before writing result number `n` (from 0): still within time and size?
fn check(n: usize, budget: &Budget<'_>) -> Result<(), ApiError> {
    if budget.cancel.is_cancelled() {
        // The caller has already answered with the time limit; this only stops the work.
        return Err(ApiError::Internal("cancelled".into()));
    }
    if n >= budget.max_results {
        return Err(ApiError::TooManyResults(budget.max_results));
    }
    Ok(())
}

fn evaluation(e: QueryEvaluationError, budget: &Budget<'_>) -> ApiError {
    if budget.cancel.is_cancelled() {
        return ApiError::Internal("cancelled".into());
    }
    ApiError::Internal(format!("query failed: {e}"))
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(format!("could not write the results: {e}"))
}
