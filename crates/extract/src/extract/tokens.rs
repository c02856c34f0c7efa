//! Words of a sentence with their byte offsets: the unit every rule works on.

use crate::lexicon::{lowercase, Lexicon};
use std::borrow::Cow;
use std::sync::OnceLock;

/// One word (or abbreviation, or initial) of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written.
    pub text: &'a str,
    /// First byte in the article text.
    pub start: usize,
    /// One past the last byte in the article text.
    pub end: usize,
}

impl<'a> Token<'a> {
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        // Most words start with an ASCII byte, which is its own character.
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text.starts_with(|c: char| c.is_uppercase()),
        }
    }

    /// Lower-case form, for comparisons and look-ups (borrowed when the word
    /// is already lower-case ASCII, as most are).
    pub fn lower(&self) -> Cow<'a, str> {
        lowercase(self.text)
    }
}

/// What a word is: upper-case initials ("U.S."), or letters, digits and
/// currency signs with inner hyphens, apostrophes, periods, ampersands, commas
/// and slashes ("AT&T", "1,200", "co-op", "and/or"); a slash before a capital
/// parts two names ("CNN/ORC", "ABC News/Washington Post") and ends the word;
/// a possessive 's is left outside the
/// word. [`Words`] scans for exactly the matches of this pattern, without a
/// regex engine (tokenising was a tenth of extraction).
pub const WORD_PATTERN: &str = r"(?:\p{Lu}\.){2,}|[\p{L}\p{N}$€£]+(?:[\-'’.&,][\p{L}\p{N}]+|/[[\p{L}\p{N}]--\p{Lu}][\p{L}\p{N}]*)*";

/// The character classes of [`WORD_PATTERN`], from the Unicode tables the
/// regex crate uses, as sorted ranges.
struct Classes {
    /// `[\p{L}\p{N}$€£]`: what a word starts with and is made of.
    word: Vec<(char, char)>,
    /// `[\p{L}\p{N}]`: what follows an inner hyphen or apostrophe.
    alnum: Vec<(char, char)>,
    /// `\p{Lu}`: initials.
    upper: Vec<(char, char)>,
}

fn classes() -> &'static Classes {
    static CLASSES: OnceLock<Classes> = OnceLock::new();
    CLASSES.get_or_init(|| Classes { word: class(r"[\p{L}\p{N}$€£]"), alnum: class(r"[\p{L}\p{N}]"), upper: class(r"\p{Lu}") })
}

/// The ranges of a one-class pattern.
fn class(pattern: &str) -> Vec<(char, char)> {
    let hir = regex_syntax::parse(pattern).expect("static class pattern");
    match hir.kind() {
        regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(c)) => c.ranges().iter().map(|r| (r.start(), r.end())).collect(),
        _ => unreachable!("a static pattern of one Unicode class"),
    }
}

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    ranges.binary_search_by(|&(lo, hi)| if hi < c { std::cmp::Ordering::Less } else if lo > c { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal }).is_ok()
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '$'
    } else {
        in_ranges(&classes().word, c)
    }
}

fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        in_ranges(&classes().alnum, c)
    }
}

fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        in_ranges(&classes().upper, c)
    }
}

fn is_inner_mark(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '&' | ',' | '/')
}

/// Classes of ASCII bytes as the word pattern sees them (bit flags); other
/// bytes are 0: their character is decoded and judged by its class.
const WORD: u8 = 1;
const ALNUM: u8 = 2;
const NOT_WORD: u8 = 4;
const BYTE_CLASSES: [u8; 256] = byte_classes();

const fn byte_classes() -> [u8; 256] {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        classes[b] = if c.is_ascii_alphanumeric() {
            WORD | ALNUM
        } else if c == b'$' {
            WORD
        } else {
            NOT_WORD
        };
        b += 1;
    }
    classes
}

/// Bytes at the start of `s` whose characters satisfy `keep`: ASCII bytes
/// (nearly all) by their class holding `ascii_class`, without decoding.
fn run(s: &str, ascii_class: u8, keep: impl Fn(char) -> bool) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    loop {
        i += bytes[i..].iter().position(|&b| BYTE_CLASSES[b as usize] & ascii_class == 0).unwrap_or(bytes.len() - i);
        match bytes.get(i) {
            Some(b) if !b.is_ascii() => match s[i..].chars().next() {
                Some(c) if keep(c) => i += c.len_utf8(),
                _ => return i,
            },
            _ => return i,
        }
    }
}

/// The matches of [`WORD_PATTERN`] in a text, leftmost-first, as byte ranges.
pub struct Words<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Words<'t> {
    /// The words of `text`.
    pub fn new(text: &'t str) -> Words<'t> {
        Words { text, at: 0 }
    }

    /// End of two or more initials ("U.S.") starting at `start`: the first
    /// alternative, preferred when it matches.
    fn initials_end(&self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        if bytes.get(start).is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            return None;
        }
        // An ASCII capital is one byte: without a period right after it, no initial starts here.
        if bytes.get(start).is_some_and(u8::is_ascii) && bytes.get(start + 1) != Some(&b'.') {
            return None;
        }
        let mut chars = self.text[start..].chars();
        let (mut end, mut initials) = (start, 0);
        while let (Some(c), Some('.')) = (chars.next(), chars.next()) {
            if !is_upper(c) {
                break;
            }
            end += c.len_utf8() + 1;
            initials += 1;
        }
        (initials >= 2).then_some(end)
    }

    /// End of a word of letters, digits and currency signs with inner marks,
    /// each followed by letters or digits ("AT&T", "1,200").
    fn word_end(&self, start: usize) -> usize {
        let mut end = start + run(&self.text[start..], WORD, is_word_char);
        loop {
            // Most words end before a space: an ASCII byte that is no inner
            // mark ends the word without decoding what follows.
            match self.text.as_bytes().get(end) {
                None => return end,
                Some(&b) if b.is_ascii() && !is_inner_mark(char::from(b)) => return end,
                Some(_) => {}
            }
            let mut after = self.text[end..].chars();
            match (after.next(), after.next()) {
                (Some('/'), Some(next)) if is_upper(next) => return end,
                (Some(mark), Some(next)) if is_inner_mark(mark) && is_alnum(next) => {
                    let part = end + mark.len_utf8();
                    end = part + run(&self.text[part..], ALNUM, is_alnum);
                }
                _ => return end,
            }
        }
    }
}

