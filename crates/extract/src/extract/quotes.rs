//! Who said what: direct quotations and their speakers.
//!
//! Quotation marks are paired per paragraph (curly, straight, and single marks
//! that are not apostrophes); a quote left open at the end of a paragraph goes
//! on in the next paragraph when that one opens with a mark. The speaker is
//! looked for, in order: after the quote in its sentence (`," X said`,
//! `," said X`, `," he added`, `according to X`); before it in its sentence
//! (`X said: "`, `X told CNN that "`, `..., saying X should "` whose speaker is
//! the clause's subject); in the next sentence (`"..." Okafor said.`); in the
//! sentence before; and, for a paragraph that is nothing but a quote, the
//! previous speaker. "He" and "she" go to the subject of the nearest sentence
//! that names a person, "it", "the ministry" or "the report" to the latest
//! organization (of that kind), and a capital that speaks ("Beijing said") to
//! its country.

use super::mentions::{Cue, Mention};
use super::tokens::Token;
use super::{relation_entity, Analysis};
use crate::lexicon::Lexicon;
use crate::model::{EntityType, Evidence, Facts, Span, Statement, StatementForm};
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// A quotation found in the text, with the speaker when one was found.
#[derive(Debug, Clone)]
pub struct FoundQuote {
    /// The quoted words (without the marks).
    pub inner: Span,
    /// The speaker's entity in the facts.
    pub speaker: Option<usize>,
}

/// Minimum words for a quote to count (the guideline's "four or more words").
const MIN_WORDS: usize = 4;

/// Words before a quoted stretch that make it a name or title, not speech.
const TITLE_CUES: &[&str] = &["titled", "called", "named", "dubbed", "designated", "entitled", "headlined", "labeled", "labelled", "as", "slogan", "hashtag", "term", "phrase", "word", "words"];

/// Finds the quotes of an article, adds those with a speaker to `facts`, and
/// returns all quotes found (statistics use them for attribution).
pub fn extract(analysis: &Analysis, lexicon: &Lexicon, facts: &mut Facts) -> Vec<FoundQuote> {
    let raw = find_quotes(analysis.text, &analysis.paragraphs);
    let mut found = Vec::new();
    let mut last_speaker: Option<(usize, usize)> = None; // (paragraph, entity)
    let mut chain_speaker: Option<usize> = None;
    for q in &raw {
        let words = word_count(q.inner.of(analysis.text));
        let speaker = if q.continues {
            chain_speaker.or_else(|| attribute(analysis, q, lexicon, facts, last_speaker))
        } else {
            attribute(analysis, q, lexicon, facts, last_speaker)
        };
        chain_speaker = if q.open_end { speaker } else { None };
        if let Some(sp) = speaker {
            last_speaker = Some((q.paragraph, sp));
        }
        let is_title = looks_like_title(analysis.text, analysis.paragraphs[q.paragraph], q);
        if let Some(sp) = speaker.filter(|_| words >= MIN_WORDS && !is_title) {
            let verb = speech_verb_near(analysis, q, lexicon);
            let text = q.inner.of(analysis.text);
            let start = q.inner.start + (text.len() - text.trim_start().len());
            let span = Span::new(start, start + text.trim().len());
            facts.statements.push(Statement {
                speaker: sp,
                text: span.of(analysis.text).to_string(),
                verb,
                evidence: Evidence { span: analysis.paragraphs[q.paragraph] },
                span,
                form: StatementForm::Quote,
            });
        }
        found.push(FoundQuote { inner: q.inner, speaker });
    }
    found
}

fn word_count(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}').filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// A quoted stretch as the marks delimit it.
#[derive(Debug, Clone)]
struct RawQuote {
    inner: Span,
    open: usize,
    close: usize,
    paragraph: usize,
    /// Left open at the end of its paragraph.
    open_end: bool,
    /// Continues an open quote of the previous paragraph.
    continues: bool,
}

fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | ':' | '/'))
}

/// A quotation-mark character of a paragraph as the quote reader sees it,
/// with its neighbours: `''` (two apostrophes, the double quotation mark of
/// some archives) is one mark, '"'.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Mark {
    pos: usize,
    c: char,
    len: usize,
    /// The character (or mark) before it, and after it.
    prev: Option<char>,
    next: Option<char>,
}

/// Only these characters open or close a quotation.
fn is_quote_char(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{201d}' | '"' | '\u{2018}' | '\u{2019}' | '\'')
}

