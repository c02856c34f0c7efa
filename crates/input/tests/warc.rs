//! WARC reading, over fixtures written by warcio (see data/make_warcs.py for
//! what each record is).

use newsgraph_input::{read_warc, ArchiveError, Problem, Record, Unit};
use std::io::{self, Read};

const SITE: &str = "https://news.example.org";

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Everything `read_warc` hands over, and how it ended.
fn read(bytes: &[u8], gzipped: bool) -> (Vec<Result<Record, Problem>>, Result<(), ArchiveError>) {
    let mut items = Vec::new();
    let end = read_warc(bytes, gzipped, |item| items.push(item));
    (items, end)
}

/// The articles of a file that must read without any problem.
fn articles(name: &str, gzipped: bool) -> Vec<Record> {
    let (items, end) = read(&fixture(name), gzipped);
    assert!(end.is_ok(), "{end:?}");
    items.into_iter().map(|item| item.unwrap_or_else(|p| panic!("unexpected problem: {p}"))).collect()
}

fn by_number(records: &[Record], number: usize) -> &Record {
    records.iter().find(|r| r.number == number).unwrap_or_else(|| panic!("no record {number}"))
}

fn page(head: &str, title: &str, paragraph: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head>{head}<title>{title}</title></head>\
         <body><article><h1>{title}</h1><p>{paragraph}</p></article></body></html>"
    )
}

#[test]
fn only_the_article_records_are_handed_over() {
    let records = articles("crawl.warc.gz", true);
    let numbers: Vec<usize> = records.iter().map(|r| r.number).collect();
    // 1 warcinfo, 2 request, 4 metadata, 5 a 404, 7 an image, 11 a revisit: skipped.
    assert_eq!(numbers, [3, 6, 8, 9, 10, 12]);
}

#[test]
fn a_response_gives_its_url_date_language_and_page_without_http_headers() {
    let records = articles("crawl.warc.gz", true);
    let expected = Record {
        number: 3,
        key: format!("{SITE}/2024/05/01/harbour-plan"),
        url: Some(format!("{SITE}/2024/05/01/harbour-plan")),
        date: Some("2024-05-01T08:03:00Z".into()),
        title: None,
        authors: Vec::new(),
        publisher: None,
        language: Some("en".into()),
        body: page(
            "<meta charset=\"utf-8\">",
            "Harbour plan approved",
            "The council approved the harbour plan on Tuesday, said Mayor Inès Moreau.",
        ),
        is_html: true,
    };
    assert_eq!(by_number(&records, 3), &expected);
}

#[test]
fn an_uncompressed_warc_1_0_reads_as_its_gzipped_warc_1_1_twin() {
    assert_eq!(articles("crawl.warc", false), articles("crawl.warc.gz", true));
}

#[test]
fn the_http_charset_decodes_a_latin_1_page() {
    let records = articles("crawl.warc.gz", true);
    let cafe = by_number(&records, 6);
    let title = "Le café du port rouvre";
    assert_eq!(cafe.body, page("", title, "Le café du port rouvre lundi, a déclaré le maire."));
}

#[test]
fn a_meta_charset_decodes_a_page_the_http_headers_say_nothing_of() {
    let records = articles("crawl.warc.gz", true);
    let head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">";
    let paragraph = "Le marché de Noël ouvrira le 1er décembre, a annoncé la préfète.";
    assert_eq!(by_number(&records, 9).body, page(head, "Marché de Noël", paragraph));
}

#[test]
fn a_chunked_gzipped_payload_is_undone() {
    let records = articles("crawl.warc.gz", true);
    let paragraph = "The ferry strike ended on Friday, the union's spokesman Tom Berg said.";
    assert_eq!(by_number(&records, 8).body, page("", "Ferry strike ends", paragraph));
}