impl Iterator for Words<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        // Every match starts with a word character, and every word character
        // starts one (initials start with a letter too).
        let start = self.at + run(&self.text[self.at..], NOT_WORD, |c| !is_word_char(c));
        if start == self.text.len() {
            return None;
        }
        let end = self.initials_end(start).unwrap_or_else(|| self.word_end(start));
        self.at = end;
        Some((start, end))
    }
}

/// `word` starts with `prefix` once lower-cased (`prefix` is lower-case ASCII).
fn starts_lowercase_with(word: &str, prefix: &str) -> bool {
    if word.is_ascii() {
        word.len() >= prefix.len() && word.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    } else {
        lowercase(word).starts_with(prefix)
    }
}

/// The length of a possessive ending ("'s", "’s") that is not part of the
/// name: "China's" -> "China". (A plural's apostrophe, "officials'", never
/// ends a word.)
fn possessive_len(word: &str) -> usize {
    let ending = |suffix: &str| word.len() > suffix.len() + 1 && word.ends_with(suffix);
    if !word.ends_with('s') {
        0
    } else if ending("'s") {
        "'s".len()
    } else if ending("’s") {
        "’s".len()
    } else {
        0
    }
}

/// The tokens of `text[start..end]`, offsets absolute.
pub fn tokenize<'a>(text: &'a str, start: usize, end: usize, lexicon: &Lexicon) -> Vec<Token<'a>> {
    let slice = &text[start..end];
    let mut tokens = Vec::with_capacity(slice.len() / 5 + 1);
    for (word_start, word_end) in Words::new(slice) {
        let (mut s, mut e) = (start + word_start, start + word_end);
        let word = &text[s..e];
        e -= possessive_len(word);
        // "then-Speaker", "ex-minister": the prefix is a token of its own.
        let may_have_prefix = word.len() > 3 && (!word.is_ascii() || matches!(word.as_bytes()[0], b't' | b'T' | b'e' | b'E'));
        if may_have_prefix {
            for prefix in ["then-", "ex-"] {
                if word.len() > prefix.len() && starts_lowercase_with(word, prefix) {
                    tokens.push(Token { text: &text[s..s + prefix.len() - 1], start: s, end: s + prefix.len() - 1 });
                    s += prefix.len();
                }
            }
        }
        // Keep the period of an abbreviation or an initial with its word.
        if text[e..].starts_with('.') {
            let with_period = &text[s..e + 1];
            let initial = e - s == 1 && text[s..e].starts_with(|c: char| c.is_uppercase());
            if initial || lexicon.is_abbreviation(with_period) {
                e += 1;
            }
        }
        tokens.push(Token { text: &text[s..e], start: s, end: e });
    }
    tokens
}

/// Only spaces between two tokens (no comma, bracket or quotation mark).
pub fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    a.end <= b.start && text[a.end..b.start].chars().all(|c| c == ' ' || c == '\u{a0}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn regex_words(text: &str) -> Vec<(usize, usize)> {
        let re = Regex::new(WORD_PATTERN).expect("the word pattern compiles");
        re.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    #[test]
    fn the_scanner_classifies_every_character_as_the_pattern_does() {
        let word = Regex::new(r"^[\p{L}\p{N}$€£]$").expect("static");
        let alnum = Regex::new(r"^[\p{L}\p{N}]$").expect("static");
        let upper = Regex::new(r"^\p{Lu}$").expect("static");
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(is_word_char(c), word.is_match(s), "{c:?}");
            assert_eq!(is_alnum(c), alnum.is_match(s), "{c:?}");
            assert_eq!(is_upper(c), upper.is_match(s), "{c:?}");
        }
    }

    #[test]
    fn the_scanner_finds_the_words_of_the_pattern() {
        let tricky = "U.S.-China talks: A.B.C.d, U.S, E.U. co-op AT&T 1,200.50 $5 €3 £2 US$4 C$ don’t O'Neill's \
            a--b a-'b x/y/ z. ÉCOLE É.Ö. İstanbul Ⅻ ½ ٣٤ a.b.c Dž.Lj. (J.R.R. Tolkien) “quoted—dash” 3:15 p.m. ’s -x- ,a, 'b'";
        assert_eq!(Words::new(tricky).collect::<Vec<_>>(), regex_words(tricky));
        let corpus = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("corpus");
        for entry in std::fs::read_dir(corpus).expect("the seed corpus is there").flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            assert_eq!(Words::new(&text).collect::<Vec<_>>(), regex_words(&text), "{}", entry.path().display());
        }
    }
}
