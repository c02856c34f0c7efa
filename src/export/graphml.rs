//! GraphML export of a [`ViewGraph`], for Gephi, yEd, Cytoscape and networkx.
//!
//! One directed graph in the GraphML namespace. Nodes carry `label`, `type`
//! (the [`NodeKind`](super::view::NodeKind) name), `text` and `articles` (file
//! names joined with "; "); edges carry `label`, `kind` (the
//! [`EdgeKind`](super::view::EdgeKind) name), `former` (boolean), `article`
//! and `evidence`. Node ids are the nodes' IRIs and edge ids `e0`, `e1`, ...
//! in the graph's order, so the same graph gives the same file on every run.
//! Every string is XML-escaped (tab and line breaks as character references,
//! so they survive attribute normalisation), and the characters XML 1.0
//! forbids (control characters, U+FFFE, U+FFFF) are dropped.

use super::view::{Edge, Node, ViewGraph};
use std::io::{BufWriter, Write};

/// The GraphML namespace.
const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

/// Where the GraphML schema lives, for validating readers.
const SCHEMA: &str = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// Attribute declarations: key id, domain, `attr.name`, `attr.type`.
const KEYS: [(&str, &str, &str, &str); 9] = [
    ("n_label", "node", "label", "string"),
    ("n_type", "node", "type", "string"),
    ("n_text", "node", "text", "string"),
    ("n_articles", "node", "articles", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_kind", "edge", "kind", "string"),
    ("e_former", "edge", "former", "boolean"),
    ("e_article", "edge", "article", "string"),
    ("e_evidence", "edge", "evidence", "string"),
];

/// Writes `graph` as a GraphML document and gives `out` back.
///
/// Edges whose source or target is not a node of the graph are left out (a
/// GraphML reader would reject them); the others are numbered without gaps.
pub fn write_graphml<W: Write>(graph: &ViewGraph, out: W) -> std::io::Result<W> {
    let mut out = BufWriter::new(out);
    header(&mut out)?;
    for node in graph.nodes.values() {
        write_node(&mut out, node)?;
    }
    let edges = graph.edges.iter().filter(|e| graph.nodes.contains_key(&e.source) && graph.nodes.contains_key(&e.target));
    for (i, edge) in edges.enumerate() {
        write_edge(&mut out, i, edge)?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    out.into_inner().map_err(|e| e.into_error())
}

/// The XML declaration, the root element, the keys and the opening graph tag.
fn header<W: Write>(out: &mut W) -> std::io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<graphml xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"{NAMESPACE} {SCHEMA}\">"
    )?;
    for (id, domain, name, kind) in KEYS {
        writeln!(out, "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>")?;
    }
    writeln!(out, "  <graph id=\"newsgraph\" edgedefault=\"directed\">")
}

fn write_node<W: Write>(out: &mut W, node: &Node) -> std::io::Result<()> {
    let articles: Vec<&str> = node.articles.iter().map(String::as_str).collect();
    writeln!(out, "    <node id=\"{}\">", escape(&node.id))?;
    data(out, "n_label", &node.label)?;
    data(out, "n_type", node.kind.name())?;
    data(out, "n_text", &node.text)?;
    data(out, "n_articles", &articles.join("; "))?;
    writeln!(out, "    </node>")
}

fn write_edge<W: Write>(out: &mut W, index: usize, edge: &Edge) -> std::io::Result<()> {
    writeln!(out, "    <edge id=\"e{index}\" source=\"{}\" target=\"{}\">", escape(&edge.source), escape(&edge.target))?;
    data(out, "e_label", &edge.label)?;
    data(out, "e_kind", edge.kind.name())?;
    data(out, "e_former", if edge.former { "true" } else { "false" })?;
    data(out, "e_article", &edge.article)?;
    data(out, "e_evidence", &edge.evidence)?;
    writeln!(out, "    </edge>")
}

/// One `<data>` element.
fn data<W: Write>(out: &mut W, key: &str, value: &str) -> std::io::Result<()> {
    writeln!(out, "      <data key=\"{key}\">{}</data>", escape(value))
}

