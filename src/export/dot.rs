//! Graphviz DOT views of the graph: who said what, roles, exports, statistics.
//!
//! Node shape and colour follow the entity type, with a legend; a quote shows
//! its text wrapped and shortened, the full text as tooltip; edges carry the
//! speech verb and article, the role (dashed when former), the exporter.
//! Node identifiers are the nodes' IRIs, so they are stable across runs, and
//! every string is escaped so that `dot` accepts any label.

use super::view::{EdgeKind, NodeKind, Omitted, View, ViewGraph};
use std::collections::BTreeSet;
use std::io::Write;

/// Escapes a string for a double-quoted DOT id or label.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Wraps text at about `width` characters and cuts it after `lines` lines.
pub fn wrap(text: &str, width: usize, lines: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + word.chars().count() + 1 > width {
            out.push(std::mem::take(&mut line));
            if out.len() == lines {
                let last = out.pop().unwrap_or_default();
                out.push(format!("{last} …"));
                return out.join("\n");
            }
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out.join("\n")
}

/// Shape and fill colour of a node kind.
fn style(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Person => ("ellipse", "#cfe2ff"),
        NodeKind::Organization => ("box", "#d1e7dd"),
        NodeKind::Country => ("hexagon", "#fff3cd"),
        NodeKind::Location => ("octagon", "#e2e3e5"),
        NodeKind::Substance => ("component", "#f8d7da"),
        NodeKind::Quote => ("note", "#ffffff"),
        NodeKind::Reported => ("note", "#f3f0ff"),
        NodeKind::Statistic => ("folder", "#e7f1ff"),
    }
}

fn title(view: View) -> &'static str {
    match view {
        View::WhoSaidWhat => "Who said what",
        View::Roles => "Who holds which role",
        View::Exports => "Who exports what, to where",
        View::Statistics => "Which figures come from whom",
        View::All => "newsgraph",
    }
}

fn node_label(kind: NodeKind, label: &str) -> String {
    match kind {
        NodeKind::Quote => wrap(&format!("\u{201c}{label}\u{201d}"), 40, 4),
        NodeKind::Reported => wrap(label, 40, 4),
        NodeKind::Statistic => wrap(label, 36, 3),
        _ => label.to_string(),
    }
}

/// Writes a view as DOT; returns (nodes, edges) written.
pub fn write<W: Write>(graph: &ViewGraph, view: View, out: &mut W) -> std::io::Result<(usize, usize)> {
    writeln!(out, "digraph newsgraph {{")?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\", label=\"{}\", labelloc=t, fontsize=16];", escape(title(view)))?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11, style=filled];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];")?;
    for node in graph.nodes.values() {
        let (shape, colour) = style(node.kind);
        let tooltip = if node.text == node.label { format!("{} ({})", node.label, article_list(&node.articles)) } else { node.text.clone() };
        writeln!(
            out,
            "  \"{}\" [label=\"{}\", tooltip=\"{}\", shape={shape}, fillcolor=\"{colour}\"];",
            escape(&node.id),
            escape(&node_label(node.kind, &node.label)),
            escape(&tooltip)
        )?;
    }
    for e in &graph.edges {
        let label = match e.kind {
            EdgeKind::Said | EdgeKind::Reported => format!("{}\n{}", e.label, e.article),
            _ => e.label.clone(),
        };
        // Dashed: a former role, or words reported rather than quoted.
        let dashed = if e.former || e.kind == EdgeKind::Reported { ", style=dashed" } else { "" };
        writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\", tooltip=\"{}\"{dashed}];",
            escape(&e.source),
            escape(&e.target),
            escape(&label),
            escape(&e.evidence)
        )?;
    }
    legend(graph, out)?;
    if let Some(omitted) = &graph.omitted {
        note(omitted, out)?;
    }
    writeln!(out, "}}")?;
    Ok((graph.nodes.len(), graph.edges.len()))
}

