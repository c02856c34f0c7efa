//! JSON Lines reading: detected and named fields, bad lines, keys.

use flate2::write::GzEncoder;
use flate2::Compression;
use newsgraph_input::{read_jsonl, ArchiveError, JsonFields, Problem, Record};
use std::io::Write;

fn read(bytes: &[u8], gzipped: bool, fields: &JsonFields) -> (Vec<Result<Record, Problem>>, Result<(), ArchiveError>) {
    let mut items = Vec::new();
    let end = read_jsonl(bytes, gzipped, fields, |item| items.push(item));
    (items, end)
}

/// What a reading hands over, as comparable text: records as their number
/// and key, problems as displayed.
fn summary(items: &[Result<Record, Problem>]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            Ok(record) => format!("{} {}", record.number, record.key),
            Err(problem) => problem.to_string(),
        })
        .collect()
}

fn gzip(text: &str) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    let written = encoder.write_all(text.as_bytes());
    assert!(written.is_ok());
    encoder.finish().unwrap_or_default()
}

const NEWS_PLEASE: &str = r#"{"url": "https://news.example.org/a", "title": "Dam opens", "maintext": "The dam opened on Monday, the minister said.", "date_publish": "2024-03-01 10:00:00", "authors": ["Ana Ruiz", {"name": "Li Wei"}], "source_domain": "news.example.org", "language": "en"}"#;

#[test]
fn a_gzipped_file_of_two_members_gives_its_articles_with_detected_fields() {
    // Two gzip members, as `cat a.jsonl.gz b.jsonl.gz` makes.
    let mut bytes = gzip(&format!("{NEWS_PLEASE}\n"));
    bytes.extend(gzip(r#"{"Headline": "Port closes", "articleBody": "<p>x</p>", "datePublished": 1714550400, "byline": "Tom Berg"}"#));
    let (items, end) = read(&bytes, true, &JsonFields::default());
    assert!(end.is_ok(), "{end:?}");
    let first = Record {
        number: 1,
        key: "https://news.example.org/a".into(),
        url: Some("https://news.example.org/a".into()),
        date: Some("2024-03-01 10:00:00".into()),
        title: Some("Dam opens".into()),
        authors: vec!["Ana Ruiz".into(), "Li Wei".into()],
        publisher: Some("news.example.org".into()),
        language: Some("en".into()),
        body: "The dam opened on Monday, the minister said.".into(),
        is_html: false,
    };
    let second = Record {
        number: 2,
        key: "#2".into(),
        url: None,
        date: Some("1714550400".into()),
        title: Some("Port closes".into()),
        authors: vec!["Tom Berg".into()],
        publisher: None,
        language: None,
        body: "<p>x</p>".into(),
        is_html: false,
    };
    assert_eq!(items, [Ok(first), Ok(second)]);
}

#[test]
fn named_fields_are_read_and_only_they() {
    let fields = JsonFields {
        text: Some("story".into()),
        title: Some("hed".into()),
        date: Some("when".into()),
        url: Some("permalink".into()),
        author: Some("writer".into()),
        ..JsonFields::default()
    };
    let lines = concat!(
        r#"{"story": "Rain fell.", "text": "ignored", "hed": "Rain", "when": "2024-01-02", "permalink": "https://x.example/r", "writer": "Kim", "title": "ignored"}"#,
        "\n",
        r#"{"text": "A text under a common name only."}"#,
        "\n",
    );
    let (items, end) = read(lines.as_bytes(), false, &fields);
    assert!(end.is_ok(), "{end:?}");
    let record = items.first().and_then(|i| i.as_ref().ok());
    let got = record.map(|r| (r.body.as_str(), r.title.as_deref(), r.date.as_deref(), r.url.as_deref(), r.authors.clone()));
    assert_eq!(got, Some(("Rain fell.", Some("Rain"), Some("2024-01-02"), Some("https://x.example/r"), vec!["Kim".to_string()])));
    let problem = items.get(1).and_then(|i| i.as_ref().err()).map(ToString::to_string);
    assert_eq!(problem.as_deref(), Some("line 2: no text field (looked for story, html, raw_html, content_html)"));
}

#[test]
fn bad_lines_are_named_and_the_others_read() {
    let lines = concat!(
        "\u{feff}{\"text\": \"One.\"}\r\n",
        "\n",
        "{\"text\": \"Two.\"\n",
        "[1, 2]\n",
        "{\"title\": \"No text\"}\n",
        "{\"text\": 42}\n",
        "{\"text\": \"Three.\"}",
    );
    let (items, end) = read(lines.as_bytes(), false, &JsonFields::default());
    assert!(end.is_ok(), "{end:?}");
    let expected = [
        "1 #1",
        "line 3: not JSON: EOF while parsing an object at line 1 column 15",
        "line 4: not a JSON object but an array",
        "line 5: no text field (looked for text, body, content, article, articleBody, maintext, html, raw_html, content_html)",
        "line 6: field \"text\" is a number, not a string",
        "7 #7",
    ];
    assert_eq!(summary(&items), expected);
}

#[test]
fn text_is_preferred_to_html_and_html_is_marked() {
    let lines = concat!(
        "{\"html\": \"<p>Page</p>\", \"text\": \"Page\"}\n",
        "{\"raw_html\": \"<p>Only markup</p>\", \"text\": \"  \"}\n",
    );
    let (items, _) = read(lines.as_bytes(), false, &JsonFields::default());
    let bodies: Vec<(String, bool)> = items.into_iter().flatten().map(|r| (r.body, r.is_html)).collect();
    assert_eq!(bodies, [("Page".to_string(), false), ("<p>Only markup</p>".to_string(), true)]);
}

#[test]
fn keys_are_stable_and_unique_when_a_url_repeats() {
    let lines = concat!(
        "{\"url\": \"https://x.example/a\", \"text\": \"v1\"}\n",
        "{\"text\": \"no url\"}\n",
        "{\"url\": \"https://x.example/a\", \"text\": \"v2\"}\n",
        "{\"url\": \"\", \"text\": \"empty url\"}\n",
    );
    let first = summary(&read(lines.as_bytes(), false, &JsonFields::default()).0);
    let again = summary(&read(lines.as_bytes(), false, &JsonFields::default()).0);
    assert_eq!(first, ["1 https://x.example/a", "2 #2", "3 https://x.example/a#3", "4 #4"]);
    assert_eq!(first, again);
}

#[test]
fn a_cut_gzip_stream_is_named_at_its_line() {
    let whole = gzip("{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n");
    let (items, end) = read(&whole[..whole.len() - 4], true, &JsonFields::default());
    assert!(end.is_ok(), "{end:?}");
    assert_eq!(summary(&items), ["1 #1", "2 #2", "line 3: gzip stream corrupt or cut short: unexpected end of file"]);
}
