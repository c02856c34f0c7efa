//! The corpus edge: finding article files and archives, reading them into
//! documents, with one typed error per bad file or record so that the run can
//! report it and go on.
//!
//! A corpus folder holds article files (`.txt`, `.html`, `.md`, each also
//! `.gz`) and archives (`.warc`, `.warc.gz`, `.jsonl`, `.jsonl.gz`). Every
//! article has a stable key: a file's path relative to the corpus; an archive
//! record's URL, or the archive's path and the record's number when it has
//! none. Keys name the article's graph, decide its shard and let incremental
//! builds and `--prune` treat records as they treat files.

use crate::lexicon::Lexicon;
use crate::meta::{self, Metadata};
use crate::model::Article;
use crate::text::{clean, Markup};
use newsgraph_input::{Format, JsonFields, Record};
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// Why one file or record could not become an article. `origin` names it:
/// a path, or a path and a record number.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The file could not be read (permissions, vanished, a broken gzip stream...).
    #[error("{origin}: cannot read: {cause}")]
    Unreadable {
        /// The file.
        origin: String,
        /// The OS error.
        cause: std::io::Error,
    },
    /// No text at all.
    #[error("{origin}: empty file")]
    Empty {
        /// The file or record.
        origin: String,
    },
    /// NUL bytes: not a text file.
    #[error("{origin}: binary file (contains NUL bytes), not an article")]
    Binary {
        /// The file or record.
        origin: String,
    },
    /// Not UTF-8, and no other encoding declared.
    #[error("{origin}: {cause}; convert it with iconv -t UTF-8, or declare its charset in a <meta> tag")]
    Encoding {
        /// The file or record.
        origin: String,
        /// What the decoder found.
        cause: newsgraph_input::DecodeError,
    },
    /// Far larger than any news article (a dump, a log, a book).
    #[error("{origin}: {size} bytes, larger than the {limit}-byte limit for one article (raise it with --max-article-mb)")]
    TooLarge {
        /// The file or record.
        origin: String,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Markup with no prose left once furniture is removed.
    #[error("{origin}: no article text left after removing markup and site furniture")]
    NoProse {
        /// The file or record.
        origin: String,
    },
    /// A record of an archive that is not an article (a JSON line that is not
    /// JSON, a truncated WARC record...).
    #[error("{origin}: {problem}")]
    BadRecord {
        /// The archive and the record.
        origin: String,
        /// What is wrong with it.
        problem: String,
    },
    /// An archive that cannot be read on (a broken gzip stream, a file that is
    /// not WARC). Its records read before the problem are kept.
    #[error("{origin}: {problem}")]
    BadArchive {
        /// The archive.
        origin: String,
        /// What is wrong with it.
        problem: String,
    },
}

/// Problems with the corpus as a whole.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The folder does not exist or cannot be listed.
    #[error("corpus folder {path}: {cause}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// The OS error.
        cause: std::io::Error,
    },
}

/// What a corpus file holds, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// One article, possibly gzipped.
    Article {
        /// How it is marked up.
        markup: Markup,
        /// `.gz`
        gzipped: bool,
    },
    /// Many articles.
    Archive {
        /// WARC or JSON Lines.
        format: Format,
        /// `.gz`
        gzipped: bool,
    },
}

/// The kind of a corpus file from its name, `None` when the tool does not read it.
pub fn kind_of(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?;
    if let Some((format, gzipped)) = newsgraph_input::format_of(name) {
        return Some(FileKind::Archive { format, gzipped });
    }
    let (inner, gzipped) = match newsgraph_input::gz_inner_name(name) {
        Some(inner) => (inner, true),
        None => (name, false),
    };
    let ext = Path::new(inner).extension()?.to_str()?;
    Markup::from_extension(ext).map(|markup| FileKind::Article { markup, gzipped })
}

/// Whether a corpus file holds many articles.
pub fn is_archive(path: &Path) -> bool {
    matches!(kind_of(path), Some(FileKind::Archive { .. }))
}

