//! The graph that the drawing and graph-tool exports share: entities, quotes
//! and statistics as nodes, relations as edges, each with typed attributes.
//!
//! It is read from the store with a few simple SPARQL queries (joined here,
//! which is much faster than OPTIONALs over the union of all graphs), limited
//! to some articles when asked, and cut down to the neighbourhood of one
//! entity with petgraph.

use crate::query::short;
use crate::store::{GraphStore, StoreError};
use oxigraph::sparql::QueryResults;
use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    /// ng:Person
    Person,
    /// ng:Organization
    Organization,
    /// ng:Country
    Country,
    /// ng:Location
    Location,
    /// ng:Substance
    Substance,
    /// ng:Quote (its text)
    Quote,
    /// ng:ReportedSpeech (its text)
    Reported,
    /// ng:Statistic (its value and phrase)
    Statistic,
}

impl NodeKind {
    /// The name used in exports (GraphML `type`, Neo4j label, DOT legend).
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Person => "Person",
            NodeKind::Organization => "Organization",
            NodeKind::Country => "Country",
            NodeKind::Location => "Location",
            NodeKind::Substance => "Substance",
            NodeKind::Quote => "Quote",
            NodeKind::Reported => "ReportedSpeech",
            NodeKind::Statistic => "Statistic",
        }
    }

    fn from_type(t: &str) -> Option<NodeKind> {
        Some(match t {
            "ng:Person" => NodeKind::Person,
            "ng:Organization" => NodeKind::Organization,
            "ng:Country" => NodeKind::Country,
            "ng:Location" => NodeKind::Location,
            "ng:Substance" => NodeKind::Substance,
            _ => return None,
        })
    }
}

/// What an edge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// speaker -> quote
    Said,
    /// speaker -> reported statement
    Reported,
    /// person -> organization, labelled with the role
    Role,
    /// country -> product
    Exports,
    /// product -> destination (for one exporter's statement)
    ExportedTo,
    /// statistic -> source
    AttributedTo,
}

impl EdgeKind {
    /// The name used in exports (Neo4j relationship type, GraphML `kind`).
    pub fn name(self) -> &'static str {
        match self {
            EdgeKind::Said => "SAID",
            EdgeKind::Reported => "REPORTED",
            EdgeKind::Role => "HAS_ROLE_IN",
            EdgeKind::Exports => "EXPORTS",
            EdgeKind::ExportedTo => "EXPORTED_TO",
            EdgeKind::AttributedTo => "ATTRIBUTED_TO",
        }
    }
}

/// A node: an entity, a quote or a statistic.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Stable identifier: the node's IRI.
    pub id: String,
    /// What a person reads.
    pub label: String,
    /// Its kind.
    pub kind: NodeKind,
    /// Full text (a quote's words, a statistic's phrase), else the label.
    pub text: String,
    /// File names of the articles it comes from.
    pub articles: BTreeSet<String>,
}

/// An edge between two node ids.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Its kind.
    pub kind: EdgeKind,
    /// What a person reads on it (role title, speech verb, ...).
    pub label: String,
    /// A former role.
    pub former: bool,
    /// File name of the article.
    pub article: String,
    /// The evidence sentence.
    pub evidence: String,
    /// IRI of the relation node (quote, membership, export, statistic) it stands for.
    pub relation: String,
}

/// Nodes and edges for drawing and graph tools.
#[derive(Debug, Clone, Default)]
pub struct ViewGraph {
    /// Nodes by id.
    pub nodes: BTreeMap<String, Node>,
    /// Edges in a stable order.
    pub edges: Vec<Edge>,
    /// What [`ViewGraph::top`] left out, for a note on the drawing.
    pub omitted: Option<Omitted>,
}

/// How much of a view a cut-down drawing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Omitted {
    /// Entities shown with their relations, of `entities_total`.
    pub entities: usize,
    /// Entities with any relation in the view.
    pub entities_total: usize,
    /// Relations (edges) shown, of `edges_total`.
    pub edges: usize,
    /// Edges in the whole view.
    pub edges_total: usize,
    /// At most this many relations of each entity (0: all).
    pub per_entity: usize,
}

