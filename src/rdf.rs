//! The domain model as RDF quads: the one place that maps [`Facts`] to the vocabulary.
//!
//! Every quad of an article lives in the article's named graph. Entity IRIs
//! come from type and canonical label, so graphs built at different times
//! merge. Every relation carries `prov:wasDerivedFrom` its article and
//! `ng:evidence`, a node with the sentence and its character offsets.

use crate::model::{Article, EntityType, Evidence, Facts, StatementForm};
use crate::meta::Metadata;
use crate::vocab::{article_iri, push_slug, DATA, NG, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD};
use std::fmt::Write as _;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use std::hash::BuildHasher;

/// The IRI of an entity from its type and canonical label.
pub fn entity_iri(kind: EntityType, label: &str) -> String {
    let kind = kind_segment(kind);
    let mut iri = String::with_capacity(DATA.len() + "entity/".len() + kind.len() + 1 + label.len() + 2);
    for part in [DATA, "entity/", kind, "/"] {
        iri.push_str(part);
    }
    push_slug(&mut iri, label);
    iri
}

/// The IRI of a role from its label.
fn role_iri(role: &str) -> String {
    let mut iri = String::with_capacity(DATA.len() + "role/".len() + role.len() + 2);
    iri.push_str(DATA);
    iri.push_str("role/");
    push_slug(&mut iri, role);
    iri
}

/// The type's name in lower case, as entity IRIs spell it.
fn kind_segment(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "person",
        EntityType::Organization => "organization",
        EntityType::Country => "country",
        EntityType::Location => "location",
        EntityType::Substance => "substance",
    }
}

fn iri(s: impl Into<String>) -> NamedNode {
    NamedNode::new_unchecked(s)
}

/// A vocabulary term from its namespace and local name, without `format!`
/// (one of these is built for every quad).
fn term(namespace: &str, local: &str) -> NamedNode {
    let mut s = String::with_capacity(namespace.len() + local.len());
    s.push_str(namespace);
    s.push_str(local);
    NamedNode::new_unchecked(s)
}

/// A node of the article's own graph: `<article>#quote-3`.
fn fragment(article: &NamedNode, kind: &str, i: usize) -> NamedNode {
    let mut s = String::with_capacity(article.as_str().len() + kind.len() + 22);
    s.push_str(article.as_str());
    s.push('#');
    s.push_str(kind);
    // Writing to a String cannot fail.
    let _ = write!(s, "-{i}");
    NamedNode::new_unchecked(s)
}

/// The evidence node of a sentence: `<article>#chars-10-52`.
fn evidence_node(article: &NamedNode, start: usize, end: usize) -> NamedNode {
    let mut s = String::with_capacity(article.as_str().len() + 48);
    s.push_str(article.as_str());
    // Writing to a String cannot fail.
    let _ = write!(s, "#chars-{start}-{end}");
    NamedNode::new_unchecked(s)
}

/// Character offsets of byte offsets. Offsets asked for beyond all before are
/// kept as checkpoints, and an offset is counted on from the nearest
/// checkpoint or the last offset asked for, whichever is closer before it:
/// each relation family asks in text order, so the second family on does not
/// count from the start of the text again, and no offset is counted from
/// further away than from the last one.
struct CharOffsets<'a> {
    text: &'a str,
    /// Every character is one byte (some articles): offsets need no counting.
    ascii: bool,
    /// (byte, characters before it), in order of bytes; starts with (0, 0).
    checkpoints: Vec<(usize, usize)>,
    /// The last (byte, characters before it) counted.
    last: (usize, usize),
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets { text, ascii: text.is_ascii(), checkpoints: vec![(0, 0)], last: (0, 0) }
    }

    /// The character offset of `byte`; 0 for a byte that is not a character
    /// boundary of the text (as counting a slice that cannot be taken gives).
    fn of(&mut self, byte: usize) -> usize {
        if !self.text.is_char_boundary(byte) {
            return 0;
        }
        if self.ascii {
            return byte;
        }
        // The first checkpoint is (0, 0), so one is always at or before `byte`.
        let after = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        let checkpoint = self.checkpoints[after - 1];
        let (from, before) = if checkpoint.0 < self.last.0 && self.last.0 <= byte { self.last } else { checkpoint };
        let chars = before + self.text[from..byte].chars().count();
        self.last = (byte, chars);
        if after == self.checkpoints.len() && byte > checkpoint.0 {
            self.checkpoints.push((byte, chars));
        }
        chars
    }
}

