//! Reported speech: what a speaker is said to have said, without quotation
//! marks ("Blinken said China had agreed to a working group", "According to
//! the CDC, overdose deaths rose", "The ministry denied that it had shipped
//! the chemicals", "..., the agency said.").
//!
//! Four constructions of English news, each around a verb of saying from
//! `speech_verbs.tsv` (never a verb of thought: beliefs and plans are not
//! statements):
//! - `SPEAKER VERB [OBJECT] that CONTENT` ("X told reporters that ...");
//! - `SPEAKER VERB [PERSON TOLD] CONTENT` without "that" ("X said the talks
//!   failed", "X told reporters the talks failed": the lexicon's `complement`
//!   column says which verbs name the person told first);
//! - `CONTENT, SPEAKER VERB.` and `CONTENT, VERB SPEAKER.`: the attribution
//!   closes the sentence;
//! - `According to SPEAKER, CONTENT` and `CONTENT, according to SPEAKER.`
//!
//! The statement's text is the content alone (no verb, no "that", no closing
//! punctuation), with its own span. Content that opens with a quotation is a
//! quote, found by `quotes`; a clause that mixes paraphrase and quoted words is a
//! reported statement here and a quote there, as the guideline asks. Speakers
//! are found as for quotes (a person before the verb, a pronoun or "the
//! ministry" resolved backwards, an organization or country).

use super::quotes::{inside_quote, speaker_before_verb, speaker_from};
use super::tokens::Token;
use super::Analysis;
use crate::lexicon::{Complement, Lexicon};
use crate::model::{Evidence, Facts, Span, Statement, StatementForm};

/// The guideline's four or more words.
const MIN_WORDS: usize = 4;

/// Words that open a clause of its own after a comma, not an attribution.
const CLAUSE_OPENERS: &[&str] = &[
    "in", "on", "at", "to", "of", "for", "from", "by", "with", "during", "after", "before", "and", "but", "or", "that", "which", "who", "whom",
    "whose", "where", "when", "while", "as", "because", "since", "although", "though", "if", "unless", "so", "then", "including",
];

/// Words after a verb of saying that start a prepositional phrase, not its
/// content ("said in a statement", "told reporters on Tuesday").
const NOT_CONTENT: &[&str] = &[
    "in", "on", "at", "to", "of", "from", "by", "with", "during", "after", "before", "about", "as", "so", "and", "but", "or", "nothing",
    "something", "anything", "yes", "no", "hello", "goodbye", "sorry", "thanks", "otherwise", "again", "repeatedly", "earlier", "later",
    "recently", "previously", "through", "via", "while", "when", "because", "since", "last", "too", "also",
    // A verb first: the subject is missing, as in a relative clause ("calls that some said were ignored").
    "was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "should", "did", "does",
];

/// Words that may come between a verb of saying and its content when they
/// name the time ("said Tuesday the plan ...").
const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "week", "month", "year",
    "morning", "afternoon", "evening", "night",
];

/// Words right before a verb that make it no statement of the subject's:
/// negation, an infinitive or a modal ("did not say", "refused to say",
/// "would say").
const NOT_ASSERTED: &[&str] = &["not", "never", "n't", "to", "would", "could", "might", "may", "will", "should", "can", "cannot"];

/// Words after which a verb of saying's form is a noun ("the state", "his
/// comments", "two claims").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "each", "every", "any", "some", "no",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "few", "other", "such",
];

/// Finds the reported statements of an article and adds those with a speaker.
pub fn extract(analysis: &Analysis, lexicon: &Lexicon, facts: &mut Facts) {
    for si in 0..analysis.sentences.len() {
        let s = &analysis.sentences[si];
        // Most sentences report nobody: one look-up per word rules them out.
        if s.headline || !s.tokens.iter().any(|t| is_statement_verb(t, lexicon) || t.text.eq_ignore_ascii_case("according")) {
            continue;
        }
        let mut found = Vec::new();
        according_to(analysis, si, facts, &mut found);
        if found.is_empty() {
            closing_attribution(analysis, si, lexicon, facts, &mut found);
        }
        if found.is_empty() {
            clause_after_verb(analysis, si, lexicon, facts, &mut found);
        }
        for (speaker, content, verb) in found {
            push(analysis, si, speaker, content, verb, facts);
        }
    }
}

/// (speaker, content, verb) of one statement.
type Found = (usize, Span, Option<String>);

