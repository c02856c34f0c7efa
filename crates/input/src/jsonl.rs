//! JSON Lines: one JSON object per line, each an article.

use crate::keys::Keys;
use crate::lines::{read_line, skip_line, Line};
use crate::{archive_reader, ArchiveError, Problem, Record, Stop, Unit, MAX_CONTENT_BYTES};
use serde_json::{Map, Value};
use std::io::{BufRead, Read};

/// The names of the fields of a JSON Lines archive. A field left `None` is
/// detected on each line: the first of its common names present (exact,
/// then ignoring case), as listed in the `*_NAMES` constants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonFields {
    /// The article's plain text.
    pub text: Option<String>,
    /// The article's HTML (used when there is no text).
    pub html: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The publication date.
    pub date: Option<String>,
    /// The URL.
    pub url: Option<String>,
    /// The author or authors (a string, or an array of strings or of
    /// objects with a `name`).
    pub author: Option<String>,
}

/// Common names of the plain-text field (CC-News, news-please, schema.org...).
pub const TEXT_NAMES: &[&str] = &["text", "body", "content", "article", "articleBody", "maintext"];
/// Common names of the HTML field.
pub const HTML_NAMES: &[&str] = &["html", "raw_html", "content_html"];
/// Common names of the headline field.
pub const TITLE_NAMES: &[&str] = &["title", "headline"];
/// Common names of the date field.
pub const DATE_NAMES: &[&str] = &["date", "datePublished", "published", "publish_date", "date_publish", "pubDate"];
/// Common names of the URL field.
pub const URL_NAMES: &[&str] = &["url", "link", "uri"];
/// Common names of the author field.
pub const AUTHOR_NAMES: &[&str] = &["author", "authors", "byline"];
/// Common names of the publisher field (always detected).
pub const PUBLISHER_NAMES: &[&str] = &["publisher", "source", "source_domain", "site_name"];
/// Common names of the language field (always detected).
pub const LANGUAGE_NAMES: &[&str] = &["language", "lang", "inLanguage"];

/// Reads the lines of a JSON Lines file (`gzipped`: a `.jsonl.gz`) and calls
/// `on_record` with each article, or with the problem of a line that is
/// not one (not JSON, no text); blank lines are skipped but counted, so
/// that numbers are line numbers. Reading goes on after a bad line; it stops
/// at a corrupt gzip stream (handed over as the line's problem, then `Ok`)
/// or with `Err` when the reader itself fails.
pub fn read_jsonl(
    reader: impl Read,
    gzipped: bool,
    fields: &JsonFields,
    mut on_record: impl FnMut(Result<Record, Problem>),
) -> Result<(), ArchiveError> {
    let mut input = archive_reader(reader, gzipped);
    let mut keys = Keys::default();
    let mut number = 0;
    loop {
        number += 1;
        let line = match next_line(&mut input) {
            Ok(line) => line,
            Err(error) => return Stop::from_io(Unit::Line, number, gzipped, error).finish(&mut on_record),
        };
        match line {
            None => return Ok(()),
            Some(Err(message)) => on_record(Err(Problem::new(Unit::Line, number, message))),
            Some(Ok(bytes)) if bytes.iter().all(u8::is_ascii_whitespace) => {}
            Some(Ok(bytes)) => on_record(record(&bytes, fields, &mut keys, number)),
        }
    }
}

/// The next line; `None` at the end, `Some(Err)` for a line too long to read
/// (passed over).
fn next_line(input: &mut impl BufRead) -> std::io::Result<Option<Result<Vec<u8>, String>>> {
    Ok(match read_line(input, MAX_CONTENT_BYTES)? {
        Line::End => None,
        Line::Complete(bytes) | Line::Unterminated(bytes) => Some(Ok(bytes)),
        Line::TooLong => {
            skip_line(input)?;
            Some(Err(format!("longer than {} MiB, skipped", MAX_CONTENT_BYTES >> 20)))
        }
    })
}

