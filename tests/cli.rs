//! The command line as a user meets it: build the seed corpus, query it,
//! export it, and feed it bad input.

mod util;

use util::{seed_corpus, stderr, stdout, Dir};

#[test]
fn seed_corpus_builds_into_a_store_that_answers_sparql() {
    let dir = Dir::new();
    let out = dir.build(&seed_corpus(), "store");
    assert!(out.status.success(), "build failed: {}", stderr(&out));
    let summary = stdout(&out);
    assert!(summary.contains("Built 5 articles"), "{summary}");
    assert!(summary.contains("Who said what"), "{summary}");

    let quotes = dir.select(
        "store",
        "SELECT ?speaker ?text WHERE { ?q a ng:Quote ; ng:speaker ?s ; ng:text ?text . ?s rdfs:label ?speaker }",
    );
    assert!(quotes.len() >= 15, "only {} quotes", quotes.len());
    assert!(quotes.iter().any(|r| r.starts_with("Antony Blinken,")), "{quotes:?}");

    let roles = dir.select(
        "store",
        "SELECT ?role ?org WHERE { ?m org:member ?p ; org:role ?r ; org:organization ?o . \
         ?p rdfs:label \"Antony Blinken\" . ?r rdfs:label ?role . ?o rdfs:label ?org }",
    );
    assert!(roles.iter().any(|r| r.starts_with("Secretary of State,")), "{roles:?}");

    let exports = dir.select(
        "store",
        "SELECT DISTINCT ?dest WHERE { ?c rdfs:label \"China\" ; ng:exports ?p ; ng:exportsTo ?d . ?d rdfs:label ?dest }",
    );
    assert!(exports.iter().any(|r| r == "Mexico"), "{exports:?}");

    let cdc = dir.select(
        "store",
        "SELECT ?v WHERE { ?st a ng:Statistic ; ng:value ?v ; ng:attributedTo ?src . ?src skos:altLabel|rdfs:label \"CDC\" }",
    );
    assert!(!cdc.is_empty(), "no statistic attributed to the CDC");

    let provenance = dir.select(
        "store",
        "SELECT ?q WHERE { ?q a ng:Quote . FILTER NOT EXISTS { ?q prov:wasDerivedFrom ?a ; ng:evidence ?e . ?e ng:startOffset ?s } }",
    );
    assert!(provenance.is_empty(), "quotes without provenance: {provenance:?}");
}

#[test]
fn building_twice_replaces_and_never_duplicates() {
    let dir = Dir::new();
    assert!(dir.build(&seed_corpus(), "store").status.success());
    let count = |d: &Dir| d.select("store", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    let first = count(&dir);
    assert!(dir.build(&seed_corpus(), "store").status.success());
    assert_eq!(first, count(&dir));
    let graphs = dir.select("store", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a ng:Article } }");
    assert_eq!(graphs.len(), 5);
}

#[test]
fn bad_files_are_named_and_skipped_and_the_rest_is_built() {
    let dir = Dir::new();
    dir.write("c/good.txt", "Health Minister Jane Roe said on Monday: \"We will publish the figures next week.\"".as_bytes());
    dir.write("c/empty.txt", b"   \n");
    dir.write("c/binary.txt", b"\x00\x01\x02 not text");
    dir.write("c/latin1.txt", b"Caf\xe9 owners said so.");
    dir.write("c/ignored.pdf", b"%PDF");
    // Unreadable for anyone, root included (a permissions test would pass as root).
    std::os::unix::fs::symlink(dir.path("c/nowhere.txt"), dir.path("c/dangling.txt")).expect("symlink");
    let out = dir.build(&dir.path("c"), "store");
    assert_eq!(out.status.code(), Some(2), "skips give exit code 2: {}", stderr(&out));
    let err = stderr(&out);
    for name in ["empty.txt: empty file", "binary.txt: binary file", "latin1.txt: not UTF-8", "dangling.txt: cannot read"] {
        assert!(err.contains(name), "stderr lacks {name:?}: {err}");
    }
    assert!(!err.contains("ignored.pdf"));
    let files = dir.select("store", "SELECT ?f WHERE { ?a a ng:Article ; ng:fileName ?f }");
    assert_eq!(files, vec!["good.txt"], "only the good article is stored, nothing of the bad ones");
}

#[test]
fn a_missing_corpus_folder_is_one_clear_error() {
    let dir = Dir::new();
    let out = dir.build(&dir.path("nowhere"), "store");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("nowhere") && err.lines().count() == 1, "{err}");
}

