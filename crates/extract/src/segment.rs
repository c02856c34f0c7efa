//! Paragraphs and sentences, as byte spans into the clean text.
//!
//! A paragraph is a line, or in hard-wrapped text (wire copy and archives,
//! lines of 45 to 80 characters) a run of lines up to a blank, indented or
//! short line. A sentence ends at `.`, `!` or `?` (with any closing
//! quotation marks or brackets) followed by a capitalised word, a digit or an
//! opening quotation mark — unless the period belongs to an abbreviation from
//! `abbreviations.txt` ("Rep.", "U.S.", "Jan.") or an initial ("J."). A
//! paragraph that reads as a headline (title case, no final punctuation) is
//! marked so that extractors can treat it with care.

use crate::lexicon::Lexicon;
use crate::model::Span;

/// One sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is in the text.
    pub span: Span,
    /// Index of its paragraph in [`Segments::paragraphs`].
    pub paragraph: usize,
    /// It belongs to a headline-like paragraph.
    pub headline: bool,
}

/// The paragraphs and sentences of a text.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    /// Non-empty lines, trimmed.
    pub paragraphs: Vec<Span>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
}

const CLOSERS: &[char] = &['"', '\u{201d}', '\u{2019}', '\'', ')', ']'];
const OPENERS: &[char] = &['"', '\u{201c}', '\u{2018}', '\'', '(', '['];

/// Splits `text` into paragraphs and sentences.
pub fn segment(text: &str, lexicon: &Lexicon) -> Segments {
    let mut segments = Segments::default();
    for Span { start, end } in paragraph_spans(text) {
        let paragraph = segments.paragraphs.len();
        segments.paragraphs.push(Span::new(start, end));
        let headline = is_headline(&text[start..end]);
        for (s, e) in sentence_bounds(&text[start..end], lexicon) {
            segments.sentences.push(Sentence { span: Span::new(start + s, start + e), paragraph, headline });
        }
    }
    segments
}

/// Every line, trimmed, as a byte span (an empty line as an empty span).
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let start = offset + (line.len() - line.trim_start().len());
        let end = offset + line.trim_end().len();
        offset += line.len() + 1;
        out.push(Span::new(start, end.max(start)));
    }
    out
}

/// The paragraphs of a text: its lines, or, when the text is hard-wrapped as
/// wires and archives send it (most lines 45 to 80 characters, none much
/// longer), runs of lines that end at a blank line, an indented line or a
/// short line. Offsets stay those of the text; a paragraph holds the line
/// breaks it was wrapped at.
fn paragraph_spans(text: &str) -> Vec<Span> {
    let lines = lines(text);
    let filled: Vec<&Span> = lines.iter().filter(|l| l.end > l.start).collect();
    let width = |l: &Span| text[l.start..l.end].chars().count();
    let wrapped_lines = filled.iter().filter(|l| (45..=80).contains(&width(l))).count();
    let hard_wrapped = filled.len() >= 5 && wrapped_lines * 10 >= filled.len() * 6 && filled.iter().all(|l| width(l) <= 100);
    if !hard_wrapped {
        return filled.into_iter().copied().collect();
    }
    let indented = |l: &Span| {
        let line_start = text[..l.start].rfind('\n').map_or(0, |p| p + 1);
        l.start - line_start >= 2 || text[line_start..l.start].contains('\t')
    };
    let mut out: Vec<Span> = Vec::new();
    let mut open = false;
    for (i, l) in lines.iter().enumerate() {
        if l.end == l.start {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(p) if open && !indented(l) => p.end = l.end,
            _ => out.push(*l),
        }
        // A short line ends its paragraph (a headline, a dateline, a last line),
        // unless its sentence runs on into the next line: wire copy whose
        // dateline was cut leaves the first line short ("Indonesia's exports
        // of tea\nwill continue to rise").
        open = width(l) >= 45 || runs_on(&text[l.start..l.end], lines.get(i + 1).map(|n| &text[n.start..n.end]));
    }
    out
}

/// A line without final punctuation followed by a line that opens in lower case.
fn runs_on(line: &str, next: Option<&str>) -> bool {
    let unfinished = !line.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}']);
    unfinished && next.and_then(|n| n.chars().next()).is_some_and(char::is_lowercase)
}

