//! Bad input at scale, mixed into one corpus: a very long article, a file over
//! the size limit, NUL bytes,
//! invalid UTF-8, deeply nested HTML, thousands of tiny files, a file that
//! cannot be read. Each bad file is named once on stderr, nothing panics, and
//! every good article is built. (scripts/stress-inputs.sh runs the same at full
//! size: a 50 MB article and 100,000 files.)

mod util;

use util::{stderr, stdout, Dir};

const GOOD: &str = "LAKEVIEW — \u{201c}The water is safe to drink,\u{201d} said Dr. Amara Fofana, the director of the county health department.\n\n";

#[test]
fn every_bad_file_is_named_once_and_the_rest_is_built() {
    let dir = Dir::new();
    dir.write("news/good.txt", GOOD.as_bytes());
    dir.write("news/long.txt", GOOD.repeat(1_500_000 / GOOD.len()).as_bytes());
    dir.write("news/dump.txt", GOOD.repeat(3_000_000 / GOOD.len()).as_bytes());
    dir.write("news/nul.txt", &[0u8; 4096]);
    dir.write("news/latin1.txt", b"Le ministre a d\xe9clar\xe9 que la situation \xe9tait grave.");
    dir.write("news/empty.txt", b"");
    let deep = format!("<html><body>{}<p>{}</p>{}</body></html>", "<div>".repeat(100_000), GOOD.trim(), "</div>".repeat(100_000));
    dir.write("news/deep.html", deep.as_bytes());
    for i in 0..5_000 {
        dir.write(&format!("news/tiny/{:02}/{i}.txt", i / 500), format!("Officials said {i} people attended, according to the county.\n").as_bytes());
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink("/nonexistent/gone.txt", dir.path("news/gone.txt")).expect("symlink");

    let out = dir.run(&["build", "news", "--store", "store", "--no-exports", "--max-article-mb", "2"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "exit 2: done, but files were skipped\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    for (file, problem) in [("nul.txt", "binary file"), ("latin1.txt", "not UTF-8"), ("empty.txt", "empty file"), ("gone.txt", "cannot read"), ("dump.txt", "larger than the 2000000-byte limit")] {
        let lines: Vec<&str> = err.lines().filter(|l| l.contains(file)).collect();
        assert_eq!(lines.len(), 1, "{file} named once: {err}");
        assert!(lines[0].contains(problem), "{file}: {}", lines[0]);
    }
    let summary = stdout(&out);
    assert!(summary.contains("Built 5003 articles"), "good, long, deep and the tiny ones: {summary}");
    let speakers = dir.select("store", "SELECT DISTINCT ?f WHERE { ?q a ng:Quote ; ng:speaker ?s ; prov:wasDerivedFrom ?a . ?s rdfs:label \"Amara Fofana\" . ?a ng:fileName ?f } ORDER BY ?f");
    assert_eq!(speakers, vec!["deep.html", "good.txt", "long.txt"], "the quote is found in nested HTML and all through the long file");
    let long_quotes = dir.select("store", "SELECT (COUNT(?q) AS ?n) WHERE { ?q a ng:Quote ; prov:wasDerivedFrom ?a . ?a ng:fileName \"long.txt\" }");
    assert_eq!(long_quotes, vec![(1_500_000 / GOOD.len()).to_string()]);
}