/// The bytes a quotation mark starts with: '"' and '\'' are ASCII, the curly
/// marks start with 0xE2. A search for three bytes runs over many bytes at a
/// time (memchr), where a test of every byte was a tenth of quote finding.
fn mark_starts() -> &'static AhoCorasick {
    static STARTS: OnceLock<AhoCorasick> = OnceLock::new();
    STARTS.get_or_init(|| AhoCorasick::new([&b"\""[..], b"'", b"\xE2"]).expect("three one-byte patterns build"))
}

/// The quotation marks of a paragraph, in order. Pairing looks at nothing
/// else but their neighbours, so the paragraph is not read character by
/// character unless it writes a mark as two apostrophes.
fn marks(par: &str) -> Vec<Mark> {
    if par.contains("''") {
        return marks_with_double_apostrophes(par);
    }
    let mut out = Vec::new();
    // Matches are single bytes that start characters, so every one is a char boundary.
    for found in mark_starts().find_iter(par.as_bytes()) {
        let pos = found.start();
        let c = par[pos..].chars().next().unwrap_or(' ');
        if is_quote_char(c) {
            let after = pos + c.len_utf8();
            out.push(Mark { pos, c, len: c.len_utf8(), prev: par[..pos].chars().next_back(), next: par[after..].chars().next() });
        }
    }
    out
}

/// [`marks`] of a paragraph with `''`: every character is read, as the
/// apostrophes pair from the left.
fn marks_with_double_apostrophes(par: &str) -> Vec<Mark> {
    let mut all: Vec<(usize, char, usize)> = Vec::with_capacity(par.len());
    let mut it = par.char_indices().peekable();
    while let Some((pos, c)) = it.next() {
        if c == '\'' && it.peek().is_some_and(|(_, n)| *n == '\'') {
            it.next();
            all.push((pos, '"', 2));
        } else {
            all.push((pos, c, c.len_utf8()));
        }
    }
    let neighbour = |k: Option<usize>| k.and_then(|k| all.get(k)).map(|m| m.1);
    (0..all.len())
        .filter(|&k| is_quote_char(all[k].1))
        .map(|k| Mark { pos: all[k].0, c: all[k].1, len: all[k].2, prev: neighbour(k.checked_sub(1)), next: neighbour(Some(k + 1)) })
        .collect()
}

/// A mark that ends a quotation: after a word or its punctuation, before a
/// space or the end of the paragraph.
fn closes_a_quote(m: &Mark) -> bool {
    m.prev.is_some_and(|c| !c.is_whitespace()) && m.next.is_none_or(|c| c.is_whitespace())
}

/// Pairs quotation marks in each paragraph.
fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<RawQuote> {
    let mut out: Vec<RawQuote> = Vec::new();
    let mut prev_open_end = false;
    for (pi, p) in paragraphs.iter().enumerate() {
        let marks = marks(p.of(text));
        let mut i = 0;
        let mut first = true;
        while i < marks.len() {
            let Mark { pos, c, len, prev, .. } = marks[i];
            let closer = match c {
                '\u{201c}' => Some('\u{201d}'),
                '"' if is_opening_context(prev) => Some('"'),
                '\u{2018}' if is_opening_context(prev) => Some('\u{2019}'),
                '\'' if prev.is_some_and(char::is_whitespace) => Some('\''),
                _ => None,
            };
            let Some(closer) = closer else {
                i += 1;
                continue;
            };
            let single = matches!(c, '\u{2018}' | '\'');
            let closes_with = |closer: char| {
                (i + 1..marks.len()).find(|&j| {
                    let m = marks[j];
                    m.c == closer && (!single || m.next.is_none_or(|n| !n.is_alphanumeric())) && (m.c != '"' || m.prev != Some(' ') || m.next.is_none())
                })
            };
            // Pages mix curly and straight marks ("“Our roads are crumbling," she
            // said"): with no mark of its own kind to close it, a double quote
            // closes with the other kind (a straight pair inside a curly quote
            // stays a quotation within it).
            let other = match closer {
                '\u{201d}' => Some('"'),
                '"' => Some('\u{201d}'),
                _ => None,
            };
            let close_at = match (closes_with(closer), other.and_then(closes_with)) {
                // "“Our roads are crumbling," she said. "Families endure blackouts.”":
                // the other kind closes first when it stands where quotes end
                // (after the words, before a space), not where they open.
                // A pair of the other kind inside ("“He said "no" to me”") is a quotation within.
                (Some(own), Some(mixed)) if mixed < own && closes_a_quote(&marks[mixed]) && !marks[i + 1..mixed].iter().any(|m| Some(m.c) == other) => Some(mixed),
                (own, mixed) => own.or(mixed),
            };
            let continues = first && pos == 0 && prev_open_end;
            first = false;
            match close_at {
                Some(j) => {
                    let close = marks[j].pos;
                    out.push(RawQuote {
                        inner: Span::new(p.start + pos + len, p.start + close),
                        open: p.start + pos,
                        close: p.start + close + marks[j].len,
                        paragraph: pi,
                        open_end: false,
                        continues,
                    });
                    i = j + 1;
                }
                None if !single => {
                    out.push(RawQuote {
                        inner: Span::new(p.start + pos + len, p.end),
                        open: p.start + pos,
                        close: p.end,
                        paragraph: pi,
                        open_end: true,
                        continues,
                    });
                    i = marks.len();
                }
                None => i += 1,
            }
        }
        prev_open_end = out.last().is_some_and(|q| q.paragraph == pi && q.open_end);
    }
    out
}

