//! newsgraph: a folder of news articles in, a knowledge graph out.
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md):
//! [`corpus`] (files) → [`text`] (clean prose) → [`segment`] (sentences) →
//! [`extract`] (facts, pure) → [`resolve`] (one entity per referent) →
//! [`rdf`] (quads) → [`store`] (oxigraph) → [`query`] / [`export`].
#![deny(missing_docs)]

pub mod build;
pub mod cli;
pub mod corpus;
pub mod eval;
pub mod export;
pub mod query;
pub mod rdf;
pub mod remote;
pub mod serve;
pub mod shard;
pub mod store;
pub mod vocab;

// The pure stages live in their own crate (no RDF, no C++); re-exported so
// that `crate::model` and `newsgraph::extract` read as before.
pub use newsgraph_extract::{extract, lexicon, meta, model, resolve, segment, text};
