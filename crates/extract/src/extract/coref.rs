//! In-article coreference: surnames to full names, acronyms to what they define.
//!
//! "Blinken" becomes "Antony Blinken" when the article names him in full (the
//! nearest full name before, else the first after); "Park" matches the first
//! word of a two-word name ("Park Jin"), as East Asian names put the family
//! name first. "the Canadian Grain Commission (CGC)" makes later "CGC" that
//! organization. A lone word that opens the one full name the article gives
//! ("Donald" after "Donald Trump") is that person. A lone capitalised word that
//! ties to nobody is kept as a person only when an honorific or a speech verb
//! marks it as one.

use super::mentions::{Cue, Mention};
use super::{Analysis, AnalysedSentence};
use crate::lexicon::Lexicon;
use crate::model::{EntityType, Span};
use super::tokens::Token;
use std::collections::{HashMap, HashSet};

/// Resolves candidates and acronyms in place.
pub fn resolve(analysis: &mut Analysis, lexicon: &Lexicon) {
    let acronyms = defined_acronyms(analysis);
    add_acronym_mentions(analysis, &acronyms);
    confirm_people(analysis, lexicon);
    add_word_surname_mentions(analysis, lexicon);
    let full_names = full_person_names(analysis);
    let text = analysis.text;
    for s in &mut analysis.sentences {
        let AnalysedSentence { tokens, mentions, .. } = s;
        for m in mentions.iter_mut().filter(|m| m.cue == Cue::Candidate) {
            if let Some(full) = nearest_full_name(&full_names, m) {
                m.label = full;
                m.cue = Cue::Name;
            } else if let Some(full) = named_by_given_name(&full_names, m) {
                m.label = full;
                m.cue = Cue::Name;
            } else if marked_as_person(text, tokens, m, lexicon) && may_be_lone_name(tokens, m, lexicon) && !given_name_of_several(&full_names, m) {
                m.cue = Cue::Name;
            } else if marked_as_person(text, tokens, m, lexicon) && after_determiner(tokens, m) {
                // "the Times reported", "the Hornets said": a body that speaks.
                m.kind = EntityType::Organization;
                m.cue = Cue::Name;
            }
        }
        mentions.retain(|m| m.cue != Cue::Candidate);
    }
}

/// Unconfirmed names ("Faneuil Hall", "Tim Canova") become people when the
/// article shows their bearer is one somewhere: a title or honorific before a
/// use, a verb of saying next to it, an apposition ("X, 45," "X, who",
/// "X, a spokesman"), or a full name that ends with it. The rest are dropped:
/// a capitalised pair alone is as often a place, a firm or a slogan.
fn confirm_people(analysis: &mut Analysis, lexicon: &Lexicon) {
    let text = analysis.text;
    let mut shown: HashSet<&str> = HashSet::new();
    let mut people: Vec<String> = Vec::new();
    for (si, s) in analysis.sentences.iter().enumerate() {
        for m in s.mentions.iter().filter(|m| m.kind == EntityType::Person) {
            let word = last_word(&m.label);
            match m.cue {
                Cue::Name => people.push(m.label.clone()),
                Cue::Candidate | Cue::Unconfirmed if shown_as_person(text, &s.tokens, m, lexicon) || taken_up_by_pronoun(analysis, si, m) => {}
                _ => continue,
            }
            shown.insert(word);
        }
    }
    let shown: HashSet<String> = shown.into_iter().map(str::to_string).collect();
    for s in &mut analysis.sentences {
        for m in s.mentions.iter_mut().filter(|m| m.cue == Cue::Unconfirmed) {
            // "Wasserman Schultz" after "Debbie Wasserman Schultz": the same person.
            let suffix = format!(" {}", m.label);
            if let Some(full) = people.iter().find(|p| p.ends_with(&suffix)) {
                m.label = full.clone();
                m.cue = Cue::Name;
            } else if shown.contains(last_word(&m.label)) {
                m.cue = Cue::Name;
            }
        }
        s.mentions.retain(|m| m.cue != Cue::Unconfirmed);
    }
}

/// "May said", "Mrs. May", "May's": a surname that is otherwise not a name
/// ("Theresa May") is found alone only where it is used as a person's; the
/// mention rules skip such words, so they are added here.
fn add_word_surname_mentions(analysis: &mut Analysis, lexicon: &Lexicon) {
    let mut surnames: Vec<(String, String)> = Vec::new();
    for m in analysis.sentences.iter().flat_map(|s| s.mentions.iter()) {
        let word = last_word(&m.label);
        if m.kind == EntityType::Person && m.cue == Cue::Name && m.label.contains(' ') && lexicon.is_not_name(word) && !surnames.iter().any(|(w, _)| w == word) {
            surnames.push((word.to_string(), m.label.clone()));
        }
    }
    if surnames.is_empty() {
        return;
    }
    let text = analysis.text;
    for s in &mut analysis.sentences {
        let mut added = Vec::new();
        for (i, t) in s.tokens.iter().enumerate() {
            let Some((_, label)) = surnames.iter().find(|(w, _)| w == t.text) else { continue };
            let covered = s.mentions.iter().any(|m| m.tokens.0 <= i && i < m.tokens.1);
            let m = Mention { span: Span::new(t.start, t.end), tokens: (i, i + 1), kind: EntityType::Person, label: label.clone(), cue: Cue::Name, class: None };
            let possessive = text[t.end..].starts_with("'s") || text[t.end..].starts_with("\u{2019}s");
            if !covered && (possessive || marked_as_person(text, &s.tokens, &m, lexicon)) {
                added.push(m);
            }
        }
        if !added.is_empty() {
            s.mentions.extend(added);
            s.mentions.sort_by_key(|m| m.tokens.0);
        }
    }
}