#[test]
fn a_plain_text_resource_is_an_article_that_is_not_html() {
    let records = articles("crawl.warc.gz", true);
    let brief = by_number(&records, 10);
    assert_eq!(brief.url.as_deref(), Some("https://news.example.org/wire/brief.txt"));
    assert_eq!(brief.body, "Wire brief: the port authority said cargo traffic rose 4% in May.\n");
    assert!(!brief.is_html);
    assert_eq!(brief.language, None);
}

#[test]
fn a_page_that_cannot_be_decoded_is_named_and_reading_goes_on() {
    // A label of the same length, so that the record's Content-Length holds.
    let mut bytes = fixture("crawl.warc");
    let at = bytes.windows(18).position(|w| w == b"charset=ISO-8859-1").expect("record 6 declares ISO-8859-1");
    bytes[at..at + 18].copy_from_slice(b"charset=nonesuch-1");
    let (items, end) = read(&bytes, false);
    assert!(end.is_ok(), "{end:?}");
    let summary: Vec<String> = items
        .iter()
        .map(|item| match item {
            Ok(record) => record.number.to_string(),
            Err(problem) => problem.to_string(),
        })
        .collect();
    let problem = "record 6: not UTF-8: byte 0xE9 at offset 40 is invalid, and no charset is declared";
    assert_eq!(summary, ["3", problem, "8", "9", "10", "12"]);
}

#[test]
fn keys_are_unique_and_a_repeated_url_gets_its_record_number() {
    let keys: Vec<String> = articles("crawl.warc.gz", true).into_iter().map(|r| r.key).collect();
    let expected = [
        "/2024/05/01/harbour-plan",
        "/2024/05/02/cafe",
        "/2024/05/03/ferry",
        "/2024/05/04/marche",
        "/wire/brief.txt",
        "/2024/05/01/harbour-plan#12",
    ]
    .map(|path| format!("{SITE}{path}"));
    assert_eq!(keys, expected);
}

#[test]
fn a_truncated_record_is_named_with_what_is_missing_and_earlier_records_are_kept() {
    // truncated.warc is crawl.warc less its last 100 bytes: the 4 bytes that
    // end record 12 and 96 of its 364 bytes of content.
    let (items, end) = read(&fixture("truncated.warc"), false);
    assert!(end.is_ok(), "{end:?}");
    let numbers: Vec<usize> = items.iter().filter_map(|i| i.as_ref().ok()).map(|r| r.number).collect();
    assert_eq!(numbers, [3, 6, 8, 9, 10]);
    let problem = items.last().and_then(|i| i.as_ref().err()).map(ToString::to_string);
    assert_eq!(problem.as_deref(), Some("record 12: truncated: 364 bytes of content announced, 268 present"));
}

#[test]
fn a_cut_gzip_stream_is_named_as_a_truncated_record() {
    let (items, end) = read(&fixture("truncated.warc.gz"), true);
    assert!(end.is_ok(), "{end:?}");
    assert_eq!(items.iter().filter(|i| i.is_ok()).count(), 5);
    let expected = "record 12: truncated: 364 bytes of content announced, 323 present (the gzip stream ends early)";
    assert_eq!(items.last().and_then(|i| i.as_ref().err()).map(ToString::to_string).as_deref(), Some(expected));
}

#[test]
fn a_file_cut_inside_a_records_headers_is_named() {
    let whole = fixture("crawl.warc");
    let last = whole.windows(8).rposition(|w| w == b"WARC/1.0").unwrap_or(0);
    let (items, end) = read(&whole[..last + 40], false);
    assert!(end.is_ok(), "{end:?}");
    assert_eq!(items.iter().filter(|i| i.is_ok()).count(), 5);
    let expected = Problem { unit: Unit::Record, number: 12, message: "truncated: the file ends inside the WARC headers".into() };
    assert_eq!(items.last().and_then(|i| i.as_ref().err()), Some(&expected));
}