/// Every article file and archive under `dir`, sorted, plus the folders that
/// could not be listed.
pub fn discover(dir: &Path) -> Result<(Vec<PathBuf>, Vec<ArticleError>), CorpusError> {
    let meta = std::fs::metadata(dir).map_err(|source| CorpusError::Folder { path: dir.to_path_buf(), cause: source })?;
    if !meta.is_dir() {
        let source = std::io::Error::other("not a folder");
        return Err(CorpusError::Folder { path: dir.to_path_buf(), cause: source });
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(e) => e,
            Err(source) => {
                problems.push(ArticleError::Unreadable { origin: folder.display().to_string(), cause: source });
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                pending.push(path);
            } else if kind_of(&path).is_some() {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok((files, problems))
}

/// One article's raw document, before its text is cleaned: a file's content
/// or an archive record's.
#[derive(Debug, Clone)]
pub struct Document {
    /// The article's key (see the module documentation).
    pub key: String,
    /// `ng:fileName`: the file's name, or the archive's name and the record's number.
    pub file_name: String,
    /// How errors name it.
    pub origin: String,
    /// The content, decoded.
    pub raw: String,
    /// How the content is marked up.
    pub markup: Markup,
    /// What the archive record says of the article (URL, title, a feed's date...):
    /// it wins over what the page says.
    pub given: Metadata,
    /// What the archive says that the page knows better (a crawl's date is
    /// when the page was fetched, not published): used where the page is silent.
    pub fallback: Metadata,
    /// A hash of the content and what is given with it, to skip unchanged articles.
    pub content_hash: String,
}

/// Reads one article file (decompressing `.gz`) into a document; `corpus` is
/// the folder keys are relative to.
pub fn read_file(path: &Path, corpus: &Path, max_bytes: u64) -> Result<Document, ArticleError> {
    let origin = || path.display().to_string();
    if let Ok(meta) = std::fs::metadata(path) {
        // Checked before reading: one huge file must not take the memory of the run.
        if meta.len() > max_bytes {
            return Err(ArticleError::TooLarge { origin: origin(), size: meta.len(), limit: max_bytes });
        }
    }
    let unreadable = |cause| ArticleError::Unreadable { origin: origin(), cause };
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let Some(FileKind::Article { markup, gzipped }) = kind_of(path) else {
        return document_from_bytes(path, corpus, &bytes, Markup::Plain);
    };
    if !gzipped {
        return document_from_bytes(path, corpus, &bytes, markup);
    }
    let mut inflated = Vec::new();
    flate2::read::MultiGzDecoder::new(&bytes[..]).take(max_bytes.saturating_add(1)).read_to_end(&mut inflated).map_err(unreadable)?;
    if inflated.len() as u64 > max_bytes {
        return Err(ArticleError::TooLarge { origin: origin(), size: inflated.len() as u64, limit: max_bytes });
    }
    let mut doc = document_from_bytes(path, corpus, &inflated, markup)?;
    // The compressed bytes decide whether the file changed; hashing them is cheaper.
    doc.content_hash = content_hash(&bytes);
    Ok(doc)
}

/// A document from a file's bytes (the checks of [`read_file`] without the I/O).
pub fn document_from_bytes(path: &Path, corpus: &Path, bytes: &[u8], markup: Markup) -> Result<Document, ArticleError> {
    let origin = path.display().to_string();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ArticleError::Empty { origin });
    }
    if bytes.contains(&0) {
        return Err(ArticleError::Binary { origin });
    }
    let raw = match newsgraph_input::decode(bytes, None, markup == Markup::Html) {
        Ok(raw) => raw,
        Err(cause) => return Err(ArticleError::Encoding { origin, cause }),
    };
    let key = key_of(path, corpus);
    let file_name = path.file_name().map_or_else(|| key.clone(), |n| n.to_string_lossy().into_owned());
    let (given, fallback) = (Metadata::default(), Metadata::default());
    Ok(Document { key, file_name, origin, raw, markup, given, fallback, content_hash: content_hash(bytes) })
}

/// How archive records become documents: the archive's path, its key in the
/// corpus, and the JSON Lines fields to read.
pub struct ArchiveReader<'a> {
    /// The archive.
    pub path: &'a Path,
    /// The corpus folder.
    pub corpus: &'a Path,
    /// Field names for JSON Lines (detected when not named).
    pub fields: &'a JsonFields,
    /// Larger records are reported, not read.
    pub max_bytes: u64,
}

