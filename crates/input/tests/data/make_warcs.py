#!/usr/bin/env python3
"""Writes the WARC fixtures of newsgraph-input's tests with warcio, a real
WARC writer, so that the tests read what crawlers write rather than what
the reader's author thinks they write.

    python3 -m pip install warcio   # 1.8 was used
    python3 crates/input/tests/data/make_warcs.py

The output is deterministic (fixed dates and record ids; warcio's gzip
headers carry no time), so running it again changes no fixture. The pages
and the news in them are invented.

Records of crawl.warc.gz (WARC/1.1, one gzip member per record) and
crawl.warc (WARC/1.0, the same records), by number:
   1 warcinfo                    skipped
   2 request                     skipped
   3 response 200 UTF-8 HTML     article
   4 metadata                    skipped
   5 response 404                skipped
   6 response 200 ISO-8859-1     article (charset from the HTTP header)
   7 response 200 image/png      skipped
   8 response 200 chunked+gzip   article
   9 response 200 <meta charset> article (charset from the page)
  10 resource text/plain         article
  11 revisit                     skipped
  12 response 200, URL of 3      article (key "<url>#12")
truncated.warc is crawl.warc without its last 100 bytes (record 12 is cut);
truncated.warc.gz is crawl.warc.gz without its last 30 bytes.
"""

import gzip
import io
import os

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = "https://news.example.org"


def page(title, paragraph, head=""):
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head>"
        f"<body><article><h1>{title}</h1><p>{paragraph}</p></article></body></html>"
    )


HARBOUR = page(
    "Harbour plan approved",
    "The council approved the harbour plan on Tuesday, said Mayor Inès Moreau.",
    '<meta charset="utf-8">',
).encode("utf-8")
HARBOUR_UPDATED = page(
    "Harbour plan approved (updated)",
    "The council approved the harbour plan on Tuesday, said Mayor Inès Moreau. Work starts in June.",
    '<meta charset="utf-8">',
).encode("utf-8")
CAFE = page("Le café du port rouvre", "Le café du port rouvre lundi, a déclaré le maire.").encode("iso-8859-1")
FERRY = page(
    "Ferry strike ends",
    "The ferry strike ended on Friday, the union's spokesman Tom Berg said.",
).encode("utf-8")
MARKET = page(
    "Marché de Noël",
    "Le marché de Noël ouvrira le 1er décembre, a annoncé la préfète.",
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
).encode("cp1252")
BRIEF = b"Wire brief: the port authority said cargo traffic rose 4% in May.\n"
NOT_FOUND = page("Not found", "This page does not exist.").encode("utf-8")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(24)


def chunked(body, size=40):
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


class Archive:
    """A WARC being written, with deterministic dates and ids."""

    def __init__(self, stream, gzip_records, version):
        self.writer = WARCWriter(stream, gzip=gzip_records, warc_version=version)
        self.count = 0

    def headers(self, extra=None):
        self.count += 1
        headers = {
            "WARC-Date": f"2024-05-01T08:{self.count:02d}:00Z",
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{self.count:012d}>",
        }
        headers.update(extra or {})
        return headers

    def write(self, uri, kind, payload=b"", http=None, content_type="", extra=None):
        record = self.writer.create_warc_record(
            uri,
            kind,
            payload=io.BytesIO(payload),
            length=len(payload),
            warc_content_type=content_type,
            warc_headers_dict=self.headers(extra),
            http_headers=http,
        )
        self.writer.write_record(record)

    def response(self, uri, status, headers, body):
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        self.write(uri, "response", body, http=http)


def write_crawl(stream, gzip_records, version):
    warc = Archive(stream, gzip_records, version)
    info = b"software: warcio\r\nformat: WARC File Format 1.1\r\n"
    warc.write("", "warcinfo", info, content_type="application/warc-fields", extra={"WARC-Filename": "crawl.warc"})
    request = StatusAndHeaders("GET /2024/05/01/harbour-plan HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
    warc.write(f"{SITE}/2024/05/01/harbour-plan", "request", http=request)
    html_utf8 = [("Content-Type", "text/html; charset=utf-8"), ("Content-Language", "en")]
    warc.response(f"{SITE}/2024/05/01/harbour-plan", "200 OK", html_utf8, HARBOUR)
    warc.write(f"{SITE}/2024/05/01/harbour-plan", "metadata", b"outlinks: 3\r\n", content_type="application/warc-fields")
    warc.response(f"{SITE}/missing", "404 Not Found", [("Content-Type", "text/html")], NOT_FOUND)
    warc.response(f"{SITE}/2024/05/02/cafe", "200 OK", [("Content-Type", "text/html; charset=ISO-8859-1")], CAFE)
    warc.response(f"{SITE}/logo.png", "200 OK", [("Content-Type", "image/png")], PNG)
    encoded = [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
    warc.response(f"{SITE}/2024/05/03/ferry", "200 OK", encoded, chunked(gzip.compress(FERRY, mtime=0)))
    warc.response(f"{SITE}/2024/05/04/marche", "200 OK", [("Content-Type", "text/html")], MARKET)
    warc.write(f"{SITE}/wire/brief.txt", "resource", BRIEF, content_type="text/plain; charset=utf-8")
    revisit = {
        "WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
        "WARC-Refers-To-Target-URI": f"{SITE}/2024/05/01/harbour-plan",
    }
    warc.write(f"{SITE}/2024/05/01/harbour-plan", "revisit", content_type="application/http; msgtype=response", extra=revisit)
    warc.response(f"{SITE}/2024/05/01/harbour-plan", "200 OK", html_utf8, HARBOUR_UPDATED)


def save(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    compressed, plain = io.BytesIO(), io.BytesIO()
    write_crawl(compressed, True, "1.1")
    write_crawl(plain, False, "1.0")
    save("crawl.warc.gz", compressed.getvalue())
    save("crawl.warc", plain.getvalue())
    save("truncated.warc", plain.getvalue()[:-100])
    save("truncated.warc.gz", compressed.getvalue()[:-30])


if __name__ == "__main__":
    main()
