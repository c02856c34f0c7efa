//! An article's metadata in schema.org terms (headline, publication date,
//! authors, publisher, URL, language), found in the raw document.
//!
//! HTML is read by a light pass that finds a few kinds of tags with plain
//! string search (JSON-LD scripts, `<meta>`, `<link rel="canonical">`,
//! `<time>`, `<html lang>`, `<title>`) and builds no DOM: the prose cleaner
//! ([`crate::text`]) reads the page on its own, and metadata lives in those
//! tags. Sources are ranked by how deliberately a site states them: JSON-LD,
//! then OpenGraph and `<meta>`, then the rest. Plain text is read from its
//! first lines: a headline, a date line or dateline, a byline, a source line.
//!
//! Pure functions, no I/O. Malformed input never panics: whatever cannot be
//! read is skipped.

use regex::{Captures, Regex};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a document says about itself, in schema.org terms.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Metadata {
    /// schema:headline
    pub headline: Option<String>,
    /// schema:datePublished: `YYYY-MM-DD` (xsd:date) or, when the source gives
    /// a time with a zone, `YYYY-MM-DDThh:mm:ss[.f](Z|±hh:mm)` (xsd:dateTime).
    pub date_published: Option<String>,
    /// schema:author: people's names (an organisation's when that is all the
    /// document gives), deduplicated, in document order.
    pub authors: Vec<String>,
    /// schema:publisher: the outlet's name.
    pub publisher: Option<String>,
    /// schema:url: an absolute http(s) URL.
    pub url: Option<String>,
    /// schema:inLanguage: a BCP 47 tag ("en", "en-US").
    pub language: Option<String>,
}

impl Metadata {
    /// Fills each missing field from `other` (self wins where both have one).
    pub fn or(self, other: Metadata) -> Metadata {
        Metadata {
            headline: self.headline.or(other.headline),
            date_published: self.date_published.or(other.date_published),
            authors: if self.authors.is_empty() { other.authors } else { self.authors },
            publisher: self.publisher.or(other.publisher),
            url: self.url.or(other.url),
            language: self.language.or(other.language),
        }
    }

    /// True when no field is known.
    pub fn is_empty(&self) -> bool {
        *self == Metadata::default()
    }
}

// ---------------------------------------------------------------- HTML

/// An HTML page's metadata: JSON-LD first, then OpenGraph and `<meta>` tags,
/// then `<link rel="canonical">`, `<time>`, `<html lang>` and `<title>`.
pub fn from_html(html: &str) -> Metadata {
    let page = scan(html);
    let linked = from_json_ld(&page.json_ld);
    let tagged = from_meta_tags(&page);
    let base = linked.url.clone().or_else(|| tagged.url.clone());
    let other = from_other_tags(&page, base.as_deref());
    let url = article_url([&linked.url, &tagged.url, &other.url]);
    let mut meta = Metadata { url, ..linked.or(tagged).or(other) };
    if meta.date_published.is_none() {
        meta.date_published = labelled_date(html);
    }
    let sites = site_names(&meta, &page);
    // Titles often carry the site's name (in <title>, og:title, and in the
    // JSON-LD WebPage name that SEO plugins copy from <title>), which is not part of it.
    meta.headline = meta.headline.map(|h| strip_site_name(&h, &sites));
    // "Jane Doe, Example Times": the site is credited beside its writers.
    if meta.authors.iter().any(|a| !names_site(a, &sites)) {
        meta.authors.retain(|a| !names_site(a, &sites));
    }
    meta
}

/// The first URL by rank that is not a site's home page: some articles give
/// their site's root as their own URL (in JSON-LD or og:url) while the
/// canonical link names the article.
fn article_url(candidates: [&Option<String>; 3]) -> Option<String> {
    let found = || candidates.into_iter().flatten();
    let is_root = |url: &&String| url.splitn(4, '/').nth(3).is_none_or(|path| path.is_empty());
    found().find(|u| !is_root(u)).or_else(|| found().next()).cloned()
}

/// What the light pass over a page keeps.
#[derive(Default)]
struct Page<'a> {
    json_ld: Vec<&'a str>,
    /// (`property`, `name`, `itemprop` or `http-equiv`, lowercased; content)
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    /// (`datetime` or text, whether marked as the publication time)
    times: Vec<(String, bool)>,
    lang: Option<String>,
    title: Option<String>,
    /// A date in the text of an element marked as one (`class="article-date"`).
    visible_date: Option<String>,
    /// Names in the text of an element marked as a byline or author link.
    visible_authors: Vec<String>,
    /// Marked elements whose text was read: a page full of them is not read whole.
    visible_tries: usize,
}

/// How many marked elements' text is read at most.
const VISIBLE_TRIES: usize = 50;

impl Page<'_> {
    /// The non-empty contents of the `<meta>` tags named `key`, in page order.
    fn meta<'p>(&'p self, key: &'p str) -> impl Iterator<Item = &'p str> + 'p {
        self.metas.iter().filter(move |(k, v)| k == key && !v.is_empty()).map(|(_, v)| v.as_str())
    }
}

type Attributes = Vec<(String, String)>;

fn attribute<'a>(attrs: &'a Attributes, name: &str) -> Option<&'a str> {
    attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// The tags the pass reads; every other tag is stepped over.
const WATCHED_TAGS: &[&str] = &["script", "style", "textarea", "meta", "link", "time", "html", "title", "body"];

