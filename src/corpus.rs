//! The corpus edge: finding article files and reading them, with one typed
//! error per bad file so that the run can report it and go on.

use crate::lexicon::Lexicon;
use crate::model::Article;
use crate::text::{clean, Markup};
use std::path::{Path, PathBuf};

/// Why one file could not become an article.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The file could not be read (permissions, vanished...).
    #[error("{path}: cannot read: {cause}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The OS error.
        cause: std::io::Error,
    },
    /// No text at all.
    #[error("{path}: empty file")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// NUL bytes: not a text file.
    #[error("{path}: binary file (contains NUL bytes), not an article")]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// Not UTF-8.
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset}); convert it with iconv -t UTF-8")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Offset of the first bad byte.
        offset: usize,
    },
    /// Far larger than any news article (a dump, a log, a book).
    #[error("{path}: {size} bytes, larger than the {limit}-byte limit for one article (raise it with --max-article-mb)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Markup with no prose left once furniture is removed.
    #[error("{path}: no article text left after removing markup and site furniture")]
    NoProse {
        /// The file.
        path: PathBuf,
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

/// Every article file under `dir` (`.txt`, `.html`, `.htm`, `.md`), sorted,
/// plus the folders that could not be listed.
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
                problems.push(ArticleError::Unreadable { path: folder, cause: source });
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                pending.push(path);
            } else if markup_of(&path).is_some() {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok((files, problems))
}

/// The markup of a file from its extension, `None` when it is not an article file.
pub fn markup_of(path: &Path) -> Option<Markup> {
    path.extension().and_then(|e| e.to_str()).and_then(Markup::from_extension)
}

/// Reads and cleans one article; `key` is its path relative to the corpus.
pub fn read_article(path: &Path, corpus: &Path, lexicon: &Lexicon) -> Result<Article, ArticleError> {
    let bytes = std::fs::read(path).map_err(|source| ArticleError::Unreadable { path: path.to_path_buf(), cause: source })?;
    article_from_bytes(path, corpus, &bytes, lexicon)
}

/// An article from a file's bytes (the checks of [`read_article`] without the I/O).
pub fn article_from_bytes(path: &Path, corpus: &Path, bytes: &[u8], lexicon: &Lexicon) -> Result<Article, ArticleError> {
    let path_buf = || path.to_path_buf();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ArticleError::Empty { path: path_buf() });
    }
    if bytes.contains(&0) {
        return Err(ArticleError::Binary { path: path_buf() });
    }
    let raw = std::str::from_utf8(bytes).map_err(|e| ArticleError::NotUtf8 { path: path_buf(), offset: e.valid_up_to() })?;
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let markup = markup_of(path).unwrap_or(crate::text::Markup::Plain);
    let text = clean(raw, markup, lexicon);
    if text.trim().is_empty() {
        return Err(ArticleError::NoProse { path: path_buf() });
    }
    let key = key_of(path, corpus);
    let file_name = path.file_name().map_or_else(|| key.clone(), |n| n.to_string_lossy().into_owned());
    Ok(Article { file_name, key, text, content_hash: content_hash(bytes) })
}

/// The key that identifies an article: its path relative to the corpus, with `/`.
pub fn key_of(path: &Path, corpus: &Path) -> String {
    path.strip_prefix(corpus).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

/// FNV-1a, 64 bits: stable across machines and versions (unlike std's hasher).
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], name: &str) -> Result<Article, ArticleError> {
        let lex = Lexicon::embedded().expect("lexicons parse");
        article_from_bytes(Path::new(name), Path::new(""), bytes, lex)
    }

    #[test]
    fn bad_files_are_named_with_their_problem() {
        assert!(matches!(check(b"  \n ", "a.txt"), Err(ArticleError::Empty { .. })));
        assert!(matches!(check(b"abc\0def", "a.txt"), Err(ArticleError::Binary { .. })));
        let err = check(b"caf\xe9 au lait", "a.txt").unwrap_err();
        assert!(matches!(err, ArticleError::NotUtf8 { offset: 3, .. }));
        assert!(err.to_string().starts_with("a.txt: not valid UTF-8"));
        assert!(matches!(check(b"<html><script>x</script></html>", "a.html"), Err(ArticleError::NoProse { .. })));
    }

    #[test]
    fn a_good_file_keeps_its_name_and_a_stable_hash() {
        let a = check(b"The agency said so.", "x/y.txt").expect("valid");
        assert_eq!(a.file_name, "y.txt");
        assert_eq!(a.content_hash, content_hash(b"The agency said so."));
    }
}