impl Omitted {
    /// Something was left out.
    pub fn is_cut(&self) -> bool {
        self.entities < self.entities_total || self.edges < self.edges_total
    }
}

/// Which relation families to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    /// Speakers and their quotes.
    WhoSaidWhat,
    /// People and the organizations they hold roles in.
    Roles,
    /// Exporter, product, destination.
    Exports,
    /// Statistics and their sources.
    Statistics,
    /// Everything.
    All,
}

impl View {
    fn has(self, family: View) -> bool {
        self == View::All || self == family
    }
}

/// The distinct solutions of `pattern` for `vars`, the pattern matched inside
/// each article graph. Every relation and its properties live in one article
/// graph; over the union of all graphs a triple repeats once per graph holding
/// it, and a join multiplies the repeats: a person named in 4,000 articles
/// joined 4,000 labels with 4,000 type triples, which made a view of a store
/// where people recur quadratic in their fame.
fn rows(store: &GraphStore, vars: &[&str], pattern: &str) -> Result<Vec<Vec<String>>, StoreError> {
    let projection: Vec<String> = vars.iter().map(|v| format!("?{v}")).collect();
    let query = format!("SELECT DISTINCT {} WHERE {{ GRAPH ?g {{ {pattern} }} }}", projection.join(" "));
    let QueryResults::Solutions(solutions) = store.query(&query)? else {
        return Err(StoreError::Evaluation("expected solutions".into()));
    };
    let mut out = Vec::new();
    for row in solutions {
        let row = row.map_err(|e| StoreError::Evaluation(e.to_string()))?;
        out.push(vars.iter().map(|v| row.get(*v).map(short).unwrap_or_default()).collect());
    }
    Ok(out)
}

/// Reads a view from the store, limited to the articles `articles` keeps.
pub fn load(store: &GraphStore, view: View, articles: &ArticleFilter) -> Result<ViewGraph, StoreError> {
    let sources = article_sources(store)?;
    let labels: HashMap<String, String> = sources.iter().map(|(a, s)| (a.clone(), s.label())).collect();
    let keep = |article: &str| sources.get(article).is_some_and(|s| articles.keeps(&s.file, s.date.as_deref()));
    let evidence: HashMap<String, String> = rows(store, &["r", "t"], "?r ng:evidence ?e . ?e ng:text ?t")?
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let mut entities: HashMap<String, Node> = HashMap::new();
    // VALUES, not FILTER: each type is looked up instead of every type triple scanned.
    let typed = "VALUES ?t { ng:Person ng:Organization ng:Country ng:Location ng:Substance } ?e a ?t ; rdfs:label ?l";
    for r in rows(store, &["e", "l", "t"], typed)? {
        if let Some(kind) = NodeKind::from_type(&r[2]) {
            entities.insert(r[0].clone(), Node { id: r[0].clone(), label: r[1].clone(), kind, text: r[1].clone(), articles: BTreeSet::new() });
        }
    }
    for r in rows(store, &["e", "a"], "?e ng:mentionedIn ?a")? {
        if let (Some(n), Some(f)) = (entities.get_mut(&r[0]), labels.get(&r[1])) {
            n.articles.insert(f.clone());
        }
    }
    let mut g = ViewGraph::default();
    let ctx = Ctx { sources: &labels, evidence: &evidence, entities: &entities, keep: &keep };
    if view.has(View::WhoSaidWhat) {
        read_quotes(store, &ctx, &mut g)?;
    }
    if view.has(View::Roles) {
        read_roles(store, &ctx, &mut g)?;
    }
    if view.has(View::Exports) {
        read_exports(store, &ctx, &mut g)?;
    }
    if view.has(View::Statistics) {
        read_statistics(store, &ctx, &mut g)?;
    }
    g.merge_parallel_edges();
    Ok(g)
}

struct Ctx<'a> {
    /// Each article's [`ArticleSource::label`], by graph IRI.
    sources: &'a HashMap<String, String>,
    evidence: &'a HashMap<String, String>,
    entities: &'a HashMap<String, Node>,
    keep: &'a dyn Fn(&str) -> bool,
}

