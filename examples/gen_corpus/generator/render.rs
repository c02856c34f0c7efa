//! A [`Draft`] written out as wire copy saved to a text file, or as a news
//! web page (head, scripts, navigation, figure, related links, footer).

use super::compose::{Block, Draft};
use std::fmt::Write as _;

/// Plain text: paragraphs separated by blank lines, furniture on lines of its own.
pub fn text(d: &Draft) -> String {
    let mut out = String::with_capacity(8 * 1024);
    for line in &d.top {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&d.date);
    out.push_str("\n\n");
    out.push_str(&d.headline);
    out.push_str("\n\n");
    if let Some(byline) = &d.byline {
        out.push_str(byline);
        out.push_str("\n\n");
    }
    for (i, block) in d.body.iter().enumerate() {
        let (Block::Prose(p) | Block::Furniture(p)) = block;
        out.push_str(p);
        out.push_str("\n\n");
        if i == 0 {
            if let Some(caption) = &d.caption {
                out.push_str(caption);
                out.push_str("\n\n");
            }
        }
    }
    for line in &d.bottom {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A web page. With `entities`, typographic characters are written as numeric
/// character references, as many content systems do (`&#8220;`).
pub fn html(d: &Draft, entities: bool) -> String {
    let e = |s: &str| escape(s, entities);
    let mut out = String::with_capacity(12 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} | {}</title>\n<script>\n  window.dataLayer = window.dataLayer || [];\n  \
         function gtag(){{dataLayer.push(arguments);}}\n  gtag('js', new Date());\n</script>\n\
         <style>body {{ font-family: Georgia, serif; }} .byline {{ color: #555; }}</style>\n</head>\n<body>\n",
        e(&d.headline),
        e(&d.outlet)
    );
    out.push_str("<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n<header class=\"site-header\">\n");
    let _ = writeln!(out, "  <div class=\"logo\">{}</div>", e(&d.outlet));
    out.push_str(
        "  <nav aria-label=\"Main\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>\
         <li><a href=\"/business\">Business</a></li><li><a href=\"/health\">Health</a></li></ul></nav>\n</header>\n",
    );
    out.push_str("<main id=\"main\">\n<article>\n");
    let _ = writeln!(out, "  <h1>{}</h1>", e(&d.headline));
    let by = d.byline.as_deref().map(|b| format!("{} | ", e(b))).unwrap_or_default();
    let _ = writeln!(out, "  <p class=\"byline\">{by}Published: {}</p>", e(&d.date));
    if let Some(caption) = &d.caption {
        let _ = writeln!(
            out,
            "  <figure>\n    <img src=\"/img/lead.jpg\" alt=\"\">\n    <figcaption>{}</figcaption>\n  </figure>",
            e(caption)
        );
    }
    for block in &d.body {
        match block {
            Block::Prose(p) => {
                let _ = writeln!(out, "  <p>{}</p>", e(p));
            }
            Block::Furniture(f) => {
                let _ = writeln!(out, "  <aside class=\"inline\"><a href=\"/more\">{}</a></aside>", e(f));
            }
        }
    }
    out.push_str("</article>\n</main>\n<footer>\n");
    for line in &d.bottom {
        let _ = writeln!(out, "  <p>{}</p>", e(line));
    }
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

/// Escapes markup characters; with `entities`, also the typographic ones.
fn escape(s: &str, entities: bool) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '“' | '”' | '’' | '—' | '©' | '€' | '£' if entities => {
                let _ = write!(out, "&#{};", ch as u32);
            }
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_typography_optionally_referenced() {
        assert_eq!(escape("AT&T <b>", false), "AT&amp;T &lt;b&gt;");
        assert_eq!(escape("“Yes,” she said", true), "&#8220;Yes,&#8221; she said");
        assert_eq!(escape("“Yes,” she said", false), "“Yes,” she said");
    }
}
