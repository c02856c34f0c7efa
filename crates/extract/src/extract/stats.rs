//! Statistics: numbers about the world, with the agency or person they come from.
//!
//! A number is digits (with separators, a currency sign, a scale word such as
//! "million" or "bn", a percent sign or word) or a number word followed by
//! what it counts ("eight individuals"). Not statistics: years, dates, ages,
//! clock times, durations, ordinals, "No. 1", "number one", section numbers.
//! The source is, in order: the speaker of the quote or reported statement
//! the number is in; the name before the poll or report it comes from ("an
//! ABC News/Washington Post poll"); "according to X", "data from X" or "a
//! report by X" in the sentence; the subject of a reporting verb whose clause
//! holds the number ("the CDC reported that ..."); an organization that is the
//! sentence's subject; "the report" or "the embassy" pointing back to the
//! source or institution named before; the source of a statistic in the
//! sentence just before.

use super::mentions::{Cue, Mention};
use super::quotes::FoundQuote;
use super::{relation_entity, AnalysedSentence, Analysis};
use crate::lexicon::{lowercase, Lexicon};
use crate::model::{EntityType, Evidence, Facts, Statistic};
use std::borrow::Cow;

const QUALIFIERS: &[&str] = &["more", "than", "over", "almost", "nearly", "roughly", "about", "around", "some", "at", "least", "up", "to", "fewer", "less", "approximately", "estimated", "an", "just", "under", "below", "above", "only", "record"];
const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"];
const DURATIONS: &[&str] = &["year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes", "second", "seconds", "decade", "decades", "century", "centuries", "a.m.", "p.m.", "am", "pm", "o'clock", "times"];
const AGE_CUES: &[&str] = &["aged", "age", "ages", "ager"];
const REPORTING: &[&str] = &["report", "reported", "reports", "estimate", "estimated", "estimates", "found", "finds", "show", "shows", "showed", "recorded", "records", "counted", "tallied", "published", "announced", "said", "says", "told", "stated", "noted", "added", "wrote", "according"];
/// What publishes figures: "an ABC News poll", "a report by the agency", "the survey".
const DOCUMENTS: &[&str] = &["report", "reports", "survey", "surveys", "poll", "polls", "study", "analysis", "data", "figures", "statistics", "estimate", "estimates", "forecast", "forecasts", "census", "tally", "review", "audit"];
/// Words that point back to something named before: "the survey", "its report".
const POINTING_BACK: &[&str] = &["the", "this", "that", "its", "their", "these"];
const ADJECTIVES_AFTER_THE: &[&str] = &["main", "largest", "biggest", "top", "leading", "major", "primary"];

/// Adds the statistics of every sentence.
pub fn extract(analysis: &Analysis, lexicon: &Lexicon, quotes: &[FoundQuote], facts: &mut Facts) {
    let mut previous_source: Option<(usize, usize)> = None; // (sentence, entity)
    let mut latest_source: Option<usize> = None; // anywhere before, for "the report"
    for (si, s) in analysis.sentences.iter().enumerate() {
        if s.headline {
            continue;
        }
        // "X said in a report ... . The report forecasts ...": a speaker is a source "the report" points back to.
        if let Some(speaker) = si.checked_sub(1).and_then(|p| last_speaker_in(facts, analysis.sentences[p].span)) {
            latest_source = Some(speaker);
        }
        // The sentence's words in lower case, made once for all its numbers.
        let mut lower: Option<Vec<Cow<str>>> = None;
        let mut k = 0;
        while k < s.tokens.len() {
            let Some((value, end)) = number_at(s, k, lexicon) else {
                k += 1;
                continue;
            };
            if is_excluded(s, k, end, lexicon) {
                k = end;
                continue;
            }
            let start = qualifier_start(s, k);
            let label = label(analysis.text, s, start, end);
            let at = s.tokens[k].start;
            let lower = lower.get_or_insert_with(|| lowered(s));
            let source = quote_speaker(quotes, at)
                .or_else(|| statement_speaker(facts, at))
                .or_else(|| sentence_source(analysis, s, k, lower, facts))
                .or_else(|| anaphoric_source(analysis, lexicon, s, k, lower, latest_source, facts))
                .or_else(|| previous_source.filter(|(p, _)| p + 1 == si).map(|(_, e)| e));
            if let Some(src) = source {
                previous_source = Some((si, src));
                latest_source = Some(src);
            }
            facts.statistics.push(Statistic { value, label, source, evidence: Evidence { span: s.span } });
            k = end;
        }
        if previous_source.is_some_and(|(p, _)| p + 1 < si) {
            previous_source = None;
        }
    }
}

/// The words of a sentence in lower case.
fn lowered<'a>(s: &AnalysedSentence<'a>) -> Vec<Cow<'a, str>> {
    s.tokens.iter().map(|t| t.lower()).collect()
}

