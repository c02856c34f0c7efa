//! From a document to clean article text: markup stripped, site furniture blanked.
//!
//! Plain text keeps its characters where they were: furniture is overwritten
//! with spaces, so character offsets into the clean text are offsets into the
//! file. HTML and Markdown are reduced to their prose, one paragraph a line,
//! and offsets refer to that prose. A web page's article body is found by
//! dom_smoothie (Mozilla Readability's algorithm; chosen by measurement, see
//! the README), the rest of the page (menus, related links, cookie banners)
//! left out. This module does no I/O.

use crate::lexicon::Lexicon;

/// How a file is marked up, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// `.txt`
    Plain,
    /// `.html`, `.htm`
    Html,
    /// `.md`
    Markdown,
}

impl Markup {
    /// The markup a file extension implies; `None` for files the tool does not read.
    pub fn from_extension(ext: &str) -> Option<Markup> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Markup::Plain),
            "html" | "htm" | "xhtml" => Some(Markup::Html),
            "md" | "markdown" => Some(Markup::Markdown),
            _ => None,
        }
    }
}

/// A document's article prose, and what a reader of the result should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The prose, one paragraph a line: what every offset points into.
    pub text: String,
    /// Why the prose may not be the article (a page whose article body was not
    /// found, or was far shorter than the page's text), for the run to report.
    pub note: Option<String>,
}

/// The article prose of a document.
pub fn clean(raw: &str, markup: Markup, lexicon: &Lexicon) -> Cleaned {
    let (prose, note) = match markup {
        Markup::Plain => (raw.replace('\r', " "), None),
        Markup::Html => article_body(raw),
        Markup::Markdown => (markdown_to_text(raw), None),
    };
    Cleaned { text: blank_furniture(&prose, lexicon), note }
}

/// A page's article body. When the reader finds none, the page's visible
/// text stands in for it, with a note: nothing is dropped without a word.
fn article_body(html: &str) -> (String, Option<String>) {
    let visible = html_to_text(html);
    let depth = nesting_depth(html);
    if depth > MAX_READABLE_DEPTH {
        let note = format!("elements nest {depth} deep, past the {MAX_READABLE_DEPTH} the article reader takes; all visible text was read instead");
        return (visible, Some(note));
    }
    let Some(Readable { body, looks_like_article }) = readable_body(html).filter(|r| !r.body.trim().is_empty()) else {
        let note = "no article body found in the page; all of its visible text was read instead";
        return (visible, Some(note.to_string()));
    };
    let (body_len, visible_len) = (body.chars().count(), visible.chars().count());
    let note = if !looks_like_article {
        Some("the page does not look like an article (no paragraph of prose); what the reader found was read anyway".to_string())
    } else if visible_len >= SHORT_BODY_MIN_PAGE && body_len * SHORT_BODY_RATIO < visible_len {
        Some(format!("the article body found is {body_len} characters of the page's {visible_len}: check it with `newsgraph extract --text`"))
    } else {
        None
    };
    (body, note)
}

/// The article reader's time grows with the square of the nesting depth (a
/// page of 8,000 nested elements took 12 s, of 2,000 under 1 s); the deepest
/// of the 91 real pages of the web-page benchmark counts 509 by
/// [`nesting_depth`], which overcounts unclosed elements.
const MAX_READABLE_DEPTH: usize = 2000;

/// Elements that never have a closing tag.
const VOID_ELEMENTS: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "!doctype"];

/// How deep a page's elements nest, counted as opening tags less closing
/// tags: an upper bound (unclosed `<p>` and `<li>` count), which is what a
/// guard needs.
pub fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if let Some(closing) = tag.strip_prefix('/') {
            if closing.starts_with(|c: char| c.is_ascii_alphabetic()) {
                depth = depth.saturating_sub(1);
            }
        } else if tag.starts_with(|c: char| c.is_ascii_alphabetic()) && !tag.ends_with('/') {
            let name = tag.split(|c: char| c.is_ascii_whitespace()).next().unwrap_or("").to_ascii_lowercase();
            if !VOID_ELEMENTS.contains(&name.as_str()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
    }
    deepest
}

/// A body shorter than a tenth of its page's visible text, on a page of at
/// least this many characters, is reported: none of the 91 real news pages
/// of the web-page benchmark (menus and comments included) is.
const SHORT_BODY_MIN_PAGE: usize = 3000;
const SHORT_BODY_RATIO: usize = 10;

/// What the article reader made of a page.
struct Readable {
    /// The article text, one paragraph a line.
    body: String,
    /// Some line of it is a sentence of prose (a menu or a list of links has none).
    looks_like_article: bool,
}

/// The article text dom_smoothie finds: Formatted mode keeps paragraph and
/// line breaks (Raw mode runs words of adjacent elements together).
fn readable_body(html: &str) -> Option<Readable> {
    use dom_smoothie::{Config, Readability, TextMode};
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let mut reader = Readability::new(html, None, Some(config)).ok()?;
    let body = tidy_lines(&reader.parse().ok()?.text_content);
    let looks_like_article = body.lines().any(is_prose);
    Some(Readable { body, looks_like_article })
}