/// Sentence boundaries inside one paragraph, as relative byte ranges.
fn sentence_bounds(par: &str, lexicon: &Lexicon) -> Vec<(usize, usize)> {
    let mut bounds = Vec::new();
    let mut start = 0;
    let mut at = 0;
    // Only the marks can end a sentence: jump from one to the next.
    while let Some(found) = next_mark(&par[at..]) {
        let pos = at + found;
        let mark = par[pos..].chars().next().unwrap_or('.');
        let after_mark = pos + mark.len_utf8();
        // Closing quotation marks and brackets stay with the sentence.
        let end = after_mark + par[after_mark..].find(|c: char| !CLOSERS.contains(&c)).unwrap_or(par.len() - after_mark);
        let followed_by_space = par[end..].starts_with(char::is_whitespace);
        if followed_by_space && ends_sentence(par, pos, mark, end, lexicon) {
            push_trimmed(&mut bounds, par, start, end);
            start = end;
        }
        at = end;
    }
    push_trimmed(&mut bounds, par, start, par.len());
    bounds
}

/// Where the next '.', '!', '?' or '…' is, found byte by byte (a search for
/// a set of characters decodes every character on the way).
fn next_mark(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    loop {
        // 0xE2 starts '…' (and other characters, which are passed over).
        let i = from + bytes[from..].iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))?;
        if bytes[i] != 0xE2 || s[i..].starts_with('\u{2026}') {
            return Some(i);
        }
        from = i + 1;
    }
}

fn push_trimmed(bounds: &mut Vec<(usize, usize)>, par: &str, start: usize, end: usize) {
    let piece = &par[start..end];
    let s = start + (piece.len() - piece.trim_start().len());
    let e = start + piece.trim_end().len();
    if s < e {
        bounds.push((s, e));
    }
}

/// Does the punctuation at `pos` end a sentence, given what follows `after`?
fn ends_sentence(par: &str, pos: usize, mark: char, after: usize, lexicon: &Lexicon) -> bool {
    let next = par[after..].trim_start();
    let Some(first) = next.chars().next() else { return false };
    let starts_sentence = first.is_uppercase() || first.is_ascii_digit() || OPENERS.contains(&first);
    if !starts_sentence {
        return false;
    }
    if mark != '.' {
        return true;
    }
    let word_start = par[..pos]
        .rfind(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .map_or(0, |p| p + par[p..].chars().next().map_or(1, char::len_utf8));
    let word = &par[word_start..pos + 1];
    // "J." and "P.J." are initials: "George H.W. Bush" goes on after them.
    let is_initial = word.len() >= 2 && word.split_terminator('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    if !(is_initial || lexicon.is_abbreviation(word)) {
        return true;
    }
    // "... into the U.S. Beijing hasn't" : an abbreviation can still end a sentence
    // when the next word is one that only starts sentences.
    let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    word.matches('.').count() > 1 && lexicon.is_not_name(&next_word)
}

/// Title case and no final punctuation: a headline, a section title or a caption label.
pub fn is_headline(par: &str) -> bool {
    let trimmed = par.trim_end();
    if trimmed.ends_with(['.', '!', '?', '"', '\u{201d}', ':', ';', ',']) {
        return false;
    }
    let words: Vec<&str> = trimmed.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    if words.is_empty() || words.len() > 25 {
        return false;
    }
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    let capitalised = long.iter().filter(|w| w.starts_with(|c: char| c.is_uppercase())).count();
    long.is_empty() || capitalised * 2 >= long.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let lex = Lexicon::embedded().expect("lexicons parse");
        segment(text, lex).sentences.iter().map(|s| s.span.of(text).to_string()).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let s = sentences("Rep. Jane Roe (D., Md.) spoke to Dr. Lee in Washington, D.C. on Jan. 5 about No. 2 Co. shares. Then she left.");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn an_abbreviation_can_end_a_sentence_before_a_sentence_opener() {
        let s = sentences("They smuggle it into the U.S. The agency said so.");
        assert_eq!(s, vec!["They smuggle it into the U.S.", "The agency said so."]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let s = sentences("\u{201c}We will act.\u{201d} She said it twice. \u{201c}Now.\u{201d}");
        assert_eq!(s, vec!["\u{201c}We will act.\u{201d}", "She said it twice.", "\u{201c}Now.\u{201d}"]);
    }

    #[test]
    fn lower_case_after_a_period_continues_the_sentence() {
        let s = sentences("\u{201c}It is over.\u{201d} he said. And so it was.");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn title_case_lines_are_headlines() {
        assert!(is_headline("Blinken to Seek Help Curbing Traffic in Landmark Visit"));
        assert!(!is_headline("The minister said the talks would resume on Monday."));
    }
}