/// The number starting at token `k`: (value, one past its last token).
fn number_at(s: &AnalysedSentence, k: usize, lexicon: &Lexicon) -> Option<(f64, usize)> {
    let t = &s.tokens[k];
    let raw = t.text;
    // Most words start with a lower-case letter: no digits and no currency
    // sign after capitals, so only a number word makes them a number.
    if raw.starts_with(|c: char| c.is_ascii_lowercase()) {
        let value = spelled_number(raw, lexicon)?;
        return Some(scale_and_percent(s, k + 1, value, false, lexicon));
    }
    // A currency sign, maybe after a country code: "$", "C$", "US$", "€".
    let digits = match currency_sign(raw) {
        Some(p) if raw[..p].chars().all(|c| c.is_ascii_uppercase()) && p <= 3 => &raw[p + raw[p..].chars().next().map_or(1, char::len_utf8)..],
        _ => raw,
    };
    // A scale glued to the digits: "5.5m", "$1.2bn", "40k".
    let split = first_letter(digits).unwrap_or(digits.len());
    let (digits, glued) = digits.split_at(split);
    // Most words hold no digit: the scale and the parse are only looked at for those that do.
    let written_in_digits = digits.starts_with(|c: char| c.is_ascii_digit()) && !digits.contains(['-', '/', ':']);
    let glued_scale = || if glued.is_empty() { Some(1.0) } else { lexicon.number_word(glued).filter(|v| *v >= 1000.0) };
    let in_digits = written_in_digits.then(|| Some(digits.replace(',', "").parse::<f64>().ok()? * glued_scale()?)).flatten();
    let (value, numeric) = match in_digits {
        Some(v) => (v, true),
        None => (spelled_number(raw, lexicon)?, false),
    };
    Some(scale_and_percent(s, k + 1, value, numeric, lexicon))
}

/// The value of a number word that can count something ("eight", not "one"
/// or "million" alone).
fn spelled_number(raw: &str, lexicon: &Lexicon) -> Option<f64> {
    let v = lexicon.number_word(raw)?;
    if matches!(raw.to_lowercase().as_str(), "one" | "hundred" | "thousand" | "million" | "billion" | "trillion" | "half" | "quarter" | "third") {
        return None;
    }
    Some(v)
}

/// A scale word or percent after a number ("1.7 million", "40 percent",
/// "5 per cent") that ends at token `end`: (value, one past its last token).
fn scale_and_percent(s: &AnalysedSentence, mut end: usize, mut value: f64, numeric: bool, lexicon: &Lexicon) -> (f64, usize) {
    if let Some(next) = s.tokens.get(end) {
        let lower = next.lower();
        if let Some(scale) = lexicon.number_word(&lower).filter(|v| *v >= 1000.0) {
            if numeric || value < 1000.0 {
                value *= scale;
                end += 1;
            }
        } else if lower == "percent" || (lower == "per" && s.tokens.get(end + 1).is_some_and(|t| t.text == "cent")) {
            end += if lower == "per" { 2 } else { 1 };
        }
    }
    (value, end)
}

/// Where the first '$', '€' or '£' of a word is (ASCII words, nearly all,
/// are searched for '$' alone, without decoding).
fn currency_sign(word: &str) -> Option<usize> {
    if word.is_ascii() {
        word.find('$')
    } else {
        word.find(['$', '€', '£'])
    }
}

/// Where the first letter of a word is.
fn first_letter(word: &str) -> Option<usize> {
    if word.is_ascii() {
        word.bytes().position(|b| b.is_ascii_alphabetic())
    } else {
        word.find(|c: char| c.is_alphabetic())
    }
}

