//! File names to formats, and bytes to UTF-8.

use newsgraph_input::{decode, format_of, gunzip, gz_inner_name, DecodeError, Format};
use std::io::{Read, Write};

#[test]
fn file_names_tell_the_archive_format() {
    let table = [
        ("x.warc", Some((Format::Warc, false))),
        ("x.warc.gz", Some((Format::Warc, true))),
        ("CRAWL.WARC.GZ", Some((Format::Warc, true))),
        ("x.jsonl", Some((Format::Jsonl, false))),
        ("x.jsonl.gz", Some((Format::Jsonl, true))),
        ("x.ndjson", Some((Format::Jsonl, false))),
        ("x.ndjson.gz", Some((Format::Jsonl, true))),
        ("x.json", None),
        ("x.txt.gz", None),
        ("x.gz", None),
        ("warc", None),
        ("x.warc.zst", None),
    ];
    for (name, expected) in table {
        assert_eq!(format_of(name), expected, "{name}");
    }
}

#[test]
fn gzipped_article_files_name_what_they_hold() {
    assert_eq!(gz_inner_name("a.txt.gz"), Some("a.txt"));
    assert_eq!(gz_inner_name("b.HTML.GZ"), Some("b.HTML"));
    assert_eq!(gz_inner_name("c.md.gz"), Some("c.md"));
    assert_eq!(gz_inner_name("a.txt"), None);
    assert_eq!(gz_inner_name(".gz"), None);
}

#[test]
fn gunzip_reads_every_member() {
    let mut bytes = Vec::new();
    for part in ["first, ", "second"] {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        assert!(encoder.write_all(part.as_bytes()).is_ok());
        bytes.extend(encoder.finish().unwrap_or_default());
    }
    let mut text = String::new();
    assert!(gunzip(&bytes[..]).read_to_string(&mut text).is_ok());
    assert_eq!(text, "first, second");
}

#[test]
fn utf8_and_byte_order_marks_decode() {
    assert_eq!(decode("Inès".as_bytes(), None, false), Ok("Inès".to_string()));
    assert_eq!(decode(b"\xef\xbb\xbfIn\xc3\xa8s", None, false), Ok("Inès".to_string()));
    // A BOM outranks a declaration: UTF-16LE "é" declared as Latin-1.
    assert_eq!(decode(b"\xff\xfe\xe9\x00", Some("iso-8859-1"), false), Ok("é".to_string()));
}

#[test]
fn a_declared_charset_decodes_and_outranks_the_page() {
    assert_eq!(decode(b"caf\xe9", Some("ISO-8859-1"), false), Ok("café".to_string()));
    assert_eq!(decode(b"caf\xe9", Some("\"latin1\""), false), Ok("café".to_string()));
    let page = b"<meta charset=\"koi8-r\"><p>caf\xe9</p>";
    assert_eq!(decode(page, Some("windows-1252"), true), Ok("<meta charset=\"koi8-r\"><p>café</p>".to_string()));
}

#[test]
fn a_meta_charset_counts_for_html_only_and_in_the_first_2_kb() {
    let page = b"<html><head><meta charset=\"iso-8859-1\"></head><p>caf\xe9</p>";
    let decoded = decode(page, None, true);
    assert_eq!(decoded.as_deref(), Ok("<html><head><meta charset=\"iso-8859-1\"></head><p>café</p>"));
    assert!(matches!(decode(page, None, false), Err(DecodeError::InvalidUtf8 { .. })));
    let mut late = vec![b' '; 2048];
    late.extend_from_slice(b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>");
    assert_eq!(decode(&late, None, true), Err(DecodeError::InvalidUtf8 { offset: 2048 + 33, byte: 0xe9 }));
}

#[test]
fn undeclared_bytes_that_are_not_utf8_are_an_error_naming_the_offset() {
    let error = decode(b"caf\xe9 au lait", None, true);
    assert_eq!(error, Err(DecodeError::InvalidUtf8 { offset: 3, byte: 0xe9 }));
    let shown = error.map_err(|e| e.to_string());
    assert_eq!(shown, Err("not UTF-8: byte 0xE9 at offset 3 is invalid, and no charset is declared".to_string()));
}

#[test]
fn unknown_labels_are_ignored_and_refused_charsets_are_errors() {
    // Browsers ignore a label they do not know; the bytes must then be UTF-8.
    assert_eq!(decode(b"plain", Some("x-no-such-charset"), false), Ok("plain".to_string()));
    assert_eq!(decode(b"caf\xe9", Some("x-no-such-charset"), false), Err(DecodeError::InvalidUtf8 { offset: 3, byte: 0xe9 }));
    let refused = decode(b"text", Some("ISO-2022-KR"), false).map_err(|e| e.to_string());
    assert_eq!(refused, Err("charset \"ISO-2022-KR\" is not supported".to_string()));
}