/// "a poster titled "Lost voices"", "designated a "Major Illicit Drug Producing Country"".
fn looks_like_title(text: &str, paragraph: crate::model::Span, q: &RawQuote) -> bool {
    let before: Vec<&str> = text[paragraph.start..q.open].split_whitespace().rev().take(2).collect();
    let cue = before.iter().any(|w| TITLE_CUES.contains(&w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase().as_str()));
    let inner = q.inner.of(text);
    let words: Vec<&str> = inner.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.len() > 3).collect();
    let title_case = words.len() <= 8
        && long.len() >= 2
        && long.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && !inner.trim_end().ends_with(['!', '?']);
    cue || title_case
}

/// Index of the sentence containing byte `at`, else of the last one before it.
/// Sentences are disjoint and in text order, so both are the last sentence
/// starting at or before `at`.
fn sentence_at(analysis: &Analysis, at: usize) -> Option<usize> {
    analysis.sentences.partition_point(|s| s.span.start <= at).checked_sub(1)
}

fn attribute(analysis: &Analysis, q: &RawQuote, lexicon: &Lexicon, facts: &mut Facts, last: Option<(usize, usize)>) -> Option<usize> {
    let end_s = sentence_at(analysis, q.close.saturating_sub(1))?;
    let start_s = sentence_at(analysis, q.open)?;
    if let Some(sp) = after_quote(analysis, end_s, q.close, lexicon, facts) {
        return Some(sp);
    }
    if let Some(sp) = before_quote(analysis, start_s, q.open, lexicon, facts) {
        return Some(sp);
    }
    if let Some(sp) = colon_intro(analysis, start_s, q.open, facts) {
        return Some(sp);
    }
    let same_paragraph = |i: usize| analysis.sentences.get(i).is_some_and(|s| s.paragraph == q.paragraph);
    if same_paragraph(end_s + 1) && !starts_with_quote(analysis, end_s + 1) {
        let next = &analysis.sentences[end_s + 1];
        if let Some(sp) = after_quote(analysis, end_s + 1, next.span.start, lexicon, facts) {
            return Some(sp);
        }
    }
    // A later quote in a paragraph whose earlier quote was attributed: same speaker.
    if let Some((p, sp)) = last {
        if p == q.paragraph {
            return Some(sp);
        }
    }
    if start_s > 0 && same_paragraph(start_s - 1) {
        let prev = &analysis.sentences[start_s - 1];
        if let Some(sp) = before_quote(analysis, start_s - 1, prev.span.end, lexicon, facts) {
            return Some(sp);
        }
    }
    // A paragraph that is only a quote carries on the previous speaker.
    let paragraph_is_quote = analysis.paragraphs[q.paragraph].start == q.open;
    match last {
        Some((p, sp)) if paragraph_is_quote && p + 1 >= q.paragraph => Some(sp),
        _ => sentence_subject(analysis, start_s, q.open, facts),
    }
}

