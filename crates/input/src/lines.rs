//! Lines and header blocks ("Name: value" lines up to a blank line), of
//! bounded length: WARC headers, HTTP headers and JSON lines all come from
//! untrusted files, where a "line" may be gigabytes without a newline.

use std::io::{self, BufRead, Read};

/// The longest header line read (WARC or HTTP): real ones are at most a few
/// kilobytes (long URLs, cookies).
pub(crate) const MAX_HEADER_LINE: u64 = 64 << 10;

/// The most header lines in one block: real blocks have tens.
const MAX_HEADER_LINES: usize = 1000;

/// One line read from the input.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// The input ended before the line began.
    End,
    /// A line ended by `\n`, without its `\n` or `\r\n`.
    Complete(Vec<u8>),
    /// The input ended inside the line (its bytes so far).
    Unterminated(Vec<u8>),
    /// The line is longer than the limit; the rest of it is still unread.
    TooLong,
}

/// Reads one line of at most `max` bytes.
pub(crate) fn read_line(input: &mut impl BufRead, max: u64) -> io::Result<Line> {
    let mut line = Vec::new();
    let read = input.by_ref().take(max + 1).read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(Line::End);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        return Ok(Line::Complete(line));
    }
    if line.len() as u64 > max {
        return Ok(Line::TooLong);
    }
    Ok(Line::Unterminated(line))
}

/// Skips the rest of the current line, its `\n` included.
pub(crate) fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => {
                input.consume(end + 1);
                return Ok(());
            }
            None => {
                let all = buffer.len();
                input.consume(all);
            }
        }
    }
}

/// A block of header fields, in their order; names are compared ignoring
/// case, as WARC and HTTP say.
#[derive(Debug, Default)]
pub(crate) struct Headers {
    fields: Vec<(String, String)>,
}

impl Headers {
    /// The value of the first field named `name`, trimmed.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim())
    }

    /// Adds a line of the block: a field, or the continuation of the last
    /// one (a line starting with a space or tab, as RFC 822 folding allows).
    /// A line that is neither is ignored: it says nothing usable.
    fn add_line(&mut self, line: &[u8]) {
        let text = String::from_utf8_lossy(line);
        if line.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
            if let Some((_, value)) = self.fields.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
            }
            return;
        }
        if let Some((name, value)) = text.split_once(':') {
            self.fields.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
}

/// Why a header block could not be read whole.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BlockError {
    /// The input ended before the blank line closing the block.
    Unfinished,
    /// A line or the block is longer than the limits.
    TooLong,
}

/// Reads header lines up to (and consuming) the blank line that ends them.
pub(crate) fn read_header_block(input: &mut impl BufRead) -> io::Result<Result<Headers, BlockError>> {
    let mut headers = Headers::default();
    for _ in 0..MAX_HEADER_LINES {
        match read_line(input, MAX_HEADER_LINE)? {
            Line::Complete(line) if line.is_empty() => return Ok(Ok(headers)),
            Line::Complete(line) => headers.add_line(&line),
            Line::End | Line::Unterminated(_) => return Ok(Err(BlockError::Unfinished)),
            Line::TooLong => return Ok(Err(BlockError::TooLong)),
        }
    }
    Ok(Err(BlockError::TooLong))
}

/// Reads the rest of `input`, up to `max` bytes; `None` when there is more.
pub(crate) fn read_bounded(input: &mut impl Read, max: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    input.take(max + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_with_lf_or_crlf_and_are_bounded() {
        let mut input: &[u8] = b"a\r\nbb\n\ncccc";
        assert_eq!(read_line(&mut input, 10).ok(), Some(Line::Complete(b"a".to_vec())));
        assert_eq!(read_line(&mut input, 10).ok(), Some(Line::Complete(b"bb".to_vec())));
        assert_eq!(read_line(&mut input, 10).ok(), Some(Line::Complete(Vec::new())));
        assert_eq!(read_line(&mut input, 3).ok(), Some(Line::TooLong));
        let mut input: &[u8] = b"cccc";
        assert_eq!(read_line(&mut input, 10).ok(), Some(Line::Unterminated(b"cccc".to_vec())));
        assert_eq!(read_line(&mut input, 10).ok(), Some(Line::End));
    }

    #[test]
    fn skipping_a_line_leaves_the_next() {
        let mut input: &[u8] = b"long line\nnext\n";
        assert!(skip_line(&mut input).is_ok());
        assert_eq!(input, b"next\n");
    }

    #[test]
    fn header_blocks_fold_and_ignore_case() {
        let mut input: &[u8] = b"Content-Type: text/html;\r\n  charset=utf-8\r\nX: 1\r\n\r\nbody";
        let headers = read_header_block(&mut input).ok().and_then(Result::ok).unwrap_or_default();
        assert_eq!(headers.get("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(headers.get("x"), Some("1"));
        assert_eq!(input, b"body");
        let mut cut: &[u8] = b"X: 1\r\n";
        assert_eq!(read_header_block(&mut cut).ok().and_then(Result::err), Some(BlockError::Unfinished));
    }

    #[test]
    fn bounded_reads_refuse_more() {
        assert_eq!(read_bounded(&mut &b"abc"[..], 3).ok(), Some(Some(b"abc".to_vec())));
        assert_eq!(read_bounded(&mut &b"abcd"[..], 3).ok(), Some(None));
    }
}
