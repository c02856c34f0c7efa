//! `newsgraph serve` as its clients meet it: a server started on a free
//! loopback port over a store built from the seed corpus, then real clients:
//! curl for every format and error, Python's SPARQLWrapper and rdflib's
//! SPARQLStore for the answers, and wrk for a bounded load test.

mod util;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};
use util::{seed_corpus, stderr, stdout, Dir};

const WHO_SAID_WHAT: &str = "SELECT ?speaker ?text WHERE { ?q a ng:Quote ; ng:speaker ?s ; ng:text ?text . ?s rdfs:label ?speaker }";
const SPEAKER_GRAPH: &str =
    "CONSTRUCT { ?q ng:speaker ?s } WHERE { ?q a ng:Quote ; ng:speaker ?s }";
const SPEAKER_PAIRS: &str = "SELECT DISTINCT ?q ?s WHERE { ?q a ng:Quote ; ng:speaker ?s }";
const ARTICLE: &str = "000_e7ed57ed8bac4770.txt";

/// A `newsgraph serve` child process, killed when dropped.
struct Server {
    child: Child,
    /// `http://127.0.0.1:<port>`
    base: String,
    /// Kept open: a closed pipe would make the server's next print fail.
    _stdout: BufReader<std::process::ChildStdout>,
}

