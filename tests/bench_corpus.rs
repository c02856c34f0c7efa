//! The benchmark corpus generator (`examples/gen_corpus`): a seed gives the
//! same corpus byte for byte, and its articles make the extractor do real
//! work in every relation family, so that benchmark figures mean something.

#[path = "../examples/gen_corpus/generator/mod.rs"]
mod generator;
mod util;

use generator::{default_dirs, generate, parse_size, Config, GenError, Summary};
use std::collections::BTreeMap;
use std::path::Path;
use util::{stderr, Dir};

fn corpus(dir: &Dir, name: &str, seed: u64, html_share: f64) -> Summary {
    let (templates, lexicon) = default_dirs();
    let config = Config { size: parse_size("60KB").expect("size"), seed, html_share, cast: 0 };
    match generate(&templates, &lexicon, &dir.path(name), &config) {
        Ok(summary) => summary,
        Err(e) => panic!("generating {name}: {e}"),
    }
}

/// Every file of a folder, by path relative to it, with its bytes.
fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("list") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let rel = path.strip_prefix(root).expect("inside").to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

#[test]
fn the_same_seed_gives_the_same_corpus_and_another_seed_another() {
    let dir = Dir::new();
    let a = corpus(&dir, "a", 42, 0.2);
    let b = corpus(&dir, "b", 42, 0.2);
    corpus(&dir, "c", 43, 0.2);
    assert_eq!(a, b);
    assert!(a.bytes >= 60_000 && a.files >= 10, "{a:?}");
    assert_eq!(a.bytes, files(&dir.path("a")).values().map(|v| v.len() as u64).sum::<u64>());
    assert_eq!(files(&dir.path("a")), files(&dir.path("b")));
    assert_ne!(files(&dir.path("a")), files(&dir.path("c")));
}

#[test]
fn articles_are_wire_sized_and_kept_in_numbered_folders() {
    let dir = Dir::new();
    let s = corpus(&dir, "c", 1, 0.0);
    assert_eq!((s.folders, s.html), (1, 0));
    let all = files(&dir.path("c"));
    assert_eq!(all.len() as u64, s.files);
    for (name, bytes) in &all {
        assert!(name.starts_with("0000/") && name.ends_with(".txt"), "{name}");
        assert!((2_500..9_000).contains(&bytes.len()), "{name} is {} bytes", bytes.len());
    }
}

#[test]
fn the_extractor_finds_every_relation_family_in_text_and_html_articles() {
    let dir = Dir::new();
    let s = corpus(&dir, "c", 7, 0.5);
    assert!(s.html > 0 && s.html < s.files, "{s:?}");
    let out = dir.build(&dir.path("c"), "store");
    assert!(out.status.success(), "a generated article was skipped or failed: {}", stderr(&out));
    let count = |class: &str| {
        let rows = dir.select("store", &format!("SELECT (COUNT(*) AS ?n) WHERE {{ ?x a {class} }}"));
        rows.first().and_then(|n| n.parse::<u64>().ok()).unwrap_or(0)
    };
    let per_article = |n: u64| n as f64 / s.files as f64;
    for class in ["ng:Quote", "org:Membership", "ng:Export", "ng:Statistic"] {
        let n = count(class);
        assert!(per_article(n) >= 2.0, "{class}: only {n} in {} articles", s.files);
    }
}

#[test]
fn a_folder_that_holds_files_is_refused() {
    let dir = Dir::new();
    dir.write("c/keep.txt", b"an article the user wrote");
    let (templates, lexicon) = default_dirs();
    let config = Config { size: 1_000, seed: 1, html_share: 0.0, cast: 0 };
    let result = generate(&templates, &lexicon, &dir.path("c"), &config);
    assert!(matches!(result, Err(GenError::NotEmpty(_))), "{result:?}");
    assert_eq!(files(&dir.path("c")).len(), 1);
}
