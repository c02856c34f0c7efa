//! News as it is collected: crawls (WARC.gz), feeds (JSON Lines) and gzipped
//! files build the same facts as folders of pages, each article keyed
//! stably, with its metadata, and a bad record named once while the rest is
//! built. The WARC is written by warcio, a real WARC writer
//! (scripts/pages2warc.py), never by hand. Pages and news are invented.

mod util;
use std::io::Write as _;
use std::process::Command;
use util::{stderr, stdout, Dir};

/// An invented news page with its metadata in JSON-LD and its furniture.
fn page(slug: &str, speaker: &str, role_org: &str, words: &str, date: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>{slug} | Example Gazette</title>
<link rel="canonical" href="https://gazette.example/{slug}">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"A story about {slug}","datePublished":"{date}","author":{{"@type":"Person","name":"Jane Holloway"}},"publisher":{{"@type":"Organization","name":"Example Gazette"}}}}</script>
<script>if (a<b) {{ document.write('<div>'); }}</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>A story about {slug}</h1>
<p>{speaker}, the {role_org}, spoke to reporters in the capital on Tuesday about the plan and its cost to taxpayers.</p>
<p>"{words}," {speaker} said, adding that a decision would follow within weeks after talks with regional leaders.</p>
<p>Critics of the plan said it would take years to finish and cost far more than the government had estimated so far.</p></article>
<aside><h3>Related</h3><a href="/x">Storm closes schools across the region for a second day</a></aside>
<footer>Follow Example Gazette on social media</footer></body></html>"#
    )
}

fn pages(dir: &Dir) {
    dir.write("pages/harbour.html", page("harbour", "Minister Ana Ruiz", "transport minister of Portugal", "We will build the new harbour", "2023-06-14").as_bytes());
    dir.write("pages/rail.html", page("rail", "Tomas Berg", "chief executive of Nordbahn", "The rail line will open next year", "2023-07-02T09:30:00Z").as_bytes());
    let urls = r#"{"harbour": {"url": "https://gazette.example/harbour"}, "rail": {"url": "https://gazette.example/rail"}}"#;
    dir.write("urls.json", urls.as_bytes());
}

fn warc(dir: &Dir, out: &str) {
    std::fs::create_dir_all(dir.path(out).parent().expect("folder")).expect("mkdir");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/pages2warc.py");
    let made = Command::new("python3").args([script, "pages", out, "--urls", "urls.json"]).current_dir(dir.path("")).output().expect("python3");
    assert!(made.status.success(), "warcio (make test-deps installs it): {}", String::from_utf8_lossy(&made.stderr));
}

const STATEMENTS: &str = "SELECT ?s ?t WHERE { ?q a ng:Quote ; ng:text ?t ; ng:speaker ?p . ?p rdfs:label ?s } ORDER BY ?s ?t";
const ENTITIES: &str = "SELECT DISTINCT ?l WHERE { VALUES ?k { ng:Person ng:Organization ng:Country } ?e a ?k ; rdfs:label ?l } ORDER BY ?l";

#[test]
fn a_warc_of_pages_builds_the_facts_of_the_pages_with_the_records_urls() {
    let dir = Dir::new();
    pages(&dir);
    warc(&dir, "crawl/news.warc.gz");
    assert!(dir.build(&dir.path("pages"), "from-pages").status.success());
    let out = dir.build(&dir.path("crawl"), "from-warc");
    assert!(out.status.success(), "{}", stderr(&out));

    let quotes = dir.select("from-warc", STATEMENTS);
    assert_eq!(quotes, dir.select("from-pages", STATEMENTS));
    assert!(quotes.iter().any(|q| q.contains("Ana Ruiz") && q.contains("new harbour")), "{quotes:?}");
    let entities = dir.select("from-warc", ENTITIES);
    assert_eq!(entities, dir.select("from-pages", ENTITIES));
    assert!(!entities.iter().any(|e| e.contains("Gazette") || e.contains("Storm")), "no furniture as entities: {entities:?}");

    let urls = dir.select("from-warc", "SELECT ?u WHERE { ?a a ng:Article ; schema:url ?u } ORDER BY ?u");
    assert_eq!(urls, vec!["https://gazette.example/harbour", "https://gazette.example/rail"]);
    let meta = dir.select("from-warc", "SELECT DISTINCT ?h ?d ?w ?p WHERE { ?a schema:headline ?h ; schema:datePublished ?d ; schema:author/rdfs:label ?w ; schema:publisher/rdfs:label ?p } ORDER BY ?d");
    assert_eq!(meta, vec!["A story about harbour,2023-06-14,Jane Holloway,Example Gazette", "A story about rail,2023-07-02T09:30:00Z,Jane Holloway,Example Gazette"]);

    let again = dir.build(&dir.path("crawl"), "from-warc");
    assert!(stdout(&again).contains("2 unchanged"), "records are skipped like unchanged files: {}", stdout(&again));
}

