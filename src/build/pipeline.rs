//! The streaming part of a build: files are read, hashed, extracted and
//! mapped to quads in parallel, a chunk at a time, while one writer thread
//! stores the previous chunk. Memory is bounded by two chunks in flight, not
//! by the size of the corpus.

use super::destination::{ArticleGraph, Destination};
use super::{BuildError, Tally};
use crate::corpus::{self, ArchiveReader, ArticleError, Document};
use crate::lexicon::Lexicon;
use crate::model::{Article, EntityType, Facts};
use crate::resolve::NameIndex;
use crate::shard::Shard;
use crate::{extract, rdf, vocab};
use newsgraph_input::JsonFields;
use indicatif::ProgressBar;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver};

/// Files per chunk: enough to keep every core busy, few enough that a chunk
/// of ordinary articles stays a few megabytes.
const CHUNK_FILES: usize = 256;

/// What became of one file.
pub enum Outcome {
    /// Same content as the stored graph: nothing to do.
    Unchanged,
    /// Extracted and mapped to quads.
    Built {
        /// The graph to write.
        graph: ArticleGraph,
        /// Its facts, for the summary.
        facts: Box<Facts>,
        /// Its quads (`graph.quads` is empty when the destination writes none).
        quad_count: usize,
        /// What the reader of the build should know of it.
        note: Option<String>,
    },
    /// A file that is not a usable article.
    Failed(ArticleError),
}

/// Everything one file needs to be processed.
pub struct Inputs<'a> {
    /// The corpus folder (article keys are relative to it).
    pub corpus: &'a Path,
    /// Lexicons.
    pub lexicon: &'a Lexicon,
    /// Content hashes of stored article graphs.
    pub stored: &'a HashMap<String, String>,
    /// Larger files and records are reported, not read.
    pub max_article_bytes: u64,
    /// The fields of JSON Lines archives.
    pub fields: &'a JsonFields,
    /// Progress, advanced by bytes read.
    pub bar: &'a ProgressBar,
    /// With `--shard`: the part of the corpus to write. Every file is still
    /// read for its names, so that names resolve across the whole corpus and
    /// the N parts together equal a build of the whole.
    pub shard: Option<Shard>,
}

impl Inputs<'_> {
    /// Whether this build writes the article with this key (every one, without a shard).
    pub fn writes(&self, key: &str) -> bool {
        self.shard.is_none_or(|s| s.contains(key))
    }

    /// How the records of an archive are read.
    pub fn archive<'b>(&'b self, path: &'b Path) -> ArchiveReader<'b> {
        ArchiveReader { path, corpus: self.corpus, fields: self.fields, max_bytes: self.max_article_bytes }
    }
}

/// The archive each archived article was read from, by graph IRI (files are
/// known by their paths): what `--prune` and the fix-up pass need.
pub type Archived = HashMap<String, PathBuf>;

/// One article to process: a file still to be read (files are read in
/// parallel), an archive record already read (archives are read in order),
/// or a record that could not be read.
pub enum Unit {
    /// An article file.
    File(PathBuf),
    /// An archive record.
    Record(Box<Document>),
    /// A record that is not an article, named.
    Failed(ArticleError),
}

/// A file read and extracted, before names are resolved.
enum Extracted {
    /// Same content as the stored graph.
    Unchanged,
    /// An article and its facts; `replaces` when an older version is stored;
    /// `note` when the page's article body may not be the article.
    Article { article: Box<Article>, facts: Box<Facts>, replaces: bool, note: Option<String> },
    /// Not a usable article.
    Failed(ArticleError),
}