/// The article of one line.
fn record(line: &[u8], fields: &JsonFields, keys: &mut Keys, number: usize) -> Result<Record, Problem> {
    let problem = |message: String| Problem::new(Unit::Line, number, message);
    // Windows tools start files with a UTF-8 byte-order mark, which JSON forbids.
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let value: Value = serde_json::from_slice(line).map_err(|e| problem(format!("not JSON: {e}")))?;
    let Value::Object(object) = value else { return Err(problem(format!("not a JSON object but {}", kind(&value)))) };
    let (body, is_html) = body(&object, fields).map_err(problem)?;
    let url = text(field(&object, fields.url.as_deref(), URL_NAMES));
    Ok(Record {
        number,
        key: keys.key(url.as_deref(), number),
        url,
        date: text(field(&object, fields.date.as_deref(), DATE_NAMES)),
        title: text(field(&object, fields.title.as_deref(), TITLE_NAMES)),
        authors: authors(field(&object, fields.author.as_deref(), AUTHOR_NAMES)),
        publisher: text(field(&object, None, PUBLISHER_NAMES)),
        language: text(field(&object, None, LANGUAGE_NAMES)),
        body,
        is_html,
    })
}

/// The article's content and whether it is HTML: the first text field with
/// a non-blank string, else the first HTML one. A blank one is still
/// returned (the caller reports an empty article); a field of another type,
/// or none, is a problem.
fn body(object: &Map<String, Value>, fields: &JsonFields) -> Result<(String, bool), String> {
    let candidates: Vec<(&str, &Value, bool)> = [(fields.text.as_deref(), TEXT_NAMES, false), (fields.html.as_deref(), HTML_NAMES, true)]
        .into_iter()
        .flat_map(|(named, names, is_html)| fields_named(object, named, names).into_iter().map(move |(n, v)| (n, v, is_html)))
        .collect();
    let string = |(_, value, is_html): &(&str, &Value, bool)| value.as_str().map(|s| (s.to_string(), *is_html));
    if let Some(found) = candidates.iter().filter(|c| c.1.as_str().is_some_and(|s| !s.trim().is_empty())).find_map(string) {
        return Ok(found);
    }
    if let Some(blank) = candidates.iter().find_map(string) {
        return Ok(blank);
    }
    if let Some((name, value, _)) = candidates.first() {
        return Err(format!("field {name:?} is {}, not a string", kind(value)));
    }
    let looked: Vec<&str> = [(fields.text.as_deref(), TEXT_NAMES), (fields.html.as_deref(), HTML_NAMES)]
        .into_iter()
        .flat_map(|(named, names)| named.map_or_else(|| names.to_vec(), |n| vec![n]))
        .collect();
    Err(format!("no text field (looked for {})", looked.join(", ")))
}

/// The value of the field `named`, or of the first common name present.
fn field<'a>(object: &'a Map<String, Value>, named: Option<&str>, names: &[&str]) -> Option<&'a Value> {
    fields_named(object, named, names).first().map(|(_, value)| *value)
}

/// The non-null fields with the name `named`, or else with any of the common
/// `names` (in their order; exact spelling first, then ignoring case).
fn fields_named<'a>(object: &'a Map<String, Value>, named: Option<&str>, names: &[&str]) -> Vec<(&'a str, &'a Value)> {
    let wanted: Vec<&str> = named.map_or_else(|| names.to_vec(), |n| vec![n]);
    let detect = named.is_none();
    let lookup = |name: &str| {
        let exact = object.get_key_value(name);
        let loose = || object.iter().find(|(key, _)| detect && key.eq_ignore_ascii_case(name));
        exact.or_else(loose).filter(|(_, value)| !value.is_null()).map(|(key, value)| (key.as_str(), value))
    };
    wanted.into_iter().filter_map(lookup).collect()
}

/// A string or number as text; `None` for anything else or a blank string.
fn text(value: Option<&Value>) -> Option<String> {
    let text = match value? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// Authors: a string, or an array of strings or of `{"name": ...}` objects.
fn authors(value: Option<&Value>) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::Object(person) => text(person.get("name")),
        other => text(Some(other)),
    };
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
        Some(other) => one(other).into_iter().collect(),
        None => Vec::new(),
    }
}

/// How a JSON value's type is named in problems.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
