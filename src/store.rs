//! The store facade: the only module that touches oxigraph's `Store`.
//!
//! An article's graph is replaced in one transaction (what it no longer
//! says removed, what it newly says added), so a rebuild never duplicates and
//! a failure never leaves half an article.

use crate::vocab;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use rustc_hash::FxHashSet;

pub mod bulk;
pub use bulk::BulkWriter;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What can go wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the store open.
    #[error("the store {path} is in use by another process (close the other newsgraph command or serve, then retry)")]
    Locked {
        /// The store folder.
        path: PathBuf,
    },
    /// The store could not be opened or written.
    #[error("store {path}: {cause}")]
    Storage {
        /// The store folder.
        path: PathBuf,
        /// oxigraph's error.
        cause: oxigraph::store::StorageError,
    },
    /// A SPARQL query that does not parse.
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    /// A query that failed while running.
    #[error("query failed: {0}")]
    Evaluation(String),
    /// Serialization failed (usually the output could not be written).
    #[error("could not write the output: {0}")]
    Io(#[from] std::io::Error),
    /// The query's cancellation token was cancelled (the endpoint's time limit).
    #[error("the query was cancelled")]
    Cancelled,
    /// A SPARQL update that does not parse, or failed while running.
    #[error("update failed: {0}")]
    Update(String),
    /// The bulk loader's thread panicked (a bug, not bad input).
    #[error("the bulk loader writing {path} stopped unexpectedly")]
    LoaderPanicked {
        /// The store folder.
        path: PathBuf,
    },
}

/// How [`GraphStore::query_with`] runs a query: the dataset the SPARQL
/// protocol asked for, and a way to stop it from another thread.
#[derive(Clone, Default)]
pub struct QueryOptions {
    /// `default-graph-uri`: the default graph is the union of these graphs
    /// (none: the query's FROM, or else the union of all graphs).
    pub default_graphs: Vec<NamedNode>,
    /// `named-graph-uri`: the only graphs `GRAPH` sees (none: the query's
    /// FROM NAMED, or else every graph).
    pub named_graphs: Vec<NamedNode>,
    /// Cancelling it stops the evaluation, and the result iterators, with
    /// [`StoreError::Cancelled`].
    pub cancel: Option<CancellationToken>,
}

/// An on-disk RDF store of article graphs.
pub struct GraphStore {
    store: Store,
    path: PathBuf,
}

impl GraphStore {
    /// Opens (creating if needed) the store in `path`.
    pub fn open(path: &Path) -> Result<GraphStore, StoreError> {
        if let Err(e) = std::fs::create_dir_all(path) {
            let source = oxigraph::store::StorageError::Io(e);
            return Err(StoreError::Storage { path: path.to_path_buf(), cause: source });
        }
        match Store::open(path) {
            Ok(store) => {
                bulk::remove_leftovers(path);
                Ok(GraphStore { store, path: path.to_path_buf() })
            }
            Err(e) if is_lock_error(&e) => Err(StoreError::Locked { path: path.to_path_buf() }),
            Err(cause) => Err(StoreError::Storage { path: path.to_path_buf(), cause }),
        }
    }

    fn storage(&self, source: oxigraph::store::StorageError) -> StoreError {
        StoreError::Storage { path: self.path.clone(), cause: source }
    }

    /// Replaces the named graph `graph` with `quads`, atomically (see
    /// [`GraphStore::replace_graphs`]).
    pub fn replace_graph(&self, graph: &NamedNode, quads: &[Quad]) -> Result<(), StoreError> {
        self.replace_graphs(&[(graph.clone(), quads.to_vec())])
    }

    /// A writer for the quads of articles the store does not hold yet, through
    /// oxigraph's bulk loader (sorted files ingested at once, far faster than
    /// transactions for a first build); see [`bulk`].
    pub fn bulk_writer(&self) -> BulkWriter {
        BulkWriter::start(self)
    }

    /// The content hash recorded for each article graph (graph IRI -> hash),
    /// read straight from the index rather than through SPARQL.
    pub fn article_hashes(&self) -> Result<std::collections::HashMap<String, String>, StoreError> {
        let predicate = NamedNode::new_unchecked(format!("{}contentHash", vocab::NG));
        let mut hashes = std::collections::HashMap::new();
        for quad in self.store.quads_for_pattern(None, Some(predicate.as_ref()), None, None) {
            let quad = quad.map_err(|e| self.storage(e))?;
            if let (GraphName::NamedNode(g), Term::Literal(h)) = (&quad.graph_name, &quad.object) {
                hashes.insert(g.as_str().to_string(), h.value().to_string());
            }
        }
        Ok(hashes)
    }