/// One pass over the page, tag by tag, without building a tree.
fn scan(html: &str) -> Page<'_> {
    let mut page = Page::default();
    let mut in_body = false;
    let mut pos = 0;
    while let Some(offset) = html[pos..].find('<') {
        let start = pos + offset;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            pos = rest.find("-->").map_or(html.len(), |end| start + end + 3);
            continue;
        }
        let name_len = rest[1..].bytes().take_while(u8::is_ascii_alphanumeric).count();
        let after_name = start + 1 + name_len;
        pos = after_name;
        if name_len == 0 {
            continue; // a closing tag, a doctype, or a stray '<'
        }
        let name = &rest[1..1 + name_len];
        let Some(&tag) = WATCHED_TAGS.iter().find(|t| t.eq_ignore_ascii_case(name)) else {
            read_marked_element(html, after_name, &mut page);
            continue;
        };
        let (attrs, end) = attributes(html, after_name);
        pos = end;
        match tag {
            "script" | "style" | "textarea" => {
                // Raw text: a script may hold '<' and markup in strings.
                let close = closing_tag(html, end, tag);
                if tag == "script" && attribute(&attrs, "type").is_some_and(is_json_ld_type) {
                    page.json_ld.push(&html[end..close]);
                }
                pos = close;
            }
            "title" if !in_body && page.title.is_none() => {
                let close = closing_tag(html, end, "title");
                page.title = Some(clean_text(&html[end..close])).filter(|t| !t.is_empty());
                pos = close;
            }
            "time" => read_time(html, end, &attrs, &mut page),
            "meta" => read_meta(&attrs, &mut page),
            "link" => read_link(&attrs, &mut page),
            "html" if page.lang.is_none() => {
                page.lang = attribute(&attrs, "lang").or_else(|| attribute(&attrs, "xml:lang")).map(str::to_string);
            }
            "body" => in_body = true,
            _ => {}
        }
    }
    page
}

fn is_json_ld_type(value: &str) -> bool {
    value.to_ascii_lowercase().contains("ld+json")
}

/// Where `</name` next starts (case-insensitively), or the end of the page.
fn closing_tag(html: &str, from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(offset) = html[at..].find("</") {
        let found = at + offset;
        let candidate = html.as_bytes().get(found + 2..found + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return found;
        }
        at = found + 2;
    }
    html.len()
}

/// Reads a tag's attributes from just after its name; returns them (names
/// lowercased, values decoded) and the offset just past the tag's `>`.
/// Quoted values may hold '>'; an unclosed tag ends at the end of the page.
fn attributes(html: &str, from: usize) -> (Attributes, usize) {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    let mut i = from;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        match bytes.get(i) {
            None => return (attrs, bytes.len()),
            Some(b'>') => return (attrs, i + 1),
            Some(_) => {}
        }
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            let (v, next) = attribute_value(html, i + 1);
            value = v;
            i = next;
        }
        attrs.push((name, decode(value)));
    }
}

/// An attribute's value starting at `from` (after '='), and the offset after it.
fn attribute_value(html: &str, from: usize) -> (&str, usize) {
    let bytes = html.as_bytes();
    let mut i = from;
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    match bytes.get(i) {
        Some(&quote) if quote == b'"' || quote == b'\'' => {
            let end = html[i + 1..].find(quote as char).map_or(html.len(), |e| i + 1 + e);
            (&html[i + 1..end], (end + 1).min(html.len()))
        }
        _ => {
            let len = bytes[i.min(bytes.len())..]
                .iter()
                .take_while(|b| !b.is_ascii_whitespace() && **b != b'>')
                .count();
            (&html[i..i + len], i + len)
        }
    }
}

fn read_meta(attrs: &Attributes, page: &mut Page) {
    let Some(content) = attribute(attrs, "content") else { return };
    for key in ["property", "name", "itemprop", "http-equiv"] {
        if let Some(k) = attribute(attrs, key) {
            page.metas.push((k.trim().to_ascii_lowercase(), content.trim().to_string()));
        }
    }
}

fn read_link(attrs: &Attributes, page: &mut Page) {
    let canonical = attribute(attrs, "rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")));
    if canonical && page.canonical.is_none() {
        page.canonical = attribute(attrs, "href").map(|h| h.trim().to_string());
    }
}

/// `<time datetime=...>`, or the element's text when it has no `datetime`.
fn read_time(html: &str, end: usize, attrs: &Attributes, page: &mut Page) {
    let published = attribute(attrs, "pubdate").is_some()
        || attribute(attrs, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
    let value = match attribute(attrs, "datetime") {
        Some(v) => v.to_string(),
        None => {
            // A time element's text is short; a missing end tag must not swallow the page.
            clean_text(window(html, end, 200).split('<').next().unwrap_or(""))
        }
    };
    page.times.push((value, published));
}

/// Substrings of a tag that may mark metadata; other tags are not parsed.
const MARKERS: &[&str] = &["itemprop", "date", "Date", "publish", "author", "Author", "byline", "Byline"];

/// Metadata marked on any element: microdata with a value
/// (`<span itemprop="datePublished" content="...">`) goes with the `<meta>`
/// tags; the text of an element marked as a date or a byline (microdata
/// without a value, `class="article-date"`, `<a rel="author">`) is the last resort.
fn read_marked_element(html: &str, after_name: usize, page: &mut Page) {
    // Bounded, so that a page of '<' without '>' is not read once per '<'.
    // Longer tags (inline images) are skipped: metadata is not in them.
    let Some(gt) = window(html, after_name, 4096).find('>') else { return };
    if !MARKERS.iter().any(|m| html[after_name..after_name + gt].contains(m)) {
        return;
    }
    let (attrs, end) = attributes(html, after_name);
    let itemprop = attribute(&attrs, "itemprop").unwrap_or("").trim().to_ascii_lowercase();
    let value = attribute(&attrs, "content").or_else(|| attribute(&attrs, "datetime"));
    if let (false, Some(value)) = (itemprop.is_empty(), value) {
        page.metas.push((itemprop, value.trim().to_string()));
        return;
    }
    if page.visible_tries >= VISIBLE_TRIES {
        return;
    }
    let class = attribute(&attrs, "class").unwrap_or("").to_ascii_lowercase();
    if page.visible_date.is_none() && (itemprop == "datepublished" || is_date_class(&class)) {
        page.visible_date = text_runs(html, end).find_map(|run| date_line(&run));
        page.visible_tries += 1;
    }
    let rel_author = attribute(&attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("author"));
    let byline_class = (class.contains("byline") || class.contains("author")) && !class.contains("comment");
    if page.visible_authors.is_empty() && (rel_author || itemprop == "author" || byline_class) {
        let mut runs = text_runs(html, end).filter(|run| !strip_by(run).is_empty());
        page.visible_authors = runs.next().map(|run| author_names(&run)).unwrap_or_default();
        page.visible_tries += 1;
    }
}

/// Classes of elements holding the publication date, not the last update.
fn is_date_class(class: &str) -> bool {
    (class.contains("date") || class.contains("publish") || class.contains("posted"))
        && !class.contains("update")
        && !class.contains("modif")
}

/// The first few pieces of text after `from`, markup skipped, within a short
/// stretch of the page (a byline's name is often nested in a link or span).
fn text_runs(html: &str, from: usize) -> impl Iterator<Item = String> + '_ {
    window(html, from, 600)
        .split('<')
        .enumerate()
        .filter_map(|(i, chunk)| if i == 0 { Some(chunk) } else { chunk.split_once('>').map(|(_, text)| text) })
        .map(clean_text)
        .filter(|text| !text.is_empty())
        .take(4)
}

