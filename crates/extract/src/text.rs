//! From a file's bytes to clean article text: markup stripped, site furniture blanked.
//!
//! Plain text keeps its characters where they were: furniture is overwritten
//! with spaces, so character offsets into the clean text are offsets into the
//! file. HTML and Markdown are reduced to their prose, one paragraph a line,
//! and offsets refer to that prose. This module does no I/O.

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

/// The article prose of a document.
pub fn clean(raw: &str, markup: Markup, lexicon: &Lexicon) -> String {
    let prose = match markup {
        Markup::Plain => raw.replace('\r', " "),
        Markup::Html => html_to_text(raw),
        Markup::Markdown => markdown_to_text(raw),
    };
    blank_furniture(&prose, lexicon)
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
        let text = clean(html, Markup::Html, lex());
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
        let text = clean(raw, Markup::Plain, lex());
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
        let text = clean("# Title\n\nThe [agency](http://x.org) said **so**.", Markup::Markdown, lex());
        assert_eq!(text, "Title\n\nThe agency said so.");
    }
}