fn is_excluded(s: &AnalysedSentence, k: usize, end: usize, lexicon: &Lexicon) -> bool {
    let t = &s.tokens[k];
    let lower_prev = |n: usize| k.checked_sub(n).map(|i| s.tokens[i].lower()).unwrap_or_default();
    let next = s.tokens.get(end).map(|t| t.lower()).unwrap_or_default();
    let digits: String = t.text.chars().filter(char::is_ascii_digit).collect();
    let plain_digits = t.text.chars().all(|c| c.is_ascii_digit());
    let is_year = plain_digits && digits.len() == 4 && (1800..=2100).contains(&digits.parse::<u32>().unwrap_or(0)) && end == k + 1;
    let near_month = MONTHS.contains(&lower_prev(1).trim_end_matches('.')) || MONTHS.contains(&next.trim_end_matches('.'));
    let age = (1..=4).any(|n| AGE_CUES.contains(&lower_prev(n).as_ref())) || next.contains("year-old") || next == "-year-old";
    let duration = DURATIONS.iter().any(|d| d.trim_end_matches('.') == next.trim_end_matches('.')) && !t.text.contains(['%', '$']);
    let ordinal_use = matches!(lower_prev(1).as_ref(), "no." | "number" | "section" | "article" | "chapter" | "title" | "schedule" | "phase" | "level" | "tier" | "covid" | "part");
    let glued_label = k > 1 && s.tokens[k - 1].is_capitalised() && s.tokens[k].start == s.tokens[k - 1].end + 1 && !QUALIFIERS.contains(&lower_prev(1).as_ref()) && lexicon.number_word(t.text).is_none();
    let spelled = lexicon.number_word(t.text).is_some();
    let anaphoric = spelled && matches!(lower_prev(1).as_ref(), "the" | "these" | "those" | "both" | "all") && !ADJECTIVES_AFTER_THE.contains(&next.as_ref());
    let spelled_without_noun = spelled && !s.tokens.get(end).is_some_and(|n| n.text.chars().all(char::is_alphabetic));
    is_year || near_month || age || duration || ordinal_use || glued_label || anaphoric || spelled_without_noun
}

fn qualifier_start(s: &AnalysedSentence, k: usize) -> usize {
    let mut start = k;
    while start > 0 && k - start < 3 && QUALIFIERS.contains(&s.tokens[start - 1].lower().as_ref()) {
        start -= 1;
    }
    start
}

/// A capitalised word or two at token `i` that no mention covers: an unknown organization.
fn unknown_name_at<'a>(s: &AnalysedSentence<'a>, i: usize) -> Option<&'a str> {
    let t = s.tokens.get(i)?;
    let covered = s.mentions.iter().any(|m| m.tokens.0 <= i && i < m.tokens.1);
    (t.is_capitalised() && !covered && t.text.chars().count() > 2).then_some(t.text)
}

/// "The agency estimated that ...": "the agency" before a reporting verb is the
/// latest organization the article named.
fn nominal_subject(analysis: &Analysis, s: &AnalysedSentence, v: usize, facts: &mut Facts) -> Option<usize> {
    let noun = s.tokens.get(v.checked_sub(1)?)?.lower();
    let det = s.tokens.get(v.checked_sub(2)?)?.lower();
    if det != "the" || !matches!(noun.as_ref(), "agency" | "ministry" | "department" | "office" | "bureau" | "commission" | "board" | "council" | "organization" | "company" | "survey") {
        return None;
    }
    latest_organization(analysis, s.tokens[v].start, "", facts)
}

/// The latest organization named before `at` whose name holds `holding`
/// (lower case; empty for any).
fn latest_organization(analysis: &Analysis, at: usize, holding: &str, facts: &mut Facts) -> Option<usize> {
    let m = analysis
        .sentences
        .iter()
        .flat_map(|x| x.mentions.iter())
        .rfind(|m| m.span.end <= at && m.kind == EntityType::Organization && m.cue == Cue::Name && (holding.is_empty() || lowercase(&m.label).contains(holding)))?;
    Some(relation_entity(m, facts))
}

/// The phrase that states the number: from its qualifier to the end of the clause.
fn label(text: &str, s: &AnalysedSentence, start: usize, end: usize) -> String {
    let mut stop = end;
    while stop < s.tokens.len() && stop < end + 10 {
        let gap = super::gap(text, &s.tokens[stop - 1], &s.tokens[stop]);
        if gap.contains([',', ';', '(', ')', '\u{2014}', '"', '\u{201c}', '\u{201d}']) {
            break;
        }
        stop += 1;
    }
    text[s.tokens[start].start..s.tokens[stop - 1].end].to_string()
}

fn quote_speaker(quotes: &[FoundQuote], at: usize) -> Option<usize> {
    quotes.iter().find(|q| q.inner.start <= at && at < q.inner.end).and_then(|q| q.speaker)
}

/// The speaker of the reported statement whose words hold the number: "the
/// embassy said exports would reach 35,000 tonnes".
fn statement_speaker(facts: &Facts, at: usize) -> Option<usize> {
    facts.statements.iter().find(|st| st.span.start <= at && at < st.span.end).map(|st| st.speaker)
}

/// A name followed by what it published, maybe after a second name: "ABC
/// News/Washington Post poll".
fn names_a_document(s: &AnalysedSentence, lower: &[Cow<str>], m: &Mention) -> bool {
    let mut next = m.tokens.1;
    if let Some(second) = s.mentions.iter().find(|n| n.tokens.0 == next && is_source(n)) {
        next = second.tokens.1;
    } else if s.tokens.get(next).is_some_and(|t| t.is_capitalised()) {
        next += 1; // a partner the lexicons do not know: "NBC News/Marist poll"
    }
    lower.get(next).is_some_and(|w| DOCUMENTS.contains(&w.as_ref()))
}

