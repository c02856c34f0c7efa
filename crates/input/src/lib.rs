//! News archives in: the records of WARC, WARC.gz, JSON Lines and `.gz`
//! files as articles' raw documents.
//!
//! The caller opens files; this crate only reads bytes from a
//! [`std::io::Read`]:
//!
//! - [`format_of`] and [`gz_inner_name`] tell from a file's name what it holds;
//! - [`read_warc`] hands over each `response` (or `resource`) record holding an
//!   HTML or plain-text page as a [`Record`], with the HTTP framing removed
//!   and the page decoded to UTF-8;
//! - [`read_jsonl`] does the same for each line of a JSON Lines file, with
//!   its fields named by [`JsonFields`] or detected from common names;
//! - [`decode`] turns the bytes of one page or text file into UTF-8.
//!
//! A bad record or line is handed over as a [`Problem`] naming it, and
//! reading goes on when the file allows it; what stops a whole file is an
//! [`ArchiveError`]. Nothing here panics on bad input.
//!
//! The WARC reader is this crate's own (WARC/1.0 and 1.1, gzip per record or
//! whole-file): the `warc` crate (0.4) cannot say how much of a truncated
//! record is missing, silently ends on a file cut inside a record's headers,
//! and panics on header values that are not UTF-8.
#![deny(missing_docs)]

mod decode;
mod http;
mod jsonl;
mod keys;
mod lines;
mod warc;

pub use decode::{decode, DecodeError};
pub use jsonl::{
    read_jsonl, JsonFields, AUTHOR_NAMES, DATE_NAMES, HTML_NAMES, LANGUAGE_NAMES, PUBLISHER_NAMES, TEXT_NAMES, TITLE_NAMES,
    URL_NAMES,
};
pub use warc::read_warc;

use std::fmt;
use std::io::Read;

/// What an archive file holds, once a `.gz` suffix is removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// WARC: `.warc` (`.warc.gz`).
    Warc,
    /// JSON Lines: `.jsonl` or `.ndjson` (`.jsonl.gz`, `.ndjson.gz`).
    Jsonl,
}

/// The archive format of a file name and whether it is gzipped; `None` for
/// any other file (an article file, or one this crate does not read).
/// Case does not matter: `CRAWL.WARC.GZ` is a gzipped WARC.
pub fn format_of(file_name: &str) -> Option<(Format, bool)> {
    let (inner, gzipped) = match gz_inner_name(file_name) {
        Some(inner) => (inner, true),
        None => (file_name, false),
    };
    let format = if has_suffix(inner, ".warc") {
        Format::Warc
    } else if has_suffix(inner, ".jsonl") || has_suffix(inner, ".ndjson") {
        Format::Jsonl
    } else {
        return None;
    };
    Some((format, gzipped))
}

/// The name of what a `.gz` file holds: `"a.txt.gz"` → `"a.txt"`, so that a
/// gzipped article file is read as the article it holds (decompress it with
/// [`gunzip`]). `None` when the name does not end with `.gz` or is nothing
/// else.
pub fn gz_inner_name(file_name: &str) -> Option<&str> {
    if !has_suffix(file_name, ".gz") {
        return None;
    }
    let inner = &file_name[..file_name.len() - ".gz".len()];
    (!inner.is_empty()).then_some(inner)
}

/// The decompressed content of a gzip stream. Every member is read, so a
/// file made by concatenating gzip files (as WARC.gz files are, one member
/// per record) is read whole.
pub fn gunzip<R: Read>(reader: R) -> impl Read {
    flate2::read::MultiGzDecoder::new(reader)
}

/// Whether `name` ends with `suffix` (ASCII), ignoring case.
fn has_suffix(name: &str, suffix: &str) -> bool {
    let (n, s) = (name.as_bytes(), suffix.as_bytes());
    n.len() >= s.len() && n[n.len() - s.len()..].eq_ignore_ascii_case(s)
}

