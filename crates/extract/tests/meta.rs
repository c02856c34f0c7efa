//! Article metadata, one construction per test. Every page and text here is
//! invented for these tests (Example Times, Jane Doe); none comes from a real site.

use newsgraph_extract::meta::{from_html, from_text, normalise_date, Metadata};

fn s(text: &str) -> Option<String> {
    Some(text.to_string())
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|n| n.to_string()).collect()
}

// ---------------------------------------------------------------- HTML

#[test]
fn json_ld_news_article_with_an_author_array() {
    let html = r#"<html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle",
         "headline": "Council approves the new bridge &amp; road",
         "datePublished": "2023-06-17T09:30:00-04:00",
         "author": [{"@type": "Person", "name": "Jane Doe"}, "By John Roe", {"@type": "Person", "name": "Jane Doe"}],
         "publisher": {"@type": "NewsMediaOrganization", "name": "Example Times"},
         "mainEntityOfPage": {"@type": "WebPage", "@id": "https://www.example-times.test/city/bridge"},
         "inLanguage": "en-us"}
        </script></head><body></body></html>"#;
    assert_eq!(
        from_html(html),
        Metadata {
            headline: s("Council approves the new bridge & road"),
            date_published: s("2023-06-17T09:30:00-04:00"),
            authors: names(&["Jane Doe", "John Roe"]),
            publisher: s("Example Times"),
            url: s("https://www.example-times.test/city/bridge"),
            language: s("en-US"),
        }
    );
}

#[test]
fn json_ld_graph_resolves_references_and_prefers_the_article() {
    let html = r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebPage","@id":"https://example.test/a#page","name":"Page name | Example Blog","url":"https://example.test/a"},
        {"@type":"Organization","@id":"https://example.test/#org","name":"Example Blog"},
        {"@type":"Person","@id":"https://example.test/#jane","name":"Jane Doe"},
        {"@type":["BlogPosting"],"headline":"A post about bridges","datePublished":"2023-06-17",
         "author":{"@id":"https://example.test/#jane"},"publisher":{"@id":"https://example.test/#org"}}
    ]}</script>"##;
    let meta = from_html(html);
    assert_eq!(meta.headline, s("A post about bridges"));
    assert_eq!(meta.date_published, s("2023-06-17"));
    assert_eq!(meta.authors, names(&["Jane Doe"]));
    assert_eq!(meta.publisher, s("Example Blog"));
    // The article gives no URL; the page node in the same graph does.
    assert_eq!(meta.url, s("https://example.test/a"));
}

#[test]
fn top_level_json_ld_array_and_organisation_author() {
    let html = r#"<script type="application/ld+json">[
        {"@type":"BreadcrumbList","name":"Not this"},
        {"@type":"ReportageNewsArticle","headline":"Floods reach the valley",
         "author":{"@type":"Organization","name":"Example Wire"}}]</script>"#;
    let meta = from_html(html);
    assert_eq!(meta.headline, s("Floods reach the valley"));
    assert_eq!(meta.authors, names(&["Example Wire"]));
}

#[test]
fn malformed_json_ld_falls_back_to_opengraph() {
    let html = r#"<head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken</script>
        <meta property="og:title" content="Harbour reopens after storm">
        <meta property="og:url" content="https://example-times.test/harbour">
        <meta property="og:site_name" content="Example Times">
        <meta property="article:published_time" content="2022-11-03T08:00:00Z">
        <meta property="article:author" content="https://www.facebook.com/janedoe">
        <meta name="author" content="JANE DOE">
        <meta property="og:locale" content="fr_FR"></head>"#;
    assert_eq!(
        from_html(html),
        Metadata {
            headline: s("Harbour reopens after storm"),
            date_published: s("2022-11-03T08:00:00Z"),
            authors: names(&["Jane Doe"]),
            publisher: s("Example Times"),
            url: s("https://example-times.test/harbour"),
            language: s("fr-FR"),
        }
    );
}

