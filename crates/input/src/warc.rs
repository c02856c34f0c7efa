//! WARC/1.0 and 1.1 records: a version line, header fields up to a blank
//! line, `Content-Length` bytes of content, then two CRLFs.

use crate::decode::{charset_param, decode};
use crate::http::{article_media, read_response, Outcome, Page};
use crate::keys::Keys;
use crate::lines::{read_bounded, read_header_block, read_line, BlockError, Headers, Line, MAX_HEADER_LINE};
use crate::{archive_reader, ArchiveError, Problem, Record, Stop, Unit, MAX_CONTENT_BYTES};
use std::io::{self, BufRead, Read};

/// Reads the records of a WARC file (`gzipped`: a WARC.gz, gzip member per
/// record or whole-file) and calls `on_record` with each article, in file
/// order, or with the problem of a record that should be one.
///
/// Articles are `response` records of a 2xx HTTP answer whose Content-Type
/// is `text/html`, `application/xhtml+xml` or `text/plain`, and `resource`
/// records of such a type; the others (warcinfo, request, metadata,
/// revisit, images...) are skipped silently. A record that cannot be
/// framed (truncated, no Content-Length, not WARC) is the last one read:
/// its problem is handed over and the function returns `Ok`, keeping what
/// came before. `Err` only when the reader itself fails.
pub fn read_warc(
    reader: impl Read,
    gzipped: bool,
    mut on_record: impl FnMut(Result<Record, Problem>),
) -> Result<(), ArchiveError> {
    let mut input = archive_reader(reader, gzipped);
    let mut keys = Keys::default();
    let mut number = 0;
    loop {
        number += 1;
        let at = Position { number, gzipped };
        match next_record(&mut input, at) {
            Ok(None) => return Ok(()),
            Ok(Some((Outcome::Skip, _))) => {}
            Ok(Some((Outcome::Page(page), said))) => on_record(article(page, said, &mut keys, number)),
            Ok(Some((Outcome::Problem(message), _))) => on_record(Err(Problem::new(Unit::Record, number, message))),
            Err(stop) => return stop.finish(&mut on_record),
        }
    }
}

/// Which record is read, and how, for its errors.
#[derive(Clone, Copy)]
struct Position {
    number: usize,
    gzipped: bool,
}

impl Position {
    /// A problem that ends the file's reading.
    fn fatal(self, message: impl Into<String>) -> Stop {
        Stop::Problem(Problem::new(Unit::Record, self.number, message))
    }

    fn io(self, error: io::Error) -> Stop {
        Stop::from_io(Unit::Record, self.number, self.gzipped, error)
    }
}

/// What the WARC headers say of the record's article.
struct Said {
    url: Option<String>,
    date: Option<String>,
}

impl Said {
    fn of(headers: &Headers) -> Said {
        // WARC 1.0's own examples wrote the URI in angle brackets; some tools followed.
        let url = headers.get("warc-target-uri").map(|u| u.trim_start_matches('<').trim_end_matches('>').trim());
        let present = |value: Option<&str>| value.filter(|v| !v.is_empty()).map(str::to_string);
        Said { url: present(url), date: present(headers.get("warc-date")) }
    }
}

/// A page as the record of its article.
fn article(page: Page, said: Said, keys: &mut Keys, number: usize) -> Result<Record, Problem> {
    let Page { bytes, is_html, charset, language } = page;
    let body = decode(&bytes, charset.as_deref(), is_html).map_err(|e| Problem::new(Unit::Record, number, e.to_string()))?;
    let key = keys.key(said.url.as_deref(), number);
    let Said { url, date } = said;
    Ok(Record { number, key, url, date, title: None, authors: Vec::new(), publisher: None, language, body, is_html })
}

/// Reads one record: `None` at the end of the file.
fn next_record(input: &mut impl BufRead, at: Position) -> Result<Option<(Outcome, Said)>, Stop> {
    let Some(headers) = read_warc_headers(input, at)? else { return Ok(None) };
    let length = content_length(&headers).ok_or_else(|| at.fatal("no valid Content-Length in the WARC headers"))?;
    let mut content = input.take(length);
    let outcome = read_content(&mut content, &headers);
    // Whatever the content gave, the rest of it is passed over so that the
    // next record starts where it should, and a cut is noticed.
    let drained = outcome.and_then(|outcome| io::copy(&mut content, &mut io::sink()).map(|_| outcome));
    let present = length - content.limit();
    match drained {
        Err(e) if at.gzipped && e.kind() == io::ErrorKind::UnexpectedEof => {
            Err(at.fatal(format!("truncated: {length} bytes of content announced, {present} present (the gzip stream ends early)")))
        }
        Err(e) => Err(at.io(e)),
        Ok(_) if present < length => Err(at.fatal(format!("truncated: {length} bytes of content announced, {present} present"))),
        Ok(outcome) => Ok(Some((outcome, Said::of(&headers)))),
    }
}

/// The content of a record, read for its article when it may hold one.
fn read_content(content: &mut impl BufRead, headers: &Headers) -> io::Result<Outcome> {
    let warc_type = headers.get("warc-type").unwrap_or("").to_ascii_lowercase();
    let content_type = headers.get("content-type").unwrap_or("");
    // Responses of other protocols (DNS, FTP) have no HTTP framing; a
    // response without a Content-Type is taken to be HTTP, as most are.
    let http = content_type.is_empty() || content_type.to_ascii_lowercase().starts_with("application/http");
    match warc_type.as_str() {
        "response" if http => read_response(content),
        "resource" => read_resource(content, content_type),
        _ => Ok(Outcome::Skip),
    }
}

/// A `resource` record: the content is the document itself.
fn read_resource(content: &mut impl Read, content_type: &str) -> io::Result<Outcome> {
    let Some(is_html) = article_media(content_type) else { return Ok(Outcome::Skip) };
    let Some(bytes) = read_bounded(content, MAX_CONTENT_BYTES)? else {
        return Ok(Outcome::Problem(format!("document larger than {} MiB", MAX_CONTENT_BYTES >> 20)));
    };
    let charset = charset_param(content_type).map(str::to_string);
    Ok(Outcome::Page(Page { bytes, is_html, charset, language: None }))
}

/// The record's Content-Length.
fn content_length(headers: &Headers) -> Option<u64> {
    headers.get("content-length")?.parse().ok()
}

/// The version line and header fields of the next record; `None` at the end
/// of the file. Blank lines before the version line are passed over: they
/// end the previous record (some writers put more than two).
fn read_warc_headers(input: &mut impl BufRead, at: Position) -> Result<Option<Headers>, Stop> {
    let version = loop {
        match read_line(input, MAX_HEADER_LINE).map_err(|e| at.io(e))? {
            Line::End => return Ok(None),
            Line::Complete(line) if line.iter().all(u8::is_ascii_whitespace) => continue,
            Line::Complete(line) | Line::Unterminated(line) => break line,
            Line::TooLong => return Err(at.fatal("expected a WARC/1.x version line, found a long line")),
        }
    };
    if !version.starts_with(b"WARC/") {
        let shown: String = String::from_utf8_lossy(&version).chars().take(40).collect();
        return Err(at.fatal(format!("expected a WARC/1.x version line, found {shown:?}")));
    }
    match read_header_block(input).map_err(|e| at.io(e))? {
        Ok(headers) => Ok(Some(headers)),
        Err(BlockError::Unfinished) => Err(at.fatal("truncated: the file ends inside the WARC headers")),
        Err(BlockError::TooLong) => Err(at.fatal("the WARC headers are too long")),
    }
}
