//! Content negotiation: the client's `Accept` header against the media types
//! a result can be written in (RFC 9110 §12.5.1: the most specific matching
//! range gives an offer its quality; the best quality wins, and among equals
//! the server's order, so the first offer is the default).

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;

/// What SELECT and ASK results can be sent as, the default first.
pub const SOLUTION_OFFERS: &[(&str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
];

const JSON_LD: RdfFormat = RdfFormat::JsonLd {
    profile: JsonLdProfileSet::empty(),
};

/// What CONSTRUCT and DESCRIBE results and stored graphs can be sent as, the default first.
pub const GRAPH_OFFERS: &[(&str, RdfFormat)] = &[
    ("text/turtle", RdfFormat::Turtle),
    ("application/n-triples", RdfFormat::NTriples),
    ("application/ld+json", JSON_LD),
    ("application/rdf+xml", RdfFormat::RdfXml),
    ("application/n-quads", RdfFormat::NQuads),
    ("application/trig", RdfFormat::TriG),
    ("text/plain", RdfFormat::NTriples),
];

/// The offer the client prefers, or `None` when it accepts none of them.
/// No `Accept` header (or an empty one) means anything, so the first offer.
pub fn choose<T: Copy>(
    accept: Option<&str>,
    offers: &[(&'static str, T)],
) -> Option<(&'static str, T)> {
    let ranges = match accept.map(str::trim) {
        None | Some("") => return offers.first().copied(),
        Some(header) => parse_accept(header),
    };
    let mut best: Option<(f32, (&'static str, T))> = None;
    for offer in offers {
        let q = quality(&ranges, offer.0);
        // Strictly greater: among equal qualities the server's order wins.
        if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, *offer));
        }
    }
    best.map(|(_, offer)| offer)
}

/// The media types of `offers`, for a 406 message.
pub fn supported<T>(offers: &[(&'static str, T)]) -> String {
    offers
        .iter()
        .map(|(m, _)| *m)
        .collect::<Vec<_>>()
        .join(", ")
}

/// One media range of an Accept header: `type`, `subtype` (either may be `*`) and `q`.
struct Range {
    kind: String,
    subtype: String,
    q: f32,
}

fn parse_accept(header: &str) -> Vec<Range> {
    header.split(',').filter_map(parse_range).collect()
}

fn parse_range(item: &str) -> Option<Range> {
    let mut parts = item.split(';');
    let (kind, subtype) = parts.next()?.trim().split_once('/')?;
    let mut q = 1.0;
    for param in parts {
        if let Some((name, value)) = param.split_once('=') {
            if name.trim().eq_ignore_ascii_case("q") {
                // A malformed weight makes the range unusable rather than preferred.
                q = value
                    .trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|q| (0.0..=1.0).contains(q))?;
            }
        }
    }
    Some(Range {
        kind: kind.trim().to_ascii_lowercase(),
        subtype: subtype.trim().to_ascii_lowercase(),
        q,
    })
}

/// The q of the most specific range matching `media_type`, 0 when none does.
fn quality(ranges: &[Range], media_type: &str) -> f32 {
    let (kind, subtype) = media_type.split_once('/').unwrap_or((media_type, ""));
    let mut found: Option<(u8, f32)> = None;
    for r in ranges {
        let specificity = match (r.kind.as_str(), r.subtype.as_str()) {
            (k, s) if k == kind && s == subtype => 3,
            (k, "*") if k == kind => 2,
            ("*", "*") => 1,
            _ => continue,
        };
        if found.is_none_or(|(s, _)| specificity > s) {
            found = Some((specificity, r.q));
        }
    }
    found.map_or(0.0, |(_, q)| q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(accept: Option<&str>) -> Option<&'static str> {
        choose(accept, SOLUTION_OFFERS).map(|(m, _)| m)
    }

    #[test]
    fn no_accept_or_any_gives_the_default() {
        assert_eq!(pick(None), Some("application/sparql-results+json"));
        assert_eq!(pick(Some("*/*")), Some("application/sparql-results+json"));
    }

    #[test]
    fn quality_values_decide() {
        assert_eq!(
            pick(Some("text/csv;q=0.5, application/sparql-results+xml")),
            Some("application/sparql-results+xml")
        );
        assert_eq!(
            pick(Some("text/csv, application/sparql-results+xml;q=0.9")),
            Some("text/csv")
        );
    }

    #[test]
    fn the_most_specific_range_sets_the_quality() {
        // text/* is welcome, but text/csv is explicitly refused.
        assert_eq!(pick(Some("text/*, text/csv;q=0")), Some("text/xml"));
    }

    #[test]
    fn a_browser_accept_header_gets_the_default() {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert_eq!(pick(Some(browser)), Some("application/xml"));
        assert_eq!(
            choose(Some(browser), GRAPH_OFFERS).map(|(m, _)| m),
            Some("text/turtle")
        );
    }

    #[test]
    fn nothing_acceptable_is_none() {
        assert_eq!(pick(Some("image/png")), None);
        assert_eq!(pick(Some("text/csv;q=0")), None);
        assert_eq!(choose(Some("text/csv"), GRAPH_OFFERS).map(|(m, _)| m), None);
    }

    #[test]
    fn parameters_and_case_are_ignored() {
        assert_eq!(pick(Some("Text/CSV; charset=utf-8")), Some("text/csv"));
    }
}