/// Which articles a view or export shows: those named (all when none), published
/// in a range of dates. Dates compare on the digits given: `--since 2023-06`
/// keeps June 2023 on; `--until 2023` keeps 2023 and before.
#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    /// File names (`ng:fileName`); all when empty.
    pub files: Vec<String>,
    /// The first publication date kept (YYYY, YYYY-MM or YYYY-MM-DD).
    pub since: Option<String>,
    /// The last publication date kept.
    pub until: Option<String>,
}

impl ArticleFilter {
    /// Whether an article with this file name and publication date is shown.
    /// With a date range, an article with no known date is not.
    pub fn keeps(&self, file: &str, date: Option<&str>) -> bool {
        let named = self.files.is_empty() || self.files.iter().any(|f| f == file);
        let dated = |bound: &Option<String>, ok: fn(std::cmp::Ordering) -> bool| match (bound, date) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(b), Some(d)) => ok(d.get(..b.len()).unwrap_or(d).cmp(b.as_str())),
        };
        named && dated(&self.since, std::cmp::Ordering::is_ge) && dated(&self.until, std::cmp::Ordering::is_le)
    }

    /// True when every article is shown.
    pub fn is_all(&self) -> bool {
        self.files.is_empty() && self.since.is_none() && self.until.is_none()
    }
}

/// What a view says of an article a relation came from.
#[derive(Debug, Clone)]
pub struct ArticleSource {
    /// `ng:fileName`
    pub file: String,
    /// `schema:datePublished`
    pub date: Option<String>,
    /// The publisher's label.
    pub outlet: Option<String>,
}

impl ArticleSource {
    /// "Outlet, 2023-06-17" where they are known, so a reader of a drawing
    /// knows where and when something was said; the file name otherwise.
    pub fn label(&self) -> String {
        let date = self.date.as_deref().map(|d| d.get(..10).unwrap_or(d));
        match (&self.outlet, date) {
            (Some(o), Some(d)) => format!("{o}, {d}"),
            (Some(o), None) => format!("{o} ({})", self.file),
            (None, Some(d)) => format!("{} ({d})", self.file),
            (None, None) => self.file.clone(),
        }
    }
}

/// Every article's file name, date and outlet, by graph IRI.
pub fn article_sources(store: &GraphStore) -> Result<HashMap<String, ArticleSource>, StoreError> {
    let mut sources: HashMap<String, ArticleSource> = rows(store, &["a", "f"], "?a a ng:Article ; ng:fileName ?f")?
        .into_iter()
        .map(|r| (r[0].clone(), ArticleSource { file: r[1].clone(), date: None, outlet: None }))
        .collect();
    for r in rows(store, &["a", "d"], "?a schema:datePublished ?d")? {
        if let Some(s) = sources.get_mut(&r[0]) {
            s.date = Some(r[1].clone());
        }
    }
    for r in rows(store, &["a", "o"], "?a schema:publisher ?p . ?p rdfs:label ?o")? {
        if let Some(s) = sources.get_mut(&r[0]) {
            s.outlet = Some(r[1].clone());
        }
    }
    Ok(sources)
}

impl Ctx<'_> {
    fn source(&self, article: &str) -> String {
        self.sources.get(article).cloned().unwrap_or_default()
    }

    /// Adds an entity node (if known) and returns its id.
    fn entity(&self, g: &mut ViewGraph, id: &str) -> Option<String> {
        let node = self.entities.get(id)?;
        g.nodes.entry(id.to_string()).or_insert_with(|| node.clone());
        Some(id.to_string())
    }
}

/// Who said what: quotes and reported speech (ng:Statement), told apart by kind.
fn read_quotes(store: &GraphStore, ctx: &Ctx, g: &mut ViewGraph) -> Result<(), StoreError> {
    let verbs: HashMap<String, String> = rows(store, &["q", "v"], "?q ng:speechVerb ?v")?.into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let reported: HashSet<String> = rows(store, &["q"], "?q a ng:ReportedSpeech")?.into_iter().map(|r| r[0].clone()).collect();
    let q = "?q a ng:Statement ; ng:speaker ?s ; ng:text ?t ; prov:wasDerivedFrom ?a";
    for r in rows(store, &["q", "s", "t", "a"], q)? {
        if !(ctx.keep)(&r[3]) {
            continue;
        }
        let file = ctx.source(&r[3]);
        let Some(speaker) = ctx.entity(g, &r[1]) else { continue };
        let (node_kind, edge_kind) = if reported.contains(&r[0]) { (NodeKind::Reported, EdgeKind::Reported) } else { (NodeKind::Quote, EdgeKind::Said) };
        g.nodes.insert(r[0].clone(), Node { id: r[0].clone(), label: r[2].clone(), kind: node_kind, text: r[2].clone(), articles: BTreeSet::from([file.clone()]) });
        let verb = verbs.get(&r[0]).cloned().unwrap_or_else(|| "said".to_string());
        let evidence = ctx.evidence.get(&r[0]).cloned().unwrap_or_default();
        g.edges.push(Edge { source: speaker, target: r[0].clone(), kind: edge_kind, label: verb, former: false, article: file, evidence, relation: r[0].clone() });
    }
    Ok(())
}

