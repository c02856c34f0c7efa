//! Words of a sentence with their byte offsets: the unit every rule works on.

use crate::lexicon::{lowercase, Lexicon};
use regex::Regex;
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
        self.text.starts_with(|c: char| c.is_uppercase())
    }

    /// Lower-case form, for comparisons and look-ups (borrowed when the word
    /// is already lower-case ASCII, as most are).
    pub fn lower(&self) -> Cow<'a, str> {
        lowercase(self.text)
    }
}

fn word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Words may hold inner hyphens, apostrophes, periods (U.S.) and ampersands (AT&T);
    // a possessive 's is left outside the word.
    RE.get_or_init(|| {
        Regex::new(r"(?:\p{Lu}\.){2,}|[\p{L}\p{N}$€£]+(?:[\-'’.&,/][\p{L}\p{N}]+)*").expect("static regex")
    })
}

/// The tokens of `text[start..end]`, offsets absolute.
pub fn tokenize<'a>(text: &'a str, start: usize, end: usize, lexicon: &Lexicon) -> Vec<Token<'a>> {
    let slice = &text[start..end];
    let mut tokens = Vec::new();
    for m in word_re().find_iter(slice) {
        let (mut s, mut e) = (start + m.start(), start + m.end());
        let word = &text[s..e];
        // A possessive is not part of the name: "China's" -> "China".
        for suffix in ["'s", "’s", "s'", "s’"] {
            if word.len() > suffix.len() + 1 && word.ends_with(suffix) && !suffix.starts_with('s') {
                e -= suffix.len();
            }
        }
        // "then-Speaker", "ex-minister": the prefix is a token of its own.
        for prefix in ["then-", "ex-"] {
            if word.len() > prefix.len() && lowercase(word).starts_with(prefix) {
                tokens.push(Token { text: &text[s..s + prefix.len() - 1], start: s, end: s + prefix.len() - 1 });
                s += prefix.len();
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
