//! `newsgraph build`: corpus -> text -> extract -> resolve -> graph -> store.
//!
//! A streaming pipeline ([`pipeline`]): files are read and extracted in
//! parallel a chunk at a time while a writer thread stores the chunk before,
//! so memory does not grow with the corpus. An article whose content hash
//! matches its stored graph is skipped; a changed one replaces its graph; a
//! bad file becomes a diagnostic and the run goes on. Every article lands
//! whole or not at all, whatever the [`destination`]. Names are then resolved
//! across articles against the store ([`fixup`]).

pub mod destination;
pub mod fixup;
pub mod pipeline;

use crate::corpus::{self, CorpusError};
use crate::lexicon::Lexicon;
use crate::model::{EntityType, Facts, StatementForm};
use crate::remote::{Endpoint, EndpointConfig, RemoteError};
use crate::resolve::NameIndex;
use crate::shard::Shard;
use crate::store::{GraphStore, StoreError};
use crate::{rdf, vocab};
use destination::{ArticleGraph, Destination, LocalStore, Nowhere, RemoteStore};
use indicatif::{ProgressBar, ProgressStyle};
use newsgraph_input::JsonFields;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

/// What a build needs.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    /// Folder of articles.
    pub corpus: PathBuf,
    /// Store folder.
    pub store: PathBuf,
    /// Show a progress bar (on a terminal).
    pub progress: bool,
    /// Remove the graphs of articles no longer in the corpus.
    pub prune: bool,
    /// Read, extract and map to quads, but write nothing (to measure extraction).
    pub dry_run: bool,
    /// Files larger than this many bytes are reported and skipped.
    pub max_article_bytes: u64,
    /// Write to this Graph Store Protocol endpoint instead of the local store.
    pub endpoint: Option<EndpointConfig>,
    /// Write only this part of the corpus (`--shard I/N`); names still
    /// resolve against all of it.
    pub shard: Option<Shard>,
    /// The fields of JSON Lines archives (detected from common names when unset).
    pub json_fields: JsonFields,
}

/// Fatal build errors (per-article problems are diagnostics, not errors).
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The corpus folder is missing or unreadable.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// The store cannot be opened or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The lexicons are broken (a developer error, named by file and line).
    #[error(transparent)]
    Lexicon(#[from] &'static crate::lexicon::LexiconError),
    /// The writer thread died (a bug; nothing after the last commit was written).
    #[error("the store writer stopped unexpectedly; articles committed before it stopped are kept")]
    WriterPanicked,
    /// The remote endpoint refused the writes or could not be reached.
    #[error(transparent)]
    Remote(Box<RemoteError>),
    /// The compiled-in ontology does not parse (a developer error).
    #[error("the built-in ontology does not parse: {0}")]
    Ontology(String),
}

impl From<RemoteError> for BuildError {
    fn from(e: RemoteError) -> BuildError {
        BuildError::Remote(Box::new(e))
    }
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Articles written (new or changed).
    pub articles: usize,
    /// Articles written that replaced an older version.
    pub changed: usize,
    /// Articles skipped because their content did not change.
    pub unchanged: usize,
    /// Graphs removed because their article left the corpus (`--prune`).
    pub removed: usize,
    /// Stored articles no longer in the corpus, kept (no `--prune`).
    pub stale: usize,
    /// Articles rewritten because a name resolved across articles.
    pub resolved: usize,
    /// Seconds the rewriting took (part of `seconds`).
    pub resolve_seconds: f64,
    /// One message per file that was skipped.
    pub skipped: Vec<String>,
    /// One message per article built from text that may not be its article
    /// (a web page whose article body was not found or looks cut short).
    pub notes: Vec<String>,
    /// Distinct entities by type, in the articles written.
    pub entities: Vec<(EntityType, usize)>,
    /// Relations written.
    pub roles: usize,
    /// Quotes written.
    pub quotes: usize,
    /// Reported-speech statements written.
    pub reported: usize,
    /// Exports written.
    pub exports: usize,
    /// Statistics written.
    pub statistics: usize,
    /// Quads written.
    pub quads: usize,
    /// Bytes of article files read.
    pub bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// A few "speaker: quote" lines.
    pub samples: Vec<String>,
    /// Nothing was written (`--dry-run`).
    pub dry_run: bool,
}