/// Reads, extracts and writes every article; returns what was done (counts)
/// and where archived articles came from. Names resolve against `names` (the
/// whole corpus's, from [`corpus_names`], on a first build) and against each
/// chunk and the chunks before it.
pub fn run(files: &[PathBuf], inputs: &Inputs<'_>, mut names: NameIndex, destination: &mut dyn Destination) -> Result<(Tally, Archived), BuildError> {
    let (sender, receiver) = sync_channel::<Vec<Outcome>>(1);
    let keep_quads = destination.writes_quads();
    std::thread::scope(|scope| {
        let bar = inputs.bar;
        let writer = scope.spawn(move || write_all(receiver, destination, bar));
        let mut archived = Archived::new();
        for_each_chunk(files, inputs, &mut archived, &mut |chunk| {
            let mut extracted: Vec<(String, Extracted)> = chunk.into_par_iter().map(|unit| extract_unit(unit, inputs)).collect();
            resolve_chunk(&mut names, &mut extracted);
            let written = extracted.into_iter().filter(|(key, _)| inputs.writes(key)).map(|(_, item)| item);
            let outcomes: Vec<Outcome> = written.collect::<Vec<_>>().into_par_iter().map(|item| to_graph(item, keep_quads)).collect();
            // A closed channel: the writer stopped on an error, which join reports.
            sender.send(outcomes).is_ok()
        });
        drop(sender);
        let tally = writer.join().unwrap_or_else(|_| Err(BuildError::WriterPanicked))?;
        Ok((tally, archived))
    })
}

/// Calls `each` with the corpus's articles a chunk at a time, in corpus
/// order, until it returns false. Records whose key an earlier record had
/// (the same URL crawled twice) are reported, not read twice.
pub fn for_each_chunk(files: &[PathBuf], inputs: &Inputs<'_>, archived: &mut Archived, each: &mut dyn FnMut(Vec<Unit>) -> bool) {
    let mut chunk = Vec::with_capacity(CHUNK_FILES);
    let mut go_on = true;
    for path in files {
        if !corpus::is_archive(path) {
            chunk.push(Unit::File(path.clone()));
        } else {
            inputs.archive(path).read(&mut |record| {
                if !go_on {
                    return;
                }
                chunk.push(record_unit(record, path, archived));
                if chunk.len() >= CHUNK_FILES {
                    go_on = each(std::mem::take(&mut chunk));
                }
            });
            inputs.bar.inc(std::fs::metadata(path).map_or(0, |m| m.len()));
        }
        if go_on && chunk.len() >= CHUNK_FILES {
            go_on = each(std::mem::take(&mut chunk));
        }
        if !go_on {
            return;
        }
    }
    if !chunk.is_empty() {
        each(chunk);
    }
}

/// A record as a unit, noting its archive; a repeated key is reported.
fn record_unit(record: Result<Document, ArticleError>, archive: &Path, archived: &mut Archived) -> Unit {
    match record {
        Ok(doc) => {
            let graph = vocab::article_iri(&doc.key);
            if archived.contains_key(&graph) {
                let problem = format!("{} was read before (an earlier record or archive); this copy is skipped", doc.key);
                return Unit::Failed(ArticleError::BadRecord { origin: doc.origin, problem });
            }
            archived.insert(graph, archive.to_path_buf());
            Unit::Record(Box::new(doc))
        }
        Err(e) => Unit::Failed(e),
    }
}

/// The person and organization names of every article: the first pass of a
/// first build. With them known before anything is written, every article is
/// written once with its names as full as the corpus makes them, instead of
/// being rewritten when a later article gives a fuller name (half the
/// articles of a 300 MB corpus were, and the rewrites took 30% of the build).
/// Articles that cannot be read are left to the second pass to report.
pub fn corpus_names(files: &[PathBuf], inputs: &Inputs<'_>) -> NameIndex {
    let mut names = NameIndex::default();
    for_each_chunk(files, inputs, &mut Archived::new(), &mut |chunk| {
        let found: Vec<Vec<(EntityType, String)>> = chunk.into_par_iter().map(|unit| names_in(unit, inputs)).collect();
        for (kind, label) in found.iter().flatten() {
            names.add(*kind, label);
        }
        true
    });
    names
}

/// The names of one article (none when it is not a usable article).
fn names_in(unit: Unit, inputs: &Inputs<'_>) -> Vec<(EntityType, String)> {
    let (_, document) = document_of(unit, inputs);
    let Ok(read) = document.and_then(|doc| corpus::article_of(doc, inputs.lexicon)) else {
        return Vec::new();
    };
    let article = read.article;
    let facts = extract::long::extract_bounded(&article.text, inputs.lexicon);
    facts.entities.into_iter().map(|e| (e.kind, e.label)).collect()
}