/// A tooltip's list of articles: a person in thousands of articles would
/// otherwise carry every file name.
fn article_list(articles: &BTreeSet<String>) -> String {
    const SHOWN: usize = 5;
    let first: Vec<&str> = articles.iter().take(SHOWN).map(String::as_str).collect();
    match articles.len() {
        n if n > SHOWN => format!("{} and {} more articles", first.join(", "), n - SHOWN),
        _ => first.join(", "),
    }
}

/// What a cut-down drawing left out, and how to draw the rest.
fn note<W: Write>(o: &Omitted, out: &mut W) -> std::io::Result<()> {
    if !o.is_cut() {
        return Ok(());
    }
    let each = if o.per_entity > 0 { format!(", at most {} relations each", o.per_entity) } else { String::new() };
    let text = format!(
        "Shown: the {} of {} entities with the most relations{each}; {} of {} relations.\nThe rest: newsgraph export --format dot with --around NAME, --article FILE or --top N (0: all)",
        o.entities, o.entities_total, o.edges, o.edges_total
    );
    writeln!(out, "  \"note:omitted\" [shape=note, fillcolor=\"#ffffff\", label=\"{}\"];", escape(&text))
}

/// A legend of the node kinds (and dashed former roles) the view uses.
fn legend<W: Write>(graph: &ViewGraph, out: &mut W) -> std::io::Result<()> {
    let kinds: BTreeSet<NodeKind> = graph.nodes.values().map(|n| n.kind).collect();
    if kinds.is_empty() {
        return Ok(());
    }
    writeln!(out, "  subgraph cluster_legend {{")?;
    writeln!(out, "    label=\"Legend\"; fontsize=12; style=rounded; color=\"#999999\";")?;
    for kind in &kinds {
        let (shape, colour) = style(*kind);
        writeln!(out, "    \"legend:{0}\" [label=\"{0}\", shape={shape}, fillcolor=\"{colour}\"];", kind.name())?;
    }
    if graph.edges.iter().any(|e| e.former || e.kind == EdgeKind::Reported) {
        let what = match (graph.edges.iter().any(|e| e.former), graph.edges.iter().any(|e| e.kind == EdgeKind::Reported)) {
            (true, true) => "former role; reported speech",
            (true, false) => "former role",
            _ => "reported speech",
        };
        writeln!(out, "    \"legend:a\" [label=\"\", shape=point]; \"legend:b\" [label=\"\", shape=point];")?;
        writeln!(out, "    \"legend:a\" -> \"legend:b\" [label=\"{what}\", style=dashed];")?;
    }
    writeln!(out, "  }}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped() {
        assert_eq!(escape("a \"b\" c\\d\ne"), "a \\\"b\\\" c\\\\d\\ne");
    }

    #[test]
    fn long_quotes_are_wrapped_and_shortened() {
        let w = wrap("one two three four five six seven eight nine ten", 10, 2);
        assert_eq!(w, "one two\nthree four …");
    }

    #[test]
    fn reported_speech_is_drawn_dashed_and_quotes_solid() {
        use super::super::view::{Edge, Node};
        let node = |id: &str, kind| Node { id: id.into(), label: id.into(), kind, text: id.into(), articles: BTreeSet::new() };
        let edge = |target: &str, kind| Edge {
            source: "ann".into(),
            target: target.into(),
            kind,
            label: "said".into(),
            former: false,
            article: "a.txt".into(),
            evidence: String::new(),
            relation: target.into(),
        };
        let mut g = ViewGraph::default();
        for n in [node("ann", NodeKind::Person), node("q", NodeKind::Quote), node("r", NodeKind::Reported)] {
            g.nodes.insert(n.id.clone(), n);
        }
        g.edges = vec![edge("q", EdgeKind::Said), edge("r", EdgeKind::Reported)];
        let mut out = Vec::new();
        write(&g, View::WhoSaidWhat, &mut out).expect("write to memory");
        let dot = String::from_utf8(out).expect("utf-8");
        let line = |to: &str| dot.lines().find(|l| l.contains(&format!("\"ann\" -> \"{to}\""))).expect("the edge").to_string();
        assert!(!line("q").contains("dashed") && line("r").contains("style=dashed"), "{dot}");
        assert!(dot.contains("label=\"reported speech\", style=dashed"), "the legend says what dashes mean: {dot}");
    }
}