/// At most `len` bytes of the page from `from`, cut at a character boundary.
fn window(html: &str, from: usize, len: usize) -> &str {
    let mut end = from.saturating_add(len).min(html.len());
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    html.get(from..end).unwrap_or("")
}

/// A date in visible text after a label: "<p>Published: June 17, 2023</p>".
fn labelled_date(html: &str) -> Option<String> {
    ["Published", "Posted", "PUBLISHED"].iter().find_map(|label| {
        html.match_indices(label)
            .take(5)
            .filter(|(at, _)| html[..*at].trim_end().ends_with('>'))
            .find_map(|(at, _)| date_line(window(html, at, 200).split('<').next().unwrap_or("")))
    })
}

// ------------------------------------------------------------- JSON-LD

fn from_json_ld(scripts: &[&str]) -> Metadata {
    let documents: Vec<Value> = scripts.iter().filter_map(|s| parse_json_ld(s)).collect();
    let mut nodes = Vec::new();
    for document in &documents {
        collect_nodes(document, &mut nodes, 0);
    }
    let ids: HashMap<&str, &Map<String, Value>> =
        nodes.iter().filter_map(|n| Some((n.get("@id")?.as_str()?, *n))).collect();
    let mut ranked: Vec<(u8, &Map<String, Value>)> =
        nodes.iter().filter_map(|n| Some((article_rank(n)?, *n))).collect();
    // Articles before pages; in page order within a rank (the sort is stable).
    ranked.sort_by_key(|(rank, _)| std::cmp::Reverse(*rank));
    ranked.into_iter().fold(Metadata::default(), |meta, (_, node)| meta.or(from_node(node, &ids)))
}

/// A script's JSON; sites wrap it in comments or CDATA, or leave raw line
/// breaks inside strings (invalid JSON that browsers' readers forgive).
fn parse_json_ld(script: &str) -> Option<Value> {
    let mut body = script.trim();
    for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] {
        body = body.strip_prefix(wrapper).unwrap_or(body).trim_start();
    }
    for wrapper in ["-->", "//]]>", "]]>", ";"] {
        body = body.strip_suffix(wrapper).unwrap_or(body).trim_end();
    }
    serde_json::from_str(body).ok().or_else(|| {
        let flat: String = body.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str(&flat).ok()
    })
}

