//! Very long texts: extraction section by section.
//!
//! Some of extraction's work grows faster than the text (a surname is tied to
//! the nearest full name before it; a quote looks for its speaker around it),
//! which no real article notices but a 50 MB file would, for hours. A text
//! longer than [`SECTION_BYTES`] (far longer than any news article) is cut at
//! paragraph breaks into sections that are extracted one by one and merged, so
//! the cost stays linear in the length of the file.

use super::extract;
use crate::lexicon::Lexicon;
use crate::model::{Entity, EntityId, EntityType, Evidence, Facts};
use rayon::prelude::*;
use std::collections::HashMap;

/// Sections are at most this long: a long feature is 30–60 KB.
pub const SECTION_BYTES: usize = 128 * 1024;

/// The facts of `text`, section by section when it is very long.
pub fn extract_bounded(text: &str, lexicon: &Lexicon) -> Facts {
    if text.len() <= SECTION_BYTES {
        return extract(text, lexicon);
    }
    let mut bounds = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = section_end(text, start);
        bounds.push((start, end));
        start = end;
    }
    // Sections are independent, so a long file still uses every core.
    let sections: Vec<Facts> = bounds.par_iter().map(|&(start, end)| extract(&text[start..end], lexicon)).collect();
    let mut merged = Facts::default();
    let mut known = HashMap::new();
    for (section, (start, _)) in sections.into_iter().zip(bounds) {
        absorb(&mut merged, &mut known, section, start);
    }
    merged
}

/// Where the section starting at `start` ends: the last paragraph break (or
/// line break, or sentence end) before the size limit, else a char boundary.
fn section_end(text: &str, start: usize) -> usize {
    let mut limit = (start + SECTION_BYTES).min(text.len());
    if limit == text.len() {
        return limit;
    }
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[start..limit];
    let cut = ["\n\n", "\n", ". "].iter().find_map(|sep| window.rfind(sep).filter(|&i| i > 0).map(|i| i + sep.len()));
    start + cut.unwrap_or(window.len())
}

/// Appends a section's facts, its spans moved by `offset` and its entities
/// merged with the ones already known (same type and label).
/// `known` indexes `into`'s entities (a linear search would be quadratic here).
fn absorb(into: &mut Facts, known: &mut HashMap<(EntityType, String), EntityId>, section: Facts, offset: usize) {
    let ids: Vec<EntityId> = section
        .entities
        .into_iter()
        .map(|e| {
            let id = *known.entry((e.kind, e.label.clone())).or_insert_with(|| {
                into.entities.push(Entity { kind: e.kind, label: e.label.clone(), alt_labels: Vec::new() });
                into.entities.len() - 1
            });
            for alt in &e.alt_labels {
                into.add_alt_label(id, alt);
            }
            id
        })
        .collect();
    let shift = |ev: Evidence| {
        let mut ev = ev;
        ev.span.start += offset;
        ev.span.end += offset;
        ev
    };
    for mut m in section.memberships {
        m.person = ids[m.person];
        m.organization = m.organization.map(|o| ids[o]);
        m.evidence = shift(m.evidence);
        into.memberships.push(m);
    }
    for mut q in section.statements {
        q.speaker = ids[q.speaker];
        q.evidence = shift(q.evidence);
        q.span = shift(Evidence { span: q.span }).span;
        into.statements.push(q);
    }
    for mut x in section.exports {
        x.exporter = ids[x.exporter];
        x.product = ids[x.product];
        x.destination = x.destination.map(|d| ids[d]);
        x.evidence = shift(x.evidence);
        into.exports.push(x);
    }
    for mut s in section.statistics {
        s.source = s.source.map(|id| ids[id]);
        s.evidence = shift(s.evidence);
        into.statistics.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_very_long_text_gives_the_facts_of_its_sections_at_the_right_offsets() {
        let lexicon = Lexicon::embedded().expect("lexicons parse");
        let paragraph = "\u{201c}We will not back down,\u{201d} said Maria Lopez, the mayor of Springfield.\n\n";
        let text = paragraph.repeat(SECTION_BYTES / paragraph.len() * 3);
        let facts = extract_bounded(&text, lexicon);
        let single = extract(paragraph, lexicon);
        assert_eq!(single.statements.len(), 1, "the rule reads one quote per paragraph");
        assert_eq!(facts.statements.len(), text.matches("said").count(), "every section was read");
        assert_eq!(facts.entities.iter().filter(|e| e.label == "Maria Lopez").count(), 1, "entities merge across sections");
        for q in &facts.statements {
            assert_eq!(q.evidence.span.of(&text), single.statements[0].evidence.span.of(paragraph), "spans point into the whole text");
        }
    }

    #[test]
    fn sections_end_at_paragraph_breaks_and_cover_the_text() {
        let text = "a b c.\n\n".repeat(SECTION_BYTES / 4);
        let mut start = 0;
        while start < text.len() {
            let end = section_end(&text, start);
            assert!(end > start && end - start <= SECTION_BYTES);
            assert!(end == text.len() || text[..end].ends_with("\n\n"));
            start = end;
        }
    }
}
