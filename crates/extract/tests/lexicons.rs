//! The lexicons are data that people edit: they must parse, stay sorted, and
//! name each thing once, so that a merge conflict or a typo shows up here.

use std::path::Path;

fn lexicon_files() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ontology/lexicon");
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("lexicon folder").map(|e| e.expect("entry").path()).collect();
    files.sort();
    files
}

fn data_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("readable lexicon")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_embedded_lexicons_parse() {
    if let Err(e) = newsgraph_extract::lexicon::Lexicon::embedded() {
        panic!("{e}");
    }
}

#[test]
fn every_lexicon_has_a_header_naming_what_it_holds() {
    for f in lexicon_files() {
        let text = std::fs::read_to_string(&f).expect("read");
        assert!(text.starts_with('#'), "{} has no header comment", f.display());
    }
}

#[test]
fn lexicons_are_sorted_and_name_each_entry_once() {
    for f in lexicon_files() {
        // Furniture patterns are tried in any order and are not keyed.
        if f.file_name().is_some_and(|n| n == "furniture.tsv") {
            continue;
        }
        let keys: Vec<String> = data_lines(&f).iter().map(|l| l.split('\t').next().unwrap_or("").to_string()).collect();
        for pair in keys.windows(2) {
            assert!(pair[0].as_bytes() < pair[1].as_bytes(), "{}: '{}' and '{}' are out of order or repeated", f.display(), pair[0], pair[1]);
        }
    }
}

#[test]
fn no_trailing_spaces_or_empty_list_items() {
    for f in lexicon_files() {
        for (i, line) in data_lines(&f).iter().enumerate() {
            assert!(!line.ends_with(' '), "{} data line {}: trailing space", f.display(), i + 1);
            assert!(!line.contains("||") && !line.contains("\t|") && !line.contains("|\t"), "{} data line {}: empty list item", f.display(), i + 1);
        }
    }
}
