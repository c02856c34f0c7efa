//! Past one machine: `--shard I/N` parts that add up to the whole corpus, and
//! writing to a SPARQL store that is not ours, for real: Virtuoso open source
//! started on loopback by `scripts/virtuoso-roundtrip.sh`, written to with
//! `newsgraph build --endpoint`, queried back and compared with the local store.

mod util;

use std::path::Path;
use std::process::Command;
use std::time::Instant;
use util::{seed_corpus, stderr, Dir};

const ALL_QUADS: &str = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"https://w3id.org/newsgraph/article/\")) }";

#[test]
fn two_shards_built_into_one_store_equal_the_whole_corpus() {
    let dir = Dir::new();
    let corpus = seed_corpus();
    let corpus = corpus.to_str().expect("utf-8 path");
    assert!(dir.build(&seed_corpus(), "whole").status.success());
    let articles = |d: &Dir| d.select("parts", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a ng:Article } }");
    for (shard, written) in [("1/2", "2"), ("2/2", "5")] {
        let out = dir.run(&["build", corpus, "--store", "parts", "--no-exports", "--shard", shard]);
        assert!(out.status.success(), "shard {shard}: {}", stderr(&out));
        assert_eq!(articles(&dir), vec![written.to_string()], "articles stored after shard {shard}");
    }
    let mut whole = dir.select("whole", ALL_QUADS);
    let mut parts = dir.select("parts", ALL_QUADS);
    whole.sort();
    parts.sort();
    assert_eq!(whole.len(), parts.len());
    assert!(whole == parts, "the two parts differ from the whole corpus");
}

#[test]
fn bad_shards_and_missing_passwords_are_refused_before_any_work() {
    let dir = Dir::new();
    let corpus = seed_corpus();
    let corpus = corpus.to_str().expect("utf-8 path");
    let out = dir.run(&["build", corpus, "--shard", "3/2"]);
    assert_eq!(out.status.code(), Some(2), "clap's usage error");
    assert!(stderr(&out).contains("parts are numbered 1 to N"), "{}", stderr(&out));
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["build", corpus, "--endpoint", "http://127.0.0.1:9/data", "--endpoint-user", "dba"])
        .env_remove("NEWSGRAPH_ENDPOINT_PASSWORD")
        .output()
        .expect("run newsgraph");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("set NEWSGRAPH_ENDPOINT_PASSWORD"), "{}", stderr(&out));
    assert!(!dir.path("out/store").exists(), "nothing is written locally");
}

#[test]
fn virtuoso_holds_exactly_what_the_local_store_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let started = Instant::now();
    let out = Command::new("bash")
        .arg(root.join("scripts/virtuoso-roundtrip.sh"))
        .arg(env!("CARGO_BIN_EXE_newsgraph"))
        .arg(root.join("corpus"))
        .current_dir(root)
        .output()
        .expect("run scripts/virtuoso-roundtrip.sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "round trip failed:\n{stderr}\n{stdout}");
    assert!(stdout.contains("queries identical (full build and shards)"), "{stdout}");
    let seconds = started.elapsed().as_secs();
    assert!(seconds < 120, "the round trip took {seconds} s, over the 2-minute budget:\n{stderr}");
    eprintln!("{stderr}{stdout}");
}
