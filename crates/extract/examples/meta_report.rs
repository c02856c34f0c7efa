//! How much metadata `meta` finds in real documents (read-only):
//!
//!     cargo run --release -p newsgraph-extract --example meta_report [-- SHARED_DIR [--verbose]]
//!
//! SHARED_DIR (default /work/shared) holds `htmlbench/` (pages and their true
//! URLs), `polnear/` (texts and their true titles and dates) and
//! `eval/realdev/texts/` (Reuters wire texts among others).

use newsgraph_extract::meta::{from_html, from_text, Metadata};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let shared = PathBuf::from(args.iter().find(|a| !a.starts_with("--")).map_or("/work/shared", |s| s.as_str()));
    html_report(&shared.join("htmlbench"), verbose)?;
    polnear_report(&shared.join("polnear"), verbose)?;
    wire_report(&shared.join("eval/realdev/texts"))?;
    Ok(())
}

fn sorted_files(dir: &Path, ext: &str) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    Ok(files)
}

fn percent(n: usize, of: usize) -> String {
    format!("{n}/{of} ({:.0}%)", 100.0 * n as f64 / of.max(1) as f64)
}

/// (host, path without a trailing slash): "same host and path" is a right URL.
fn host_and_path(url: &str) -> Option<(String, String)> {
    let rest = &url[url.find("://")? + 3..];
    let rest = rest.split(['?', '#']).next()?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    Some((host.to_ascii_lowercase(), path.trim_end_matches('/').to_string()))
}

fn html_report(dir: &Path, verbose: bool) -> Result<(), Box<dyn std::error::Error>> {
    let truth: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json"))?)?;
    let pages = sorted_files(&dir.join("pages"), "html")?;
    let texts: Vec<(String, String)> = pages
        .iter()
        .map(|p| {
            let id = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            (id, String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned())
        })
        .collect();
    let started = Instant::now();
    let metas: Vec<Metadata> = texts.iter().map(|(_, html)| from_html(html)).collect();
    let seconds = started.elapsed().as_secs_f64();
    let bytes: usize = texts.iter().map(|(_, h)| h.len()).sum();

    let (mut url_right, mut url_wrong) = (0, 0);
    for ((id, _), meta) in texts.iter().zip(&metas) {
        let expected = truth[id.as_str()]["url"].as_str().and_then(host_and_path);
        let found = meta.url.as_deref().and_then(host_and_path);
        match (found, expected) {
            (Some(f), Some(e)) if f == e => url_right += 1,
            (Some(_), _) => url_wrong += 1,
            _ => {}
        }
        if verbose {
            println!("{id:.12} {}", serde_json::to_string(meta)?);
            if let (Some(found), Some(expected)) = (&meta.url, truth[id.as_str()]["url"].as_str()) {
                if host_and_path(found) != host_and_path(expected) {
                    println!("    url {found} != {expected}");
                }
            }
        }
    }
    let n = metas.len();
    let count = |f: &dyn Fn(&Metadata) -> bool| metas.iter().filter(|m| f(m)).count();
    println!("== htmlbench: {n} pages, {:.1} MB in {:.3} s ({:.0} MB/s, one thread)", bytes as f64 / 1e6, seconds, bytes as f64 / 1e6 / seconds);
    println!("headline   {}", percent(count(&|m| m.headline.is_some()), n));
    println!("url        {} found; right (same host and path as ground truth) {}, wrong {url_wrong}", percent(count(&|m| m.url.is_some()), n), percent(url_right, n));
    println!("date       {}  (with time and zone: {})", percent(count(&|m| m.date_published.is_some()), n), count(&|m| m.date_published.as_deref().is_some_and(|d| d.len() > 10)));
    println!("authors    {}", percent(count(&|m| !m.authors.is_empty()), n));
    println!("publisher  {}", percent(count(&|m| m.publisher.is_some()), n));
    println!("language   {}", percent(count(&|m| m.language.is_some()), n));
    // Robustness: every page cut short at 20 places (unclosed tags, scripts, JSON).
    let mut cuts = 0;
    for (_, html) in &texts {
        for i in 1..=20 {
            let mut at = html.len() * i / 21;
            while !html.is_char_boundary(at) {
                at -= 1;
            }
            let _ = from_html(&html[..at]);
            cuts += 1;
        }
    }
    println!("truncated  {cuts} cut pages read without a panic");
    Ok(())
}

