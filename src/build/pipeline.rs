//! The streaming part of a build: files are read, hashed, extracted and
//! mapped to quads in parallel, a chunk at a time, while one writer thread
//! stores the previous chunk. Memory is bounded by two chunks in flight, not
//! by the size of the corpus.

use super::destination::{ArticleGraph, Destination};
use super::{BuildError, Tally};
use crate::corpus::{self, ArticleError};
use crate::lexicon::Lexicon;
use crate::model::{Article, EntityType, Facts};
use crate::resolve::NameIndex;
use crate::shard::Shard;
use crate::{extract, rdf, vocab};
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
    /// Larger files are reported, not read.
    pub max_article_bytes: u64,
    /// Progress, advanced by bytes read.
    pub bar: &'a ProgressBar,
    /// With `--shard`: the part of the corpus to write. Every file is still
    /// read for its names, so that names resolve across the whole corpus and
    /// the N parts together equal a build of the whole.
    pub shard: Option<Shard>,
}

impl Inputs<'_> {
    /// Whether this build writes `path` (every file, without a shard).
    pub fn writes(&self, path: &Path) -> bool {
        self.shard.is_none_or(|s| s.contains(&corpus::key_of(path, self.corpus)))
    }
}

/// A file read and extracted, before names are resolved.
enum Extracted {
    /// Same content as the stored graph.
    Unchanged,
    /// An article and its facts; `replaces` when an older version is stored.
    Article { article: Article, facts: Box<Facts>, replaces: bool },
    /// Not a usable article.
    Failed(ArticleError),
}

/// Reads, extracts and writes every file; returns what was done (counts). Names
/// resolve against `names` (the whole corpus's, from [`corpus_names`], on a
/// first build) and against each chunk and the chunks before it.
pub fn run(files: &[PathBuf], inputs: &Inputs<'_>, mut names: NameIndex, destination: &mut dyn Destination) -> Result<Tally, BuildError> {
    let (sender, receiver) = sync_channel::<Vec<Outcome>>(1);
    let keep_quads = destination.writes_quads();
    std::thread::scope(|scope| {
        let bar = inputs.bar;
        let writer = scope.spawn(move || write_all(receiver, destination, bar));
        for chunk in files.chunks(CHUNK_FILES) {
            let mut extracted: Vec<Extracted> = chunk.par_iter().map(|path| read_and_extract(path, inputs)).collect();
            resolve_chunk(&mut names, &mut extracted);
            let extracted: Vec<Extracted> = chunk.iter().zip(extracted).filter(|(path, _)| inputs.writes(path)).map(|(_, item)| item).collect();
            let outcomes: Vec<Outcome> = extracted.into_par_iter().map(|item| to_graph(item, keep_quads)).collect();
            if sender.send(outcomes).is_err() {
                break; // the writer stopped on an error, which join reports
            }
        }
        drop(sender);
        writer.join().unwrap_or_else(|_| Err(BuildError::WriterPanicked))
    })
}

/// The person and organization names of every article of `files`: the first
/// pass of a first build. With them known before anything is written, every
/// article is written once with its names as full as the corpus makes them,
/// instead of being rewritten when a later article gives a fuller name (half
/// the articles of a 300 MB corpus were, and the rewrites took 30% of the
/// build). Files that cannot be read are left to the second pass to report.
pub fn corpus_names(files: &[PathBuf], inputs: &Inputs<'_>) -> NameIndex {
    let mut names = NameIndex::default();
    for chunk in files.chunks(CHUNK_FILES) {
        let found: Vec<Vec<(EntityType, String)>> = chunk.par_iter().map(|path| names_in_file(path, inputs)).collect();
        for (kind, label) in found.iter().flatten() {
            names.add(*kind, label);
        }
    }
    names
}

/// The names of one file's article (none when it is not a usable article).
fn names_in_file(path: &Path, inputs: &Inputs<'_>) -> Vec<(EntityType, String)> {
    let readable = std::fs::metadata(path).is_ok_and(|m| m.len() <= inputs.max_article_bytes);
    let bytes = if readable { std::fs::read(path).unwrap_or_default() } else { Vec::new() };
    inputs.bar.inc(bytes.len() as u64);
    let Ok(article) = corpus::article_from_bytes(path, inputs.corpus, &bytes, inputs.lexicon) else {
        return Vec::new();
    };
    let facts = extract::long::extract_bounded(&article.text, inputs.lexicon);
    facts.entities.into_iter().map(|e| (e.kind, e.label)).collect()
}

/// Resolves names against this chunk and the chunks before it (and, on a
/// first build, the whole corpus). Chunks come in corpus order, so the result
/// does not depend on thread timing; on an incremental build, names that only
/// a later chunk completes are fixed after the pass ([`super::fixup`]).
fn resolve_chunk(names: &mut NameIndex, chunk: &mut [Extracted]) {
    for item in chunk.iter() {
        if let Extracted::Article { facts, .. } = item {
            names.add_facts(facts);
        }
    }
    for item in chunk.iter_mut() {
        if let Extracted::Article { facts, .. } = item {
            names.apply(facts);
        }
    }
}

/// One file, from bytes to facts, skipping it when its content is unchanged.
fn read_and_extract(path: &Path, inputs: &Inputs<'_>) -> Extracted {
    // Checked before reading: one huge file must not take the memory of the run.
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.len() > inputs.max_article_bytes {
            inputs.bar.inc(meta.len());
            return Extracted::Failed(ArticleError::TooLarge { path: path.to_path_buf(), size: meta.len(), limit: inputs.max_article_bytes });
        }
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(cause) => return Extracted::Failed(ArticleError::Unreadable { path: path.to_path_buf(), cause }),
    };
    let extracted = extract_bytes(path, &bytes, inputs);
    // Counted once extracted, so the bar's MB/s is the pipeline's, not the disk's.
    inputs.bar.inc(bytes.len() as u64);
    extracted
}

fn extract_bytes(path: &Path, bytes: &[u8], inputs: &Inputs<'_>) -> Extracted {
    let stored = inputs.stored.get(&vocab::article_iri(&corpus::key_of(path, inputs.corpus)));
    if stored.is_some_and(|h| *h == corpus::content_hash(bytes)) {
        return Extracted::Unchanged;
    }
    match corpus::article_from_bytes(path, inputs.corpus, bytes, inputs.lexicon) {
        Ok(article) => {
            let facts = Box::new(extract::long::extract_bounded(&article.text, inputs.lexicon));
            Extracted::Article { article, facts, replaces: stored.is_some() }
        }
        Err(e) => Extracted::Failed(e),
    }
}

/// An article's facts as its named graph. Quads that nothing will write (a
/// dry run) are counted and freed here, on the thread that made them: freeing
/// a whole chunk's strings on the writer thread cost a dry run 14% of its
/// instructions, a cost a real build pays in the store's loader instead.
fn to_graph(item: Extracted, keep_quads: bool) -> Outcome {
    match item {
        Extracted::Unchanged => Outcome::Unchanged,
        Extracted::Failed(e) => Outcome::Failed(e),
        Extracted::Article { article, facts, replaces } => {
            let mut quads = rdf::article_quads(&article, &facts);
            let quad_count = quads.len();
            if !keep_quads {
                quads = Vec::new();
            }
            let graph = ArticleGraph { key: article.key.clone(), graph: rdf::graph_of(&article), quads, replaces };
            Outcome::Built { graph, facts, quad_count }
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
                Outcome::Built { graph, facts, quad_count } => {
                    tally.count(&graph, &facts, quad_count);
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