/// "The report forecasts ...", "estimated by the embassy at ...": a definite
/// mention of a document or an institution, with no name, is the source named
/// last; an institution ("the embassy") is the latest organization of that kind.
fn anaphoric_source(analysis: &Analysis, lexicon: &Lexicon, s: &AnalysedSentence, k: usize, lower: &[Cow<str>], latest: Option<usize>, facts: &mut Facts) -> Option<usize> {
    let noun = (1..lower.len()).find(|&i| {
        let pointing = POINTING_BACK.contains(&lower[i - 1].as_ref()) || (i >= 2 && POINTING_BACK.contains(&lower[i - 2].as_ref()));
        let w = lower[i].as_ref();
        pointing && !s.tokens[i].is_capitalised() && (DOCUMENTS.contains(&w) || is_institution(w, lexicon))
    })?;
    let word = &lower[noun];
    if DOCUMENTS.contains(&word.as_ref()) {
        return latest;
    }
    latest_organization(analysis, s.tokens[k].start, word, facts)
}

/// A common noun that heads organization names ("embassy", "ministry").
fn is_institution(word: &str, lexicon: &Lexicon) -> bool {
    let mut capitalised = String::with_capacity(word.len());
    let mut chars = word.chars();
    if let Some(c) = chars.next() {
        capitalised.extend(c.to_uppercase());
        capitalised.push_str(chars.as_str());
    }
    lexicon.is_org_head(&capitalised)
}

/// The speaker of the last statement that starts in `span`.
fn last_speaker_in(facts: &Facts, span: crate::model::Span) -> Option<usize> {
    facts.statements.iter().filter(|st| span.start <= st.span.start && st.span.start < span.end).max_by_key(|st| st.span.start).map(|st| st.speaker)
}

fn is_source(m: &Mention) -> bool {
    matches!(m.kind, EntityType::Organization | EntityType::Person) && m.cue == Cue::Name
}

/// "according to X", "data from X", "X reported that ...", or an organization subject.
fn sentence_source(analysis: &Analysis, s: &AnalysedSentence, k: usize, lower: &[Cow<str>], facts: &mut Facts) -> Option<usize> {
    for (i, w) in lower.iter().enumerate() {
        let cue = (w == "according" && lower.get(i + 1).is_some_and(|n| n == "to"))
            || (DOCUMENTS.contains(&w.as_ref()) && lower.get(i + 1).is_some_and(|n| matches!(n.as_ref(), "from" | "by" | "of")));
        if cue {
            if let Some(m) = s.mentions.iter().find(|m| m.tokens.0 > i && m.tokens.0 <= i + 7 && is_source(m)) {
                return Some(relation_entity(m, facts));
            }
            // "according to Abiove": a name the lexicons do not know is still a source.
            if let Some(name) = unknown_name_at(s, i + 2) {
                return Some(facts.entity(EntityType::Organization, name));
            }
        }
    }
    // "in an ABC News/Washington Post poll", "the CDC's survey": a name before what it published.
    if let Some(m) = s.mentions.iter().find(|m| is_source(m) && names_a_document(s, lower, m)) {
        return Some(relation_entity(m, facts));
    }
    // "The CDC reported that more than ...": a reporting verb before the number, its clause holding it.
    if let Some(v) = (0..k).rev().find(|&v| REPORTING.contains(&lower[v].as_ref())) {
        let clause_opens = lower[v + 1..k].iter().any(|w| matches!(w.as_ref(), "that" | "it" | "they" | "he" | "she" | "we")) || k - v <= 8;
        if clause_opens {
            if let Some(m) = s.mentions.iter().find(|m| m.tokens.1 <= v && is_source(m)) {
                return Some(relation_entity(m, facts));
            }
            if let Some(src) = nominal_subject(analysis, s, v, facts) {
                return Some(src);
            }
        }
    }
    // "... made up roughly 60% of the total, the CDC said.": an attribution after the number.
    if let Some(v) = (k + 1..s.tokens.len()).find(|&v| REPORTING.contains(&lower[v].as_ref()) && v + 3 >= s.tokens.len()) {
        if let Some(m) = s.mentions.iter().rfind(|m| m.tokens.0 > k && m.tokens.1 <= v && is_source(m)) {
            return Some(relation_entity(m, facts));
        }
    }
    // An organization as the subject of the sentence: "The Justice Department filed charges against four ...".
    let first = s.mentions.iter().find(|m| m.tokens.1 <= k)?;
    let opens_sentence = first.tokens.0 <= 2 && first.kind == EntityType::Organization && first.cue == Cue::Name;
    opens_sentence.then(|| relation_entity(first, facts))
}
