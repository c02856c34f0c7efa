//! Exports of the store: RDF through oxigraph's serializers, Graphviz views
//! (DOT, and SVG/PNG through `dot`), GraphML for Gephi, yEd, Cytoscape and
//! networkx, and CSV folders for `neo4j-admin database import`.
//!
//! Every export can be limited to some articles (`--article`) and to the
//! neighbourhood of one entity (`--around`, `--depth`).

pub mod dot;
pub mod graphml;
pub mod neo4j;
pub mod view;

use crate::store::{GraphStore, StoreError};
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::{NamedOrBlankNode, Quad, Term};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use view::{ArticleFilter, View, ViewGraph};

/// What `newsgraph export --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// N-Quads: every quad with its article graph.
    Nquads,
    /// N-Triples: the union of all graphs.
    Ntriples,
    /// Turtle: the union of all graphs, with prefixes.
    Turtle,
    /// TriG: graphs, with prefixes.
    Trig,
    /// JSON-LD, with graphs.
    Jsonld,
    /// RDF/XML: the union of all graphs.
    Rdfxml,
    /// Graphviz DOT of a view.
    Dot,
    /// SVG of a view, drawn by Graphviz.
    Svg,
    /// PNG of a view, drawn by Graphviz.
    Png,
    /// GraphML of a view, for Gephi, yEd, Cytoscape, networkx.
    Graphml,
    /// A folder of CSV files for `neo4j-admin database import`.
    Neo4j,
}

impl ExportFormat {
    fn rdf(self) -> Option<RdfFormat> {
        Some(match self {
            ExportFormat::Nquads => RdfFormat::NQuads,
            ExportFormat::Ntriples => RdfFormat::NTriples,
            ExportFormat::Turtle => RdfFormat::Turtle,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Jsonld => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
            _ => return None,
        })
    }
}

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The format.
    pub format: ExportFormat,
    /// For graph formats: which relations.
    pub view: View,
    /// Only the neighbourhood of this entity (label or IRI).
    pub around: Option<String>,
    /// How many edges away from `around`.
    pub depth: usize,
    /// Only these articles (file names, a range of publication dates); all by default.
    pub articles: ArticleFilter,
    /// For graph formats: only this many entities, those with the most
    /// relations (0: all); see [`ViewGraph::top`].
    pub top: usize,
    /// With `top`: at most this many relations of each entity (0: all).
    pub per_entity: usize,
}

impl ExportOptions {
    /// Everything of one format and view: no filter, no limit.
    pub fn all(format: ExportFormat, view: View) -> ExportOptions {
        ExportOptions { format, view, around: None, depth: 1, articles: ArticleFilter::default(), top: 0, per_entity: 0 }
    }
}

/// What went wrong in an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the output failed.
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
    /// `--around` names nothing in the graph.
    #[error("no entity called '{0}' in the graph (query the labels with: newsgraph query 'SELECT ?l WHERE {{ ?e rdfs:label ?l }}')")]
    UnknownEntity(String),
    /// `--article` names no article of the store.
    #[error("no article '{0}' in the store (list them with: newsgraph query 'SELECT ?f WHERE {{ ?a ng:fileName ?f }}')")]
    UnknownArticle(String),
    /// SVG and PNG need Graphviz.
    #[error("drawing SVG or PNG needs Graphviz's `dot`, which is not installed: apt-get install graphviz (Debian, Ubuntu), dnf install graphviz (Fedora), brew install graphviz (macOS); or export --format dot and render it elsewhere")]
    NoGraphviz,
    /// Graphviz refused the drawing.
    #[error("Graphviz failed: {0}")]
    Graphviz(String),
    /// The Neo4j export writes a folder.
    #[error("--format neo4j writes a folder of CSV files: give it with -o DIR")]
    NeedsFolder,
}

/// Sizes of what was written, for the summary.
#[derive(Debug, Default, Clone, Copy)]
pub struct ExportSummary {
    /// Nodes (graph formats) written.
    pub nodes: usize,
    /// Edges (graph formats) written.
    pub edges: usize,
    /// What `top` left out of the view.
    pub omitted: Option<view::Omitted>,
}

impl ExportSummary {
    fn of(graph: &ViewGraph) -> ExportSummary {
        ExportSummary { nodes: graph.nodes.len(), edges: graph.edges.len(), omitted: graph.omitted }
    }
}

/// Writes an export to `out` (every format but Neo4j, which writes a folder).
pub fn export<W: Write>(store: &GraphStore, options: &ExportOptions, out: W) -> Result<(W, ExportSummary), ExportError> {
    check_articles(store, &options.articles.files)?;
    if let Some(format) = options.format.rdf() {
        let filter = quad_filter(store, options)?;
        return Ok((store.dump(format, out, &|q| filter.keeps(q))?, ExportSummary::default()));
    }
    let graph = view_graph(store, options)?;
    let summary = ExportSummary::of(&graph);
    let mut out = out;
    match options.format {
        ExportFormat::Dot => {
            dot::write(&graph, options.view, &mut out)?;
        }
        ExportFormat::Svg | ExportFormat::Png => {
            let mut source = Vec::new();
            dot::write(&graph, options.view, &mut source)?;
            out.write_all(&render(&source, options.format == ExportFormat::Svg)?)?;
        }
        ExportFormat::Graphml => {
            out = graphml::write_graphml(&graph, out)?;
        }
        _ => return Err(ExportError::NeedsFolder),
    }
    Ok((out, summary))
}