fn read_roles(store: &GraphStore, ctx: &Ctx, g: &mut ViewGraph) -> Result<(), StoreError> {
    let orgs: HashMap<String, String> = rows(store, &["m", "o"], "?m org:organization ?o")?.into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let former: BTreeSet<String> = rows(store, &["m"], "?m ng:former true")?.into_iter().map(|r| r[0].clone()).collect();
    let q = "?m a org:Membership ; org:member ?p ; org:role ?r ; prov:wasDerivedFrom ?a . ?r rdfs:label ?role";
    for r in rows(store, &["m", "p", "role", "a"], q)? {
        if !(ctx.keep)(&r[3]) {
            continue;
        }
        let file = ctx.source(&r[3]);
        let (Some(person), Some(org)) = (ctx.entity(g, &r[1]), orgs.get(&r[0]).and_then(|o| ctx.entity(g, o))) else { continue };
        let evidence = ctx.evidence.get(&r[0]).cloned().unwrap_or_default();
        g.edges.push(Edge { source: person, target: org, kind: EdgeKind::Role, label: r[2].clone(), former: former.contains(&r[0]), article: file, evidence, relation: r[0].clone() });
    }
    Ok(())
}

fn read_exports(store: &GraphStore, ctx: &Ctx, g: &mut ViewGraph) -> Result<(), StoreError> {
    let dests: HashMap<String, Vec<String>> = rows(store, &["x", "d"], "?x a ng:Export ; ng:destination ?d")?.into_iter().fold(HashMap::new(), |mut m, r| {
        m.entry(r[0].clone()).or_default().push(r[1].clone());
        m
    });
    let q = "?x a ng:Export ; ng:exporter ?c ; ng:product ?p ; prov:wasDerivedFrom ?a";
    for r in rows(store, &["x", "c", "p", "a"], q)? {
        if !(ctx.keep)(&r[3]) {
            continue;
        }
        let file = ctx.source(&r[3]);
        let (Some(exporter), Some(product)) = (ctx.entity(g, &r[1]), ctx.entity(g, &r[2])) else { continue };
        let evidence = ctx.evidence.get(&r[0]).cloned().unwrap_or_default();
        let exporter_label = g.nodes.get(&exporter).map(|n| n.label.clone()).unwrap_or_default();
        g.edges.push(Edge { source: exporter, target: product.clone(), kind: EdgeKind::Exports, label: "exports".into(), former: false, article: file.clone(), evidence: evidence.clone(), relation: r[0].clone() });
        for d in dests.get(&r[0]).into_iter().flatten() {
            if let Some(dest) = ctx.entity(g, d) {
                let label = format!("from {exporter_label}");
                g.edges.push(Edge { source: product.clone(), target: dest, kind: EdgeKind::ExportedTo, label, former: false, article: file.clone(), evidence: evidence.clone(), relation: r[0].clone() });
            }
        }
    }
    Ok(())
}

