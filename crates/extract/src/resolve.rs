//! Resolution across articles: one entity per referent for the whole corpus.
//!
//! Within an article, extraction already tied surnames to full names. Across
//! articles, a person known only by a surname in one article ("Blinken") takes
//! the full name another article gives ("Antony Blinken") when exactly one
//! full name fits; an organization named by a short form ("Foreign Ministry")
//! takes the one longer name that ends with it ("Chinese Foreign Ministry").
//! The old label stays as an alternative label. Entity IRIs come from the
//! final labels, so the same referent gets the same IRI in every graph.
//!
//! [`NameIndex`] holds the corpus's names, indexed by word so that a lookup
//! does not scan the corpus; the build fills it from the store, so that it
//! never needs every article's facts in memory at once.

use crate::model::{EntityType, Facts};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

/// The full names of people and the names of organizations of a corpus.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Full person names (two words or more) by their last word and, for two-word
    /// names, also by their first word ("Xi Jinping" is "Xi").
    people: HashMap<String, BTreeSet<String>>,
    /// Organization names (two words or more) by each of their endings of
    /// two words or more ("Foreign Ministry" of "Chinese Foreign Ministry"):
    /// a short name finds the names it ends without scanning every name
    /// that shares its last word.
    orgs: HashMap<String, BTreeSet<String>>,
}

impl NameIndex {
    /// Records a name the corpus uses.
    pub fn add(&mut self, kind: EntityType, label: &str) {
        let Some(words) = Words::of(label).filter(|w| w.count >= 2) else { return };
        match kind {
            EntityType::Person => {
                insert(&mut self.people, words.last, label);
                // A short first word of a two-word name: "Xi" of "Xi Jinping".
                if words.count == 2 && words.first.chars().count() <= 4 {
                    insert(&mut self.people, words.first, label);
                }
            }
            EntityType::Organization => {
                for ending in endings(label) {
                    insert(&mut self.orgs, ending, label);
                }
            }
            _ => {}
        }
    }

    /// Records every name of an article.
    pub fn add_facts(&mut self, facts: &Facts) {
        for e in &facts.entities {
            self.add(e.kind, &e.label);
        }
    }

    /// True for the names that a fuller one may replace: a lone surname, an
    /// organization's name of two words or more.
    pub fn may_resolve(kind: EntityType, label: &str) -> bool {
        match kind {
            EntityType::Person => !label.contains(' '),
            EntityType::Organization => label.contains(' '),
            _ => false,
        }
    }

    /// The one fuller name `label` stands for, if the corpus has exactly one.
    pub fn rename(&self, kind: EntityType, label: &str) -> Option<String> {
        match kind {
            EntityType::Person if !label.contains(' ') => {
                unique(self.people.get(label)?.iter().filter(|full| surname_fits(full, label)))
            }
            EntityType::Organization if label.contains(' ') => {
                // A label of spaces alone names nothing.
                label.split_whitespace().next_back()?;
                unique(self.orgs.get(label)?.iter())
            }
            _ => None,
        }
    }

    /// Relabels the entities of one article; true when a label changed.
    pub fn apply(&self, facts: &mut Facts) -> bool {
        let mut changed = false;
        for id in 0..facts.entities.len() {
            let entity = &facts.entities[id];
            if let Some(new) = self.rename(entity.kind, &entity.label) {
                let old = std::mem::replace(&mut facts.entities[id].label, new);
                facts.add_alt_label(id, &old);
                changed = true;
            }
        }
        changed
    }
}

/// What the look-ups need of a name's words, counted without collecting them
/// (names are added and looked up for every entity of every article).
struct Words<'a> {
    first: &'a str,
    last: &'a str,
    /// How many words, counted up to 3 (enough to tell one, two and more).
    count: usize,
}

impl<'a> Words<'a> {
    /// The words of `name`; `None` when it has none.
    fn of(name: &'a str) -> Option<Words<'a>> {
        let mut words = name.split_whitespace();
        let first = words.next()?;
        let count = 1 + words.by_ref().take(2).count();
        let last = name.split_whitespace().next_back().unwrap_or(first);
        Some(Words { first, last, count })
    }
}

/// Adds `name` under `key`, allocating only for what is new.
fn insert(index: &mut HashMap<String, BTreeSet<String>>, key: &str, name: &str) {
    let names = match index.get_mut(key) {
        Some(names) => names,
        None => index.entry(key.to_string()).or_default(),
    };
    if !names.contains(name) {
        names.insert(name.to_string());
    }
}

/// What follows each space of `name` that still holds a space: the endings a
/// shorter name of two words or more can be (`name` ends with `" {ending}"`).
fn endings(name: &str) -> impl Iterator<Item = &str> {
    name.match_indices(' ').map(move |(i, _)| &name[i + 1..]).filter(|ending| ending.contains(' '))
}

/// Relabels entities of all articles in place (all of them in memory).
pub fn resolve(all: &mut [&mut Facts]) {
    let mut index = NameIndex::default();
    for facts in all.iter() {
        index.add_facts(facts);
    }
    for facts in all.iter_mut() {
        index.apply(facts);
    }
}

fn unique<'a>(mut it: impl Iterator<Item = &'a String>) -> Option<String> {
    let first = it.next()?;
    it.next().is_none().then(|| first.clone())
}

fn surname_fits(full: &str, word: &str) -> bool {
    Words::of(full).is_some_and(|w| w.last == word || (w.count == 2 && w.first == word && word.chars().count() <= 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_takes_the_one_full_name_of_the_corpus() {
        let mut a = Facts::default();
        a.entity(EntityType::Person, "Antony Blinken");
        let mut b = Facts::default();
        b.entity(EntityType::Person, "Blinken");
        b.entity(EntityType::Organization, "Foreign Ministry");
        let mut c = Facts::default();
        c.entity(EntityType::Organization, "Chinese Foreign Ministry");
        resolve(&mut [&mut a, &mut b, &mut c]);
        assert_eq!(b.entities[0].label, "Antony Blinken");
        assert_eq!(b.entities[0].alt_labels, vec!["Blinken"]);
        assert_eq!(b.entities[1].label, "Chinese Foreign Ministry");
    }

    #[test]
    fn an_ambiguous_surname_is_left_alone() {
        let mut a = Facts::default();
        a.entity(EntityType::Person, "Jane Smith");
        a.entity(EntityType::Person, "John Smith");
        a.entity(EntityType::Person, "Smith");
        resolve(&mut [&mut a]);
        assert_eq!(a.entities[2].label, "Smith");
    }

    #[test]
    fn a_short_given_name_first_stands_for_a_two_word_name() {
        let mut index = NameIndex::default();
        index.add(EntityType::Person, "Xi Jinping");
        assert_eq!(index.rename(EntityType::Person, "Xi").as_deref(), Some("Xi Jinping"));
        assert_eq!(index.rename(EntityType::Person, "Jinping").as_deref(), Some("Xi Jinping"));
        assert_eq!(index.rename(EntityType::Organization, "Ministry"), None, "one word is too vague");
    }
}
