//! `newsgraph build`: corpus -> text -> extract -> resolve -> graph -> store.
//!
//! Articles are read and extracted in parallel; a bad file becomes a
//! diagnostic and the run goes on. Resolution then runs across the corpus,
//! and each article's graph is written in its own transaction.

use crate::corpus::{self, ArticleError, CorpusError};
use crate::lexicon::Lexicon;
use crate::model::{Article, EntityType, Facts};
use crate::store::{GraphStore, StoreError};
use crate::{extract, rdf, resolve, vocab};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeSet;
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
}

/// Fatal build errors (per-article problems are diagnostics, not errors).
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The corpus folder is missing or unreadable.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// The store cannot be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The lexicons are broken (a developer error, named by file and line).
    #[error(transparent)]
    Lexicon(#[from] &'static crate::lexicon::LexiconError),
}

/// What a build made.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Articles written to the store.
    pub articles: usize,
    /// One message per file that was skipped.
    pub skipped: Vec<String>,
    /// Distinct entities by type.
    pub entities: Vec<(EntityType, usize)>,
    /// Relations written.
    pub roles: usize,
    /// Quotes written.
    pub quotes: usize,
    /// Exports written.
    pub exports: usize,
    /// Statistics written.
    pub statistics: usize,
    /// Quads in the store after the build.
    pub triples: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// A few "speaker: quote" lines.
    pub samples: Vec<String>,
}

/// Builds the store from the corpus.
pub fn build(config: &BuildConfig) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let lexicon = Lexicon::embedded()?;
    let (files, mut problems) = corpus::discover(&config.corpus)?;
    let store = GraphStore::open(&config.store)?;
    let bar = progress_bar(files.len(), config.progress);
    let results: Vec<Result<(Article, Facts), ArticleError>> = files
        .par_iter()
        .map(|path| {
            let r = corpus::read_article(path, &config.corpus, lexicon).map(|a| {
                let facts = extract::extract(&a.text, lexicon);
                (a, facts)
            });
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let mut built: Vec<(Article, Facts)> = Vec::new();
    for r in results {
        match r {
            Ok(x) => built.push(x),
            Err(e) => problems.push(e),
        }
    }
    let mut facts: Vec<&mut Facts> = built.iter_mut().map(|(_, f)| f).collect();
    resolve::resolve(&mut facts);

    let mut report = BuildReport { skipped: problems.iter().map(ToString::to_string).collect(), ..BuildReport::default() };
    for (article, facts) in &built {
        let quads = rdf::article_quads(article, facts);
        match store.replace_graph(&rdf::graph_of(article), &quads) {
            Ok(()) => {
                report.articles += 1;
                report.roles += facts.memberships.len();
                report.quotes += facts.quotes.len();
                report.exports += facts.exports.len();
                report.statistics += facts.statistics.len();
            }
            Err(e) => report.skipped.push(format!("{}: not stored: {e}", article.key)),
        }
    }
    let ontology = oxigraph::model::NamedNode::new_unchecked(vocab::ONTOLOGY_GRAPH);
    store.replace_graph_from_turtle(&ontology, ONTOLOGY)?;
    store.flush()?;
    report.entities = count_entities(&built);
    report.samples = samples(&built, 5);
    report.triples = store.len()?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The ontology, loaded into its own named graph so that queries can use it.
pub const ONTOLOGY: &str = include_str!("../ontology/newsgraph.ttl");

fn progress_bar(len: usize, enabled: bool) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{spinner} extracting {pos}/{len} articles [{elapsed_precise}] {per_sec}") {
        bar.set_style(style);
    }
    bar
}

fn count_entities(built: &[(Article, Facts)]) -> Vec<(EntityType, usize)> {
    let distinct: BTreeSet<(EntityType, String)> = built
        .iter()
        .flat_map(|(_, f)| f.entities.iter().map(|e| (e.kind, rdf::entity_iri(e.kind, &e.label))))
        .collect();
    EntityType::ALL.iter().map(|&k| (k, distinct.iter().filter(|(kind, _)| *kind == k).count())).collect()
}

fn samples(built: &[(Article, Facts)], n: usize) -> Vec<String> {
    built
        .iter()
        .flat_map(|(_, f)| f.quotes.first().map(|q| (f, q)))
        .take(n)
        .map(|(f, q)| {
            let text: String = q.text.chars().take(90).collect();
            let more = if q.text.chars().count() > 90 { "…" } else { "" };
            format!("{}: \u{201c}{text}{more}\u{201d}", f.entities[q.speaker].label)
        })
        .collect()
}