/// Running counts of the streaming pass.
#[derive(Debug, Default)]
pub struct Tally {
    articles: usize,
    changed: usize,
    unchanged: usize,
    skipped: Vec<String>,
    notes: Vec<String>,
    roles: usize,
    quotes: usize,
    reported: usize,
    exports: usize,
    statistics: usize,
    quads: usize,
    /// Entity IRIs seen, by type (IRIs, not facts: small).
    entities: HashMap<EntityType, HashSet<String>>,
    samples: Vec<String>,
}

impl Tally {
    fn count(&mut self, graph: &ArticleGraph, facts: &Facts, quads: usize) {
        self.articles += 1;
        self.changed += usize::from(graph.replaces);
        self.quads += quads;
        self.roles += facts.memberships.len();
        self.quotes += facts.statements.iter().filter(|s| s.form == StatementForm::Quote).count();
        self.reported += facts.statements.iter().filter(|s| s.form == StatementForm::Reported).count();
        self.exports += facts.exports.len();
        self.statistics += facts.statistics.len();
        for e in &facts.entities {
            self.entities.entry(e.kind).or_default().insert(rdf::entity_iri(e.kind, &e.label));
        }
        if self.samples.len() < 5 {
            if let Some(q) = facts.statements.iter().find(|s| s.form == StatementForm::Quote) {
                self.samples.push(sample(&facts.entities[q.speaker].label, &q.text));
            }
        }
    }
}

/// Builds the store (or the dry run) from the corpus.
pub fn build(config: &BuildConfig) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let lexicon = Lexicon::embedded()?;
    let (files, problems) = corpus::discover(&config.corpus)?;
    let mut destination = open_destination(config)?;
    let stored = destination.stored_hashes()?;
    let total_bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    let bar = progress_bar(total_bytes, config.progress);
    let inputs = pipeline::Inputs {
        corpus: &config.corpus,
        lexicon,
        stored: &stored,
        bar: &bar,
        shard: config.shard,
        max_article_bytes: config.max_article_bytes,
        fields: &config.json_fields,
    };
    // A first build reads the corpus twice, names first, so that it writes
    // every article once (see `pipeline::corpus_names`); a dry run measures
    // extraction alone, one pass.
    let first_build = stored.is_empty() && !config.dry_run;
    let names = if first_build { names_first(&files, &inputs) } else { NameIndex::default() };
    // With every name known, a shard's second pass reads only its own files.
    let own: Vec<PathBuf>;
    let to_read: &[PathBuf] = if first_build && config.shard.is_some() {
        // Archives are read whole; their records are sorted into shards by key.
        own = files.iter().filter(|f| corpus::is_archive(f) || inputs.writes(&corpus::key_of(f, &config.corpus))).cloned().collect();
        bar.set_length(own.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum());
        &own
    } else {
        &files
    };
    let (tally, archived) = pipeline::run(to_read, &inputs, names, destination.as_mut())?;
    bar.finish_and_clear();

    // Every article of the corpus by graph: files by their paths, records by their archives.
    let mut by_graph: HashMap<String, PathBuf> =
        files.iter().filter(|f| !corpus::is_archive(f)).map(|f| (vocab::article_iri(&corpus::key_of(f, &config.corpus)), f.clone())).collect();
    by_graph.extend(archived);
    let (removed, stale) = leavers(&stored, &by_graph, config.prune, destination.as_mut())?;
    destination.finish()?;
    let mut report = report_of(tally, problems.iter().map(ToString::to_string).collect());
    report.removed = removed;
    report.stale = stale;
    report.bytes = total_bytes;
    report.dry_run = config.dry_run;
    let resolving = Instant::now();
    let fixup = if config.dry_run || first_build {
        fixup::Fixup::default()
    } else if let (Some(store), true) = (destination.local_store(), report.articles > 0 || removed > 0) {
        fixup::resolve_in_store(store, &by_graph, &inputs)?
    } else {
        fixup::Fixup::default()
    };
    report.resolved = fixup.rewritten;
    report.resolve_seconds = resolving.elapsed().as_secs_f64();
    report.skipped.extend(fixup.problems);
    if let Some(store) = destination.local_store() {
        load_ontology(store)?;
        store.flush()?;
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The first pass of a first build, with its own run of the progress bar.
fn names_first(files: &[PathBuf], inputs: &pipeline::Inputs<'_>) -> NameIndex {
    inputs.bar.set_message("pass 1 of 2: names");
    let names = pipeline::corpus_names(files, inputs);
    inputs.bar.reset();
    inputs.bar.set_message("pass 2 of 2: facts");
    names
}

/// The local store, a remote endpoint, or nowhere (`--dry-run`).
fn open_destination(config: &BuildConfig) -> Result<Box<dyn Destination>, BuildError> {
    Ok(match (&config.endpoint, config.dry_run) {
        (_, true) => Box::new(Nowhere),
        (Some(endpoint), false) => Box::new(RemoteStore::new(Endpoint::new(endpoint.clone())?, ontology_quads()?)),
        (None, false) => Box::new(LocalStore::new(GraphStore::open(&config.store)?)),
    })
}

/// The ontology's triples, for destinations that take quads rather than Turtle.
fn ontology_quads() -> Result<Vec<oxigraph::model::Quad>, BuildError> {
    let parser = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle);
    parser.for_slice(ONTOLOGY.as_bytes()).collect::<Result<Vec<_>, _>>().map_err(|e| BuildError::Ontology(e.to_string()))
}