/// One article of an archive: a WARC record or a JSON line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The record's 1-based position among all records (WARC) or lines
    /// (JSON Lines) of the file, articles or not, so that it does not change
    /// when the reader learns to take or skip other kinds of records.
    pub number: usize,
    /// A key unique inside the file and stable across reads: the URL when
    /// the record has one, `"#<number>"` otherwise; a URL already given to an
    /// earlier record of the file gets `"<url>#<number>"`.
    pub key: String,
    /// The article's URL (WARC-Target-URI, or the JSON field).
    pub url: Option<String>,
    /// The date as written in the archive (WARC-Date: the capture's date; or
    /// the JSON field: usually the publication's), not parsed.
    pub date: Option<String>,
    /// The headline, when the archive gives it.
    pub title: Option<String>,
    /// The authors, when the archive gives them, in its order.
    pub authors: Vec<String>,
    /// The publisher or source, when the archive gives it.
    pub publisher: Option<String>,
    /// The language, when the archive gives it (HTTP Content-Language or
    /// the JSON field), as written.
    pub language: Option<String>,
    /// The content, decoded to UTF-8.
    pub body: String,
    /// Whether `body` is HTML (else plain text).
    pub is_html: bool,
}

/// What a [`Problem`]'s number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A WARC record.
    Record,
    /// A line of a JSON Lines file.
    Line,
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unit::Record => "record",
            Unit::Line => "line",
        })
    }
}

/// One record or line that could not become an article. Displayed as
/// `"record 12: truncated: ..."` or `"line 7: not JSON: ..."`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Whether `number` counts records or lines.
    pub unit: Unit,
    /// The record's or line's 1-based number, as in [`Record::number`].
    pub number: usize,
    /// What is wrong, without the unit and number.
    pub message: String,
}

impl Problem {
    fn new(unit: Unit, number: usize, message: impl Into<String>) -> Self {
        Problem { unit, number, message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.unit, self.number, self.message)
    }
}

impl std::error::Error for Problem {}

/// What stops a whole file: reading from the source failed (not a problem
/// with the data, which is a [`Problem`] of the record it is in). The records
/// handed over before it stand.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The reader failed.
    #[error("reading failed at {unit} {number}: {source}")]
    Read {
        /// What `number` counts.
        unit: Unit,
        /// The record or line being read.
        number: usize,
        /// The error of the reader.
        source: std::io::Error,
    },
}

/// Where a file's reading ends early: on a problem in the data (handed
/// over, then reading stops without error) or on a failing reader.
enum Stop {
    Problem(Problem),
    Failed(ArchiveError),
}

impl Stop {
    /// An I/O error met while reading a record or line. In a gzipped file,
    /// errors of the data (a corrupt or cut gzip stream, which flate2 reports
    /// as invalid input or an unexpected end) are the record's problem; all
    /// others are the reader's.
    fn from_io(unit: Unit, number: usize, gzipped: bool, error: std::io::Error) -> Stop {
        use std::io::ErrorKind::{InvalidData, InvalidInput, UnexpectedEof};
        match error.kind() {
            InvalidData | InvalidInput | UnexpectedEof if gzipped => {
                Stop::Problem(Problem::new(unit, number, format!("gzip stream corrupt or cut short: {error}")))
            }
            _ => Stop::Failed(ArchiveError::Read { unit, number, source: error }),
        }
    }

    /// Hands a problem over and ends the file's reading as `Ok`; returns a
    /// reader's failure as the error.
    fn finish(self, on_record: &mut impl FnMut(Result<Record, Problem>)) -> Result<(), ArchiveError> {
        match self {
            Stop::Problem(problem) => {
                on_record(Err(problem));
                Ok(())
            }
            Stop::Failed(error) => Err(error),
        }
    }
}

/// The largest record or line content read into memory (a page, or a JSON
/// line): far above any news article, low enough that one odd record (a
/// video, a dump) cannot take the machine's memory.
const MAX_CONTENT_BYTES: u64 = 256 << 20;

/// The reader of an archive's bytes: decompressed when `gzipped`, buffered.
fn archive_reader<'a, R: Read + 'a>(reader: R, gzipped: bool) -> Box<dyn std::io::BufRead + 'a> {
    const BUFFER: usize = 256 << 10;
    if gzipped {
        Box::new(std::io::BufReader::with_capacity(BUFFER, gunzip(reader)))
    } else {
        Box::new(std::io::BufReader::with_capacity(BUFFER, reader))
    }
}