impl ArchiveReader<'_> {
    /// Reads every record, calling `each` with a document or the record's
    /// problem, in record order. An archive that cannot be read on ends with
    /// one [`ArticleError::BadArchive`]; what was read before it is kept.
    pub fn read(&self, each: &mut dyn FnMut(Result<Document, ArticleError>)) {
        let origin = self.path.display().to_string();
        let file = match std::fs::File::open(self.path) {
            Ok(f) => std::io::BufReader::new(f),
            Err(cause) => return each(Err(ArticleError::Unreadable { origin, cause })),
        };
        let Some(FileKind::Archive { format, gzipped }) = kind_of(self.path) else { return };
        let mut on_record = |record: Result<Record, newsgraph_input::Problem>| {
            each(match record {
                Ok(record) => self.document(record, format),
                Err(p) => Err(ArticleError::BadRecord { origin: format!("{origin}: {} {}", p.unit, p.number), problem: p.message }),
            })
        };
        let read = match format {
            Format::Warc => newsgraph_input::read_warc(file, gzipped, &mut on_record),
            Format::Jsonl => newsgraph_input::read_jsonl(file, gzipped, self.fields, &mut on_record),
        };
        if let Err(e) = read {
            each(Err(ArticleError::BadArchive { origin, problem: e.to_string() }));
        }
    }

    /// A record as a document, keyed by its URL (or the archive and its number).
    fn document(&self, record: Record, format: Format) -> Result<Document, ArticleError> {
        let archive = key_of(self.path, self.corpus);
        let origin = format!("{}: record {}", self.path.display(), record.number);
        if record.body.len() as u64 > self.max_bytes {
            return Err(ArticleError::TooLarge { origin, size: record.body.len() as u64, limit: self.max_bytes });
        }
        if record.body.trim().is_empty() {
            return Err(ArticleError::Empty { origin });
        }
        let key = match &record.url {
            Some(url) if *url == record.key => url.clone(),
            _ => format!("{archive}#{}", record.number),
        };
        let name = self.path.file_name().map_or_else(|| archive.clone(), |n| n.to_string_lossy().into_owned());
        let (given, fallback) = given_metadata(&record, format);
        let content_hash = record_hash(&record);
        let markup = if record.is_html { Markup::Html } else { Markup::Plain };
        let file_name = format!("{name}#{}", record.number);
        Ok(Document { key, file_name, origin, raw: record.body, markup, given, fallback, content_hash })
    }
}

/// What an archive record states about its article: what wins over the
/// page, and what the page knows better. A feed's fields are the article's
/// own; a crawl knows the URL, but its WARC-Date and Content-Language are
/// the fetch's, so the page's date and language come first.
fn given_metadata(record: &Record, format: Format) -> (Metadata, Metadata) {
    let all = Metadata {
        headline: record.title.clone(),
        date_published: record.date.as_deref().and_then(meta::normalise_date),
        authors: record.authors.clone(),
        publisher: record.publisher.clone(),
        url: record.url.clone(),
        language: record.language.clone(),
    };
    if format != Format::Warc {
        return (all, Metadata::default());
    }
    let url = Metadata { url: all.url.clone(), ..Metadata::default() };
    (url, Metadata { url: None, ..all })
}

/// The hash of a record: its body and what is given with it, hashed in
/// place (a copy of the body per record would cost as much as the hash).
fn record_hash(record: &Record) -> String {
    let given = [&record.url, &record.title, &record.date, &record.publisher, &record.language];
    let mut h = fnv(FNV_OFFSET, record.body.as_bytes());
    for field in given.into_iter().map(|f| f.as_deref().unwrap_or("")).chain(record.authors.iter().map(String::as_str)) {
        h = fnv(fnv(h, b"\0"), field.as_bytes());
    }
    format!("{h:016x}")
}

/// An article read, with what its reader should be told of it ("origin: note").
#[derive(Debug)]
pub struct Read {
    /// The article.
    pub article: Article,
    /// A page whose article body was not found or looks cut short.
    pub note: Option<String>,
}

