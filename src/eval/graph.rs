//! The system side of an evaluation: the store seen through SPARQL, with
//! the lookups `score.py`'s `Scorer` keeps (article file names, labels, and
//! label -> gold key through `norm`).
//!
//! `score.py` reads an exported file into one rdflib graph, a *set* of
//! triples; the store's default graph is the union of the article graphs,
//! where a triple stated by two articles is seen twice. Every query here is
//! therefore `SELECT DISTINCT` over all its variables, which gives the rows
//! rdflib gives.

use super::gold::{py_float, Gold};
use super::measure::norm;
use super::EvalError;
use crate::store::GraphStore;
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use std::collections::HashMap;

/// Where a fact comes from, as far as the gold set cares.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// No `prov:wasDerivedFrom`: it may match gold of any article.
    Unknown,
    /// Derived from this gold article.
    Article(String),
    /// Derived from something outside the gold set: not scored.
    Elsewhere,
}

/// The store, ready to be scored against one gold folder.
pub struct SystemGraph<'a> {
    store: &'a GraphStore,
    /// norm(gold name) -> gold key, the first entity of entities.json winning.
    by_name: HashMap<String, String>,
    /// Article node -> its file name, for the articles of the gold set.
    gold_article_of: HashMap<Term, String>,
    /// Node -> its rdfs:labels, sorted.
    labels: HashMap<Term, Vec<String>>,
}

impl<'a> SystemGraph<'a> {
    /// Reads the articles and labels of the store.
    pub fn new(store: &'a GraphStore, gold: &Gold) -> Result<SystemGraph<'a>, EvalError> {
        let mut by_name = HashMap::new();
        for (key, entity) in &gold.entities {
            for name in &entity.names {
                by_name.entry(norm(name)).or_insert_with(|| key.clone());
            }
        }
        let mut graph = SystemGraph { store, by_name, gold_article_of: HashMap::new(), labels: HashMap::new() };
        for [a, f] in graph.select("SELECT DISTINCT ?a ?f WHERE { ?a a ng:Article ; ng:fileName ?f }", ["a", "f"])? {
            if let (Some(a), Some(f)) = (a, f.map(|f| text(&f))) {
                if gold.has_article(&f) {
                    graph.gold_article_of.insert(a, f);
                }
            }
        }
        for [e, l] in graph.select("SELECT DISTINCT ?e ?l WHERE { ?e rdfs:label ?l }", ["e", "l"])? {
            if let (Some(e), Some(l)) = (e, l) {
                graph.labels.entry(e).or_default().push(text(&l));
            }
        }
        graph.labels.values_mut().for_each(|ls| ls.sort());
        Ok(graph)
    }

    /// Runs a SELECT and returns the named variables of each row.
    pub fn select<const N: usize>(&self, sparql: &str, vars: [&str; N]) -> Result<Vec<[Option<Term>; N]>, EvalError> {
        let QueryResults::Solutions(solutions) = self.store.query(sparql)? else {
            return Err(EvalError::Query(format!("not a SELECT query: {sparql}")));
        };
        let mut rows = Vec::new();
        for solution in solutions {
            let solution = solution.map_err(|e| EvalError::Query(e.to_string()))?;
            rows.push(vars.map(|v| solution.get(v).cloned()));
        }
        Ok(rows)
    }

    /// The gold key of a node: the first of its labels that names a gold entity.
    pub fn key(&self, node: &Term) -> Option<&str> {
        let labels = self.labels.get(node)?;
        labels.iter().filter_map(|l| self.by_name.get(&norm(l))).map(String::as_str).find(|k| !k.is_empty())
    }

    /// A node's first label, or the node itself as text.
    pub fn label(&self, node: &Term) -> String {
        match self.labels.get(node).and_then(|ls| ls.first()) {
            Some(l) => l.clone(),
            None => text(node),
        }
    }

    /// The gold key of a node, or `?` and its normalised label when it has none.
    pub fn key_or_label(&self, node: &Term) -> String {
        match self.key(node) {
            Some(k) => k.to_string(),
            None => format!("?{}", norm(&self.label(node))),
        }
    }

    /// True when a node mentioned in `arts` (possibly none known) concerns the gold set.
    pub fn in_scope(&self, arts: &[Term]) -> bool {
        arts.is_empty() || arts.iter().any(|a| self.gold_article_of.contains_key(a))
    }

    /// Where a fact derived from `a` comes from.
    pub fn origin(&self, a: Option<&Term>) -> Origin {
        let Some(a) = a else { return Origin::Unknown };
        match self.gold_article_of.get(a) {
            Some(f) => Origin::Article(f.clone()),
            None => Origin::Elsewhere,
        }
    }
}

/// A term as Python's `str()` shows it: a literal's value, an IRI, a blank node's id.
pub fn text(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::BlankNode(b) => b.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// A term's numeric value as Python's `float()` reads it, if it has one.
pub fn number(term: &Term) -> Option<f64> {
    match term {
        Term::Literal(l) if l.datatype().as_str() == "http://www.w3.org/2001/XMLSchema#boolean" => None,
        Term::Literal(l) => py_float(l.value()),
        Term::NamedNode(n) => py_float(n.as_str()),
        _ => None,
    }
}