struct Writer<'a> {
    graph: GraphName,
    article: NamedNode,
    text: &'a str,
    quads: Vec<Quad>,
    offsets: CharOffsets<'a>,
    /// Evidence nodes already described, by their offsets (several relations share a sentence).
    evidence_written: FxHashSet<(usize, usize)>,
    /// The quads that can come more than once (see [`Writer::add_once`]), as
    /// their index in `quads` by their hash: the quads are not copied.
    once: FxHashMap<u64, usize>,
    /// Indices of such quads whose hash another one had first.
    collided: Vec<usize>,
}

impl<'a> Writer<'a> {
    fn quad(&self, s: &NamedNode, namespace: &str, local: &str, o: impl Into<Term>) -> Quad {
        Quad::new(NamedOrBlankNode::from(s.clone()), term(namespace, local), o.into(), self.graph.clone())
    }

    fn add(&mut self, s: &NamedNode, namespace: &str, local: &str, o: impl Into<Term>) {
        let quad = self.quad(s, namespace, local, o);
        self.quads.push(quad);
    }

    /// Adds a quad unless it was added before. Only a few quads can repeat
    /// (a role shared by two memberships, an exporter's product sent to two
    /// places, two entities whose labels make one IRI); every other quad has
    /// a subject or predicate of its own, so hashing every quad to drop
    /// repeats was wasted work.
    fn add_once(&mut self, s: &NamedNode, namespace: &str, local: &str, o: impl Into<Term>) {
        let quad = self.quad(s, namespace, local, o);
        let hash = FxBuildHasher.hash_one(&quad);
        match self.once.get(&hash) {
            Some(&i) if self.quads[i] == quad => return,
            Some(_) => {
                if self.collided.iter().any(|&i| self.quads[i] == quad) {
                    return;
                }
                self.collided.push(self.quads.len());
            }
            None => {
                self.once.insert(hash, self.quads.len());
            }
        }
        self.quads.push(quad);
    }

    fn a(&mut self, s: &NamedNode, namespace: &str, class: &str) {
        self.add(s, RDF, "type", term(namespace, class));
    }

    fn char_offsets(&mut self, span: crate::model::Span) -> (usize, usize) {
        (self.offsets.of(span.start), self.offsets.of(span.end))
    }

    /// Provenance of a relation: its article and the evidence sentence.
    fn provenance(&mut self, node: &NamedNode, evidence: Evidence) {
        let (start, end) = self.char_offsets(evidence.span);
        let ev = evidence_node(&self.article, start, end);
        self.add(node, PROV, "wasDerivedFrom", self.article.clone());
        self.add(node, NG, "evidence", ev.clone());
        if self.evidence_written.insert((start, end)) {
            self.a(&ev, NG, "Evidence");
            self.add(&ev, NG, "text", Literal::new_simple_literal(evidence.span.of(self.text)));
            self.add(&ev, NG, "startOffset", Literal::from(start as i64));
            self.add(&ev, NG, "endOffset", Literal::from(end as i64));
            self.add(&ev, PROV, "wasDerivedFrom", self.article.clone());
        }
    }
}

/// The named graph of an article.
pub fn graph_of(article: &Article) -> NamedNode {
    iri(article_iri(&article.key))
}