/// Every object at the top, in arrays, in `@graph` and as `mainEntity`.
fn collect_nodes<'v>(value: &'v Value, out: &mut Vec<&'v Map<String, Value>>, depth: usize) {
    if depth > 6 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|item| collect_nodes(item, out, depth + 1)),
        Value::Object(object) => {
            out.push(object);
            for key in ["@graph", "mainEntity"] {
                if let Some(inner) = object.get(key) {
                    collect_nodes(inner, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// The node's schema.org types, without a vocabulary prefix ("schema:", "http://schema.org/").
fn types(node: &Map<String, Value>) -> Vec<&str> {
    let names: Vec<&str> = match node.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    names.into_iter().map(|t| t.rsplit(['/', ':', '#']).next().unwrap_or(t)).collect()
}

/// 2 for articles (NewsArticle, BlogPosting, Report...), 1 for web pages, None otherwise.
fn article_rank(node: &Map<String, Value>) -> Option<u8> {
    types(node)
        .into_iter()
        .filter_map(|t| match t {
            _ if t.ends_with("Article") || t.ends_with("Posting") || t == "Report" => Some(2),
            _ if t.ends_with("Page") => Some(1),
            _ => None,
        })
        .max()
}

fn is_organisation(node: &Map<String, Value>) -> bool {
    types(node).iter().any(|t| t.ends_with("Organization") || *t == "WebSite" || *t == "Corporation")
}

type Ids<'v> = HashMap<&'v str, &'v Map<String, Value>>;

fn from_node(node: &Map<String, Value>, ids: &Ids) -> Metadata {
    let text = |key: &str| first_str(node.get(key)?).map(clean_text).filter(|t| !t.is_empty());
    Metadata {
        headline: text("headline").or_else(|| text("name")),
        date_published: ["datePublished", "dateCreated", "uploadDate"]
            .iter()
            .find_map(|key| normalise_date(first_str(node.get(*key)?)?)),
        authors: node.get("author").map(|a| linked_authors(a, ids)).unwrap_or_default(),
        publisher: node.get("publisher").and_then(|p| linked_name(p, ids)),
        url: ["url", "mainEntityOfPage"].iter().find_map(|key| linked_url(node.get(*key)?)),
        language: node.get("inLanguage").and_then(first_str).and_then(normalise_language),
    }
}

/// A string, or the first string of an array.
fn first_str(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) => Some(s),
        Value::Array(items) => items.iter().find_map(Value::as_str),
        _ => None,
    }
}

/// A single value or each element of an array.
fn items(value: &Value) -> &[Value] {
    match value {
        Value::Array(items) => items,
        other => std::slice::from_ref(other),
    }
}

/// A reference (`{"@id": ...}` alone) replaced by the node it names.
fn resolve<'v>(node: &'v Map<String, Value>, ids: &Ids<'v>) -> &'v Map<String, Value> {
    if node.contains_key("name") {
        return node;
    }
    node.get("@id").and_then(Value::as_str).and_then(|id| ids.get(id).copied()).unwrap_or(node)
}

/// People's names; organisations' only when no person is named.
fn linked_authors(value: &Value, ids: &Ids) -> Vec<String> {
    let mut people = Vec::new();
    let mut organisations = Vec::new();
    for item in items(value) {
        match item {
            Value::String(s) => people.extend(author_names(s)),
            Value::Object(node) => {
                let node = resolve(node, ids);
                let Some(name) = node.get("name").and_then(first_str) else { continue };
                if is_organisation(node) {
                    organisations.push(clean_text(name));
                } else {
                    people.extend(author_names(name));
                }
            }
            _ => {}
        }
    }
    let names = if people.is_empty() { organisations } else { people };
    deduplicated(names.into_iter().filter(|n| !n.is_empty()))
}

fn linked_name(value: &Value, ids: &Ids) -> Option<String> {
    items(value).iter().find_map(|item| {
        let name = match item {
            Value::String(s) => s.as_str(),
            Value::Object(node) => resolve(node, ids).get("name").and_then(first_str)?,
            _ => return None,
        };
        Some(clean_text(name)).filter(|n| !n.is_empty() && !is_link_or_email(n))
    })
}

fn linked_url(value: &Value) -> Option<String> {
    items(value).iter().find_map(|item| match item {
        Value::String(s) => absolute_url(s, None),
        Value::Object(node) => ["@id", "url"].iter().find_map(|k| absolute_url(node.get(*k)?.as_str()?, None)),
        _ => None,
    })
}

// ------------------------------------------------- OpenGraph and <meta>

const TITLE_KEYS: &[&str] =
    &["og:title", "twitter:title", "title", "sailthru.title", "parsely-title", "dc.title", "headline"];
const DATE_KEYS: &[&str] = &[
    "article:published_time", "og:article:published_time", "datepublished", "published_time",
    "article.published", "publishdate", "publish-date", "publish_date", "pubdate", "date",
    "parsely-pub-date", "sailthru.date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued",
    "dcterms.created", "citation_publication_date", "citation_date", "og:published_time", "og:pubdate",
];
const AUTHOR_KEYS: &[&str] = &[
    "author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
    "citation_author",
];
const PUBLISHER_KEYS: &[&str] = &["og:site_name", "publisher", "dc.publisher", "citation_publisher", "application-name"];
const URL_KEYS: &[&str] = &["og:url", "twitter:url", "parsely-link"];
const LANGUAGE_KEYS: &[&str] = &["og:locale", "inlanguage", "content-language", "language", "dc.language"];

fn from_meta_tags(page: &Page) -> Metadata {
    let first = |keys: &[&str], read: &dyn Fn(&str) -> Option<String>| {
        keys.iter().find_map(|key| page.meta(key).find_map(read))
    };
    Metadata {
        headline: first(TITLE_KEYS, &|v| Some(clean_text(v)).filter(|t| !t.is_empty())),
        date_published: first(DATE_KEYS, &normalise_date),
        authors: meta_authors(page),
        publisher: first(PUBLISHER_KEYS, &|v| Some(clean_text(v)).filter(|p| !p.is_empty() && !is_link_or_email(p))),
        url: first(URL_KEYS, &|v| absolute_url(v, None)),
        language: first(LANGUAGE_KEYS, &normalise_language),
    }
}

/// All the names under the first author key that gives any (a page may
/// repeat `<meta name="author">` once per author).
fn meta_authors(page: &Page) -> Vec<String> {
    AUTHOR_KEYS
        .iter()
        .map(|key| deduplicated(page.meta(key).flat_map(author_names)))
        .find(|names| !names.is_empty())
        .unwrap_or_default()
}

// -------------------------------------------------------------- the rest

fn from_other_tags(page: &Page, base: Option<&str>) -> Metadata {
    let published = page.times.iter().find(|(_, marked)| *marked).or(page.times.first());
    Metadata {
        headline: page.title.clone(),
        date_published: published.and_then(|(value, _)| normalise_date(value)).or(page.visible_date.clone()),
        authors: page.visible_authors.clone(),
        url: page.canonical.as_deref().and_then(|c| absolute_url(c, base)),
        language: page.lang.as_deref().and_then(normalise_language),
        publisher: None,
    }
}

/// Names a title may end with: the publisher, og:site_name, application-name
/// and the URL's host ("www.example-times.com" gives "example-times").
fn site_names(meta: &Metadata, page: &Page) -> Vec<String> {
    let mut names: Vec<String> = meta.publisher.iter().cloned().collect();
    names.extend(PUBLISHER_KEYS.iter().flat_map(|k| page.meta(k)).map(str::to_string));
    if let Some(host) = meta.url.as_deref().and_then(host_of) {
        let labels: Vec<&str> = host.split('.').collect();
        if labels.len() >= 2 {
            names.push(labels[labels.len() - 2].to_string());
        }
    }
    names
}

/// "Headline | Example Times" → "Headline" when the part after the last
/// separator (or before the first) names the site; else the title unchanged.
fn strip_site_name(title: &str, sites: &[String]) -> String {
    let names_site = |part: &str| names_site(part, sites);
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " : "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if !head.trim().is_empty() && names_site(tail) {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(separator) {
            if !tail.trim().is_empty() && names_site(head) {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Whether `part` is the site's name ("Example Times" in "Example Times Online").
/// Also a site's section or desk: "CNN Business" when the site is "CNN".
fn names_site(part: &str, sites: &[String]) -> bool {
    let key = comparison_key(part);
    let words: Vec<&str> = part.split_whitespace().collect();
    let desk_of = |site: &str| words.len() == 2 && site.len() >= 3 && comparison_key(words[0]) == site;
    !key.is_empty()
        && sites
            .iter()
            .map(|s| comparison_key(s))
            .filter(|k| k.len() >= 2)
            .any(|k| k == key || (key.len() >= 4 && k.contains(&key)) || desk_of(&k))
}

/// Lowercase letters and digits only: "The Example-Times" → "theexampletimes".
fn comparison_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

// ------------------------------------------------------- URLs, languages

/// An absolute http(s) URL; protocol-relative ones get https, and a path is
/// resolved against `base` when there is one. Anything else is no URL.
fn absolute_url(raw: &str, base: Option<&str>) -> Option<String> {
    let url = raw.trim();
    if url.contains(char::is_whitespace) {
        return None;
    }
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let absolute = if lower.starts_with("http://") || lower.starts_with("https://") {
        url.to_string()
    } else if url.starts_with("//") {
        format!("https:{url}")
    } else if url.starts_with('/') {
        let base = base?;
        let origin_end = base.find("://").map(|s| s + 3).and_then(|s| base[s..].find('/').map(|e| s + e));
        format!("{}{url}", &base[..origin_end.unwrap_or(base.len())])
    } else {
        return None;
    };
    host_of(&absolute).is_some_and(|h| h.contains('.') || h == "localhost").then_some(absolute)
}

/// The host of an absolute URL, lowercased, without port or credentials.
fn host_of(url: &str) -> Option<String> {
    let after_scheme = &url[url.find("://")? + 3..];
    let authority = after_scheme.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// A BCP 47 tag in its usual case ("en_us" → "en-US"); the first of a list.
fn normalise_language(raw: &str) -> Option<String> {
    let tag = raw.split([',', ';']).map(str::trim).find(|t| !t.is_empty())?.replace('_', "-");
    let mut subtags = tag.split('-');
    let primary = subtags.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary.to_ascii_lowercase();
    for subtag in subtags {
        if subtag.is_empty() || subtag.len() > 8 || !subtag.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        out.push_str(&match subtag.len() {
            2 => subtag.to_ascii_uppercase(),
            4 => crate::lexicon::name_case(subtag),
            _ => subtag.to_ascii_lowercase(),
        });
    }
    Some(out)
}

// --------------------------------------------------------------- dates

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a built-in pattern is valid")
}

/// "2019-05-14", "2019-05-14T06:34:00.5-04:00", "2019/05/14 10:34:00 UTC".
fn iso_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex(
            r"(?i)^(?P<y>\d{4})[-/](?P<mo>\d{1,2})[-/](?P<d>\d{1,2})(?:(?:T|\s+)(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?P<f>\.\d+)?)?\s*(?P<z>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$",
        )
    })
}

/// A date written with the month's name, with an optional weekday before and
/// time and zone after: "May 14, 2019", "Tue, 14 May 2019 10:34:00 GMT",
/// "Tuesday, March 3, 2020 10:15 AM", "Sept. 11, 2016".
fn written_date_core() -> String {
    let weekday = r"(?:\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?";
    // A time written before the date ("01:38:07 PM IST Nov 20, 2019") is skipped: the date is kept.
    let time_first = r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)?\s*(?-i:[A-Z]{2,4}\b)?\s*,?\s+)?";
    let month_day = format!(r"(?P<m1>{MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})");
    let day_month = format!(r"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH})\.?,?\s+(?P<y2>\d{{4}})");
    let zone = r"(?P<z>Z|UTC|GMT|[+-]\d{2}:?\d{2}|(?-i:[A-Z]{2,4}))";
    let time = format!(
        r"(?:,?\s*(?:at\s+|-\s*)?(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?\s*(?P<ap>[ap]\.?m\b\.?)?\s*(?:{zone}\b)?)?"
    );
    format!(r"(?i){weekday}{time_first}(?:{month_day}|{day_month})\b{time}")
}

fn written_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| regex(&format!(r"^(?:{})\.?$", written_date_core())))
}

