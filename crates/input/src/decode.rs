//! Bytes of a page or text to UTF-8, in the order browsers use (WHATWG
//! Encoding): a byte-order mark, then the declared charset (HTTP), then for
//! HTML a `<meta>` declaration, else UTF-8.

use encoding_rs::{Encoding, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8};

/// How far into a page a `<meta>` charset is looked for. HTML requires it in
/// the first 1024 bytes; some pages put it a little later, and browsers
/// still honour it.
const META_SNIFF_BYTES: usize = 2048;

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// No charset is declared and the bytes are not UTF-8.
    #[error("not UTF-8: byte 0x{byte:02X} at offset {offset} is invalid, and no charset is declared")]
    InvalidUtf8 {
        /// The offset of the first invalid byte.
        offset: usize,
        /// That byte.
        byte: u8,
    },
    /// The declared charset is one that browsers refuse to decode (ISO-2022-KR,
    /// HZ-GB-2312...: WHATWG maps them to a single replacement character).
    #[error("charset {label:?} is not supported")]
    UnsupportedCharset {
        /// The label as declared.
        label: String,
    },
}

/// Decodes a page or text to UTF-8: a byte-order mark wins, then
/// `declared_charset` (an HTTP `Content-Type` charset), then for HTML
/// (`is_html`) a `<meta charset>` or `<meta http-equiv="Content-Type">` in the
/// first 2 KB; without any, the bytes must be UTF-8.
///
/// A declared charset decodes leniently (a malformed byte becomes U+FFFD), as
/// a browser shows the page; undeclared bytes decode strictly, because
/// guessing a legacy charset would turn names into mojibake unnoticed. A
/// label that no browser knows is ignored, as browsers do. The byte-order
/// mark is removed.
pub fn decode(bytes: &[u8], declared_charset: Option<&str>, is_html: bool) -> Result<String, DecodeError> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        return Ok(lenient(encoding, &bytes[bom_length..]));
    }
    if let Some(label) = declared_charset {
        if let Some(encoding) = encoding_of(label)? {
            return Ok(lenient(encoding, bytes));
        }
    }
    if is_html {
        if let Some(encoding) = meta_charset(bytes)? {
            return Ok(lenient(encoding, bytes));
        }
    }
    strict_utf8(bytes)
}

/// The bytes decoded, malformed sequences replaced by U+FFFD.
fn lenient(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The bytes as UTF-8, or where they stop being so.
fn strict_utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let offset = e.valid_up_to();
            Err(DecodeError::InvalidUtf8 { offset, byte: bytes.get(offset).copied().unwrap_or(0) })
        }
    }
}

/// The encoding a charset label names (`"ISO-8859-1"`, `"\"utf-8\""`);
/// `None` for a label browsers do not know.
fn encoding_of(label: &str) -> Result<Option<&'static Encoding>, DecodeError> {
    let trimmed = label.trim().trim_matches(|c| c == '"' || c == '\'');
    match Encoding::for_label(trimmed.as_bytes()) {
        Some(encoding) if encoding == REPLACEMENT => Err(DecodeError::UnsupportedCharset { label: trimmed.to_string() }),
        found => Ok(found),
    }
}

/// The charset declared by the first `<meta>` tag that declares one in the
/// page's first 2 KB. A `<meta>` cannot truly declare UTF-16 (the tag
/// would not be readable as ASCII), so such a declaration means UTF-8, as
/// HTML says.
fn meta_charset(page: &[u8]) -> Result<Option<&'static Encoding>, DecodeError> {
    let head = page[..page.len().min(META_SNIFF_BYTES)].to_ascii_lowercase();
    let mut rest = &head[..];
    while let Some(start) = find(rest, b"<meta") {
        let tag = &rest[start..];
        let tag = &tag[..find(tag, b">").unwrap_or(tag.len())];
        if let Some(label) = charset_in_tag(tag) {
            if let Some(encoding) = encoding_of(&String::from_utf8_lossy(label))? {
                let utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
                return Ok(Some(if utf16 { UTF_8 } else { encoding }));
            }
        }
        rest = &rest[start + b"<meta".len()..];
    }
    Ok(None)
}

/// The value after `charset=` in a (lowercased) tag: the attribute
/// `charset="x"` or the `content="text/html; charset=x"` of `http-equiv`.
fn charset_in_tag(tag: &[u8]) -> Option<&[u8]> {
    let after = &tag[find(tag, b"charset")? + b"charset".len()..];
    let after = trim_start(after).strip_prefix(b"=")?;
    let after = trim_start(after);
    let after = after.strip_prefix(b"\"").or_else(|| after.strip_prefix(b"'")).unwrap_or(after);
    let end = after.iter().position(|b| matches!(b, b'"' | b'\'' | b';' | b'/' | b' ' | b'\t' | b'\n' | b'\r')).unwrap_or(after.len());
    (end > 0).then_some(&after[..end])
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    &bytes[start..]
}

/// The offset of the first occurrence of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The `charset` parameter of a `Content-Type` value
/// (`text/html; charset="ISO-8859-1"` → `ISO-8859-1`).
pub(crate) fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches('"'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charsets_are_found_in_both_forms() {
        let both = [
            &b"<html><head><META CHARSET=\"ISO-8859-1\">"[..],
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">",
            b"<meta charset=latin1>",
        ];
        for page in both {
            assert_eq!(meta_charset(page), Ok(Some(encoding_rs::WINDOWS_1252)), "{}", String::from_utf8_lossy(page));
        }
        assert_eq!(meta_charset(b"<meta name=\"author\" content=\"x\">"), Ok(None));
        assert_eq!(meta_charset(b"<meta charset=\"utf-16\">"), Ok(Some(UTF_8)));
    }

    #[test]
    fn content_type_charsets_are_read() {
        assert_eq!(charset_param("text/html; charset=\"ISO-8859-1\""), Some("ISO-8859-1"));
        assert_eq!(charset_param("text/html;CharSet=utf-8 "), Some("utf-8"));
        assert_eq!(charset_param("text/html"), None);
    }
}
