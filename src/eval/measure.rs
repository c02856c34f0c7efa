//! The scorer's arithmetic, as in `score.py`: name normalisation (`norm`),
//! quote words (`words`), word coverage (`coverage`) and precision/recall/F1
//! (`prf`). Every rule here must stay identical to the Python original.

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Runs of white space, dashes and underscores (Python's `\s` also counts
/// the ASCII separators U+001C..U+001F, which Rust's `\s` does not).
static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\s\x1c-\x1f\-\u{2013}\u{2014}_]+").expect("valid regex"));
/// A word of a quote: letters and digits, with one apostrophe suffix ("don't").
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[a-z0-9]+(?:'[a-z]+)?").expect("valid regex"));

/// A precision, recall and F1 triple.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1, the harmonic mean of `p` and `r`.
    pub f1: f64,
}

impl Prf {
    /// The component-wise mean of several triples (summed left to right, like Python's `sum`).
    pub fn mean(all: &[Prf]) -> Prf {
        let n = all.len().max(1) as f64;
        let sum = |get: fn(&Prf) -> f64| all.iter().map(get).fold(0.0, |acc, x| acc + x) / n;
        Prf { p: sum(|s| s.p), r: sum(|s| s.r), f1: sum(|s| s.f1) }
    }
}

/// A name as the scorer compares names: lower case, quotes folded, `&` spelled
/// out, periods and double quotes dropped, spaces/dashes/underscores collapsed,
/// and one leading "the " removed.
pub fn norm(name: &str) -> String {
    let s = name.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'").replace(['\u{201c}', '\u{201d}'], "\"").replace('&', " and ");
    let s = s.replace(['.', '"'], "");
    let s = SPACES.replace_all(&s, " ");
    let s = s.trim();
    s.strip_prefix("the ").unwrap_or(s).to_string()
}

/// The words of a text: lower-case ASCII letters and digits, keeping one
/// apostrophe suffix ("it's"); other characters separate words.
pub fn words(text: &str) -> Vec<String> {
    let t = text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    WORD.find_iter(&t).map(|m| m.as_str().to_string()).collect()
}

/// Share of the words of `part` found in `whole`, counted as multisets
/// (1.0 when `part` has no word).
pub fn coverage(part: &str, whole: &str) -> f64 {
    let part = counts(part);
    let whole = counts(whole);
    let n: usize = part.values().sum();
    if n == 0 {
        return 1.0;
    }
    let shared: usize = part.iter().map(|(w, c)| (*c).min(whole.get(w).copied().unwrap_or(0))).sum();
    shared as f64 / n as f64
}

fn counts(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in words(text) {
        *counts.entry(w).or_insert(0) += 1;
    }
    counts
}

/// Precision over `n_sys` system items (`tp_p` of them right) and recall over
/// `n_gold` gold items (`tp_r` of them found). No system item scores precision
/// 1 when there is no gold either, else 0; no gold item scores recall 1.
pub fn prf(tp_p: usize, n_sys: usize, tp_r: usize, n_gold: usize) -> Prf {
    let p = match (n_sys, n_gold) {
        (0, 0) => 1.0,
        (0, _) => 0.0,
        _ => tp_p as f64 / n_sys as f64,
    };
    let r = if n_gold == 0 { 1.0 } else { tp_r as f64 / n_gold as f64 };
    let f1 = if p + r != 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Prf { p, r, f1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values are what score.py's functions return for the same input.

    #[test]
    fn norm_folds_names_like_score_py() {
        let cases = [
            ("The U.S. Department of State", "us department of state"),
            ("  Antony   Blinken ", "antony blinken"),
            ("AT&T", "at and t"),
            ("\u{201c}The\u{201d} Hague", "hague"),
            ("Saint-Denis_le\u{2014}Roi", "saint denis le roi"),
            ("the the thing", "the thing"),
            ("Theodore", "theodore"),
            ("People\u{2019}s Republic", "people's republic"),
            ("O'Neil\u{2018}s", "o'neil's"),
            ("Tab\there\x1cfs", "tab here fs"),
            ("The", "the"),
            ("\u{c9}COLE Nationale", "\u{e9}cole nationale"),
            ("HELLO\u{a0}World", "hello world"),
            (".the x", "x"),
        ];
        for (input, expected) in cases {
            assert_eq!(norm(input), expected, "norm({input:?})");
        }
    }

    #[test]
    fn words_keep_one_apostrophe_suffix() {
        let cases: [(&str, &[&str]); 5] = [
            ("It\u{2019}s 30% of U.S. GDP, don't you think", &["it's", "30", "of", "u", "s", "gdp", "don't", "you", "think"]),
            ("Rock'n'roll x''y", &["rock'n", "roll", "x", "y"]),
            ("\u{c9}COLE 2021-22", &["cole", "2021", "22"]),
            ("a'b'c", &["a'b", "c"]),
            ("'quoted'", &["quoted"]),
        ];
        for (input, expected) in cases {
            assert_eq!(words(input), expected, "words({input:?})");
        }
    }

    #[test]
    fn coverage_counts_words_as_multisets() {
        assert_eq!(coverage("the cat sat", "the cat sat on the mat"), 1.0);
        assert_eq!(coverage("the the cat", "the cat"), 2.0 / 3.0);
        assert_eq!(coverage("", ""), 1.0);
        assert_eq!(coverage("...", "x"), 1.0);
        assert_eq!(coverage("a b c d e", "a b c d"), 0.8);
        assert_eq!(coverage("x", ""), 0.0);
    }

    #[test]
    fn prf_handles_empty_sides_like_score_py() {
        let t = |s: Prf| (s.p, s.r, s.f1);
        assert_eq!(t(prf(0, 0, 0, 0)), (1.0, 1.0, 1.0));
        assert_eq!(t(prf(0, 0, 0, 5)), (0.0, 0.0, 0.0));
        assert_eq!(t(prf(3, 4, 3, 6)), (0.75, 0.5, 0.6));
        assert_eq!(t(prf(0, 3, 0, 2)), (0.0, 0.0, 0.0));
        assert_eq!(t(prf(2, 3, 1, 0)), (2.0 / 3.0, 1.0, 0.8));
    }

    #[test]
    fn mean_sums_left_to_right() {
        let a = Prf { p: 0.1, r: 0.2, f1: 0.3 };
        let b = Prf { p: 0.7, r: 0.5, f1: 0.9 };
        let m = Prf::mean(&[a, b]);
        assert_eq!((m.p, m.r, m.f1), ((0.0 + 0.1 + 0.7) / 2.0, (0.0 + 0.2 + 0.5) / 2.0, (0.0 + 0.3 + 0.9) / 2.0));
    }
}
