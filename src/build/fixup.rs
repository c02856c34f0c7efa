//! Resolution across articles, after the streaming pass.
//!
//! A first build reads every name before writing anything, so it needs no
//! fix-up. An incremental build writes each new or changed article as it
//! reads it, resolving names against the articles read so far, so an article
//! that calls someone only "Blinken" may be written before the one that gives
//! "Antony Blinken", and a stored article may be made fuller by a new one.
//! This pass scans the store's labels and re-extracts just the articles whose
//! names can now be made fuller. Only names are held in memory, never the
//! facts of the whole corpus.

use super::destination::ArticleGraph;
use super::pipeline::Inputs;
use super::BuildError;
use crate::corpus::{self, Document};
use crate::model::EntityType;
use crate::resolve::NameIndex;
use crate::store::GraphStore;
use crate::{extract, rdf, vocab};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

/// The entity classes whose names resolve across articles.
const RESOLVED: [EntityType; 2] = [EntityType::Person, EntityType::Organization];

/// What the pass did.
#[derive(Debug, Default)]
pub struct Fixup {
    /// Articles rewritten with fuller names.
    pub rewritten: usize,
    /// Articles that could not be re-read (named).
    pub problems: Vec<String>,
}

/// After an incremental build: the store holds names of articles this build
/// did not read, so the index and the stale graphs come from a scan of its
/// labels. `sources` maps article graph IRIs to the files or archives they
/// were read from.
pub fn resolve_in_store(store: &GraphStore, sources: &HashMap<String, PathBuf>, inputs: &Inputs<'_>) -> Result<Fixup, BuildError> {
    let names = name_index(store)?;
    let stale = graphs_to_rewrite(store, &names)?;
    rewrite(&stale, sources, &names, inputs, &mut |graphs| {
        // A chunk's rewrites in one commit, as the local destination does.
        let pairs: Vec<_> = graphs.into_iter().map(|g| (g.graph, g.quads)).collect();
        store.replace_graphs(&pairs)?;
        Ok(Vec::new())
    })
}

/// Where rewritten graphs go; returns one message per graph it could not take.
type Sink<'a> = dyn FnMut(Vec<ArticleGraph>) -> Result<Vec<String>, BuildError> + 'a;

/// Re-extracts the `stale` graphs' articles with `names` and replaces their
/// graphs through `write`. Files are read again; an archive is read again
/// once, for all of its stale records.
fn rewrite(stale: &BTreeSet<String>, sources: &HashMap<String, PathBuf>, names: &NameIndex, inputs: &Inputs<'_>, write: &mut Sink<'_>) -> Result<Fixup, BuildError> {
    let mut fixup = Fixup::default();
    let mut units = Vec::new();
    let mut archives = BTreeSet::new();
    for path in stale.iter().filter_map(|g| sources.get(g)) {
        if corpus::is_archive(path) {
            archives.insert(path);
        } else {
            units.push(Again::File(path.clone()));
        }
    }
    for archive in archives {
        inputs.archive(archive).read(&mut |record| match record {
            Ok(doc) if stale.contains(&vocab::article_iri(&doc.key)) => units.push(Again::Record(Box::new(doc))),
            _ => {}
        });
    }
    for chunk in units.chunks(256) {
        let rebuilt: Vec<_> = chunk.par_iter().map(|unit| regraph(unit, names, inputs)).collect();
        let mut graphs = Vec::new();
        for result in rebuilt {
            match result {
                Ok(graph) => graphs.push(graph),
                Err(e) => fixup.problems.push(e.to_string()),
            }
        }
        let written = graphs.len();
        let problems = write(graphs)?;
        fixup.rewritten += written - problems.len();
        fixup.problems.extend(problems);
    }
    Ok(fixup)
}

/// An article to extract again.
enum Again {
    /// A file, to read again.
    File(PathBuf),
    /// An archive record, read again.
    Record(Box<Document>),
}

/// One article as its graph with `names` applied.
fn regraph(unit: &Again, names: &NameIndex, inputs: &Inputs<'_>) -> Result<ArticleGraph, corpus::ArticleError> {
    let doc = match unit {
        Again::File(path) => corpus::read_file(path, inputs.corpus, inputs.max_article_bytes)?,
        Again::Record(doc) => (**doc).clone(),
    };
    let article = corpus::article_of(doc, inputs.lexicon)?.article;
    let mut facts = extract::long::extract_bounded(&article.text, inputs.lexicon);
    names.apply(&mut facts);
    let quads = rdf::article_quads(&article, &facts);
    Ok(ArticleGraph { key: article.key.clone(), graph: rdf::graph_of(&article), quads, replaces: true })
}

/// The kind of an entity from its IRI (`…/entity/person/…`), when it is one
/// whose names resolve.
fn resolved_kind(entity_iri: &str) -> Option<EntityType> {
    let rest = entity_iri.strip_prefix(vocab::DATA)?.strip_prefix("entity/")?;
    let kind = rest.split('/').next()?;
    RESOLVED.into_iter().find(|k| k.name().eq_ignore_ascii_case(kind))
}

/// Calls `visit(graph, kind, label)` for every person and organization name.
fn for_each_name(store: &GraphStore, visit: &mut dyn FnMut(&str, EntityType, &str)) -> Result<(), BuildError> {
    let prefix = format!("{}entity/", vocab::DATA);
    store.for_each_label(&prefix, &mut |graph, entity, label| {
        if let Some(kind) = resolved_kind(entity) {
            visit(graph, kind, label);
        }
    })?;
    Ok(())
}

/// Every person and organization name in the store.
fn name_index(store: &GraphStore) -> Result<NameIndex, BuildError> {
    let mut index = NameIndex::default();
    for_each_name(store, &mut |_, kind, label| index.add(kind, label))?;
    Ok(index)
}

/// The graphs that name someone by a name the index can make fuller.
fn graphs_to_rewrite(store: &GraphStore, index: &NameIndex) -> Result<BTreeSet<String>, BuildError> {
    let mut stale = BTreeSet::new();
    for_each_name(store, &mut |graph, kind, label| {
        if index.rename(kind, label).is_some() {
            stale.insert(graph.to_string());
        }
    })?;
    Ok(stale)
}