/// All quads of one article, each once.
pub fn article_quads(article: &Article, facts: &Facts) -> Vec<Quad> {
    let node = graph_of(article);
    let mut w = Writer {
        graph: GraphName::NamedNode(node.clone()),
        article: node.clone(),
        text: &article.text,
        quads: Vec::with_capacity(quads_needed(facts)),
        offsets: CharOffsets::new(&article.text),
        evidence_written: FxHashSet::default(),
        once: FxHashMap::default(),
        collided: Vec::new(),
    };
    w.a(&node, NG, "Article");
    w.a(&node, PROV, "Entity");
    w.add(&node, NG, "fileName", Literal::new_simple_literal(&article.file_name));
    w.add(&node, NG, "contentHash", Literal::new_simple_literal(&article.content_hash));
    write_metadata(&mut w, &article.meta);
    let entities: Vec<NamedNode> = facts.entities.iter().map(|e| iri(entity_iri(e.kind, &e.label))).collect();
    write_entities(&mut w, facts, &entities);
    write_memberships(&mut w, facts, &entities);
    write_statements(&mut w, facts, &entities);
    write_exports(&mut w, facts, &entities);
    write_statistics(&mut w, facts, &entities);
    w.quads
}

/// The article's schema.org metadata. Authors and the publisher get the IRIs
/// a person or organization of that name gets, so an author who is also
/// named in an article is one node; they are typed `schema:Person` and
/// `schema:Organization` only, since a byline is not a mention.
fn write_metadata(w: &mut Writer, meta: &Metadata) {
    let article = w.article.clone();
    let text = |s: &str| Term::from(Literal::new_simple_literal(s));
    if let Some(headline) = &meta.headline {
        w.add(&article, SCHEMA, "headline", text(headline));
    }
    if let Some(date) = &meta.date_published {
        let datatype = if date.contains('T') { "dateTime" } else { "date" };
        w.add(&article, SCHEMA, "datePublished", Literal::new_typed_literal(date, term(XSD, datatype)));
    }
    if let Some(url) = meta.url.as_deref().and_then(|u| NamedNode::new(u).ok()) {
        w.add(&article, SCHEMA, "url", url);
    }
    if let Some(language) = &meta.language {
        w.add(&article, SCHEMA, "inLanguage", text(language));
    }
    for author in &meta.authors {
        let node = iri(entity_iri(EntityType::Person, author));
        w.add(&article, SCHEMA, "author", node.clone());
        w.add_once(&node, RDF, "type", term(SCHEMA, "Person"));
        w.add_once(&node, RDFS, "label", text(author));
    }
    if let Some(publisher) = &meta.publisher {
        let node = iri(entity_iri(EntityType::Organization, publisher));
        w.add(&article, SCHEMA, "publisher", node.clone());
        w.add_once(&node, RDF, "type", term(SCHEMA, "Organization"));
        w.add_once(&node, RDFS, "label", text(publisher));
    }
}

/// How many quads an article's facts make at most (each relation with its
/// evidence), so that the vector of quads is allocated once.
fn quads_needed(facts: &Facts) -> usize {
    let entities: usize = facts.entities.iter().map(|e| 3 + e.alt_labels.len()).sum();
    let provenance = 2 + 5;
    12 + entities
        + facts.memberships.len() * (7 + provenance)
        + facts.statements.len() * (7 + provenance)
        + facts.exports.len() * (6 + provenance)
        + facts.statistics.len() * (4 + provenance)
}

/// Entities with their type, labels and article. Two entities can share an
/// IRI ("U.S." and "US"): their quads go through [`Writer::add_once`].
fn write_entities(w: &mut Writer, facts: &Facts, entities: &[NamedNode]) {
    let mut count: FxHashMap<&str, usize> = FxHashMap::default();
    for n in entities {
        *count.entry(n.as_str()).or_default() += 1;
    }
    let article = w.article.clone();
    for (e, n) in facts.entities.iter().zip(entities) {
        let shared = count.get(n.as_str()).is_some_and(|&c| c > 1);
        let add = |w: &mut Writer, namespace: &str, local: &str, o: Term| if shared { w.add_once(n, namespace, local, o) } else { w.add(n, namespace, local, o) };
        add(w, RDF, "type", term(NG, e.kind.name()).into());
        add(w, RDFS, "label", Literal::new_simple_literal(&e.label).into());
        for alt in &e.alt_labels {
            add(w, SKOS, "altLabel", Literal::new_simple_literal(alt).into());
        }
        add(w, NG, "mentionedIn", article.clone().into());
    }
}

