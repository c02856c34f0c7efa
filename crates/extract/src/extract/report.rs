//! A readable listing of one article's facts with their evidence, for `newsgraph extract`.

use crate::model::{Evidence, Facts, Statement, StatementForm};
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