#[test]
fn a_store_held_by_another_process_is_reported() {
    let dir = Dir::new();
    let _held = newsgraph::store::GraphStore::open(&dir.path("store")).expect("open store");
    let out = dir.build(&seed_corpus(), "store");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("in use by another process"), "{}", stderr(&out));
}

#[test]
fn malformed_sparql_is_a_syntax_error() {
    let dir = Dir::new();
    dir.write("c/a.txt", b"The ministry said it would act.");
    assert!(dir.build(&dir.path("c"), "store").status.success());
    let out = dir.run(&["query", "--store", "store", "SELECT ?x WHERE { ?x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("SPARQL syntax error"), "{}", stderr(&out));
}

#[test]
fn the_who_said_what_view_renders_with_graphviz() {
    let dir = Dir::new();
    dir.copy_seed_corpus("c");
    dir.write(
        "c/tricky.txt",
        "Backslash Institute director Jo \"JJ\" Lee said: \"Quotes \\\"inside\\\" and a \\ backslash are fine here.\"".as_bytes(),
    );
    assert!(dir.build(&dir.path("c"), "store").status.success());
    let dot = dir.path("out/who-said-what.dot");
    let render = std::process::Command::new("dot").arg("-Tsvg").arg(&dot).output().expect("Graphviz `dot` must be installed (make test-deps)");
    assert!(render.status.success(), "dot failed: {}", String::from_utf8_lossy(&render.stderr));
    assert!(String::from_utf8_lossy(&render.stdout).contains("<svg"));
}

#[test]
fn extract_shows_facts_with_their_evidence_without_a_store() {
    let dir = Dir::new();
    let file = dir.write(
        "a.txt",
        "Agriculture Minister Heidi Larsen said Canada exports canola to Japan. \"We expect record sales this year,\" Larsen said.".as_bytes(),
    );
    let out = dir.run(&["extract", file.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Heidi Larsen — Agriculture Minister"), "{text}");
    assert!(text.contains("Canada exports canola → Japan"), "{text}");
    assert!(text.contains("Heidi Larsen said: \u{201c}We expect record sales this year,\u{201d}"), "{text}");
    assert!(!dir.path("out").exists(), "extract writes nothing");
}

#[test]
fn an_unchanged_rebuild_keeps_the_exports_and_a_change_rewrites_them() {
    let dir = Dir::new();
    dir.copy_seed_corpus("c");
    let first = dir.build(&dir.path("c"), "store");
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("graph.nq:   wrote"), "{}", stdout(&first));
    let dot = dir.path("out/who-said-what.dot");
    let written = std::fs::metadata(&dot).and_then(|m| m.modified()).expect("the drawing is written");

    let again = dir.build(&dir.path("c"), "store");
    assert!(stdout(&again).contains("who-said-what.dot: kept (nothing changed)"), "{}", stdout(&again));
    assert_eq!(std::fs::metadata(&dot).and_then(|m| m.modified()).expect("still there"), written, "an unchanged build rewrote the drawing");

    std::fs::remove_file(dir.path("out/graph.nq")).expect("remove graph.nq");
    let missing = dir.build(&dir.path("c"), "store");
    assert!(stdout(&missing).contains("graph.nq:   wrote"), "a missing export is written again: {}", stdout(&missing));

    dir.write("c/new.txt", "Harbour director Lena Varga said: \"The new cranes will double what this port can handle.\"".as_bytes());
    let changed = dir.build(&dir.path("c"), "store");
    assert!(stdout(&changed).contains("who-said-what.dot: wrote"), "{}", stdout(&changed));
    assert!(std::fs::read_to_string(&dot).expect("read the drawing").contains("Lena Varga"));
}

#[test]
fn the_top_of_a_drawing_keeps_the_most_quoted_and_says_what_it_left_out() {
    let dir = Dir::new();
    assert!(dir.build(&seed_corpus(), "store").status.success());
    let out = dir.run(&["export", "--store", "store", "--format", "dot", "--top", "1", "--per-entity", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dot = stdout(&out);
    assert!(dot.contains("note:omitted") && dot.contains("Shown: the 1 of "), "{dot}");
    let edges = dot.lines().filter(|l| l.contains(" -> ") && !l.contains("legend:")).count();
    assert_eq!(edges, 2, "one speaker, two quotes: {dot}");
    let all = stdout(&dir.run(&["export", "--store", "store", "--format", "dot"]));
    assert!(!all.contains("note:omitted"), "nothing is left out without --top");
}
