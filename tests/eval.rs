//! `newsgraph eval` against the reference scorer, `shared/eval/score.py`:
//! the same graph scored both ways must give the same numbers (and, on a
//! hand-made graph full of corner cases, the same output to the byte).
//! Needs python3 with rdflib, as `make test` installs it.

mod util;

use newsgraph::store::GraphStore;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use util::{seed_corpus, stderr, stdout, Dir};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn devset(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset").join(rel)
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// `score.py GRAPH GOLD [flag]`: its standard output.
fn score_py(graph: &Path, gold: &Path, flag: &[&str]) -> String {
    let script = shared().join("eval/score.py");
    let out = Command::new("python3")
        .arg(&script)
        .args([path_str(graph), path_str(gold)])
        .args(flag)
        .output()
        .expect("python3 must be installed (make test-deps)");
    assert!(out.status.success(), "score.py failed (is rdflib installed? make test-deps): {}", stderr(&out));
    stdout(&out)
}

/// `newsgraph eval --store STORE GOLD [flag]`: its standard output.
fn eval(dir: &Dir, store: &str, gold: &Path, flag: &[&str]) -> String {
    let mut args = vec!["eval", "--store", store, path_str(gold)];
    args.extend(flag);
    let out = dir.run(&args);
    assert!(out.status.success(), "newsgraph eval failed: {}", stderr(&out));
    stdout(&out)
}

/// The "report" object of a `--json` output: name -> numbers.
fn report(json: &str) -> Vec<(String, Vec<f64>)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("--json prints JSON");
    let report = v["report"].as_object().expect("a report object");
    let numbers = |x: &serde_json::Value| x.as_array().expect("a list").iter().map(|n| n.as_f64().expect("a number")).collect();
    report.iter().map(|(k, x)| (k.clone(), numbers(x))).collect()
}

#[test]
fn seed_corpus_scores_the_same_as_score_py() {
    scores_the_same_as_score_py(&seed_corpus(), &shared().join("eval/gold"));
}

/// Real articles whose gold annotates reported speech: the statements family too.
#[test]
fn realdev_scores_the_same_as_score_py_statements_included() {
    let report = scores_the_same_as_score_py(&shared().join("eval/realdev/texts"), &shared().join("eval/realdev/gold"));
    assert!(report.iter().any(|(name, _)| name == "statements (reported speech)"), "{report:?}");
}

/// Builds `corpus`, scores it with `newsgraph eval` and with score.py, and
/// checks that every report line agrees; returns score.py's report.
fn scores_the_same_as_score_py(corpus: &Path, gold: &Path) -> Vec<(String, Vec<f64>)> {
    let dir = Dir::new();
    let built = dir.build(corpus, "store");
    assert!(built.status.code() == Some(0) || built.status.code() == Some(2), "{}", stderr(&built));
    let export = dir.run(&["export", "--store", "store", "--format", "nquads", "-o", "graph.nq"]);
    assert!(export.status.success(), "{}", stderr(&export));
    let python = report(&score_py(&dir.path("graph.nq"), gold, &["--json"]));
    let rust = report(&eval(&dir, "store", gold, &["--json"]));
    let names = |r: &[(String, Vec<f64>)]| r.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    let rust_by_name: BTreeMap<_, _> = rust.iter().cloned().collect();
    assert_eq!(names(&python), names(&rust), "the same report lines");
    for (name, expected) in &python {
        let got = &rust_by_name[name];
        assert_eq!(got.len(), expected.len(), "{name}");
        for (g, e) in got.iter().zip(expected) {
            assert!((g - e).abs() <= 0.001, "{name}: newsgraph eval {got:?}, score.py {expected:?}");
        }
    }
    python
}

#[test]
fn corner_cases_print_exactly_what_score_py_prints() {
    let dir = Dir::new();
    let graph = dir.write("graph.trig", CORNER_GRAPH.as_bytes());
    load_trig(&dir.path("store"), CORNER_GRAPH);
    for (name, text) in CORNER_GOLD {
        dir.write(&format!("gold/{name}"), text.as_bytes());
    }
    let gold = dir.path("gold");
    for flag in [&[][..], &["--verbose"], &["--json"]] {
        let python = score_py(&graph, &gold, flag);
        let rust = eval(&dir, "store", &gold, flag);
        assert_eq!(rust, python, "newsgraph eval {flag:?} differs from score.py");
    }
}

