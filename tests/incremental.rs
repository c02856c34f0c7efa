//! Builds over time: unchanged articles are skipped, changed ones replace
//! their graph, removed ones go with --prune, names resolve across articles
//! whatever the order, and a killed build leaves only whole articles.

mod util;

use std::process::{Command, Stdio};
use util::{stderr, stdout, Dir};

const MAYOR: &str = "SPRINGFIELD — \u{201c}The bridge will reopen in May,\u{201d} Mayor Clara Oduya said on Tuesday.\n\n\
The city council approved the repairs last week.\n";
const SURNAME_ONLY: &str = "SPRINGFIELD — Traffic returned to the old bridge on Monday.\n\n\
\u{201c}We kept our promise,\u{201d} Oduya said.\n";
const HARBOUR: &str = "PORTVILLE — \u{201c}Exports rose for a third month,\u{201d} said Tomas Reyes, the director of the port authority.\n";

/// Every quad of the store, sorted, without the ontology graph.
fn quads(dir: &Dir, store: &str) -> Vec<String> {
    let out = dir.run(&["export", "--store", store, "--format", "nquads"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut lines: Vec<String> = stdout(&out).lines().filter(|l| !l.ends_with("<https://w3id.org/newsgraph/ontology> .")).map(str::to_string).collect();
    lines.sort();
    lines
}

fn build(dir: &Dir, extra: &[&str]) -> String {
    let mut args = vec!["build", "news", "--store", "store", "--no-exports"];
    args.extend_from_slice(extra);
    let out = dir.run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn an_unchanged_corpus_is_skipped_and_the_store_stays_the_same() {
    let dir = Dir::new();
    dir.write("news/a.txt", MAYOR.as_bytes());
    dir.write("news/b.txt", HARBOUR.as_bytes());
    assert!(build(&dir, &[]).contains("2 new, 0 changed, 0 unchanged"));
    let first = quads(&dir, "store");
    let again = build(&dir, &[]);
    assert!(again.contains("0 new, 0 changed, 2 unchanged"), "{again}");
    assert_eq!(quads(&dir, "store"), first);
}

#[test]
fn a_changed_article_replaces_its_graph_and_a_removed_one_goes_with_prune() {
    let dir = Dir::new();
    dir.write("news/a.txt", MAYOR.as_bytes());
    dir.write("news/b.txt", HARBOUR.as_bytes());
    build(&dir, &[]);
    dir.write("news/a.txt", MAYOR.replace("May", "June").as_bytes());
    let changed = build(&dir, &[]);
    assert!(changed.contains("0 new, 1 changed, 1 unchanged"), "{changed}");
    let texts = dir.select("store", "SELECT ?t WHERE { ?q a ng:Quote ; ng:text ?t }");
    assert!(texts.iter().any(|t| t.contains("June")) && !texts.iter().any(|t| t.contains("May")), "{texts:?}");

    std::fs::remove_file(dir.path("news/b.txt")).expect("remove");
    let kept = build(&dir, &[]);
    assert!(kept.contains("1 no longer in the corpus but kept"), "{kept}");
    assert_eq!(dir.select("store", "SELECT ?a WHERE { ?a a ng:Article }").len(), 2);
    let pruned = build(&dir, &["--prune"]);
    assert!(pruned.contains("1 removed"), "{pruned}");
    let articles = dir.select("store", "SELECT ?f WHERE { ?a a ng:Article ; ng:fileName ?f }");
    assert_eq!(articles, vec!["a.txt"]);
}

#[test]
fn a_surname_resolves_to_a_full_name_from_a_later_article_or_a_later_build() {
    let speaker = "SELECT DISTINCT ?name WHERE { ?q a ng:Quote ; ng:text ?t ; ng:speaker ?s . ?s rdfs:label ?name FILTER(CONTAINS(?t, \"promise\")) }";
    // In one build: the surname-only article sorts first.
    let dir = Dir::new();
    dir.write("news/a-surname.txt", SURNAME_ONLY.as_bytes());
    dir.write("news/b-full.txt", MAYOR.as_bytes());
    build(&dir, &[]);
    assert_eq!(dir.select("store", speaker), vec!["Clara Oduya"]);
    let one_build = quads(&dir, "store");

    // Across builds: the full name arrives in a later build.
    let later = Dir::new();
    later.write("news/a-surname.txt", SURNAME_ONLY.as_bytes());
    build(&later, &[]);
    assert_eq!(later.select("store", speaker), vec!["Oduya"]);
    later.write("news/b-full.txt", MAYOR.as_bytes());
    build(&later, &[]);
    assert_eq!(later.select("store", speaker), vec!["Clara Oduya"]);
    assert_eq!(quads(&later, "store"), one_build, "same graph whatever the order of arrival");
}

/// A second Oduya, for a surname that two full names fit.
const JUDGE: &str = "SPRINGFIELD — \u{201c}The court will sit in June,\u{201d} Judge Peter Oduya said.\n";

#[test]
fn a_first_build_resolves_names_against_the_whole_corpus_however_far_apart() {
    let speaker = "SELECT DISTINCT ?name WHERE { ?q a ng:Quote ; ng:text ?t ; ng:speaker ?s . ?s rdfs:label ?name FILTER(CONTAINS(?t, \"promise\")) }";
    // The second full name comes hundreds of articles later (later chunks of
    // the pipeline); "Oduya" is then ambiguous and must stay as written.
    let dir = Dir::new();
    dir.write("news/a-surname.txt", SURNAME_ONLY.as_bytes());
    dir.write("news/b-full.txt", MAYOR.as_bytes());
    for i in 0..600 {
        dir.write(&format!("news/c-{i:03}.txt"), HARBOUR.replace("third", &format!("{}th", i + 4)).as_bytes());
    }
    dir.write("news/d-judge.txt", JUDGE.as_bytes());
    let summary = build(&dir, &[]);
    assert!(!summary.contains("rewritten"), "a first build writes every article once: {summary}");
    assert_eq!(dir.select("store", speaker), vec!["Oduya"], "two full names fit: neither is chosen");
}

#[test]
fn dry_run_reads_everything_and_writes_nothing() {
    let dir = Dir::new();
    dir.write("news/a.txt", MAYOR.as_bytes());
    let summary = build(&dir, &["--dry-run"]);
    assert!(summary.contains("dry run") && summary.contains("quotes:     1"), "{summary}");
    assert!(!dir.path("store").exists());
}

/// Many copies of a few articles, so that a build runs long enough to be killed.
fn big_corpus(dir: &Dir, copies: usize) {
    for i in 0..copies {
        for (name, text) in [("mayor", MAYOR), ("harbour", HARBOUR), ("bridge", SURNAME_ONLY)] {
            let body = format!("{text}\nThe report, number {i}, was published by the city.\n");
            dir.write(&format!("news/{:03}/{name}-{i}.txt", i / 500), body.as_bytes());
        }
    }
}

#[test]
fn a_killed_build_leaves_only_whole_articles_and_the_next_build_completes_it() {
    let dir = Dir::new();
    big_corpus(&dir, 4000);
    let reference = Dir::new();
    big_corpus(&reference, 4000);
    let out = reference.run(&["build", "news", "--store", "store", "--no-exports"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let full = quads(&reference, "store");

    let bin = env!("CARGO_BIN_EXE_newsgraph");
    let mut child = Command::new(bin)
        .args(["build", "news", "--store", "store", "--no-exports"])
        .current_dir(dir.root.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start build");
    std::thread::sleep(std::time::Duration::from_millis(1200));
    child.kill().expect("kill"); // SIGKILL: no chance to clean up
    child.wait().expect("wait");

    // Whatever was committed is whole: every stored article has all its quads.
    let partial = quads(&dir, "store");
    let graphs: std::collections::BTreeSet<&str> = partial.iter().filter_map(|q| q.rsplit_once(" <").map(|(_, g)| g)).collect();
    for graph in &graphs {
        let mine: Vec<&String> = partial.iter().filter(|q| q.ends_with(&format!(" <{graph}"))).collect();
        let theirs: Vec<&String> = full.iter().filter(|q| q.ends_with(&format!(" <{graph}"))).collect();
        assert_eq!(mine.len(), theirs.len(), "article graph <{graph} is incomplete after the kill");
    }
    let resumed = dir.run(&["build", "news", "--store", "store", "--no-exports"]);
    assert!(resumed.status.success(), "{}", stderr(&resumed));
    assert_eq!(quads(&dir, "store"), full, "the next build completes the store");
    // The files of the load the kill interrupted are not left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path("store"))
        .expect("store folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("bulk-"))
        .collect();
    assert!(leftovers.is_empty(), "files of the killed load remain: {leftovers:?}");
}