/// The same, anywhere in a line (a byline or dateline holding a date).
fn written_date_within() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| regex(&written_date_core()))
}

/// A calendar date with, perhaps, a time of day.
struct Stamp<'a> {
    year: u32,
    month: u32,
    day: u32,
    clock: Option<Clock<'a>>,
}

struct Clock<'a> {
    hour: u32,
    minute: u32,
    second: u32,
    fraction: &'a str,
    /// "Z" or "±hh:mm"; None when no zone, or one with no fixed offset ("ET").
    zone: Option<String>,
}

/// A date in ISO 8601: the date alone, or date and time when the zone is known.
/// "2019-05-14T06:34:00-04:00", "Tue, 14 May 2019 10:34:00 GMT", "20190514",
/// "Sept. 11, 2016"; impossible dates (month 13, 30 February) give None.
pub fn normalise_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() > 80 {
        return None;
    }
    let stamp = if let Some(c) = iso_date().captures(s) {
        numeric_stamp(&c)?
    } else if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        Stamp { year: number(&s[..4])?, month: number(&s[4..6])?, day: number(&s[6..])?, clock: None }
    } else {
        written_stamp(&written_date().captures(s)?)?
    };
    stamp.render()
}

fn number(digits: &str) -> Option<u32> {
    digits.parse().ok()
}

fn group<'h>(c: &Captures<'h>, name: &str) -> Option<&'h str> {
    c.name(name).map(|m| m.as_str())
}

fn numeric_stamp<'h>(c: &Captures<'h>) -> Option<Stamp<'h>> {
    Some(Stamp {
        year: number(group(c, "y")?)?,
        month: number(group(c, "mo")?)?,
        day: number(group(c, "d")?)?,
        clock: clock(c, None)?,
    })
}

fn written_stamp<'h>(c: &Captures<'h>) -> Option<Stamp<'h>> {
    let month = group(c, "m1").or_else(|| group(c, "m2"))?;
    Some(Stamp {
        year: number(group(c, "y1").or_else(|| group(c, "y2"))?)?,
        month: month_number(month)?,
        day: number(group(c, "d1").or_else(|| group(c, "d2"))?)?,
        clock: clock(c, group(c, "ap"))?,
    })
}

/// The time of day in the captures: Some(None) when there is none, None when
/// it is impossible (25:00, 13 PM).
fn clock<'h>(c: &Captures<'h>, am_pm: Option<&str>) -> Option<Option<Clock<'h>>> {
    let Some(hour) = group(c, "h") else { return Some(None) };
    let mut hour = number(hour)?;
    if let Some(marker) = am_pm {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + if marker.to_ascii_lowercase().starts_with('p') { 12 } else { 0 };
    }
    let clock = Clock {
        hour,
        minute: number(group(c, "mi")?)?,
        second: group(c, "s").map_or(Some(0), number)?,
        fraction: group(c, "f").unwrap_or(""),
        zone: group(c, "z").and_then(zone_offset),
    };
    (clock.hour < 24 && clock.minute < 60 && clock.second < 60).then_some(Some(clock))
}

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = name.to_ascii_lowercase();
    MONTHS.iter().position(|m| lower.starts_with(m)).map(|i| i as u32 + 1)
}