#[test]
fn a_record_without_content_length_stops_the_file_with_its_number() {
    let whole = String::from_utf8_lossy(&fixture("crawl.warc")).into_owned();
    let broken = whole.replacen("Content-Length: 323\r\n", "", 1);
    let (items, end) = read(broken.as_bytes(), false);
    assert!(end.is_ok(), "{end:?}");
    let problems: Vec<String> = items.iter().filter_map(|i| i.as_ref().err()).map(ToString::to_string).collect();
    assert_eq!(items.len(), 1);
    assert_eq!(problems, ["record 3: no valid Content-Length in the WARC headers"]);
}

/// The offset of the gzip member of record `number` (one member per record).
fn member_offset(bytes: &[u8], number: usize) -> usize {
    let mut rest = bytes;
    for _ in 1..number {
        let mut member = flate2::bufread::GzDecoder::new(rest);
        assert!(io::copy(&mut member, &mut io::sink()).is_ok());
        rest = member.into_inner();
    }
    bytes.len() - rest.len()
}

#[test]
fn a_corrupt_gzip_member_is_named_with_its_record() {
    let mut bytes = fixture("crawl.warc.gz");
    let seventh = member_offset(&bytes, 7);
    bytes[seventh] = 0;
    let (items, end) = read(&bytes, true);
    assert!(end.is_ok(), "{end:?}");
    let numbers: Vec<usize> = items.iter().filter_map(|i| i.as_ref().ok()).map(|r| r.number).collect();
    assert_eq!(numbers, [3, 6]);
    let problem = items.last().and_then(|i| i.as_ref().err()).map(ToString::to_string);
    assert_eq!(problem.as_deref(), Some("record 7: gzip stream corrupt or cut short: invalid gzip header"));
}

#[test]
fn corrupt_compressed_data_stops_the_file_at_the_record_it_garbles() {
    // Bytes garbled inside a member's deflate data, not its header.
    let mut bytes = fixture("crawl.warc.gz");
    let seventh = member_offset(&bytes, 7);
    bytes[seventh + 20..seventh + 36].fill(0xff);
    let (items, end) = read(&bytes, true);
    assert!(end.is_ok(), "{end:?}");
    let numbers: Vec<usize> = items.iter().filter_map(|i| i.as_ref().ok()).map(|r| r.number).collect();
    assert_eq!(numbers, [3, 6]);
    let problem = items.last().and_then(|i| i.as_ref().err()).map(ToString::to_string);
    assert_eq!(problem.as_deref(), Some("record 7: gzip stream corrupt or cut short: corrupt deflate stream"));
}

#[test]
fn a_file_that_is_not_warc_is_named_at_its_first_record() {
    let (items, end) = read(b"<html>not an archive</html>\n", false);
    assert!(end.is_ok(), "{end:?}");
    let problems: Vec<String> = items.iter().filter_map(|i| i.as_ref().err()).map(ToString::to_string).collect();
    assert_eq!(problems, ["record 1: expected a WARC/1.x version line, found \"<html>not an archive</html>\""]);
    let (items, _) = read(&fixture("crawl.warc"), true);
    let problems: Vec<String> = items.iter().filter_map(|i| i.as_ref().err()).map(ToString::to_string).collect();
    assert_eq!(problems, ["record 1: gzip stream corrupt or cut short: invalid gzip header"]);
}

/// A reader that fails after giving `left` bytes, as a vanishing disk would.
struct Failing<'a> {
    bytes: &'a [u8],
    left: usize,
}

impl Read for Failing<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Err(io::Error::other("disk gone"));
        }
        let n = buf.len().min(self.left).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        self.left -= n;
        Ok(n)
    }
}

#[test]
fn a_failing_reader_is_an_archive_error_after_the_records_read() {
    let whole = fixture("crawl.warc");
    let mut items = Vec::new();
    let end = read_warc(Failing { bytes: &whole, left: 3000 }, false, |item| items.push(item));
    let numbers: Vec<usize> = items.iter().filter_map(|i| i.as_ref().ok()).map(|r| r.number).collect();
    assert_eq!(numbers, [3]);
    assert_eq!(end.map_err(|e| e.to_string()), Err("reading failed at record 6: disk gone".to_string()));
}
