//! Country – exports – product (– destination).
//!
//! Read around the verbs and nouns of `trade_verbs.tsv`. For an outbound word
//! (ship, export, sell, supply, smuggle) the exporter is the nearest country
//! before it — named, a capital, or a demonym as in "Chinese companies ship" —
//! or the country after "from"; the product is the first substance after it
//! ("it"/"them" for the latest drug); destinations follow "to", "into" or
//! "across". For an inbound word (come from, import, buy, flow) the exporter
//! follows "from" and, for import/buy, the subject is the destination. A
//! negation or a stop just before the word ("agreed to stop exports",
//! "denies it ships", "no longer") cancels it.

use super::mentions::{Cue, Mention};
use super::{relation_entity, AnalysedSentence, Analysis};
use crate::lexicon::{Lexicon, TradeDirection};
use crate::model::{EntityType, Evidence, Export, Facts};

/// Words that, shortly before a trade word, mean it does not happen.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "stop", "stopped", "stops", "stopping", "halt", "halted", "ban", "banned", "bans",
    "banning", "deny", "denies", "denied", "cease", "ceased", "suspend", "suspended", "refuse", "refused",
    "without", "nor", "prevent", "prevented", "block", "blocked", "curb", "curbing", "longer", "against",
    "restrict", "restricted", "prohibit", "prohibited", "end", "ended", "crack", "n't", "cannot",
];

/// Words that continue a list of destinations past a comma.
const LIST_WORDS: &[&str] = &["and", "or", "primarily", "mainly", "mostly", "including", "especially", "like", "such", "as", "countries", "other", "the", "in", "of", "drug", "cartels", "main", "two", "several", "many"];

/// Adds the exports of every sentence.
pub fn extract(analysis: &Analysis, lexicon: &Lexicon, facts: &mut Facts) {
    for (si, s) in analysis.sentences.iter().enumerate() {
        if s.headline {
            continue;
        }
        for (v, t) in s.tokens.iter().enumerate() {
            let Some(direction) = lexicon.trade_verb(t.text) else { continue };
            if negated(s, v) || (direction == TradeDirection::Inbound && !from_follows(s, v)) {
                continue;
            }
            read_trade(analysis, si, v, direction, facts);
        }
    }
}

fn negated(s: &AnalysedSentence, v: usize) -> bool {
    let from = v.saturating_sub(5);
    s.tokens[from..v].iter().any(|t| NEGATIONS.contains(&t.lower().as_str()) || t.text.ends_with("n't"))
}

fn from_follows(s: &AnalysedSentence, v: usize) -> bool {
    s.tokens[v + 1..].iter().take(12).any(|t| t.text == "from")
}

fn is_country_like(m: &Mention) -> bool {
    m.kind == EntityType::Country || matches!(m.cue, Cue::Capital(_) | Cue::Demonym)
}

/// "chemicals sold through normal trade", "chemicals that are shipped into Mexico":
/// a passive, whose product stands before the verb and whose subject is not the exporter.
fn is_passive(s: &AnalysedSentence, v: usize) -> bool {
    let verb = s.tokens[v].lower();
    let participle = verb.ends_with("ed") || matches!(verb.as_str(), "sold" | "sent" | "bought" | "brought");
    let word = |back: usize| v.checked_sub(back).map(|p| s.tokens[p].lower()).unwrap_or_default();
    let auxiliary = |w: &str| matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being");
    let subject_before = s.mentions.iter().any(|m| m.tokens.1 == v && (is_country_like(m) || m.kind == EntityType::Organization));
    let noun_before = s.mentions.iter().any(|m| m.kind == EntityType::Substance && m.tokens.1 == v) || word(1) == "chemicals";
    participle && !subject_before && (auxiliary(&word(1)) || auxiliary(&word(2)) || noun_before)
}

