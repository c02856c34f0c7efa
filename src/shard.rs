//! Splitting one corpus between N machines: `--shard I/N` keeps the articles
//! whose key (path relative to the corpus folder) hashes into part I.
//!
//! Shards are numbered from 1 (`1/2` and `2/2`), as people count machines.
//! The hash is FNV-1a over the key's bytes, written out here rather than
//! borrowed from std (whose hasher may change between Rust versions): N
//! machines running different builds of newsgraph on the same corpus must
//! split it exactly, every article in one part and one only.

use std::fmt;
use std::str::FromStr;

/// One part of N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based part number, `1..=count`.
    index: u32,
    /// How many parts.
    count: u32,
}

/// Why a `--shard` value was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ShardError {
    /// Not of the form `I/N`.
    #[error("shard {0:?}: write it as I/N, e.g. 1/4 for the first of four parts")]
    Syntax(String),
    /// N is 0, or I is outside 1..=N.
    #[error("shard {0:?}: parts are numbered 1 to N (N at least 1), e.g. 1/2 and 2/2")]
    Range(String),
}

impl Shard {
    /// Part `index` (1-based) of `count`.
    pub fn new(index: u32, count: u32) -> Result<Shard, ShardError> {
        if count == 0 || index == 0 || index > count {
            return Err(ShardError::Range(format!("{index}/{count}")));
        }
        Ok(Shard { index, count })
    }

    /// 1-based part number.
    pub fn index(&self) -> u32 {
        self.index
    }

    /// Number of parts.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// Whether the article with this key (its path relative to the corpus,
    /// `/`-separated) belongs to this part.
    pub fn contains(&self, article_key: &str) -> bool {
        part_of(article_key, self.count) == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = ShardError;

    fn from_str(s: &str) -> Result<Shard, ShardError> {
        let syntax = || ShardError::Syntax(s.to_string());
        let (i, n) = s.trim().split_once('/').ok_or_else(syntax)?;
        let index: u32 = i.trim().parse().map_err(|_| syntax())?;
        let count: u32 = n.trim().parse().map_err(|_| syntax())?;
        Shard::new(index, count).map_err(|_| ShardError::Range(s.to_string()))
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The 0-based part of `key` among `count`.
fn part_of(key: &str, count: u32) -> u32 {
    // Multiply-shift takes FNV's well-mixed high bits; `hash % count` would
    // read the low bits, which depend only on the low bits of each byte.
    let part = (u128::from(fnv1a(key.as_bytes())) * u128::from(count)) >> 64;
    u32::try_from(part).unwrap_or(0)
}

/// FNV-1a, 64 bits (the same function as `corpus::content_hash`, kept here
/// so that shard assignment can never change with that one).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Vec<String> {
        (0..6000u32)
            .map(|i| match i % 3 {
                0 => format!("{:03}_{:016x}.txt", i, u64::from(i).wrapping_mul(0x9e37_79b9_7f4a_7c15)),
                1 => format!("2024/03/article-{i}.html"),
                _ => format!("feeds/site{}/story{i}.md", i % 17),
            })
            .collect()
    }

    #[test]
    fn every_key_is_in_exactly_one_part_and_parts_are_balanced() {
        let keys = keys();
        for count in [1u32, 2, 3, 4, 7, 16] {
            let shards: Vec<Shard> = (1..=count).map(|i| Shard::new(i, count).expect("valid shard")).collect();
            let mut sizes = vec![0usize; count as usize];
            for key in &keys {
                let owners: Vec<usize> = (0..shards.len()).filter(|&s| shards[s].contains(key)).collect();
                assert_eq!(owners.len(), 1, "{key} is in parts {owners:?} of {count}");
                sizes[owners[0]] += 1;
            }
            let mean = keys.len() as f64 / f64::from(count);
            for size in &sizes {
                assert!((*size as f64 - mean).abs() < 0.1 * mean + 10.0, "unbalanced split into {count}: {sizes:?}");
            }
        }
    }

    #[test]
    fn assignment_is_pinned_across_versions() {
        // Machines running different builds must agree: these must never change.
        let two = |key: &str| (1..=2).find(|&i| Shard::new(i, 2).is_ok_and(|s| s.contains(key)));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(two("000_e7ed57ed8bac4770.txt"), Some(1));
        assert_eq!(two("001_28bbd02459c4b48c.txt"), Some(1));
        assert_eq!(two("002_4a87ef35aba89dfc.txt"), Some(2));
        assert_eq!(two("sub/folder/004_7fecde799621f029.txt"), Some(1));
        assert_eq!(part_of("a", 2), 1, "0xaf63... is in the upper half");
        assert_eq!(part_of("a", 4), 2);
    }

    #[test]
    fn parses_one_based_i_of_n_and_explains_mistakes() {
        assert_eq!("1/2".parse::<Shard>(), Shard::new(1, 2));
        assert_eq!(" 3 / 3 ".parse::<Shard>().map(|s| (s.index(), s.count())), Ok((3, 3)));
        assert_eq!("2/2".parse::<Shard>().map(|s| s.to_string()), Ok("2/2".to_string()));
        for bad in ["0/2", "3/2", "1/0", "0/0"] {
            assert!(matches!(bad.parse::<Shard>(), Err(ShardError::Range(_))), "{bad}");
        }
        for bad in ["", "2", "1-2", "a/b", "-1/2", "1/2/3"] {
            assert!(matches!(bad.parse::<Shard>(), Err(ShardError::Syntax(_))), "{bad}");
        }
        let message = "0/2".parse::<Shard>().map_err(|e| e.to_string()).err().unwrap_or_default();
        assert!(message.contains("numbered 1 to N"), "{message}");
    }
}