    /// Calls `visit(graph, entity, label)` for every `rdfs:label` of a subject
    /// whose IRI starts with `prefix`, in every named graph: one scan of the
    /// label index, for resolution across articles.
    pub fn for_each_label(&self, prefix: &str, visit: &mut dyn FnMut(&str, &str, &str)) -> Result<(), StoreError> {
        let label = NamedNode::new_unchecked(format!("{}label", vocab::RDFS));
        for quad in self.store.quads_for_pattern(None, Some(label.as_ref()), None, None) {
            let quad = quad.map_err(|e| self.storage(e))?;
            if let (NamedOrBlankNode::NamedNode(s), Term::Literal(l), GraphName::NamedNode(g)) = (&quad.subject, &quad.object, &quad.graph_name) {
                if s.as_str().starts_with(prefix) {
                    visit(g.as_str(), s.as_str(), l.value());
                }
            }
        }
        Ok(())
    }

    /// Replaces several named graphs in one transaction: all of them or none.
    /// One commit for many articles, because a commit costs far more than the
    /// writes in it.
    ///
    /// Only the difference is written: a rewrite with fuller names, or an
    /// edited article, keeps most of its quads, and a transaction's cost is
    /// in its writes (each quad is six index entries), not in the read.
    pub fn replace_graphs(&self, graphs: &[(NamedNode, Vec<Quad>)]) -> Result<(), StoreError> {
        let mut tx = self.store.start_transaction().map_err(|e| self.storage(e))?;
        for (graph, quads) in graphs {
            let stored = tx
                .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref())))
                .collect::<Result<FxHashSet<Quad>, _>>()
                .map_err(|e| self.storage(e))?;
            let wanted: FxHashSet<&Quad> = quads.iter().collect();
            for quad in stored.iter().filter(|q| !wanted.contains(q)) {
                tx.remove(quad);
            }
            tx.extend(quads.iter().filter(|q| !stored.contains(*q)));
        }
        tx.commit().map_err(|e| self.storage(e))
    }

    /// Removes a named graph and everything in it.
    pub fn remove_graph(&self, graph: NamedNodeRef<'_>) -> Result<(), StoreError> {
        self.store.remove_named_graph(graph).map_err(|e| self.storage(e))
    }

    /// Loads Turtle into a named graph, replacing it (for the ontology).
    pub fn replace_graph_from_turtle(&self, graph: &NamedNode, turtle: &str) -> Result<(), StoreError> {
        let parser = oxigraph::io::RdfParser::from_format(RdfFormat::Turtle).with_default_graph(GraphNameRef::NamedNode(graph.as_ref()));
        let quads: Vec<Quad> = parser
            .for_slice(turtle.as_bytes())
            .collect::<Result<_, _>>()
            .map_err(|e| StoreError::Evaluation(format!("ontology: {e}")))?;
        self.replace_graph(graph, &quads)
    }

    /// Number of quads.
    pub fn len(&self) -> Result<usize, StoreError> {
        self.store.len().map_err(|e| self.storage(e))
    }

    /// True when the store holds no quad.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }

    /// Runs a SPARQL query; the usual prefixes (ng, org, prov, rdfs, skos, xsd) are
    /// predeclared, and without FROM the default graph is the union of all graphs.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, StoreError> {
        let mut evaluator = SparqlEvaluator::new();
        for (p, iri) in vocab::PREFIXES {
            evaluator = evaluator.with_prefix(*p, *iri).map_err(|e| StoreError::Syntax(e.to_string()))?;
        }
        let mut prepared = evaluator.parse_query(sparql).map_err(|e| StoreError::Syntax(e.to_string()))?;
        // Every fact lives in its article's graph: a query that names no dataset
        // sees them all, so that the vocabulary's plain patterns just work.
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        prepared.on_store(&self.store).execute().map_err(|e| StoreError::Evaluation(e.to_string()))
    }

    /// Writes the quads `keep` accepts in `format`: with their graphs in formats
    /// that hold graphs (N-Quads, TriG, JSON-LD), as the union of triples in the
    /// others (Turtle, N-Triples, RDF/XML). Prefixes where the format has them.
    pub fn dump<W: Write>(&self, format: RdfFormat, writer: W, keep: &dyn Fn(&Quad) -> bool) -> Result<W, StoreError> {
        let mut serializer = RdfSerializer::from_format(format);
        for (p, iri) in vocab::PREFIXES {
            serializer = serializer.with_prefix(*p, *iri).map_err(|e| StoreError::Syntax(e.to_string()))?;
        }
        let mut out = serializer.for_writer(writer);
        let mut seen = std::collections::HashSet::new();
        for quad in self.store.iter() {
            let quad = quad.map_err(|e| self.storage(e))?;
            if !keep(&quad) {
                continue;
            }
            if format.supports_datasets() {
                out.serialize_quad(&quad)?;
            } else {
                let triple = oxigraph::model::Triple::from(quad);
                if seen.insert(triple.clone()) {
                    out.serialize_triple(&triple)?;
                }
            }
        }
        Ok(out.finish()?)
    }

    /// Every quad, in order (for filters that need two passes).
    pub fn quads(&self) -> Result<Vec<Quad>, StoreError> {
        self.store.iter().map(|q| q.map_err(|e| self.storage(e))).collect()
    }

    /// Opens an existing store for reading only (`newsgraph serve`): no lock is
    /// taken, so other commands can still open it; it sees the data as it was
    /// when opened.
    pub fn open_read_only(path: &Path) -> Result<GraphStore, StoreError> {
        match Store::open_read_only(path) {
            Ok(store) => Ok(GraphStore { store, path: path.to_path_buf() }),
            Err(cause) => Err(StoreError::Storage { path: path.to_path_buf(), cause }),
        }
    }

    /// Runs a SPARQL query like [`GraphStore::query`] (same prefixes, same
    /// union default graph), with the protocol's dataset and a cancellation
    /// token. Without the `http-client` feature oxigraph has no `SERVICE`
    /// client, so a query never makes the store call other hosts.
    pub fn query_with(&self, sparql: &str, options: &QueryOptions) -> Result<QueryResults<'static>, StoreError> {
        let mut evaluator = prefixed_evaluator()?;
        if let Some(token) = &options.cancel {
            evaluator = evaluator.with_cancellation_token(token.clone());
        }
        let mut prepared = evaluator.parse_query(sparql).map_err(|e| StoreError::Syntax(e.to_string()))?;
        let dataset = prepared.dataset_mut();
        if !options.default_graphs.is_empty() {
            dataset.set_default_graph(options.default_graphs.iter().cloned().map(Into::into).collect());
        } else if dataset.is_default_dataset() {
            dataset.set_default_graph_as_union();
        }
        if !options.named_graphs.is_empty() {
            dataset.set_available_named_graphs(options.named_graphs.iter().cloned().map(Into::into).collect());
        }
        prepared.on_store(&self.store).execute().map_err(|e| match e {
            oxigraph::sparql::QueryEvaluationError::Cancelled => StoreError::Cancelled,
            other => StoreError::Evaluation(other.to_string()),
        })
    }

    /// Runs a SPARQL update (the prefixes of [`GraphStore::query`] predeclared).
    pub fn update(&self, sparql: &str) -> Result<(), StoreError> {
        let prepared = prefixed_evaluator()?.parse_update(sparql).map_err(|e| StoreError::Syntax(e.to_string()))?;
        prepared.on_store(&self.store).execute().map_err(|e| match e {
            oxigraph::sparql::UpdateEvaluationError::Storage(cause) => self.storage(cause),
            other => StoreError::Update(other.to_string()),
        })
    }

    /// Writes the named graph `graph` in `format` (its name kept in formats
    /// that hold graphs); `None` when the store has no such graph.
    pub fn write_graph<W: Write>(&self, graph: NamedNodeRef<'_>, format: RdfFormat, writer: W) -> Result<Option<W>, StoreError> {
        if !self.store.contains_named_graph(graph).map_err(|e| self.storage(e))? {
            return Ok(None);
        }
        let mut serializer = RdfSerializer::from_format(format);
        for (p, iri) in vocab::PREFIXES {
            serializer = serializer.with_prefix(*p, *iri).map_err(|e| StoreError::Syntax(e.to_string()))?;
        }
        let mut out = serializer.for_writer(writer);
        for quad in self.store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph))) {
            let quad = quad.map_err(|e| self.storage(e))?;
            if format.supports_datasets() {
                out.serialize_quad(&quad)?;
            } else {
                out.serialize_triple(oxigraph::model::TripleRef::from(quad.as_ref()))?;
            }
        }
        Ok(Some(out.finish()?))
    }

    /// Makes sure everything written is on disk.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.store.flush().map_err(|e| self.storage(e))
    }
}

/// An evaluator with the predeclared prefixes of [`vocab::PREFIXES`].
fn prefixed_evaluator() -> Result<SparqlEvaluator, StoreError> {
    let mut evaluator = SparqlEvaluator::new();
    for (p, iri) in vocab::PREFIXES {
        evaluator = evaluator.with_prefix(*p, *iri).map_err(|e| StoreError::Syntax(e.to_string()))?;
    }
    Ok(evaluator)
}

fn is_lock_error(e: &oxigraph::store::StorageError) -> bool {
    let msg = e.to_string().to_lowercase();
    msg.contains("lock") && (msg.contains("temporarily unavailable") || msg.contains("resource") || msg.contains("held"))
}