/// Resolves names against this chunk and the chunks before it (and, on a
/// first build, the whole corpus). Chunks come in corpus order, so the result
/// does not depend on thread timing; on an incremental build, names that only
/// a later chunk completes are fixed after the pass ([`super::fixup`]).
fn resolve_chunk(names: &mut NameIndex, chunk: &mut [(String, Extracted)]) {
    for (_, item) in chunk.iter() {
        if let Extracted::Article { facts, .. } = item {
            names.add_facts(facts);
        }
    }
    for (_, item) in chunk.iter_mut() {
        if let Extracted::Article { facts, .. } = item {
            names.apply(facts);
        }
    }
}

/// A unit's key and document: a file is read here (on a worker thread).
fn document_of(unit: Unit, inputs: &Inputs<'_>) -> (String, Result<Document, ArticleError>) {
    match unit {
        Unit::File(path) => {
            let read = corpus::read_file(&path, inputs.corpus, inputs.max_article_bytes);
            // Counted once read, so the bar's MB/s is the pipeline's, not the disk's.
            inputs.bar.inc(std::fs::metadata(&path).map_or(0, |m| m.len()));
            (corpus::key_of(&path, inputs.corpus), read)
        }
        Unit::Record(doc) => (doc.key.clone(), Ok(*doc)),
        Unit::Failed(e) => (e.to_string(), Err(e)),
    }
}

/// One article, from its document to facts, skipping it when its content is
/// unchanged. Returns its key with what became of it.
fn extract_unit(unit: Unit, inputs: &Inputs<'_>) -> (String, Extracted) {
    let (key, document) = document_of(unit, inputs);
    let doc = match document {
        Ok(doc) => doc,
        Err(e) => return (key, Extracted::Failed(e)),
    };
    let stored = inputs.stored.get(&vocab::article_iri(&doc.key));
    if stored.is_some_and(|h| *h == doc.content_hash) {
        return (key, Extracted::Unchanged);
    }
    let replaces = stored.is_some();
    let extracted = match corpus::article_of(doc, inputs.lexicon) {
        Ok(corpus::Read { article, note }) => {
            let facts = Box::new(extract::long::extract_bounded(&article.text, inputs.lexicon));
            Extracted::Article { article: Box::new(article), facts, replaces, note }
        }
        Err(e) => Extracted::Failed(e),
    };
    (key, extracted)
}

/// An article's facts as its named graph. Quads that nothing will write (a
/// dry run) are counted and freed here, on the thread that made them: freeing
/// a whole chunk's strings on the writer thread cost a dry run 14% of its
/// instructions, a cost a real build pays in the store's loader instead.
fn to_graph(item: Extracted, keep_quads: bool) -> Outcome {
    match item {
        Extracted::Unchanged => Outcome::Unchanged,
        Extracted::Failed(e) => Outcome::Failed(e),
        Extracted::Article { article, facts, replaces, note } => {
            let mut quads = rdf::article_quads(&article, &facts);
            let quad_count = quads.len();
            if !keep_quads {
                quads = Vec::new();
            }
            let graph = ArticleGraph { key: article.key.clone(), graph: rdf::graph_of(&article), quads, replaces };
            Outcome::Built { graph, facts, quad_count, note }
        }
    }
}

fn write_all(chunks: Receiver<Vec<Outcome>>, destination: &mut dyn Destination, bar: &ProgressBar) -> Result<Tally, BuildError> {
    let mut tally = Tally::default();
    let started = std::time::Instant::now();
    for chunk in chunks {
        let mut graphs = Vec::new();
        for outcome in chunk {
            match outcome {
                Outcome::Unchanged => tally.unchanged += 1,
                Outcome::Failed(e) => tally.skipped.push(e.to_string()),
                Outcome::Built { graph, facts, quad_count, note } => {
                    tally.count(&graph, &facts, quad_count);
                    tally.notes.extend(note);
                    graphs.push(graph);
                }
            }
        }
        let problems = destination.write(graphs)?;
        tally.articles -= problems.len();
        tally.skipped.extend(problems);
        let done = tally.articles + tally.unchanged;
        bar.set_message(format!("{done} articles, {:.0}/s", done as f64 / started.elapsed().as_secs_f64().max(1e-3)));
    }
    Ok(tally)
}