#[test]
fn meta_tags_only() {
    let html = r#"<html><head>
        <meta name="twitter:title" content="School year starts early">
        <meta name="parsely-pub-date" content="2021-08-30T12:00:00+0200">
        <meta name="author" content="Jane Doe and John Roe">
        <meta name="dc.date" content="2020-01-01">
        </head></html>"#;
    let meta = from_html(html);
    assert_eq!(meta.headline, s("School year starts early"));
    assert_eq!(meta.date_published, s("2021-08-30T12:00:00+02:00"));
    assert_eq!(meta.authors, names(&["Jane Doe", "John Roe"]));
    assert_eq!(meta.url, None);
}

#[test]
fn repeated_author_tags_are_all_kept() {
    let html = r#"<meta name="author" content="Jane Doe"><meta name="author" content="John Roe"><meta name="author" content="jane doe">"#;
    assert_eq!(from_html(html).authors, names(&["Jane Doe", "John Roe"]));
}

#[test]
fn canonical_link_gives_the_url_and_is_resolved_against_og_url() {
    let absolute = r#"<link rel="stylesheet" href="/a.css"><link href="https://example.test/story-1?x=1&amp;y=2" rel="canonical">"#;
    assert_eq!(from_html(absolute).url, s("https://example.test/story-1?x=1&y=2"));
    let relative = r#"<meta property="og:url" content="https://example.test/"><link rel=canonical href=/story-2>"#;
    // og:url names only the site's root: the canonical, resolved against it, names the article.
    assert_eq!(from_html(relative).url, s("https://example.test/story-2"));
    let both = r#"<meta property="og:url" content="https://example.test/a"><link rel="canonical" href="https://example.test/b">"#;
    assert_eq!(from_html(both).url, s("https://example.test/a"), "og:url outranks the canonical link");
    let alone = r#"<link rel="canonical" href="/story-3">"#;
    assert_eq!(from_html(alone).url, None, "a relative URL with no base is no URL");
}

#[test]
fn time_element_marked_as_publication_wins_over_the_first() {
    let html = r#"<body><time datetime="2024-01-01">today</time>
        <p>text</p><time pubdate datetime="2023-06-17T10:00:00+01:00">June 17</time></body>"#;
    assert_eq!(from_html(html).date_published, s("2023-06-17T10:00:00+01:00"));
    let first = r#"<time datetime="2023-06-18 10:00">x</time><time datetime="2023-06-19">y</time>"#;
    assert_eq!(from_html(first).date_published, s("2023-06-18"));
    let text_only = r#"<time class="stamp">June 17, 2023</time>"#;
    assert_eq!(from_html(text_only).date_published, s("2023-06-17"));
}

#[test]
fn microdata_date_published_is_read() {
    let html = r#"<div><span itemprop="datePublished" content="2023-06-17">June 17</span></div>"#;
    assert_eq!(from_html(html).date_published, s("2023-06-17"));
}

#[test]
fn visible_dates_and_bylines_are_the_last_resort() {
    let html = r#"<body><div class="story-meta"><span class="byline">By <a href="/staff/jd">JANE DOE</a></span>
        <span class="storyDate">Posted: <b>Fri 6:45 PM, Feb 16, 2018</b></span></div>
        <p class="comment-author">Someone Else</p></body>"#;
    let meta = from_html(html);
    assert_eq!(meta.authors, names(&["Jane Doe"]));
    assert_eq!(meta.date_published, s("2018-02-16"));
    let labelled = "<body><p>Published: Monday, November 18th, 2019 at 11:08 a.m.</p></body>";
    assert_eq!(from_html(labelled).date_published, s("2019-11-18"));
    let author_link = r#"<a href="/author/x" rel="author">Staff Reports</a><a rel="author" href="/y">John Roe</a>"#;
    assert_eq!(from_html(author_link).authors, names(&["John Roe"]), "a desk is no author");
}