#[test]
fn a_gold_folder_without_entities_json_is_one_clear_error() {
    let dir = Dir::new();
    drop(GraphStore::open(&dir.path("store")).expect("an empty store"));
    dir.write("gold/a.txt.json", br#"{"article": "a.txt", "entities": []}"#);
    let out = dir.run(&["eval", "--store", "store", "gold"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("entities.json") && err.lines().count() == 1, "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn the_tune_devset_evaluates() {
    let dir = Dir::new();
    let built = dir.build(&devset("tune/articles"), "store");
    assert!(built.status.success(), "{}", stderr(&built));
    let text = eval(&dir, "store", &devset("tune/gold"), &[]);
    let last = text.lines().last().unwrap_or("");
    assert!(last.starts_with("overall F1 "), "{text}");
}

/// Loads TriG into a store, one named graph at a time.
fn load_trig(store: &Path, trig: &str) {
    let store = GraphStore::open(store).expect("store");
    let quads: Vec<Quad> =
        RdfParser::from_format(RdfFormat::TriG).for_slice(trig.as_bytes()).collect::<Result<_, _>>().expect("TriG parses");
    let mut graphs: BTreeMap<String, Vec<Quad>> = BTreeMap::new();
    for q in quads {
        let GraphName::NamedNode(g) = &q.graph_name else { panic!("only named graphs in the fixture") };
        graphs.entry(g.as_str().to_string()).or_default().push(q);
    }
    for (g, quads) in graphs {
        store.replace_graph(&NamedNode::new(g).expect("IRI"), &quads).expect("write");
    }
}

/// A graph that breaks most rules once: facts without article or speaker,
/// an article outside the gold, unresolved names, several types, odd
/// characters, string and double values, a value that is not a number.
/// Shared triples (labels, types) are stated in several graphs on purpose.
const CORNER_GRAPH: &str = r#"
@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://example.org/> .

:g1 {
  :a1 a ng:Article ; ng:fileName "a1.txt" .
  :jane a ng:Person ; rdfs:label "Jane Roe" ; ng:mentionedIn :a1 .
  :acme a ng:Organization ; rdfs:label "The Acme Corp." ; ng:mentionedIn :a1, :a3 .
  :canada a ng:Country ; rdfs:label "Canada" .
  :zw a ng:Person ; rdfs:label "Zero\u200bWidth" ; ng:mentionedIn :a1 .
  :sp a ng:Location ; rdfs:label "S\u00e3o\u00a0Paulo \u2013 Centro" ; ng:mentionedIn :a1 .
  :bob a ng:Person, ng:Organization ; rdfs:label "Bob's \"Shop\"" ; ng:mentionedIn :a1 .
  :japan a ng:Country ; rdfs:label "Japan" ; ng:mentionedIn :a1 .
  :canola a ng:Substance ; rdfs:label "canola" ; ng:mentionedIn :a1 .
  :m1 a org:Membership ; org:member :jane ; org:role :r1 ; org:organization :acme ; prov:wasDerivedFrom :a1 .
  :r1 a org:Role ; rdfs:label "Spokesman" .
  :m2 a org:Membership ; org:member :jane ; org:role :r2 ; org:organization :nobody .
  :r2 a org:Role ; rdfs:label "Chief Executive" .
  :nobody rdfs:label "Nobody Inc" .
  :q1 a ng:Quote ; ng:speaker :jane ; ng:text "We will publish the figures next week, and they are good." ; prov:wasDerivedFrom :a1 .
  :q2 a ng:Quote ; ng:text "Nobody knows who said this line." .
  :q3 a ng:Quote ; ng:speaker :bob ; ng:text "It's Jane\u2019s job, not \"mine\"." ; prov:wasDerivedFrom :a1 .
  :canada ng:exports :canola ; ng:exportsTo :japan .
  :st1 a ng:Statistic ; ng:value 48250 ; ng:attributedTo :acme, :jane ; prov:wasDerivedFrom :a1 .
  :st2 a ng:Statistic ; ng:value "1.5E3"^^xsd:double ; ng:attributedTo :nobody ; prov:wasDerivedFrom :a1 .
  :st3 a ng:Statistic ; ng:value "42" .
  :st4 a ng:Statistic ; ng:value "abc" ; prov:wasDerivedFrom :a1 .
  :st5 a ng:Statistic ; ng:value 2.51 ; prov:wasDerivedFrom :a1 .
  :st8 a ng:Statistic ; ng:value 1.25e17 .
}
:g2 {
  :a2 a ng:Article ; ng:fileName "a2.txt" .
  :jane a ng:Person ; rdfs:label "Jane Roe" ; ng:mentionedIn :a2 .
  :atlantis a ng:Country ; rdfs:label "Atlantis" ; ng:mentionedIn :a2 .
  :m3 a org:Membership ; org:member :jane ; org:role :r3 ; prov:wasDerivedFrom :a2 .
  :r3 a org:Role ; rdfs:label "Mayor" .
  :st6 a ng:Statistic ; ng:value 0.004 ; prov:wasDerivedFrom :a2 .
  :st9 a ng:Statistic ; ng:value 55.5 ; ng:attributedTo :someone ; prov:wasDerivedFrom :a2 .
  :q4 a ng:Quote ; ng:speaker :someone ; ng:text "Tariffs hurt our farmers badly this year." ; prov:wasDerivedFrom :a2 .
  :someone a ng:Person ; rdfs:label "Unknown Person" ; ng:mentionedIn :a2 .
  :mexico a ng:Country ; rdfs:label "Mexico" ; ng:mentionedIn :a2 ; ng:exports :fent ; ng:exportsTo :usa .
  :fent a ng:Substance ; rdfs:label "Fentanyl" ; ng:mentionedIn :a2 .
  :usa rdfs:label "U.S." .
}
:g3 {
  :a3 a ng:Article ; ng:fileName "a3.txt" .
  :acme a ng:Organization ; rdfs:label "The Acme Corp." .
  :ghost a ng:Person ; rdfs:label "Ghost" ; ng:mentionedIn :a3 .
  :q5 a ng:Quote ; ng:speaker :jane ; ng:text "Out of scope words entirely here." ; prov:wasDerivedFrom :a3 .
  :st7 a ng:Statistic ; ng:value 99 ; prov:wasDerivedFrom :a3 .
  :m4 a org:Membership ; org:member :ghost ; org:role :r1 ; prov:wasDerivedFrom :a3 .
}
"#;

/// Gold for the corner-case graph: a name two entities claim, optional
/// items, a null speaker, an empty quote, string values, a gold file that a
/// later one replaces, and an article the graph does not have.
const CORNER_GOLD: [(&str, &str); 5] = [
    (
        "entities.json",
        r#"{
 "jane-roe": {"type": "Person", "names": ["Jane Roe", "Roe"]},
 "acme": {"type": "Organization", "names": ["Acme Corp", "Acme Corporation"]},
 "acme-again": {"type": "Organization", "names": ["ACME corp."]},
 "canada": {"type": "Country", "names": ["Canada"]},
 "japan": {"type": "Country", "names": ["Japan"]},
 "canola": {"type": "Substance", "names": ["canola", "canola oil"]},
 "bob": {"type": "Organization", "names": ["Bob's \"Shop\""]},
 "mexico": {"type": "Country", "names": ["Mexico"]},
 "united-states": {"type": "Country", "names": ["United States", "US"]},
 "pat": {"type": "Person", "names": ["Pat Poe"]}
}"#,
    ),
    (
        "a1.txt.json",
        r#"{"article": "a1.txt",
 "entities": ["jane-roe", "acme", "canada", "canola", "bob", "pat"],
 "roles": [
  {"person": "jane-roe", "role": ["spokesperson", "spokesman"], "org": "acme", "optional": false},
  {"person": "jane-roe", "role": ["chief executive", "CEO"], "org": "acme"},
  {"person": "pat", "role": ["Director"], "org": null, "optional": true},
  {"person": "pat", "role": ["Treasurer"], "org": "acme"}
 ],
 "quotes": [
  {"speaker": "jane-roe", "text": "We will publish the figures next week, and they are good"},
  {"speaker": null, "text": "Nobody knows who said this"},
  {"speaker": "jane-roe", "text": "It's Jane's job, not \"mine\"."},
  {"speaker": "pat", "text": "A long quote about S\u00e3o Paulo\u2019s ports that never appears in the graph at all, really."},
  {"speaker": "pat", "text": "optional words", "optional": true},
  {"speaker": "jane-roe", "text": ""}
 ],
 "exports": [
  {"exporter": "canada", "product": "canola", "destination": "japan"},
  {"exporter": "mexico", "product": "canola", "destination": null, "optional": true}
 ],
 "statistics": [
  {"value": 48250, "source": "acme", "text": "more than 48,250 people"},
  {"value": 1500.0, "source": "acme", "text": "1,500 tonnes"},
  {"value": "42", "source": null},
  {"value": 2.5, "source": "jane-roe", "text": "two and a half"},
  {"value": 7, "source": "pat", "optional": true}
 ]}"#,
    ),
    ("a2-draft.json", r#"{"article": "a2.txt", "entities": ["pat"]}"#),
    (
        "a2.txt.json",
        r#"{"article": "a2.txt", "entities": ["jane-roe", "mexico"],
 "roles": [{"person": "jane-roe", "role": ["mayor"], "org": null}],
 "quotes": [{"speaker": "pat", "text": "Tariffs hurt our farmers badly this year."}],
 "exports": [{"exporter": "mexico", "product": "fentanyl", "destination": "united-states"}],
 "statistics": [{"value": 0.004, "source": null, "text": "0.4 percent"}]}"#,
    ),
    (
        "a9.txt.json",
        r#"{"article": "a9.txt", "entities": ["pat"],
 "quotes": [{"speaker": "pat", "text": "Words of an article the graph never saw."}],
 "statistics": [{"value": 12, "source": "pat", "text": "a dozen"}]}"#,
    ),
];
