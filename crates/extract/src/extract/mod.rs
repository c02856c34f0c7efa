//! Extraction: pure functions from one article's clean text to its [`Facts`].
//!
//! The article is segmented, every sentence tokenised and its mentions found;
//! in-article coreference ties surnames and acronyms to full names; then one
//! module per relation family reads the analysed sentences. Nothing here does
//! I/O or knows about RDF.

pub mod coref;
pub mod exports;
pub mod long;
pub mod mentions;
pub mod quotes;
pub mod reported;
pub mod report;
pub mod roles;
pub mod stats;
pub mod tokens;

use crate::lexicon::Lexicon;
use crate::model::{EntityType, Facts, Span};
use crate::segment::{segment, Segments};
use mentions::{Cue, Mention};
use tokens::Token;

/// One sentence with its words and mentions.
#[derive(Debug, Clone)]
pub struct AnalysedSentence<'a> {
    /// Where it is.
    pub span: Span,
    /// Its paragraph.
    pub paragraph: usize,
    /// Part of a headline-like paragraph.
    pub headline: bool,
    /// Its words.
    pub tokens: Vec<Token<'a>>,
    /// Its mentions, after in-article coreference.
    pub mentions: Vec<Mention>,
}

/// An article read down to mentions: what every relation extractor works on.
#[derive(Debug, Clone)]
pub struct Analysis<'a> {
    /// The clean text.
    pub text: &'a str,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Sentences in order.
    pub sentences: Vec<AnalysedSentence<'a>>,
}

/// Segments, tokenises and finds the mentions of a text.
pub fn analyse<'a>(text: &'a str, lexicon: &Lexicon) -> Analysis<'a> {
    let Segments { paragraphs, sentences } = segment(text, lexicon);
    let sentences = sentences
        .into_iter()
        .map(|s| {
            let tokens = tokens::tokenize(text, s.span.start, s.span.end, lexicon);
            let mentions = mentions::find(text, &tokens, s.headline, lexicon);
            AnalysedSentence { span: s.span, paragraph: s.paragraph, headline: s.headline, tokens, mentions }
        })
        .collect();
    let mut analysis = Analysis { text, paragraphs, sentences };
    coref::resolve(&mut analysis, lexicon);
    analysis
}

/// All facts of one article's clean text.
pub fn extract(text: &str, lexicon: &Lexicon) -> Facts {
    let analysis = analyse(text, lexicon);
    let mut facts = Facts::default();
    register_entities(&analysis, &mut facts);
    roles::extract(&analysis, lexicon, &mut facts);
    let quotes = quotes::extract(&analysis, lexicon, &mut facts);
    reported::extract(&analysis, lexicon, &mut facts);
    exports::extract(&analysis, lexicon, &mut facts);
    stats::extract(&analysis, lexicon, &quotes, &mut facts);
    facts
}

/// Named mentions become entities; demonyms and unresolved candidates do not.
fn register_entities(analysis: &Analysis, facts: &mut Facts) {
    for s in &analysis.sentences {
        for m in &s.mentions {
            let named = m.cue == Cue::Name || matches!(m.cue, Cue::Capital(_)) && used_as_place(s, m);
            if named && !only_in_relations(m) {
                let id = facts.entity(m.kind, &m.label);
                facts.add_alt_label(id, m.span.of(analysis.text));
            }
        }
    }
}

/// Prepositions and verbs after which a capital is the city, not its government.
const PLACE_CUES: &[&str] = &["in", "at", "near", "outside", "from", "to", "into", "across", "around", "visit", "visited", "visiting", "via", "through", "toward", "towards"];

/// "a rally in Washington" names the city; "Washington said" names the government.
fn used_as_place(s: &AnalysedSentence, m: &Mention) -> bool {
    let before = m.tokens.0.checked_sub(1).map(|k| s.tokens[k].lower());
    before.is_some_and(|w| PLACE_CUES.contains(&w.as_ref()))
}

/// Manufactured goods and catch-all classes ("painkillers") are named so often in
/// passing that they become entities only when a relation uses them.
pub fn only_in_relations(m: &Mention) -> bool {
    m.kind == EntityType::Substance && matches!(m.class.as_deref(), Some("good" | "generic"))
}

/// Catch-all classes ("agricultural products") are never a traded product on their own.
pub fn is_generic_class(m: &Mention) -> bool {
    m.kind == EntityType::Substance && m.class.as_deref() == Some("generic")
}

/// The entity a mention stands for in relations: a capital or a demonym is its country.
pub fn relation_entity(m: &Mention, facts: &mut Facts) -> usize {
    match &m.cue {
        Cue::Capital(country) => facts.entity(EntityType::Country, country),
        Cue::Demonym => facts.entity(EntityType::Country, &m.label),
        _ => facts.entity(m.kind, &m.label),
    }
}

/// The text between two tokens (exclusive) of a sentence.
pub fn gap<'a>(text: &'a str, a: &Token, b: &Token) -> &'a str {
    text.get(a.end..b.start).unwrap_or("")
}
