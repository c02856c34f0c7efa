//! Neo4j export of a [`ViewGraph`]: a folder of CSV files for
//! `neo4j-admin database import full`, and the `import.sh` that runs it.
//!
//! One node file per [`NodeKind`] present (`nodes_Person.csv`, ...; the kind's
//! name is the Neo4j label) and one relationship file per [`EdgeKind`] present
//! (`rels_SAID.csv`, ...; the kind's name is the relationship type), each with
//! its header on the first line. Node ids are the nodes' IRIs, in one id space.
//!
//! Every field is quoted and inner quotes are doubled (RFC 4180). Line breaks
//! and other control characters become spaces, since neo4j-admin reads
//! multi-line fields only with `--multiline-fields`. `articles` is a string
//! array with neo4j-admin's default delimiter `;`, which cannot be escaped, so
//! a `;` inside an article's file name is written as `,`. Rows follow the
//! graph's order (nodes by id, edges as listed), so output is deterministic.

use super::view::{Edge, EdgeKind, Node, NodeKind, ViewGraph};
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Header of every node file.
const NODE_HEADER: &str = "id:ID,label,text,articles:string[],:LABEL";

/// Header of every relationship file.
const REL_HEADER: &str = ":START_ID,:END_ID,label,former:boolean,article,evidence,:TYPE";

/// The array delimiter neo4j-admin uses unless told otherwise.
const ARRAY_DELIMITER: char = ';';

/// Name of the import script written next to the CSV files.
const SCRIPT: &str = "import.sh";

/// Writes `graph` into `dir` (created if missing) as neo4j-admin CSV files
/// plus `import.sh`, and returns the paths written: node files, relationship
/// files, then the script.
///
/// Edges whose source or target is not a node of the graph are left out
/// (neo4j-admin would stop on them).
pub fn write_neo4j(graph: &ViewGraph, dir: &Path) -> io::Result<Vec<PathBuf>> {
    fs::create_dir_all(dir)?;
    let nodes = write_nodes(graph, dir)?;
    let rels = write_rels(graph, dir)?;
    write_script(dir, &nodes, &rels)?;
    Ok(nodes.iter().chain(&rels).map(|f| dir.join(f)).chain([dir.join(SCRIPT)]).collect())
}

/// One file per node kind; returns the file names.
fn write_nodes(graph: &ViewGraph, dir: &Path) -> io::Result<Vec<String>> {
    let mut by_kind: BTreeMap<NodeKind, Vec<&Node>> = BTreeMap::new();
    for node in graph.nodes.values() {
        by_kind.entry(node.kind).or_default().push(node);
    }
    let mut files = Vec::new();
    for (kind, nodes) in by_kind {
        let file = format!("nodes_{}.csv", kind.name());
        write_csv(&dir.join(&file), NODE_HEADER, nodes.into_iter().map(node_row))?;
        files.push(file);
    }
    Ok(files)
}

/// One file per relationship type; returns the file names.
fn write_rels(graph: &ViewGraph, dir: &Path) -> io::Result<Vec<String>> {
    let mut by_kind: BTreeMap<EdgeKind, Vec<&Edge>> = BTreeMap::new();
    for edge in graph.edges.iter().filter(|e| graph.nodes.contains_key(&e.source) && graph.nodes.contains_key(&e.target)) {
        by_kind.entry(edge.kind).or_default().push(edge);
    }
    let mut files = Vec::new();
    for (kind, edges) in by_kind {
        let file = format!("rels_{}.csv", kind.name());
        write_csv(&dir.join(&file), REL_HEADER, edges.into_iter().map(rel_row))?;
        files.push(file);
    }
    Ok(files)
}

fn node_row(node: &Node) -> String {
    let articles: Vec<String> = node.articles.iter().map(|a| a.replace(ARRAY_DELIMITER, ",")).collect();
    row(&[&node.id, &node.label, &node.text, &articles.join(&ARRAY_DELIMITER.to_string()), node.kind.name()])
}

fn rel_row(edge: &Edge) -> String {
    let former = if edge.former { "true" } else { "false" };
    row(&[&edge.source, &edge.target, &edge.label, former, &edge.article, &edge.evidence, edge.kind.name()])
}

/// A CSV record of quoted fields.
fn row(fields: &[&str]) -> String {
    fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(",")
}

