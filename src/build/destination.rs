//! Where a build writes article graphs: the local on-disk store, a remote
//! Graph Store Protocol endpoint, or nowhere (`--dry-run`, to measure
//! extraction alone).
//!
//! The pipeline hands a destination whole articles in corpus order; each
//! destination decides how to make every article land whole or not at all.

use super::BuildError;
use crate::remote::{Endpoint, RemoteError};
use crate::store::{BulkWriter, GraphStore};
use oxigraph::model::{NamedNode, Quad};
use std::collections::HashMap;

/// One article's named graph, ready to be written.
#[derive(Debug)]
pub struct ArticleGraph {
    /// The article's path relative to the corpus (for messages).
    pub key: String,
    /// The named graph.
    pub graph: NamedNode,
    /// Every quad of the graph.
    pub quads: Vec<Quad>,
    /// True when the destination holds an older version of this article.
    pub replaces: bool,
}

/// A place article graphs go.
pub trait Destination: Send {
    /// The content hash of every article graph already there (graph IRI ->
    /// hash), so that unchanged articles are skipped; empty when unknown.
    fn stored_hashes(&mut self) -> Result<HashMap<String, String>, BuildError>;

    /// Writes articles. A problem with one article is returned as a message
    /// naming it (the build goes on); a broken destination is an error.
    fn write(&mut self, articles: Vec<ArticleGraph>) -> Result<Vec<String>, BuildError>;

    /// Removes the graph of an article that left the corpus.
    fn remove(&mut self, graph: &NamedNode) -> Result<(), BuildError>;

    /// Makes everything written durable.
    fn finish(&mut self) -> Result<(), BuildError>;

    /// The local store, when the destination is one (for resolution across
    /// articles and the ontology graph).
    fn local_store(&self) -> Option<&GraphStore> {
        None
    }

    /// False when the destination ignores quads, so that they need not be kept.
    fn writes_quads(&self) -> bool {
        true
    }
}

/// Quads of new articles gathered into one batch of the bulk loader (about a
/// chunk of articles). Up to three batches are in memory at once (gathering,
/// waiting, loading) at about 400 bytes a quad plus the loader's sort
/// buffers: 400,000 took a 32 MB build to 1.3 GB, 100,000 to 0.6 GB, for the
/// same CPU time.
const BULK_BATCH_QUADS: usize = 100_000;

/// Quads written through transactions before RocksDB's write buffers are
/// flushed to disk. Oxigraph lets each of its column families buffer up to
/// 128 MB several times over, so without this a build that rewrites many
/// articles grows by gigabytes.
const TRANSACTION_FLUSH_QUADS: usize = 200_000;

/// The on-disk oxigraph store: new articles through the bulk loader, in
/// batches of whole articles committed as the store grows (see
/// [`crate::store::bulk`]); the changed ones of a chunk in one transaction.
pub struct LocalStore {
    store: GraphStore,
    pending: Vec<Quad>,
    /// Started with the first new article, finished by [`Destination::finish`].
    loader: Option<BulkWriter>,
    /// Quads written through transactions since the last flush.
    unflushed: usize,
}

impl LocalStore {
    /// Writes into `store`.
    pub fn new(store: GraphStore) -> LocalStore {
        LocalStore { store, pending: Vec::new(), loader: None, unflushed: 0 }
    }

    fn flush_pending(&mut self) -> Result<(), BuildError> {
        if !self.pending.is_empty() {
            let loader = self.loader.get_or_insert_with(|| self.store.bulk_writer());
            loader.load(std::mem::take(&mut self.pending))?;
        }
        Ok(())
    }
}

impl Destination for LocalStore {
    fn stored_hashes(&mut self) -> Result<HashMap<String, String>, BuildError> {
        Ok(self.store.article_hashes()?)
    }

    fn write(&mut self, articles: Vec<ArticleGraph>) -> Result<Vec<String>, BuildError> {
        let mut problems = Vec::new();
        let mut changed = Vec::new();
        for article in articles {
            if article.replaces {
                changed.push((article.key, (article.graph, article.quads)));
            } else {
                self.pending.extend(article.quads);
            }
        }
        if !changed.is_empty() {
            // The changed articles of a chunk in one commit (all or none).
            let (keys, graphs): (Vec<String>, Vec<_>) = changed.into_iter().unzip();
            let quads: usize = graphs.iter().map(|(_, q)| q.len()).sum();
            if let Err(e) = self.store.replace_graphs(&graphs) {
                problems.extend(keys.iter().map(|k| format!("{k}: not stored: {e}")));
            }
            self.unflushed += quads;
            if self.unflushed >= TRANSACTION_FLUSH_QUADS {
                self.store.flush()?;
                self.unflushed = 0;
            }
        }
        if self.pending.len() >= BULK_BATCH_QUADS {
            self.flush_pending()?;
        }
        Ok(problems)
    }