/// "The Commerce Department sanctioned the institute for being "complicit in ..."":
/// with no attribution anywhere, the quoted words are those of the sentence's
/// subject — a person or an organization that opens it, before the quote.
fn sentence_subject(analysis: &Analysis, si: usize, open: usize, facts: &mut Facts) -> Option<usize> {
    let s = &analysis.sentences[si];
    let first = s.mentions.iter().find(|m| m.span.end <= open && !inside_quote(analysis, m.span.start))?;
    let opens_sentence = first.tokens.0 <= 2;
    let speaks = matches!(first.kind, EntityType::Person | EntityType::Organization) && first.cue == Cue::Name;
    (opens_sentence && speaks).then(|| relation_entity(first, facts))
}

fn starts_with_quote(analysis: &Analysis, s: usize) -> bool {
    analysis.sentences[s].span.of(analysis.text).starts_with(['"', '\u{201c}', '\u{2018}'])
}

/// Tokens of sentence `si` from byte `from` to the next opening quotation mark.
fn tokens_after<'a>(analysis: &Analysis<'a>, si: usize, from: usize) -> Vec<(usize, Token<'a>)> {
    let s = &analysis.sentences[si];
    let stop = analysis.text[from..s.span.end].find(['\u{201c}', '"']).map_or(s.span.end, |p| from + p);
    s.tokens.iter().copied().enumerate().filter(|(_, t)| t.start >= from && t.end <= stop).collect()
}

/// Words that open a new clause, not an attribution, right after a quote.
const CLAUSE_OPENERS: &[&str] = &["and", "but", "or", "while", "which", "that", "as", "because", "so", "if", "when", "although", "though"];

/// `," X said`, `," said X`, `," he added`, `," according to X`.
fn after_quote(analysis: &Analysis, si: usize, from: usize, lexicon: &Lexicon, facts: &mut Facts) -> Option<usize> {
    let toks = tokens_after(analysis, si, from);
    let first = toks.first()?;
    if CLAUSE_OPENERS.contains(&first.1.lower().as_ref()) {
        return None;
    }
    let window: Vec<_> = toks.iter().take(12).collect();
    let according = window.windows(2).position(|w| w[0].1.text.eq_ignore_ascii_case("according") && w[1].1.text.eq_ignore_ascii_case("to"));
    let verb = window.iter().position(|(_, t)| !t.is_capitalised() && lexicon.speech_verb(t.text).is_some());
    // `," Obama said ..., according to a pool report`: the speaker is the one
    // who said it; "according to" names the source only when it comes first.
    if let Some(pos) = according.filter(|&a| verb.is_none_or(|v| a < v)) {
        let at = window[pos + 1].0 + 1;
        return speaker_from(analysis, si, at, at + 8, facts);
    }
    let verb_pos = verb?;
    let verb_idx = window[verb_pos].0;
    if verb_pos == 0 {
        // "said X", "said the ministry".
        return speaker_from(analysis, si, verb_idx + 1, verb_idx + 9, facts);
    }
    speaker_before_verb(analysis, si, first.0, verb_idx, facts)
}

/// The speaker in tokens `[from, verb)`: a person first (an apposition may follow
/// it), then a pronoun or noun right before the verb, then an organization or country.
pub(super) fn speaker_before_verb(analysis: &Analysis, si: usize, from: usize, verb: usize, facts: &mut Facts) -> Option<usize> {
    let s = &analysis.sentences[si];
    if let Some(p) = subject_person(analysis, si, from, verb) {
        return Some(relation_entity(p, facts));
    }
    let before = verb.checked_sub(1).filter(|&b| b >= from);
    if let Some(b) = before {
        let word = s.tokens[b].lower();
        if matches!(word.as_ref(), "he" | "she") {
            return salient_person(analysis, s.tokens[b].start, facts);
        }
        if word == "it" {
            return nominal(analysis, s.tokens[b].start, "organization", facts);
        }
        if b > from && s.tokens[b - 1].lower() == "the" {
            if let Some(sp) = nominal(analysis, s.tokens[b].start, &word, facts) {
                return Some(sp);
            }
        }
        // "committee leaders said", "ministry officials told": the organization they speak for.
        let org_noun = b > from && ORG_NOUNS.iter().any(|(n, _)| *n == s.tokens[b - 1].lower());
        if org_noun && SPOKESPEOPLE.contains(&word.as_ref()) {
            if let Some(sp) = nominal(analysis, s.tokens[b].start, &s.tokens[b - 1].lower(), facts) {
                return Some(sp);
            }
        }
    }
    speaker_from(analysis, si, from, verb, facts)
}

