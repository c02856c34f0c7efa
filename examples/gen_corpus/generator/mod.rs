//! The benchmark corpus generator: wire-style articles of any total size,
//! deterministic for a seed, from the templates of `benches/templates/` and
//! the names of `ontology/lexicon/`. It owns the corpus layout on disk
//! (folders of at most [`FILES_PER_FOLDER`] files); what an article says is
//! `compose.rs`, how it is written is `render.rs`.

mod compose;
mod data;
mod render;
mod rng;

pub use data::default_dirs;
use data::Sources;
use rng::Rng;
use std::path::{Path, PathBuf};

/// At most this many articles per folder, so that a 1 GB corpus is no one huge folder.
pub const FILES_PER_FOLDER: u64 = 1000;

/// Why the generator stopped.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A template or lexicon line that cannot be used.
    #[error("{}:{line}: {problem}", path.display())]
    BadLine {
        /// The data file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        problem: String,
    },
    /// A data file with nothing usable in it.
    #[error("{}: no usable entries", .0.display())]
    Empty(PathBuf),
    /// The output folder already holds files.
    #[error("{} is not empty: give a new folder, so that two corpora never mix", .0.display())]
    NotEmpty(PathBuf),
    /// A size the command line cannot read.
    #[error("cannot read size {0:?}: write a number with B, KB, MB or GB (powers of 1000), e.g. 100MB")]
    BadSize(String),
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct Config {
    /// Stop once this many bytes are written.
    pub size: u64,
    /// The seed: the same seed gives the same corpus, byte for byte.
    pub seed: u64,
    /// Share of articles written as HTML pages, 0 to 1.
    pub html_share: f64,
    /// People drawn from a fixed cast of this many, the k-th most often with
    /// weight 1/k (Zipf), as news names the same few people again and again;
    /// 0: every person is new.
    pub cast: usize,
}

/// What was generated.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    /// Article files written.
    pub files: u64,
    /// Of which HTML pages.
    pub html: u64,
    /// Bytes written.
    pub bytes: u64,
    /// Folders created.
    pub folders: u64,
}

/// Reads the templates and lexicons, then writes a corpus into `out` (created;
/// it must not hold files already).
pub fn generate(templates: &Path, lexicon: &Path, out: &Path, config: &Config) -> Result<Summary, GenError> {
    let mut sources = Sources::load(templates, lexicon)?;
    sources.cast = (config.cast > 0).then(|| data::ZipfCast::new(&sources, config.cast, config.seed));
    ensure_empty(out)?;
    let mut summary = Summary::default();
    while summary.bytes < config.size {
        let index = summary.files;
        let (name, bytes, html) = article(&sources, config, index);
        let folder = out.join(format!("{:04}", index / FILES_PER_FOLDER));
        if index.is_multiple_of(FILES_PER_FOLDER) {
            std::fs::create_dir_all(&folder).map_err(|source| GenError::Io { path: folder.clone(), source })?;
            summary.folders += 1;
        }
        let path = folder.join(name);
        std::fs::write(&path, &bytes).map_err(|source| GenError::Io { path, source })?;
        summary.files += 1;
        summary.html += u64::from(html);
        summary.bytes += bytes.len() as u64;
    }
    Ok(summary)
}

/// Article `index`: its file name, its bytes, and whether it is HTML.
fn article(sources: &Sources, config: &Config, index: u64) -> (String, Vec<u8>, bool) {
    let mut rng = Rng::for_article(config.seed, index);
    let html = rng.chance(config.html_share);
    let entities = rng.chance(0.5);
    // Wire stories run 3-6 KB; a page's markup comes on top of its prose.
    let body_bytes = rng.range(2600, 5400) as usize;
    let draft = compose::draft(sources, &mut rng, body_bytes);
    if html {
        (format!("{index:06}.html"), render::html(&draft, entities).into_bytes(), true)
    } else {
        (format!("{index:06}.txt"), render::text(&draft).into_bytes(), false)
    }
}

fn ensure_empty(out: &Path) -> Result<(), GenError> {
    std::fs::create_dir_all(out).map_err(|source| GenError::Io { path: out.to_path_buf(), source })?;
    let mut entries = std::fs::read_dir(out).map_err(|source| GenError::Io { path: out.to_path_buf(), source })?;
    if entries.next().is_some() {
        return Err(GenError::NotEmpty(out.to_path_buf()));
    }
    Ok(())
}

/// "10MB", "1GB", "500kb", "2048": bytes, in powers of 1000 (as MB/s is reported).
pub fn parse_size(text: &str) -> Result<u64, GenError> {
    let t = text.trim().to_ascii_uppercase();
    let digits_end = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits_end);
    let scale: u64 = match unit.trim() {
        "" | "B" => 1,
        "K" | "KB" => 1_000,
        "M" | "MB" => 1_000_000,
        "G" | "GB" => 1_000_000_000,
        _ => return Err(GenError::BadSize(text.to_string())),
    };
    let value: f64 = number.parse().map_err(|_| GenError::BadSize(text.to_string()))?;
    if !(value > 0.0 && value.is_finite()) {
        return Err(GenError::BadSize(text.to_string()));
    }
    Ok((value * scale as f64) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_powers_of_a_thousand() {
        assert_eq!(parse_size("10MB").ok(), Some(10_000_000));
        assert_eq!(parse_size("1gb").ok(), Some(1_000_000_000));
        assert_eq!(parse_size("1.5 KB").ok(), Some(1_500));
        assert_eq!(parse_size("2048").ok(), Some(2_048));
        assert!(parse_size("ten MB").is_err());
        assert!(parse_size("5TB").is_err());
        assert!(parse_size("0MB").is_err());
    }
}
