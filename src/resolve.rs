//! Resolution across articles: one entity per referent for the whole corpus.
//!
//! Within an article, extraction already tied surnames to full names. Across
//! articles, a person known only by a surname in one article ("Blinken") takes
//! the full name another article gives ("Antony Blinken") when exactly one
//! full name fits; an organization named by a short form ("Foreign Ministry")
//! takes the one longer name that ends with it ("Chinese Foreign Ministry").
//! The old label stays as an alternative label. Entity IRIs come from the
//! final labels, so the same referent gets the same IRI in every graph.

use crate::model::{EntityType, Facts};
use std::collections::{BTreeSet, HashMap};

/// Relabels entities of all articles in place.
pub fn resolve(all: &mut [&mut Facts]) {
    let mut full_people: BTreeSet<String> = BTreeSet::new();
    let mut orgs: BTreeSet<String> = BTreeSet::new();
    for facts in all.iter() {
        for e in &facts.entities {
            match e.kind {
                EntityType::Person if e.label.contains(' ') => {
                    full_people.insert(e.label.clone());
                }
                EntityType::Organization => {
                    orgs.insert(e.label.clone());
                }
                _ => {}
            }
        }
    }
    let mut renames: HashMap<(EntityType, String), String> = HashMap::new();
    for facts in all.iter() {
        for e in &facts.entities {
            let target = match e.kind {
                EntityType::Person if !e.label.contains(' ') => unique(full_people.iter().filter(|f| surname_fits(f, &e.label))),
                EntityType::Organization if e.label.contains(' ') => unique(orgs.iter().filter(|o| o.len() > e.label.len() && o.ends_with(&format!(" {}", e.label)))),
                _ => None,
            };
            if let Some(t) = target {
                renames.insert((e.kind, e.label.clone()), t);
            }
        }
    }
    for facts in all.iter_mut() {
        for id in 0..facts.entities.len() {
            let key = (facts.entities[id].kind, facts.entities[id].label.clone());
            if let Some(new) = renames.get(&key) {
                let old = std::mem::replace(&mut facts.entities[id].label, new.clone());
                facts.add_alt_label(id, &old);
            }
        }
    }
}

fn unique<'a>(mut it: impl Iterator<Item = &'a String>) -> Option<String> {
    let first = it.next()?;
    it.next().is_none().then(|| first.clone())
}

fn surname_fits(full: &str, word: &str) -> bool {
    let words: Vec<&str> = full.split_whitespace().collect();
    words.last() == Some(&word) || (words.len() == 2 && words[0] == word && word.chars().count() <= 4)
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
}
