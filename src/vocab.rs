//! IRIs of the public vocabulary (CONTRACT.md) and of the data, minted in one place.

/// The ontology namespace.
pub const NG: &str = "https://w3id.org/newsgraph/ontology#";
/// Base of data IRIs (articles, entities, roles).
pub const DATA: &str = "https://w3id.org/newsgraph/";
/// W3C Organization ontology.
pub const ORG: &str = "http://www.w3.org/ns/org#";
/// PROV-O.
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// RDF Schema.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// SKOS.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// schema.org, for article metadata (headline, date, author, outlet, address, language).
pub const SCHEMA: &str = "http://schema.org/";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// The named graph that holds the ontology itself.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/newsgraph/ontology";

/// Prefixes for serializers and for queries users type.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ng", NG),
    ("org", ORG),
    ("prov", PROV),
    ("rdfs", RDFS),
    ("skos", SKOS),
    ("xsd", XSD),
    ("rdf", RDF),
    ("schema", SCHEMA),
];

/// `PREFIX` lines for all [`PREFIXES`], to put before a SPARQL query.
pub fn sparql_prefixes() -> String {
    PREFIXES.iter().map(|(p, iri)| format!("PREFIX {p}: <{iri}>\n")).collect()
}

/// A lower-case, dash-separated form of a label for IRIs ("Antony Blinken" -> "antony-blinken").
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    push_slug(&mut out, label);
    out
}

/// Appends the [`slug`] of `label` to `out`, so that an IRI is built in one
/// buffer (one is built for every entity of every article).
pub fn push_slug(out: &mut String, label: &str) {
    let begin = out.len();
    if label.is_ascii() {
        push_ascii_slug(out, label);
    } else {
        push_unicode_slug(out, label);
    }
    if out.len() == begin {
        out.push_str("unnamed");
    }
}

/// Characters a slug drops without a dash: they join the parts of a word
/// ("U.S.", "People's").
fn joins_word(c: char) -> bool {
    c == '.' || c == '\'' || c == '\u{2019}'
}

/// [`push_slug`] for ASCII labels (nearly all), byte by byte.
fn push_ascii_slug(out: &mut String, label: &str) {
    let begin = out.len();
    let mut dash = false;
    for b in label.bytes() {
        if b.is_ascii_alphanumeric() {
            if dash && out.len() > begin {
                out.push('-');
            }
            out.push(char::from(b.to_ascii_lowercase()));
            dash = false;
        } else if !joins_word(char::from(b)) {
            dash = true;
        }
    }
}

/// [`push_slug`] for labels with characters beyond ASCII.
fn push_unicode_slug(out: &mut String, label: &str) {
    let begin = out.len();
    let mut dash = false;
    for c in label.chars() {
        if c.is_alphanumeric() {
            if dash && out.len() > begin {
                out.push('-');
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
            dash = false;
        } else if !joins_word(c) {
            dash = true;
        }
    }
}

/// Percent-encodes what may not stand in an IRI path segment.
pub fn path_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The IRI of an article (also its named graph), from its path in the corpus.
pub fn article_iri(key: &str) -> String {
    format!("{DATA}article/{}", path_segment(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_stable_and_readable() {
        assert_eq!(slug("Antony Blinken"), "antony-blinken");
        assert_eq!(slug("People's Republic of China"), "peoples-republic-of-china");
        assert_eq!(slug("U.S. Department of State"), "us-department-of-state");
        assert_eq!(slug("???"), "unnamed");
    }

    #[test]
    fn article_iris_escape_spaces() {
        assert_eq!(article_iri("a b/c.txt"), "https://w3id.org/newsgraph/article/a%20b/c.txt");
    }
}
