//! newsgraph's extraction core: the pure stages of the pipeline, from a
//! file's bytes to resolved facts (see ARCHITECTURE.md).
//!
//! [`text`] (clean prose) → [`segment`] (sentences) → [`extract`] (facts) →
//! [`resolve`] (one entity per referent), over the domain [`model`] and the
//! [`lexicon`]s compiled in from `ontology/lexicon/`.
//!
//! This crate does no I/O and knows nothing about RDF or oxigraph: it does not
//! depend on them, so the compiler keeps it so, and its tests build in a
//! minute on a fresh machine (no RocksDB).
#![deny(missing_docs)]

pub mod extract;
pub mod lexicon;
pub mod meta;
pub mod model;
pub mod resolve;
pub mod segment;
pub mod text;