fn push(analysis: &Analysis, si: usize, speaker: usize, content: Span, verb: Option<String>, facts: &mut Facts) {
    let Some(content) = trimmed(analysis.text, content) else { return };
    let text = content.of(analysis.text);
    // Content that opens with a quotation, or inside one that began in an
    // earlier sentence, is direct speech with its own attribution ("“...,”
    // Obama said of the families, according to ..."), which `quotes` reads.
    let quoted = is_one_quotation(text) || inside_quote(analysis, content.start);
    if text.split_whitespace().count() < MIN_WORDS || quoted {
        return;
    }
    let evidence = Evidence { span: analysis.sentences[si].span };
    facts.statements.push(Statement { speaker, text: text.to_string(), verb, evidence, span: content, form: StatementForm::Reported });
}

/// Content that is a quotation and nothing else. Quoted words that open a
/// longer paraphrase ("“I held and hugged” the families, he said") leave it
/// reported speech, as the guideline asks for mixed sentences.
fn is_one_quotation(text: &str) -> bool {
    let closing = if text.starts_with('\u{201c}') {
        "\u{201d}"
    } else if text.starts_with("''") {
        "''"
    } else if text.starts_with('"') {
        "\""
    } else if text.starts_with('\u{2018}') {
        "\u{2019} "
    } else {
        return false;
    };
    let open_len = text.chars().next().map_or(1, char::len_utf8) * if closing == "''" { 2 } else { 1 };
    let Some(close) = text[open_len..].find(closing) else { return true };
    // `“...,” Obama said`: a whole utterance, closed by its punctuation, then its attribution.
    let quoted = &text[open_len..open_len + close];
    let rest = &text[open_len + close + closing.len()..];
    let whole_utterance = quoted.trim_end().ends_with([',', '.', '?', '!']) || rest.starts_with([',', '.', '?', '!']);
    whole_utterance || rest.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count() < 2
}

/// The content without surrounding spaces, commas and the closing full stop.
fn trimmed(text: &str, span: Span) -> Option<Span> {
    let s = span.of(text);
    let start = span.start + (s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':').len());
    let rest = &text[start..span.end];
    let end = start + rest.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?')).len();
    (end > start).then(|| Span::new(start, end))
}

/// The text between token `i` and the next one (punctuation and spaces).
fn gap<'a>(analysis: &Analysis<'a>, tokens: &[Token], i: usize, sentence_end: usize) -> &'a str {
    let end = tokens.get(i + 1).map_or(sentence_end, |t| t.start);
    &analysis.text[tokens[i].end..end]
}

/// `According to X, CONTENT` and `CONTENT, according to X.`
fn according_to(analysis: &Analysis, si: usize, facts: &mut Facts, found: &mut Vec<Found>) {
    let s = &analysis.sentences[si];
    let toks = &s.tokens;
    let Some(at) = (0..toks.len().saturating_sub(1)).find(|&i| toks[i].text.eq_ignore_ascii_case("according") && toks[i + 1].text.eq_ignore_ascii_case("to") && !inside_quote(analysis, toks[i].start))
    else {
        return;
    };
    // The source runs to the next comma (or the end of the sentence).
    let source_end = (at + 1..toks.len()).find(|&i| gap(analysis, toks, i, s.span.end).contains(',')).map_or(toks.len(), |i| i + 1);
    let Some(speaker) = speaker_from(analysis, si, at + 2, source_end, facts) else { return };
    let opens_sentence = at <= 1;
    let content = if opens_sentence {
        toks.get(source_end).map(|t| Span::new(t.start, s.span.end))
    } else if at > 0 && gap(analysis, toks, at - 1, s.span.end).contains(',') && source_end >= toks.len() {
        Some(Span::new(s.span.start, toks[at].start))
    } else {
        None
    };
    if let Some(content) = content {
        found.push((speaker, content, Some("according to".into())));
    }
}