fn read_trade(analysis: &Analysis, si: usize, v: usize, direction: TradeDirection, facts: &mut Facts) {
    let s = &analysis.sentences[si];
    let from_countries = countries_after_from(analysis, s, v);
    let from_country = from_countries.first().copied();
    let passive = direction == TradeDirection::Outbound && is_passive(s, v);
    let substance_before = || s.mentions.iter().rfind(|m| m.kind == EntityType::Substance && m.tokens.1 <= v && v - m.tokens.1 <= 6);
    let product = if passive {
        substance_before()
    } else {
        s.mentions
            .iter()
            .find(|m| m.kind == EntityType::Substance && m.tokens.0 > v && m.tokens.0 <= v + 12)
            .or_else(|| pronoun_product(analysis, si, v))
            // "98% of the precursor chemicals ... come from China": the product is before.
            .or_else(|| (direction == TradeDirection::Inbound).then(substance_before).flatten())
            .or_else(|| anaphoric_drug(analysis, si, v))
            .or_else(|| (direction == TradeDirection::Inbound).then(|| previous_product(analysis, si, v)).flatten())
    };
    let Some(product) = product else { return };
    let subject = s.mentions.iter().rfind(|m| is_country_like(m) && m.tokens.1 <= v && v - m.tokens.1 <= 14);
    let exporter = match direction {
        TradeDirection::Outbound if passive => return record_passive(analysis, si, v, from_country, product, facts),
        TradeDirection::Outbound => subject.or(from_country).or_else(|| pronoun_country(analysis, si, v)),
        TradeDirection::Inbound => from_country,
    };
    let Some(exporter) = exporter.or_else(|| lone_country(s, v)) else { return };
    // "imports steel from Mexico, Brazil and South Korea": every country of the list.
    let exporters: Vec<&Mention> = if std::ptr::eq(exporter, from_country.unwrap_or(exporter)) && from_country.is_some() {
        from_countries.clone()
    } else {
        vec![exporter]
    };
    for exporter in exporters {
        record(analysis, s, v, direction, exporter, product, subject, facts);
    }
}

#[allow(clippy::too_many_arguments)]
fn record(analysis: &Analysis, s: &AnalysedSentence, v: usize, direction: TradeDirection, exporter: &Mention, product: &Mention, subject: Option<&Mention>, facts: &mut Facts) {
    let after = product.tokens.1.max(v + 1);
    let mut destinations = destinations_after(analysis, s, after);
    if direction == TradeDirection::Inbound && destinations.is_empty() {
        if let Some(sub) = subject.filter(|m| !std::ptr::eq(*m, exporter)) {
            destinations.push(sub);
        }
    }
    let exporter_id = relation_entity(exporter, facts);
    let product_id = relation_entity(product, facts);
    if facts.entities[exporter_id].kind != EntityType::Country {
        return;
    }
    let evidence = Evidence { span: s.span };
    let dests: Vec<usize> = destinations
        .iter()
        .map(|d| relation_entity(d, facts))
        .filter(|&d| d != exporter_id)
        .collect();
    if dests.is_empty() {
        push(facts, Export { exporter: exporter_id, product: product_id, destination: None, evidence });
    }
    for d in dests {
        push(facts, Export { exporter: exporter_id, product: product_id, destination: Some(d), evidence });
    }
}

fn push(facts: &mut Facts, e: Export) {
    let dup = facts.exports.iter().any(|x| x.exporter == e.exporter && x.product == e.product && x.destination == e.destination);
    if !dup {
        facts.exports.push(e);
    }
}

/// The countries named after "from" ("from Mexico, Brazil and South Korea").
fn countries_after_from<'s>(analysis: &Analysis, s: &'s AnalysedSentence, v: usize) -> Vec<&'s Mention> {
    let Some(at) = s.tokens.iter().enumerate().skip(v + 1).take(12).find(|(_, t)| t.text == "from").map(|(i, _)| i) else {
        return Vec::new();
    };
    places_in_list(analysis, s, at + 1).into_iter().filter(|m| is_country_like(m)).collect()
}

/// "About 71% of that came from Brazil": "that" or "it" is the product of the sentence before.
fn previous_product<'a>(analysis: &'a Analysis, si: usize, v: usize) -> Option<&'a Mention> {
    let s = &analysis.sentences[si];
    let pronoun = s.tokens[..v].iter().rev().take(4).any(|t| matches!(t.lower().as_str(), "that" | "it" | "this" | "those"));
    if !pronoun || si == 0 {
        return None;
    }
    analysis.sentences[si - 1].mentions.iter().rfind(|m| m.kind == EntityType::Substance)
}

/// "smuggle it", "ships them": the latest drug (else substance) before the word.
fn pronoun_product<'a>(analysis: &'a Analysis, si: usize, v: usize) -> Option<&'a Mention> {
    let s = &analysis.sentences[si];
    let next = s.tokens.get(v + 1)?.lower();
    if !matches!(next.as_str(), "it" | "them") {
        return None;
    }
    let before = analysis.sentences[si.saturating_sub(3)..=si]
        .iter()
        .flat_map(|x| x.mentions.iter())
        .filter(|m| m.kind == EntityType::Substance && m.span.end <= s.tokens[v].start);
    let all: Vec<&Mention> = before.collect();
    all.iter().rev().find(|m| m.class.as_deref() == Some("drug")).or(all.last()).copied()
}

