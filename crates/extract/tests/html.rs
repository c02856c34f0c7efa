//! Web pages in, article text out: the page shapes that once lost a whole
//! article body without a word, and the notes a page that yields no article
//! gets. Invented pages, real page structure.

use newsgraph_extract::lexicon::Lexicon;
use newsgraph_extract::text::{clean, Markup};

const BODY: &str = "<p>The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later than planned.</p>\
<p>Officials blamed the delay on a shortage of steel and on a dispute with the contractor over the cost of dredging the channel.</p>\
<p>\u{201c}We will not cut corners on safety,\u{201d} said Mara Lindqvist, the authority's director, at a meeting with local business owners.</p>\
<p>Traders on the waterfront said the delay had already cost them a season of visitors, and asked the city council for help with rents.</p>";

fn page(head: &str, before: &str, after: &str) -> String {
    format!("<!DOCTYPE html><html><head><title>Ferry terminal delayed</title>{head}</head><body>\
<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
{before}<article><h1>Ferry terminal delayed</h1>{BODY}</article>{after}\
<footer>Follow us on social media. Copyright Example Gazette.</footer></body></html>")
}

fn read(html: &str) -> (String, Option<String>) {
    let lex = Lexicon::embedded().expect("lexicons parse");
    let cleaned = clean(html, Markup::Html, lex);
    (cleaned.text, cleaned.note)
}

fn assert_whole_body(html: &str) {
    let (text, note) = read(html);
    for sentence in ["new ferry terminal would open", "shortage of steel", "We will not cut corners", "help with rents"] {
        assert!(text.contains(sentence), "{sentence:?} kept:\n{text}");
    }
    assert!(!text.contains("Home News Sport"), "the menu is left out:\n{text}");
    assert_eq!(note, None, "{text}");
}

#[test]
fn a_script_whose_code_holds_a_less_than_sign_does_not_hide_the_body() {
    let script = "<script>for (var i = 0; i<10; i++) { if (a <b) { x = '<div>'; } }</script>";
    assert_whole_body(&page(script, script, ""));
}

#[test]
fn a_page_wrapped_in_one_form_keeps_its_body() {
    let html = page("", "<form id=\"aspnetForm\" method=\"post\">", "</form>");
    assert_whole_body(&html);
}

#[test]
fn a_page_with_two_head_elements_keeps_its_body() {
    let html = page("<meta charset=\"utf-8\">", "<head><meta name=\"x\" content=\"y\"></head>", "");
    assert_whole_body(&html);
}

#[test]
fn related_links_and_share_buttons_are_left_out() {
    let after = "<aside><h3>Related stories</h3><ul><li><a href=\"/a\">Council approves new bus lanes on the ring road</a></li></ul></aside>\
<div class=\"share\"><button>Share on Facebook</button><button>Share on Twitter</button></div>";
    let (text, _) = read(&page("", "", after));
    assert!(text.contains("shortage of steel"), "{text}");
    assert!(!text.contains("bus lanes"), "{text}");
    assert!(!text.contains("Share on Facebook"), "{text}");
}

#[test]
fn a_page_with_no_article_is_read_whole_and_noted() {
    let html = "<html><body><ul><li><a href=\"/a\">Weather</a></li><li><a href=\"/b\">Traffic</a></li></ul></body></html>";
    let (text, note) = read(html);
    assert!(text.contains("Weather"), "{text}");
    assert!(note.is_some_and(|n| n.contains("does not look like an article")), "a note says the article was not found");
}

#[test]
fn elements_nested_past_the_readers_limit_are_read_as_visible_text_with_a_note() {
    let html = format!("<html><body>{}{BODY}{}</body></html>", "<div>".repeat(5_000), "</div>".repeat(5_000));
    let (text, note) = read(&html);
    assert!(text.contains("shortage of steel"), "{text}");
    assert!(note.is_some_and(|n| n.contains("nest 5003 deep")));
}

#[test]
fn time_stamps_gallery_controls_and_recommendation_headings_inside_the_article_are_left_out() {
    let inside = "<p>By Jane Holloway - 11/18/19 11:04 PM EST</p><p>Updated 5:27 am CST, Wednesday, November 20, 2019</p>\
<div>Image 1 of 8</div><div>Caption</div><div>Close</div>";
    let html = page("", "", "").replace("<h1>Ferry terminal delayed</h1>", &format!("<h1>Ferry terminal delayed</h1>{inside}"));
    let (text, _) = read(&html);
    assert!(text.contains("shortage of steel"), "{text}");
    for junk in ["11/18/19", "5:27 am", "Image 1 of 8", "Caption", "Close"] {
        assert!(!text.contains(junk), "{junk:?} left out:\n{text}");
    }
}