/// Prepositions whose object is not the subject of a following verb, and
/// complementisers whose clause's subject is not ("X added that Y ... and claimed")
/// ("In a swipe against Donald Trump, Clinton said", "an aide to Sen. Jones, said").
const OBJECT_MARKERS: &[&str] = &["to", "of", "for", "with", "by", "from", "about", "against", "at", "on", "under", "than", "into", "since", "after", "before", "over", "toward", "towards", "that", "whether"];

/// The subject of a verb among the people in tokens `[from, verb)`: the person
/// before a phrase set off by commas that ends at the verb, else the nearest
/// person that is neither a possessive ("Clinton's campaign") nor the object of a
/// preposition; the first person when every one is.
fn subject_person<'a>(analysis: &'a Analysis, si: usize, from: usize, verb: usize) -> Option<&'a Mention> {
    let s = &analysis.sentences[si];
    let main_clause = s.tokens.get(verb).map_or(s.span.start, |v| after_fronted_clause(analysis, si, v.start));
    let people: Vec<&Mention> = s
        .mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && m.tokens.0 >= from && m.tokens.1 <= verb && m.span.start >= main_clause && !inside_quote(analysis, m.span.start))
        .collect();
    let is_subject = |m: &&Mention| {
        let possessive = analysis.text[m.span.end..].starts_with(['\'', '\u{2019}']);
        // Skip titles and honorifics written before the name ("to Sen. Jones").
        let mut k = m.tokens.0;
        while k > 0 && (s.tokens[k - 1].is_capitalised() || s.tokens[k - 1].text.ends_with('.')) && !s.mentions.iter().any(|o| o.tokens.1 == k) {
            k -= 1;
        }
        let object = k > 0 && OBJECT_MARKERS.contains(&s.tokens[k - 1].lower().as_ref());
        !possessive && !object
    };
    // "X, wearing a shirt covered in Y buttons, said": the subject stands
    // before the phrase set off by commas, whoever that phrase names.
    let set_off = s.tokens.get(verb).is_some_and(|v| analysis.text[..v.start].trim_end().ends_with(','));
    let before_commas = people.iter().find(|m| set_off && is_subject(m) && analysis.text[m.span.end..].starts_with(','));
    before_commas.or_else(|| people.iter().rev().find(|m| is_subject(m))).or(people.first()).copied()
}