/// A passive ("chemicals that are shipped into Mexico") names its exporter only
/// through "from" or a subject "it" that stands for the country before.
fn record_passive(analysis: &Analysis, si: usize, v: usize, from: Option<&Mention>, product: &Mention, facts: &mut Facts) {
    let s = &analysis.sentences[si];
    if let Some(exporter) = from.or_else(|| pronoun_country(analysis, si, v)) {
        record(analysis, s, v, TradeDirection::Outbound, exporter, product, None, facts);
    }
}

/// "The drug's production and export ...": "the drug" before the trade word is the latest drug.
fn anaphoric_drug<'a>(analysis: &'a Analysis, si: usize, v: usize) -> Option<&'a Mention> {
    let s = &analysis.sentences[si];
    let refers = (1..v.min(8)).any(|k| {
        let i = v - k;
        s.tokens[i].lower() == "drug" && i > 0 && matches!(s.tokens[i - 1].lower().as_str(), "the" | "this" | "that")
    });
    if !refers {
        return None;
    }
    analysis.sentences[si.saturating_sub(3)..si]
        .iter()
        .flat_map(|x| x.mentions.iter())
        .rfind(|m| m.kind == EntityType::Substance && m.class.as_deref() == Some("drug"))
}

/// "But it's still the main source of chemicals shipped into Mexico": "it" as the
/// subject of its sentence stands for the country the previous sentence is about.
fn pronoun_country<'a>(analysis: &'a Analysis, si: usize, v: usize) -> Option<&'a Mention> {
    let s = &analysis.sentences[si];
    let subject_it = s.tokens[..v.min(3)].iter().any(|t| t.lower() == "it");
    if !subject_it || si == 0 {
        return None;
    }
    analysis.sentences[si - 1].mentions.iter().find(|m| m.kind == EntityType::Country && m.cue == Cue::Name)
}

/// The only country in the sentence, when the trade word names none
/// ("the drug's production and export ... in Syria").
fn lone_country<'s>(s: &'s AnalysedSentence, v: usize) -> Option<&'s Mention> {
    let countries: Vec<&Mention> = s.mentions.iter().filter(|m| m.kind == EntityType::Country && m.cue == Cue::Name).collect();
    let in_country = |m: &Mention| (1..=3).any(|back| m.tokens.0 >= back && s.tokens[m.tokens.0 - back].lower() == "in");
    (countries.len() == 1 && countries[0].tokens.0 > v && in_country(countries[0])).then(|| countries[0])
}

/// Places after "to", "into", "across", "in" or "bound for" following the product.
fn destinations_after<'s>(analysis: &Analysis, s: &'s AnalysedSentence, after: usize) -> Vec<&'s Mention> {
    let is_prep = |i: usize| {
        let w = s.tokens[i].text;
        matches!(w, "to" | "into" | "across" | "toward" | "towards" | "in")
            || (w == "for" && i > 0 && matches!(s.tokens[i - 1].lower().as_str(), "bound" | "destined" | "headed"))
    };
    let Some(prep) = (after..s.tokens.len().min(after + 8)).find(|&i| is_prep(i)) else {
        return Vec::new();
    };
    places_in_list(analysis, s, prep + 1)
}

/// Countries and places from token `start` through a list ("Mexico, Brazil and
/// South Korea", "Central America and countries like Mexico").
fn places_in_list<'s>(analysis: &Analysis, s: &'s AnalysedSentence, start: usize) -> Vec<&'s Mention> {
    let mut out = Vec::new();
    let mut k = start;
    while k < s.tokens.len() && k <= start + 14 {
        if let Some(m) = s.mentions.iter().find(|m| m.tokens.0 == k) {
            if is_country_like(m) || m.kind == EntityType::Location {
                out.push(m);
            }
            k = m.tokens.1;
            continue;
        }
        let t = &s.tokens[k];
        let gap = if k > 0 { super::gap(analysis.text, &s.tokens[k - 1], t) } else { "" };
        let continues = LIST_WORDS.contains(&t.lower().as_str()) || !gap.contains([',', ';', '(', '\u{2014}']);
        let ends_list = matches!(t.lower().as_str(), "where" | "which" | "who" | "that" | "while" | "but" | "to" | "into" | "via" | "through");
        if !continues || ends_list {
            break;
        }
        k += 1;
    }
    out
}