/// "Z" or "±hh:mm" for a zone with a fixed offset (RFC 2822 names the US ones).
fn zone_offset(zone: &str) -> Option<String> {
    let named = match zone.to_ascii_uppercase().as_str() {
        "Z" | "UTC" | "GMT" | "UT" => return Some("Z".to_string()),
        "EST" => "-05:00",
        "EDT" => "-04:00",
        "CST" => "-06:00",
        "CDT" => "-05:00",
        "MST" => "-07:00",
        "MDT" => "-06:00",
        "PST" => "-08:00",
        "PDT" => "-07:00",
        _ => "",
    };
    let offset = if named.is_empty() { zone } else { named };
    let (sign, digits) = (offset.get(..1)?, offset.get(1..)?.replace(':', ""));
    if !matches!(sign, "+" | "-") || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        2 => (number(&digits)?, 0),
        4 => (number(&digits[..2])?, number(&digits[2..])?),
        _ => return None,
    };
    (hours <= 14 && minutes < 60).then(|| format!("{sign}{hours:02}:{minutes:02}"))
}

impl Stamp<'_> {
    fn render(&self) -> Option<String> {
        let leap = self.year.is_multiple_of(4) && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400));
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if !(1000..=2999).contains(&self.year) || self.day == 0 || self.day > days {
            return None;
        }
        let date = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        // Without a zone a time names no instant: the date alone is what is known.
        match &self.clock {
            Some(Clock { hour, minute, second, fraction, zone: Some(zone) }) => {
                Some(format!("{date}T{hour:02}:{minute:02}:{second:02}{fraction}{zone}"))
            }
            _ => Some(date),
        }
    }
}

// ---------------------------------------------------------------- names

/// Bylines name people, sometimes followed by the agency that sent the story.
const AGENCIES: &[&str] = &[
    "reuters", "ap", "the associated press", "associated press", "afp", "agence france-presse",
    "agence france presse", "bloomberg", "bloomberg news", "upi", "united press international", "dpa",
    "efe", "ansa", "xinhua", "kyodo", "kyodo news", "tass", "pa", "pa media", "press association",
    "anadolu", "cnn", "bbc", "bbc news", "pti", "ians", "ani",
];

/// Words that make a byline part a job title, not a name.
const ROLE_WORDS: &[&str] = &[
    "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor",
    "editors", "contributor", "contributors", "contributing", "columnist", "photographer", "producer",
    "analyst", "bureau", "chief", "intern", "desk", "senior", "associate", "special", "freelance",
    "guest", "author", "authors", "team", "columnists", "news service", "wire", "editorial",
];

/// Lowercase words that belong inside names ("Ursula von der Leyen").
const NAME_PARTICLES: &[&str] =
    &["de", "da", "das", "del", "della", "der", "den", "di", "do", "dos", "du", "la", "le", "van", "von", "bin", "al", "y", "ten", "ter"];

/// What a byline says: the people, and the agency or outlet after them.
#[derive(Default)]
struct Credit {
    names: Vec<String>,
    agency: Option<String>,
}

/// Reads "By Jane Doe and John Roe, Reuters", "JANE DOE | CNN",
/// "Jane Doe - Staff Writer". None when the first part is no name (then
/// the line is prose: "By the end of the week, ...") or is a link or address.
fn credit(raw: &str) -> Option<Credit> {
    let text = clean_text(raw);
    if is_link_or_email(&text) {
        return None;
    }
    let text = strip_by(&text);
    let (names, tail) = split_tail(text);
    let mut credit = Credit { agency: tail.filter(|t| is_outlet(t)).map(str::to_string), ..Credit::default() };
    for (i, part) in name_parts(names).enumerate() {
        if is_agency(part) {
            credit.agency.get_or_insert_with(|| part.to_string());
        } else if is_role(part) {
            continue;
        } else if looks_like_name(part) && (i == 0 || part.contains(' ')) {
            credit.names.push(if part.chars().any(char::is_lowercase) { part.to_string() } else { name_case(part) });
        } else if i == 0 {
            return None;
        }
        // Later one-word parts are places or desks ("Jane Doe, Washington").
    }
    (!credit.names.is_empty() || credit.agency.is_some()).then_some(credit)
}

/// An author field's names; the agency when it is all the field gives.
fn author_names(raw: &str) -> Vec<String> {
    match credit(raw) {
        Some(Credit { names, agency }) if names.is_empty() => agency.into_iter().collect(),
        Some(credit) => credit.names,
        None => Vec::new(),
    }
}

fn strip_by(text: &str) -> &str {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| regex(r"^(?i)(?:(?:written|posted|reported|story|words|text)\s+)?by\b\s*:?\s*"));
    re.find(text).map_or(text, |m| &text[m.end()..])
}

/// "Jane Doe | CNN" → ("Jane Doe", Some("CNN")): the tail is an outlet or a role.
/// "Jane Doe. Example Wire" too, but not "Jane E. Doe" (an initial).
fn split_tail(text: &str) -> (&str, Option<&str>) {
    for separator in [" | ", " - ", " – ", " — ", " / "] {
        if let Some((head, tail)) = text.split_once(separator) {
            return (head.trim(), Some(tail.trim()));
        }
    }
    let sentence_end = text.match_indices(". ").find(|(at, _)| {
        let word = text[..*at].rsplit(' ').next().unwrap_or("");
        !is_abbreviation(&format!("{word}."))
    });
    match sentence_end {
        Some((at, _)) => (text[..at].trim(), Some(text[at + 2..].trim())),
        None => (text, None),
    }
}

