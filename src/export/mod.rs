//! Exports of the store: RDF through oxigraph's serializers, and Graphviz views.

pub mod dot;

use crate::store::{GraphStore, StoreError};
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use std::io::Write;

/// What `newsgraph export --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// N-Quads: every quad with its article graph.
    Nquads,
    /// TriG: graphs, with prefixes.
    Trig,
    /// Turtle: the union of all graphs, with prefixes.
    Turtle,
    /// N-Triples: the union of all graphs.
    Ntriples,
    /// JSON-LD.
    Jsonld,
    /// RDF/XML: the union of all graphs.
    Rdfxml,
    /// Graphviz DOT: who said what.
    Dot,
}

/// Writes the whole store in `format`.
pub fn export<W: Write>(store: &GraphStore, format: ExportFormat, out: W) -> Result<W, StoreError> {
    match format {
        ExportFormat::Nquads => store.dump_dataset(RdfFormat::NQuads, out),
        ExportFormat::Trig => store.dump_dataset(RdfFormat::TriG, out),
        ExportFormat::Jsonld => store.dump_dataset(RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() }, out),
        ExportFormat::Turtle => store.dump_triples(RdfFormat::Turtle, out),
        ExportFormat::Ntriples => store.dump_triples(RdfFormat::NTriples, out),
        ExportFormat::Rdfxml => store.dump_triples(RdfFormat::RdfXml, out),
        ExportFormat::Dot => {
            let mut out = out;
            dot::who_said_what(store, &mut out)?;
            Ok(out)
        }
    }
}
