//! The HTTP response inside a WARC `response` record: status line, headers,
//! and the payload with its transfer and content encodings undone.

use crate::decode::charset_param;
use crate::lines::{read_bounded, read_header_block, read_line, BlockError, Headers, Line, MAX_HEADER_LINE};
use crate::MAX_CONTENT_BYTES;
use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
use std::io::{self, BufRead, Read};

/// What a record's content gives.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// A page or text.
    Page(Page),
    /// Not an article (another media type, an error page...): skipped silently.
    Skip,
    /// A record that should be an article but cannot be read as one.
    Problem(String),
}

/// The bytes of an article and how to decode them.
#[derive(Debug)]
pub(crate) struct Page {
    /// The payload, still in its charset.
    pub bytes: Vec<u8>,
    /// HTML (else plain text).
    pub is_html: bool,
    /// The charset of the Content-Type.
    pub charset: Option<String>,
    /// The Content-Language, when given.
    pub language: Option<String>,
}

/// Whether a Content-Type is an article's: `Some(true)` for HTML,
/// `Some(false)` for plain text, `None` for anything else.
pub(crate) fn article_media(content_type: &str) -> Option<bool> {
    let media = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match media.as_str() {
        "text/html" | "application/xhtml+xml" => Some(true),
        "text/plain" => Some(false),
        _ => None,
    }
}

/// Reads an HTTP response: a 2xx page of an article's media type, else skip.
pub(crate) fn read_response(content: &mut impl BufRead) -> io::Result<Outcome> {
    let status = match read_line(content, MAX_HEADER_LINE)? {
        Line::Complete(line) => line,
        _ => return Ok(Outcome::Problem("no HTTP status line".into())),
    };
    let Some(code) = status_code(&status) else {
        let shown: String = String::from_utf8_lossy(&status).chars().take(60).collect();
        return Ok(Outcome::Problem(format!("not an HTTP status line: {shown:?}")));
    };
    let headers = match read_header_block(content)? {
        Ok(headers) => headers,
        Err(BlockError::Unfinished) => return Ok(Outcome::Problem("the HTTP headers do not end".into())),
        Err(BlockError::TooLong) => return Ok(Outcome::Problem("the HTTP headers are too long".into())),
    };
    // Redirects, errors and "not modified" answers are not the article.
    if !(200..300).contains(&code) {
        return Ok(Outcome::Skip);
    }
    let content_type = headers.get("content-type").unwrap_or("");
    let Some(is_html) = article_media(content_type) else { return Ok(Outcome::Skip) };
    let Some(raw) = read_bounded(content, MAX_CONTENT_BYTES)? else {
        return Ok(Outcome::Problem(format!("page larger than {} MiB", MAX_CONTENT_BYTES >> 20)));
    };
    let bytes = match payload(raw, &headers) {
        Ok(bytes) => bytes,
        Err(problem) => return Ok(Outcome::Problem(problem)),
    };
    let charset = charset_param(content_type).map(str::to_string);
    let language = headers.get("content-language").and_then(|l| l.split(',').next()).map(|l| l.trim().to_string());
    Ok(Outcome::Page(Page { bytes, is_html, charset, language }))
}

/// The status code of `HTTP/1.1 200 OK`.
fn status_code(line: &[u8]) -> Option<u16> {
    let text = std::str::from_utf8(line).ok()?;
    let mut parts = text.split_whitespace();
    parts.next()?.starts_with("HTTP/").then_some(())?;
    let code = parts.next()?;
    (code.len() == 3).then(|| code.parse().ok()).flatten()
}

/// The payload with `Transfer-Encoding: chunked` and `Content-Encoding`
/// undone. Some crawlers store the payload already decoded but keep those
/// headers, so a payload that is not in the announced encoding is taken as
/// it is (as warcio does).
fn payload(raw: Vec<u8>, headers: &Headers) -> Result<Vec<u8>, String> {
    let chunked = headers.get("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    let body = if chunked { dechunk(&raw).unwrap_or(raw) } else { raw };
    let encoding = headers.get("content-encoding").unwrap_or("identity").to_ascii_lowercase();
    match encoding.as_str() {
        "" | "identity" | "none" => Ok(body),
        "gzip" | "x-gzip" if !body.starts_with(&[0x1f, 0x8b]) => Ok(body),
        "gzip" | "x-gzip" => inflate(MultiGzDecoder::new(&body[..])).map_err(|e| format!("gzip payload (Content-Encoding) is corrupt: {e}")),
        // "deflate" is meant as zlib, but some servers send raw deflate.
        "deflate" => inflate(ZlibDecoder::new(&body[..]))
            .or_else(|_| inflate(DeflateDecoder::new(&body[..])))
            .map_err(|e| format!("deflate payload (Content-Encoding) is corrupt: {e}")),
        other => Err(format!("Content-Encoding {other:?} is not supported")),
    }
}

/// All a decoder gives, up to the content limit.
fn inflate(mut decoder: impl Read) -> io::Result<Vec<u8>> {
    read_bounded(&mut decoder, MAX_CONTENT_BYTES)?
        .ok_or_else(|| io::Error::other(format!("larger than {} MiB once decompressed", MAX_CONTENT_BYTES >> 20)))
}

/// The body of a chunked transfer; `None` when it does not start with a
/// chunk size line (it was stored already dechunked). A body cut inside its
/// chunks gives what is there.
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::with_capacity(rest.len());
    let mut first = true;
    loop {
        let Some((size, after)) = chunk_size(rest) else { return (!first).then_some(body) };
        first = false;
        if size == 0 {
            return Some(body);
        }
        let data = &after[..size.min(after.len())];
        body.extend_from_slice(data);
        rest = &after[data.len()..];
        rest = rest.strip_prefix(b"\r\n").or_else(|| rest.strip_prefix(b"\n")).unwrap_or(rest);
    }
}

/// A chunk's size line (`1a3f;ext=1`) and what follows it.
fn chunk_size(input: &[u8]) -> Option<(usize, &[u8])> {
    let end = input.iter().position(|&b| b == b'\n')?;
    let line = std::str::from_utf8(&input[..end]).ok()?;
    let hex = line.split(';').next()?.trim();
    let valid = !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit());
    let size = if valid { usize::from_str_radix(hex, 16).ok()? } else { return None };
    Some((size, &input[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(dechunk(b"5;x=1\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n"), Some(b"hello, world".to_vec()));
        assert_eq!(dechunk(b"<html>"), None);
        assert_eq!(dechunk(b"5\r\nhel"), Some(b"hel".to_vec()));
    }

    #[test]
    fn status_lines_give_their_code() {
        assert_eq!(status_code(b"HTTP/1.1 200 OK"), Some(200));
        assert_eq!(status_code(b"HTTP/1.0 404"), Some(404));
        assert_eq!(status_code(b"ICY 200 OK"), None);
        assert_eq!(status_code(b"HTTP/1.1 20x OK"), None);
    }

    #[test]
    fn media_types_of_articles() {
        assert_eq!(article_media("text/HTML; charset=utf-8"), Some(true));
        assert_eq!(article_media("application/xhtml+xml"), Some(true));
        assert_eq!(article_media("text/plain"), Some(false));
        assert_eq!(article_media("image/png"), None);
        assert_eq!(article_media(""), None);
    }
}