/// `CONTENT, X said.` / `CONTENT, said X.`, and `CONTENT, X said, MORE`: a
/// short attribution between commas (or a comma and the end) after the content.
fn closing_attribution(analysis: &Analysis, si: usize, lexicon: &Lexicon, facts: &mut Facts, found: &mut Vec<Found>) {
    let s = &analysis.sentences[si];
    let toks = &s.tokens;
    let commas: Vec<usize> = (0..toks.len()).filter(|&i| gap(analysis, toks, i, s.span.end).contains(',')).collect();
    for (k, &comma) in commas.iter().enumerate().rev() {
        let tail = comma + 1;
        let end = commas.get(k + 1).map_or(toks.len(), |&c| c + 1);
        if tail >= end || end - tail > 8 || inside_quote(analysis, toks[tail].start) {
            continue;
        }
        let Some(verb) = (tail..end).find(|&i| is_statement_verb(&toks[i], lexicon)) else { continue };
        // "..., the agency said" and "..., said Smith", not "..., in a finish that he said ...";
        // inside the sentence only as "..., the Times said, ..." or "..., said Smith, the mayor".
        let closes_sentence = end == toks.len();
        if verb - tail > 5 || end - verb > 5 || CLAUSE_OPENERS.contains(&toks[tail].lower().as_ref()) || (!closes_sentence && verb + 1 != end && verb != tail) {
            continue;
        }
        // "In the cable, Stevens wrote, “...”": the words are the quotation after it.
        if !closes_sentence && analysis.text[toks[end - 1].end..].trim_start_matches([',', ' ']).starts_with(['"', '\u{201c}']) {
            continue;
        }
        let speaker = if verb == tail { speaker_from(analysis, si, verb + 1, end, facts) } else { speaker_before_verb(analysis, si, tail, verb, facts) };
        if let Some(speaker) = speaker {
            // Up to the attribution, so that a closing quotation mark stays with its quote;
            // after it when what comes first is only a lead-in ("At one point, she said, she ...").
            let before = Span::new(s.span.start, toks[tail].start);
            let lead_in = before.of(analysis.text).split_whitespace().count() < MIN_WORDS;
            let content = if lead_in && !closes_sentence { Span::new(toks[end].start, s.span.end) } else { before };
            found.push((speaker, content, Some(toks[verb].text.to_lowercase())));
            return;
        }
    }
}

/// `X VERB [OBJECT] that CONTENT` and `X said CONTENT`.
fn clause_after_verb(analysis: &Analysis, si: usize, lexicon: &Lexicon, facts: &mut Facts, found: &mut Vec<Found>) {
    let s = &analysis.sentences[si];
    let toks = &s.tokens;
    for v in 1..toks.len() {
        if !is_statement_verb(&toks[v], lexicon) || inside_quote(analysis, toks[v].start) {
            continue;
        }
        let before = toks[v - 1].lower();
        let progressive = matches!(before.as_ref(), "is" | "are" | "was" | "were" | "been");
        // "..., saying the talks failed": a participle after a comma speaks for the clause's subject.
        let participle = toks[v].text.ends_with("ing") && gap(analysis, toks, v - 1, s.span.end).contains(',');
        if NOT_ASSERTED.contains(&before.as_ref()) || (toks[v].text.ends_with("ing") && !progressive && !participle) {
            continue;
        }
        if attributes_a_quotation(analysis, si, v) {
            continue;
        }
        // "his comments", "the state", "Clinton's claim", "three state primaries": a noun.
        let possessive = toks[v - 1].text.ends_with("'s") || toks[v - 1].text.ends_with("\u{2019}s");
        if possessive || DETERMINERS.contains(&before.as_ref()) {
            continue;
        }
        if gap(analysis, toks, v, s.span.end).contains(':') {
            continue;
        }
        let Some(start) = content_start(analysis, si, v, lexicon) else { continue };
        if let Some(speaker) = speaker_before_verb(analysis, si, clause_start(analysis, si, v), v, facts) {
            found.push((speaker, Span::new(toks[start].start, s.span.end), Some(toks[v].text.to_lowercase())));
        }
    }
}

/// The first token of the clause holding token `v`: after the last colon,
/// semicolon or dash before it ("Clinton gains: a majority of her backers say").
fn clause_start(analysis: &Analysis, si: usize, v: usize) -> usize {
    let s = &analysis.sentences[si];
    (0..v).rev().find(|&i| gap(analysis, &s.tokens, i, s.span.end).contains([':', ';', '\u{2014}'])).map_or(0, |i| i + 1)
}

/// `"...," she told the crowd, where ...`: the verb attributes the quotation
/// that closes just before its subject, and what follows it is no content.
fn attributes_a_quotation(analysis: &Analysis, si: usize, v: usize) -> bool {
    let s = &analysis.sentences[si];
    let before = &analysis.text[s.span.start..s.tokens[v].start];
    let Some(mark) = before.rfind(['"', '\u{201d}']) else { return false };
    let closes = before[..mark].ends_with([',', '?', '!', '.', '\u{2014}']);
    closes && before[mark..].split_whitespace().count() <= 4
}

