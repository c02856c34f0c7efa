//! A readable listing of one article's facts with their evidence, for `newsgraph extract`.

use crate::model::{Article, Evidence, Facts, Statement, StatementForm};
use std::io::{self, Write};

fn evidence(text: &str, e: Evidence) -> String {
    let s = e.span.of(text).replace('\n', " ");
    let short: String = s.chars().take(160).collect();
    if s.chars().count() > 160 {
        format!("{short}…")
    } else {
        short
    }
}

/// Writes entities, roles, quotes, exports and statistics with their evidence.
pub fn write<W: Write>(text: &str, facts: &Facts, out: &mut W) -> io::Result<()> {
    let name = |id: usize| facts.entities[id].label.as_str();
    writeln!(out, "Entities ({}):", facts.entities.len())?;
    for e in &facts.entities {
        let alt = if e.alt_labels.is_empty() { String::new() } else { format!("  (also: {})", e.alt_labels.join(", ")) };
        writeln!(out, "  {:<12} {}{alt}", e.kind.name(), e.label)?;
    }
    writeln!(out, "\nRoles ({}):", facts.memberships.len())?;
    for m in &facts.memberships {
        let org = m.organization.map_or(String::new(), |o| format!(" — {}", name(o)));
        let former = if m.former { " (former)" } else { "" };
        writeln!(out, "  {} — {}{former}{org}\n      ⟵ {}", name(m.person), m.role, evidence(text, m.evidence))?;
    }
    let quotes: Vec<&Statement> = facts.statements.iter().filter(|s| s.form == StatementForm::Quote).collect();
    writeln!(out, "\nQuotes ({}):", quotes.len())?;
    for q in quotes {
        let verb = q.verb.as_deref().unwrap_or("said");
        writeln!(out, "  {} {verb}: \u{201c}{}\u{201d}", name(q.speaker), q.text)?;
    }
    let reported: Vec<&Statement> = facts.statements.iter().filter(|s| s.form == StatementForm::Reported).collect();
    writeln!(out, "\nReported speech ({}):", reported.len())?;
    for r in reported {
        let verb = r.verb.as_deref().unwrap_or("said");
        writeln!(out, "  {} {verb}: {}\n      ⟵ {}", name(r.speaker), r.text, evidence(text, r.evidence))?;
    }
    writeln!(out, "\nExports ({}):", facts.exports.len())?;
    for x in &facts.exports {
        let to = x.destination.map_or(String::new(), |d| format!(" → {}", name(d)));
        writeln!(out, "  {} exports {}{to}\n      ⟵ {}", name(x.exporter), name(x.product), evidence(text, x.evidence))?;
    }
    writeln!(out, "\nStatistics ({}):", facts.statistics.len())?;
    for s in &facts.statistics {
        let src = s.source.map_or(String::from("no source"), |x| format!("source {}", name(x)));
        writeln!(out, "  {} — {} ({src})", s.value, s.label)?;
    }
    Ok(())
}

/// What the extractor reads of an article (`extract --text --json`): its
/// metadata and clean text, under schema.org's names.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadView<'a> {
    /// The file's name (an archive record's: the archive's name and its number).
    pub file: &'a str,
    /// `schema:headline`
    pub headline: Option<&'a str>,
    /// `schema:datePublished`
    pub date_published: Option<&'a str>,
    /// `schema:author`
    pub author: &'a [String],
    /// `schema:publisher`
    pub publisher: Option<&'a str>,
    /// `schema:url`
    pub url: Option<&'a str>,
    /// `schema:inLanguage`
    pub in_language: Option<&'a str>,
    /// The clean text, which every offset in the graph points into.
    pub body: &'a str,
}

/// An article as [`ReadView`].
pub fn read_view(article: &Article) -> ReadView<'_> {
    let m = &article.meta;
    ReadView {
        file: &article.file_name,
        headline: m.headline.as_deref(),
        date_published: m.date_published.as_deref(),
        author: &m.authors,
        publisher: m.publisher.as_deref(),
        url: m.url.as_deref(),
        in_language: m.language.as_deref(),
        body: &article.text,
    }
}

/// Writes what the extractor reads of an article: its metadata, then its clean text.
pub fn write_read<W: Write>(article: &Article, out: &mut W) -> io::Result<()> {
    let view = read_view(article);
    writeln!(out, "== {}", view.file)?;
    let fields = [
        ("headline", view.headline.map(str::to_string)),
        ("datePublished", view.date_published.map(str::to_string)),
        ("author", (!view.author.is_empty()).then(|| view.author.join("; "))),
        ("publisher", view.publisher.map(str::to_string)),
        ("url", view.url.map(str::to_string)),
        ("inLanguage", view.in_language.map(str::to_string)),
    ];
    for (name, value) in fields {
        writeln!(out, "{name:<14} {}", value.as_deref().unwrap_or("-"))?;
    }
    writeln!(out, "\n{}\n", view.body.trim_end())
}