/// "A, B and C" → A, B, C; "A & B" → A, B.
fn name_parts(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';'])
        .map(|piece| {
            let piece = piece.trim();
            ["and ", "AND ", "And ", "& "].iter().fold(piece, |p, w| p.strip_prefix(w).unwrap_or(p))
        })
        .flat_map(|piece| piece.split(" and ").flat_map(|p| p.split(" AND ")).flat_map(|p| p.split(" & ")))
        .map(str::trim)
        .filter(|part| !part.is_empty())
}

fn is_agency(part: &str) -> bool {
    AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(part))
}

fn is_role(part: &str) -> bool {
    let lower = part.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).any(|w| ROLE_WORDS.contains(&w))
        || ROLE_WORDS.iter().any(|r| r.contains(' ') && lower.contains(r))
}

fn is_outlet(part: &str) -> bool {
    is_agency(part) || (!is_role(part) && looks_like_name(part))
}

/// One to five capitalised words without digits or symbols.
fn looks_like_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || part.chars().count() > 60 {
        return false;
    }
    if part.chars().any(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | ':' | '(' | ')' | '?' | '!' | '"')) {
        return false;
    }
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        (first.is_alphabetic() && !first.is_lowercase()) || NAME_PARTICLES.contains(w)
    }) && !NAME_PARTICLES.contains(&words[0])
}

/// "JANE O'DOE-ROE" → "Jane O'Doe-Roe".
fn name_case(name: &str) -> String {
    name.split(' ').map(crate::lexicon::name_case).collect::<Vec<_>>().join(" ")
}

fn is_link_or_email(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("://")
        || lower.starts_with("www.")
        || (lower.starts_with('@') && !lower.contains(' '))
        || lower.split_whitespace().any(|w| {
            let at_domain = w.split_once('@').is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.'));
            let path_domain = w.split_once('/').is_some_and(|(host, _)| host.contains('.') && !host.ends_with('.'));
            at_domain || path_domain
        })
}

fn deduplicated(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        if !out.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
            out.push(name);
        }
    }
    out
}

/// Entities decoded (twice, for pages that encode them twice), whitespace collapsed.
fn clean_text(raw: &str) -> String {
    let once = html_escape::decode_html_entities(raw);
    let twice = if once.contains('&') { html_escape::decode_html_entities(&once).into_owned() } else { once.into_owned() };
    twice.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode(raw: &str) -> String {
    html_escape::decode_html_entities(raw).into_owned()
}

// ----------------------------------------------------------- plain text

/// How many non-empty lines at the top of a text may hold its metadata.
const HEAD_LINES: usize = 10;

/// A plain-text article's metadata, from its first lines: the headline (the
/// first line, when it reads as one), a date line or dateline, a byline and a
/// source line ("Source: Reuters", "(Reuters) -").
pub fn from_text(text: &str) -> Metadata {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let head = head_lines(text);
    let mut meta = Metadata { headline: headline_of(&head), ..Metadata::default() };
    for line in head.iter().filter(|l| !l.is_empty()) {
        read_text_line(line, &mut meta);
    }
    meta
}

/// The lines (trimmed, blank ones kept) up to the HEAD_LINES-th non-empty one.
fn head_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut non_empty = 0;
    for line in text.lines().map(str::trim) {
        if non_empty == HEAD_LINES {
            break;
        }
        non_empty += usize::from(!line.is_empty());
        lines.push(line);
    }
    lines
}

fn read_text_line(line: &str, meta: &mut Metadata) {
    let (date, agency, names) = if let Some(d) = dateline(line) {
        (d.date, d.agency, Vec::new())
    } else if let Some(c) = byline(line) {
        (date_within(line), c.agency, c.names)
    } else if let Some(source) = source_line(line) {
        (None, Some(source), Vec::new())
    } else {
        (date_line(line), None, Vec::new())
    };
    if meta.date_published.is_none() {
        meta.date_published = date;
    }
    if meta.publisher.is_none() {
        meta.publisher = agency;
    }
    if meta.authors.is_empty() {
        meta.authors = deduplicated(names);
    }
}

/// The headline: the first non-empty line when it reads as one. A line ending
/// in ';' continues on the next ("Headline; \nSubtitle." is one title).
fn headline_of(head: &[&str]) -> Option<String> {
    let at = head.iter().position(|l| !l.is_empty())?;
    let first = head[at];
    let next = head.get(at + 1).copied().unwrap_or("");
    // The next line going on in lowercase: a hard-wrapped paragraph, not a title.
    if !looks_like_headline(first) || next.chars().next().is_some_and(char::is_lowercase) || is_text_furniture(first) {
        return None;
    }
    // The part after ';' is a deck and may run to two sentences.
    let continues = |line: &str| line.split_whitespace().count() <= 25 && !is_text_furniture(line);
    let title = if first.ends_with(';') && continues(next) && !next.is_empty() {
        format!("{first} {next}")
    } else {
        first.to_string()
    };
    Some(tidy_headline(&title)).filter(|t| !t.is_empty())
}

fn is_text_furniture(line: &str) -> bool {
    dateline(line).is_some() || byline(line).is_some() || source_line(line).is_some() || date_line(line).is_some()
}

/// Short and capitalised. A line of several sentences ending in a period is
/// a lede, unless it is very short or in title case: real headlines do run
/// to two ("Game over. Will he come down?", "X Wins. Y Is Next.").
fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let first = line.chars().next().unwrap_or(' ');
    let last = line.trim_end_matches(['"', '\'', '’', '”', ')']).chars().last().unwrap_or(' ');
    let ends_sentence = matches!(last, '.' | '!' | '?');
    let one_headline = !ends_sentence || words <= 12 || is_title_case(line) || sentence_breaks(line) == 0;
    (1..=25).contains(&words) && !first.is_lowercase() && !matches!(last, ',' | ':' | '-' | '–' | '—') && one_headline
}

/// Four in five of the words of four letters or more capitalised.
fn is_title_case(line: &str) -> bool {
    let long: Vec<&str> =
        line.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let capitalised = long.iter().filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase));
    !long.is_empty() && capitalised.count() * 5 >= long.len() * 4
}