impl Server {
    /// Starts the server on the store `<dir>/store` and waits for its address.
    fn start(dir: &Dir, args: &[&str], env: &[(&str, &str)]) -> Server {
        let log = std::fs::File::create(dir.path("serve.err")).expect("log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args(["serve", "--store", "store", "--bind", "127.0.0.1:0"])
            .args(args)
            .env_remove("NEWSGRAPH_TOKEN")
            .envs(env.iter().copied())
            .current_dir(dir.root.path())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("start newsgraph serve");
        let mut first = String::new();
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        out.read_line(&mut first).expect("read the address line");
        let base = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .map(|u| u.trim_end_matches('/').to_string());
        let Some(base) = base else {
            let _ = child.kill();
            let log = std::fs::read_to_string(dir.path("serve.err")).unwrap_or_default();
            panic!("the server printed no address: {first:?}; stderr: {log}");
        };
        Server {
            child,
            base,
            _stdout: out,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What curl received.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: String,
    body: String,
}

impl Reply {
    /// The value of a response header (names compared case-insensitively).
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    fn content_type(&self) -> &str {
        self.header("content-type").unwrap_or("")
    }

    /// Data lines (CSV, TSV, N-Triples) without the trailing empty one.
    fn lines(&self) -> Vec<&str> {
        self.body.lines().filter(|l| !l.is_empty()).collect()
    }
}

/// Runs curl with `args` and splits its `-i` output into status, headers and body.
fn curl(args: &[&str]) -> Reply {
    // No `Expect: 100-continue`: one header block per response.
    let out = Command::new("curl")
        .args(["-s", "-S", "-i", "-H", "Expect:"])
        .args(args)
        .output()
        .expect("curl must be installed");
    assert!(
        out.status.success(),
        "curl {args:?} failed: {}",
        stderr(&out)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8 response");
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        headers: head.to_string(),
        body: body.to_string(),
    }
}

/// A query sent as `GET /query?query=...` with an Accept header.
fn get_query(server: &Server, query: &str, accept: &str) -> Reply {
    curl(&[
        "-G",
        "--data-urlencode",
        &format!("query={query}"),
        "-H",
        &format!("Accept: {accept}"),
        &server.url("/query"),
    ])
}

fn seed_store() -> Dir {
    let dir = Dir::new();
    let out = dir.build(&seed_corpus(), "store");
    assert!(out.status.success(), "build failed: {}", stderr(&out));
    dir
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn curl_gets_select_results_as_json_xml_csv_and_tsv_by_any_method() {
    let dir = seed_store();
    let rows = dir.select("store", WHO_SAID_WHAT).len();
    let server = Server::start(&dir, &[], &[]);

    let get = get_query(&server, WHO_SAID_WHAT, "application/sparql-results+json");
    assert_eq!(get.status, 200, "{get:?}");
    assert_eq!(get.content_type(), "application/sparql-results+json");
    assert_eq!(
        get.header("access-control-allow-origin"),
        Some("*"),
        "CORS for browser clients"
    );
    let bindings = json(&get.body)["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .len();
    assert_eq!(
        bindings, rows,
        "the endpoint and `newsgraph query` disagree"
    );

    let form = curl(&[
        "--data-urlencode",
        &format!("query={WHO_SAID_WHAT}"),
        &server.url("/query"),
    ]);
    let direct = curl(&[
        "-H",
        "Content-Type: application/sparql-query",
        "--data-binary",
        WHO_SAID_WHAT,
        &server.url("/query"),
    ]);
    assert_eq!(
        (form.status, direct.status),
        (200, 200),
        "{form:?} {direct:?}"
    );
    assert_eq!(form.body, get.body, "POST form and GET differ");
    assert_eq!(
        direct.body, get.body,
        "POST application/sparql-query and GET differ"
    );

    let xml = get_query(&server, WHO_SAID_WHAT, "application/sparql-results+xml");
    assert_eq!(xml.content_type(), "application/sparql-results+xml");
    assert_eq!(xml.body.matches("<result>").count(), rows);

    let csv = get_query(&server, WHO_SAID_WHAT, "text/csv");
    assert_eq!(csv.content_type(), "text/csv; charset=utf-8");
    assert_eq!(csv.lines()[0], "speaker,text");
    assert_eq!(csv.lines().len() - 1, rows);

    let tsv = get_query(&server, WHO_SAID_WHAT, "text/tab-separated-values");
    assert_eq!(
        tsv.content_type(),
        "text/tab-separated-values; charset=utf-8"
    );
    assert_eq!(tsv.lines()[0], "?speaker\t?text");
    assert_eq!(tsv.lines().len() - 1, rows);

    let ask = get_query(&server, "ASK { ?q a ng:Quote }", "application/json");
    assert_eq!(json(&ask.body)["boolean"], serde_json::Value::Bool(true));
    let preferred = get_query(
        &server,
        WHO_SAID_WHAT,
        "text/csv;q=0.5, text/tab-separated-values",
    );
    assert!(
        preferred
            .content_type()
            .starts_with("text/tab-separated-values"),
        "q-values decide: {preferred:?}"
    );
}

#[test]
fn curl_gets_construct_results_as_turtle_n_triples_and_json_ld() {
    let dir = seed_store();
    let pairs = dir.select("store", SPEAKER_PAIRS).len();
    assert!(pairs > 10, "the seed corpus has quotes");
    let server = Server::start(&dir, &[], &[]);

    let turtle = get_query(&server, SPEAKER_GRAPH, "text/turtle");
    assert_eq!(
        (turtle.status, turtle.content_type()),
        (200, "text/turtle"),
        "{turtle:?}"
    );
    assert!(
        turtle.body.contains("@prefix ng:") && turtle.body.contains("ng:speaker"),
        "{}",
        turtle.body
    );

    let nt = get_query(&server, SPEAKER_GRAPH, "application/n-triples");
    assert_eq!(nt.content_type(), "application/n-triples");
    assert_eq!(nt.lines().len(), pairs);
    assert!(nt
        .lines()
        .iter()
        .all(|l| l.ends_with(" .") && l.contains("<https://w3id.org/newsgraph/ontology#speaker>")));

    let jsonld = get_query(&server, SPEAKER_GRAPH, "application/ld+json");
    assert_eq!(jsonld.content_type(), "application/ld+json");
    let nodes = json(&jsonld.body);
    let speakers: usize = nodes
        .as_array()
        .expect("a JSON-LD array")
        .iter()
        .map(|n| {
            n["https://w3id.org/newsgraph/ontology#speaker"]
                .as_array()
                .map_or(0, Vec::len)
        })
        .sum();
    assert_eq!(speakers, pairs);

    let default = get_query(&server, SPEAKER_GRAPH, "*/*");
    assert_eq!(
        default.content_type(),
        "text/turtle",
        "Turtle when anything goes"
    );
}

#[test]
fn curl_gets_clear_errors_with_the_right_status() {
    let dir = seed_store();
    let server = Server::start(&dir, &[], &[]);
    let endpoint = server.url("/query");

    let malformed = get_query(&server, "SELECT ?x WHERE { ?x ng:speaker }", "*/*");
    assert_eq!(malformed.status, 400, "{malformed:?}");
    assert_eq!(malformed.content_type(), "text/plain; charset=utf-8");
    assert!(
        malformed.body.contains("SPARQL syntax error") && malformed.body.contains("1:"),
        "the parser's message with its position: {}",
        malformed.body
    );

    let missing = curl(&[&endpoint]);
    assert_eq!(missing.status, 400);
    assert!(
        missing.body.contains("missing the query parameter"),
        "{}",
        missing.body
    );

    let unacceptable = get_query(&server, WHO_SAID_WHAT, "image/png");
    assert_eq!(unacceptable.status, 406);
    assert!(
        unacceptable.body.contains("text/csv"),
        "names what is supported: {}",
        unacceptable.body
    );
    let graph_as_csv = get_query(&server, SPEAKER_GRAPH, "text/csv");
    assert_eq!(graph_as_csv.status, 406, "a graph has no CSV form");

    let put = curl(&["-X", "PUT", &endpoint]);
    assert_eq!(put.status, 405);
    assert_eq!(put.header("allow"), Some("GET, POST"));
    let plain = curl(&[
        "-H",
        "Content-Type: text/plain",
        "--data-binary",
        WHO_SAID_WHAT,
        &endpoint,
    ]);
    assert_eq!(plain.status, 415, "{plain:?}");

    let update = curl(&[
        "--data-urlencode",
        "update=CLEAR ALL",
        &server.url("/update"),
    ]);
    assert_eq!(update.status, 403, "read-only unless --allow-update");
    let still_there = get_query(&server, "ASK { ?q a ng:Quote }", "application/json");
    assert_eq!(
        json(&still_there.body)["boolean"],
        serde_json::Value::Bool(true)
    );

    let preflight = curl(&[
        "-X",
        "OPTIONS",
        "-H",
        "Origin: http://example.org",
        &endpoint,
    ]);
    assert_eq!(preflight.status, 204);
    assert!(preflight
        .header("access-control-allow-methods")
        .is_some_and(|m| m.contains("POST")));
    assert_eq!(curl(&[&server.url("/nowhere")]).status, 404);
    let page = curl(&[&server.url("/")]);
    assert_eq!(
        (page.status, page.content_type()),
        (200, "text/html; charset=utf-8")
    );
}

#[test]
fn graph_store_get_returns_one_article_graph_or_404() {
    let dir = seed_store();
    let server = Server::start(&dir, &[], &[]);
    let iri = format!("https://w3id.org/newsgraph/article/{ARTICLE}");

    let turtle = curl(&[&server.url(&format!("/store?article={ARTICLE}"))]);
    assert_eq!(
        (turtle.status, turtle.content_type()),
        (200, "text/turtle"),
        "{turtle:?}"
    );
    assert!(
        turtle.body.contains("ng:Article") && turtle.body.contains(ARTICLE),
        "the article's own node is in its graph"
    );

    let by_iri = curl(&[
        "-G",
        "--data-urlencode",
        &format!("graph={iri}"),
        "-H",
        "Accept: application/n-triples",
        &server.url("/store"),
    ]);
    assert_eq!(by_iri.content_type(), "application/n-triples");
    assert!(
        by_iri.lines().len() > 50 && by_iri.lines().iter().all(|l| l.ends_with(" .")),
        "{}",
        by_iri.body
    );

    let quads = curl(&[
        "-H",
        "Accept: application/n-quads",
        &server.url(&format!("/store?article={ARTICLE}")),
    ]);
    assert_eq!(
        quads.lines().len(),
        by_iri.lines().len(),
        "the same statements"
    );
    assert!(
        quads
            .lines()
            .iter()
            .all(|l| l.ends_with(&format!("<{iri}> ."))),
        "every quad names the article's graph"
    );

    let unknown = curl(&[&server.url("/store?article=no-such-article.txt")]);
    assert_eq!(unknown.status, 404);
    assert!(
        unknown.body.contains("no-such-article.txt"),
        "{}",
        unknown.body
    );
    assert_eq!(
        curl(&[&server.url("/store")]).status,
        400,
        "a graph must be named"
    );
    assert_eq!(
        curl(&[
            "-X",
            "DELETE",
            &server.url(&format!("/store?article={ARTICLE}"))
        ])
        .status,
        405,
        "no writes through /store"
    );
}

#[test]
fn python_sparql_clients_read_what_the_command_line_reads() {
    let dir = seed_store();
    let server = Server::start(&dir, &[], &[]);
    // The store is open read-only by the server, so the CLI can read it meanwhile.
    let expected = serde_json::json!({
        "quotes": dir.select("store", WHO_SAID_WHAT).len(),
        "speakers": dir.select("store", "SELECT DISTINCT ?s WHERE { ?q a ng:Quote ; ng:speaker ?s }").len(),
        "speaker_triples": dir.select("store", SPEAKER_PAIRS).len(),
        // Every statement, quoted or reported, has its ng:speaker triple.
        "statement_speakers": dir.select("store", "SELECT DISTINCT ?q ?s WHERE { ?q a ng:Statement ; ng:speaker ?s }").len(),
    });
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/serve_clients.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(server.url("/query"))
        .arg(expected.to_string())
        .output()
        .expect("python3 must be installed (scripts/ensure-deps.sh --test)");
    assert!(out.status.success(), "Python clients failed (needs SPARQLWrapper and rdflib: scripts/ensure-deps.sh --test):\n{}{}", stdout(&out), stderr(&out));
}

#[test]
fn a_slow_query_hits_the_time_limit_while_other_clients_are_served() {
    let dir = seed_store();
    let server = Server::start(&dir, &["--timeout", "2s", "--max-results", "5"], &[]);
    let endpoint = server.url("/query");

    // Billions of rows: it cannot finish within the limit.
    let heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let started = Instant::now();
    let slow = {
        let endpoint = endpoint.clone();
        thread::spawn(move || curl(&["--data-urlencode", &format!("query={heavy}"), &endpoint]))
    };
    thread::sleep(Duration::from_millis(200));
    let quick = curl(&["--data-urlencode", "query=ASK { ?q a ng:Quote }", &endpoint]);
    assert_eq!(quick.status, 200, "{quick:?}");
    assert!(
        !slow.is_finished(),
        "the quick query was answered while the slow one still ran"
    );

    let slow = slow.join().expect("slow client");
    let waited = started.elapsed();
    assert_eq!(slow.status, 503, "{slow:?}");
    assert!(
        slow.body.contains("time limit of 2 s") && slow.body.contains("--timeout"),
        "{}",
        slow.body
    );
    assert!(
        waited < Duration::from_secs(6),
        "answered at the limit, not when the query ended: {waited:?}"
    );

    let too_many = curl(&[
        "--data-urlencode",
        &format!("query={WHO_SAID_WHAT}"),
        &endpoint,
    ]);
    assert_eq!(too_many.status, 422, "{too_many:?}");
    assert!(
        too_many.body.contains("more than 5") && too_many.body.contains("LIMIT"),
        "{}",
        too_many.body
    );
    let limited = curl(&[
        "--data-urlencode",
        &format!("query={WHO_SAID_WHAT} LIMIT 5"),
        "-H",
        "Accept: text/csv",
        &endpoint,
    ]);
    assert_eq!(
        (limited.status, limited.lines().len()),
        (200, 6),
        "five rows and the header"
    );
}

#[test]
fn updates_need_the_flag_and_the_bearer_token() {
    let dir = seed_store();
    let refused = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args([
            "serve",
            "--store",
            "store",
            "--bind",
            "127.0.0.1:0",
            "--allow-update",
        ])
        .env_remove("NEWSGRAPH_TOKEN")
        .current_dir(dir.root.path())
        .output()
        .expect("run newsgraph serve");
    assert!(
        !refused.status.success(),
        "--allow-update without a token must not start"
    );
    assert!(
        stderr(&refused).contains("NEWSGRAPH_TOKEN"),
        "{}",
        stderr(&refused)
    );

    let server = Server::start(
        &dir,
        &["--allow-update"],
        &[("NEWSGRAPH_TOKEN", "s3cret-token")],
    );
    let update = server.url("/update");
    let insert =
        "update=INSERT DATA { GRAPH <urn:test> { <urn:x> rdfs:label \"added over HTTP\" } }";
    assert_eq!(
        curl(&["--data-urlencode", insert, &update]).status,
        403,
        "no token"
    );
    assert_eq!(
        curl(&[
            "-H",
            "Authorization: Bearer wrong",
            "--data-urlencode",
            insert,
            &update
        ])
        .status,
        403,
        "wrong token"
    );
    assert_eq!(
        curl(&[
            "-X",
            "POST",
            "-H",
            "Authorization: Bearer s3cret-token",
            &update
        ])
        .status,
        415,
        "an update needs a body"
    );
    assert_eq!(curl(&[&update]).status, 405, "updates are never a GET");

    let done = curl(&[
        "-H",
        "Authorization: Bearer s3cret-token",
        "--data-urlencode",
        insert,
        &update,
    ]);
    assert_eq!(done.status, 204, "{done:?}");
    let check = get_query(
        &server,
        "ASK { <urn:x> rdfs:label \"added over HTTP\" }",
        "application/json",
    );
    assert_eq!(json(&check.body)["boolean"], serde_json::Value::Bool(true));
    let bad = curl(&[
        "-H",
        "Authorization: Bearer s3cret-token",
        "-H",
        "Content-Type: application/sparql-update",
        "--data-binary",
        "INSERT nonsense",
        &update,
    ]);
    assert_eq!(bad.status, 400, "{bad:?}");
}

#[test]
fn load_test_answers_every_request() {
    let dir = seed_store();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/load-test.sh");
    let store = dir.path("store");
    let out = Command::new("bash")
        .arg(script)
        .args([
            "--store",
            store.to_str().expect("utf-8 path"),
            "--duration",
            "3",
            "--connections",
            "8",
        ])
        .env("NEWSGRAPH", env!("CARGO_BIN_EXE_newsgraph"))
        .output()
        .expect("run scripts/load-test.sh");
    let report = stdout(&out);
    assert!(
        out.status.success(),
        "load test failed (needs wrk: scripts/ensure-deps.sh --test):\n{report}{}",
        stderr(&out)
    );
    assert!(
        report.contains("queries/s")
            && report.contains("p99")
            && report.contains("failed: 0 non-2xx, 0 socket errors"),
        "{report}"
    );
    // Shown with --nocapture: the figures the README quotes.
    println!("{report}");
}