/// Escapes a string for XML text or a quoted attribute value, dropping the
/// characters XML 1.0 does not allow.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::view::{EdgeKind, NodeKind};
    use std::collections::BTreeSet;

    const TRICKY: &str = "Tom \"T\" O'Neil & <Sons> C:\\path\nnext\tline Zürich — 東京\u{1}\u{fffe}";

    fn node(id: &str, label: &str, kind: NodeKind) -> Node {
        Node { id: id.into(), label: label.into(), kind, text: label.into(), articles: BTreeSet::from(["a.txt".into(), "b&c.html".into()]) }
    }

    fn sample() -> ViewGraph {
        let mut g = ViewGraph::default();
        let person = node("http://ex.org/p?x=1&y=<2>", TRICKY, NodeKind::Person);
        let quote = node("http://ex.org/q1", "\"We'll see\" <b>", NodeKind::Quote);
        g.nodes.insert(person.id.clone(), person);
        g.nodes.insert(quote.id.clone(), quote);
        let said = Edge {
            source: "http://ex.org/p?x=1&y=<2>".into(),
            target: "http://ex.org/q1".into(),
            kind: EdgeKind::Said,
            label: "said".into(),
            former: true,
            article: "a.txt".into(),
            evidence: TRICKY.into(),
            relation: "http://ex.org/q1".into(),
        };
        let dangling = Edge { target: "http://ex.org/nowhere".into(), ..said.clone() };
        g.edges = vec![said, dangling];
        g
    }

    fn render(g: &ViewGraph) -> String {
        String::from_utf8(write_graphml(g, Vec::new()).expect("write")).expect("utf-8")
    }

    /// Asserts that every `&` starts an entity or character reference.
    fn check_references(s: &str) {
        for (i, _) in s.match_indices('&') {
            let rest = &s[i + 1..];
            let end = rest.find(';').expect("reference ends with ;");
            let name = &rest[..end];
            let known = ["amp", "lt", "gt", "quot", "apos"].contains(&name);
            let numeric = name.strip_prefix('#').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            assert!(known || numeric, "bad reference &{name};");
        }
    }

    /// A tiny well-formedness check: tags nest, text and attribute values hold
    /// no raw `<` or `>`, references are valid. Returns the element count.
    fn check_xml(xml: &str) -> usize {
        let (mut stack, mut elements, mut rest) = (Vec::new(), 0, xml);
        while let Some(start) = rest.find('<') {
            let text = &rest[..start];
            assert!(!text.contains('>'), "raw > in text {text:?}");
            check_references(text);
            let end = start + rest[start..].find('>').expect("tag closed");
            let tag = &rest[start + 1..end];
            assert!(!tag.contains('<'), "raw < in tag {tag:?}");
            check_references(tag);
            let name = tag.split_whitespace().next().unwrap_or_default().trim_end_matches('/');
            if let Some(closed) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(closed));
            } else if !tag.starts_with('?') {
                elements += 1;
                if !tag.ends_with('/') {
                    stack.push(name);
                }
            }
            rest = &rest[end + 1..];
        }
        assert!(stack.is_empty(), "unclosed {stack:?}");
        elements
    }

    fn unescape(s: &str) -> String {
        s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&#9;", "\t").replace("&#10;", "\n").replace("&#13;", "\r").replace("&amp;", "&")
    }

    /// The unescaped contents of every `<data key="{key}">`.
    fn values(xml: &str, key: &str) -> Vec<String> {
        let open = format!("<data key=\"{key}\">");
        xml.split(open.as_str()).skip(1).map(|s| unescape(s.split("</data>").next().unwrap_or_default())).collect()
    }

    #[test]
    fn the_document_is_well_formed_with_every_key() {
        let xml = render(&sample());
        // graphml + 9 keys + graph + 2 nodes × (1 + 4 data) + 1 edge × (1 + 5 data)
        assert_eq!(check_xml(&xml), 1 + 9 + 1 + 2 * 5 + 6);
        assert!(xml.contains("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
        assert!(xml.contains("<graph id=\"newsgraph\" edgedefault=\"directed\">"));
        for name in ["label", "type", "text", "articles", "kind", "article", "evidence"] {
            assert!(xml.contains(&format!("attr.name=\"{name}\" attr.type=\"string\"/>")), "{name}");
        }
        assert!(xml.contains("<key id=\"e_former\" for=\"edge\" attr.name=\"former\" attr.type=\"boolean\"/>"));
    }

    #[test]
    fn strings_come_back_unchanged_except_forbidden_characters() {
        let xml = render(&sample());
        let cleaned = TRICKY.replace(['\u{1}', '\u{fffe}'], "");
        assert_eq!(values(&xml, "n_label"), vec![cleaned.clone(), "\"We'll see\" <b>".to_string()]);
        assert_eq!(values(&xml, "e_evidence"), vec![cleaned]);
        assert_eq!(values(&xml, "n_type"), vec!["Person", "Quote"]);
        assert_eq!(values(&xml, "n_articles")[0], "a.txt; b&c.html");
        assert_eq!(values(&xml, "e_kind"), vec!["SAID"]);
        assert_eq!(values(&xml, "e_former"), vec!["true"]);
        assert!(xml.contains("<node id=\"http://ex.org/p?x=1&amp;y=&lt;2&gt;\">"));
        assert!(xml.contains("<edge id=\"e0\" source=\"http://ex.org/p?x=1&amp;y=&lt;2&gt;\" target=\"http://ex.org/q1\">"));
    }

    #[test]
    fn output_is_deterministic_and_skips_dangling_edges() {
        let g = sample();
        assert_eq!(render(&g), render(&g));
        assert!(!render(&g).contains("nowhere"));
        assert_eq!(check_xml(&render(&ViewGraph::default())), 11);
    }
}