/// Sentence ends inside the line: ". " before a capital, not after an abbreviation.
fn sentence_breaks(line: &str) -> usize {
    let words: Vec<&str> = line.split_whitespace().collect();
    words
        .windows(2)
        .filter(|pair| {
            let (word, next) = (pair[0], pair[1]);
            let ends = word.trim_end_matches(['"', '\'', '’', '”']).ends_with(['.', '!', '?']);
            ends && next.chars().next().is_some_and(char::is_uppercase) && !is_abbreviation(word)
        })
        .count()
}

/// "U.S.", "Mr.", "Calif.", "Sept.": a period that ends no sentence.
fn is_abbreviation(word: &str) -> bool {
    const COMMON: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt",
        "prof", "rev", "inc", "corp", "co", "ltd", "vs", "calif", "fla", "mass", "conn", "ariz", "tenn",
        "mich", "minn", "okla", "penn", "wash", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "no",
    ];
    let stem = word.trim_end_matches('.');
    stem.contains('.') || stem.chars().count() == 1 || COMMON.contains(&stem.to_lowercase().as_str())
}

/// A trailing period is the text file's, not the headline's ("With U.S." keeps it).
fn tidy_headline(title: &str) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = title.trim_end_matches(';').trim_end();
    let last_word = title.rsplit(' ').next().unwrap_or("");
    match title.strip_suffix('.') {
        Some(stripped) if !is_abbreviation(last_word) => stripped.trim_end().to_string(),
        _ => title.to_string(),
    }
}

/// A dateline: "WASHINGTON, July 7, 2023 (Reuters) - ...", "TOKYO, March 3 - ...",
/// "ORLANDO, Fla. (Reuters) - ...", "London (CNN) ...".
struct Dateline {
    date: Option<String>,
    agency: Option<String>,
}

/// Capitalised words that open headlines the way places open datelines.
const HEADLINE_LABELS: &[&str] = &[
    "EXCLUSIVE", "BREAKING", "UPDATE", "UPDATED", "WATCH", "ANALYSIS", "OPINION", "REVIEW", "LIVE", "VIDEO",
    "PHOTOS", "EDITORIAL", "COMMENTARY", "REPORT", "FACT", "FIRST", "NEW", "URGENT", "FLASH",
];

fn dateline(line: &str) -> Option<Dateline> {
    static CAPITALS: OnceLock<Regex> = OnceLock::new();
    static AGENCY: OnceLock<Regex> = OnceLock::new();
    let state = r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?";
    let date = r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?";
    let agency = r"\((?P<agency>[A-Z][A-Za-z&. ]{0,29})\)";
    // An all-capitals place must be followed by a dash; a capitalised one by an agency.
    // The dash is spaced, doubled or long: "AP-GfK Poll: ..." is no dateline.
    let capitals = CAPITALS.get_or_init(|| {
        regex(&format!(
            r"^(?P<place>[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+){{0,3}}){state}{date}\s*(?:{agency})?(?:\s*[–—]|\s+-|--)"
        ))
    });
    let agency_form = AGENCY.get_or_init(|| {
        regex(&format!(r"^[A-Z][A-Za-z'.\-]+(?:\s+[A-Z][A-Za-z'.\-]+){{0,3}}{state}{date}\s*{agency}\s*[-–—:]*"))
    });
    let c = capitals.captures(line).or_else(|| {
        // Without a dash, "Industry (MITI) acted" would read as a dateline: only known agencies.
        agency_form.captures(line).filter(|c| {
            let dashed = c.get(0).is_some_and(|m| m.as_str().trim_end().ends_with(['-', '–', '—', ':']));
            dashed || group(c, "agency").is_some_and(is_agency)
        })
    })?;
    // Prose follows a dateline; an all-capitals line with a dash is a headline,
    // and "EXCLUSIVE – ..." is a headline's label, not a place.
    let rest = &line[c.get(0)?.end()..];
    let place = group(&c, "place").and_then(|p| p.split_whitespace().next()).unwrap_or("");
    if !rest.chars().any(char::is_lowercase) || HEADLINE_LABELS.contains(&place) {
        return None;
    }
    Some(Dateline {
        date: group(&c, "date").and_then(normalise_date),
        agency: group(&c, "agency").map(|a| a.trim().to_string()),
    })
}

/// "By Jane Doe", "BY JANE DOE, Reuters", "By Jane Doe and John Roe".
fn byline(line: &str) -> Option<Credit> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| regex(r"^(?i)(?:(?:written|reported|story|words)\s+)?by\s*:?\s+\S"));
    if !re.is_match(line) || line.split_whitespace().count() > 16 {
        return None;
    }
    // A date in the byline ("By Jane Doe | June 17, 2023") is not part of a name.
    let names = written_date_within().find(line).map_or(line, |m| &line[..m.start()]);
    let names = names.trim_end_matches([' ', ',', '|', '-', '–', '—', '•', '·']);
    credit(names).filter(|c| !c.names.is_empty())
}

/// "Source: Reuters", "Credit: Example Wire".
fn source_line(line: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| regex(r"^(?i:source|credit|courtesy)\s*:\s*(?P<name>.{2,60})$"));
    let name = group(&re.captures(line)?, "name")?.trim().trim_end_matches('.').trim().to_string();
    (name.split_whitespace().count() <= 6 && !name.is_empty()).then_some(name)
}

/// A line that is a date, perhaps labelled ("Published: Tuesday, March 3, 2020
/// 10:15 AM") or one of several parts ("Politics | June 17, 2023").
fn date_line(line: &str) -> Option<String> {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    let label = LABEL.get_or_init(|| {
        regex(r"^(?i)(?:(?:first|last|originally)\s+)?(?:published|posted|updated|modified|date|dated|released|issued|publication date)(?:\s+on)?\s*:?\s*")
    });
    let unlabelled = label.find(line).map_or(line, |m| &line[m.end()..]);
    normalise_date(unlabelled).or_else(|| {
        unlabelled.split(['|', '•', '·']).map(str::trim).find_map(|part| normalise_date(label.replace(part, "").as_ref()))
    })
}

fn date_within(line: &str) -> Option<String> {
    written_date_within().captures_iter(line).find_map(|c| written_stamp(&c)?.render())
}
