//! Exports opened by the tools they target: rdflib for every RDF format,
//! networkx for GraphML, Graphviz for every DOT view, neo4j-admin's CSV layout.

mod util;

use std::process::Command;
use util::{seed_corpus, stderr, Dir};

/// The seed corpus plus an article whose quote holds quotation marks and a backslash.
fn built() -> Dir {
    let dir = Dir::new();
    dir.copy_seed_corpus("c");
    dir.write(
        "c/tricky.txt",
        "Analyst Jo Lee said: \u{201c}The file was named \"final\" and saved under C:\\data\\trade before anyone noticed.\u{201d}".as_bytes(),
    );
    let out = dir.build(&dir.path("c"), "store");
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

fn export(dir: &Dir, args: &[&str]) -> String {
    let mut full = vec!["export", "--store", "store"];
    full.extend_from_slice(args);
    let out = dir.run(&full);
    assert!(out.status.success(), "export {args:?} failed: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn python(code: &str, args: &[&str]) -> String {
    let out = Command::new("python3").arg("-c").arg(code).args(args).output().expect("python3 (make test-deps installs rdflib and networkx)");
    assert!(out.status.success(), "python failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

// Blank nodes (the ontology's owl:unionOf lists) get new labels in every parse,
// so the triples are compared as graphs, up to isomorphism.
const SAME_TRIPLES: &str = r#"
import sys, rdflib
from rdflib.compare import isomorphic
def graph(path, fmt):
    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    g = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
base = graph(sys.argv[1], "nquads")
other = graph(sys.argv[2], sys.argv[3])
print(len(base), len(other), isomorphic(base, other))
"#;

#[test]
fn every_rdf_format_carries_the_same_triples_as_nquads() {
    let dir = built();
    export(&dir, &["--format", "nquads", "-o", "g.nq"]);
    for (format, file, rdflib_format) in [
        ("ntriples", "g.nt", "nt"),
        ("turtle", "g.ttl", "turtle"),
        ("trig", "g.trig", "trig"),
        ("jsonld", "g.jsonld", "json-ld"),
        ("rdfxml", "g.rdf", "xml"),
    ] {
        export(&dir, &["--format", format, "-o", file]);
        let verdict = python(SAME_TRIPLES, &[dir.path("g.nq").to_str().expect("path"), dir.path(file).to_str().expect("path"), rdflib_format]);
        assert!(verdict.ends_with("True"), "{format}: {verdict}");
    }
    let turtle = std::fs::read_to_string(dir.path("g.ttl")).expect("turtle");
    assert!(turtle.contains("@prefix ng:"), "Turtle uses prefixes");
    assert!(turtle.contains(r#"\"final\""#) && turtle.contains(r"C:\\data"), "quotes and backslashes survive Turtle");
}

#[test]
fn networkx_reads_the_graphml_with_its_labels() {
    let dir = built();
    export(&dir, &["--format", "graphml", "--view", "all", "-o", "g.graphml"]);
    let code = "import sys, networkx as nx\ng = nx.read_graphml(sys.argv[1])\nlabels = {d.get('label') for _, d in g.nodes(data=True)}\nprint(g.number_of_nodes(), g.number_of_edges(), 'Antony Blinken' in labels, any('\"final\"' in (l or '') for l in labels))";
    let verdict = python(code, &[dir.path("g.graphml").to_str().expect("path")]);
    let parts: Vec<&str> = verdict.split_whitespace().collect();
    assert!(parts[0].parse::<usize>().expect("node count") > 50, "{verdict}");
    assert_eq!(&parts[2..], ["True", "True"], "{verdict}");
}

#[test]
fn graphviz_renders_every_view() {
    let dir = built();
    for view in ["who-said-what", "roles", "exports", "statistics", "all"] {
        let dot = export(&dir, &["--format", "dot", "--view", view]);
        let path = dir.write(&format!("{view}.dot"), dot.as_bytes());
        let out = Command::new("dot").arg("-Tsvg").arg(&path).output().expect("Graphviz dot (make test-deps installs it)");
        assert!(out.status.success(), "{view}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(dot.contains("cluster_legend"), "{view} has a legend");
    }
    let svg = export(&dir, &["--format", "svg", "--view", "roles"]);
    assert!(svg.contains("<svg") && svg.contains("Secretary of State"), "svg through dot");
}

#[test]
fn around_keeps_the_neighbourhood_and_article_keeps_its_graph() {
    let dir = built();
    let count = |args: &[&str]| -> usize {
        let mut full = vec!["--format", "graphml", "--view", "all"];
        full.extend_from_slice(args);
        export(&dir, &full).matches("<node ").count()
    };
    let all = count(&[]);
    let near = count(&["--around", "Antony Blinken", "--depth", "1"]);
    assert!(near > 1 && near < all, "around: {near} of {all}");
    assert!(count(&["--around", "Antony Blinken", "--depth", "2"]) >= near);

    let one = export(&dir, &["--format", "nquads", "--article", "tricky.txt"]);
    let graphs: std::collections::BTreeSet<&str> = one.lines().filter_map(|l| l.rsplit(' ').nth(1)).collect();
    assert_eq!(graphs.len(), 1, "one named graph: {graphs:?}");
    let out = dir.run(&["export", "--store", "store", "--format", "nquads", "--article", "nope.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no article 'nope.txt'"));
}

#[test]
fn neo4j_gets_a_folder_of_import_files() {
    let dir = built();
    let out = dir.run(&["export", "--store", "store", "--format", "neo4j", "--view", "all", "-o", "neo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let person = std::fs::read_to_string(dir.path("neo/nodes_Person.csv")).expect("person nodes");
    assert!(person.starts_with("id:ID,"), "{person}");
    assert!(person.lines().next().is_some_and(|h| h.ends_with(":LABEL")));
    let said = std::fs::read_to_string(dir.path("neo/rels_SAID.csv")).expect("said relationships");
    assert!(said.starts_with(":START_ID,:END_ID,"), "{said}");
    assert!(std::fs::read_to_string(dir.path("neo/import.sh")).expect("import script").contains("neo4j-admin database import full"));
    let no_folder = dir.run(&["export", "--store", "store", "--format", "neo4j"]);
    assert_eq!(no_folder.status.code(), Some(1));
}

#[test]
fn drawing_without_graphviz_says_how_to_install_it() {
    let dir = built();
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["export", "--store", "store", "--format", "svg"])
        .current_dir(dir.root.path())
        .env("PATH", "")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("apt-get install graphviz"), "{}", stderr(&out));
}

/// The gold quotes of the seed corpus (../shared/eval/gold), with the
/// acceptable names of their speakers.
fn gold_quotes() -> Vec<(String, Vec<String>)> {
    let gold = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/gold");
    let read = |p: std::path::PathBuf| -> serde_json::Value { serde_json::from_str(&std::fs::read_to_string(&p).expect("gold file (../shared beside the clone)")).expect("gold json") };
    let entities = read(gold.join("entities.json"));
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&gold).expect("gold folder") {
        let path = entry.expect("entry").path();
        if path.file_name().is_some_and(|n| n == "entities.json") {
            continue;
        }
        for q in read(path)["quotes"].as_array().into_iter().flatten() {
            if q["optional"].as_bool() == Some(true) {
                continue;
            }
            let names = entities[q["speaker"].as_str().unwrap_or("")]["names"].as_array().into_iter().flatten().filter_map(|n| n.as_str().map(str::to_string)).collect();
            out.push((q["text"].as_str().unwrap_or("").to_string(), names));
        }
    }
    out
}

fn words(s: &str) -> Vec<String> {
    s.to_lowercase().replace('\u{2019}', "'").split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

#[test]
fn the_who_said_what_view_shows_every_gold_quote_with_its_speaker() {
    let dir = Dir::new();
    assert!(dir.build(&seed_corpus(), "store").status.success());
    let graphml = export(&dir, &["--format", "graphml", "--view", "who-said-what"]);
    let path = dir.write("wsw.graphml", graphml.as_bytes());
    let code = "import sys, networkx as nx\ng = nx.read_graphml(sys.argv[1])\nfor s, q in g.edges():\n    print(g.nodes[s]['label'] + '\\t' + g.nodes[q]['text'].replace('\\n', ' '))";
    let said: Vec<(String, Vec<String>)> = python(code, &[path.to_str().expect("path")])
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(s, q)| (s.to_string(), words(q)))
        .collect();
    let gold = gold_quotes();
    assert!(gold.len() >= 30, "gold quotes: {}", gold.len());
    for (text, speakers) in gold {
        let want = words(&text);
        let shown = said.iter().any(|(speaker, got)| {
            let covered = want.iter().filter(|w| got.contains(w)).count();
            speakers.iter().any(|n| n == speaker) && covered * 10 >= want.len() * 8
        });
        assert!(shown, "not shown with its speaker: {text}");
    }
}