/// Writes an export to a file, or for Neo4j to a folder; returns what it wrote.
pub fn export_to_path(store: &GraphStore, options: &ExportOptions, path: &Path) -> Result<(Vec<PathBuf>, ExportSummary), ExportError> {
    if options.format == ExportFormat::Neo4j {
        check_articles(store, &options.articles.files)?;
        let graph = view_graph(store, options)?;
        let summary = ExportSummary::of(&graph);
        return Ok((neo4j::write_neo4j(&graph, path)?, summary));
    }
    let file = std::fs::File::create(path)?;
    let (mut w, summary) = export(store, options, std::io::BufWriter::new(file))?;
    w.flush()?;
    Ok((vec![path.to_path_buf()], summary))
}

fn view_graph(store: &GraphStore, options: &ExportOptions) -> Result<ViewGraph, ExportError> {
    let mut graph = view::load(store, options.view, &options.articles)?;
    if let Some(name) = &options.around {
        let center = graph.find(name).ok_or_else(|| ExportError::UnknownEntity(name.clone()))?.id.clone();
        graph = graph.around(&center, options.depth);
    }
    if options.top > 0 {
        graph = graph.top(options.top, options.per_entity);
    }
    Ok(graph)
}

fn check_articles(store: &GraphStore, articles: &[String]) -> Result<(), ExportError> {
    if articles.is_empty() {
        return Ok(());
    }
    let known = view::article_sources(store)?;
    for a in articles {
        if !known.values().any(|s| s.file == *a) {
            return Err(ExportError::UnknownArticle(a.clone()));
        }
    }
    Ok(())
}

/// The graph IRIs of the articles `filter` keeps.
fn article_graphs(store: &GraphStore, filter: &ArticleFilter) -> Result<HashSet<String>, StoreError> {
    let sources = view::article_sources(store)?;
    Ok(sources.into_iter().filter(|(_, s)| filter.keeps(&s.file, s.date.as_deref())).map(|(g, _)| g).collect())
}

/// Which quads an RDF export keeps: those of the chosen articles' graphs, and
/// with `--around` those about the neighbourhood's entities and relations.
struct QuadFilter {
    graphs: Option<HashSet<String>>,
    subjects: Option<HashSet<String>>,
}

impl QuadFilter {
    fn keeps(&self, q: &Quad) -> bool {
        let in_graph = self.graphs.as_ref().is_none_or(|gs| match &q.graph_name {
            oxigraph::model::GraphName::NamedNode(n) => gs.contains(n.as_str()),
            _ => false,
        });
        in_graph && self.subjects.as_ref().is_none_or(|ss| ss.contains(&subject_iri(q)))
    }
}

fn quad_filter(store: &GraphStore, options: &ExportOptions) -> Result<QuadFilter, ExportError> {
    let graphs: Option<HashSet<String>> = if options.articles.is_all() { None } else { Some(article_graphs(store, &options.articles)?) };
    let subjects: Option<HashSet<String>> = match &options.around {
        None => None,
        Some(_) => {
            let all = ExportOptions { view: View::All, top: 0, ..options.clone() };
            let g = view_graph(store, &all)?;
            let mut keep: HashSet<String> = g.nodes.keys().cloned().collect();
            keep.extend(g.edges.iter().map(|e| e.relation.clone()));
            // The evidence nodes of the kept relations come along.
            let evidence = format!("{}evidence", crate::vocab::NG);
            for q in store.quads()? {
                if q.predicate.as_str() == evidence && keep.contains(&subject_iri(&q)) {
                    if let Term::NamedNode(n) = &q.object {
                        keep.insert(n.as_str().to_string());
                    }
                }
            }
            Some(keep)
        }
    };
    Ok(QuadFilter { graphs, subjects })
}

fn subject_iri(q: &Quad) -> String {
    match &q.subject {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
        other => other.to_string(),
    }
}

/// Runs Graphviz's `dot` on DOT source.
fn render(source: &[u8], svg: bool) -> Result<Vec<u8>, ExportError> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg(if svg { "-Tsvg" } else { "-Tpng" })
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| if e.kind() == std::io::ErrorKind::NotFound { ExportError::NoGraphviz } else { ExportError::Io(e) })?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(source)?;
    }
    let output = child.wait_with_output()?;
    if !output.status.success() {
        return Err(ExportError::Graphviz(String::from_utf8_lossy(&output.stderr).trim().to_string()));
    }
    Ok(output.stdout)
}