fn read_statistics(store: &GraphStore, ctx: &Ctx, g: &mut ViewGraph) -> Result<(), StoreError> {
    let q = "?st a ng:Statistic ; ng:value ?v ; rdfs:label ?l ; ng:attributedTo ?src ; prov:wasDerivedFrom ?a";
    for r in rows(store, &["st", "v", "l", "src", "a"], q)? {
        if !(ctx.keep)(&r[4]) {
            continue;
        }
        let file = ctx.source(&r[4]);
        let Some(source) = ctx.entity(g, &r[3]) else { continue };
        let label = format!("{} — {}", r[1], r[2]);
        g.nodes.insert(r[0].clone(), Node { id: r[0].clone(), label: label.clone(), kind: NodeKind::Statistic, text: r[2].clone(), articles: BTreeSet::from([file.clone()]) });
        let evidence = ctx.evidence.get(&r[0]).cloned().unwrap_or_default();
        g.edges.push(Edge { source: r[0].clone(), target: source, kind: EdgeKind::AttributedTo, label: "according to".into(), former: false, article: file, evidence, relation: r[0].clone() });
    }
    Ok(())
}

impl ViewGraph {
    /// One edge for what several articles say alike (same ends, kind, label and
    /// tense), listing the articles ("a.txt; b.txt").
    pub fn merge_parallel_edges(&mut self) {
        let mut merged: Vec<Edge> = Vec::with_capacity(self.edges.len());
        let mut index: HashMap<(String, String, EdgeKind, String, bool), usize> = HashMap::new();
        for e in self.edges.drain(..) {
            let key = (e.source.clone(), e.target.clone(), e.kind, e.label.clone(), e.former);
            match index.get(&key) {
                Some(&i) => {
                    let articles = &mut merged[i].article;
                    if !articles.split("; ").any(|a| a == e.article) {
                        articles.push_str("; ");
                        articles.push_str(&e.article);
                    }
                }
                None => {
                    index.insert(key, merged.len());
                    merged.push(e);
                }
            }
        }
        self.edges = merged;
    }

