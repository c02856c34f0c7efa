//! In-article coreference: surnames to full names, acronyms to what they define.
//!
//! "Blinken" becomes "Antony Blinken" when the article names him in full (the
//! nearest full name before, else the first after); "Park" matches the first
//! word of a two-word name ("Park Jin"), as East Asian names put the family
//! name first. "the Canadian Grain Commission (CGC)" makes later "CGC" that
//! organization. A lone capitalised word that ties to nobody is kept as a
//! person only when an honorific or a speech verb marks it as one.

use super::mentions::{Cue, Mention};
use super::{Analysis, AnalysedSentence};
use crate::lexicon::Lexicon;
use crate::model::{EntityType, Span};
use std::collections::HashMap;

/// Resolves candidates and acronyms in place.
pub fn resolve(analysis: &mut Analysis, lexicon: &Lexicon) {
    let acronyms = defined_acronyms(analysis);
    add_acronym_mentions(analysis, &acronyms);
    let full_names = full_person_names(analysis);
    let text = analysis.text;
    for s in &mut analysis.sentences {
        let AnalysedSentence { tokens, mentions, .. } = s;
        for m in mentions.iter_mut().filter(|m| m.cue == Cue::Candidate) {
            if let Some(full) = nearest_full_name(&full_names, m) {
                m.label = full;
                m.cue = Cue::Name;
            } else if marked_as_person(text, tokens, m, lexicon) {
                m.cue = Cue::Name;
            }
        }
        mentions.retain(|m| m.cue != Cue::Candidate);
    }
}

/// A person's full name where the article gives it, with its words.
struct FullName {
    /// Start offset of the mention.
    at: usize,
    label: String,
    words: Vec<String>,
}

impl FullName {
    /// Can a lone `word` be this person? Family name last, or first (East
    /// Asian names), or a double surname ("Ibarra" of "Jorge Ibarra Lozano").
    fn called(&self, word: &str) -> bool {
        let w = &self.words;
        w.last().is_some_and(|last| last == word)
            || (w.len() == 2 && w[0] == word && word.chars().count() <= 4)
            || (w.len() == 3 && w[1] == word)
    }
}

/// Full person names in text order, split into words once per article (not
/// once per candidate).
fn full_person_names(analysis: &Analysis) -> Vec<FullName> {
    analysis
        .sentences
        .iter()
        .flat_map(|s| s.mentions.iter())
        .filter(|m| m.kind == EntityType::Person && m.cue == Cue::Name && m.label.contains(' '))
        .map(|m| FullName { at: m.span.start, label: m.label.clone(), words: m.label.split_whitespace().map(str::to_string).collect() })
        .collect()
}

fn nearest_full_name(full: &[FullName], m: &Mention) -> Option<String> {
    let word = m.label.as_str();
    let before = full.iter().rfind(|n| n.at < m.span.start && n.called(word));
    let after = full.iter().find(|n| n.at > m.span.start && n.called(word));
    before.or(after).map(|n| n.label.clone())
}

/// "Mr. Lee", "Lee said", "said Lee": a lone word that is surely a person.
fn marked_as_person(text: &str, tokens: &[super::tokens::Token], m: &Mention, lexicon: &Lexicon) -> bool {
    let (a, b) = m.tokens;
    let honorific_before = a > 0 && lexicon.is_honorific(tokens[a - 1].text);
    let verb_after = tokens.get(b).is_some_and(|t| lexicon.speech_verb(t.text).is_some())
        && tokens.get(b).is_some_and(|t| super::gap(text, &tokens[b - 1], t).trim().is_empty());
    let verb_before = a > 0
        && lexicon.speech_verb(tokens[a - 1].text).is_some()
        && !tokens[a - 1].is_capitalised()
        && (b == tokens.len() || super::gap(text, &tokens[b - 1], &tokens[b]).contains(['.', ',']));
    honorific_before || verb_after || verb_before
}

/// "Full Name (ACR)": acronym -> organization label. The name may be one the
/// lexicons and cue words did not know ("U.S. Geological Survey (USGS)"): the
/// acronym's letters matching the name's initials make it an organization.
fn defined_acronyms(analysis: &mut Analysis) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for s in analysis.sentences.iter_mut() {
        if let Some((m, acronym)) = unknown_defined_name(analysis.text, s) {
            map.insert(acronym, m.label.clone());
            s.mentions.retain(|x| x.tokens.1 <= m.tokens.0 || x.tokens.0 >= m.tokens.1);
            s.mentions.push(m);
            s.mentions.sort_by_key(|x| x.tokens.0);
        }
    }
    for s in &analysis.sentences {
        for m in s.mentions.iter().filter(|m| m.kind == EntityType::Organization && m.cue == Cue::Name) {
            let after = &analysis.text[m.span.end..s.span.end];
            let Some(inner) = after.strip_prefix(" (").and_then(|r| r.split(')').next()) else { continue };
            let is_acronym = (2..=8).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '&');
            if is_acronym {
                map.insert(inner.to_string(), m.label.clone());
            }
        }
    }
    map
}

/// A capitalised name followed by "(ACR)" whose initials spell ACR.
fn unknown_defined_name(text: &str, s: &AnalysedSentence) -> Option<(Mention, String)> {
    let toks = &s.tokens;
    for (i, t) in toks.iter().enumerate() {
        let acronym = t.text;
        // The closing bracket first: it rules out nearly every word in one byte.
        let bracketed = i > 0 && text[t.end..].starts_with(')') && text[toks[i - 1].end..t.start].trim() == "(";
        if !bracketed || !(2..=8).contains(&acronym.len()) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        // Walk back over the name's words, collecting the initials of capitalised ones.
        let mut start = i - 1;
        let mut initials = String::new();
        while start > 0 {
            let w = &toks[start - 1];
            if w.is_capitalised() {
                initials.insert(0, w.text.chars().next().unwrap_or(' '));
            } else if !matches!(w.text, "of" | "for" | "and" | "on" | "the") {
                break;
            }
            start -= 1;
            if initials == acronym {
                break;
            }
        }
        let known = s.mentions.iter().any(|m| m.tokens.0 == start && m.tokens.1 == i && m.kind == EntityType::Organization);
        if initials == acronym && !known && i - start >= 2 {
            let label = text[toks[start].start..toks[i - 1].end].to_string();
            let m = Mention { span: Span::new(toks[start].start, toks[i - 1].end), tokens: (start, i), kind: EntityType::Organization, label, cue: Cue::Name, class: None };
            return Some((m, acronym.to_string()));
        }
    }
    None
}

fn add_acronym_mentions(analysis: &mut Analysis, acronyms: &HashMap<String, String>) {
    if acronyms.is_empty() {
        return;
    }
    for s in &mut analysis.sentences {
        let new: Vec<Mention> = acronym_mentions(s, acronyms);
        s.mentions.extend(new);
        s.mentions.sort_by_key(|m| m.span.start);
    }
}

fn acronym_mentions(s: &AnalysedSentence, acronyms: &HashMap<String, String>) -> Vec<Mention> {
    s.tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| !s.mentions.iter().any(|m| m.span.start <= t.start && t.end <= m.span.end))
        .filter_map(|(i, t)| {
            acronyms.get(t.text).map(|label| Mention {
                span: Span::new(t.start, t.end),
                tokens: (i, i + 1),
                kind: EntityType::Organization,
                label: label.clone(),
                cue: Cue::Name,
                class: None,
            })
        })
        .collect()
}
