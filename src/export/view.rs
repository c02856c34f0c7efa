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
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

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

fn rows(store: &GraphStore, query: &str, vars: &[&str]) -> Result<Vec<Vec<String>>, StoreError> {
    // The union of all graphs repeats a triple once per graph holding it
    // (a role's label is in every article that names the role).
    let query = query.replacen("SELECT ", "SELECT DISTINCT ", 1);
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

/// Reads a view from the store, limited to `articles` (file names) when not empty.
pub fn load(store: &GraphStore, view: View, articles: &[String]) -> Result<ViewGraph, StoreError> {
    let files: HashMap<String, String> = rows(store, "SELECT ?a ?f WHERE { ?a a ng:Article ; ng:fileName ?f }", &["a", "f"])?
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let keep = |file: &str| articles.is_empty() || articles.iter().any(|a| a == file);
    let evidence: HashMap<String, String> = rows(store, "SELECT ?r ?t WHERE { ?r ng:evidence ?e . ?e ng:text ?t }", &["r", "t"])?
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let mut entities: HashMap<String, Node> = HashMap::new();
    let typed = "SELECT ?e ?l ?t WHERE { ?e rdfs:label ?l ; a ?t . FILTER(?t IN (ng:Person, ng:Organization, ng:Country, ng:Location, ng:Substance)) }";
    for r in rows(store, typed, &["e", "l", "t"])? {
        if let Some(kind) = NodeKind::from_type(&r[2]) {
            entities.insert(r[0].clone(), Node { id: r[0].clone(), label: r[1].clone(), kind, text: r[1].clone(), articles: BTreeSet::new() });
        }
    }
    for r in rows(store, "SELECT ?e ?a WHERE { ?e ng:mentionedIn ?a }", &["e", "a"])? {
        if let (Some(n), Some(f)) = (entities.get_mut(&r[0]), files.get(&r[1])) {
            n.articles.insert(f.clone());
        }
    }
    let mut g = ViewGraph::default();
    let ctx = Ctx { files: &files, evidence: &evidence, entities: &entities, keep: &keep };
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
    files: &'a HashMap<String, String>,
    evidence: &'a HashMap<String, String>,
    entities: &'a HashMap<String, Node>,
    keep: &'a dyn Fn(&str) -> bool,
}

impl Ctx<'_> {
    fn file(&self, article: &str) -> String {
        self.files.get(article).cloned().unwrap_or_default()
    }

    /// Adds an entity node (if known) and returns its id.
    fn entity(&self, g: &mut ViewGraph, id: &str) -> Option<String> {
        let node = self.entities.get(id)?;
        g.nodes.entry(id.to_string()).or_insert_with(|| node.clone());
        Some(id.to_string())
    }
}

fn read_quotes(store: &GraphStore, ctx: &Ctx, g: &mut ViewGraph) -> Result<(), StoreError> {
    let verbs: HashMap<String, String> = rows(store, "SELECT ?q ?v WHERE { ?q ng:speechVerb ?v }", &["q", "v"])?.into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let q = "SELECT ?q ?s ?t ?a WHERE { ?q a ng:Quote ; ng:speaker ?s ; ng:text ?t ; prov:wasDerivedFrom ?a }";
    for r in rows(store, q, &["q", "s", "t", "a"])? {
        let file = ctx.file(&r[3]);
        if !(ctx.keep)(&file) {
            continue;
        }
        let Some(speaker) = ctx.entity(g, &r[1]) else { continue };
        g.nodes.insert(r[0].clone(), Node { id: r[0].clone(), label: r[2].clone(), kind: NodeKind::Quote, text: r[2].clone(), articles: BTreeSet::from([file.clone()]) });
        let verb = verbs.get(&r[0]).cloned().unwrap_or_else(|| "said".to_string());
        let evidence = ctx.evidence.get(&r[0]).cloned().unwrap_or_default();
        g.edges.push(Edge { source: speaker, target: r[0].clone(), kind: EdgeKind::Said, label: verb, former: false, article: file, evidence, relation: r[0].clone() });
    }
    Ok(())
}

fn read_roles(store: &GraphStore, ctx: &Ctx, g: &mut ViewGraph) -> Result<(), StoreError> {
    let orgs: HashMap<String, String> = rows(store, "SELECT ?m ?o WHERE { ?m org:organization ?o }", &["m", "o"])?.into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let former: BTreeSet<String> = rows(store, "SELECT ?m WHERE { ?m ng:former true }", &["m"])?.into_iter().map(|r| r[0].clone()).collect();
    let q = "SELECT ?m ?p ?role ?a WHERE { ?m a org:Membership ; org:member ?p ; org:role ?r ; prov:wasDerivedFrom ?a . ?r rdfs:label ?role }";
    for r in rows(store, q, &["m", "p", "role", "a"])? {
        let file = ctx.file(&r[3]);
        if !(ctx.keep)(&file) {
            continue;
        }
        let (Some(person), Some(org)) = (ctx.entity(g, &r[1]), orgs.get(&r[0]).and_then(|o| ctx.entity(g, o))) else { continue };
        let evidence = ctx.evidence.get(&r[0]).cloned().unwrap_or_default();
        g.edges.push(Edge { source: person, target: org, kind: EdgeKind::Role, label: r[2].clone(), former: former.contains(&r[0]), article: file, evidence, relation: r[0].clone() });
    }
    Ok(())
}

fn read_exports(store: &GraphStore, ctx: &Ctx, g: &mut ViewGraph) -> Result<(), StoreError> {
    let dests: HashMap<String, Vec<String>> = rows(store, "SELECT ?x ?d WHERE { ?x a ng:Export ; ng:destination ?d }", &["x", "d"])?.into_iter().fold(HashMap::new(), |mut m, r| {
        m.entry(r[0].clone()).or_default().push(r[1].clone());
        m
    });
    let q = "SELECT ?x ?c ?p ?a WHERE { ?x a ng:Export ; ng:exporter ?c ; ng:product ?p ; prov:wasDerivedFrom ?a }";
    for r in rows(store, q, &["x", "c", "p", "a"])? {
        let file = ctx.file(&r[3]);
        if !(ctx.keep)(&file) {
            continue;
        }
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
    let q = "SELECT ?st ?v ?l ?src ?a WHERE { ?st a ng:Statistic ; ng:value ?v ; rdfs:label ?l ; ng:attributedTo ?src ; prov:wasDerivedFrom ?a }";
    for r in rows(store, q, &["st", "v", "l", "src", "a"])? {
        let file = ctx.file(&r[4]);
        if !(ctx.keep)(&file) {
            continue;
        }
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
}