/// Pronouns and nouns that are the object of "told" and its kind, before the
/// content ("told reporters the talks failed").
const OBJECTS: &[&str] = &["him", "her", "them", "me", "us", "you", "reporters", "journalists", "supporters", "voters", "lawmakers", "congress", "senators", "members", "students", "viewers", "listeners", "readers"];

/// Words after which a verb of saying takes what follows as its content
/// ("called for the United States to act", "pointed out the flaw").
const PARTICLES: &[&str] = &["for", "out"];

/// The first token of the content after verb `v`: after "that" (an object or
/// a time may come between: "told reporters on Friday that"), or right after
/// the verb, past a time ("said Tuesday", "said on Friday"), a particle
/// ("called for"), and for "told" and its kind, the person told.
fn content_start(analysis: &Analysis, si: usize, v: usize, lexicon: &Lexicon) -> Option<usize> {
    let s = &analysis.sentences[si];
    let toks = &s.tokens;
    let no_break = |i: usize| !gap(analysis, toks, i, s.span.end).contains([',', ';', ':', '.', '(', ')', '?', '!']);
    // "said — on Twitter, as it happens — that ...": past an aside set off by dashes.
    let v = past_dashed_aside(analysis, si, v);
    let mut i = v;
    while i + 1 < toks.len() && i < v + 10 && no_break(i) {
        i += 1;
        if toks[i].lower() == "that" {
            return (i + 1 < toks.len()).then_some(i + 1);
        }
    }
    if !no_break(v) {
        return None;
    }
    let mut start = skip_time(toks, v + 1);
    let verb_takes_object = lexicon.complement(toks[v].text) == Some(Complement::PersonTold);
    if verb_takes_object {
        start = skip_object(analysis, si, start)?;
        start = skip_time(toks, start);
    } else if toks.get(start).is_some_and(|t| PARTICLES.contains(&t.lower().as_ref())) {
        start += 1;
    }
    let first = toks.get(start)?;
    (!NOT_CONTENT.contains(&first.lower().as_ref())).then_some(start)
}

/// The last token of an aside set off by dashes right after token `v` (or `v`).
fn past_dashed_aside(analysis: &Analysis, si: usize, v: usize) -> usize {
    let s = &analysis.sentences[si];
    let is_dash = |i: usize| gap(analysis, &s.tokens, i, s.span.end).contains(['\u{2014}', '\u{2013}']) || gap(analysis, &s.tokens, i, s.span.end).contains("--");
    if !is_dash(v) {
        return v;
    }
    (v + 1..s.tokens.len().min(v + 25)).find(|&i| is_dash(i)).unwrap_or(v)
}

/// Past words that say when ("Tuesday", "on Friday", "earlier this week").
fn skip_time(toks: &[Token], mut i: usize) -> usize {
    let is_time = |t: &Token| TIME_WORDS.contains(&t.lower().as_ref());
    loop {
        let word = toks.get(i).map(|t| t.lower());
        let next_is_time = toks.get(i + 1).is_some_and(is_time);
        match word.as_deref() {
            // "said Wednesday, “Certainly ...”": a day may stand alone between commas.
            Some(w) if TIME_WORDS.contains(&w) => i += 1,
            Some("on" | "earlier" | "late" | "early" | "this" | "last" | "next") if next_is_time => i += 1,
            _ => return i,
        }
    }
}

/// Past the object of "told": a name, or a pronoun or noun such as "reporters".
fn skip_object(analysis: &Analysis, si: usize, at: usize) -> Option<usize> {
    let s = &analysis.sentences[si];
    if let Some(m) = s.mentions.iter().find(|m| m.tokens.0 == at) {
        return Some(m.tokens.1);
    }
    let word = s.tokens.get(at)?.lower();
    match word.as_ref() {
        "the" => Some(at + 2),
        w if OBJECTS.contains(&w) => Some(at + 1),
        _ => None,
    }
}

/// A verb of saying (not of thought), written in lower case.
fn is_statement_verb(t: &Token, lexicon: &Lexicon) -> bool {
    !t.is_capitalised() && lexicon.statement_verb(t.text)
}