#[test]
fn a_site_root_is_not_the_article_url() {
    let html = r#"<script type="application/ld+json">{"@type":"NewsArticle","url":"http://www.example-times.test"}</script>
        <link rel="canonical" href="https://www.example-times.test/2023/06/17/bridge/">"#;
    assert_eq!(from_html(html).url, s("https://www.example-times.test/2023/06/17/bridge/"));
    let home = r#"<meta property="og:url" content="https://www.example-times.test/">"#;
    assert_eq!(from_html(home).url, s("https://www.example-times.test/"), "a root is kept when it is all there is");
}

#[test]
fn the_site_credited_beside_its_writers_is_no_author() {
    let html = r#"<meta property="og:site_name" content="Example Times"><meta name="author" content="Jane Doe, Example Times">"#;
    assert_eq!(from_html(html).authors, names(&["Jane Doe"]));
    let only = r#"<meta property="og:site_name" content="Example Times"><meta name="author" content="Example Times">"#;
    assert_eq!(from_html(only).authors, names(&["Example Times"]), "kept when it is the only credit");
    let desk = r#"<meta property="og:site_name" content="Example"><meta name="author" content="Jane Doe, Example Business">"#;
    assert_eq!(from_html(desk).authors, names(&["Jane Doe"]), "a desk of the site");
    let dotted = r#"<meta name="author" content="Jane Doe. Example Wire"><meta name="publisher" content="@exampletimes">"#;
    let meta = from_html(dotted);
    assert_eq!((meta.authors, meta.publisher), (names(&["Jane Doe"]), None));
    let initial = r#"<meta name="author" content="Jane E. Doe">"#;
    assert_eq!(from_html(initial).authors, names(&["Jane E. Doe"]));
}

#[test]
fn json_ld_web_page_name_loses_the_site_suffix() {
    let html = r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"Bridge opens | Example Blog"},
        {"@type":"WebSite","name":"Example Blog"}]}</script><meta property="og:site_name" content="Example Blog">"#;
    assert_eq!(from_html(html).headline, s("Bridge opens"));
}