/// Stored articles that are no longer in the corpus: removed with `prune`,
/// counted otherwise. Returns (removed, kept).
fn leavers(stored: &HashMap<String, String>, present: &HashMap<String, PathBuf>, prune: bool, destination: &mut dyn Destination) -> Result<(usize, usize), BuildError> {
    let gone: Vec<&String> = stored.keys().filter(|g| !present.contains_key(*g)).collect();
    if !prune {
        return Ok((0, gone.len()));
    }
    for graph in &gone {
        destination.remove(&oxigraph::model::NamedNode::new_unchecked(graph.as_str()))?;
    }
    Ok((gone.len(), 0))
}

/// The ontology is written once per build, in its own graph, so that queries
/// can use its labels and comments.
fn load_ontology(store: &GraphStore) -> Result<(), BuildError> {
    let ontology = oxigraph::model::NamedNode::new_unchecked(vocab::ONTOLOGY_GRAPH);
    Ok(store.replace_graph_from_turtle(&ontology, ONTOLOGY)?)
}

fn report_of(tally: Tally, mut skipped: Vec<String>) -> BuildReport {
    skipped.extend(tally.skipped);
    let entities = EntityType::ALL.iter().map(|k| (*k, tally.entities.get(k).map_or(0, HashSet::len))).collect();
    BuildReport {
        articles: tally.articles,
        changed: tally.changed,
        unchanged: tally.unchanged,
        skipped,
        notes: tally.notes,
        entities,
        roles: tally.roles,
        quotes: tally.quotes,
        reported: tally.reported,
        exports: tally.exports,
        statistics: tally.statistics,
        quads: tally.quads,
        samples: tally.samples,
        ..BuildReport::default()
    }
}

/// The ontology, loaded into its own named graph so that queries can use it.
pub const ONTOLOGY: &str = include_str!("../../ontology/newsgraph.ttl");

/// A bar over the bytes of the corpus, with articles/s and MB/s; hidden when
/// stderr is not a terminal (indicatif draws nothing then).
fn progress_bar(total_bytes: u64, enabled: bool) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total_bytes);
    let template = "{spinner} {bar:20} {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} {msg} {eta} left";
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

fn sample(speaker: &str, text: &str) -> String {
    let short: String = text.chars().take(90).collect();
    let more = if text.chars().count() > 90 { "…" } else { "" };
    format!("{speaker}: \u{201c}{short}{more}\u{201d}")
}