/// A quoted CSV field on one line: `"` doubled, line breaks and other control
/// characters (except tab) replaced by a space.
fn field(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.replace("\r\n", "\n").chars() {
        match c {
            '"' => out.push_str("\"\""),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes a header and its rows to `path`.
fn write_csv(path: &Path, header: &str, rows: impl Iterator<Item = String>) -> io::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    writeln!(out, "{header}")?;
    for row in rows {
        writeln!(out, "{row}")?;
    }
    out.flush()
}

/// The `neo4j-admin` command that imports `nodes` and `rels` into the database `neo4j`.
fn command(nodes: &[String], rels: &[String]) -> String {
    let mut lines = vec!["neo4j-admin database import full".to_string()];
    lines.extend(nodes.iter().map(|f| format!("  --nodes={f}")));
    lines.extend(rels.iter().map(|f| format!("  --relationships={f}")));
    lines.push("  neo4j".to_string());
    lines.join(" \\\n")
}

/// Writes `import.sh`, which runs [`command`] from the folder it lives in.
fn write_script(dir: &Path, nodes: &[String], rels: &[String]) -> io::Result<()> {
    let script = format!(
        "#!/bin/sh\n\
         # Imports this folder into the Neo4j database \"neo4j\" (written by newsgraph).\n\
         # Stop the database first; add --overwrite-destination to replace an existing one.\n\
         set -e\n\
         cd \"$(dirname \"$0\")\"\n\
         {}\n",
        command(nodes, rels)
    );
    let path = dir.join(SCRIPT);
    fs::write(&path, script)?;
    make_executable(&path)
}

#[cfg(unix)]
fn make_executable(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn make_executable(_path: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const TRICKY: &str = "He said \"no\" & <left>\r\nC:\\dir, Zürich — 東京\nend";

    fn node(id: &str, label: &str, kind: NodeKind) -> Node {
        Node { id: id.into(), label: label.into(), kind, text: label.into(), articles: BTreeSet::from(["a.txt".into(), "b;c.html".into()]) }
    }

    fn edge(source: &str, target: &str, kind: EdgeKind) -> Edge {
        Edge { source: source.into(), target: target.into(), kind, label: TRICKY.into(), former: true, article: "a.txt".into(), evidence: "It's \"done\".".into(), relation: target.into() }
    }

    fn sample() -> ViewGraph {
        let mut g = ViewGraph::default();
        for n in [node("p1", TRICKY, NodeKind::Person), node("o1", "Acme & Co", NodeKind::Organization), node("q1", "'Quoted'", NodeKind::Quote)] {
            g.nodes.insert(n.id.clone(), n);
        }
        g.edges = vec![edge("p1", "q1", EdgeKind::Said), edge("p1", "o1", EdgeKind::Role), edge("p1", "missing", EdgeKind::Role)];
        g
    }

    /// Parses one RFC 4180 record of quoted fields, failing on anything else.
    fn parse(line: &str) -> Vec<String> {
        let (mut fields, mut chars) = (Vec::new(), line.chars().peekable());
        while chars.next() == Some('"') {
            let mut f = String::new();
            loop {
                match chars.next().expect("closing quote") {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        f.push('"');
                    }
                    '"' => break,
                    c => f.push(c),
                }
            }
            fields.push(f);
            match chars.next() {
                Some(',') => {}
                None => return fields,
                Some(c) => panic!("{c:?} after a field"),
            }
        }
        panic!("unquoted field in {line:?}")
    }

    fn lines(dir: &Path, file: &str) -> Vec<String> {
        fs::read_to_string(dir.join(file)).expect("read").lines().map(String::from).collect()
    }

    #[test]
    fn files_headers_and_script_are_exact() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("neo4j");
        let written = write_neo4j(&sample(), &out).expect("write");
        let names: Vec<String> = written.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["nodes_Person.csv", "nodes_Organization.csv", "nodes_Quote.csv", "rels_SAID.csv", "rels_HAS_ROLE_IN.csv", "import.sh"]);
        assert!(written.iter().all(|p| p.starts_with(&out) && p.is_file() && !p.to_string_lossy().contains(';')));
        assert_eq!(lines(&out, "nodes_Person.csv")[0], "id:ID,label,text,articles:string[],:LABEL");
        assert_eq!(lines(&out, "rels_SAID.csv")[0], ":START_ID,:END_ID,label,former:boolean,article,evidence,:TYPE");
        let script = fs::read_to_string(out.join("import.sh")).expect("script");
        assert!(script.starts_with("#!/bin/sh\n"));
        let expected = "neo4j-admin database import full \\\n  --nodes=nodes_Person.csv \\\n  --nodes=nodes_Organization.csv \\\n  --nodes=nodes_Quote.csv \\\n  --relationships=rels_SAID.csv \\\n  --relationships=rels_HAS_ROLE_IN.csv \\\n  neo4j\n";
        assert!(script.ends_with(expected), "{script}");
    }

    #[test]
    fn a_field_with_quotes_and_newlines_is_one_csv_field() {
        let dir = tempfile::tempdir().expect("tempdir");
        write_neo4j(&sample(), dir.path()).expect("write");
        let people = lines(dir.path(), "nodes_Person.csv");
        assert_eq!(people.len(), 2, "header and one record, each on one line");
        let record = parse(&people[1]);
        let flat = "He said \"no\" & <left> C:\\dir, Zürich — 東京 end";
        assert_eq!(record, ["p1", flat, flat, "a.txt;b,c.html", "Person"]);
        let said = lines(dir.path(), "rels_SAID.csv");
        assert_eq!(said.len(), 2);
        assert_eq!(parse(&said[1]), ["p1", "q1", flat, "true", "a.txt", "It's \"done\".", "SAID"]);
        assert_eq!(said[1], format!("\"p1\",\"q1\",\"{}\",\"true\",\"a.txt\",\"It's \"\"done\"\".\",\"SAID\"", flat.replace('"', "\"\"")));
    }

    #[test]
    fn dangling_edges_are_left_out() {
        let dir = tempfile::tempdir().expect("tempdir");
        write_neo4j(&sample(), dir.path()).expect("write");
        let roles = lines(dir.path(), "rels_HAS_ROLE_IN.csv");
        assert_eq!(roles.len(), 2);
        assert_eq!(parse(&roles[1])[1], "o1");
    }
}
