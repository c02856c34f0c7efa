//! The domain model: what an article says, independent of any storage or RDF.
//!
//! Extraction produces [`Facts`] for one [`Article`]; resolution rewrites the
//! entity references in them; the `rdf` module maps them to quads. Nothing here
//! knows about oxigraph or IRIs.

use serde::Serialize;

/// The five kinds of named thing the guideline asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityType {
    /// A named human being.
    Person,
    /// An agency, ministry, company, party, newspaper, international body...
    Organization,
    /// A sovereign state.
    Country,
    /// A named place that is not a country.
    Location,
    /// A named drug, chemical or traded good.
    Substance,
}

impl EntityType {
    /// All types, in a stable order (for summaries and exports).
    pub const ALL: [EntityType; 5] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Country,
        EntityType::Location,
        EntityType::Substance,
    ];

    /// The type's name as used in the vocabulary (`ng:Person`, ...).
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Country => "Country",
            EntityType::Location => "Location",
            EntityType::Substance => "Substance",
        }
    }
}

/// A stretch of the article's text: byte offsets into [`Article::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text this span covers in `text`.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// One article, cleaned of markup and site furniture, ready for extraction.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file's name without folders (`ng:fileName`).
    pub file_name: String,
    /// The path relative to the corpus folder, which identifies the article.
    pub key: String,
    /// The clean text that offsets refer to.
    pub text: String,
    /// A hash of the raw file content, to skip unchanged articles.
    pub content_hash: String,
    /// Headline, date, authors, outlet, address and language, where known.
    pub meta: crate::meta::Metadata,
}

/// Index of an entity inside one article's [`Facts::entities`].
pub type EntityId = usize;

/// A named entity as one article knows it.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    /// Person, organization, ...
    pub kind: EntityType,
    /// The fullest proper name used (titles stripped).
    pub label: String,
    /// Other surface forms seen in the article.
    pub alt_labels: Vec<String>,
}

/// A sentence the fact was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The sentence (or paragraph, for quotes) in the article's text.
    pub span: Span,
}

/// Person – role – organization.
#[derive(Debug, Clone, Serialize)]
pub struct Membership {
    /// The person.
    pub person: EntityId,
    /// The role title without the person's name and without "former"/"then-".
    pub role: String,
    /// The organization or country, when the text names or implies one.
    pub organization: Option<EntityId>,
    /// A former role ("former", "then-").
    pub former: bool,
    /// Where it was read.
    pub evidence: Evidence,
}

/// How a statement gives what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum StatementForm {
    /// Verbatim words inside quotation marks.
    Quote,
    /// Reported (indirect) speech: "X said (that) ...", "according to X, ...".
    Reported,
}

/// Who said what: a quote or a reported statement.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// The speaker: a person, organization or country.
    pub speaker: EntityId,
    /// The statement's words only: the quoted words, or the reported content
    /// without the speech verb and "that".
    pub text: String,
    /// The verb that introduced it ("said", "told", ...), when there is one.
    pub verb: Option<String>,
    /// Where it was read.
    pub evidence: Evidence,
    /// The statement's own words in the text.
    pub span: Span,
    /// Quote or reported speech.
    pub form: StatementForm,
}

/// Country – exports – product (– destination).
#[derive(Debug, Clone, Serialize)]
pub struct Export {
    /// The exporting country.
    pub exporter: EntityId,
    /// The substance or good.
    pub product: EntityId,
    /// The receiving country or place, when named.
    pub destination: Option<EntityId>,
    /// Where it was read.
    pub evidence: Evidence,
}

/// A number about the world, with its source.
#[derive(Debug, Clone, Serialize)]
pub struct Statistic {
    /// The number as written, as a plain number.
    pub value: f64,
    /// The phrase that states it.
    pub label: String,
    /// The agency or person it is attributed to.
    pub source: Option<EntityId>,
    /// Where it was read.
    pub evidence: Evidence,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facts {
    /// Entities mentioned in the article; relations point into this list.
    pub entities: Vec<Entity>,
    /// Roles.
    pub memberships: Vec<Membership>,
    /// Who said what: quotes and reported speech.
    pub statements: Vec<Statement>,
    /// Exports.
    pub exports: Vec<Export>,
    /// Statistics.
    pub statistics: Vec<Statistic>,
}

impl Facts {
    /// The entity with this label and type, added if it is new.
    pub fn entity(&mut self, kind: EntityType, label: &str) -> EntityId {
        if let Some(i) = self
            .entities
            .iter()
            .position(|e| e.kind == kind && e.label == label)
        {
            return i;
        }
        self.entities.push(Entity {
            kind,
            label: label.to_string(),
            alt_labels: Vec::new(),
        });
        self.entities.len() - 1
    }

    /// Records another surface form of an entity.
    pub fn add_alt_label(&mut self, id: EntityId, form: &str) {
        let e = &mut self.entities[id];
        if e.label != form && !e.alt_labels.iter().any(|a| a == form) {
            e.alt_labels.push(form.to_string());
        }
    }
}
