//! Printing SPARQL results: W3C CSV, TSV and JSON through oxigraph's
//! serializers, a table for people, Turtle for graphs.

use crate::store::StoreError;
use crate::vocab::PREFIXES;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::QueryResults;
use std::io::Write;

/// How to print SELECT and ASK results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultFormat {
    /// Aligned columns, prefixes shortened (for people).
    Table,
    /// W3C SPARQL 1.1 Query Results CSV.
    Csv,
    /// W3C SPARQL 1.1 Query Results TSV.
    Tsv,
    /// W3C SPARQL 1.1 Query Results JSON.
    Json,
}

fn eval_err(e: impl std::fmt::Display) -> StoreError {
    StoreError::Evaluation(e.to_string())
}

/// Writes query results; returns the number of rows (or triples, or 1 for ASK).
pub fn write_results<W: Write>(results: QueryResults<'_>, format: ResultFormat, mut out: W) -> Result<usize, StoreError> {
    match results {
        QueryResults::Boolean(b) => {
            match format {
                ResultFormat::Table => writeln!(out, "{b}")?,
                other => {
                    QueryResultsSerializer::from_format(w3c(other)).serialize_boolean_to_writer(&mut out, b)?;
                }
            }
            Ok(1)
        }
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            if format == ResultFormat::Table {
                let mut rows = Vec::new();
                for s in solutions {
                    let s = s.map_err(eval_err)?;
                    rows.push(variables.iter().map(|v| s.get(v).map(short).unwrap_or_default()).collect::<Vec<_>>());
                }
                let header: Vec<String> = variables.iter().map(|v| v.as_str().to_string()).collect();
                write_table(&mut out, &header, &rows)?;
                return Ok(rows.len());
            }
            let mut ser = QueryResultsSerializer::from_format(w3c(format)).serialize_solutions_to_writer(&mut out, variables)?;
            let mut n = 0;
            for s in solutions {
                ser.serialize(&s.map_err(eval_err)?)?;
                n += 1;
            }
            ser.finish()?;
            Ok(n)
        }
        QueryResults::Graph(triples) => {
            let mut serializer = RdfSerializer::from_format(RdfFormat::Turtle);
            for (p, iri) in PREFIXES {
                serializer = serializer.with_prefix(*p, *iri).map_err(eval_err)?;
            }
            let mut ser = serializer.for_writer(&mut out);
            let mut n = 0;
            for t in triples {
                ser.serialize_triple(&t.map_err(eval_err)?)?;
                n += 1;
            }
            ser.finish()?;
            Ok(n)
        }
    }
}

fn w3c(format: ResultFormat) -> QueryResultsFormat {
    match format {
        ResultFormat::Csv => QueryResultsFormat::Csv,
        ResultFormat::Tsv => QueryResultsFormat::Tsv,
        _ => QueryResultsFormat::Json,
    }
}

/// A term as a person reads it: literal values bare, IRIs with a known prefix shortened.
pub fn short(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            let iri = n.as_str();
            PREFIXES
                .iter()
                .find(|(_, ns)| iri.starts_with(ns))
                .map_or_else(|| iri.to_string(), |(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
        }
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

fn write_table<W: Write>(out: &mut W, header: &[String], rows: &[Vec<String>]) -> std::io::Result<()> {
    const MAX: usize = 80;
    let clip = |s: &str| -> String {
        let one_line = s.replace('\n', " ");
        if one_line.chars().count() > MAX {
            format!("{}…", one_line.chars().take(MAX - 1).collect::<String>())
        } else {
            one_line
        }
    };
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| clip(c)).collect()).collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| cells.iter().map(|r| r[i].chars().count()).chain([header[i].len()]).max().unwrap_or(0))
        .collect();
    let line = |out: &mut W, values: &[String]| -> std::io::Result<()> {
        let padded: Vec<String> = values.iter().zip(&widths).map(|(v, w)| format!("{v:<w$}")).collect();
        writeln!(out, "{}", padded.join(" | ").trim_end())
    };
    line(out, header)?;
    writeln!(out, "{}", widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("-+-"))?;
    for r in &cells {
        line(out, r)?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })
}