/// The clean article of a document: its prose and its metadata (what the
/// archive states first, then what the page or text says).
pub fn article_of(doc: Document, lexicon: &Lexicon) -> Result<Read, ArticleError> {
    let raw = doc.raw.strip_prefix('\u{feff}').unwrap_or(&doc.raw);
    let cleaned = clean(raw, doc.markup, lexicon);
    let text = cleaned.text;
    if text.trim().is_empty() {
        return Err(ArticleError::NoProse { origin: doc.origin });
    }
    let note = cleaned.note.map(|n| format!("{}: {n}", doc.origin));
    // Bylines and datelines are furniture to the extractor, so text is read
    // for them before it is cleaned.
    let found = match doc.markup {
        Markup::Html => meta::from_html(raw),
        Markup::Plain => meta::from_text(raw),
        Markup::Markdown => meta::from_text(&text),
    };
    let meta = doc.given.or(found).or(doc.fallback);
    let article = Article { file_name: doc.file_name, key: doc.key, text, content_hash: doc.content_hash, meta };
    Ok(Read { article, note })
}

/// Reads and cleans one article file; `corpus` is the folder keys are relative to.
pub fn read_article(path: &Path, corpus: &Path, lexicon: &Lexicon, max_bytes: u64) -> Result<Read, ArticleError> {
    article_of(read_file(path, corpus, max_bytes)?, lexicon)
}

/// The key that identifies an article file: its path relative to the corpus, with `/`.
pub fn key_of(path: &Path, corpus: &Path) -> String {
    path.strip_prefix(corpus).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

/// FNV-1a, 64 bits: stable across machines and versions (unlike std's hasher).
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", fnv(FNV_OFFSET, bytes))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `bytes`, continued from `h`.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], name: &str) -> Result<Article, ArticleError> {
        let lex = Lexicon::embedded().expect("lexicons parse");
        let path = Path::new(name);
        let markup = match kind_of(path) {
            Some(FileKind::Article { markup, .. }) => markup,
            _ => Markup::Plain,
        };
        article_of(document_from_bytes(path, Path::new(""), bytes, markup)?, lex).map(|read| read.article)
    }

    #[test]
    fn bad_files_are_named_with_their_problem() {
        assert!(matches!(check(b"  \n ", "a.txt"), Err(ArticleError::Empty { .. })));
        assert!(matches!(check(b"abc\0def", "a.txt"), Err(ArticleError::Binary { .. })));
        let err = check(b"caf\xe9 au lait", "a.txt").unwrap_err();
        assert!(matches!(err, ArticleError::Encoding { .. }));
        assert!(err.to_string().starts_with("a.txt: "), "{err}");
        assert!(matches!(check(b"<html><script>x</script></html>", "a.html"), Err(ArticleError::NoProse { .. })));
    }

    #[test]
    fn a_page_in_a_declared_charset_is_decoded() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Le caf\xe9 est ouvert depuis des ann\xe9es, a dit le maire de la ville.</p></body></html>";
        let article = check(page, "a.html").expect("decoded");
        assert!(article.text.contains("café"), "{}", article.text);
    }

    #[test]
    fn a_good_file_keeps_its_name_and_a_stable_hash() {
        let a = check(b"The agency said so.", "x/y.txt").expect("valid");
        assert_eq!(a.file_name, "y.txt");
        assert_eq!(a.content_hash, content_hash(b"The agency said so."));
    }

    #[test]
    fn files_are_known_by_their_names() {
        let article = |m, gz| Some(FileKind::Article { markup: m, gzipped: gz });
        assert_eq!(kind_of(Path::new("a/b.txt")), article(Markup::Plain, false));
        assert_eq!(kind_of(Path::new("b.HTML.gz")), article(Markup::Html, true));
        assert_eq!(kind_of(Path::new("crawl.warc.gz")), Some(FileKind::Archive { format: Format::Warc, gzipped: true }));
        assert_eq!(kind_of(Path::new("feed.jsonl")), Some(FileKind::Archive { format: Format::Jsonl, gzipped: false }));
        assert_eq!(kind_of(Path::new("notes.pdf")), None);
        assert_eq!(kind_of(Path::new("data.gz")), None);
    }
}