fn write_memberships(w: &mut Writer, facts: &Facts, entities: &[NamedNode]) {
    for (i, m) in facts.memberships.iter().enumerate() {
        let mn = fragment(&w.article, "membership", i);
        let role = iri(role_iri(&m.role));
        w.a(&mn, ORG, "Membership");
        w.add(&mn, ORG, "member", entities[m.person].clone());
        w.add(&mn, ORG, "role", role.clone());
        // A role is described by every membership that holds it.
        w.add_once(&role, RDF, "type", term(ORG, "Role"));
        w.add_once(&role, RDFS, "label", Literal::new_simple_literal(&m.role));
        if let Some(o) = m.organization {
            w.add(&mn, ORG, "organization", entities[o].clone());
        }
        if m.former {
            w.add(&mn, NG, "former", Literal::from(true));
        }
        w.provenance(&mn, m.evidence);
    }
}

/// Quotes (`#quote-N`, typed ng:Quote and ng:Statement) and reported speech
/// (`#statement-N`, ng:ReportedSpeech and ng:Statement), each numbered in its
/// own form so that a quote's IRI does not move when reported speech is added.
fn write_statements(w: &mut Writer, facts: &Facts, entities: &[NamedNode]) {
    let (mut quotes, mut reported) = (0, 0);
    for st in &facts.statements {
        let (node, class) = match st.form {
            StatementForm::Quote => (fragment(&w.article, "quote", post_increment(&mut quotes)), "Quote"),
            StatementForm::Reported => (fragment(&w.article, "statement", post_increment(&mut reported)), "ReportedSpeech"),
        };
        w.a(&node, NG, class);
        w.a(&node, NG, "Statement");
        w.add(&node, NG, "speaker", entities[st.speaker].clone());
        w.add(&node, NG, "text", Literal::new_simple_literal(&st.text));
        if let Some(v) = &st.verb {
            w.add(&node, NG, "speechVerb", Literal::new_simple_literal(v));
        }
        let (start, end) = w.char_offsets(st.span);
        w.add(&node, NG, "startOffset", Literal::from(start as i64));
        w.add(&node, NG, "endOffset", Literal::from(end as i64));
        w.provenance(&node, st.evidence);
    }
}

fn post_increment(n: &mut usize) -> usize {
    *n += 1;
    *n - 1
}

fn write_exports(w: &mut Writer, facts: &Facts, entities: &[NamedNode]) {
    for (i, x) in facts.exports.iter().enumerate() {
        let xn = fragment(&w.article, "export", i);
        let (exporter, product) = (entities[x.exporter].clone(), entities[x.product].clone());
        // The exporter's own links repeat when it sends a product to several places.
        w.add_once(&exporter, NG, "exports", product.clone());
        w.a(&xn, NG, "Export");
        w.add(&xn, NG, "exporter", exporter.clone());
        w.add(&xn, NG, "product", product);
        if let Some(d) = x.destination {
            w.add_once(&exporter, NG, "exportsTo", entities[d].clone());
            w.add(&xn, NG, "destination", entities[d].clone());
        }
        w.provenance(&xn, x.evidence);
    }
}

fn write_statistics(w: &mut Writer, facts: &Facts, entities: &[NamedNode]) {
    for (i, st) in facts.statistics.iter().enumerate() {
        let sn = fragment(&w.article, "statistic", i);
        w.a(&sn, NG, "Statistic");
        w.add(&sn, NG, "value", number(st.value));
        w.add(&sn, RDFS, "label", Literal::new_simple_literal(&st.label));
        if let Some(src) = st.source {
            w.add(&sn, NG, "attributedTo", entities[src].clone());
        }
        w.provenance(&sn, st.evidence);
    }
}

/// Whole numbers as xsd:integer, others as xsd:decimal.
fn number(v: f64) -> Literal {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Literal::from(v as i64)
    } else {
        let s = format!("{}", (v * 10000.0).round() / 10000.0);
        Literal::new_typed_literal(s, term(XSD, "decimal"))
    }
}