/// `X said: "`, `X told CNN that "`, `..., saying X should "`: speech verbs before
/// the quote, nearest first.
fn before_quote(analysis: &Analysis, si: usize, until: usize, lexicon: &Lexicon, facts: &mut Facts) -> Option<usize> {
    let s = &analysis.sentences[si];
    let verbs: Vec<(usize, &Token)> = s
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.end <= until && !t.is_capitalised() && lexicon.speech_verb(t.text).is_some() && !inside_quote(analysis, t.start))
        .collect();
    for &(verb_idx, verb) in verbs.iter().rev() {
        let found = if verb.text.ends_with("ing") {
            // A participle's speaker is the subject of the clause it hangs on.
            speaker_from(analysis, si, 0, verb_idx, facts)
        } else {
            speaker_before_verb(analysis, si, 0, verb_idx, facts)
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// "X put it plainly at a briefing: "...": a colon before the quote introduces the
/// words of the sentence's subject, whatever the verb.
fn colon_intro(analysis: &Analysis, si: usize, open: usize, facts: &mut Facts) -> Option<usize> {
    let s = &analysis.sentences[si];
    if !analysis.text[s.span.start..open].trim_end().ends_with(':') {
        return None;
    }
    let subject = s.mentions.iter().find(|m| m.span.end <= open && !inside_quote(analysis, m.span.start))?;
    let speaks = subject.kind == EntityType::Person
        || matches!(subject.kind, EntityType::Organization | EntityType::Country) && subject.cue != Cue::Demonym
        || matches!(subject.cue, Cue::Capital(_));
    speaks.then(|| relation_entity(subject, facts))
}

/// The speaker among tokens `[from, to)` of a sentence: the first person, else
/// the first organization, country or capital, else a pronoun or a noun such
/// as "the ministry" resolved backwards.
pub(super) fn speaker_from(analysis: &Analysis, si: usize, from: usize, to: usize, facts: &mut Facts) -> Option<usize> {
    let s = &analysis.sentences[si];
    let inside = |m: &&Mention| m.tokens.0 >= from && m.tokens.0 < to && !inside_quote(analysis, m.span.start);
    let speakers: Vec<&Mention> = s.mentions.iter().filter(inside).collect();
    if let Some(p) = speakers.iter().find(|m| m.kind == EntityType::Person) {
        return Some(relation_entity(p, facts));
    }
    if let Some(o) = speakers.iter().find(|m| {
        matches!(m.kind, EntityType::Organization | EntityType::Country) && m.cue != Cue::Demonym || matches!(m.cue, Cue::Capital(_))
    }) {
        return Some(relation_entity(o, facts));
    }
    let to = to.min(s.tokens.len());
    for k in from..to {
        if inside_quote(analysis, s.tokens[k].start) {
            continue;
        }
        let word = s.tokens[k].lower();
        if matches!(word.as_ref(), "he" | "she") {
            return salient_person(analysis, s.tokens[k].start, facts);
        }
        if word == "it" && k + 1 == to {
            // "it said": the organization spoken of.
            return nominal(analysis, s.tokens[k].start, "organization", facts);
        }
        if word == "the" {
            if let Some(noun) = s.tokens.get(k + 1) {
                if let Some(sp) = nominal(analysis, s.tokens[k].start, &noun.lower(), facts) {
                    return Some(sp);
                }
            }
        }
    }
    None
}

/// Inside a quotation? (mentions inside quotes are not speakers).
pub(super) fn inside_quote(analysis: &Analysis, at: usize) -> bool {
    // Paragraphs are disjoint and in text order: the one holding `at` is the last starting at or before it.
    let holding = analysis.paragraphs.partition_point(|p| p.start <= at).checked_sub(1).map(|i| analysis.paragraphs[i]);
    let Some(p) = holding.filter(|p| at < p.end) else { return false };
    let before = &analysis.text[p.start..at];
    let opens = before.matches(['\u{201c}']).count();
    let closes = before.matches(['\u{201d}']).count();
    let straight = before.matches('"').count();
    opens > closes || straight % 2 == 1
}

/// The latest person mentioned before `at`, outside quotations.
/// Sentences looked back through for the person a pronoun stands for.
const PRONOUN_REACH: usize = 6;

/// The person "he" or "she" at byte `at` stands for: the subject of the
/// nearest sentence that names a person, read backwards from the pronoun, as
/// a reader takes it. A sentence's subject is its first person outside
/// quotation marks; a sentence whose subject is itself "he" or "she" carries
/// the same person on, so the search goes further back ("Walsh had ties to
/// Biden. But he endorsed Clinton. "...," he said": Walsh, not Clinton).
/// Words that open a clause put before a sentence's subject.
const SUBORDINATORS: &[&str] = &["if", "when", "while", "although", "though", "after", "before", "because", "since", "unless", "once", "as"];

/// Where the main clause of sentence `si` begins, when the sentence opens
/// with a subordinate clause closed by a comma before `at`; its start otherwise.
fn after_fronted_clause(analysis: &Analysis, si: usize, at: usize) -> usize {
    let s = &analysis.sentences[si];
    let fronted = s.tokens.first().is_some_and(|t| SUBORDINATORS.contains(&t.lower().as_ref()));
    let comma = analysis.text[s.span.start..at].find(',').map(|c| s.span.start + c);
    match (fronted, comma) {
        (true, Some(c)) => c,
        _ => s.span.start,
    }
}

fn salient_person(analysis: &Analysis, at: usize, facts: &mut Facts) -> Option<usize> {
    let here = sentence_at(analysis, at)?;
    for si in (here.saturating_sub(PRONOUN_REACH)..=here).rev() {
        let s = &analysis.sentences[si];
        let limit = if si == here { at } else { s.span.end };
        // "If Trump loses, he said he would…": a clause put before the subject
        // names someone else than the one the pronoun stands for.
        let from = if si == here { after_fronted_clause(analysis, si, at) } else { s.span.start };
        let first_person = s.mentions.iter().find(|m| m.kind == EntityType::Person && m.span.start >= from && m.span.end <= limit && !inside_quote(analysis, m.span.start));
        let first_pronoun = s
            .tokens
            .iter()
            .find(|t| t.end <= limit && t.start != at && matches!(t.lower().as_ref(), "he" | "she") && !inside_quote(analysis, t.start));
        match (first_person, first_pronoun) {
            (Some(p), Some(t)) if t.start < p.span.start => continue,
            (Some(p), _) => return Some(relation_entity(p, facts)),
            _ => continue,
        }
    }
    latest_person(analysis, at, facts)
}

fn latest_person(analysis: &Analysis, at: usize, facts: &mut Facts) -> Option<usize> {
    let m = analysis
        .sentences
        .iter()
        .flat_map(|s| s.mentions.iter()).rfind(|m| m.kind == EntityType::Person && m.span.end <= at && !inside_quote(analysis, m.span.start))?;
    Some(relation_entity(m, facts))
}

/// Nouns that refer back to an organization, with the word its name holds.
const ORG_NOUNS: &[(&str, &str)] = &[
    ("ministry", "ministry"), ("agency", ""), ("department", "department"), ("embassy", "embassy"),
    ("committee", "committee"), ("commission", "commission"), ("company", ""), ("firm", ""),
    ("office", "office"), ("council", "council"), ("bureau", "bureau"), ("organization", ""),
    ("group", ""), ("administration", "administration"), ("government", ""), ("court", "court"),
    // What an organization publishes speaks for it ("the report said").
    ("report", ""), ("study", ""), ("survey", ""), ("statement", ""), ("editorial", ""), ("newspaper", ""), ("paper", ""),
];

/// People who speak for an organization named just before them ("ministry officials").
const SPOKESPEOPLE: &[&str] = &["leaders", "officials", "spokesman", "spokeswoman", "spokesperson", "aides", "staff", "staffers", "sources", "lawyers"];

/// Nouns that refer back to a person.
const PERSON_NOUNS: &[&str] = &[
    "senator", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "official",
    "president", "ambassador", "lawmaker", "congressman", "congresswoman", "governor", "mayor",
    "director", "chairman", "chairwoman", "envoy", "diplomat", "analyst", "researcher", "expert",
    "leader", "prosecutor", "judge", "commissioner", "chief", "economist", "professor", "representative",
];

/// "the ministry", "the senator": the latest fitting referent before `at`.
fn nominal(analysis: &Analysis, at: usize, noun: &str, facts: &mut Facts) -> Option<usize> {
    if PERSON_NOUNS.contains(&noun) {
        return latest_person(analysis, at, facts);
    }
    let (_, holds) = ORG_NOUNS.iter().find(|(n, _)| *n == noun)?;
    let m = analysis
        .sentences
        .iter()
        .flat_map(|s| s.mentions.iter())
        .filter(|m| m.span.end <= at && m.cue == Cue::Name)
        .rfind(|m| {
            if noun == "government" {
                m.kind == EntityType::Country
            } else {
                m.kind == EntityType::Organization && (holds.is_empty() || m.label.to_lowercase().contains(holds))
            }
        })?;
    Some(relation_entity(m, facts))
}

/// The speech verb next to a quote, for the record.
fn speech_verb_near(analysis: &Analysis, q: &RawQuote, lexicon: &Lexicon) -> Option<String> {
    let si = sentence_at(analysis, q.close.saturating_sub(1))?;
    let s = &analysis.sentences[si];
    s.tokens
        .iter()
        .filter(|t| t.start >= q.close || t.end <= q.open)
        .find(|t| !t.is_capitalised() && lexicon.speech_verb(t.text).is_some())
        .map(|t| t.lower().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_found_by_search_are_those_read_character_by_character() {
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let mut lines: Vec<String> = [
            "\u{201c}We will act,\u{201d} she said. \u{2018}Now\u{2019} isn't 'soon' \"or\" \" later\"",
            "'tis \u{201c}open and \u{2018}nested \u{2019}s\u{2019} \"",
            "\"",
            "a\u{2026} \u{2014}\"dash\" (\"paren\") [\u{2018}x\u{2019}]",
        ]
        .iter()
        .map(|l| l.to_string())
        .collect();
        for dir in ["corpus", "tests/devset/tune/articles", "tests/devset/heldout/articles"] {
            for entry in std::fs::read_dir(root.join(dir)).expect("test texts are there").flatten() {
                lines.extend(std::fs::read_to_string(entry.path()).unwrap_or_default().lines().map(str::to_string));
            }
        }
        let mut compared = 0;
        for line in lines.iter().filter(|l| !l.contains("''")) {
            assert_eq!(marks(line), marks_with_double_apostrophes(line), "{line}");
            compared += usize::from(!marks(line).is_empty());
        }
        assert!(compared > 50, "paragraphs with quotation marks were compared");
    }
}