/// A line that reads as a sentence: ten words or more (forty characters in
/// scripts written without spaces), ending as sentences end.
/// (Readability's own check wants a paragraph of 140 characters, which 5 of
/// the 91 real article pages of the benchmark, short wire copy, do not have.)
fn is_prose(line: &str) -> bool {
    let line = line.trim_end();
    let long = line.split_whitespace().count() >= 10 || line.chars().count() >= 40;
    long && line.ends_with(['.', '!', '?', '"', '\u{201d}', ')', '\u{3002}', '\u{ff01}', '\u{ff1f}'])
}

/// Overwrites furniture with spaces, line by line, keeping every other character in place.
fn blank_furniture(text: &str, lexicon: &Lexicon) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Most lines hold no furniture, and are copied once, as they are.
        let Some((start, end)) = lexicon.furniture(line) else {
            out.push_str(line);
            continue;
        };
        let mut line = blank(line, start, end);
        // A line can hold several pieces of furniture (a dateline, then a credit):
        // blank until nothing matches (four times at most, the first included).
        for _ in 1..4 {
            match lexicon.furniture(&line) {
                Some((start, end)) => line = blank(&line, start, end),
                None => break,
            }
        }
        out.push_str(&line);
    }
    out
}

fn blank(line: &str, start: usize, end: usize) -> String {
    let spaces = " ".repeat(line[start..end].chars().count());
    format!("{}{}{}", &line[..start], spaces, &line[end..])
}

/// Elements whose content is never article prose.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "noscript", "form", "button",
    "svg", "iframe", "template", "head", "figcaption", "select", "menu",
];

/// Elements that end a paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "th",
    "table", "article", "section", "blockquote", "pre", "hr", "title", "main", "figure", "dd", "dt",
];

/// A small, iterative HTML reader: no recursion, so nesting depth costs nothing.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut skipping: Option<(String, usize)> = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            out.push_str(&rest[..lt]);
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some((skipped, depth)) = skipping.as_mut() {
            if *skipped == name && !tag.ends_with('/') {
                if closing {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                } else {
                    *depth += 1;
                }
            }
            continue;
        }
        if !closing && !tag.ends_with('/') && SKIPPED_ELEMENTS.contains(&name.as_str()) {
            skipping = Some((name, 1));
        } else if BLOCK_ELEMENTS.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    if skipping.is_none() {
        out.push_str(rest);
    }
    tidy_lines(&html_escape::decode_html_entities(&out))
}

/// Markdown to prose: headings, emphasis, links and images reduced to their words.
pub fn markdown_to_text(md: &str) -> String {
    use regex::Regex;
    use std::sync::OnceLock;
    static RULES: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        [
            (r"!\[[^\]]*\]\([^)]*\)", ""),
            (r"\[([^\]]*)\]\([^)]*\)", "$1"),
            (r"(?m)^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+", ""),
            (r"(\*\*|__|\*|`)", ""),
        ]
        .into_iter()
        .filter_map(|(p, r)| Regex::new(p).ok().map(|re| (re, r)))
        .collect()
    });
    let mut text = md.replace('\r', "");
    for (re, rep) in rules {
        text = re.replace_all(&text, *rep).into_owned();
    }
    tidy_lines(&text)
}

/// One paragraph a line: inner whitespace collapsed, blank lines kept as separators.
fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else {
            blank_run += 1;
            continue;
        };
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        // Written word by word: no vector of words and joined copy per line.
        out.push_str(first);
        for word in words {
            out.push(' ');
            out.push_str(word);
        }
        blank_run = 0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        Lexicon::embedded().expect("lexicons parse")
    }

    #[test]
    fn html_keeps_article_prose_and_drops_scripts_and_navigation() {
        let html = "<html><head><title>T</title><script>var x = '<p>no</p>';</script></head>\
            <body><nav><ul><li>Home</li></ul></nav><article><p>Officials said &#8220;it works&#8221; &amp; more.</p>\
            <p>Second <b>paragraph</b>.</p></article><footer>Copyright</footer></body></html>";
        let text = clean(html, Markup::Html, lex()).text;
        assert_eq!(text.trim(), "Officials said \u{201c}it works\u{201d} & more.\n\nSecond paragraph.");
    }

    #[test]
    fn deeply_nested_html_does_not_overflow() {
        let html = format!("{}<p>deep text</p>{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        assert_eq!(html_to_text(&html).trim(), "deep text");
    }

    #[test]
    fn furniture_is_blanked_in_place() {
        let raw = "Skip To Content\nWASHINGTON\u{2014}Officials met.\nRELATED: Something else\nA caption. PHOTO: JANE ROE/REUTERS";
        let text = clean(raw, Markup::Plain, lex()).text;
        assert_eq!(text.chars().count(), raw.chars().count(), "offsets are preserved");
        assert!(!text.contains("Skip"));
        assert!(!text.contains("RELATED"));
        assert!(!text.contains("WASHINGTON"));
        assert!(!text.contains("REUTERS"));
        assert!(text.contains("Officials met."));
        assert!(text.contains("A caption."));
    }

    #[test]
    fn markdown_links_and_headings_become_words() {
        let text = clean("# Title\n\nThe [agency](http://x.org) said **so**.", Markup::Markdown, lex()).text;
        assert_eq!(text, "Title\n\nThe agency said so.");
    }
}