    fn remove(&mut self, graph: &NamedNode) -> Result<(), BuildError> {
        Ok(self.store.remove_graph(graph.as_ref())?)
    }

    fn finish(&mut self) -> Result<(), BuildError> {
        self.flush_pending()?;
        if let Some(mut loader) = self.loader.take() {
            loader.finish()?;
        }
        Ok(self.store.flush()?)
    }

    fn local_store(&self) -> Option<&GraphStore> {
        Some(&self.store)
    }
}

/// Writes nothing: extraction and mapping to quads alone, for `--dry-run`.
#[derive(Debug, Default)]
pub struct Nowhere;

impl Destination for Nowhere {
    fn stored_hashes(&mut self) -> Result<HashMap<String, String>, BuildError> {
        Ok(HashMap::new())
    }

    fn write(&mut self, _articles: Vec<ArticleGraph>) -> Result<Vec<String>, BuildError> {
        Ok(Vec::new())
    }

    fn remove(&mut self, _graph: &NamedNode) -> Result<(), BuildError> {
        Ok(())
    }

    fn finish(&mut self) -> Result<(), BuildError> {
        Ok(())
    }

    fn writes_quads(&self) -> bool {
        false
    }
}

/// A SPARQL Graph Store Protocol endpoint: one PUT per article, which
/// replaces the article's graph whole, so a re-run never duplicates.
pub struct RemoteStore {
    endpoint: Endpoint,
    ontology: Vec<Quad>,
}

impl RemoteStore {
    /// Writes to `endpoint`; `ontology` is put in its own graph at the end.
    pub fn new(endpoint: Endpoint, ontology: Vec<Quad>) -> RemoteStore {
        RemoteStore { endpoint, ontology }
    }
}

impl Destination for RemoteStore {
    /// A Graph Store endpoint cannot list its graphs or their hashes, so every
    /// article is written (PUT makes that safe) and `--prune` has nothing to go on.
    fn stored_hashes(&mut self) -> Result<HashMap<String, String>, BuildError> {
        Ok(HashMap::new())
    }

    fn write(&mut self, articles: Vec<ArticleGraph>) -> Result<Vec<String>, BuildError> {
        let mut problems = Vec::new();
        for (article, outcome) in articles.iter().zip(put_all(&self.endpoint, &articles)?) {
            match outcome {
                Ok(()) => {}
                Err(e) if e.concerns_this_graph_only() => problems.push(format!("{}: not stored: {e}", article.key)),
                Err(e) => return Err(e.into()),
            }
        }
        Ok(problems)
    }

    fn remove(&mut self, graph: &NamedNode) -> Result<(), BuildError> {
        Ok(self.endpoint.delete_graph(graph.as_ref())?)
    }

    fn finish(&mut self) -> Result<(), BuildError> {
        let graph = NamedNode::new_unchecked(crate::vocab::ONTOLOGY_GRAPH);
        Ok(self.endpoint.put_graph(graph.as_ref(), &self.ontology)?)
    }
}

/// PUTs at once: a store spends most of a PUT indexing, so a few connections
/// keep it busy while newsgraph waits, without flooding it.
const PARALLEL_PUTS: usize = 4;

/// PUTs every article, on up to [`PARALLEL_PUTS`] connections; one outcome per
/// article, in order.
fn put_all(endpoint: &Endpoint, articles: &[ArticleGraph]) -> Result<Vec<Result<(), RemoteError>>, BuildError> {
    let per_thread = articles.len().div_ceil(PARALLEL_PUTS).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = articles
            .chunks(per_thread)
            .map(|part| scope.spawn(move || part.iter().map(|a| endpoint.put_graph(a.graph.as_ref(), &a.quads)).collect::<Vec<_>>()))
            .collect();
        let mut outcomes = Vec::with_capacity(articles.len());
        for worker in workers {
            outcomes.extend(worker.join().map_err(|_| BuildError::WriterPanicked)?);
        }
        Ok(outcomes)
    })
}