    /// Only the `entities` entities with the most relations (for who said
    /// what: the most-quoted speakers), each with at most `per_entity` of its
    /// relations (0: all), those most articles share first: a drawing a
    /// person can read, whatever the size of the store. What is left out is
    /// counted in `omitted`.
    pub fn top(&self, entities: usize, per_entity: usize) -> ViewGraph {
        let is_hub = |id: &str| self.nodes.get(id).is_some_and(|n| !matches!(n.kind, NodeKind::Quote | NodeKind::Reported | NodeKind::Statistic));
        let mut incident: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, e) in self.edges.iter().enumerate() {
            for end in [e.source.as_str(), e.target.as_str()] {
                if is_hub(end) {
                    incident.entry(end).or_default().push(i);
                }
            }
        }
        let mut hubs: Vec<(&str, Vec<usize>)> = incident.into_iter().collect();
        hubs.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| self.nodes[a.0].label.cmp(&self.nodes[b.0].label)));
        let entities_total = hubs.len();
        hubs.truncate(entities);
        let shared_by = |e: &Edge| e.article.split("; ").count();
        let mut kept: BTreeSet<usize> = BTreeSet::new();
        for (_, mine) in &mut hubs {
            mine.sort_by(|&a, &b| shared_by(&self.edges[b]).cmp(&shared_by(&self.edges[a])).then(a.cmp(&b)));
            if per_entity > 0 {
                mine.truncate(per_entity);
            }
            kept.extend(mine.iter().copied());
        }
        let edges: Vec<Edge> = kept.iter().map(|&i| self.edges[i].clone()).collect();
        let ends: BTreeSet<&str> = edges.iter().flat_map(|e| [e.source.as_str(), e.target.as_str()]).collect();
        let nodes = self.nodes.iter().filter(|(id, _)| ends.contains(id.as_str())).map(|(id, n)| (id.clone(), n.clone())).collect();
        let omitted = Omitted { entities: hubs.len(), entities_total, edges: edges.len(), edges_total: self.edges.len(), per_entity };
        ViewGraph { nodes, edges, omitted: Some(omitted) }
    }

    /// The node whose label (or id) is `name`, case-insensitively.
    pub fn find(&self, name: &str) -> Option<&Node> {
        let wanted = name.to_lowercase();
        self.nodes.values().find(|n| n.label.to_lowercase() == wanted || n.id == name)
    }

    /// Only what lies within `depth` edges of `center` (edges taken both ways), via petgraph.
    pub fn around(&self, center: &str, depth: usize) -> ViewGraph {
        let mut graph: UnGraph<&str, ()> = UnGraph::new_undirected();
        let index: HashMap<&str, NodeIndex> = self.nodes.keys().map(|id| (id.as_str(), graph.add_node(id.as_str()))).collect();
        for e in &self.edges {
            if let (Some(&a), Some(&b)) = (index.get(e.source.as_str()), index.get(e.target.as_str())) {
                graph.add_edge(a, b, ());
            }
        }
        let mut kept: BTreeSet<&str> = BTreeSet::new();
        if let Some(&start) = index.get(center) {
            let mut queue = VecDeque::from([(start, 0usize)]);
            kept.insert(graph[start]);
            while let Some((n, d)) = queue.pop_front() {
                if d == depth {
                    continue;
                }
                for m in graph.neighbors(n) {
                    if kept.insert(graph[m]) {
                        queue.push_back((m, d + 1));
                    }
                }
            }
        }
        ViewGraph {
            nodes: self.nodes.iter().filter(|(id, _)| kept.contains(id.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect(),
            edges: self.edges.iter().filter(|e| kept.contains(e.source.as_str()) && kept.contains(e.target.as_str())).cloned().collect(),
            omitted: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str) -> Node {
        Node { id: id.into(), label: id.to_uppercase(), kind: NodeKind::Person, text: id.into(), articles: BTreeSet::new() }
    }

    fn edge(a: &str, b: &str) -> Edge {
        Edge { source: a.into(), target: b.into(), kind: EdgeKind::Role, label: String::new(), former: false, article: String::new(), evidence: String::new(), relation: String::new() }
    }

    #[test]
    fn the_neighbourhood_follows_edges_both_ways_up_to_the_depth() {
        let mut g = ViewGraph::default();
        for id in ["a", "b", "c", "d", "x"] {
            g.nodes.insert(id.into(), node(id));
        }
        g.edges = vec![edge("a", "b"), edge("c", "b"), edge("c", "d")];
        let one = g.around("b", 1);
        assert_eq!(one.nodes.keys().collect::<Vec<_>>(), vec!["a", "b", "c"]);
        let two = g.around("b", 2);
        assert_eq!(two.nodes.len(), 4);
        assert_eq!(two.edges.len(), 3);
        assert!(g.around("nowhere", 3).nodes.is_empty());
        assert_eq!(g.find("B").map(|n| n.id.as_str()), Some("b"));
    }

    fn quote(id: &str, article: &str) -> Node {
        Node { id: id.into(), label: id.into(), kind: NodeKind::Quote, text: id.into(), articles: BTreeSet::from([article.to_string()]) }
    }

    fn said(speaker: &str, quote: &str, articles: &str) -> Edge {
        Edge { kind: EdgeKind::Said, article: articles.into(), ..edge(speaker, quote) }
    }

    #[test]
    fn the_top_keeps_the_most_quoted_speakers_and_their_most_shared_quotes() {
        let mut g = ViewGraph::default();
        for id in ["ann", "bob", "cy"] {
            g.nodes.insert(id.into(), node(id));
        }
        for q in ["q1", "q2", "q3", "q4", "q5", "q6"] {
            g.nodes.insert(q.into(), quote(q, "x.txt"));
        }
        g.edges = vec![
            said("ann", "q1", "a.txt"),
            said("ann", "q2", "a.txt; b.txt; c.txt"),
            said("ann", "q3", "b.txt"),
            said("bob", "q4", "a.txt"),
            said("bob", "q5", "d.txt"),
            said("cy", "q6", "a.txt"),
        ];
        let top = g.top(2, 2);
        let shown: Vec<(&str, &str)> = top.edges.iter().map(|e| (e.source.as_str(), e.target.as_str())).collect();
        // Ann (3 quotes) and Bob (2) beat Cy (1); Ann's quote in three articles comes first.
        assert_eq!(shown, vec![("ann", "q1"), ("ann", "q2"), ("bob", "q4"), ("bob", "q5")]);
        assert!(!top.nodes.contains_key("cy") && !top.nodes.contains_key("q3"));
        let omitted = top.omitted.expect("a cut-down view says so");
        assert_eq!((omitted.entities, omitted.entities_total, omitted.edges, omitted.edges_total), (2, 3, 4, 6));
        assert_eq!(g.top(10, 0).edges.len(), 6, "no limit keeps everything");
    }
}
