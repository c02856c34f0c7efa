//! The domain model as RDF quads: the one place that maps [`Facts`] to the vocabulary.
//!
//! Every quad of an article lives in the article's named graph. Entity IRIs
//! come from type and canonical label, so graphs built at different times
//! merge. Every relation carries `prov:wasDerivedFrom` its article and
//! `ng:evidence`, a node with the sentence and its character offsets.

use crate::model::{Article, EntityType, Evidence, Facts};
use crate::vocab::{article_iri, slug, DATA, NG, ORG, PROV, RDF, RDFS, SKOS, XSD};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

/// The IRI of an entity from its type and canonical label.
pub fn entity_iri(kind: EntityType, label: &str) -> String {
    format!("{DATA}entity/{}/{}", kind.name().to_lowercase(), slug(label))
}

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn term(s: &str) -> NamedNode {
    iri(s)
}

struct Writer<'a> {
    graph: GraphName,
    article: NamedNode,
    text: &'a str,
    quads: Vec<Quad>,
    /// Evidence nodes already described (several relations share a sentence).
    evidence_written: std::collections::HashSet<String>,
}

impl Writer<'_> {
    fn add(&mut self, s: &NamedNode, p: &str, o: impl Into<Term>) {
        self.quads.push(Quad::new(NamedOrBlankNode::from(s.clone()), iri(p), o.into(), self.graph.clone()));
    }

    fn a(&mut self, s: &NamedNode, class: &str) {
        self.add(s, &format!("{RDF}type"), term(class));
    }

    fn char_offset(&self, byte: usize) -> usize {
        self.text.get(..byte).map_or(0, |t| t.chars().count())
    }

    /// Provenance of a relation: its article and the evidence sentence.
    fn provenance(&mut self, node: &NamedNode, evidence: Evidence) {
        let (start, end) = (self.char_offset(evidence.span.start), self.char_offset(evidence.span.end));
        let ev = iri(&format!("{}#chars-{start}-{end}", self.article.as_str()));
        self.add(node, &format!("{PROV}wasDerivedFrom"), self.article.clone());
        self.add(node, &format!("{NG}evidence"), ev.clone());
        if self.evidence_written.insert(ev.as_str().to_string()) {
            self.a(&ev, &format!("{NG}Evidence"));
            self.add(&ev, &format!("{NG}text"), Literal::new_simple_literal(evidence.span.of(self.text)));
            self.add(&ev, &format!("{NG}startOffset"), Literal::from(start as i64));
            self.add(&ev, &format!("{NG}endOffset"), Literal::from(end as i64));
            self.add(&ev, &format!("{PROV}wasDerivedFrom"), self.article.clone());
        }
    }
}

/// The named graph of an article.
pub fn graph_of(article: &Article) -> NamedNode {
    iri(&article_iri(&article.key))
}

/// All quads of one article.
pub fn article_quads(article: &Article, facts: &Facts) -> Vec<Quad> {
    let node = graph_of(article);
    let mut w = Writer { graph: GraphName::NamedNode(node.clone()), article: node.clone(), text: &article.text, quads: Vec::new(), evidence_written: Default::default() };
    w.a(&node, &format!("{NG}Article"));
    w.a(&node, &format!("{PROV}Entity"));
    w.add(&node, &format!("{NG}fileName"), Literal::new_simple_literal(&article.file_name));
    w.add(&node, &format!("{NG}contentHash"), Literal::new_simple_literal(&article.content_hash));

    let entities: Vec<NamedNode> = facts.entities.iter().map(|e| iri(&entity_iri(e.kind, &e.label))).collect();
    for (e, n) in facts.entities.iter().zip(&entities) {
        w.a(n, &format!("{NG}{}", e.kind.name()));
        w.add(n, &format!("{RDFS}label"), Literal::new_simple_literal(&e.label));
        for alt in &e.alt_labels {
            w.add(n, &format!("{SKOS}altLabel"), Literal::new_simple_literal(alt));
        }
        w.add(n, &format!("{NG}mentionedIn"), node.clone());
    }
    for (i, m) in facts.memberships.iter().enumerate() {
        let mn = iri(&format!("{}#membership-{i}", node.as_str()));
        let role = iri(&format!("{DATA}role/{}", slug(&m.role)));
        w.a(&mn, &format!("{ORG}Membership"));
        w.add(&mn, &format!("{ORG}member"), entities[m.person].clone());
        w.add(&mn, &format!("{ORG}role"), role.clone());
        w.a(&role, &format!("{ORG}Role"));
        w.add(&role, &format!("{RDFS}label"), Literal::new_simple_literal(&m.role));
        if let Some(o) = m.organization {
            w.add(&mn, &format!("{ORG}organization"), entities[o].clone());
        }
        if m.former {
            w.add(&mn, &format!("{NG}former"), Literal::from(true));
        }
        w.provenance(&mn, m.evidence);
    }
    for (i, q) in facts.quotes.iter().enumerate() {
        let qn = iri(&format!("{}#quote-{i}", node.as_str()));
        w.a(&qn, &format!("{NG}Quote"));
        w.add(&qn, &format!("{NG}speaker"), entities[q.speaker].clone());
        w.add(&qn, &format!("{NG}text"), Literal::new_simple_literal(&q.text));
        if let Some(v) = &q.verb {
            w.add(&qn, &format!("{NG}speechVerb"), Literal::new_simple_literal(v));
        }
        w.provenance(&qn, q.evidence);
    }
    for (i, x) in facts.exports.iter().enumerate() {
        let xn = iri(&format!("{}#export-{i}", node.as_str()));
        let (exporter, product) = (entities[x.exporter].clone(), entities[x.product].clone());
        w.add(&exporter, &format!("{NG}exports"), product.clone());
        w.a(&xn, &format!("{NG}Export"));
        w.add(&xn, &format!("{NG}exporter"), exporter.clone());
        w.add(&xn, &format!("{NG}product"), product);
        if let Some(d) = x.destination {
            w.add(&exporter, &format!("{NG}exportsTo"), entities[d].clone());
            w.add(&xn, &format!("{NG}destination"), entities[d].clone());
        }
        w.provenance(&xn, x.evidence);
    }
    for (i, st) in facts.statistics.iter().enumerate() {
        let sn = iri(&format!("{}#statistic-{i}", node.as_str()));
        w.a(&sn, &format!("{NG}Statistic"));
        w.add(&sn, &format!("{NG}value"), number(st.value));
        w.add(&sn, &format!("{RDFS}label"), Literal::new_simple_literal(&st.label));
        if let Some(src) = st.source {
            w.add(&sn, &format!("{NG}attributedTo"), entities[src].clone());
        }
        w.provenance(&sn, st.evidence);
    }
    dedup(w.quads)
}

/// Whole numbers as xsd:integer, others as xsd:decimal.
fn number(v: f64) -> Literal {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Literal::from(v as i64)
    } else {
        let s = format!("{}", (v * 10000.0).round() / 10000.0);
        Literal::new_typed_literal(s, iri(&format!("{XSD}decimal")))
    }
}

fn dedup(quads: Vec<Quad>) -> Vec<Quad> {
    let mut seen = std::collections::HashSet::new();
    quads.into_iter().filter(|q| seen.insert(q.clone())).collect()
}