fn last_word(label: &str) -> &str {
    label.rsplit(' ').next().unwrap_or(label)
}

/// Does this use show a person: marked as one ("Mr. Lee", "Lee said"), after
/// a title ("spokesman Tim Lee"), or with an apposition ("Tim Lee, 45,",
/// "Tim Lee, who", "Tim Lee, a spokesman for")?
fn shown_as_person(text: &str, tokens: &[Token], m: &Mention, lexicon: &Lexicon) -> bool {
    let (a, b) = m.tokens;
    // "the Canucks said": a determiner makes it a team's or a thing's name.
    if a > 0 && tokens[a - 1].text.eq_ignore_ascii_case("the") {
        return false;
    }
    let title_before = a > 0 && !tokens[a - 1].is_capitalised() && lexicon.title(tokens[a - 1].text).is_some();
    marked_as_person(text, tokens, m, lexicon) || title_before || apposition_after(text, tokens, b, lexicon)
}

/// Personal pronouns that take up a person named before them.
const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "his", "her", "hers", "himself", "herself"];

/// "Jordan Dennison lives in the state and developed his own addiction", "Ana
/// Ruiz moved. She ...": a name that opens its sentence, taken up by "he" or
/// "she" later in it or at the start of the next one, is a person's.
fn taken_up_by_pronoun(analysis: &Analysis, si: usize, m: &Mention) -> bool {
    let s = &analysis.sentences[si];
    let opens = m.tokens.0 == 0 || (m.tokens.0 == 1 && s.tokens[0].text.eq_ignore_ascii_case("the"));
    if !opens || s.mentions.iter().any(|o| o.tokens.0 < m.tokens.0) {
        return false;
    }
    let later_same = s.tokens[m.tokens.1..].iter().take(25).any(|t| PERSON_PRONOUNS.contains(&t.text));
    let next_opens = analysis.sentences.get(si + 1).and_then(|n| n.tokens.first()).is_some_and(|t| matches!(t.text, "He" | "She"));
    later_same || next_opens
}

/// ", 45,", ", who", ", a spokesman", ", the company's chief executive": what
/// follows a person's name and nothing else's.
fn apposition_after(text: &str, tokens: &[Token], b: usize, lexicon: &Lexicon) -> bool {
    let Some(next) = tokens.get(b) else { return false };
    if b == 0 || !super::gap(text, &tokens[b - 1], next).contains(',') {
        return false;
    }
    let age = next.text.len() <= 3 && next.text.chars().all(|c| c.is_ascii_digit()) && tokens.get(b + 1).is_some_and(|t| super::gap(text, next, t).contains(','));
    let titled = matches!(next.text, "a" | "an" | "the" | "his" | "her") && tokens[b + 1..].iter().take(4).any(|t| !t.is_capitalised() && lexicon.title(t.text).is_some());
    age || next.text == "who" || titled
}

/// Can a lone word that names no one in full still be a person of its own?
/// Not "Two" or "Yeah" or "I'll"; not a word that opens its sentence ("People
/// said", "Demonstrators said"), nor one after "the" ("the Hornets said"), nor
/// a given name ("Michelle said"), unless an honorific stands before it ("Mr. Hollis").
fn may_be_lone_name(tokens: &[Token], m: &Mention, lexicon: &Lexicon) -> bool {
    let (a, _) = m.tokens;
    let word = m.label.as_str();
    if a > 0 && lexicon.is_honorific(tokens[a - 1].text) {
        return true;
    }
    let determiner = after_determiner(tokens, m);
    let number = word.split('-').any(|part| lexicon.number_word(part).is_some());
    let contraction = word.split(['\'', '\u{2019}']).nth(1).is_some_and(|rest| rest.chars().all(char::is_lowercase));
    a > 0 && !determiner && !number && !contraction && !lexicon.is_first_name(word)
}

/// "the Times": a capitalised word after "the" names a thing or a body, not a person.
fn after_determiner(tokens: &[Token], m: &Mention) -> bool {
    m.tokens.0 > 0 && tokens[m.tokens.0 - 1].text.eq_ignore_ascii_case("the")
}

/// "Donald" when the article names one person "Donald ...": that person. The
/// article is the evidence; no list of given names is needed.
fn named_by_given_name(full: &[FullName], m: &Mention) -> Option<String> {
    let mut bearers = full.iter().filter(|n| n.words.len() >= 2 && n.words[0] == m.label);
    let first = bearers.next()?;
    bearers.all(|n| n.label == first.label).then(|| first.label.clone())
}

/// "Fred" in an article about Fred Trump and Fred Trump Jr.: no one in particular.
fn given_name_of_several(full: &[FullName], m: &Mention) -> bool {
    full.iter().any(|n| n.words.len() >= 2 && n.words[0] == m.label)
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
fn marked_as_person(text: &str, tokens: &[Token], m: &Mention, lexicon: &Lexicon) -> bool {
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
