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
pub mod extract;
pub mod lexicon;
pub mod model;
pub mod query;
pub mod rdf;
pub mod remote;
pub mod resolve;
pub mod segment;
pub mod serve;
pub mod shard;
pub mod store;
pub mod text;
pub mod vocab;