#[test]
fn html_lang_attribute() {
    assert_eq!(from_html(r#"<!DOCTYPE html><HTML LANG="de_at"><title>Titel</title></HTML>"#).language, s("de-AT"));
    assert_eq!(from_html(r#"<html lang="not a language!"></html>"#).language, None);
}

#[test]
fn title_suffix_naming_the_site_is_stripped() {
    let html = r#"<title>Mayor resigns over budget | Example Times</title>
        <meta property="og:site_name" content="Example Times">"#;
    assert_eq!(from_html(html).headline, s("Mayor resigns over budget"));
    let dash = r#"<title>Mayor resigns - Example Times</title><link rel="canonical" href="https://www.exampletimes.test/x">"#;
    assert_eq!(from_html(dash).headline, s("Mayor resigns"), "the host names the site");
    let section = r#"<title>Mayor resigns - Example News</title><meta property="og:site_name" content="Example">"#;
    assert_eq!(from_html(section).headline, s("Mayor resigns"), "a section of the site");
    let host_word = r#"<title>Take Care - example at the fair 2023</title><link rel="canonical" href="https://blog.example.test/a">"#;
    assert_eq!(from_html(host_word).headline, s("Take Care - example at the fair 2023"), "a phrase starting with the site's name");
    let other = r#"<title>Mayor resigns - a long day</title><meta property="og:site_name" content="Example Times">"#;
    assert_eq!(from_html(other).headline, s("Mayor resigns - a long day"), "kept when the suffix is not the site");
}

#[test]
fn script_containing_markup_before_the_metadata() {
    let html = r#"<head><script>var t = "<title>Wrong</title>"; if (a < b && c > d) { document.write('<meta name="author" content="Wrong">'); }</script>
        <SCRIPT type="text/javascript">x = "</scr" + "ipt>";</SCRIPT>
        <title>Right title</title><meta name="author" content="Jane Doe"></head>"#;
    let meta = from_html(html);
    assert_eq!(meta.headline, s("Right title"));
    assert_eq!(meta.authors, names(&["Jane Doe"]));
}

#[test]
fn json_ld_outranks_opengraph_which_outranks_other_tags() {
    let html = r#"<html lang="en"><title>Title tag</title>
        <meta property="og:title" content="OG title"><meta property="og:locale" content="en_GB">
        <script type="application/ld+json">{"@type":"Article","headline":"LD headline"}</script></html>"#;
    let meta = from_html(html);
    assert_eq!(meta.headline, s("LD headline"));
    assert_eq!(meta.language, s("en-GB"));
}

#[test]
fn malformed_markup_does_not_panic() {
    for html in [
        "", "<", "<<<>>>", "<meta", "<meta content=\"x", "<script type='application/ld+json'>{",
        "<title>never closed", "<!-- never closed", "<time datetime=", "<a itemprop=", "<html lang=\"é",
        "<link rel=canonical href=\"//\">", "<meta property=\"og:url\" content=\"/relative\">", "é<ü>ß",
    ] {
        let _ = from_html(html);
    }
    // Pathological pages stay linear: each of these would take minutes if read once per tag.
    for piece in ["<a", "<time>", "<span class=date>", "<", "<a rel=author>", ">Published"] {
        let _ = from_html(&piece.repeat(200_000));
    }
    let deep = format!("<html>{}<title>Deep</title>", "<div>".repeat(50_000));
    assert_eq!(from_html(&deep).headline, s("Deep"));
}

#[test]
fn random_markup_never_panics() {
    const PIECES: &[&str] = &[
        "<", ">", "</", "<!--", "-->", "\"", "'", "=", " ", "<script", "</script>", "<script type=\"application/ld+json\">",
        "{", "}", "[", "]", "\"@type\":\"NewsArticle\"", "\"author\":", "\"@graph\":", ",", "<meta", "property=og:url",
        "content=", "<link rel=canonical href=", "/x", "//", "http://a.b", "<time", "datetime=", "2023-06-17T10:00:00",
        "<title>", "</title>", "<html lang=", "é", "日本", "\u{1F600}", "&amp;", "&#", "itemprop=author", "class=byline",
        "By ", "JANE DOE", "Published: ", "May 14, 2019", "\n", "WASHINGTON, ", "(Reuters) -", ";",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut doc = String::new();
        for _ in 0..(state % 40) {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            doc.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
        }
        let _ = from_html(&doc);
        let _ = from_text(&doc);
        let _ = normalise_date(&doc);
    }
}

#[test]
fn a_page_without_metadata_gives_the_default() {
    let meta = from_html("<html><body><p>Just some text.</p></body></html>");
    assert_eq!(meta, Metadata::default());
    assert!(meta.is_empty());
}

#[test]
fn or_fills_missing_fields_only() {
    let mine = Metadata { headline: s("Mine"), ..Metadata::default() };
    let theirs = Metadata { headline: s("Theirs"), authors: names(&["Jane Doe"]), ..Metadata::default() };
    let both = mine.or(theirs);
    assert_eq!(both.headline, s("Mine"));
    assert_eq!(both.authors, names(&["Jane Doe"]));
    assert!(!both.is_empty());
}

// ----------------------------------------------------------- plain text

#[test]
fn plain_text_headline_and_date_line() {
    let text = "Council Approves New Bridge\n\nJune 17, 2023\n\nThe council voted on Tuesday to build it.\n";
    assert_eq!(
        from_text(text),
        Metadata { headline: s("Council Approves New Bridge"), date_published: s("2023-06-17"), ..Metadata::default() }
    );
}

#[test]
fn plain_text_labelled_date_line_with_weekday_and_time() {
    let text = "Harbour reopens\nPublished: Tuesday, March 3, 2020 10:15 AM\n\nShips returned.";
    assert_eq!(from_text(text).date_published, s("2020-03-03"));
}

#[test]
fn plain_text_headline_ending_in_a_period_is_one_sentence() {
    assert_eq!(from_text("Voters Head to the Polls in the U.S.\n\nBody.").headline, s("Voters Head to the Polls in the U.S."));
    assert_eq!(from_text("Mayor Jane Doe Resigns.\n\nBody.").headline, s("Mayor Jane Doe Resigns"));
    let lede = "The mayor resigned on Tuesday after ten years in office. Her deputy, John Roe, takes over.";
    assert_eq!(from_text(&format!("{lede}\n\nBody.")).headline, None, "a lede of two sentences");
    assert_eq!(from_text("Game over. Will the mayor stay?\n\nBody.").headline, s("Game over. Will the mayor stay?"));
    let title_case = "Mayor Jane Doe Resigns After Ten Years In Office. Her Deputy John Roe Takes Over Next Week.";
    assert_eq!(from_text(&format!("{title_case}\n\nBody.")).headline, s(&title_case[..title_case.len() - 1]));
    assert_eq!(from_text("A headline that continues;\nits subtitle.\n\nBody.").headline, None, "lowercase next line");
    assert_eq!(from_text("Mayor resigns;\nDeputy takes over.\n\nBody.").headline, s("Mayor resigns; Deputy takes over"));
    assert_eq!(
        from_text("Mayor resigns;\nShe served ten years. Her deputy takes over.\n\nBody.").headline,
        s("Mayor resigns; She served ten years. Her deputy takes over"),
        "the deck after ';' may hold two sentences"
    );
}

#[test]
fn hard_wrapped_paragraph_is_no_headline() {
    let text = "The city council voted on Tuesday\nto build a new bridge over the river,\nofficials said.";
    assert_eq!(from_text(text).headline, None);
}

#[test]
fn all_capitals_headline_is_kept_as_written() {
    let text = "CITY, STATE AGREE ON BRIDGE PLAN\n\nTOKYO, March 3 - The city and the state agreed\non a plan, officials said.";
    let meta = from_text(text);
    assert_eq!(meta.headline, s("CITY, STATE AGREE ON BRIDGE PLAN"));
    assert_eq!(meta.date_published, None, "a dateline without a year gives no date");
}

#[test]
fn dateline_with_date_and_agency() {
    let text = "Talks resume\n\nWASHINGTON, July 7, 2023 (Reuters) - Negotiators met again on Friday.";
    let meta = from_text(text);
    assert_eq!(meta.headline, s("Talks resume"));
    assert_eq!(meta.date_published, s("2023-07-07"));
    assert_eq!(meta.publisher, s("Reuters"));
}

#[test]
fn headline_labels_and_hyphenated_words_are_no_datelines() {
    assert_eq!(from_text("EXCLUSIVE – Jane Doe: The Bridge Will Open\n\nBody.").headline, s("EXCLUSIVE – Jane Doe: The Bridge Will Open"));
    assert_eq!(from_text("ABC-XYZ Poll: Voters back the bridge\n\nBody.").headline, s("ABC-XYZ Poll: Voters back the bridge"));
}

#[test]
fn agency_dateline_is_kept_literal() {
    let meta = from_text("Storm hits coast\n\nSPRINGFIELD, Ill. (AP) \u{2014} A storm hit the coast.");
    assert_eq!(meta.publisher, s("AP"));
    assert_eq!(meta.date_published, None);
    let mixed = from_text("Storm hits coast\n\nSpringfield (CNN) Rain fell all day.");
    assert_eq!(mixed.publisher, s("CNN"));
    let dashed = from_text("Storm hits coast\n\nSpringfield (Example Wire) - Rain fell all day.");
    assert_eq!(dashed.publisher, s("Example Wire"));
    // An acronym in parentheses at the start of a hard-wrapped line is no agency.
    let wrapped = from_text("Storm hits coast\n\nThe Ministry of Example\nAffairs (MEA) acted to tighten rules.");
    assert_eq!(wrapped.publisher, None);
}

#[test]
fn bylines_give_authors_and_agency() {
    let meta = from_text("Storm hits coast\nBy JANE DOE, Reuters\n\nRain fell.");
    assert_eq!(meta.authors, names(&["Jane Doe"]));
    assert_eq!(meta.publisher, s("Reuters"));
    let several = from_text("Storm hits coast\nBy Jane Doe, John Roe and Mary Major\n\nRain fell.");
    assert_eq!(several.authors, names(&["Jane Doe", "John Roe", "Mary Major"]));
    let role = from_text("Storm hits coast\nBy Jane Doe - Staff Writer\n\nRain fell.");
    assert_eq!((role.authors, role.publisher), (names(&["Jane Doe"]), None));
    let outlet = from_text("Storm hits coast\nBy Jane Doe | Example Times | June 17, 2023\n\nRain fell.");
    assert_eq!(outlet.authors, names(&["Jane Doe"]));
    assert_eq!(outlet.date_published, s("2023-06-17"));
}

#[test]
fn prose_starting_with_by_is_no_byline() {
    let meta = from_text("Storm hits coast\n\nBy the end of the week, Maine, Vermont and New Hampshire were flooded.");
    assert_eq!(meta.authors, Vec::<String>::new());
}

#[test]
fn source_line_gives_the_publisher() {
    assert_eq!(from_text("Storm hits coast\nSource: Example Wire\n\nRain.").publisher, s("Example Wire"));
}

#[test]
fn dates_in_body_sentences_are_not_publication_dates() {
    let text = "Storm hits coast\n\nOn June 17, 2023 the storm reached the coast.\nOct. 31, 2012 was the last one.";
    assert_eq!(from_text(text).date_published, None);
}

#[test]
fn text_without_metadata_gives_the_default() {
    assert_eq!(from_text(""), Metadata::default());
    assert_eq!(from_text("\n\n   \n"), Metadata::default());
    let long = "word ".repeat(40);
    assert_eq!(from_text(&long), Metadata::default());
}

// ---------------------------------------------------------------- dates

#[test]
fn date_normalisation_table() {
    let table = [
        ("2019-05-14", Some("2019-05-14")),
        ("2019-05-14T06:34:00-04:00", Some("2019-05-14T06:34:00-04:00")),
        ("2019-05-14T10:34:00Z", Some("2019-05-14T10:34:00Z")),
        ("2019-05-14T10:34:00.123+0000", Some("2019-05-14T10:34:00.123+00:00")),
        ("2019-05-14T10:34Z", Some("2019-05-14T10:34:00Z")),
        ("2019-05-14 10:34:00", Some("2019-05-14")),
        ("2019-05-14T10:34:00", Some("2019-05-14")),
        ("2019/5/4", Some("2019-05-04")),
        ("20190514", Some("2019-05-14")),
        ("May 14, 2019", Some("2019-05-14")),
        ("14 May 2019", Some("2019-05-14")),
        ("Sept. 11, 2016", Some("2016-09-11")),
        ("September 11th, 2016", Some("2016-09-11")),
        ("Tue, 14 May 2019 10:34:00 GMT", Some("2019-05-14T10:34:00Z")),
        ("Tue, 14 May 2019 10:34:00 -0400", Some("2019-05-14T10:34:00-04:00")),
        ("Tue, 14 May 2019 10:34:00 EDT", Some("2019-05-14T10:34:00-04:00")),
        ("Tuesday, March 3, 2020 10:15 PM", Some("2020-03-03")),
        ("March 3, 2020 at 10:15 p.m. UTC", Some("2020-03-03T22:15:00Z")),
        ("May 14, 2019 8:03 AM ET", Some("2019-05-14")),
        ("01:38:07 PM IST Nov 20, 2019", Some("2019-11-20")),
        ("2020-02-29", Some("2020-02-29")),
        ("2019-02-29", None),
        ("2019-13-01", None),
        ("2019-05-32", None),
        ("20191301", None),
        ("May 32, 2019", None),
        ("2019-05-14T25:00:00Z", None),
        ("March 3", None),
        ("yesterday", None),
        ("", None),
    ];
    for (input, expected) in table {
        assert_eq!(normalise_date(input).as_deref(), expected, "{input:?}");
    }
}