#[test]
fn a_json_lines_feed_with_a_bad_line_names_it_once_and_builds_the_rest() {
    let dir = Dir::new();
    let good = |title: &str, date: &str, url: &str, speaker: &str| {
        serde_json::json!({"title": title, "date": date, "url": url,
            "text": format!("{speaker}, the health minister of Chile, spoke on Monday.\n\n\"Clinics will stay open all winter,\" {speaker} said.")})
        .to_string()
    };
    let feed = [good("Clinics stay open", "2023-06-20", "https://feed.example/1", "Rosa Vidal"), "{not json".to_string(), good("Winter plan", "2023-08-01", "https://feed.example/3", "Luis Mora")];
    dir.write("feed/news.jsonl", feed.join("\n").as_bytes());
    let out = dir.build(&dir.path("feed"), "store");
    assert_eq!(out.status.code(), Some(2), "a skipped line gives exit code 2: {}", stderr(&out));
    let named: Vec<String> = stderr(&out).lines().filter(|l| l.contains("news.jsonl")).map(str::to_string).collect();
    assert_eq!(named.len(), 1, "{named:?}");
    assert!(named[0].contains("line 2") && named[0].contains("not JSON"), "{named:?}");
    let headlines = dir.select("store", "SELECT ?h WHERE { ?a schema:headline ?h } ORDER BY ?h");
    assert_eq!(headlines, vec!["Clinics stay open", "Winter plan"]);

    let dot = dir.run(&["export", "--store", "store", "--format", "dot", "--since", "2023-07"]);
    let dot = stdout(&dot);
    assert!(dot.contains("Luis Mora") && !dot.contains("Rosa Vidal"), "--since keeps the later article only:\n{dot}");
    let dot = stdout(&dir.run(&["export", "--store", "store", "--format", "dot", "--until", "2023-06"]));
    assert!(dot.contains("Rosa Vidal") && !dot.contains("Luis Mora"), "{dot}");
    assert!(dot.contains("2023-06-20"), "a statement carries its article's date, not a file name:\n{dot}");
}

#[test]
fn records_that_leave_a_feed_are_pruned_like_files() {
    let dir = Dir::new();
    let line = |n: u32| serde_json::json!({"url": format!("https://feed.example/{n}"), "text": format!("\"We counted {n} boats,\" said Officer Nina Holm of the harbour police.")}).to_string();
    dir.write("feed/news.jsonl", format!("{}\n{}\n", line(1), line(2)).as_bytes());
    assert!(dir.build(&dir.path("feed"), "store").status.success());
    dir.write("feed/news.jsonl", format!("{}\n", line(2)).as_bytes());
    let out = dir.run(&["build", "feed", "--store", "store", "--no-exports", "--prune"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let urls = dir.select("store", "SELECT ?u WHERE { ?a a ng:Article ; schema:url ?u }");
    assert_eq!(urls, vec!["https://feed.example/2"]);
}

#[test]
fn extract_text_shows_what_the_extractor_reads_of_gzipped_files() {
    let dir = Dir::new();
    let text = "Harbour plan delayed again\n\nBy Jane Holloway\n\nJune 14, 2023\n\nThe harbour authority said the plan would be delayed by a year.\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).expect("gzip");
    dir.write("news/harbour.txt.gz", &gz.finish().expect("gzip"));
    let out = dir.run(&["extract", "--text", "--json", "news/harbour.txt.gz"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let read: serde_json::Value = serde_json::from_str(stdout(&out).trim()).expect("one JSON line");
    assert_eq!(read["headline"], "Harbour plan delayed again");
    assert_eq!(read["datePublished"], "2023-06-14");
    assert_eq!(read["author"], serde_json::json!(["Jane Holloway"]));
    assert!(read["body"].as_str().is_some_and(|b| b.contains("delayed by a year")));
    assert!(dir.build(&dir.path("news"), "store").status.success());
    assert_eq!(dir.select("store", "SELECT ?f WHERE { ?a ng:fileName ?f }"), vec!["harbour.txt.gz"]);
}

#[test]
fn a_truncated_crawl_names_the_cut_record_once_and_builds_the_records_before_it() {
    let dir = Dir::new();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/input/tests/data/truncated.warc.gz");
    dir.write("crawl/cut.warc.gz", &std::fs::read(fixture).expect("fixture made by warcio"));
    let out = dir.run(&["build", "crawl", "--store", "store", "--no-exports"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let named: Vec<String> = stderr(&out).lines().filter(|l| l.contains("cut.warc.gz")).map(str::to_string).collect();
    assert_eq!(named.len(), 1, "{named:?}");
    assert!(named[0].contains("record 12") && named[0].contains("truncated"), "{named:?}");
    let articles = dir.select("store", "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ng:Article }");
    assert_eq!(articles, vec!["5"], "records 3, 6, 8, 9 and 10 are articles: {}", stderr(&out));
}
