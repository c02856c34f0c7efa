//! Word tables: the lexicon's look-ups, most words ruled out before hashing.
//!
//! Extraction looks up nearly every word in several tables (is it a title, a
//! speech verb, a number word, a trade verb...), and nearly every answer is
//! no. A table remembers a signature (first byte, last byte, length) of each
//! key, which rules most words out with one read of a small bit set.

use super::lowercase;
use rustc_hash::FxHashMap;

/// Words (or phrases) to values.
pub struct WordTable<V> {
    map: FxHashMap<String, V>,
    /// The signatures of the keys, as a bit set.
    signatures: Box<[u64; 64]>,
    /// Keys are lower-case, and words are lowercased to be looked up.
    lowercase: bool,
}

/// A key's bit in the signature set: from its first and last bytes and its
/// length, each byte as `byte` maps it.
fn signature(bytes: &[u8], byte: impl Fn(u8) -> u8) -> usize {
    let (first, last) = (bytes.first().map_or(0, |&b| byte(b)), bytes.last().map_or(0, |&b| byte(b)));
    (first as usize * 131 + last as usize * 31 + bytes.len()) % 4096
}

impl<V> WordTable<V> {
    /// A table looked up with words as written.
    pub fn exact(map: FxHashMap<String, V>) -> WordTable<V> {
        Self::new(map, false)
    }

    /// A table of lower-case keys, looked up with the lower-case form of a word.
    pub fn lowercase(map: FxHashMap<String, V>) -> WordTable<V> {
        Self::new(map, true)
    }

    fn new(map: FxHashMap<String, V>, lowercase: bool) -> WordTable<V> {
        let mut signatures = Box::new([0u64; 64]);
        for key in map.keys() {
            let bit = signature(key.as_bytes(), |b| b);
            signatures[bit / 64] |= 1 << (bit % 64);
        }
        WordTable { map, signatures, lowercase }
    }

    /// Could `word` be a key? Lowercasing an ASCII word keeps its length and
    /// lowercases its first and last bytes; other words are not ruled out here.
    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        let bit = if !self.lowercase {
            signature(word.as_bytes(), |b| b)
        } else if word.is_ascii() {
            signature(word.as_bytes(), |b| b.to_ascii_lowercase())
        } else {
            return true;
        };
        self.signatures[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The value of `word`.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        if !self.may_hold(word) {
            return None;
        }
        if self.lowercase {
            with_lowercase(word, |w| self.map.get(w))
        } else {
            self.map.get(word)
        }
    }

    /// Is `word` a key?
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

/// `f` of the lower-case form of `word`: short ASCII words (nearly all) are
/// lowercased on the stack, so a look-up allocates nothing.
fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&lowercase(word))
}