/// Titles compare without case, inner spacing, a trailing period or closing quotes.
fn title_key(title: &str) -> String {
    let words = title.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    words.trim_end_matches(['.', '\'', '’', '"', '”', ' ']).to_string()
}

fn polnear_report(dir: &Path, verbose: bool) -> Result<(), Box<dyn std::error::Error>> {
    let tsv = std::fs::read_to_string(dir.join("metadata.tsv"))?;
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name);
    let columns = ["filename", "title", "publication_date", "author", "wire"].map(column);
    let [Some(file_col), Some(title_col), Some(date_col), Some(author_col), Some(wire_col)] = columns else {
        return Err("metadata.tsv lacks filename, title, publication_date, author or wire".into());
    };
    let truth: HashMap<&str, [&str; 4]> = lines
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let cell = |i: usize| cells.get(i).copied();
            Some((cell(file_col)?, [cell(title_col)?, cell(date_col)?, cell(author_col)?, cell(wire_col)?]))
        })
        .collect();
    let (mut n, mut found, mut exact, mut dated, mut date_right) = (0, 0, 0, 0, 0);
    let (mut with_authors, mut authors_right, mut with_publisher, mut publisher_is_wire) = (0, 0, 0, 0);
    for split in ["dev", "train"] {
        for path in sorted_files(&dir.join(split).join("text"), "txt")? {
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let Some([title, date, author, wire]) = truth.get(stem.as_str()) else { continue };
            let meta = from_text(&std::fs::read_to_string(&path)?);
            n += 1;
            if meta.headline.is_none() && verbose {
                println!("{stem}\n    no headline; title {title:?}");
            }
            if let Some(headline) = &meta.headline {
                found += 1;
                if title_key(headline) == title_key(title) {
                    exact += 1;
                } else if verbose {
                    println!("{stem}\n    found {headline:?}\n    title {title:?}");
                }
            }
            if !meta.authors.is_empty() {
                with_authors += 1;
                authors_right += usize::from(meta.authors.iter().all(|a| author.to_lowercase().contains(&a.to_lowercase())));
                if verbose {
                    println!("{stem} authors {:?} (true {author:?})", meta.authors);
                }
            }
            if let Some(p) = &meta.publisher {
                with_publisher += 1;
                publisher_is_wire += usize::from(p.eq_ignore_ascii_case(wire));
                if verbose {
                    println!("{stem} publisher {p:?} (wire {wire:?})");
                }
            }
            if let Some(d) = &meta.date_published {
                dated += 1;
                date_right += usize::from(d.get(..10) == Some(*date));
                if verbose {
                    println!("{stem} date {d} (true {date})");
                }
            }
        }
    }
    println!("== polnear dev+train: {n} texts");
    println!("headline   found {}, exactly the title {}", percent(found, n), percent(exact, n));
    println!("date       found {}, right {date_right}", percent(dated, n));
    println!("authors    found {}, all named in the true author field {authors_right}", percent(with_authors, n));
    println!("publisher  found {}, equal to the true wire column {publisher_is_wire}", percent(with_publisher, n));
    Ok(())
}

fn wire_report(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    println!("== realdev texts");
    for path in sorted_files(dir, "txt")? {
        let meta = from_text(&std::fs::read_to_string(&path)?);
        let name = path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        println!("{name:48.48} {}", serde_json::to_string(&meta)?);
    }
    Ok(())
}
